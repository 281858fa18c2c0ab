// The editor's usage strings, pure: the hover's estimate-vs-measurement rows, the lens's "(measured)", the
// import summary, and where "Import Usage…" stores a picked file.
import { test } from 'node:test';
import { getSnapshotCatalog } from '../../../src/core/catalog/prices';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { scanWorkspace } from '../../../src/core/scan/scan';
import { UsageSet, addUsageFiles } from '../../../src/core/usage';
import { importSummary } from '../../../src/core/format/usageText';
import { hoverMarkdown } from '../../../src/core/format/hoverText';
import { lensTitle } from '../../../src/core/format/lensText';
import { readSettings } from '../../../src/core/settings';

async function measured() {
  const set = new UsageSet();
  await set.load(['otel-spans.jsonl', 'anthropic-usage.json'].map((f) => ({ path: `test/usage/${f}`, display: f })));
  return { set, result: await scanWorkspace('test/usage/workspace', { calibrate: set.calibrate }) };
}

/** The hover escapes Markdown punctuation; the assertions read the text. */
const unescape = (s: string) => s.replace(/\\(.)/g, '$1');

test('hover: estimate beside measurement, and the annotation that wins over a measured volume', async () => {
  const { result } = await measured();
  const reply = result.callSites.find((c) => c.qualifiedName === 'Bot.reply')!;
  const text = unescape(hoverMarkdown(reply, { openPanel: 'llmCostLens.openPanel' }));
  assert.match(text, /\| Input \| 400 tokens — measured/, 'a measured mean is not marked ≈');
  assert.match(text, /\| Measured \| estimated 226 in, measured 400 in \(p90 500\) · estimated 300 out, measured 110 out \(p90 120\) · 25% of input cached \|/);
  assert.match(text, /\| Measured volume \| 3\/day measured \(otel-spans\.jsonl, 2025-03-01–2025-03-07, 21 records\) \|/);
  const draft = unescape(hoverMarkdown(result.callSites.find((c) => c.qualifiedName === 'draft')!, { openPanel: 'llmCostLens.openPanel' }));
  assert.match(draft, /\| Measured volume \| measured 459\/day is not used: the llm-cost annotation wins over measurement \|/);
  const plain = await scanWorkspace('test/usage/workspace');
  assert.doesNotMatch(hoverMarkdown(plain.callSites[0]!, { openPanel: 'x' }), /Measured/);
});

test('lens: a measured volume says so', async () => {
  const { result } = await measured();
  assert.match(lensTitle(result.callSites.find((c) => c.qualifiedName === 'Bot.reply')!), /3\/day \(measured\)/);
});

test('an open document takes the folder calibration for the same call site; a moved call keeps its estimate', async () => {
  const { set, result } = await measured();
  const plain = await scanWorkspace('test/usage/workspace');
  const settings = readSettings({}).settings;
  const same = set.measure(getSnapshotCatalog(), plain.callSites, settings);
  assert.deepEqual(same.map((c) => c.volume.requestsPerDay), result.callSites.map((c) => c.volume.requestsPerDay));
  const moved = set.measure(getSnapshotCatalog(), plain.callSites.map((c) => ({ ...c, line: c.line + 1 })), settings);
  assert.equal(moved.filter((c) => c.usage).length, 0);
});

test('import summary and the stored paths: relative inside the folder, absolute outside (refused in restricted mode)', async () => {
  const { result } = await measured();
  assert.equal(importSummary(result.usage!), '2 usage files read: 37 records matched to 4 call sites; 1 unmatched; 4 unusable.');
  const root = join('/work', 'repo');
  assert.deepEqual(addUsageFiles(root, ['a.jsonl'], [join(root, 'logs', 'b.csv'), join(root, 'a.jsonl'), '/tmp/c.json'], true), { files: ['a.jsonl', 'logs/b.csv', '/tmp/c.json'], refused: [] });
  assert.deepEqual(addUsageFiles(root, [], ['/tmp/c.json', join('/work', 'repo2', 'x.json')], false), { files: [], refused: ['/tmp/c.json', join('/work', 'repo2', 'x.json')] });
});

test('panel: the workspace view carries the usage lines (validated by the message schema), none without usage files', async () => {
  const { workspaceView } = await import('../../../src/core/format/panelState');
  const { hostToWebviewSchema } = await import('../../../src/core/protocol/messages');
  const { result } = await measured();
  const ws = readSettings({});
  const view = workspaceView(result, ws, 'workspace');
  assert.equal(view.usage![0], '  otel-spans.jsonl (OpenTelemetry GenAI spans): 36 records, 36 requests, 2025-03-01 to 2025-03-07, 7 days; 2 not model calls; 3 unusable');
  assert.ok(view.usage!.includes('    1 record of gpt-3.5-turbo: no call site uses model gpt-3.5-turbo'));
  assert.ok(hostToWebviewSchema.safeParse({ type: 'workspace', view }).success);
  assert.equal('usage' in workspaceView(await scanWorkspace('test/usage/workspace'), ws, 'workspace'), false);
});

test('UsageSet: no files is no change; the same files unchanged on disk are not read again', async () => {
  const set = new UsageSet();
  assert.equal(await set.load([]), false);
  assert.equal(set.version, 0);
  const refs = [{ path: 'test/usage/openai-usage.csv', display: 'openai-usage.csv' }];
  assert.equal(await set.load(refs), true);
  assert.equal(await set.load(refs), false);
  assert.equal(set.version, 1);
  assert.equal(await set.load([]), true, 'removing the files is a change');
  assert.equal(set.loaded, null);
});
