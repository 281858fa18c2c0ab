// The "LLM Cost" call-site tree (issue 14): rows read from the side bar, compared with the tree model built from
// `llm-cost-lens scan --json` of the same workspace copy, so the editor's tree must match the CLI's figures.
import type { Locator } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Workbench } from '../harness/workbench';
import { expectVisible } from '../harness/expect';
import { buildCallTree, childrenOf, type TreeNode, type TreeOptions } from '../../../src/core/format/callTreeModel';
import type { ScanResult } from '../../../src/core/scan/scan';

/** A second directory with a costlier call (first when sorted by cost) and one whose volume is the default. */
export const TREE_FILES: Record<string, string> = {
  'jobs/nightly.py': `"""Nightly report: a large model over every account (e2e: the costliest call of the tree)."""
from openai import OpenAI

client = OpenAI()


def report(account: str) -> str:
    # llm-cost: 30000/day
    r = client.chat.completions.create(
        model="gpt-4.1",
        max_tokens=800,
        messages=[{"role": "user", "content": f"Write the account report for {account}"}],
    )
    return r.choices[0].message.content
`,
  'jobs/tagger.py': `"""Tags a document; nobody set its volume (e2e: "needs attention")."""
from openai import OpenAI

client = OpenAI()


def tag(doc: str) -> str:
    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": doc}])
    return r.choices[0].message.content
`,
};

/** Writes `files` (paths relative to the workspace copy) — before the session starts or while it runs. */
export function writeFiles(workspace: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, rel)), { recursive: true });
    writeFileSync(join(workspace, rel), text);
  }
}

/** Written on disk during the test: a new directory whose call becomes the tree's first row. */
export const LATE_FILE = 'batch/backfill.py';
export const LATE_SOURCE = `"""Backfill: created while the editor is open (e2e: the tree refreshes)."""
from anthropic import Anthropic

client = Anthropic()


def backfill(doc: str) -> str:
    # llm-cost: 200000/day
    r = client.messages.create(model="claude-opus-4-1", max_tokens=1000, messages=[{"role": "user", "content": doc}])
    return r.content[0].text
`;

/** Row texts as the tree shows them when every node is expanded: "label description". */
export function expectedRows(scan: ScanResult, options: TreeOptions): string[] {
  const rows: string[] = [];
  const walk = (nodes: TreeNode[]) => {
    for (const n of nodes) {
      rows.push(`${n.label} ${n.description}`);
      walk(childrenOf(n));
    }
  };
  walk(buildCallTree([{ name: 'examples', result: scan }], options));
  return rows;
}

export function treeRows(wb: Workbench): Locator {
  return wb.page.locator('.part.sidebar .pane-body .monaco-list-row');
}

async function rowTexts(wb: Workbench): Promise<string[]> {
  // One read of every rendered row (the list re-renders while it is read row by row).
  return treeRows(wb).evaluateAll((rows) => rows.map((r) => {
    const label = r.querySelector('.label-name')?.textContent ?? '';
    const description = r.querySelector('.label-description')?.textContent ?? '';
    return `${label} ${description}`.replace(/\s+/g, ' ').trim();
  }));
}

/** Waits until the tree's rows are exactly `expected` (in order); returns them. Fails with the rows last seen. */
export async function treeShows(wb: Workbench, expected: string[], timeoutMs = 60_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = await rowTexts(wb);
    if (JSON.stringify(seen) === JSON.stringify(expected)) return seen;
    await wb.page.waitForTimeout(500);
  }
  const shot = await wb.session.screenshot('FAILED-tree-rows');
  throw new Error(`Expected on screen: the LLM Cost tree rows\n  ${expected.join('\n  ')}\nSeen:\n  ${seen.join('\n  ')}${shot ? `\n  Screenshot: ${shot}` : ''}`);
}

/** Opens the "LLM Cost" view container (its auto-generated "View: Show LLM Cost" command). */
export async function openTree(wb: Workbench): Promise<void> {
  await wb.runCommand('View: Show LLM Cost');
  await expectVisible(wb.session, wb.page.locator('.part.sidebar .composite.title').filter({ hasText: /LLM Cost/i }), 'the LLM Cost view container in the side bar', 20_000);
}

/** Clicks a title-bar action of the tree (hovering the side bar first: VS Code shows them on hover). */
export async function treeAction(wb: Workbench, title: string): Promise<void> {
  await wb.page.locator('.part.sidebar').hover();
  const action = wb.page.locator(`.part.sidebar .action-label[aria-label="${title}"]`);
  await (await expectVisible(wb.session, action, `the tree's "${title}" action`, 10_000)).click();
}

/** The row whose label starts with `label`. */
export function treeRow(wb: Workbench, label: string): Locator {
  return treeRows(wb).filter({ has: wb.page.locator('.label-name', { hasText: label }) }).first();
}
