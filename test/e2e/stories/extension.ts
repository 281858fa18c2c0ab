// User stories shared by the tests and by the harness self-test (which runs them against a broken build).
import { Workbench } from '../harness/workbench';
import { expectText } from '../harness/expect';

export const COMMAND_OPEN_PANEL = 'LLM Cost Lens: Open Cost Panel';
export const PANEL_TITLE = 'LLM Cost Lens';

/** After startup the extension has activated and shows its status bar item. */
export async function statusBarShowsCost(wb: Workbench, timeoutMs = 45_000): Promise<string> {
  return wb.waitForStatusBarItem('LLM Cost', timeoutMs);
}

/** F1 → "LLM Cost Lens: Open Cost Panel" → the webview shows a row for the scenario; returns the row's text. */
export async function costPanelShowsScenario(
  wb: Workbench,
  scenario: string,
  expected: { api: string; selfHosted: string; verdict: string },
): Promise<string> {
  await wb.runCommand(COMMAND_OPEN_PANEL);
  const frame = await wb.waitForWebview(PANEL_TITLE, 'table', 45_000);
  const row = frame.locator('tr').filter({ hasText: scenario });
  const text = await expectText(wb.session, row, scenario, `a row for scenario ${scenario} in the cost panel`, 30_000);
  for (const [what, value] of Object.entries(expected)) {
    await expectText(wb.session, row, new RegExp(`(^|[^\\w$.])${escapeRegExp(value)}(?![\\w.,]*\\d)`), `the ${scenario} row with ${what} ${value}`, 5_000);
  }
  return text;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
