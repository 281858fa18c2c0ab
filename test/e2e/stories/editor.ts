// Editor stories (issue 6): CodeLens, hover, status bar totals and "Set volume…", with the figures expected
// from `llm-cost-lens scan --json` run on the same workspace copy, so the editor must match the CLI exactly.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import type { Workbench } from '../harness/workbench';
import { expectText, expectVisible } from '../harness/expect';
import { recordTimings } from '../harness/timings';
import type { ScanResult } from '../../../src/core/scan/scan';
import type { CallSiteReport } from '../../../src/core/scan/callSite';
import { formatCount, formatUsd } from '../../../src/core/money';
import { lensTitle } from '../../../src/core/format/lensText';

/** A call without an llm-cost comment, so its volume comes from settings (or the default). */
export const DEFAULT_VOLUME_FILE = 'app/digest.py';
export const DEFAULT_VOLUME_SOURCE = `"""Daily digest of release notes (e2e: a call site whose volume comes from settings)."""
from anthropic import Anthropic

client = Anthropic()


def digest(notes: str) -> str:
    reply = client.messages.create(
        model="claude-haiku-4-5",
        max_tokens=200,
        messages=[{"role": "user", "content": f"Summarize these release notes for customers:\\n{notes}"}],
    )
    return reply.content[0].text
`;

/** `node dist/cli.js scan <workspace copy> --json` (the build the .vsix was packaged from). */
export function cliScan(workspace: string): ScanResult {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'scan', workspace, '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`llm-cost-lens scan failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ScanResult;
}

export function callSiteIn(scan: ScanResult, file: string): CallSiteReport {
  const c = scan.callSites.find((x) => x.file === file);
  if (!c) throw new Error(`the CLI found no call site in ${file} (found: ${scan.callSites.map((x) => x.file).join(', ') || 'none'})`);
  return c;
}

/** The lens text the editor must show for this CLI call site (same formatter, same figures). */
export const expectedLens = (c: CallSiteReport) => lensTitle(c);

export function expectedStatus(scan: ScanResult): string {
  return `LLM Cost: ${formatUsd(scan.totals.apiMonthlyUsd)}/mo API · ${formatUsd(scan.totals.selfHostedMonthlyUsd)} self-host`;
}

const opened = new WeakMap<Workbench['session'], Set<string>>();

/**
 * Opens `file` and waits for its cost CodeLens; returns the lens row's text and how long it took after the tab opened.
 * The time is also recorded in timings.json (`openToCodeLens`), marked whether this was the file's first open in the session.
 */
export async function codeLensShows(
  wb: Workbench,
  file: string,
  expected: string,
  timeoutMs = 45_000,
  options: { whileLoading?: boolean } = {},
): Promise<{ text: string; msAfterTab: number; msIncludingQuickOpen: number }> {
  // The extension's own signal instead of a longer timeout; `whileLoading` asks at once (Session.start already waited
  // for activation, so the providers exist while the engine may still be loading).
  if (!options.whileLoading) await wb.waitForExtensionReady();
  const t0 = Date.now();
  await wb.openFile(file);
  const t1 = Date.now();
  const text = await wb.waitForCodeLens(expected, timeoutMs);
  const t2 = Date.now();
  const seen = opened.get(wb.session) ?? new Set<string>();
  opened.set(wb.session, seen);
  const firstOpen = !seen.has(file);
  seen.add(file);
  recordTimings(wb.session, { openToCodeLens: [{ file, firstOpen, msAfterTab: t2 - t1, msIncludingQuickOpen: t2 - t0 }] });
  console.log(`[e2e] timing ${wb.session.name}: ${file} tab open → CodeLens ${t2 - t1} ms (${t2 - t0} ms including Ctrl+P)${firstOpen ? '' : ', opened before in this session'}`);
  return { text, msAfterTab: t2 - t1, msIncludingQuickOpen: t2 - t0 };
}

/**
 * Hover at the call's first line and column; returns the hover text once it shows `mustContain`. Waits for the
 * extension's ready signal first, unless `whileLoading`: the story then asks at once (the session waited for activation)
 * and checks that a hover asked for while the engine, tokenizer and grammars are still loading is answered.
 */
export async function hoverShows(wb: Workbench, c: CallSiteReport, mustContain: string | RegExp, options: { whileLoading?: boolean } = {}): Promise<string> {
  if (!options.whileLoading) await wb.waitForExtensionReady();
  const t0 = Date.now();
  const text = await wb.hover(c.line, c.column, mustContain, options.whileLoading ? 60_000 : 15_000);
  if (options.whileLoading) {
    const ms = Date.now() - t0;
    recordTimings(wb.session, { firstHoverWhileLoadingMs: ms });
    console.log(`[e2e] timing ${wb.session.name}: hover asked for while loading answered in ${ms} ms`);
  }
  return text;
}

export function hoverExpectations(c: CallSiteReport): string[] {
  const out = [c.model ?? 'unresolved', `Break-even`];
  if (c.cost?.api) {
    out.push(`${formatUsd(c.cost.api.monthlyUsd)}/mo`);
    if (c.cost.api.price.asOf) out.push(`prices as of ${c.cost.api.price.asOf}`);
  }
  if (c.cost?.breakEven.withOpsRequestsPerDay != null) out.push(`${formatCount(c.cost.breakEven.withOpsRequestsPerDay)} req/day with ops`);
  if (c.cost?.selfHosted) out.push(`${formatUsd(c.cost.selfHosted.monthlyUsd)}/mo`);
  return out;
}

/** The "Set volume…" lens of the visible editor (the first one whose text matches). */
function setVolumeLens(wb: Workbench): Locator {
  return wb.page.locator('.editor-instance .monaco-editor .codelens-decoration a').filter({ hasText: 'Set volume' });
}

/** Clicks "Set volume…", types `value` into the input box and accepts it. */
export async function setVolumeThroughLens(wb: Workbench, value: string): Promise<void> {
  const lens = await expectVisible(wb.session, setVolumeLens(wb), 'a "Set volume…" CodeLens', 30_000);
  await lens.click();
  const input = await expectVisible(wb.session, wb.page.locator('.quick-input-widget input.input'), 'the "Set volume" input box', 10_000);
  await input.fill(value);
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Types an invalid value and waits for the input box's validation message; leaves with Escape. */
export async function setVolumeRejects(wb: Workbench, value: string, message: string | RegExp): Promise<string> {
  const lens = await expectVisible(wb.session, setVolumeLens(wb), 'a "Set volume…" CodeLens', 30_000);
  await lens.click();
  const input = await expectVisible(wb.session, wb.page.locator('.quick-input-widget input.input'), 'the "Set volume" input box', 10_000);
  await input.fill(value);
  const text = await expectText(wb.session, wb.page.locator('.quick-input-widget .quick-input-message'), message, 'the input box validation message', 10_000);
  await wb.page.keyboard.press('Escape');
  return text;
}

/** Polls the workspace copy's .vscode/settings.json until `llmCostLens.callSites[key].requestsPerDay` is `value`. */
export async function settingsGetVolume(wb: Workbench, key: string, value: number, timeoutMs = 10_000): Promise<Record<string, unknown> | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const settings = wb.readSettingsJson();
    const sites = settings?.['llmCostLens.callSites'] as Record<string, { requestsPerDay?: number }> | undefined;
    if (sites?.[key]?.requestsPerDay === value || Date.now() > deadline) return settings;
    await wb.page.waitForTimeout(100); // polling interval while the extension host writes the file
  }
}
