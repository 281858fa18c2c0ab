// Cost panel stories (issue 6): the call-site table against `llm-cost-lens scan --json`, the assumption controls
// writing the workspace folder's settings, sorting, reveal, and state kept across hide/show.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from '../harness/workbench';
import { expectText, expectVisible } from '../harness/expect';
import type { ScanResult } from '../../../src/core/scan/scan';
import { formatUsd } from '../../../src/core/money';
import { callSiteRow } from '../../../src/core/format/panelState';
import { hybridText, tokensText, volumeText } from '../../../src/webview/callSiteTable';
import { readSettings, type Settings } from '../../../src/core/settings';
import { COMMAND_OPEN_PANEL, PANEL_TITLE } from './extension';
import { cliScan, expectedStatus } from './editor';

/** The texts the panel's call-site table must show for the CLI's call sites, in scan order (a hybrid column when
 * the folder sets llmCostLens.hybrid.selfHostedShare). */
export function expectedRows(scan: ScanResult, settings: Settings = readSettings({}).settings): string[][] {
  const withHybrid = settings['hybrid.selfHostedShare'] !== null;
  return scan.callSites.map((c) => {
    const r = callSiteRow(c, settings);
    return [
      `${r.file}:${r.cell !== null ? `cell ${r.cell + 1}:` : ''}${r.line}`,
      `${r.model ?? '(unresolved)'}${r.endpoint === 'self-hosted' ? ' [self-hosted]' : ''}`,
      tokensText(r),
      volumeText(r),
      r.apiMonthlyUsd === null ? 'unpriced' : formatUsd(r.apiMonthlyUsd),
      r.hostedOpen ? `${formatUsd(r.hostedOpen.monthlyUsd)} (${r.hostedOpen.model} @ ${r.hostedOpen.provider})` : '—',
      r.selfHostedMonthlyUsd === null ? '—' : `${formatUsd(r.selfHostedMonthlyUsd)}${r.openModel ? ` (${r.openModel})` : ''}`,
      ...(withHybrid ? [hybridText(r)] : []),
      r.verdict ?? '—',
    ];
  });
}

export function expectedTotals(scan: ScanResult): string[] {
  const t = scan.totals;
  return [`Total${t.unpriced ? ` (${t.unpriced} unpriced)` : ''}`, formatUsd(t.apiMonthlyUsd), formatUsd(t.hostedOpenMonthlyUsd), formatUsd(t.selfHostedMonthlyUsd), `best routing ${formatUsd(t.routing.monthlyUsd)} (${t.verdict})`];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function openPanel(wb: Workbench): Promise<FrameLocator> {
  await wb.runCommand(COMMAND_OPEN_PANEL);
  return wb.waitForWebview(PANEL_TITLE, 'table#callsites tbody tr', 45_000);
}

export async function readCallSiteTable(frame: FrameLocator): Promise<{ rows: string[][]; totals: string[] }> {
  const rows: string[][] = [];
  const trs = frame.locator('table#callsites tbody tr');
  // Text content, not the rendered text: a narrow panel hides the file's directory (responsive.css) but keeps it.
  for (let i = 0; i < (await trs.count()); i++) rows.push((await trs.nth(i).locator('td').allTextContents()).map(norm));
  const totals = (await frame.locator('table#callsites tfoot tr th, table#callsites tfoot tr td').allTextContents()).map(norm);
  return { rows, totals };
}

/** Polls until the panel's table shows exactly `scan`'s rows and totals (the panel rescans after a change). */
export async function tableMatches(wb: Workbench, frame: FrameLocator, scan: ScanResult, timeoutMs = 20_000): Promise<{ rows: string[][]; totals: string[] }> {
  const want = { rows: expectedRows(scan, readSettings(wb.readSettingsJson() ?? {}).settings), totals: expectedTotals(scan) };
  const deadline = Date.now() + timeoutMs;
  let seen = { rows: [] as string[][], totals: [] as string[] };
  for (;;) {
    seen = await readCallSiteTable(frame).catch(() => seen);
    if (JSON.stringify(seen) === JSON.stringify(want)) return seen;
    if (Date.now() > deadline) break;
    await wb.page.waitForTimeout(200); // poll interval while the panel rescans
  }
  const shot = await wb.session.screenshot('FAILED-panel-table-vs-cli');
  throw new Error(`Expected on screen: the call-site table of the CLI scan.\n  want ${JSON.stringify(want)}\n  seen ${JSON.stringify(seen)}${shot ? `\n  Screenshot: ${shot}` : ''}`);
}

export const controlSelector = (key: string) => `#setting-${key.replace(/\./g, '-')}`;

/** Types `text` into a control and presses Enter (a select gets `text` as its value). */
export async function setControl(frame: FrameLocator, key: string, text: string): Promise<void> {
  const control = frame.locator(controlSelector(key));
  await control.waitFor({ state: 'visible', timeout: 15_000 });
  if ((await control.evaluate((e) => e.tagName)) === 'SELECT') {
    await control.selectOption(text);
    return;
  }
  await control.fill(text);
  await control.press('Enter');
}

/** Polls the workspace copy's .vscode/settings.json until `predicate` holds; returns the last content read. */
export async function settingsUntil(wb: Workbench, predicate: (s: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = wb.readSettingsJson() ?? {};
    if (predicate(s) || Date.now() > deadline) return s;
    await wb.page.waitForTimeout(100); // polling interval while the extension host writes the file
  }
}

export async function inlineError(wb: Workbench, frame: FrameLocator, key: string, message: RegExp): Promise<string> {
  return expectText(wb.session, frame.locator(`${controlSelector(key)}-error`), message, `the inline error under ${key}`, 10_000);
}

export async function headerButton(wb: Workbench, frame: FrameLocator, label: string) {
  return expectVisible(wb.session, frame.locator('table#callsites thead button.sort').filter({ hasText: label }), `the "${label}" column header`, 10_000);
}

/** Selects the call-site row for `file:line` (Enter on the focused row) and waits for its controls. */
export async function selectCallSite(wb: Workbench, frame: FrameLocator, fileLine: string): Promise<void> {
  const row = frame.locator('table#callsites tbody tr').filter({ hasText: fileLine }).first();
  await row.focus();
  await row.press('Enter');
  await expectText(wb.session, frame.locator('fieldset[data-section="callsite"]'), fileLine, `the controls of the selected call site ${fileLine}`, 15_000);
}

/** Types into one of the selected call site's text fields and presses Enter. */
export async function setCallSiteField(frame: FrameLocator, id: 'callsite-requestsPerDay' | 'callsite-model', text: string): Promise<void> {
  const input = frame.locator(`#${id}`);
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(text);
  await input.press('Enter');
}

/**
 * The panel's "Export report…" button, then the format quick pick and the save dialog (in code-server the simple
 * file dialog: a quick input whose text box holds the target path). Returns once `target` exists on disk.
 */
export async function exportFromPanel(wb: Workbench, frame: FrameLocator, format: 'Markdown' | 'CSV' | 'JSON', target: string, timeoutMs = 30_000): Promise<void> {
  await frame.locator('#export-report').click();
  const quick = wb.page.locator('.quick-input-widget');
  const input = await expectVisible(wb.session, quick.locator('input.input'), 'the export format quick pick', 15_000);
  await expectText(wb.session, quick.locator('.quick-input-title'), 'Export Cost Report: format', 'the format quick pick titled "Export Cost Report: format"', 10_000);
  await input.fill(format);
  await expectVisible(wb.session, quick.locator('.monaco-list-row.focused').filter({ hasText: format }), `${format} highlighted in the format quick pick`, 10_000);
  await wb.page.keyboard.press('Enter');
  // The save dialog reuses the quick input: wait until its text box holds the default path, then replace it.
  await expectText(wb.session, quick.locator('.quick-input-title'), 'Export Cost Report', 'the save dialog titled "Export Cost Report"', 15_000);
  const pathBox = quick.locator('input.input');
  const deadline = Date.now() + 15_000;
  while (!/llm-cost-report\./.test(await pathBox.inputValue()) && Date.now() < deadline) await wb.page.waitForTimeout(100); // the dialog fills in the default path
  await pathBox.fill(target);
  await wb.page.keyboard.press('Enter');
  const until = Date.now() + timeoutMs;
  while (!existsSync(target)) {
    if (Date.now() > until) {
      const shot = await wb.session.screenshot('FAILED-export-report-file');
      throw new Error(`Expected on disk: the exported report ${target} within ${timeoutMs} ms${shot ? `\n  Screenshot: ${shot}` : ''}`);
    }
    await wb.page.waitForTimeout(200); // polling the file system while the extension writes the report
  }
}

/** One assumption control of the panel: what to type, the value settings.json must then hold, whether totals move. */
export interface ControlCase {
  key: string;
  input: string;
  value: unknown;
  changesStatus?: boolean;
}

/**
 * Sets one control and checks what follows: exactly its key written to the folder's settings.json, the CLI scan of
 * the folder (read once the key is there, so the file is complete), the status bar and the panel's table agreeing
 * with that scan, and the control marked as set in this folder. Returns the scan and the status bar text.
 */
export async function controlWritesAndFollows(wb: Workbench, frame: FrameLocator, c: ControlCase): Promise<{ scan: ScanResult; status: string }> {
  const name = `llmCostLens.${c.key}`;
  const statusBefore = expectedStatus(cliScan(wb.session.workspace));
  await setControl(frame, c.key, c.input);
  const settings = await settingsUntil(wb, (s) => s[name] === c.value);
  assert.equal(settings[name], c.value, `settings.json: ${JSON.stringify(settings)}`);
  const scan = cliScan(wb.session.workspace);
  const status = expectedStatus(scan);
  if (c.changesStatus) assert.notEqual(status, statusBefore, `${c.key} changes the workspace totals`);
  await wb.waitForStatusBarItem(status, 20_000);
  await tableMatches(wb, frame, scan);
  await expectText(wb.session, frame.locator(`${controlSelector(c.key)} ~ .origin`), 'set in this folder', `${c.key} marked as set in this folder`, 5_000);
  console.log(`[e2e] ${c.key} → ${JSON.stringify(c.value)}: ${status}`);
  return { scan, status };
}
