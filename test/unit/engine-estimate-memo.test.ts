// The engine context's estimate memo (engine/estimates.ts): equal inputs hit, a change to any input misses, what a
// hit returns equals a fresh estimate, and call sites sharing an entry cannot change each other's figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngineContext } from '../../src/core/engine/context';
import { estimateKey } from '../../src/core/engine/estimates';
import { estimate } from '../../src/core/economics/estimate';
import { callScenario } from '../../src/core/economics/callScenario';
import { catalogFromData, SNAPSHOT } from '../../src/core/catalog/prices';
import { readSettings } from '../../src/core/settings';
import { buildCallSite } from '../../src/core/scan/callSite';
import { openAiChatCall as call } from './helpers/detectedCall';

const settings = readSettings({}).settings;
const scenario = (over: { model?: string; rpd?: number; input?: number; output?: number } = {}) =>
  callScenario(settings, over.model ?? 'gpt-4o-mini', 'llama-3.1-8b-instruct', over.rpd ?? 1000, over.input ?? 400, over.output ?? 300);

test('estimate memo: an equal scenario hits and gives what a fresh estimate gives; each input misses', () => {
  const engine = createEngineContext();
  const s = engine.estimates.stats;
  const opts = { catalog: engine.catalog, hostedProviders: settings.hostedProviders };
  const first = engine.estimate(scenario(), opts);
  assert.deepEqual([s.hits, s.misses], [0, 1]);
  const again = engine.estimate(scenario(), opts);
  assert.deepEqual([s.hits, s.misses], [1, 1], 'an equal scenario (another object) hits');
  assert.deepEqual(again, estimate(scenario(), opts), 'a hit equals a fresh estimate');
  assert.deepEqual(first, again);
  assert.notEqual(first, again, 'each caller gets its own object');

  engine.estimate(scenario({ input: 401 }), opts);
  engine.estimate(scenario({ output: 299 }), opts);
  engine.estimate(scenario({ rpd: 1001 }), opts);
  engine.estimate(scenario({ model: 'gpt-4o' }), opts);
  engine.estimate(scenario(), { ...opts, hostedProviders: ['together'] });
  engine.estimate(scenario(), { ...opts, today: new Date('2030-01-01T00:00:00Z') });
  const other = catalogFromData({ ...structuredClone(SNAPSHOT), version: null, asOf: '2026-10-05' }, { origin: 'downloaded', file: null, note: null });
  engine.estimate(scenario(), { ...opts, catalog: other });
  assert.deepEqual([s.hits, s.misses], [1, 8], 'tokens, volume, model, providers, today and the catalog are all inputs');
  const withOps = callScenario(readSettings({ 'llmCostLens.selfHosted.opsHourlyUsd': 150 }).settings, 'gpt-4o-mini', 'llama-3.1-8b-instruct', 1000, 400, 300);
  const changed = engine.estimate(withOps, opts);
  assert.equal(s.misses, 9, 'a setting that reaches the scenario is an input');
  assert.notDeepEqual(changed, first);
});

test('estimate memo: a caller that edits its result changes nothing another caller or a later hit sees', () => {
  const engine = createEngineContext();
  const opts = { catalog: engine.catalog };
  const a = engine.estimate(scenario(), opts);
  const fresh = estimate(scenario(), opts);
  assert.ok(a.ok && fresh.ok);
  a.result.notes.push('edited by one caller');
  a.result.api.monthlyUsd = -1;
  a.result.assumptions.utilization = 'edited';
  const b = engine.estimate(scenario(), opts);
  assert.deepEqual(b, fresh, 'the stored entry is untouched');
  assert.ok(b.ok);
  b.result.selfHosted.capacity.gpusNeeded = 999;
  assert.deepEqual(engine.estimate(scenario(), opts), fresh);
});

test('estimate memo: two call sites sharing an entry are separate reports', () => {
  const engine = createEngineContext();
  const ctx = { settings, explicit: new Set<never>() };
  const one = buildCallSite(engine, call(), ctx);
  const two = buildCallSite(engine, call({ file: 'b.py', line: 7, endLine: 7 }), ctx);
  assert.equal(engine.estimates.stats.hits, 1, 'the same model, tokens and volume: one estimate');
  assert.ok(one.cost && two.cost);
  assert.deepEqual(two.cost, one.cost);
  one.cost.notes.push('x');
  one.cost.selfHosted!.capacity.gpusNeeded = 999;
  one.cost.assumptions.utilization = 'edited';
  assert.notDeepEqual(two.cost, one.cost, 'an edit to one report does not reach the other');
  const fresh = buildCallSite(createEngineContext(), call({ file: 'b.py', line: 7, endLine: 7 }), ctx);
  assert.deepEqual(two, fresh, 'equal to the report an uncached engine builds');
});

test('estimate memo key: NaN, Infinity and null are different inputs; undefined and a missing field are one', () => {
  const base = scenario();
  const w = (v: unknown) => ({ ...base, workload: { ...base.workload, cachedInputTokens: v as number } });
  const keys = [w(null), w(Number.NaN), w(Number.POSITIVE_INFINITY), w(Number.NEGATIVE_INFINITY), w(0)].map((x) => estimateKey(x, {}));
  assert.equal(new Set(keys).size, keys.length);
  assert.equal(estimateKey(w(undefined), {}), estimateKey({ ...base, workload: { ...base.workload } }, {}));
});

test('estimate memo: a scenario the engine rejects is remembered as rejected, problems and all', () => {
  const engine = createEngineContext();
  const bad = scenario({ model: 'no-such-model-xyz' });
  const first = engine.estimate(bad, { catalog: engine.catalog });
  assert.deepEqual(engine.estimate(bad, { catalog: engine.catalog }), first);
  assert.deepEqual(first, estimate(bad, { catalog: engine.catalog }));
  assert.equal(engine.estimates.stats.hits, 1);
});
