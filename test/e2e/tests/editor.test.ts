// The editor experience (issue 6) in code-server: CodeLens, hover, status bar totals and "Set volume…",
// each compared with `llm-cost-lens scan --json` of the same workspace copy.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { reportActivation } from '../harness/timings';
import type { ScanResult } from '../../../src/core/scan/scan';
import { DEFAULT_VOLUME_FILE, DEFAULT_VOLUME_SOURCE, callSiteIn, cliScan, codeLensShows, expectedLens, expectedStatus, hoverExpectations, hoverShows, setVolumeRejects, setVolumeThroughLens, settingsGetVolume } from '../stories/editor';

const VOLUME_FILE = DEFAULT_VOLUME_FILE;
const VOLUME_SOURCE = DEFAULT_VOLUME_SOURCE;

describe('editor: CodeLens, hover, status bar, Set volume', () => {
  let session: Session;
  let wb: Workbench;
  let scan: ScanResult;

  before(async () => {
    session = await Session.start({ name: 'editor' });
    wb = new Workbench(session);
    writeFileSync(join(session.workspace, VOLUME_FILE), VOLUME_SOURCE);
    scan = cliScan(session.workspace);
    for (const c of scan.callSites) console.log(`[e2e] CLI ${c.file}:${c.line}:${c.column}: ${expectedLens(c)}`);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  });
  after(async () => {
    await session?.stop();
    if (session) reportActivation(session);
  });

  it('app/summarize.py: the CodeLens shows the same figures as the CLI', async () => {
    const c = callSiteIn(scan, 'app/summarize.py');
    const lens = expectedLens(c);
    assert.match(lens, / · ≈\d[\d,]* → /, 'summarize.py counts are approximate (Claude tokenizer)');
    const r = await codeLensShows(wb, 'app/summarize.py', lens);
    console.log(`[e2e] first CodeLens on app/summarize.py ${r.msAfterTab} ms after its tab opened (${r.msIncludingQuickOpen} ms including Ctrl+P): ${JSON.stringify(r.text)}`);
    assert.ok(r.text.includes('Set volume'), `the lens row has a "Set volume…" action: ${r.text}`);
  });

  it('app/summarize.py: the hover on the call lists model, prices as of, API and self-hosted cost, break-even', async () => {
    const c = callSiteIn(scan, 'app/summarize.py');
    const text = await hoverShows(wb, c, /prices as of/);
    for (const s of hoverExpectations(c)) assert.ok(text.includes(s), `hover lacks ${JSON.stringify(s)}:\n${text}`);
    assert.ok(text.includes(c.openModel.model!), `hover names the open model ${c.openModel.model}`);
    console.log(`[e2e] hover at app/summarize.py:${c.line}:${c.column}:\n${text}`);
    await session.screenshot('hover-open-on-summarize-py');
    await wb.page.keyboard.press('Escape');
  });

  it('app/classify.ts: CodeLens and hover match the CLI', async () => {
    const c = callSiteIn(scan, 'app/classify.ts');
    const r = await codeLensShows(wb, 'app/classify.ts', expectedLens(c));
    console.log(`[e2e] first CodeLens on app/classify.ts ${r.msAfterTab} ms after its tab opened: ${JSON.stringify(r.text)}`);
    const text = await hoverShows(wb, c, /prices as of/);
    for (const s of hoverExpectations(c)) assert.ok(text.includes(s), `hover lacks ${JSON.stringify(s)}:\n${text}`);
    await wb.page.keyboard.press('Escape');
  });

  it('the status bar shows the workspace totals of the CLI', async () => {
    const text = await wb.waitForStatusBarItem(expectedStatus(scan), 45_000);
    console.log(`[e2e] status bar: ${JSON.stringify(text.trim())}`);
  });

  it('Set volume… on an annotated call: saved to .vscode/settings.json, and the lens says the comment hides it', async () => {
    const c = callSiteIn(scan, 'app/classify.ts');
    await codeLensShows(wb, 'app/classify.ts', 'Set volume');
    await setVolumeThroughLens(wb, '1234');
    await wb.waitForCodeLens('hidden by comment', 20_000);
    const settings = await settingsGetVolume(wb, c.key, 1234);
    assert.deepEqual((settings?.['llmCostLens.callSites'] as Record<string, unknown>)?.[c.key], { requestsPerDay: 1234 });
    // The annotation still wins: the cost figures are unchanged.
    await wb.waitForCodeLens(expectedLens(c), 10_000);
  });

  it('Set volume… rejects a negative number, then saves 2,500/day and the lens and status bar update', async () => {
    const before = callSiteIn(scan, VOLUME_FILE);
    assert.equal(before.volume.source, 'default');
    await codeLensShows(wb, VOLUME_FILE, expectedLens(before));
    const message = await setVolumeRejects(wb, '-5', /Requests per day: must not be negative/);
    console.log(`[e2e] validation message: ${JSON.stringify(message)}`);
    await setVolumeThroughLens(wb, '2,500');
    const settings = await settingsGetVolume(wb, before.key, 2500);
    const sites = settings?.['llmCostLens.callSites'] as Record<string, { requestsPerDay?: number }>;
    assert.equal(sites?.[before.key]?.requestsPerDay, 2500, `settings.json: ${JSON.stringify(settings)}`);
    const afterScan = cliScan(session.workspace);
    const after = callSiteIn(afterScan, VOLUME_FILE);
    assert.equal(after.volume.requestsPerDay, 2500);
    assert.equal(after.volume.source, 'settings');
    const lens = await wb.waitForCodeLens(expectedLens(after), 20_000);
    console.log(`[e2e] lens after Set volume: ${JSON.stringify(lens)}`);
    await wb.waitForStatusBarItem(expectedStatus(afterScan), 20_000);
  });
});
