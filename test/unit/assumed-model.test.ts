// Issue #11: every call is priced. An unresolved model is costed at an assumed one (setting > workspace's most
// used priced model > gpt-4o-mini) and labelled as such; a model missing from the catalog stays unpriced.
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { readSettings } from '../../src/core/settings';
import { buildCallSite } from '../../src/core/scan/callSite';
import { mostUsedModel, assumedModel } from '../../src/core/scan/assumedModel';
import { WorkspaceScanner } from '../../src/core/scan/scan';
import { renderScan } from '../../src/core/format/scanReport';
import type { DetectedCall } from '../../src/core/detect/types';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

function call(over: Partial<DetectedCall> = {}): DetectedCall {
  return {
    file: 'app/x.py', line: 10, column: 5, endLine: 14, language: 'python', sdk: 'openai', api: 'chat.completions.create', kind: 'chat',
    model: null, modelSource: 'unresolved', maxTokens: null, reasoningTokens: null, streaming: false, endpoint: 'api', baseUrl: null,
    qualifiedName: 'handle', annotation: null, confidence: 1,
    promptParts: [{ role: 'user', source: 'literal', text: 'Hello there', placeholders: [] }],
    ...over,
  };
}

test('mostUsedModel: the most frequent priced model, ties alphabetical, unpriced ones skipped', () => {
  assert.equal(mostUsedModel(getSnapshotCatalog(), ['gpt-4o', 'claude-sonnet-4-6', 'gpt-4o', null, null, null]), 'gpt-4o');
  assert.equal(mostUsedModel(getSnapshotCatalog(), ['gpt-4o', 'claude-sonnet-4-6']), 'claude-sonnet-4-6', 'tie: alphabetical, independent of file order');
  assert.equal(mostUsedModel(getSnapshotCatalog(), ['no-such-model', 'no-such-model', 'gpt-4o']), 'gpt-4o', 'an unpriced model is never assumed');
  assert.equal(mostUsedModel(getSnapshotCatalog(), [null]), null);
  assert.deepEqual(assumedModel('', null), { model: 'gpt-4o-mini', from: 'built-in fallback' });
  assert.deepEqual(assumedModel('', 'gpt-4o'), { model: 'gpt-4o', from: 'most used in the workspace' });
  assert.deepEqual(assumedModel('claude-haiku-4-5', 'gpt-4o'), { model: 'claude-haiku-4-5', from: 'llmCostLens.defaultModel' });
});

test('an unresolved call is priced at the assumed model: cost recomputed by hand', () => {
  const ws = readSettings({ 'llmCostLens.defaultModel': 'gpt-4o', 'llmCostLens.requestsPerDay': 1000 });
  const c = buildCallSite(engine, call(), ws);
  assert.deepEqual([c.model, c.modelSource, c.assumedModel, c.assumedFrom], [null, 'assumed', 'gpt-4o', 'llmCostLens.defaultModel']);
  // "Hello there" is 2 o200k tokens + role "user" 1 + chat framing (3 per message + 3 priming) = 9; output 300.
  assert.equal(c.tokens.input, 9);
  assert.equal(c.tokens.output, 300);
  // gpt-4o: $2.50 in / $10 out per Mtok → (9 × 2.5 + 300 × 10) / 1e6 = 0.0030225 per request; × 1,000 × 30 days = $90.675.
  assert.ok(Math.abs(c.cost!.api!.costPerRequestUsd - 0.0030225) < 1e-12);
  assert.ok(Math.abs(c.cost!.api!.monthlyUsd - 90.675) < 1e-9);
  assert.equal(c.cost!.api!.price.model, 'gpt-4o');
  // A pinned model (annotation) is not assumed.
  const pinned = buildCallSite(engine, call({ annotation: 'model=gpt-4o-mini' }), ws);
  assert.deepEqual([pinned.model, pinned.modelSource, pinned.assumedModel], ['gpt-4o-mini', 'annotation', null]);
});

test('scan: unresolved calls assume the workspace model; an unknown model is unpriced and named in the totals', async () => {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-assumed-'));
  const files: Record<string, string> = {
    'a.py': 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi"}])\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Yo"}])\n',
    'b.py': 'import os\nfrom openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model=os.environ["MODEL"], messages=[{"role": "user", "content": "Hi"}])\nclient.chat.completions.create(model="gpt-9-imaginary", messages=[{"role": "user", "content": "Hi"}])\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  const scanner = new WorkspaceScanner(root);
  await scanner.scan();
  const r = scanner.result();
  const env = r.callSites.find((c) => c.file === 'b.py' && c.line === 4)!;
  assert.deepEqual([env.model, env.modelSource, env.assumedModel, env.assumedFrom], [null, 'assumed', 'gpt-4o', 'most used in the workspace']);
  const unknown = r.callSites.find((c) => c.line === 5)!;
  assert.equal(unknown.cost!.api, null);
  assert.equal(unknown.cost!.verdict, 'unpriced');
  assert.deepEqual([r.totals.unpriced, r.totals.unpricedModels, r.totals.assumed], [1, ['gpt-9-imaginary'], 1]);
  const priced = r.callSites.filter((c) => c.cost?.api);
  assert.equal(priced.length, 3);
  assert.ok(Math.abs(r.totals.apiMonthlyUsd - priced.reduce((s, c) => s + c.cost!.api!.monthlyUsd, 0)) < 1e-9);
  const text = renderScan(r);
  assert.match(text, /gpt-4o \(assumed\)/);
  assert.match(text, /1 unpriced: gpt-9-imaginary, 1 at an assumed model/);
});
