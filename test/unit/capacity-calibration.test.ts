import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { CALIBRATION_DATA, calibrationTable, formatCalibrationTable, type CalibrationPoint } from '../../src/core/economics/capacityCalibration';
import { CALIBRATED, type CapacityParams } from '../../src/core/economics/capacity';

const SHARED = '/work/shared/data/throughput-calibration.json';

test('every calibration point is within ±35 % of the measurement (global efficiencies only)', () => {
  const rows = calibrationTable();
  console.log(`\nmeasured / predicted, ${CALIBRATION_DATA.source}\n${formatCalibrationTable(rows)}`);
  const ratios = rows.map((r) => r.ratio);
  console.log(`ratio range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; params ${JSON.stringify(CALIBRATED)}`);
  assert.equal(rows.length, 20);
  for (const r of rows) {
    assert.ok(r.ratio >= 1 / 1.35 && r.ratio <= 1.35, `${r.model} ${r.gpu}×${r.gpus} ${r.inputTokens}/${r.outputTokens}: ratio ${r.ratio.toFixed(3)}`);
  }
});

/** Refit only the two efficiencies on a subset (coarse grid, least squares in log space). */
function refit(points: readonly CalibrationPoint[]): CapacityParams {
  let best: { p: CapacityParams; err: number } | undefined;
  for (let me = 0.4; me <= 0.951; me += 0.05) {
    for (let ce = 0.3; ce <= 0.851; ce += 0.05) {
      const p = { ...CALIBRATED, memoryBandwidthEfficiency: me, computeEfficiency: ce };
      const err = calibrationTable(points, p).reduce((a, r) => a + Math.log(r.ratio) ** 2, 0);
      if (!best || err < best.err) best = { p, err };
    }
  }
  return best!.p;
}

for (const [name, train, heldOut] of [
  ['GPU', (pt: CalibrationPoint) => pt.gpu === 'H100-SXM', (pt: CalibrationPoint) => pt.gpu === 'H200-SXM'],
  ['model size', (pt: CalibrationPoint) => pt.model === 'llama-3.1-8b', (pt: CalibrationPoint) => pt.model === 'llama-3.3-70b'],
] as const) {
  test(`held out by ${name}: efficiencies fitted on one half predict the other within ±35 %`, () => {
    const p = refit(CALIBRATION_DATA.points.filter(train));
    for (const r of calibrationTable(CALIBRATION_DATA.points.filter(heldOut), p)) {
      assert.ok(r.ratio >= 1 / 1.35 && r.ratio <= 1.35, `${r.model} ${r.gpu} ${r.inputTokens}/${r.outputTokens}: ${r.ratio.toFixed(3)}`);
    }
  });
}

test('embedded points equal the shared calibration file', { skip: !existsSync(SHARED) && 'shared file not present' }, () => {
  const shared = JSON.parse(readFileSync(SHARED, 'utf8')) as { precision: string; points: unknown[] };
  assert.equal(shared.precision, CALIBRATION_DATA.precision);
  assert.deepEqual(shared.points, CALIBRATION_DATA.points);
});
