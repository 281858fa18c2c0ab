// The engine reaching the catalogs: model + GPU capacity, GPU prices, owned hardware, long-context tiers, staleness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateFromInput, type EstimateResult } from '../../src/core/economics/estimate';
import { estimateCapacity } from '../../src/core/economics/capacity';
import { resolveGpu } from '../../src/core/catalog/gpus';
import { lookupApiPrice, getSnapshotCatalog } from '../../src/core/catalog/prices';

const workload = { requestsPerDay: 200_000, inputTokens: 500, outputTokens: 100, daysPerMonth: 30 };
function run(raw: unknown, today?: Date): EstimateResult {
  const out = estimateFromInput(raw, { catalog: getSnapshotCatalog(), today });
  if (!out.ok) assert.fail(out.problems.join('; '));
  return out.result;
}
function problems(raw: unknown): string[] {
  const out = estimateFromInput(raw, { catalog: getSnapshotCatalog() });
  assert.equal(out.ok, false, 'expected problems');
  return (out as { problems: string[] }).problems;
}

test('selfHosted.model + gpu.name: GPUs sized for the workload by the capacity model, priced from the GPU catalog', () => {
  const r = run({ workload, api: { model: 'claude-sonnet-4-6' }, selfHosted: { model: 'llama-3.3-70b', precision: 'fp8', gpu: { name: 'h100' } } });
  const cap = estimateCapacity({ model: 'llama-3.3-70b', precision: 'fp8', gpu: 'H100-SXM', inputTokens: 500, outputTokens: 100, utilization: 0.6, requestsPerDay: workload.requestsPerDay });
  const h100 = resolveGpu('H100-SXM');
  assert.equal(r.selfHosted.capacity.gpusNeeded, cap.gpusNeeded);
  assert.equal(r.selfHosted.capacity.fits, true);
  assert.ok(r.selfHosted.capacity.requestsPerDay! >= workload.requestsPerDay, 'auto-sized capacity covers the workload');
  assert.ok(Math.abs(r.selfHosted.computeMonthlyUsd - cap.gpusNeeded * h100.hourlyUsd * 730) < 1e-6);
  assert.match(String(r.assumptions.gpuPriceBasis), /^catalog: H100-SXM on-demand/);
  assert.match(String(r.assumptions.throughputBasis), /TensorRT-LLM|calibrat/i);
  assert.ok(r.selfHosted.effectiveUsdPerMTok! > 0);
  // the step curve: break-even is a real volume at which self-hosting is no dearer than the API
  const be = r.breakEven.withOpsRequestsPerDay;
  assert.ok(be !== null && be > 0);
  const at = run({ workload: { ...workload, requestsPerDay: be }, api: { model: 'claude-sonnet-4-6' }, selfHosted: { model: 'llama-3.3-70b', precision: 'fp8', gpu: { name: 'h100' } } });
  assert.ok(at.selfHosted.monthlyUsd <= at.api.monthlyUsd + 1e-6);
});

test('a fixed GPU count keeps its cost; the workload above its capacity is noted', () => {
  const r = run({ workload: { ...workload, requestsPerDay: 5_000_000 }, api: { model: 'gpt-4o-mini' }, selfHosted: { model: 'llama-3.1-8b', gpu: { name: 'L4', count: 1 } } });
  assert.equal(r.selfHosted.capacity.gpusNeeded, 1);
  assert.equal(r.assumptions.precision, 'fp8');
  assert.match(r.notes.join('\n'), /exceeds the deployment's capacity/);
});

test('a model that cannot fit is an error naming the field and the reason', () => {
  const p = problems({ workload, api: { model: 'claude-sonnet-4-6' }, selfHosted: { model: 'llama-3.3-70b', precision: 'bf16', gpu: { name: 'H100-SXM', count: 1 } } });
  assert.equal(p.length, 1);
  assert.match(p[0]!, /^selfHosted\.gpu\.count: .*llama-3\.3-70b in bf16 needs/);
});

test('unknown GPU and open-model names are named errors with suggestions', () => {
  assert.match(problems({ workload, api: { model: 'gpt-4o' }, selfHosted: { model: 'llama-3.3-70b', gpu: { name: 'H1000' } } }).join(), /^selfHosted\.gpu\.name: unknown GPU "H1000"/);
  assert.match(problems({ workload, api: { model: 'gpt-4o' }, selfHosted: { model: 'llama-9-70b', gpu: { name: 'H100-SXM' } } }).join(), /^selfHosted\.model: unknown/);
  assert.match(problems({ workload, api: { model: 'gpt-4o' }, selfHosted: { model: 'llama-3.3-70b' } }).join(), /^selfHosted\.gpu\.name: required with selfHosted\.model/);
  assert.match(problems({ workload, api: { model: 'gpt-4o' }, selfHosted: { precision: 'fp8' } }).join(), /^selfHosted\.model: required with selfHosted\.precision/);
  assert.match(problems({ workload, api: { model: 'gpt-4o' }, selfHosted: { model: 'llama-3.1-8b', precision: 'fp4', gpu: { name: 'L4' } } }).join(), /^selfHosted\.precision: /);
});

test('an explicit throughput wins over the capacity model, with a note', () => {
  const r = run({ workload, api: { model: 'gpt-4o' }, selfHosted: { model: 'llama-3.1-8b', gpu: { name: 'L4', count: 2 }, throughputTokensPerSecond: 1000 } });
  assert.equal(r.assumptions.throughputBasis, 'scenario');
  assert.ok(Math.abs(r.selfHosted.capacity.requestsPerDay! - (1000 * 0.6 * 86400) / 600) < 1e-6);
  assert.match(r.notes.join('\n'), /wins over the capacity model/);
});

test('owned hardware: purchase amortized + power replaces rent', () => {
  const h100 = resolveGpu('H100-SXM');
  const r = run({ workload, api: { model: 'gpt-4o' }, selfHosted: { gpu: { name: 'H100-SXM', count: 2, owned: { purchaseUsd: 30000, amortizationMonths: 36, usdPerKWh: 0.1 } } } });
  const perGpu = 30000 / 36 + (h100.tdpWatts / 1000) * 0.7 * 1.3 * 730 * 0.1;
  assert.ok(Math.abs(r.selfHosted.computeMonthlyUsd - 2 * perGpu) < 1e-6, `${r.selfHosted.computeMonthlyUsd} vs ${2 * perGpu}`);
  assert.match(String(r.assumptions.gpuPriceBasis), /^owned/);
  assert.match(problems({ workload, api: { model: 'gpt-4o' }, selfHosted: { gpu: { name: 'H100-SXM', count: 1, hourlyUsd: 2, owned: {} } } }).join(), /^selfHosted\.gpu\.owned: give either/);
});

test('long-context tiers apply above 200K input tokens, with a note', () => {
  const r = run({ workload: { requestsPerDay: 10, inputTokens: 300_000, outputTokens: 1000 }, api: { model: 'gemini-2.5-pro' } });
  const p = lookupApiPrice(getSnapshotCatalog(), 'gemini-2.5-pro');
  assert.ok(p.ok && p.price.tiers?.length);
  const tier = p.price.tiers![0]!;
  assert.equal(r.api.price.inputUsdPerMTok, tier.inputUsdPerMTok);
  assert.ok(Math.abs(r.api.costPerRequestUsd - (300_000 * tier.inputUsdPerMTok + 1000 * tier.outputUsdPerMTok) / 1e6) < 1e-12);
  assert.match(r.notes.join('\n'), /long-context tier/);
});

test('a catalog price older than 90 days gets a staleness note; a fresh one does not', () => {
  const raw = { workload, api: { model: 'gpt-4o' } };
  const asOf = Date.parse(`${run(raw).api.price.asOf}T00:00:00Z`);
  assert.doesNotMatch(run(raw, new Date(asOf + 30 * 86_400_000)).notes.join('\n'), /days old/);
  assert.match(run(raw, new Date(asOf + 120 * 86_400_000)).notes.join('\n'), /120 days old/);
});
