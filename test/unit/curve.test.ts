import { test } from 'node:test';
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import assert from 'node:assert/strict';
import { costCurve, costCurveFromInput, CostCurveError, engineSample, sampler, type CostCurve } from '../../src/core/economics/curve';
import { estimate } from '../../src/core/economics/estimate';
import { scenarioSchema, type Scenario } from '../../src/core/config';

const seed = (requestsPerDay = 1000, selfHosted: Record<string, unknown> = {}): Scenario =>
  scenarioSchema.parse({
    workload: { requestsPerDay, inputTokens: 500, outputTokens: 100, daysPerMonth: 22 },
    api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
    selfHosted: { fixedMonthlyUsd: 20, opsHoursPerMonth: 3, opsHourlyUsd: 60, ...selfHosted },
  });
// One GPU ($0.10/h = $73/month) serves 11.57 × 0.6 × 86,400 / 600 = 999.648 requests/day.
const autoSized = (requestsPerDay = 2500, selfHosted: Record<string, unknown> = {}): Scenario =>
  scenarioSchema.parse({
    workload: { requestsPerDay, inputTokens: 500, outputTokens: 100 },
    api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
    selfHosted: { gpu: { hourlyUsd: 0.1 }, throughputTokensPerSecond: 11.57, ...selfHosted },
  });
const PER_GPU = (11.57 * 0.6 * 86_400) / 600;

const close = (actual: number | null | undefined, expected: number, rel = 1e-9) =>
  assert.ok(actual != null && Math.abs(actual - expected) <= Math.abs(expected) * rel, `expected ≈${expected}, got ${actual}`);

function assertWellFormed(c: CostCurve): void {
  const n = c.volumes.length;
  for (const series of [c.api, c.selfHostedWithOps, c.selfHostedComputeOnly, c.gpus]) assert.equal(series.length, n);
  for (let i = 1; i < n; i++) assert.ok(c.volumes[i]! > c.volumes[i - 1]!, `volumes not strictly increasing at ${i}: ${c.volumes[i - 1]} → ${c.volumes[i]}`);
  for (const x of [...c.volumes, ...c.api, ...c.selfHostedWithOps, ...c.selfHostedComputeOnly]) assert.ok(Number.isFinite(x));
  assert.deepEqual(JSON.parse(JSON.stringify(c)), c, 'the curve is sent to the webview as JSON');
}

test('seed scenario: flat $200 with ops, flat $20 compute only, API linear in volume, markers at ≈303 and ≈3,030', () => {
  const c = costCurve(seed(), { catalog: getSnapshotCatalog() });
  assertWellFormed(c);
  assert.equal(c.volumes.length, 200);
  assert.ok(c.selfHostedWithOps.every((y) => y === 200));
  assert.ok(c.selfHostedComputeOnly.every((y) => y === 20));
  c.volumes.forEach((v, i) => close(c.api[i], 0.003 * 22 * v));
  close(c.markers.breakEvenComputeOnly, 303.0303030303, 1e-6);
  close(c.markers.breakEvenWithOps, 3030.303030303, 1e-6);
  assert.equal(c.markers.current, 1000);
  assert.deepEqual(c.steps, []);
  assert.ok(c.gpus.every((g) => g === null), 'no GPUs: flat infrastructure');
});

test('default range: 1/100 of the smallest of workload and break-evens (down to ≤ 1/day) to 100× the largest', () => {
  const c = costCurve(seed(), { catalog: getSnapshotCatalog() });
  assert.equal(c.volumes[0], 1);
  close(c.volumes.at(-1), 303_030.303030303, 1e-9);
  // a tiny workload with no break-even still spans 1/100 … 10× of it
  const small = costCurve(seed(0.5, { variableUsdPerMTok: 6 }), { catalog: getSnapshotCatalog() });
  assert.equal(small.markers.breakEvenWithOps, null);
  close(small.volumes[0], 0.005);
  close(small.volumes.at(-1), 50);
  // a zero workload still gets a range from the break-evens
  const zero = costCurve(seed(0), { catalog: getSnapshotCatalog() });
  assert.ok(zero.volumes[0]! <= 1 && zero.volumes.at(-1)! >= 3030 * 100 - 1e-6);
});

test('points and range options are respected; bad ones are a clear error', () => {
  const c = costCurve(seed(), { catalog: getSnapshotCatalog(), points: 7, minRequestsPerDay: 10, maxRequestsPerDay: 1e6 });
  assert.equal(c.volumes.length, 7);
  assert.equal(c.volumes[0], 10);
  assert.equal(c.volumes[6], 1e6);
  close(c.volumes[2], 10 * Math.pow(1e5, 2 / 6));
  assert.equal(costCurve(seed(), { catalog: getSnapshotCatalog(), points: 2 }).volumes.length, 2);
  assert.throws(() => costCurve(seed(), { catalog: getSnapshotCatalog(), points: 1 }), (e: unknown) => e instanceof CostCurveError && /points: must be an integer from 2 to 10000/.test(e.message));
  assert.throws(() => costCurve(seed(), { catalog: getSnapshotCatalog(), points: 1e6 }), /points: must be an integer from 2 to 10000 \(got 1000000\)/);
  assert.throws(() => costCurve(seed(), { catalog: getSnapshotCatalog(), minRequestsPerDay: 0 }), /minRequestsPerDay: must be a finite number > 0/);
  assert.throws(() => costCurve(seed(), { catalog: getSnapshotCatalog(), minRequestsPerDay: 100, maxRequestsPerDay: 10 }), /maxRequestsPerDay/);
});

test('an invalid scenario: problems from the engine, as an outcome or a thrown CostCurveError', () => {
  const out = costCurveFromInput({ workload: { requestsPerDay: -1, inputTokens: 1, outputTokens: 1 }, api: { inputUsdPerMTok: 1 } }, { catalog: getSnapshotCatalog() });
  assert.equal(out.ok, false);
  assert.ok(!out.ok && out.problems.some((p) => p.startsWith('workload.requestsPerDay:')), JSON.stringify(out));
  assert.ok(!out.ok && out.problems.some((p) => p.startsWith('api.model:')));
  const unpriced = { ...seed(), api: { model: 'no-such-model-xyz' } } as Scenario;
  assert.throws(() => costCurve(unpriced, { catalog: getSnapshotCatalog() }), (e: unknown) => e instanceof CostCurveError && e.problems.some((p) => p.startsWith('api.model: unknown model')));
  const ok = costCurveFromInput({ workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100, daysPerMonth: 22 }, api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 } }, { catalog: getSnapshotCatalog() });
  assert.ok(ok.ok && ok.curve.selfHostedWithOps.every((y) => y === 0));
});

test('auto-sized GPUs: a step curve, every step located to within 1e-9 and sampled on both sides', () => {
  const c = costCurve(autoSized(), { catalog: getSnapshotCatalog() });
  assertWellFormed(c);
  // range 1 … 100 × 2,500: one step per 999.648 requests/day
  assert.equal(c.steps.length, Math.floor(c.volumes.at(-1)! / PER_GPU));
  c.steps.forEach((s, k) => close(s, (k + 1) * PER_GPU, 1e-9));
  for (const s of c.steps) {
    const i = c.volumes.indexOf(s);
    assert.ok(i >= 0, `the step at ${s} is a sample`);
    const k = Math.round(s / PER_GPU);
    assert.equal(c.gpus[i], k, `${k} GPUs up to the step`);
    assert.equal(c.gpus[i + 1], k + 1, `${k + 1} GPUs just past it`);
    assert.ok(c.volumes[i + 1]! - s <= 1e-9 * s, 'the cliff is vertical to within 1e-9');
    close(c.selfHostedWithOps[i], 73 * k);
    close(c.selfHostedWithOps[i + 1], 73 * (k + 1));
  }
  // between steps the self-hosted cost is flat; the with-ops and compute-only lines coincide without ops
  assert.deepEqual(c.selfHostedWithOps, c.selfHostedComputeOnly);
  close(c.markers.breakEvenComputeOnly, 73 / 0.09);
  assert.equal(c.markers.current, 2500);
});

test('with ops on a step curve: the with-ops line sits the ops cost above compute only; markers as the engine reports', () => {
  const s = autoSized(2500, { opsHoursPerMonth: 1, opsHourlyUsd: 100, setupHours: 12, setupAmortizationMonths: 12 });
  const c = costCurve(s, { catalog: getSnapshotCatalog() });
  c.volumes.forEach((_, i) => close(c.selfHostedWithOps[i]! - c.selfHostedComputeOnly[i]!, 100 + 100, 1e-9));
  const e = estimate(s, { catalog: getSnapshotCatalog() });
  assert.ok(e.ok);
  assert.equal(c.markers.breakEvenWithOps, e.result.breakEven.withOpsRequestsPerDay);
  assert.equal(c.markers.breakEvenComputeOnly, e.result.breakEven.computeOnlyRequestsPerDay);
});

test('every point equals the full engine at that volume (the shortcut never drifts from estimate)', () => {
  const scenarios: Scenario[] = [
    seed(),
    seed(1000, { setupHours: 6, setupAmortizationMonths: 1, variableUsdPerMTok: 0.5 }),
    autoSized(),
    autoSized(2500, { opsHoursPerMonth: 2, opsHourlyUsd: 50, fixedMonthlyUsd: 10 }),
    scenarioSchema.parse({ ...autoSized(), selfHosted: { gpu: { hourlyUsd: 2, count: 2 }, throughputTokensPerSecond: 500 } }),
    scenarioSchema.parse({ workload: { requestsPerDay: 20_000, inputTokens: 800, outputTokens: 200, cachedInputTokens: 300 }, api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15, cachedInputUsdPerMTok: 0.3, batch: true }, selfHosted: { gpu: { hourlyUsd: 2.5 }, throughputTokensPerSecond: 40, utilization: 0.5 } }),
  ];
  for (const s of scenarios) {
    const base = estimate(s, { catalog: getSnapshotCatalog() });
    assert.ok(base.ok);
    assert.equal(sampler(s, base.result, { catalog: getSnapshotCatalog() }).source, 'shortcut', 'the shortcut reproduces the engine for this scenario');
    const c = costCurve(s, { catalog: getSnapshotCatalog(), points: 40, maxRequestsPerDay: 1e5 });
    c.volumes.forEach((v, i) => {
      const ref = engineSample(s, v, { catalog: getSnapshotCatalog() });
      close(c.api[i], ref.api, 1e-12);
      close(c.selfHostedWithOps[i], ref.withOps, 1e-12);
      if (ref.computeOnly === 0) assert.equal(c.selfHostedComputeOnly[i], 0);
      else close(c.selfHostedComputeOnly[i], ref.computeOnly, 1e-12);
      assert.equal(c.gpus[i], ref.gpus, `GPUs at ${v}`);
    });
  }
});

test('the shortcut is only used when it agrees with the engine; otherwise every point comes from estimate', () => {
  const s = autoSized();
  const e = estimate(s, { catalog: getSnapshotCatalog() });
  assert.ok(e.ok);
  // a base result the shortcut cannot reproduce (as if the engine had started pricing differently)
  const drifted = { ...e.result, api: { ...e.result.api, costPerRequestUsd: e.result.api.costPerRequestUsd * 2 } };
  const sample = sampler(s, drifted, { catalog: getSnapshotCatalog() });
  assert.equal(sample.source, 'engine');
  close(sample(5000).api, engineSample(s, 5000, { catalog: getSnapshotCatalog() }).api, 1e-12);
  close(sampler(s, e.result, { catalog: getSnapshotCatalog() })(5000).api, 0.003 * 30 * 5000);
});

test('a step curve that never pays off over a wide range stays fast', () => {
  const s = scenarioSchema.parse({ workload: { requestsPerDay: 1e6, inputTokens: 500, outputTokens: 100 }, api: { inputUsdPerMTok: 0.01, outputUsdPerMTok: 0.01 }, selfHosted: { gpu: { hourlyUsd: 10 }, throughputTokensPerSecond: 1 } });
  const t = performance.now();
  const c = costCurve(s, { catalog: getSnapshotCatalog() });
  const ms = performance.now() - t;
  assertWellFormed(c);
  assert.equal(c.markers.breakEvenWithOps, null);
  assert.equal(c.steps.length, 400, 'steps are located up to a budget, then only sampled');
  assert.ok(ms < 3000, `took ${ms} ms`);
});
