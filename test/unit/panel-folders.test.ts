// The cost panel of a multi-root workspace (src/core/format/panelFolders.ts): rows grouped by folder, each costed
// with its own folder's settings; folder totals and the all-folder total equal `scan FILE.code-workspace --json`.
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readWorkspaceSettings, scanWorkspace } from '../../src/core/scan/scan';
import { foldersChangesView, foldersChartFor, foldersWorkspaceView, splitFolderPath, type FolderPanelScan } from '../../src/core/format/panelFolders';
import { workspaceView, WORKSPACE_TARGET } from '../../src/core/format/panelState';
import { scanWorkspaceFile } from '../../src/cli/scanWorkspaceFile';
import { tempTree } from './helpers/tempTree';
import { createEngineContext } from '../../src/core/engine/context';

const CALL = (model: string, fn: string) => `from openai import OpenAI
client = OpenAI()

def ${fn}(doc):
    return client.chat.completions.create(model="${model}", max_tokens=300, messages=[{"role": "user", "content": doc}])
`;

async function twoFolders() {
  const root = tempTree({
    'api/app/chat.py': CALL('gpt-4o', 'chat'),
    'api/.vscode/settings.json': JSON.stringify({ 'llmCostLens.requestsPerDay': 2000 }),
    'web/jobs/tag.py': CALL('gpt-4o-mini', 'tag'),
    'web/jobs/sum.py': CALL('gpt-4.1', 'summarize'),
    'web/.vscode/settings.json': JSON.stringify({ 'llmCostLens.requestsPerDay': 9000 }),
    'all.code-workspace': JSON.stringify({ folders: [{ path: 'api' }, { path: 'web', name: 'frontend' }] }),
  });
  const scans: FolderPanelScan[] = [];
  for (const [name, dir] of [['api', 'api'], ['frontend', 'web']] as const) {
    const path = join(root, dir);
    scans.push({ name, result: await scanWorkspace(path), ws: readWorkspaceSettings(path) });
  }
  return { root, scans };
}

test('multi-root panel: rows grouped by folder at their own settings; folder and all-folder totals equal the CLI', async () => {
  const { root, scans } = await twoFolders();
  const view = foldersWorkspaceView(scans);
  assert.deepEqual(view.folders!.map((f) => [f.name, f.totals.callSites]), [['api', 1], ['frontend', 2]]);
  assert.deepEqual(view.callSites.map((r) => [r.folder, r.file, r.requestsPerDay]), [
    ['api', 'api/app/chat.py', 2000],
    ['frontend', 'frontend/jobs/sum.py', 9000],
    ['frontend', 'frontend/jobs/tag.py', 9000],
  ]);
  assert.ok(view.callSites.every((r) => r.id.startsWith(`${r.folder}/`) && r.key.startsWith(`${r.folder}/`)));
  let out = '';
  const code = await scanWorkspaceFile(createEngineContext(), join(root, 'all.code-workspace'), true, { out: (s) => (out += s), err: () => {} });
  assert.equal(code, 0);
  const cli = JSON.parse(out) as { folders: { name: string; totals: { apiMonthlyUsd: number; selfHostedMonthlyUsd: number; hostedOpenMonthlyUsd: number } }[]; totals: { apiMonthlyUsd: number; selfHostedMonthlyUsd: number; hostedOpenMonthlyUsd: number; routing: { monthlyUsd: number } } };
  for (const [i, f] of cli.folders.entries()) {
    assert.equal(view.folders![i]!.name, f.name);
    assert.equal(view.folders![i]!.totals.apiMonthlyUsd, f.totals.apiMonthlyUsd);
    assert.equal(view.folders![i]!.totals.selfHostedMonthlyUsd, f.totals.selfHostedMonthlyUsd);
  }
  assert.equal(view.totals!.apiMonthlyUsd, cli.totals.apiMonthlyUsd);
  assert.equal(view.totals!.hostedOpenMonthlyUsd, cli.totals.hostedOpenMonthlyUsd);
  assert.equal(view.totals!.routingMonthlyUsd, cli.totals.routing.monthlyUsd);
  assert.equal(view.totals!.callSites, 3);
  // the assumption controls are the first folder's, and the panel says so
  assert.match(view.assumptions.warnings[0]!, /those of folder api .*every other folder keeps its own settings: frontend/);
  assert.equal(view.assumptions.values.requestsPerDay, 2000);
});

test('multi-root panel: one folder is the single-folder view unchanged; paths route back to their folder', async () => {
  const { scans } = await twoFolders();
  assert.deepEqual(foldersWorkspaceView([scans[0]!]), workspaceView(scans[0]!.result, scans[0]!.ws, 'api'));
  assert.equal(splitFolderPath(scans, 'frontend/jobs/tag.py#tag')?.rest, 'jobs/tag.py#tag');
  assert.equal(splitFolderPath(scans, 'frontend/jobs/tag.py#tag')?.folder.name, 'frontend');
  assert.equal(splitFolderPath(scans, 'elsewhere/x.py'), null);
  // a folder named like another's prefix: the longest name wins
  const nested = [{ name: 'a' }, { name: 'a/b' }];
  assert.equal(splitFolderPath(nested, 'a/b/c.py')?.folder.name, 'a/b');
});

test('multi-root panel: a row charts at its folder settings; the totals row names the folder it draws', async () => {
  const { scans } = await twoFolders();
  const view = foldersWorkspaceView(scans);
  const row = view.callSites.find((r) => r.folder === 'frontend')!;
  const chart = foldersChartFor(getSnapshotCatalog(), scans, row.id);
  assert.equal(chart.target, row.id);
  assert.ok(chart.title.startsWith('frontend/jobs/'), chart.title);
  assert.ok(chart.curve, chart.note ?? '');
  // the curve is at that folder's volume (9,000/day), not the first folder's
  assert.equal(chart.curve.markers.current, 9000);
  const whole = foldersChartFor(getSnapshotCatalog(), scans, WORKSPACE_TARGET);
  assert.match(whole.title, /^Folder frontend \(the largest API bill; deployments are per folder\) — \d call sites? on one /);
});

test('multi-root "changes vs base": one list with folder-prefixed files, every headline, the strictest policy', () => {
  const view = (headline: string, policy: 'pass' | 'warn' | 'fail', file: string) => ({ headline, base: 'main @ 1a2b3c4', policy, prices: 'p', rows: [{ file, line: 3 }] });
  const one = view('LLM cost: +$10/mo', 'pass', 'a.py');
  assert.equal(foldersChangesView([{ name: 'api', view: one }]), one, 'one folder: its own view');
  const both = foldersChangesView([{ name: 'api', view: one }, { name: 'web', view: view('LLM cost: +$5/mo', 'warn', 'b.py') }])!;
  assert.equal(both.headline, 'api: LLM cost: +$10/mo; web: LLM cost: +$5/mo');
  assert.equal(both.policy, 'warn');
  assert.equal(both.base, 'main @ 1a2b3c4');
  assert.deepEqual(both.rows.map((r) => r.file), ['api/a.py', 'web/b.py']);
  assert.equal(foldersChangesView([]), null);
});
