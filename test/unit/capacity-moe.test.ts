// Issue #11 (5): MoE capacity — memory from total parameters, compute from active ones, weight traffic per decode
// step from the experts a batch touches — calibrated against published TensorRT-LLM Qwen3-235B-A22B FP8 figures.
// One test per point prints and asserts measured ÷ predicted within ±30 %; the dense table stays within ±15 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALIBRATION_DATA, MOE_CALIBRATION_DATA, calibrationTable } from '../../src/core/economics/capacityCalibration';
import { weightBytesReadPerStep } from '../../src/core/economics/capacity';
import { resolveOpenModel } from '../../src/core/catalog/openModels';

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
