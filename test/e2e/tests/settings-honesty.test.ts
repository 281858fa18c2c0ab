// Settings honesty (issue 14): an llmCostLens.* value in User settings that the folder's .vscode/settings.json does
// not carry is read by neither the editor nor the CLI. The extension says so once; "Move to folder settings" moves
// it into the folder file (which the CLI reads too) and out of User settings, and the lens then uses it.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { expectVisible } from '../harness/expect';
import { callSiteIn, cliScan, DEFAULT_VOLUME_FILE, DEFAULT_VOLUME_SOURCE } from '../stories/editor';
import { formatUsd } from '../../../src/core/money';

describe('settings honesty: a User value the folder file lacks', () => {
  let session: Session;
  let wb: Workbench;

  before(async () => {
    session = await Session.start({
      name: 'settings-honesty',
      prepare: (ws) => writeFileSync(join(ws, DEFAULT_VOLUME_FILE), DEFAULT_VOLUME_SOURCE),
      userSettings: { 'llmCostLens.requestsPerDay': 20000 },
    });
    wb = new Workbench(session);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  });
  after(async () => {
    await session?.stop();
  });

  it('warns once, naming the setting; "Move to folder settings" moves it and the lens uses it', async () => {
    const before = callSiteIn(cliScan(session.workspace), DEFAULT_VOLUME_FILE);
    assert.equal(before.volume.source, 'default', 'the CLI ignores the User value');
    await wb.openFile(DEFAULT_VOLUME_FILE);
    await wb.waitForCodeLens('at 1,000/day (default)', 120_000);
    const text = await wb.waitForNotification(/llmCostLens\.requestsPerDay \(User settings\) is ignored/, 60_000);
    console.log(`[e2e] warning: ${JSON.stringify(text.replace(/\s+/g, ' ').trim())}`);
    const button = wb.page.locator('.notifications-center .notification-list-item').filter({ hasText: 'is ignored' }).locator('.monaco-button', { hasText: 'Move to folder settings' });
    await (await expectVisible(session, button, 'the "Move to folder settings" button', 10_000)).click();

    const deadline = Date.now() + 20_000;
    while (wb.readSettingsJson()?.['llmCostLens.requestsPerDay'] !== 20000 && Date.now() < deadline) await wb.page.waitForTimeout(200);
    assert.equal(wb.readSettingsJson()?.['llmCostLens.requestsPerDay'], 20000, 'the value is in the folder file');
    const after = callSiteIn(cliScan(session.workspace), DEFAULT_VOLUME_FILE);
    assert.equal(after.volume.requestsPerDay, 20000, 'the CLI now reads it');
    const lens = await wb.waitForCodeLens(`API ${formatUsd(after.cost!.api!.monthlyUsd)}/mo`, 30_000);
    assert.match(lens, /at 20,000\/day/);
    const user = parseJsonc(readFileSync(join(session.server.dirs.userDataDir, 'User', 'settings.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(user['llmCostLens.requestsPerDay'], undefined, 'removed from User settings');
  });
});
