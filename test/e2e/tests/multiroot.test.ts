// A two-folder workspace (issue 14): each folder indexed with its own settings; the status bar shows the sum of
// both folders, as `llm-cost-lens scan all.code-workspace --json` computes it; the tree has one node per folder.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { formatUsd } from '../../../src/core/money';
import type { ScanResult } from '../../../src/core/scan/scan';
import type { Totals } from '../../../src/core/scan/totals';
import { buildCallTree, childrenOf, type TreeNode } from '../../../src/core/format/callTreeModel';
import { openTree, treeShows } from '../stories/tree';
import { expectedRows, openPanel, selectCallSite, setCallSiteField } from '../stories/panel';
import { readWorkspaceSettings } from '../../../src/core/scan/scan';

const WORKSPACE_FILE = 'all.code-workspace';
const SECOND = `"""A second folder with its own volume setting (e2e: multi-root)."""
from openai import OpenAI

client = OpenAI()


def answer(q: str) -> str:
    r = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])
    return r.choices[0].message.content
`;

function prepare(ws: string): void {
  const second = join(ws, '..', 'second');
  mkdirSync(join(second, '.vscode'), { recursive: true });
  writeFileSync(join(second, 'answer.py'), SECOND);
  // This folder's own setting: the first folder keeps the default volume.
  writeFileSync(join(second, '.vscode', 'settings.json'), JSON.stringify({ 'llmCostLens.requestsPerDay': 5000 }, null, 2));
  writeFileSync(join(ws, WORKSPACE_FILE), JSON.stringify({ folders: [{ path: '.' }, { path: '../second' }] }, null, 2));
}

interface WorkspaceScan { folders: { name: string; root: string; callSites: ScanResult['callSites']; totals: Totals; skipped: ScanResult['skipped'] }[]; totals: Totals }

function cliScanWorkspace(workspace: string): WorkspaceScan {
  const r = spawnSync(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), 'scan', join(workspace, WORKSPACE_FILE), '--json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`llm-cost-lens scan failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as WorkspaceScan;
}

describe('multi-root: two folders, each with its own settings, totalled', () => {
  let session: Session;
  let wb: Workbench;

  before(async () => {
    session = await Session.start({ name: 'multiroot', prepare, workspaceFile: WORKSPACE_FILE });
    wb = new Workbench(session);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  });
  after(async () => {
    await session?.stop();
  });

  it('the status bar shows the sum of both folders; the tree has a node per folder with its total', async () => {
    const scan = cliScanWorkspace(session.workspace);
    assert.deepEqual(scan.folders.map((f) => f.name), ['examples', 'second']);
    assert.equal(scan.folders[1]!.callSites[0]!.volume.requestsPerDay, 5000, "the second folder's own setting");
    const t = scan.totals;
    const status = await wb.waitForStatusBarItem(`LLM Cost: ${formatUsd(t.apiMonthlyUsd)}/mo API · ${formatUsd(t.selfHostedMonthlyUsd)} self-host`, 180_000);
    console.log(`[e2e] status bar: ${JSON.stringify(status.trim())} (folders: ${scan.folders.map((f) => `${f.name} ${formatUsd(f.totals.apiMonthlyUsd)}`).join(', ')})`);
    await openTree(wb);
    const rows: string[] = [];
    const walk = (nodes: TreeNode[]) => nodes.forEach((n) => (rows.push(`${n.label} ${n.description}`), walk(childrenOf(n))));
    walk(buildCallTree(scan.folders.map((f) => ({ name: f.name, result: { root: f.root, callSites: f.callSites, totals: f.totals, skipped: f.skipped, settings: { file: null, warnings: [] } } })), { sort: 'cost', attentionOnly: false }));
    const seen = await treeShows(wb, rows, 60_000);
    console.log(`[e2e] tree:\n  ${seen.join('\n  ')}`);
  });

  it('the cost panel groups the rows by folder with folder totals and the all-folder total of the CLI; a row writes its own folder', async () => {
    const scan = cliScanWorkspace(session.workspace);
    const frame = await openPanel(wb);
    const money = (t: Totals) => [formatUsd(t.apiMonthlyUsd), formatUsd(t.hostedOpenMonthlyUsd), formatUsd(t.selfHostedMonthlyUsd), `best routing ${formatUsd(t.routing.monthlyUsd)} (${t.verdict})`];
    const want: string[][] = [];
    for (const f of scan.folders) {
      const t = f.totals;
      want.push([`Folder ${f.name} — ${t.callSites} call site${t.callSites === 1 ? '' : 's'}${t.unpriced ? ` (${t.unpriced} unpriced)` : ''}`, ...money(t)]);
      const result = { root: f.root, callSites: f.callSites.map((c) => ({ ...c, file: `${f.name}/${c.file}` })), totals: t, skipped: [], settings: { file: null, warnings: [] } };
      want.push(...expectedRows(result, readWorkspaceSettings(f.root).settings));
    }
    want.push([`All ${scan.folders.length} folders${scan.totals.unpriced ? ` (${scan.totals.unpriced} unpriced)` : ''}`, ...money(scan.totals)]);
    const norm = (x: string) => x.replace(/\s+/g, ' ').trim();
    const read = async () => {
      const out: string[][] = [];
      const trs = frame.locator('table#callsites tbody tr, table#callsites tfoot tr');
      for (let i = 0; i < (await trs.count()); i++) out.push((await trs.nth(i).locator('th, td').allTextContents()).map(norm));
      return out;
    };
    let seen: string[][] = [];
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      seen = await read().catch(() => seen);
      if (JSON.stringify(seen) === JSON.stringify(want)) break;
      await wb.page.waitForTimeout(250); // the panel renders after both folders' scans
    }
    assert.deepEqual(seen, want);
    await session.screenshot('panel-by-folder');
    console.log(`[e2e] panel by folder:\n  ${seen.map((r) => r.join(' | ')).join('\n  ')}`);
    // A row of the second folder: its volume control writes the second folder's settings, not the first's.
    await selectCallSite(wb, frame, 'second/answer.py:');
    await setCallSiteField(frame, 'callsite-requestsPerDay', '6000');
    const second = join(session.workspace, '..', 'second', '.vscode', 'settings.json');
    let written: unknown = null;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
      written = (JSON.parse(readFileSync(second, 'utf8')) as Record<string, unknown>)['llmCostLens.callSites'];
      if (written) break;
      await wb.page.waitForTimeout(200); // the extension host writes the file
    }
    assert.deepEqual(written, { 'answer.py#answer': { requestsPerDay: 6000 } });
    assert.equal((wb.readSettingsJson() ?? {})['llmCostLens.callSites'], undefined, "the first folder's settings are untouched");
    await expectVisibleRow(frame, 'second/answer.py', '6,000/day');
    await expectVisibleRow(frame, 'second/answer.py', 'saved as llmCostLens.callSites["answer.py#answer"] in folder second', 'fieldset[data-section="callsite"]');
  });
});

async function expectVisibleRow(frame: import('playwright-core').FrameLocator, file: string, text: string, within = 'table#callsites tbody tr'): Promise<void> {
  await frame.locator(within).filter({ hasText: file }).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 20_000 });
}
