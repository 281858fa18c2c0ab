// Cost panel stories (issue 6): the call-site table against `llm-cost-lens scan --json`, the assumption controls
// writing the workspace folder's settings, sorting, reveal, and state kept across hide/show.
import type { FrameLocator } from 'playwright-core';
import type { Workbench } from '../harness/workbench';
import { expectText, expectVisible } from '../harness/expect';
import type { ScanResult } from '../../../src/core/scan/scan';
import { formatUsd } from '../../../src/core/format/money';
import { callSiteRow } from '../../../src/extension/panelState';
import { tokensText, volumeText } from '../../../src/webview/callSiteTable';
import { COMMAND_OPEN_PANEL, PANEL_TITLE } from './extension';

/** The texts the panel's call-site table must show for the CLI's call sites, in scan order. */
export function expectedRows(scan: ScanResult): string[][] {
  return scan.callSites.map((c) => {
    const r = callSiteRow(c);
    return [
      `${r.file}:${r.cell !== null ? `cell ${r.cell + 1}:` : ''}${r.line}`,
      `${r.model ?? '(unresolved)'}${r.endpoint === 'self-hosted' ? ' [self-hosted]' : ''}`,
      tokensText(r),
      volumeText(r),
      r.apiMonthlyUsd === null ? 'unpriced' : formatUsd(r.apiMonthlyUsd),
      r.selfHostedMonthlyUsd === null ? '—' : `${formatUsd(r.selfHostedMonthlyUsd)}${r.openModel ? ` (${r.openModel})` : ''}`,
      r.verdict ?? '—',
    ];
  });
}

export function expectedTotals(scan: ScanResult): string[] {
  const t = scan.totals;
  return [`Total${t.unpriced ? ` (${t.unpriced} unpriced)` : ''}`, formatUsd(t.apiMonthlyUsd), formatUsd(t.selfHostedMonthlyUsd), `best routing ${formatUsd(t.routing.monthlyUsd)} (${t.verdict})`];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function openPanel(wb: Workbench): Promise<FrameLocator> {
  await wb.runCommand(COMMAND_OPEN_PANEL);
  return wb.waitForWebview(PANEL_TITLE, 'table#callsites tbody tr', 45_000);
}

export async function readCallSiteTable(frame: FrameLocator): Promise<{ rows: string[][]; totals: string[] }> {
  const rows: string[][] = [];
  const trs = frame.locator('table#callsites tbody tr');
  for (let i = 0; i < (await trs.count()); i++) rows.push((await trs.nth(i).locator('td').allInnerTexts()).map(norm));
  const totals = (await frame.locator('table#callsites tfoot tr th, table#callsites tfoot tr td').allInnerTexts()).map(norm);
  return { rows, totals };
}

/** Polls until the panel's table shows exactly `scan`'s rows and totals (the panel rescans after a change). */
export async function tableMatches(wb: Workbench, frame: FrameLocator, scan: ScanResult, timeoutMs = 20_000): Promise<{ rows: string[][]; totals: string[] }> {
  const want = { rows: expectedRows(scan), totals: expectedTotals(scan) };
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
