// The cost panel (issue 6) in code-server: the workspace call-site table equals `llm-cost-lens scan --json`,
// every assumption control writes exactly one key to the folder's .vscode/settings.json and the status bar follows,
// invalid values write nothing, sorting / reveal work from the keyboard, and state survives hide/show.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { expectText, expectVisible } from '../harness/expect';
import type { ScanResult } from '../../../src/core/scan/scan';
import { DEFAULT_VOLUME_FILE, DEFAULT_VOLUME_SOURCE, callSiteIn, cliScan, codeLensShows, expectedLens, expectedStatus } from '../stories/editor';
import { PANEL_TITLE } from '../stories/extension';
import { controlWritesAndFollows, expectedRows, exportFromPanel, headerButton, inlineError, openPanel, selectCallSite, setCallSiteField, setControl, settingsUntil, tableMatches, type ControlCase } from '../stories/panel';

// DEFAULT_VOLUME_SOURCE is a call without an llm-cost comment, so the workspace default volume (the requests/day
// control) applies to it.
const K = (key: string) => `llmCostLens.${key}`;

/** One case per control: what to type (or select) and the exact value it must write. */
const CONTROLS: ControlCase[] = [
  { key: 'requestsPerDay', input: '2,500', value: 2500, changesStatus: true },
  { key: 'daysPerMonth', input: '22', value: 22, changesStatus: true },
  { key: 'selfHosted.gpu', input: 'A100-80GB', value: 'A100-80GB' },
  { key: 'selfHosted.gpuCount', input: '2', value: 2 },
  { key: 'selfHosted.gpuHourlyUsd', input: '3.5', value: 3.5 },
  { key: 'selfHosted.precision', input: 'bf16', value: 'bf16' },
  { key: 'selfHosted.utilization', input: '0.5', value: 0.5 },
  { key: 'selfHosted.fixedMonthlyUsd', input: '50', value: 50, changesStatus: true },
  { key: 'selfHosted.opsHoursPerMonth', input: '20', value: 20, changesStatus: true },
  { key: 'selfHosted.opsHourlyUsd', input: '150', value: 150, changesStatus: true },
  { key: 'selfHosted.setupHours', input: '80', value: 80, changesStatus: true },
  { key: 'selfHosted.setupAmortizationMonths', input: '24', value: 24, changesStatus: true },
  // Owned GPUs: switching to purchase + power replaces the rent (2 GPUs per deployment from the gpuCount case above).
  { key: 'selfHosted.gpuOwnership', input: 'owned', value: 'owned', changesStatus: true },
  { key: 'selfHosted.gpuPurchaseUsd', input: '$20,000', value: 20000, changesStatus: true },
  { key: 'selfHosted.gpuAmortizationMonths', input: '24', value: 24, changesStatus: true },
  { key: 'selfHosted.powerUsdPerKWh', input: '0.2', value: 0.2, changesStatus: true },
  { key: 'selfHosted.pue', input: '1.5', value: 1.5, changesStatus: true },
  // A fixed split changes each call site's hybrid figure (a table column and the hover), not the workspace totals.
  { key: 'hybrid.selfHostedShare', input: '0.5', value: 0.5 },
];

const OWNED_KEYS = ['selfHosted.gpuOwnership', 'selfHosted.gpuPurchaseUsd', 'selfHosted.gpuAmortizationMonths', 'selfHosted.powerUsdPerKWh', 'selfHosted.pue'];
const DIGEST_KEY = 'app/digest.py#digest';

describe('cost panel: call-site table, assumption controls, state', () => {
  let session: Session;
  let wb: Workbench;
  let frame: FrameLocator;
  let scan: ScanResult;

  before(async () => {
    session = await Session.start({ name: 'panel' });
    wb = new Workbench(session);
    writeFileSync(join(session.workspace, DEFAULT_VOLUME_FILE), DEFAULT_VOLUME_SOURCE);
    scan = cliScan(session.workspace);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  });
  after(async () => {
    await session?.stop();
  });

  it('the call-site table and totals equal the CLI scan of the same workspace', async () => {
    assert.ok(scan.callSites.length >= 2, 'examples/ has call sites');
    await wb.waitForStatusBarItem(expectedStatus(scan), 45_000);
    frame = await openPanel(wb);
    const seen = await tableMatches(wb, frame, scan);
    console.log(`[e2e] panel table: ${JSON.stringify(seen)}`);
    await expectVisible(session, frame.locator('#callsite-chart svg'), 'the workspace break-even chart', 20_000);
  });

  it('sorting: Enter on the "API $/mo" header sorts by API cost, descending then ascending', async () => {
    const button = await headerButton(wb, frame, 'API $/mo');
    await button.focus();
    await button.press('Enter');
    const api = (rows: string[][]) => rows.map((r) => r[4]);
    const byApi = [...scan.callSites].sort((a, b) => (b.cost?.api?.monthlyUsd ?? -1) - (a.cost?.api?.monthlyUsd ?? -1));
    const want = expectedRows({ ...scan, callSites: byApi });
    await expectText(session, frame.locator('table#callsites thead th[aria-sort="descending"]'), 'API $/mo', 'the API column sorted descending', 5_000);
    const firstCells = await frame.locator('table#callsites tbody tr td:nth-child(5)').allInnerTexts();
    assert.deepEqual(firstCells.map((s) => s.trim()), api(want));
    await (await headerButton(wb, frame, 'API $/mo')).press('Enter');
    await expectText(session, frame.locator('table#callsites thead th[aria-sort="ascending"]'), 'API $/mo', 'the API column sorted ascending', 5_000);
  });

  it('selecting a call-site row charts that call site', async () => {
    const c = scan.callSites.find((x) => x.cost?.api && x.cost.selfHosted)!;
    const row = frame.locator('table#callsites tbody tr').filter({ hasText: `${c.file}:${c.line}` }).first();
    await row.focus();
    await row.press('Enter');
    await expectText(session, frame.locator('#callsite-chart h3'), `${c.file}:${c.line}`, 'the chart title naming the call site', 15_000);
    await expectVisible(session, frame.locator('#callsite-chart svg'), 'the call site\'s break-even chart', 15_000);
  });

  it('clicking file:line reveals the call in the editor at its line and column', async () => {
    const c = scan.callSites[0]!;
    await frame.locator('table#callsites tbody a').filter({ hasText: `${c.file}:${c.line}` }).first().click();
    const name = c.file.split('/').pop()!;
    await expectVisible(session, wb.page.locator('.tabs-container .tab.active').filter({ hasText: name }), `an active editor tab for ${name}`, 15_000);
    await expectText(session, wb.page.locator('.part.statusbar .statusbar-item[id$="editor.selection"]'), `Ln ${c.line}, Col ${c.column}`, 'the cursor at the call', 10_000);
  });

  it('panel state (sort, selected call site) survives hide/show', async () => {
    // Revealing the call opened its file in the panel's editor group, which hid the panel (its webview is
    // destroyed: retainContextWhenHidden is off). Show the panel again: it restores from getState.
    const panelTab = wb.page.locator('.tabs-container .tab').filter({ hasText: PANEL_TITLE }).first();
    await panelTab.click();
    frame = await wb.waitForWebview(PANEL_TITLE, 'table#callsites tbody tr', 20_000);
    const c = scan.callSites.find((x) => x.cost?.api && x.cost.selfHosted)!;
    await expectText(session, frame.locator('table#callsites thead th[aria-sort="ascending"]'), 'API $/mo', 'the API sort restored', 10_000);
    await expectText(session, frame.locator('table#callsites tbody tr.selected'), `${c.file}:${c.line}`, 'the selected row restored', 10_000);
    await expectText(session, frame.locator('#callsite-chart h3'), `${c.file}:${c.line}`, 'the chart restored', 10_000);
    // Back to scan order for the tests below, which compare the table row by row with `scan` (sorted by file).
    await (await headerButton(wb, frame, 'Call site')).click();
    await expectText(session, frame.locator('table#callsites thead th[aria-sort="ascending"]'), 'Call site', 'the table in scan order', 5_000);
  });

  it('an invalid value shows an inline error naming the setting and writes nothing', async () => {
    const before = JSON.stringify(wb.readSettingsJson() ?? null);
    await setControl(frame, 'selfHosted.utilization', '1.5');
    const msg = await inlineError(wb, frame, 'selfHosted.utilization', /llmCostLens\.selfHosted\.utilization/);
    console.log(`[e2e] inline error: ${JSON.stringify(msg)}`);
    await setControl(frame, 'requestsPerDay', '-5');
    await inlineError(wb, frame, 'requestsPerDay', /llmCostLens\.requestsPerDay/);
    await wb.page.waitForTimeout(1_000); // nothing should arrive: give a wrong write time to land before checking
    assert.equal(JSON.stringify(wb.readSettingsJson() ?? null), before, 'settings.json unchanged');
  });

  for (const c of CONTROLS) {
    it(`control ${c.key}: writes ${K(c.key)} = ${JSON.stringify(c.value)} to .vscode/settings.json; status bar and table follow`, async () => {
      await controlWritesAndFollows(wb, frame, c);
    });
  }

  it('hybrid share: the table has a "Hybrid 50% $/mo" column and the hover shows the split', async () => {
    await expectText(session, frame.locator('table#callsites thead'), 'Hybrid 50% $/mo', 'the hybrid column header', 10_000);
    const scanNow = cliScan(session.workspace);
    const c = callSiteIn(scanNow, 'app/summarize.py');
    assert.equal(c.cost?.hybrid?.selfHostedShare, 0.5, 'the CLI costs the call at the 50 % split');
    await wb.openFile(c.file);
    const hover = await wb.hover(c.line, c.column, 'Hybrid 50%', 30_000);
    assert.match(hover, /Hybrid 50%/);
    console.log(`[e2e] hover hybrid row: ${JSON.stringify(hover.split('\n').find((l) => l.includes('Hybrid 50%')))}`);
    await wb.page.keyboard.press('Escape');
    await wb.page.locator('.tabs-container .tab').filter({ hasText: PANEL_TITLE }).first().click();
    frame = await wb.waitForWebview(PANEL_TITLE, 'table#callsites tbody tr', 20_000);
  });

  it('Reset ops and setup to defaults removes exactly those keys', async () => {
    await frame.locator('button[data-section="ops"]').click();
    const keys = ['selfHosted.opsHoursPerMonth', 'selfHosted.opsHourlyUsd', 'selfHosted.setupHours', 'selfHosted.setupAmortizationMonths'].map(K);
    // A read between VS Code truncating and rewriting the file is empty: wait for a key that must stay, too.
    const settings = await settingsUntil(wb, (s) => K('requestsPerDay') in s && keys.every((k) => !(k in s)));
    for (const k of keys) assert.ok(!(k in settings), `${k} removed: ${JSON.stringify(settings)}`);
    assert.equal(settings[K('requestsPerDay')], 2500, 'other sections untouched');
    const after = cliScan(session.workspace);
    await wb.waitForStatusBarItem(expectedStatus(after), 20_000);
    await tableMatches(wb, frame, after);
  });

  it('Reset owned GPUs and Reset hybrid routing remove exactly their keys', async () => {
    const before = cliScan(session.workspace);
    await frame.locator('button[data-section="owned"]').click();
    const settings = await settingsUntil(wb, (s) => K('requestsPerDay') in s && OWNED_KEYS.every((k) => !(K(k) in s)));
    for (const k of OWNED_KEYS) assert.ok(!(K(k) in settings), `${K(k)} removed: ${JSON.stringify(settings)}`);
    assert.equal(settings[K('hybrid.selfHostedShare')], 0.5, 'the hybrid section untouched');
    const after = cliScan(session.workspace);
    assert.notEqual(expectedStatus(after), expectedStatus(before), 'renting again changes the self-hosted total');
    await wb.waitForStatusBarItem(expectedStatus(after), 20_000);
    await frame.locator('button[data-section="hybrid"]').click();
    const cleared = await settingsUntil(wb, (s) => K('requestsPerDay') in s && !(K('hybrid.selfHostedShare') in s));
    assert.ok(!(K('hybrid.selfHostedShare') in cleared), JSON.stringify(cleared));
    await tableMatches(wb, frame, cliScan(session.workspace));
    assert.equal(await frame.locator('table#callsites thead').innerText().then((t) => t.includes('Hybrid')), false, 'no hybrid column without a share');
  });

  it('owned-GPU and hybrid controls: invalid values show an inline error naming the setting and write nothing', async () => {
    const before = JSON.stringify(wb.readSettingsJson() ?? null);
    await setControl(frame, 'selfHosted.pue', '0.8');
    await inlineError(wb, frame, 'selfHosted.pue', /llmCostLens\.selfHosted\.pue: must be at least 1/);
    await setControl(frame, 'hybrid.selfHostedShare', '1.5');
    await inlineError(wb, frame, 'hybrid.selfHostedShare', /llmCostLens\.hybrid\.selfHostedShare: must be between 0 and 1/);
    await setControl(frame, 'selfHosted.gpuPurchaseUsd', 'a lot');
    await inlineError(wb, frame, 'selfHosted.gpuPurchaseUsd', /llmCostLens\.selfHosted\.gpuPurchaseUsd: "a lot" is not a number/);
    await wb.page.waitForTimeout(1_000); // nothing should arrive: give a wrong write time to land before checking
    assert.equal(JSON.stringify(wb.readSettingsJson() ?? null), before, 'settings.json unchanged');
  });

  it(`selected call site: requests/day writes llmCostLens.callSites["${DIGEST_KEY}"].requestsPerDay; status bar, table and lens follow`, async () => {
    const before = cliScan(session.workspace);
    await expectText(session, frame.locator('table#callsites thead th[aria-sort="ascending"]'), 'Call site', 'the table still in scan order', 5_000);
    await selectCallSite(wb, frame, `${DEFAULT_VOLUME_FILE}:`);
    await setCallSiteField(frame, 'callsite-requestsPerDay', '4,000');
    const settings = await settingsUntil(wb, (s) => (s[K('callSites')] as Record<string, { requestsPerDay?: number }> | undefined)?.[DIGEST_KEY]?.requestsPerDay === 4000);
    assert.deepEqual(settings[K('callSites')], { [DIGEST_KEY]: { requestsPerDay: 4000 } });
    const after = cliScan(session.workspace);
    assert.equal(callSiteIn(after, DEFAULT_VOLUME_FILE).volume.requestsPerDay, 4000);
    assert.notEqual(expectedStatus(after), expectedStatus(before));
    await wb.waitForStatusBarItem(expectedStatus(after), 20_000);
    await tableMatches(wb, frame, after);
    await expectText(session, frame.locator('#callsite-requestsPerDay ~ .origin'), 'set in this folder', 'the call-site volume marked as set in this folder', 5_000);
    const lens = await codeLensShows(wb, DEFAULT_VOLUME_FILE, expectedLens(callSiteIn(after, DEFAULT_VOLUME_FILE)));
    assert.match(lens.text, /at 4,000\/day/);
    await wb.page.locator('.tabs-container .tab').filter({ hasText: PANEL_TITLE }).first().click();
    frame = await wb.waitForWebview(PANEL_TITLE, 'table#callsites tbody tr', 20_000);
    await expectText(session, frame.locator('fieldset[data-section="callsite"]'), DIGEST_KEY, 'the selected call site restored after hide/show', 15_000);
  });

  it('selected call site: a negative volume or an unpriced API model shows an inline error and writes nothing', async () => {
    const before = JSON.stringify(wb.readSettingsJson() ?? null);
    await setCallSiteField(frame, 'callsite-requestsPerDay', '-5');
    await expectText(session, frame.locator('#callsite-requestsPerDay-error'), `llmCostLens.callSites["${DIGEST_KEY}"].requestsPerDay`, 'the inline error under the call-site volume', 10_000);
    await setCallSiteField(frame, 'callsite-model', 'claude-sonet-4-6');
    const msg = await expectText(session, frame.locator('#callsite-model-error'), /is not in the price catalog; did you mean/, 'the inline error under the API model (from the host\'s catalog check)', 15_000);
    console.log(`[e2e] call-site model error: ${JSON.stringify(msg)}`);
    await wb.page.waitForTimeout(1_000); // nothing should arrive: give a wrong write time to land before checking
    assert.equal(JSON.stringify(wb.readSettingsJson() ?? null), before, 'settings.json unchanged');
  });

  it(`selected call site: API model writes llmCostLens.callSites["${DIGEST_KEY}"].model; the call is priced at it`, async () => {
    const before = cliScan(session.workspace);
    await setCallSiteField(frame, 'callsite-model', 'claude-sonnet-4-6');
    const settings = await settingsUntil(wb, (s) => (s[K('callSites')] as Record<string, { model?: string }> | undefined)?.[DIGEST_KEY]?.model === 'claude-sonnet-4-6');
    assert.deepEqual(settings[K('callSites')], { [DIGEST_KEY]: { requestsPerDay: 4000, model: 'claude-sonnet-4-6' } });
    const after = cliScan(session.workspace);
    const c = callSiteIn(after, DEFAULT_VOLUME_FILE);
    assert.deepEqual([c.model, c.modelSource], ['claude-sonnet-4-6', 'settings']);
    assert.notEqual(expectedStatus(after), expectedStatus(before));
    await wb.waitForStatusBarItem(expectedStatus(after), 20_000);
    await tableMatches(wb, frame, after);
    await expectText(session, frame.locator('#callsite-model ~ .origin'), 'set in this folder', 'the API model marked as set in this folder', 10_000);
    assert.equal(await frame.locator('#callsite-model-error').count(), 0, 'no error left under the API model');
  });

  it('selected call site: open model writes llmCostLens.openModelFor["claude-sonnet-4-6"]; status bar, table and lens follow', async () => {
    // classify.ts's open model: the Sonnet calls join its deployment, so the workspace runs one deployment instead of two.
    const before = cliScan(session.workspace);
    assert.equal(before.totals.deployments.length, 2);
    const target = callSiteIn(before, 'app/classify.ts').openModel.model!;
    assert.notEqual(target, callSiteIn(before, DEFAULT_VOLUME_FILE).openModel.model);
    await frame.locator('#callsite-openModel').selectOption(target);
    const settings = await settingsUntil(wb, (s) => (s[K('openModelFor')] as Record<string, string> | undefined)?.['claude-sonnet-4-6'] === target);
    assert.deepEqual(settings[K('openModelFor')], { 'claude-sonnet-4-6': target });
    const after = cliScan(session.workspace);
    assert.equal(callSiteIn(after, DEFAULT_VOLUME_FILE).openModel.model, target);
    assert.equal(after.totals.deployments.length, 1);
    assert.notEqual(expectedStatus(after), expectedStatus(before));
    await wb.waitForStatusBarItem(expectedStatus(after), 20_000);
    await tableMatches(wb, frame, after);
    // Every call of that API model moves: summarize.py's lens prices the same self-hosted model too.
    const summarize = callSiteIn(after, 'app/summarize.py');
    assert.equal(summarize.openModel.model, target);
    await codeLensShows(wb, summarize.file, expectedLens(summarize));
    await wb.page.locator('.tabs-container .tab').filter({ hasText: PANEL_TITLE }).first().click();
    frame = await wb.waitForWebview(PANEL_TITLE, '#callsite-openModel', 20_000);
  });

  it('Reset this call site to defaults removes its callSites entry and the openModelFor entry of its API model', async () => {
    await frame.locator('button[data-action="reset-callsite"]').click();
    const settings = await settingsUntil(wb, (s) => K('requestsPerDay') in s && !(K('callSites') in s) && !(K('openModelFor') in s));
    assert.ok(!(K('callSites') in settings) && !(K('openModelFor') in settings), JSON.stringify(settings));
    assert.equal(settings[K('requestsPerDay')], 2500, 'other sections untouched');
    const after = cliScan(session.workspace);
    assert.deepEqual(callSiteIn(after, DEFAULT_VOLUME_FILE).volume.source, 'settings');
    assert.equal(callSiteIn(after, DEFAULT_VOLUME_FILE).model, 'claude-haiku-4-5');
    await wb.waitForStatusBarItem(expectedStatus(after), 20_000);
    await tableMatches(wb, frame, after);
  });

  it('Export report… (panel button → JSON → save dialog) writes the report `llm-cost-lens scan --report json` prints', async () => {
    const target = join(session.workspace, 'cost-report-e2e.json');
    await exportFromPanel(wb, frame, 'JSON', target);
    const written = readFileSync(target, 'utf8');
    const cli = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'scan', session.workspace, '--report', 'json'], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(written.trimEnd(), cli.stdout.trimEnd(), 'the exported file equals the CLI report');
    const report = JSON.parse(written);
    const scanNow = cliScan(session.workspace);
    assert.equal(report.callSites.length, scanNow.callSites.length);
    assert.deepEqual(report.callSites.map((c: { apiMonthlyUsd: number | null }) => c.apiMonthlyUsd), scanNow.callSites.map((c) => c.cost?.api?.monthlyUsd ?? null));
    assert.equal(report.totals.apiMonthlyUsd, scanNow.totals.apiMonthlyUsd);
    assert.equal(report.totals.selfHostedMonthlyUsd, scanNow.totals.selfHostedMonthlyUsd);
    assert.deepEqual(report.assumptions.find((a: { setting: string }) => a.setting === K('requestsPerDay')), { setting: K('requestsPerDay'), value: 2500, origin: 'folder' });
    await expectText(session, frame.locator('#export-status'), 'Report saved to cost-report-e2e.json', 'the export status line in the panel', 10_000);
    console.log(`[e2e] exported ${written.length} bytes; API ${report.totals.apiMonthlyUsd}, self-hosted ${report.totals.selfHostedMonthlyUsd}`);
  });

  it('screenshots in dark and high-contrast themes', async () => {
    // workbench.colorTheme in the workspace settings (the test's own copy): the workbench applies it live.
    await frame.locator('#callsites-section h2').scrollIntoViewIfNeeded();
    const file = join(session.workspace, '.vscode', 'settings.json');
    for (const [theme, cls] of [['Default Dark Modern', 'vs-dark'], ['Default High Contrast', 'hc-black']] as const) {
      writeFileSync(file, JSON.stringify({ ...(wb.readSettingsJson() ?? {}), 'workbench.colorTheme': theme }, null, 2));
      await expectVisible(session, wb.page.locator(`.monaco-workbench.${cls}`), `the workbench in ${theme}`, 15_000);
      await wb.page.waitForTimeout(1_500); // the webview restyles from the theme's CSS variables
      await session.screenshot(`panel-${cls}`);
      await frame.locator('fieldset[data-section="callsite"]').scrollIntoViewIfNeeded();
      await session.screenshot(`panel-controls-${cls}`);
      await frame.locator('fieldset[data-section="owned"]').scrollIntoViewIfNeeded();
      await session.screenshot(`panel-owned-${cls}`);
      await frame.locator('#callsites-section h2').scrollIntoViewIfNeeded();
    }
  });

  it('no CSP violation and no request outside 127.0.0.1', () => {
    assert.deepEqual(session.cspViolations().map((c) => c.text), []);
    assert.deepEqual(session.network().external.map((r) => r.url), []);
  });
});
