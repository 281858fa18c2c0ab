// The "LLM Cost" tree's model (src/extension/callTreeModel.ts) over a real scan: grouping, both orders, the
// "needs attention" filter, descriptions carrying the engine's figures, and several workspace folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanWorkspace } from '../../src/core/scan/scan';
import { buildCallTree, childrenOf, flagsOf, type TreeNode } from '../../src/core/format/callTreeModel';
import { formatUsd } from '../../src/core/money';
import { tempTree } from './helpers/tempTree';

const py = (model: string, perDay: number | null, fn: string) => `from openai import OpenAI
client = OpenAI()

def ${fn}(text):
${perDay === null ? '' : `    # llm-cost: ${perDay}/day\n`}    return client.chat.completions.create(model=${model}, messages=[{"role": "user", "content": text}])
`;

const files = {
  'jobs/big.py': py('"gpt-4o"', 20_000, 'big'),
  'jobs/small.py': py('"gpt-4o-mini"', 1_000, 'small'),
  'api/handler.py': py('"o3"', 5_000, 'handle') + '\n' + py('"gpt-4.1-nano"', 100, 'tiny').split('\n').slice(2).join('\n'),
  'api/unknown.py': py('pick_model()', 10, 'unknown'),
  'api/defaulted.py': py('"gpt-4o-mini"', null, 'defaulted'),
};

const sites = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => (n.kind === 'site' ? [n] : sites(childrenOf(n))));

test('tree: directories → files → call sites, costliest first, descriptions are the scan figures', async () => {
  const result = await scanWorkspace(tempTree(files));
  const tree = buildCallTree([{ name: 'w', result }], { sort: 'cost', attentionOnly: false });
  assert.deepEqual(tree.map((n) => n.kind), ['dir', 'dir']);
  for (const level of [tree, ...tree.map(childrenOf)]) {
    const costs = level.map((n) => (n.kind === 'site' ? n.monthlyUsd ?? -1 : n.monthlyUsd));
    assert.deepEqual(costs, [...costs].sort((a, b) => b - a), 'each level is ordered by cost, highest first');
  }
  const all = sites(tree);
  assert.equal(all.length, result.callSites.length);
  for (const c of result.callSites) {
    const node = all.find((s) => s.kind === 'site' && s.file === c.file && s.line === c.line);
    assert.ok(node && node.kind === 'site');
    if (c.cost?.api) assert.ok(node.description.startsWith(`${c.assumedModel ? '≈' : ''}${formatUsd(c.cost.api.monthlyUsd)}/mo · `), node.description);
    assert.ok(node.description.endsWith(` · ${c.cost?.verdict ?? 'no estimate'}`), node.description);
  }
  // a directory's total is the sum of its call sites' API figures
  for (const dir of tree) assert.equal(dir.monthlyUsd, sites([dir]).reduce((s, n) => s + (n.kind === 'site' ? n.monthlyUsd ?? 0 : 0), 0));
});

test('tree: by file lists paths alphabetically and calls by line', async () => {
  const result = await scanWorkspace(tempTree(files));
  const tree = buildCallTree([{ name: 'w', result }], { sort: 'file', attentionOnly: false });
  assert.deepEqual(tree.map((n) => n.label), ['api', 'jobs']);
  assert.deepEqual(childrenOf(tree[0]!).map((n) => n.label), ['defaulted.py', 'handler.py', 'unknown.py']);
  const handler = childrenOf(childrenOf(tree[0]!)[1]!);
  assert.equal(handler.length, 2);
  assert.ok(handler[0]!.kind === 'site' && handler[1]!.kind === 'site' && handler[0]!.line < handler[1]!.line);
});

test('tree: "needs attention" keeps unresolved models and default volumes, and flags say why', async () => {
  const result = await scanWorkspace(tempTree(files));
  const kept = sites(buildCallTree([{ name: 'w', result }], { sort: 'cost', attentionOnly: true }));
  assert.deepEqual(kept.map((n) => n.kind === 'site' && n.file).sort(), ['api/defaulted.py', 'api/unknown.py']);
  const unknown = kept.find((n) => n.kind === 'site' && n.file === 'api/unknown.py');
  assert.ok(unknown?.kind === 'site' && unknown.flags.includes('unresolved') && unknown.icon.id === 'warning', JSON.stringify(unknown));
  const defaulted = kept.find((n) => n.kind === 'site' && n.file === 'api/defaulted.py');
  assert.ok(defaulted?.kind === 'site' && defaulted.flags.includes('assumed-volume') && defaulted.tooltip.includes('volume is the default'));
  // a priced literal model with an annotated volume is not flagged
  assert.deepEqual(flagsOf(result.callSites.find((c) => c.file === 'jobs/big.py')!), []);
});

test('tree: an unpriced model and a self-hosted endpoint are flagged with their own icons', async () => {
  const result = await scanWorkspace(tempTree(files));
  const c = structuredClone(result.callSites.find((s) => s.file === 'jobs/small.py')!);
  c.cost = { ...c.cost!, api: null, verdict: 'unpriced' };
  const d = structuredClone(result.callSites.find((s) => s.file === 'jobs/big.py')!);
  d.endpoint = 'self-hosted';
  const [n1, n2] = sites(buildCallTree([{ name: 'w', result: { ...result, callSites: [c, d] } }], { sort: 'file', attentionOnly: false }));
  assert.ok(n1?.kind === 'site' && n2?.kind === 'site');
  const [unpriced, selfHosted] = n1.file === 'jobs/small.py' ? [n1, n2] : [n2, n1];
  assert.deepEqual([unpriced.icon.id, unpriced.description.split(' · ')[0]], ['question', 'unpriced']);
  assert.ok(selfHosted.flags.includes('self-hosted') && selfHosted.description.endsWith('self-hosted endpoint'));
  assert.equal(selfHosted.icon.id, 'server-environment');
});

test('tree: several workspace folders each get a node with their total; an empty scan gives no nodes', async () => {
  const a = await scanWorkspace(tempTree({ 'x.py': py('"gpt-4o"', 1000, 'x') }));
  const b = await scanWorkspace(tempTree({ 'y.py': py('"gpt-4o-mini"', 1000, 'y') }));
  const none = await scanWorkspace(tempTree({ 'README.md': 'nothing here' }));
  const tree = buildCallTree([{ name: 'b', result: b }, { name: 'a', result: a }, { name: 'n', result: none }], { sort: 'cost', attentionOnly: false });
  assert.deepEqual(tree.map((n) => [n.kind, n.label]), [['folder', 'a'], ['folder', 'b']]);
  assert.equal(tree[0]!.monthlyUsd, a.callSites[0]!.cost!.api!.monthlyUsd);
  assert.notEqual(sites([tree[0]!])[0]!.id, sites([tree[1]!])[0]!.id);
  assert.deepEqual(buildCallTree([{ name: 'n', result: none }], { sort: 'cost', attentionOnly: false }), []);
});
