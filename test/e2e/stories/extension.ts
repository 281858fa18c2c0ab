// User stories shared by the tests and by the harness self-test (which runs them against a broken build).
import type { FrameLocator } from 'playwright-core';
import { Workbench } from '../harness/workbench';
import { ExpectedOnScreenError, expectText } from '../harness/expect';

export const COMMAND_OPEN_PANEL = 'LLM Cost Lens: Open Cost Panel';
export const PANEL_TITLE = 'LLM Cost Lens';

/** After startup the extension has activated and shows its status bar item. */
export async function statusBarShowsCost(wb: Workbench, timeoutMs = 45_000): Promise<string> {
  return (await wb.waitForStatusBarItem('LLM Cost', timeoutMs)).trim();
}

/** Columns of the cost panel's scenario table, found by their header text. */
const COLUMNS = { api: /^API\b/i, selfHosted: /^Self-hosted\b/i, verdict: /^Verdict\b/i } as const;
export type PanelValues = Record<keyof typeof COLUMNS, string>;

/** The row of `scenario` in the panel's table, as header → cell text. */
export async function readPanelRow(frame: FrameLocator, scenario: string): Promise<Record<string, string>> {
  const headers = (await frame.locator('table#scenarios thead th').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim());
  const cells = (await frame.locator('table#scenarios tbody tr').filter({ hasText: scenario }).first().locator('td, th').allInnerTexts()).map((c) =>
    c.replace(/\s+/g, ' ').trim(),
  );
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

/** F1 → "LLM Cost Lens: Open Cost Panel" → the webview shows the scenario's monthly costs and verdict. */
export async function costPanelShowsScenario(wb: Workbench, scenario: string, expected: PanelValues): Promise<Record<string, string>> {
  await wb.runCommand(COMMAND_OPEN_PANEL);
  const frame = await wb.waitForWebview(PANEL_TITLE, 'table#scenarios', 45_000);
  await expectText(wb.session, frame.locator('table#scenarios tbody tr').filter({ hasText: scenario }), scenario, `a row for ${scenario} in the cost panel`, 30_000);
  const deadline = Date.now() + 10_000;
  let row: Record<string, string> = {};
  let wrong: string[] = [];
  for (;;) {
    row = await readPanelRow(frame, scenario);
    wrong = (Object.keys(COLUMNS) as (keyof PanelValues)[]).flatMap((key) => {
      const header = Object.keys(row).find((h) => COLUMNS[key].test(h));
      if (header === undefined) return [`no column whose header matches ${COLUMNS[key]}`];
      return row[header] === expected[key] ? [] : [`"${header}" = ${JSON.stringify(row[header])}, expected ${JSON.stringify(expected[key])}`];
    });
    if (wrong.length === 0 || Date.now() > deadline) break;
    await wb.page.waitForTimeout(200); // poll interval while the webview re-renders
  }
  if (wrong.length > 0) {
    const shot = await wb.session.screenshot(`FAILED-panel-values-${scenario}`);
    throw new ExpectedOnScreenError(`the cost panel row for ${scenario} with API ${expected.api}, self-hosted ${expected.selfHosted}, verdict ${expected.verdict}`, shot, `${wrong.join('; ')}. Row seen: ${JSON.stringify(row)}`);
  }
  return row;
}
