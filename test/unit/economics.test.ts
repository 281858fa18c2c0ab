import { test } from 'node:test';
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import assert from 'node:assert/strict';
import { estimateFromInput, type EstimateResult } from '../../src/core/economics/estimate';

const seed = (requestsPerDay = 1000, extra: Record<string, unknown> = {}) => ({
  workload: { requestsPerDay, inputTokens: 500, outputTokens: 100, daysPerMonth: 22 },
  api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
  selfHosted: { fixedMonthlyUsd: 20, opsHoursPerMonth: 3, opsHourlyUsd: 60, ...extra },
});

function run(raw: unknown): EstimateResult {
  const out = estimateFromInput(raw, { catalog: getSnapshotCatalog() });
  if (!out.ok) assert.fail(`expected a valid scenario, got: ${out.problems.join('; ')}`);
  return out.result;
}
function problems(raw: unknown): string[] {
  const out = estimateFromInput(raw, { catalog: getSnapshotCatalog() });
  assert.equal(out.ok, false, 'expected validation problems');
  return (out as { problems: string[] }).problems;
}
const close = (actual: number | null, expected: number, rel = 1e-9) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= Math.abs(expected) * rel, `expected ≈${expected}, got ${actual}`);

test('worked example: $0.003 per request and the monthly API cost at 100 / 1,000 / 10,000 requests/day', () => {
  const expected: [number, number, string][] = [[100, 6.6, 'api'], [1000, 66, 'api'], [10000, 660, 'self-hosted']];
  for (const [rpd, monthly, verdict] of expected) {
    const r = run(seed(rpd));
    close(r.api.costPerRequestUsd, 0.003);
    close(r.api.monthlyUsd, monthly);
    assert.equal(r.selfHosted.monthlyUsd, 200);
    assert.equal(r.verdict, verdict, `verdict at ${rpd}/day`);
  }
});

test('worked example: break-even ≈ 303 requests/day on compute alone and ≈ 3,030 with ops', () => {
  const r = run(seed());
  close(r.breakEven.computeOnlyRequestsPerDay, 303.0303030303, 1e-6);
  close(r.breakEven.withOpsRequestsPerDay, 3030.303030303, 1e-6);
  assert.deepEqual(
    { ...r.selfHosted, capacity: undefined },
    // servedUsdPerMTok = 200 ÷ (1,000 requests × 600 tokens × 22 days ÷ 10⁶ = 13.2 Mtok)
    { monthlyUsd: 200, computeMonthlyUsd: 20, variableMonthlyUsd: 0, opsMonthlyUsd: 180, setupMonthlyUsd: 0, setupOneTimeUsd: 0, effectiveUsdPerMTok: null, servedUsdPerMTok: 200 / 13.2, capacity: undefined },
  );
  assert.deepEqual(r.selfHosted.capacity, { outputTokensPerSecond: null, requestsPerDay: null, gpusNeeded: null, fits: null });
  assert.equal(r.api.price.source, 'scenario');
  assert.equal(r.api.price.asOf, null);
  assert.equal(r.hybrid, null);
  assert.equal(r.assumptions.daysPerMonth, 22);
  assert.equal(r.assumptions.hoursPerMonth, 730);
  assert.deepEqual(r.notes, []);
});

test('a 6-hour migration amortized over one month adds $360 to the month', () => {
  const r = run(seed(1000, { setupHours: 6, setupAmortizationMonths: 1 }));
  assert.equal(r.selfHosted.setupOneTimeUsd, 360);
  assert.equal(r.selfHosted.setupMonthlyUsd, 360);
  assert.equal(r.selfHosted.monthlyUsd, 560);
  close(r.breakEven.withOpsRequestsPerDay, 560 / (0.003 * 22));
});

test('setup amortization defaults to 12 months and is echoed', () => {
  const r = run(seed(1000, { setupHours: 6 }));
  assert.equal(r.selfHosted.setupMonthlyUsd, 30);
  assert.equal(r.assumptions.setupAmortizationMonths, 12);
});

test('daysPerMonth defaults to 30', () => {
  const raw = seed();
  delete (raw.workload as { daysPerMonth?: number }).daysPerMonth;
  const r = run(raw);
  close(r.api.monthlyUsd, 90);
  assert.equal(r.assumptions.daysPerMonth, 30);
});

test('batch halves the API price', () => {
  const raw = seed();
  const r = run({ ...raw, api: { ...raw.api, batch: true } });
  close(r.api.costPerRequestUsd, 0.0015);
  close(r.breakEven.withOpsRequestsPerDay, 200 / (0.0015 * 22));
  assert.equal(r.assumptions.batch, true);
});

test('cached input is billed at the cached price, and at the input price with a note when there is none', () => {
  const raw = seed();
  const withPrice = run({ ...raw, workload: { ...raw.workload, cachedInputTokens: 400 }, api: { ...raw.api, cachedInputUsdPerMTok: 0.3 } });
  close(withPrice.api.costPerRequestUsd, (100 * 3 + 400 * 0.3 + 100 * 15) / 1e6);
  assert.deepEqual(withPrice.notes, []);
  const without = run({ ...raw, workload: { ...raw.workload, cachedInputTokens: 400 } });
  close(without.api.costPerRequestUsd, 0.003);
  assert.match(without.notes.join('\n'), /cached input tokens are billed at the input price/);
});

test('catalog prices carry their source and date; scenario prices override one field and say so', () => {
  const r = run({ workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100 }, api: { model: 'gpt-4o-mini' } });
  assert.equal(r.api.price.model, 'gpt-4o-mini');
  assert.match(r.api.price.source, /genai-prices/);
  assert.match(String(r.api.price.asOf), /^\d{4}-\d{2}-\d{2}$/);
  close(r.api.costPerRequestUsd, (500 * r.api.price.inputUsdPerMTok + 100 * r.api.price.outputUsdPerMTok) / 1e6);
  const o = run({ workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100 }, api: { model: 'gpt-4o-mini', outputUsdPerMTok: 1 } });
  assert.equal(o.api.price.outputUsdPerMTok, 1);
  assert.match(o.api.price.source, /^scenario overrides \(outputUsdPerMTok\) over /);
  assert.deepEqual(o.api.price.overrides, ['api.outputUsdPerMTok']);
});

test('never breaks even when the per-token self-hosted cost is at least the API price', () => {
  const r = run(seed(1000, { variableUsdPerMTok: 6 }));  // $6/Mtok × 600 tok = $0.0036 > $0.003
  assert.equal(r.breakEven.computeOnlyRequestsPerDay, null);
  assert.equal(r.breakEven.withOpsRequestsPerDay, null);
  assert.equal(r.verdict, 'api');
  assert.match(r.notes.join('\n'), /never breaks even/);
});

test('a tie goes to the API', () => {
  const r = run(seed(3030.303030303031 * 0 + 200 / 0.066));
  assert.ok(Math.abs(r.api.monthlyUsd - r.selfHosted.monthlyUsd) < 1e-9);
  assert.equal(r.verdict, 'api');
});

test('fixed GPUs: compute = count × hourly × hours; throughput gives capacity and effective $/Mtok', () => {
  const r = run({
    workload: { requestsPerDay: 200000, inputTokens: 500, outputTokens: 100 },
    api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
    selfHosted: { gpu: { count: 2, hourlyUsd: 3.29 }, throughputTokensPerSecond: 1500, utilization: 0.5 },
  });
  close(r.selfHosted.computeMonthlyUsd, 2 * 3.29 * 730);
  close(r.selfHosted.capacity.requestsPerDay, (1500 * 0.5 * 86400) / 600);
  close(r.selfHosted.capacity.outputTokensPerSecond, 250);
  assert.equal(r.selfHosted.capacity.gpusNeeded, 2);
  close(r.selfHosted.effectiveUsdPerMTok, r.selfHosted.monthlyUsd / ((1500 * 0.5 * 86400 * 30) / 1e6));
  assert.match(r.notes.join('\n'), /exceeds the deployment's capacity/);
});

test('auto-sized GPUs: a step cost curve, break-even at the lowest volume where self-hosting wins, and a hybrid split', () => {
  // one GPU serves 1000 req/day; API costs $0.003 × 30 = $0.09 per request-day
  const raw = {
    workload: { requestsPerDay: 2500, inputTokens: 500, outputTokens: 100 },
    api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
    selfHosted: { gpu: { hourlyUsd: 0.1 }, throughputTokensPerSecond: (1000 * 600) / (0.6 * 86400) },
  };
  const r = run(raw);
  assert.equal(r.selfHosted.capacity.gpusNeeded, 3);
  close(r.selfHosted.computeMonthlyUsd, 3 * 0.1 * 730);
  // 1 GPU = $73/month → break-even at 73 / 0.09 = 811 req/day, inside the first step
  close(r.breakEven.computeOnlyRequestsPerDay, 73 / 0.09);
  // with $100 of ops, step k needs (73k + 100) / 0.09 req/day but holds only 1,000k: 1,922 > 1,000 … 5,167 > 5,000;
  // the sixth step is the first that pays: 538 / 0.09 = 5,978 ≤ 6,000
  const withOps = run({ ...raw, selfHosted: { ...raw.selfHosted, opsHoursPerMonth: 1, opsHourlyUsd: 100 } });
  close(withOps.breakEven.withOpsRequestsPerDay, (6 * 73 + 100) / 0.09);
  close(withOps.breakEven.computeOnlyRequestsPerDay, 73 / 0.09);
  // a split: fill two GPUs (2,000 req/day), overflow 500 to the API
  const best = run({ ...raw, workload: { ...raw.workload, requestsPerDay: 2050 } });
  assert.ok(best.hybrid && best.hybrid.best, 'expected a best hybrid split');
  close(best.hybrid.selfHostedShare, 2000 / 2050);
  assert.equal(best.hybrid.gpus, 2);
  assert.equal(best.verdict, 'hybrid');
});

test('an explicit hybrid share is costed: API for the rest, self-hosted sized for the share', () => {
  const r = run({ ...seed(10000), hybrid: { selfHostedShare: 0.7 } });
  assert.ok(r.hybrid);
  close(r.hybrid.apiMonthlyUsd, 0.003 * 3000 * 22);
  assert.equal(r.hybrid.selfHostedMonthlyUsd, 200);
  close(r.hybrid.monthlyUsd, 198 + 200);
  assert.equal(r.verdict, 'self-hosted');
});

test('validation: unknown keys, wrong types, negative numbers and unknown models name the field', () => {
  const base = seed();
  assert.deepEqual(problems({ ...base, workload: { ...base.workload, requestsPerDya: 5 } }), ['workload.requestsPerDya: unknown key']);
  assert.deepEqual(problems({ ...base, extra: 1 }), ['extra: unknown key']);
  assert.match(problems({ ...base, workload: { ...base.workload, inputTokens: '500' } }).join(), /^workload\.inputTokens: expected number, got string "500"$/);
  assert.match(problems({ ...base, selfHosted: { ...base.selfHosted, opsHourlyUsd: -60 } }).join(), /^selfHosted\.opsHourlyUsd: must not be negative \(got -60\)$/);
  assert.match(problems({ ...base, api: { model: 'claude-sonet-4-6' } }).join(), /^api\.model: unknown model "claude-sonet-4-6"/);
  assert.match(problems({ ...base, workload: { inputTokens: 1, outputTokens: 1 } }).join(), /^workload\.requestsPerDay: required/);
  assert.match(problems({ ...base, workload: { ...base.workload, cachedInputTokens: 600 } }).join(), /^workload\.cachedInputTokens: must be at most inputTokens/);
  assert.match(problems({ ...base, selfHosted: { utilization: 1.5 } }).join(), /^selfHosted\.utilization: /);
  assert.match(problems({ ...base, selfHosted: { gpu: { count: 1.5, hourlyUsd: 1 } } }).join(), /^selfHosted\.gpu\.count: must be a whole number/);
  assert.match(problems({ ...base, api: {} }).join(), /^api\.model: required unless both/);
  assert.match(problems({ ...base, hybrid: { selfHostedShare: 2 } }).join(), /^hybrid\.selfHostedShare: must be between 0 and 1/);
  assert.match(problems([]).join(), /^\(root\): expected object, got array$/);
  // several problems: one line each
  assert.equal(problems({ ...base, workload: { requestsPerDay: -1, inputTokens: 'x', outputTokens: 1 } }).length, 2);
});

test('an unknown model with explicit prices is priced from the scenario, with a note', () => {
  const raw = seed();
  const r = run({ ...raw, api: { ...raw.api, model: 'our-finetune-v3' } });
  assert.equal(r.api.price.source, 'scenario');
  assert.match(r.notes.join('\n'), /not in the price catalog/);
});
