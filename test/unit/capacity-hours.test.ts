// Issue #11 (5): rented hours bound capacity; a fixed GPU count says when the break-even is beyond it (and what
// count would serve it); servedUsdPerMTok next to effectiveUsdPerMTok. Every figure recomputed by hand.
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate } from '../../src/core/economics/estimate';
import type { Scenario } from '../../src/core/config';

const close = (a: number | null, b: number, eps = 1e-9) => assert.ok(a !== null && Math.abs(a - b) <= eps * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
function scenario(requestsPerDay: number, hoursPerMonth: number, tps: number): Scenario {
  return {
    workload: { requestsPerDay, inputTokens: 500, outputTokens: 100, daysPerMonth: 30 },
    api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
    selfHosted: { gpu: { count: 1, hourlyUsd: 2, hoursPerMonth }, throughputTokensPerSecond: tps, utilization: 0.5, opsHoursPerMonth: 0, setupHours: 0 },
  };
}
const run = (s: Scenario) => {
  const r = estimate(s, { catalog: getSnapshotCatalog() });
  assert.ok(r.ok, r.ok ? '' : r.problems.join('\n'));
  return r.result;
};

test('200 rented hours give 200/720 of a round-the-clock month\'s capacity', () => {
  const r = run(scenario(500, 200, 1500));
  // 1,500 tok/s × 0.5 × 86,400 s × (200 ÷ 720) ÷ 600 tokens per request = 30,000 requests/day
  close(r.selfHosted.capacity.requestsPerDay, 30_000);
  assert.ok(r.notes.some((n) => /run 200 of the month's 720 hours: capacity is 27\.78 %/.test(n)), r.notes.join('\n'));
  const full = run(scenario(500, 730, 1500));
  close(full.selfHosted.capacity.requestsPerDay, 108_000, 1e-9);
  assert.ok(!full.notes.some((n) => /of the month's/.test(n)), 'look-alike: 730 hours cover a 30-day month');
});

test('servedUsdPerMTok (the workload) beside effectiveUsdPerMTok (full capacity)', () => {
  const r = run(scenario(500, 200, 50));
  // compute = 1 GPU × $2 × 200 h = $400; capacity = 50 × 0.5 × 86,400 × (200/720) ÷ 600 = 1,000 requests/day
  assert.equal(r.selfHosted.monthlyUsd, 400);
  close(r.selfHosted.capacity.requestsPerDay, 1000);
  // effective: 400 ÷ (50 × 0.5 × 86,400 × 200/720 × 30 ÷ 10⁶ = 18 Mtok) = 22.22…
  close(r.selfHosted.effectiveUsdPerMTok, 400 / 18);
  // served: 400 ÷ (500 × 600 × 30 ÷ 10⁶ = 9 Mtok) = 44.44…
  close(r.selfHosted.servedUsdPerMTok, 400 / 9);
});

test('a fixed GPU count: the break-even beyond its capacity is reported, with the count that would serve it', () => {
  const r = run(scenario(500, 200, 50));
  // API per request (500 × 3 + 100 × 15) ÷ 10⁶ = 0.003; break-even = 400 ÷ (0.003 × 30) = 4,444.4/day > 1,000
  close(r.breakEven.withOpsRequestsPerDay, 400 / 0.09);
  assert.ok(r.notes.some((n) => /break-even \(4444\.44 requests\/day\) is beyond the capacity of 1 GPU \(1000 requests\/day\): it would take 5 GPUs/.test(n)), r.notes.join('\n'));
  const over = run(scenario(2000, 200, 50));
  assert.ok(over.notes.some((n) => /^2 GPUs would serve the workload$/.test(n)), over.notes.join('\n'));
  const roomy = run(scenario(500, 730, 1500));
  assert.ok(!roomy.notes.some((n) => /beyond the capacity/.test(n)), 'look-alike: a break-even within capacity is not flagged');
});
