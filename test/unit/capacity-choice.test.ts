// Issue #11 (6): `gpu.name: "auto"` (the settings default) sizes the counterpart on the cheapest catalog GPU and
// count that hold the model and serve the volume. The choice is recomputed here by brute force over the catalog.
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate } from '../../src/core/economics/estimate';
import { estimateCapacity } from '../../src/core/economics/capacity';
import { listGpus, type Gpu } from '../../src/core/catalog/gpus';
import { cheapestGpu } from '../../src/core/economics/capacityChoice';
import { buildCallSite } from '../../src/core/scan/callSite';
import { readSettings } from '../../src/core/settings';
import type { Scenario } from '../../src/core/config';
import { openAiChatCall } from './helpers/detectedCall';
import { hoverMarkdown } from '../../src/core/format/hoverText';
import { computeTotals } from '../../src/core/scan/totals';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

function scenario(model: string, requestsPerDay: number, gpu: NonNullable<NonNullable<Scenario['selfHosted']>['gpu']>, precision: 'fp8' | 'bf16' = 'fp8'): Scenario {
  return {
    workload: { requestsPerDay, inputTokens: 500, outputTokens: 300, daysPerMonth: 30 },
    api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
    selfHosted: { model, precision, gpu, utilization: 0.6, opsHoursPerMonth: 0, setupHours: 0 },
  };
}

/** Independent recomputation: every catalog GPU, GPUs = whole replicas for the volume, cost = GPUs × $/h × 730. */
function bruteForce(model: string, requestsPerDay: number, precision: 'fp8' | 'bf16' = 'fp8') {
  const rows = listGpus().flatMap((g) => {
    const r = estimateCapacity({ model, precision, gpu: g.id, inputTokens: 500, outputTokens: 300, utilization: 0.6, requestsPerDay });
    if (!r.fits) return [];
    const gpus = Math.max(1, Math.ceil(requestsPerDay / r.requestsPerDayPerReplica)) * r.gpusPerReplica;
    return [{ id: g.id, gpus, usd: gpus * g.hourlyUsd * 730 }];
  });
  return rows.sort((a, b) => a.usd - b.usd)[0]!;
}

test('an 8B counterpart at 1,000 requests/day runs on one L4 ($0.49 × 730 h), not a whole H100', () => {
  const r = estimate(scenario('llama-3.1-8b', 1000, { name: 'auto' }), { catalog: getSnapshotCatalog() });
  assert.ok(r.ok, r.ok ? '' : r.problems.join('\n'));
  assert.equal(r.result.assumptions['capacity.gpu'], 'L4');
  assert.equal(r.result.selfHosted.capacity.gpusNeeded, 1);
  assert.ok(Math.abs(r.result.selfHosted.computeMonthlyUsd - 0.49 * 730) < 1e-9, String(r.result.selfHosted.computeMonthlyUsd));
  assert.equal(r.result.assumptions.gpuChoice, '1× L4: cheapest catalog GPU that holds llama-3.1-8b fp8 and serves 1,000 req/day');
  const pinned = estimate(scenario('llama-3.1-8b', 1000, { name: 'H100-SXM' }), { catalog: getSnapshotCatalog() });
  assert.ok(pinned.ok);
  assert.equal(pinned.result.assumptions['capacity.gpu'], 'H100-SXM', 'a pinned GPU is kept');
  assert.equal(pinned.result.assumptions.gpuChoice, undefined);
  assert.ok(Math.abs(pinned.result.selfHosted.computeMonthlyUsd - 3.29 * 730) < 1e-9);
});

test('the choice matches a brute-force search over the catalog at several models and volumes', () => {
  for (const [model, volume, precision] of [['llama-3.1-8b', 1000, 'fp8'], ['llama-3.1-8b', 3_000_000, 'fp8'], ['llama-3.3-70b', 150_000, 'fp8'], ['llama-3.3-70b', 2000, 'bf16'], ['qwen3-30b-a3b', 20_000, 'fp8'], ['deepseek-v3', 5000, 'fp8']] as const) {
    const want = bruteForce(model, volume, precision);
    const r = estimate(scenario(model, volume, { name: 'auto' }, precision), { catalog: getSnapshotCatalog() });
    assert.ok(r.ok, r.ok ? '' : r.problems.join('\n'));
    assert.ok(Math.abs(r.result.selfHosted.computeMonthlyUsd - want.usd) < 1e-6, `${model} at ${volume}: ${r.result.selfHosted.computeMonthlyUsd} vs ${want.id} ${want.usd}`);
    assert.equal(r.result.selfHosted.capacity.gpusNeeded, want.gpus, `${model} at ${volume}`);
    assert.ok(Number.isFinite(r.result.selfHosted.monthlyUsd) && r.result.selfHosted.monthlyUsd >= 0);
  }
});

test('skipping GPUs whose floor (rent × the fewest GPUs that hold the model) loses changes no choice: same GPU, count and reason', () => {
  // Each GPU sized on its own (a price for it alone), then ranked by the documented rule in catalog order: serving the
  // volume first, then the lower monthly cost, then more requests per GPU; an exact tie keeps the earlier GPU.
  const prices: Record<string, (g: Gpu) => number> = { catalog: (g) => g.hourlyUsd, owned: (g) => g.purchaseUsd / 5000, flat: () => 1, free: () => 0 };
  let compared = 0;
  for (const [model, precision] of [['llama-3.1-8b', 'bf16'], ['llama-3.3-70b', 'fp8'], ['gpt-oss-120b', 'fp8'], ['qwen3-30b-a3b', 'int4'], ['deepseek-v3', 'fp8']] as const) {
    for (const requestsPerDay of [0, 1000, 250_000, 5_000_000]) {
      for (const gpuCount of [undefined, 1, 4]) {
        for (const hoursShare of [1, 0.25]) {
          for (const [pricing, hourly] of Object.entries(prices)) {
            const input = { model, precision, gpuCount, inputTokens: 900, outputTokens: 250, utilization: 0.6, requestsPerDay, hoursShare, hoursPerMonth: 730 * hoursShare };
            const alone = listGpus().map((g) => cheapestGpu({ ...input, hourlyUsd: (x) => (x.id === g.id ? hourly(x) : null) })).filter((c) => c !== null);
            let want: (typeof alone)[number] | undefined;
            for (const c of alone) {
              const ahead = !want || (c.servesVolume !== want.servesVolume ? c.servesVolume
                : Math.abs(c.computeMonthlyUsd - want.computeMonthlyUsd) > 1e-9 * Math.max(1, want.computeMonthlyUsd) ? c.computeMonthlyUsd < want.computeMonthlyUsd
                  : c.result.requestsPerDayPerReplica / c.result.gpusPerReplica > want.result.requestsPerDayPerReplica / want.result.gpusPerReplica);
              if (ahead) want = c;
            }
            const got = cheapestGpu({ ...input, hourlyUsd: hourly });
            const what = `${model} ${precision} ${requestsPerDay}/day on ${gpuCount ?? 'auto'} GPUs, ${hoursShare} of the hours, ${pricing} prices`;
            assert.deepEqual(got && [got.gpu.id, got.gpus, got.computeMonthlyUsd, got.servesVolume, got.why], want ? [want.gpu.id, want.gpus, want.computeMonthlyUsd, want.servesVolume, want.why] : null, what);
            compared++;
          }
        }
      }
    }
  }
  assert.equal(compared, 5 * 4 * 3 * 2 * 4);
});

test('a fixed count picks the cheapest GPU that holds the model on that many GPUs', () => {
  const r = estimate(scenario('llama-3.3-70b', 1000, { name: 'auto', count: 2 }), { catalog: getSnapshotCatalog() });
  assert.ok(r.ok, r.ok ? '' : r.problems.join('\n'));
  // 2 GPUs: 70.6 GB of fp8 weights fit on 2× L40S (96 GB) at $1.09, the cheapest pair that holds them.
  assert.equal(r.result.assumptions['capacity.gpu'], 'L40S');
  assert.ok(Math.abs(r.result.selfHosted.computeMonthlyUsd - 2 * 1.09 * 730) < 1e-9);
  assert.match(String(r.result.assumptions.gpuChoice), /^2× L40S: .* with the fixed count of 2$/);
});

test('"auto" with a GPU price, a stated throughput, no open model, or no GPU that fits is an error naming the field', () => {
  const problems = (s: Scenario) => { const r = estimate(s, { catalog: getSnapshotCatalog() }); assert.ok(!r.ok); return r.problems.join('\n'); };
  assert.match(problems(scenario('llama-3.1-8b', 1000, { name: 'auto', hourlyUsd: 2 })), /^selfHosted\.gpu\.hourlyUsd: a GPU price is per GPU type/);
  const s = scenario('llama-3.1-8b', 1000, { name: 'AUTO', count: 1 });
  s.selfHosted!.throughputTokensPerSecond = 1000;
  assert.match(problems(s), /^selfHosted\.gpu\.name: "auto" lets the capacity model pick the GPU/);
  assert.match(problems(scenario('deepseek-v3', 1000, { name: 'auto', count: 1 }, 'bf16')), /^selfHosted\.model: no catalog GPU holds deepseek-v3 in bf16 on 1 GPU/);
  assert.match(problems(scenario('no-such-model', 1000, { name: 'auto' })), /^selfHosted\.model: /);
});

test('call sites use "auto" by default and keep a pinned llmCostLens.selfHosted.gpu', () => {
  const call = openAiChatCall();
  const auto = buildCallSite(engine, call, readSettings({}));
  // gpt-4o-mini → gpt-oss-20b: 20.9 GB (19.5 GiB) of fp8 weights + 4 GiB runtime do not fit the 22.5 GiB an L4
  // reports; an RTX 4090 reports 24.0 GiB, leaving 0.95 × 0.5 GiB of KV cache (36 requests of 1,200 tokens in
  // flight), enough for 1,000 req/day: one RTX 4090 ($0.60/h) is cheaper than two L4s ($0.98/h).
  assert.equal(auto.openModel.model, 'gpt-oss-20b');
  assert.equal(auto.cost!.assumptions['capacity.gpu'], 'RTX-4090');
  assert.ok(Math.abs(auto.cost!.selfHosted!.computeMonthlyUsd - 1 * 0.6 * 730) < 1e-9);
  const why = '1× RTX-4090: cheapest catalog GPU that holds gpt-oss-20b fp8 and serves 1,000 req/day';
  assert.equal(auto.cost!.assumptions.gpuChoice, why);
  assert.ok(hoverMarkdown(auto, { openPanel: 'x' }).includes(`| · GPU | ${why} |`));
  const t = computeTotals(engine, [auto], readSettings({}).settings);
  assert.deepEqual([t.deployments[0]!.gpu, t.deployments[0]!.gpuChoice], ['RTX-4090', why]);
  const pinned = buildCallSite(engine, call, readSettings({ 'llmCostLens.selfHosted.gpu': 'H100-SXM' }));
  assert.equal(pinned.cost!.assumptions['capacity.gpu'], 'H100-SXM');
  assert.doesNotMatch(hoverMarkdown(pinned, { openPanel: 'x' }), /· GPU/);
});
