import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CapacityInputError, estimateCapacity, gpusForVolume, gpusForVolumeFrom, replicaPerformance, weightBytesReadPerStep, type CapacityInput,
} from '../../src/core/economics/capacity';
import { resolveGpu } from '../../src/core/catalog/gpus';
import { resolveOpenModel } from '../../src/core/catalog/openModels';

const base: CapacityInput = { model: 'llama-3.3-70b', precision: 'fp8', gpu: 'H100-SXM', inputTokens: 500, outputTokens: 100, utilization: 0.6 };

test('70B in bf16 does not fit on one 80 GB GPU, and says why', () => {
  const r = estimateCapacity({ ...base, precision: 'bf16', gpuCount: 1 });
  assert.equal(r.fits, false);
  assert.match(r.reason ?? '', /llama-3\.3-70b in bf16 needs ~141 GB of weights/);
  assert.match(r.reason ?? '', /one H100-SXM has 79.6 GiB \(80 GB nominal\)/);
  assert.match(r.reason ?? '', /use ≥2 GPUs or fp8/);
  assert.equal(r.requestsPerDay, 0);
  assert.equal(r.gpusPerReplica, 2, 'reports the smallest replica that fits');
  // Auto-sized, the same request fits by spreading the model over several GPUs.
  const auto = estimateCapacity({ ...base, precision: 'bf16' });
  assert.equal(auto.fits, true);
  assert.ok(auto.gpusPerReplica >= 2);
});

test('8B in fp8 fits on one L4', () => {
  const r = estimateCapacity({ ...base, model: 'llama-3.1-8b', gpu: 'L4', gpuCount: 1 });
  assert.equal(r.fits, true);
  assert.equal(r.gpusPerReplica, 1);
  assert.ok(r.maxBatch >= 1 && r.outputTokensPerSecond > 0);
});

test('throughput rises with memory bandwidth, all else equal', () => {
  const model = resolveOpenModel('llama-3.1-8b');
  const h100 = resolveGpu('H100-SXM');
  let prev = 0;
  for (const bw of [0.5, 1, 2, 3.35, 5, 8]) {
    const t = replicaPerformance(model, { ...h100, bandwidthTBs: bw }, 'fp8', 1, 1000, 300).outputTokensPerSecond;
    assert.ok(t > prev, `bandwidth ${bw}: ${t} ≤ ${prev}`);
    prev = t;
  }
});

test('more GPUs as the volume grows (a step curve)', () => {
  const input = { ...base, model: 'llama-3.1-8b' };
  const auto = estimateCapacity(input);
  let prev = 0;
  for (const v of [1e3, 1e5, 1e6, 1e7, 1e8]) {
    const g = gpusForVolume(input, v);
    assert.ok(g !== null && g >= prev, `volume ${v}`);
    assert.equal(gpusForVolumeFrom(auto, v), g, 'the cheap sweep agrees with a full estimate');
    prev = g;
  }
  assert.ok((gpusForVolume(input, 1e8) ?? 0) > (gpusForVolume(input, 1e6) ?? 0));
  const sized = estimateCapacity({ ...input, requestsPerDay: 5e7 });
  assert.ok(sized.requestsPerDay >= 5e7, 'the sized deployment covers the workload');
  assert.ok(sized.requestsPerDay - sized.requestsPerDayPerReplica < 5e7, 'and one replica fewer would not');
});

test('int4 weights are smaller than fp8, fp8 smaller than bf16', () => {
  const model = resolveOpenModel('qwen2.5-72b');
  const gpu = resolveGpu('H100-SXM');
  const w = (p: 'bf16' | 'fp8' | 'int4'): number => replicaPerformance(model, gpu, p, 8, 500, 100).weightBytes;
  assert.ok(w('int4') < w('fp8') && w('fp8') < w('bf16'));
  assert.equal(w('int4'), 72.7e9 * 0.5 * 1.05);
});

test('MoE decode reads only the active experts at batch 1 and nearly all of them at large batch', () => {
  const m = resolveOpenModel('qwen3-30b-a3b');
  assert.ok(Math.abs(weightBytesReadPerStep(m, 1, 1) - 3.3e9) < 1e6);
  assert.ok(weightBytesReadPerStep(m, 1, 256) > 0.95 * 30.5e9);
  assert.equal(weightBytesReadPerStep(resolveOpenModel('llama-3.1-8b'), 2, 256), 16e9);
});

test('a fixed GPU count gives whole replicas and consistent totals', () => {
  const r = estimateCapacity({ ...base, gpuCount: 5, requestsPerDay: 1000 });
  assert.equal(r.fits, true);
  assert.equal(r.replicas, Math.floor(5 / r.gpusPerReplica));
  assert.ok(Math.abs(r.requestsPerDay - r.replicas * r.requestsPerDayPerReplica) < 1e-6);
  assert.ok(Math.abs(r.outputTokensPerSecond / base.outputTokens * 86_400 * base.utilization - r.requestsPerDay) < 1e-3);
  assert.ok(Math.abs(r.outputTokensPerSecondPerReplica * r.replicas - r.outputTokensPerSecond) < 1e-6);
  assert.ok(Math.abs(r.tokensPerSecondPerReplica / 600 * 100 - r.outputTokensPerSecondPerReplica) < 1e-6);
  const half = estimateCapacity({ ...base, gpuCount: 5, utilization: 0.3 });
  assert.ok(Math.abs(half.requestsPerDay * 2 - r.requestsPerDay) < 1e-6);
});

test('DeepSeek-V3 needs more than one 8×H100 node in fp8 but fits on 8×H200', () => {
  const input = { ...base, model: 'deepseek-v3' };
  assert.equal(estimateCapacity({ ...input, gpuCount: 8 }).fits, false);
  const h200 = estimateCapacity({ ...input, gpu: 'H200-SXM', gpuCount: 8 });
  assert.equal(h200.fits, true);
});

test('a request longer than the context window does not fit', () => {
  const r = estimateCapacity({ ...base, model: 'gemma-2-9b', inputTokens: 9000 });
  assert.equal(r.fits, false);
  assert.match(r.reason ?? '', /8192-token context/);
});

test('bad input throws CapacityInputError naming the scenario field', () => {
  const cases: Array<[Partial<CapacityInput> | Record<string, unknown>, string]> = [
    [{ gpu: 'H1000' }, 'selfHosted.gpu.name'], [{ model: 'gpt-4o' }, 'selfHosted.model'], [{ precision: 'fp4' }, 'selfHosted.precision'],
    [{ utilization: 0 }, 'selfHosted.utilization'], [{ utilization: 1.5 }, 'selfHosted.utilization'], [{ inputTokens: Number.NaN }, 'workload.inputTokens'],
    [{ outputTokens: -1 }, 'workload.outputTokens'], [{ gpuCount: 1.5 }, 'selfHosted.gpu.count'], [{ requestsPerDay: -5 }, 'workload.requestsPerDay'],
  ];
  for (const [patch, field] of cases) {
    assert.throws(() => estimateCapacity({ ...base, ...patch } as CapacityInput), (e: unknown) => {
      assert.ok(e instanceof CapacityInputError, `${JSON.stringify(patch)} threw ${String(e)}`);
      assert.equal(e.field, field);
      assert.ok(e.message.startsWith(`${field}: `), e.message);
      return true;
    });
  }
});
