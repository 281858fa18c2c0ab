// Workspace index stories (issue 6): the first background scan with its progress notification, updates from the
// file watcher (files written by another program, no editor save), and CodeLens / hover in notebook cells — with
// the figures expected from `llm-cost-lens scan --json` of the same workspace copy.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import type { Workbench } from '../harness/workbench';
import type { Session } from '../harness/session';
import { expectText, expectVisible } from '../harness/expect';
import { waitForExtensionLog } from '../harness/logs';
import type { ScanResult } from '../../../src/core/scan/scan';

/** `node dist/cli.js scan <workspace copy> --json`, with room for the JSON of the bulk's hundreds of call sites. */
export function cliScanLarge(workspace: string): ScanResult {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'scan', workspace, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0) throw new Error(`llm-cost-lens scan failed (exit ${r.status ?? r.signal}${r.error ? `, ${r.error.message}` : ''}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ScanResult;
}

/**
 * Files with one LLM call each, so that the first scan lasts long enough for its notification to be seen: the
 * notification appears after 1 s, and with 400 files a quiet CI machine finished the scan (3.5 s) before the
 * test looked for it.
 */
export const BULK_FILES = 1_600;

/** Adds BULK_FILES Python services under bulk/ and the fixture notebook under notebooks/ to the workspace copy. */
export function prepareIndexWorkspace(workspace: string): void {
  mkdirSync(join(workspace, 'bulk'), { recursive: true });
  for (let i = 0; i < BULK_FILES; i++) {
    const name = `svc_${String(i).padStart(3, '0')}`;
    writeFileSync(
      join(workspace, 'bulk', `${name}.py`),
      `"""Support macro ${i} (e2e: bulk for the first workspace scan)."""\nfrom openai import OpenAI\n\nclient = OpenAI()\n\n\n` +
        `def answer_${i}(ticket: str) -> str:\n    reply = client.chat.completions.create(\n        model="gpt-4o-mini",\n` +
        `        messages=[{"role": "system", "content": "You answer support tickets about topic ${i}."}, {"role": "user", "content": ticket}],\n` +
        `    )\n    return reply.choices[0].message.content\n`,
    );
  }
  mkdirSync(join(workspace, 'notebooks'), { recursive: true });
  copyFileSync(join(process.cwd(), 'test', 'fixtures', 'notebooks', 'eval.ipynb'), join(workspace, 'notebooks', 'eval.ipynb'));
}

/** A file another program writes: a heavy call, so the workspace total visibly moves. */
export const EXTRA_FILE = 'app/extra.py';
export const EXTRA_SOURCE = `from anthropic import Anthropic

client = Anthropic()


def draft(brief: str) -> str:
    # llm-cost: 20000/day
    reply = client.messages.create(
        model="claude-sonnet-4-6",
        max_tokens=800,
        messages=[{"role": "user", "content": f"Write the release announcement for: {brief}"}],
    )
    return reply.content[0].text
`;

/** The progress notification of the first scan ("LLM Cost Lens … indexing workspace: n / m files"). */
export async function progressNotificationShows(wb: Workbench, timeoutMs: number): Promise<string> {
  const toast = wb.page.locator('.notifications-toasts .notification-toast').filter({ hasText: /indexing workspace/ });
  return expectText(wb.session, toast, /indexing workspace: [\d,]+ \/ [\d,]+ files/, 'the "indexing workspace: n / m files" progress notification', timeoutMs);
}

export function progressNotification(wb: Workbench): Locator {
  return wb.page.locator('.notifications-toasts .notification-toast').filter({ hasText: /indexing workspace/ });
}

/**
 * The extension's "workspace index: N files analysed (C call sites[, W of them parsed in worker threads]) in T ms"
 * line, from its own log (Output ▸ LLM Cost Lens).
 */
export async function indexLogLine(session: Session, timeoutMs: number): Promise<{ files: number; callSites: number; inWorkers: number; ms: number; text: string }> {
  const pattern = /workspace index: (\d+) files analysed \((\d+) call sites(?:, (\d+) of them parsed in worker threads)?\) in (\d+) ms/;
  const m = pattern.exec(await waitForExtensionLog(session, pattern, timeoutMs))!;
  return { files: Number(m[1]), callSites: Number(m[2]), inWorkers: Number(m[3] ?? 0), ms: Number(m[4]), text: m[0] };
}

/** Quick Open on a notebook; waits for its tab and the notebook editor (not a text editor). */
export async function openNotebook(wb: Workbench, relPath: string): Promise<void> {
  await wb.page.keyboard.press('Escape');
  await wb.page.keyboard.press('Control+P');
  const input = await expectVisible(wb.session, wb.page.locator('.quick-input-widget input.input'), 'the Quick Open input', 10_000);
  await input.fill(relPath);
  const name = relPath.slice(relPath.lastIndexOf('/') + 1);
  await expectVisible(wb.session, wb.page.locator('.quick-input-widget .monaco-list-row.focused').filter({ hasText: name }), `${name} highlighted in Quick Open`, 20_000);
  await wb.page.keyboard.press('Enter');
  await expectVisible(wb.session, wb.page.locator('.tabs-container .tab.active').filter({ hasText: name }), `an active editor tab for ${name}`, 15_000);
  await expectVisible(wb.session, wb.page.locator('.notebook-editor .cell .monaco-editor'), `the notebook editor with its cells for ${relPath}`, 30_000);
}

/**
 * Scrolls the notebook (mouse wheel over its cell list: it renders only the cells near the viewport) until
 * `locator` is visible: down first, then back up.
 */
async function revealInNotebook(wb: Workbench, locator: Locator, what: string, timeoutMs: number): Promise<Locator> {
  const deadline = Date.now() + timeoutMs;
  const list = wb.page.locator('.notebook-editor').first();
  const steps = [...Array<number>(8).fill(400), ...Array<number>(16).fill(-400)];
  for (let i = 0; ; i++) {
    if (await locator.first().isVisible()) return locator.first();
    if (Date.now() > deadline) return expectVisible(wb.session, locator, what, 1);
    const box = await list.boundingBox();
    if (box) {
      await wb.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await wb.page.mouse.wheel(0, steps[i % steps.length]!);
    }
    await wb.page.waitForTimeout(300); // polling interval while the list renders the cells scrolled into view
  }
}

/** A CodeLens in the visible notebook editor's cells whose text contains `text` (scrolling to it). */
export async function notebookCodeLens(wb: Workbench, text: string, timeoutMs = 45_000): Promise<string> {
  const lens = wb.page.locator('.notebook-editor .cell .monaco-editor .codelens-decoration').filter({ hasText: text });
  const first = await revealInNotebook(wb, lens, `a CodeLens containing ${JSON.stringify(text)} in a notebook cell`, timeoutMs);
  return first.innerText();
}

/** Clicks on `token` in the notebook cell line containing `lineText` (the cursor lands there) and shows the hover. */
export async function notebookHover(wb: Workbench, lineText: string, token: string, expected: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const line = wb.page.locator('.notebook-editor .cell .monaco-editor .view-line').filter({ hasText: lineText });
  const target = line.locator('span > span').filter({ hasText: token });
  await revealInNotebook(wb, target, `${JSON.stringify(token)} in the notebook cell line ${JSON.stringify(lineText)}`, 20_000);
  await target.first().click();
  await wb.runCommand('Show or Focus Hover');
  const hover = wb.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden)');
  return expectText(wb.session, hover, expected, `a hover on ${JSON.stringify(lineText)} in a notebook cell`, timeoutMs);
}
