// Malformed `.vscode/settings.json` in code-server (issue 6): a warning naming the setting (or the file) and the
// reason, the defaults used in its place, and the CodeLens equal to `llm-cost-lens scan --json` of the same tree.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { reportActivation } from '../harness/timings';
import { DEFAULT_VOLUME_FILE, DEFAULT_VOLUME_SOURCE, callSiteIn, cliScan, codeLensShows, expectedLens } from '../stories/editor';
import { SETTINGS } from '../../../src/core/settings';

const BAD_VALUES = `{
  // e2e: one out-of-range and one wrong-type value
  "llmCostLens.requestsPerDay": -5,
  "llmCostLens.selfHosted.opsHoursPerMonth": "ten",
}
`;
// The comma after 2500 is missing: line 3, column 3 is where the parser expected it.
const SYNTAX_ERROR = `{
  "llmCostLens.requestsPerDay": 2500
  "llmCostLens.daysPerMonth": 22
}
`;

describe('editor: malformed llmCostLens settings', () => {
  let session: Session;
  let wb: Workbench;

  const writeSettings = (text: string) => {
    mkdirSync(join(session.workspace, '.vscode'), { recursive: true });
    writeFileSync(join(session.workspace, '.vscode', 'settings.json'), text);
  };
  /** The CLI's view of the call site in DEFAULT_VOLUME_FILE for the settings on disk now. */
  const cliSite = () => callSiteIn(cliScan(session.workspace), DEFAULT_VOLUME_FILE);

  before(async () => {
    session = await Session.start({ name: 'editor-settings' });
    wb = new Workbench(session);
    writeFileSync(join(session.workspace, DEFAULT_VOLUME_FILE), DEFAULT_VOLUME_SOURCE);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 80));
  });
  after(async () => {
    await session?.stop();
    if (session) reportActivation(session);
  });

  it('requestsPerDay -5 and a string for opsHoursPerMonth: one warning each naming the setting and the reason; the lens uses the defaults', async () => {
    writeSettings(BAD_VALUES);
    const c = cliSite();
    // Not only "equal to the CLI": the CLI itself must have fallen back to the defaults.
    assert.equal(c.volume.requestsPerDay, SETTINGS.requestsPerDay.default);
    assert.equal(c.volume.source, 'default');
    assert.equal(c.cost?.assumptions.opsHoursPerMonth, SETTINGS['selfHosted.opsHoursPerMonth'].default);
    const lens = expectedLens(c);
    assert.match(lens, / · at 1,000\/day \(default\) · /);
    await codeLensShows(wb, DEFAULT_VOLUME_FILE, lens);

    const volume = await wb.waitForNotification('llmCostLens.requestsPerDay');
    console.log(`[e2e] notification: ${JSON.stringify(volume)}`);
    // The setting first: a collapsed notification shows only the start of its message.
    assert.match(volume, /^llmCostLens\.requestsPerDay: must not be negative \(got -5\) — using the default \(1000\) \(examples\/\.vscode\/settings\.json\)/m, 'names the setting, the reason and the file');

    const ops = await wb.waitForNotification('llmCostLens.selfHosted.opsHoursPerMonth');
    console.log(`[e2e] notification: ${JSON.stringify(ops)}`);
    assert.match(ops, /llmCostLens\.selfHosted\.opsHoursPerMonth: expected number, got string "ten"/);
    assert.match(ops, /using the default \(10\)/);
    // The lens still shows the default-volume figures once the warnings are up.
    await wb.waitForCodeLens(lens, 10_000);
  });

  it('a JSONC syntax error: a warning naming the file and the position; every value in it falls back to its default', async () => {
    await wb.clearNotifications();
    writeSettings('{ "llmCostLens.requestsPerDay": 2500 }\n');
    const valid = cliSite();
    assert.equal(valid.volume.requestsPerDay, 2500);
    await wb.waitForCodeLens(expectedLens(valid), 20_000);

    writeSettings(SYNTAX_ERROR);
    const c = cliSite();
    assert.equal(c.volume.requestsPerDay, SETTINGS.requestsPerDay.default, 'the CLI ignores the unreadable file');
    assert.equal(c.volume.source, 'default');
    const text = await wb.waitForNotification('invalid JSON');
    console.log(`[e2e] notification: ${JSON.stringify(text)}`);
    assert.match(text, /^examples\/\.vscode\/settings\.json: invalid JSON at line 3, column 3: comma expected — using defaults/m);
    await wb.waitForCodeLens(expectedLens(c), 20_000);
  });

  it('a problem that was fixed and comes back is reported again', async () => {
    await wb.clearNotifications();
    writeSettings(BAD_VALUES);
    const text = await wb.waitForNotification('llmCostLens.requestsPerDay');
    assert.match(text, /must not be negative/);
    await wb.waitForCodeLens(expectedLens(cliSite()), 20_000);
  });
});
