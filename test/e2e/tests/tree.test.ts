// The call-site tree "LLM Cost" in code-server (issue 14): its rows and their order equal the tree built from the
// CLI's scan of the same files; a click reveals the call; sort and "needs attention" toggle; a file written on
// disk shows up without a save; "Set volume…" from the context menu saves the folder setting and the row updates.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { expectText, expectVisible } from '../harness/expect';
import { cliScan, settingsGetVolume } from '../stories/editor';
import { expectedRows, LATE_FILE, LATE_SOURCE, openTree, TREE_FILES, treeAction, treeRow, treeShows, writeFiles as write } from '../stories/tree';
import type { ScanResult } from '../../../src/core/scan/scan';

describe('call-site tree: items, order, click-to-reveal, refresh, context menu', () => {
  let session: Session;
  let wb: Workbench;
  let scan: ScanResult;

  before(async () => {
    session = await Session.start({ name: 'tree', prepare: (ws) => write(ws, TREE_FILES) });
    wb = new Workbench(session);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  });
  after(async () => {
    await session?.stop();
  });

  it('lists directories → files → call sites, costliest first, with the CLI figures', async () => {
    scan = cliScan(session.workspace);
    await wb.waitForExtensionReady();
    await openTree(wb);
    const rows = await treeShows(wb, expectedRows(scan, { sort: 'cost', attentionOnly: false }), 90_000);
    console.log(`[e2e] tree rows:\n  ${rows.join('\n  ')}`);
    assert.match(rows[0]!, /^jobs \$/, 'the costliest directory comes first');
  });

  it('clicking a call site opens its file with the cursor on the call', async () => {
    const c = scan.callSites.find((x) => x.file === 'jobs/nightly.py')!;
    await treeRow(wb, `${c.qualifiedName} :${c.line}`).click();
    await expectVisible(session, wb.page.locator('.tabs-container .tab.active').filter({ hasText: 'nightly.py' }), 'an active editor tab for nightly.py', 15_000);
    await expectText(session, wb.page.locator('.part.statusbar .statusbar-item[id$="editor.selection"]'), `Ln ${c.line}, Col ${c.column}`, 'the cursor on the call', 10_000);
  });

  it('sorts by file and back; "needs attention" keeps the call with the default volume', async () => {
    await treeAction(wb, 'Sort by File');
    await treeShows(wb, expectedRows(scan, { sort: 'file', attentionOnly: false }), 20_000);
    await treeAction(wb, 'Sort by Cost');
    await treeAction(wb, 'Show Only Calls Needing Attention');
    const rows = await treeShows(wb, expectedRows(scan, { sort: 'cost', attentionOnly: true }), 20_000);
    assert.ok(rows.some((r) => r.startsWith('tagger.py')) && !rows.some((r) => r.startsWith('nightly.py')), rows.join('\n'));
    await treeAction(wb, 'Show All Calls');
    await treeShows(wb, expectedRows(scan, { sort: 'cost', attentionOnly: false }), 20_000);
  });

  it('a file written on disk by another program appears without a save, in cost order', async () => {
    write(session.workspace, { [LATE_FILE]: LATE_SOURCE });
    scan = cliScan(session.workspace);
    const rows = await treeShows(wb, expectedRows(scan, { sort: 'cost', attentionOnly: false }), 60_000);
    assert.match(rows[0]!, /^batch \$/, `the new costliest directory is first:\n${rows.join('\n')}`);
  });

  it('"Set Volume…" from the context menu saves the folder setting and the row shows the new cost', async () => {
    const c = scan.callSites.find((x) => x.file === 'jobs/tagger.py')!;
    await treeRow(wb, `${c.qualifiedName} :${c.line}`).click({ button: 'right' });
    await (await expectVisible(session, wb.page.locator('.context-view .action-label').filter({ hasText: 'Set Volume…' }), 'the "Set Volume…" context-menu entry', 10_000)).click();
    const input = await expectVisible(session, wb.page.locator('.quick-input-widget input.input'), 'the requests-per-day input', 10_000);
    await input.fill('4000');
    await wb.page.keyboard.press('Enter');
    const settings = await settingsGetVolume(wb, c.key, 4000);
    assert.deepEqual((settings?.['llmCostLens.callSites'] as Record<string, unknown>)?.[c.key], { requestsPerDay: 4000 });
    scan = cliScan(session.workspace);
    const rows = await treeShows(wb, expectedRows(scan, { sort: 'cost', attentionOnly: false }), 30_000);
    console.log(`[e2e] after Set Volume…:\n  ${rows.join('\n  ')}`);
  });
});
