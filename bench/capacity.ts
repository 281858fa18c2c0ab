// Capacity model speed (per estimateCapacity call, auto-sized and fixed-count) and its calibration table.
import { performance } from 'node:perf_hooks';
import { estimateCapacity, gpusForVolumeFrom, type CapacityInput } from '../src/core/economics/capacity';
import { CALIBRATION_DATA, calibrationTable, formatCalibrationTable } from '../src/core/economics/capacityCalibration';

function timeIt(label: string, iterations: number, fn: (i: number) => void): void {
  for (let i = 0; i < Math.min(200, iterations); i++) fn(i); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < iterations; i++) fn(i);
  const us = ((performance.now() - t0) * 1000) / iterations;
  console.log(`${label.padEnd(58)} ${us.toFixed(1).padStart(8)} µs/call (${iterations} calls)`);
}

export async function run(): Promise<void> {
  const input: CapacityInput = { model: 'llama-3.3-70b', precision: 'fp8', gpu: 'H100-SXM', inputTokens: 500, outputTokens: 100, utilization: 0.6 };
  timeIt('estimateCapacity, auto-sized (tries 1–16 GPU layouts)', 5000, (i) => { estimateCapacity({ ...input, requestsPerDay: 1000 + i }); });
  timeIt('estimateCapacity, fixed gpuCount 2', 5000, (i) => { estimateCapacity({ ...input, gpuCount: 2, requestsPerDay: 1000 + i }); });
  timeIt('estimateCapacity, does not fit (bf16 on 1 GPU, builds reason)', 2000, () => { estimateCapacity({ ...input, precision: 'bf16', gpuCount: 1 }); });
  const auto = estimateCapacity(input);
  timeIt('gpusForVolumeFrom (step-curve sweep point)', 200000, (i) => { gpusForVolumeFrom(auto, i * 100); });

  const rows = calibrationTable();
  const ratios = rows.map((r) => r.ratio);
  console.log(`\ncalibration: measured / predicted output tokens/s (${CALIBRATION_DATA.source}; ${CALIBRATION_DATA.precision})`);
  console.log(formatCalibrationTable(rows));
  const logs = ratios.map(Math.log);
  console.log(`ratio min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}, geometric mean ${Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length).toFixed(3)}, rms log error ${Math.sqrt(logs.reduce((a, b) => a + b * b, 0) / logs.length).toFixed(3)}`);
}
