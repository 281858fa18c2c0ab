// The engine context's memo of "auto" GPU picks (engine/gpuPicks.ts): scenarios that differ in what the pick does
// not read share one pick, a change to anything it reads misses, estimates through the memo equal plain ones, and a
// stored pick cannot be changed by the estimate it was handed to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngineContext } from '../../src/core/engine/context';
import { estimate } from '../../src/core/economics/estimate';
import { callScenario } from '../../src/core/economics/callScenario';
import { pickGpu } from '../../src/core/economics/deployment';
import { readSettings } from '../../src/core/settings';
import type { Scenario } from '../../src/core/config';

const defaults = readSettings({}).settings;
const scenario = (over: { api?: string; open?: string; rpd?: number; input?: number; output?: number; settings?: Record<string, unknown> } = {}): Scenario =>
  callScenario(over.settings ? readSettings(over.settings).settings : defaults, over.api ?? 'gpt-4o-mini', over.open ?? 'llama-3.1-8b', over.rpd ?? 1000, over.input ?? 400, over.output ?? 300);

test('GPU picks: estimates that differ only in the API side share one pick and equal plain estimates', () => {
  const engine = createEngineContext();
  const s = engine.gpuPicks.stats;
  const opts = { catalog: engine.catalog };
  for (const api of ['gpt-4o-mini', 'gpt-4.1-nano', 'gpt-4o']) {
    assert.deepEqual(engine.estimate(scenario({ api }), opts), estimate(scenario({ api }), opts), api);
  }
  assert.deepEqual([s.misses, s.hits], [1, 2], 'the API model is not a sizing input');
});

test('GPU picks: every sizing input is in the key: each change misses, and each estimate equals a plain one', () => {
  const engine = createEngineContext();
  const s = engine.gpuPicks.stats;
  const opts = { catalog: engine.catalog };
  const variants: Scenario[] = [
    scenario(),
    scenario({ open: 'llama-3.3-70b' }),
    scenario({ rpd: 3_000_000 }),
    scenario({ input: 30_000 }),
    scenario({ output: 8_000 }),
    scenario({ settings: { 'llmCostLens.selfHosted.precision': 'bf16' } }),
    scenario({ settings: { 'llmCostLens.selfHosted.gpuCount': 4 } }),
    scenario({ settings: { 'llmCostLens.selfHosted.utilization': 0.2 } }),
    scenario({ settings: { 'llmCostLens.selfHosted.engine': 'tensorrt-llm' } }),
    scenario({ settings: { 'llmCostLens.selfHosted.maxTpotMs': 20 } }),
    scenario({ settings: { 'llmCostLens.selfHosted.gpuOwnership': 'owned' } }),
    scenario({ settings: { 'llmCostLens.peakToAverage': 4 } }),
    scenario({ settings: { 'llmCostLens.selfHosted.scaleToZero': true, 'llmCostLens.activeHoursPerDay': 6 } }),
  ];
  for (const v of variants) assert.deepEqual(engine.estimate(v, opts), estimate(v, opts), JSON.stringify([v.workload, v.selfHosted]));
  assert.deepEqual([s.misses, s.hits], [variants.length, 0], 'no two of these share a pick');
  for (const v of variants) engine.estimate(v, opts);
  assert.equal(s.misses, variants.length, 'asked again, every one hits');
});

test('GPU picks: a stored pick is frozen, so the estimate it is handed to cannot change what later estimates see', () => {
  const engine = createEngineContext();
  const s = scenario({ rpd: 50_000 });
  const sh = s.selfHosted!;
  const pick = engine.pickGpu(s, 730, 1, sh.utilization!);
  assert.deepEqual(pick, pickGpu(s, 730, 1, sh.utilization!));
  assert.ok(pick.ok);
  assert.throws(() => { (pick.result as { replicas: number }).replicas = 99; }, TypeError);
  assert.throws(() => { pick.result.assumptions.gpu = 'edited'; }, TypeError);
  assert.equal(engine.pickGpu(s, 730, 1, sh.utilization!), pick, 'the same frozen pick is handed out again');
  assert.deepEqual(engine.estimate(s, { catalog: engine.catalog }), estimate(s, { catalog: engine.catalog }));
});

test('GPU picks: a failed pick is remembered with its problem, and the estimate reports it as before', () => {
  const engine = createEngineContext();
  const s = scenario({ open: 'deepseek-v3', settings: { 'llmCostLens.selfHosted.gpuCount': 1, 'llmCostLens.selfHosted.precision': 'bf16' } });
  const opts = { catalog: engine.catalog };
  const plain = estimate(s, opts);
  assert.ok(!plain.ok);
  assert.deepEqual(engine.estimate(s, opts), plain);
  assert.deepEqual(engine.estimate(structuredClone(s), { ...opts, today: new Date('2030-01-01T00:00:00Z') }), plain);
  assert.deepEqual([engine.gpuPicks.stats.misses, engine.gpuPicks.stats.hits], [1, 1]);
});
