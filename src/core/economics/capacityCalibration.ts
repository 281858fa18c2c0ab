// The measurements the capacity model's global efficiencies are fitted to, kept in the repo so tests,
// the bench and the docs show the same table. Copied from shared/data/throughput-calibration.json.
import { CALIBRATED, estimateCapacity, type CapacityParams, type Precision } from './capacity';

export interface CalibrationPoint {
  model: string; gpu: string; gpus: number; inputTokens: number; outputTokens: number;
  /** Measured output tokens/s summed over the replica's GPUs. */
  outputTokensPerSecond: number;
  /** Weights as served; absent = the table's precision (fp8). */
  precision?: Precision;
}

type Row = readonly (string | number)[];
/** One table row [model, gpu, gpus, input, output, measured output tokens/s] as a point. */
const toPoint = ([model, gpu, gpus, inputTokens, outputTokens, outputTokensPerSecond]: Row): CalibrationPoint =>
  ({ model, gpu, gpus, inputTokens, outputTokens, outputTokensPerSecond }) as CalibrationPoint;

export const CALIBRATION_DATA = {
  source: 'NVIDIA/TensorRT-LLM docs/source/performance/perf-overview.md (TensorRT-LLM v1.0), offline maximum throughput',
  engine: 'tensorrt-llm',
  precision: 'fp8' as const,
  points: [
    ['llama-3.1-8b', 'H100-SXM', 1, 128, 2048, 22714], ['llama-3.1-8b', 'H100-SXM', 1, 1000, 1000, 15220],
    ['llama-3.1-8b', 'H100-SXM', 1, 2048, 2048, 9305], ['llama-3.1-8b', 'H100-SXM', 1, 2048, 128, 3450],
    ['llama-3.1-8b', 'H100-SXM', 1, 5000, 500, 3459], ['llama-3.1-8b', 'H200-SXM', 1, 128, 2048, 26221],
    ['llama-3.1-8b', 'H200-SXM', 1, 1000, 1000, 17744], ['llama-3.1-8b', 'H200-SXM', 1, 2048, 2048, 12194],
    ['llama-3.1-8b', 'H200-SXM', 1, 2048, 128, 3538], ['llama-3.1-8b', 'H200-SXM', 1, 5000, 500, 3902],
    ['llama-3.3-70b', 'H100-SXM', 2, 128, 2048, 6651], ['llama-3.3-70b', 'H100-SXM', 2, 1000, 1000, 4205],
    ['llama-3.3-70b', 'H100-SXM', 2, 2048, 2048, 3082], ['llama-3.3-70b', 'H100-SXM', 2, 2048, 128, 762],
    ['llama-3.3-70b', 'H100-SXM', 2, 5000, 500, 898], ['llama-3.3-70b', 'H200-SXM', 1, 128, 2048, 4336],
    ['llama-3.3-70b', 'H200-SXM', 1, 1000, 1000, 2909], ['llama-3.3-70b', 'H200-SXM', 1, 2048, 2048, 2003],
    ['llama-3.3-70b', 'H200-SXM', 1, 2048, 128, 442], ['llama-3.3-70b', 'H200-SXM', 1, 5000, 500, 566],
  ].map(toPoint),
};

export interface CalibrationRow extends CalibrationPoint { predicted: number; ratio: number }

/** measured ÷ predicted for every point, the replica forced to the measured GPU count. */
export function calibrationTable(points: readonly CalibrationPoint[] = CALIBRATION_DATA.points, p: CapacityParams = CALIBRATED): CalibrationRow[] {
  return points.map((pt) => {
    const r = estimateCapacity({
      model: pt.model, gpu: pt.gpu, precision: pt.precision ?? CALIBRATION_DATA.precision, gpuCount: pt.gpus, gpusPerReplica: pt.gpus,
      inputTokens: pt.inputTokens, outputTokens: pt.outputTokens, utilization: 1,
    }, p);
    return { ...pt, predicted: r.outputTokensPerSecond, ratio: pt.outputTokensPerSecond / r.outputTokensPerSecond };
  });
}

export function formatCalibrationTable(rows: readonly CalibrationRow[]): string {
  const head = 'model             gpu        gpus   in/out       measured  predicted  ratio';
  const lines = rows.map((r) =>
    `${r.model.padEnd(17)} ${r.gpu.padEnd(10)} ${String(r.gpus).padStart(4)}  ${`${r.inputTokens}/${r.outputTokens}`.padEnd(11)} ${String(r.outputTokensPerSecond).padStart(9)} ${Math.round(r.predicted).toString().padStart(10)}  ${r.ratio.toFixed(2)}`);
  return [head, ...lines].join('\n');
}
