// Issue #11 (5): MoE capacity — memory from total parameters, compute from active ones, weight traffic per decode
// step from the experts a batch touches — calibrated against published TensorRT-LLM Qwen3-235B-A22B FP8 figures.
// One test per point prints and asserts measured ÷ predicted within ±30 %; the dense table stays within ±15 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALIBRATION_DATA, MOE_CALIBRATION_DATA, calibrationTable } from '../../src/core/economics/capacityCalibration';
import { replicaMaxBatch, replicaPerformance, replicaThroughputAtBatch, weightBytesReadPerStep } from '../../src/core/economics/capacity';
import { resolveOpenModel } from '../../src/core/catalog/openModels';
import { resolveGpu } from '../../src/core/catalog/gpus';

for (const row of calibrationTable(MOE_CALIBRATION_DATA.points)) {
  test(`MoE ${row.model} ${row.gpu}×${row.gpus} ${row.inputTokens}/${row.outputTokens}: measured ÷ predicted within ±30 %`, () => {
    console.log(`${row.model} ${row.gpu}×${row.gpus} ${row.inputTokens}/${row.outputTokens}: measured ${row.outputTokensPerSecond}, predicted ${Math.round(row.predicted)}, ratio ${row.ratio.toFixed(2)}`);
    assert.ok(row.ratio >= 0.7 && row.ratio <= 1.3, `ratio ${row.ratio.toFixed(3)}`);
  });
}

test('dense calibration does not regress: every point within ±15 %', () => {
  for (const r of calibrationTable(CALIBRATION_DATA.points)) {
    assert.ok(r.ratio >= 0.85 && r.ratio <= 1.15, `${r.model} ${r.gpu} ${r.inputTokens}/${r.outputTokens}: ${r.ratio.toFixed(3)}`);
  }
});

test('weight bytes per decode step: shared weights + the expected distinct experts E·(1−(1−k/E)^B), by hand', () => {
  const m = resolveOpenModel('qwen3-235b-a22b'); // 235B total, 22B active, 128 experts, top-8
  const perExpert = (235 - 22) / (128 - 8); // B of parameters per expert (summed over layers)
  const shared = 235 - 128 * perExpert;
  for (const batch of [1, 4, 32, 256]) {
    const distinct = 128 * (1 - Math.pow(1 - 8 / 128, batch));
    const want = (shared + distinct * perExpert) * 1e9; // fp8: 1 byte per parameter
    assert.ok(Math.abs(weightBytesReadPerStep(m, 1, batch) - want) < 1, `B=${batch}`);
  }
  // One token reads exactly the active parameters; a large batch reads (almost) all of them.
  assert.ok(Math.abs(weightBytesReadPerStep(m, 1, 1) - 22e9) < 1);
  assert.ok(weightBytesReadPerStep(m, 1, 256) > 0.999 * 235e9);
  const dense = resolveOpenModel('llama-3.1-8b');
  assert.equal(weightBytesReadPerStep(dense, 1, 256), 8e9, 'dense: every parameter every step');
});

test('replicaThroughputAtBatch (the serving-policy hook) by hand, and replicaPerformance = it at replicaMaxBatch', () => {
  const m = resolveOpenModel('llama-3.1-8b');
  const gpu = resolveGpu('H100-SXM');
  // Batch 1, fp8, 1,000 in / 1,000 out on one H100: memory-bound decode.
  const bw = 3.35e12 * 0.65;
  const kv = 2 * 32 * 8 * 128 * 1; // bytes per token, fp8 cache
  const step = (8e9 + 1 * 1500 * kv) / bw;
  const flops = 1979e12 * 0.6;
  const prefill = (2 * 8e9 * 1000 + 2 * (32 * 32 * 128) * 1000 * 1000) / flops;
  const t = replicaThroughputAtBatch(m, gpu, 'fp8', 1, 1000, 1000, 1);
  assert.ok(Math.abs(t.stepSeconds - step) < 1e-12, `${t.stepSeconds} vs ${step}`);
  assert.ok(Math.abs(t.prefillSecondsPerRequest - prefill) < 1e-12);
  assert.ok(Math.abs(t.requestsPerSecond - 1 / (prefill + 1000 * step)) < 1e-12);
  assert.equal(t.decodeBound, 'memory');
  const full = replicaPerformance(m, gpu, 'fp8', 1, 1000, 1000);
  assert.equal(full.maxBatch, replicaMaxBatch(m, gpu, 'fp8', 1, 2000));
  assert.equal(full.requestsPerSecond, replicaThroughputAtBatch(m, gpu, 'fp8', 1, 1000, 1000, full.maxBatch).requestsPerSecond);
  assert.ok(t.requestsPerSecond < full.requestsPerSecond, 'a latency cap on the batch lowers throughput');
});
