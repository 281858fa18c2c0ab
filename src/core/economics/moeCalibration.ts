// Published MoE serving throughput the capacity model is checked against (issue #11 step 5): one set per source, each
// with where and when it was read. Output tokens/s summed over the GPUs of one replica, offline maximum throughput
// (requests queued at once). The MoE constants of CALIBRATED (moeBatchPerGpu, moeHalfEfficiencyTokens,
// expertParallelLinkEfficiency) and the shared ones (memoryBandwidthEfficiency, computeEfficiency,
// rooflineOverlapExponent, usableMemoryFraction) are fitted to all of these and the dense table together; nothing here
// is per model.
import { CALIBRATED, type CapacityParams, type Precision } from './capacity';
import { calibrationTable, type CalibrationPoint, type CalibrationRow } from './capacityCalibration';

export interface MoeCalibrationSet {
  source: string;
  /** Where to read it (repository path or URL) and the commit / version. */
  url: string;
  /** Date the figures were read. */
  asOf: string;
  engine: string;
  points: readonly CalibrationPoint[];
}

type Row = readonly [model: string, gpu: string, gpus: number, input: number, output: number, outputTokensPerSecond: number];
const points = (precision: Precision, rows: readonly Row[]): CalibrationPoint[] =>
  rows.map(([model, gpu, gpus, inputTokens, outputTokens, outputTokensPerSecond]) =>
    ({ model, gpu, gpus, inputTokens, outputTokens, outputTokensPerSecond, precision }));
/** The release/1.2 tables give output tokens/s per GPU; the replica total is that × GPUs. */
const perGpu = (rows: readonly Row[]): Row[] => rows.map(([m, g, n, i, o, t]) => [m, g, n, i, o, t * n] as const);

const TRTLLM_PERF = 'NVIDIA/TensorRT-LLM docs/source/performance/perf-overview.md';
const READ = '2026-12-03';

export const MOE_CALIBRATION_SETS: readonly MoeCalibrationSet[] = [
  {
    source: 'TensorRT-LLM v1.0 performance overview, FP8 tables (attention DP + expert parallel for MoE)',
    url: `${TRTLLM_PERF} at commit 00f37686`, asOf: READ, engine: 'tensorrt-llm 1.0 (PyTorch backend)',
    points: points('fp8', [
      ['qwen3-235b-a22b', 'H200-SXM', 8, 128, 128, 30429], ['qwen3-235b-a22b', 'H200-SXM', 8, 128, 2048, 42821],
      ['qwen3-235b-a22b', 'H200-SXM', 8, 500, 2000, 28026], ['qwen3-235b-a22b', 'H200-SXM', 8, 1000, 1000, 23789],
      ['qwen3-235b-a22b', 'H200-SXM', 8, 2048, 128, 3331], ['qwen3-235b-a22b', 'H200-SXM', 8, 2048, 2048, 16672],
      ['qwen3-235b-a22b', 'H200-SXM', 8, 5000, 500, 3623], ['qwen3-235b-a22b', 'H100-SXM', 8, 128, 2048, 19658],
      ['qwen3-235b-a22b', 'H100-SXM', 8, 500, 2000, 18351], ['qwen3-235b-a22b', 'H100-SXM', 8, 1000, 1000, 14898],
      ['qwen3-235b-a22b', 'H100-SXM', 8, 2048, 2048, 9924], ['qwen3-235b-a22b', 'H100-SXM', 8, 5000, 500, 3225],
      ['llama-4-scout', 'H200-SXM', 4, 128, 2048, 34316], ['llama-4-scout', 'H200-SXM', 4, 500, 2000, 24630],
      ['llama-4-scout', 'H200-SXM', 4, 1000, 1000, 21636], ['llama-4-scout', 'H200-SXM', 4, 2048, 128, 3699],
      ['llama-4-scout', 'H200-SXM', 4, 2048, 2048, 14949], ['llama-4-scout', 'H200-SXM', 4, 5000, 500, 4605],
      ['llama-4-scout', 'H100-SXM', 4, 128, 2048, 15130], ['llama-4-scout', 'H100-SXM', 4, 500, 2000, 12399],
      ['llama-4-scout', 'H100-SXM', 4, 1000, 1000, 12129], ['llama-4-scout', 'H100-SXM', 4, 2048, 128, 3253],
      ['llama-4-scout', 'H100-SXM', 4, 2048, 2048, 7972], ['llama-4-scout', 'H100-SXM', 4, 5000, 500, 3342],
      ['llama-4-maverick', 'H200-SXM', 8, 128, 2048, 40572], ['llama-4-maverick', 'H200-SXM', 8, 500, 2000, 37835],
      ['llama-4-maverick', 'H200-SXM', 8, 1000, 1000, 31782], ['llama-4-maverick', 'H200-SXM', 8, 2048, 128, 7307],
      ['llama-4-maverick', 'H200-SXM', 8, 2048, 2048, 20957], ['llama-4-maverick', 'H200-SXM', 8, 5000, 500, 8456],
      ['llama-4-maverick', 'H100-SXM', 8, 128, 2048, 10829], ['llama-4-maverick', 'H100-SXM', 8, 500, 2000, 10108],
      ['llama-4-maverick', 'H100-SXM', 8, 1000, 1000, 9677], ['llama-4-maverick', 'H100-SXM', 8, 2048, 2048, 6916],
      ['llama-4-maverick', 'H100-SXM', 8, 5000, 500, 3457],
    ]),
  },
  {
    // Hopper column labelled FP8; gpt-oss runs its published MXFP4 expert weights there (Triton MoE backend), which
    // the catalog models as int4 weights with 16-bit activations and KV cache (Hopper: kv dtype auto).
    source: 'TensorRT-LLM release/1.2 performance overview, H200 column (output tokens/s per GPU × GPUs)',
    url: `${TRTLLM_PERF} (release/1.2 tables)`, asOf: READ, engine: 'tensorrt-llm 1.2 (PyTorch backend)',
    points: [
      ...points('fp8', perGpu([
        ['deepseek-r1', 'H200-SXM', 8, 1024, 1024, 1724], ['deepseek-r1', 'H200-SXM', 8, 1024, 8192, 1335],
        ['qwen3-235b-a22b', 'H200-SXM', 4, 1024, 1024, 3494], ['qwen3-235b-a22b', 'H200-SXM', 4, 1024, 8192, 1677],
        ['qwen3-235b-a22b', 'H200-SXM', 4, 8192, 1024, 679], ['qwen3-235b-a22b', 'H200-SXM', 4, 32768, 1024, 143],
      ])),
      ...points('int4', perGpu([
        ['gpt-oss-120b', 'H200-SXM', 2, 1024, 1024, 6391], ['gpt-oss-120b', 'H200-SXM', 2, 1024, 8192, 4260],
        ['gpt-oss-120b', 'H200-SXM', 2, 8192, 1024, 1881], ['gpt-oss-120b', 'H200-SXM', 2, 32768, 1024, 500],
        ['gpt-oss-20b', 'H200-SXM', 1, 1024, 1024, 14719], ['gpt-oss-20b', 'H200-SXM', 1, 1024, 8192, 12441],
        ['gpt-oss-20b', 'H200-SXM', 1, 8192, 1024, 4196], ['gpt-oss-20b', 'H200-SXM', 1, 32768, 1024, 965],
      ])),
    ],
  },
  {
    source: 'TensorRT-LLM blog "How to get best performance on DeepSeek-R1", H200 max-throughput (FP8, TP8 EP8, attention DP)',
    url: 'NVIDIA/TensorRT-LLM docs/source/blogs/Best_perf_practice_on_DeepSeek-R1_in_TensorRT-LLM.md', asOf: READ,
    engine: 'tensorrt-llm (PyTorch backend)',
    points: points('fp8', [['deepseek-r1', 'H200-SXM', 8, 1024, 2048, 11489]]),
  },
  {
    source: 'TensorRT-LLM v0.17 performance overview, Mixtral FP8 (TensorRT engines)',
    url: `${TRTLLM_PERF} at commit 258c7540`, asOf: READ, engine: 'tensorrt-llm 0.17 (TensorRT engine)',
    points: points('fp8', [
      ['mixtral-8x7b', 'H100-SXM', 1, 128, 2048, 8290], ['mixtral-8x7b', 'H100-SXM', 1, 1000, 1000, 6869],
      ['mixtral-8x7b', 'H100-SXM', 1, 2048, 128, 1893], ['mixtral-8x7b', 'H100-SXM', 1, 5000, 500, 1765],
      ['mixtral-8x7b', 'H200-SXM', 1, 128, 2048, 15095], ['mixtral-8x7b', 'H200-SXM', 1, 1000, 1000, 10371],
      ['mixtral-8x7b', 'H200-SXM', 1, 2048, 128, 2010], ['mixtral-8x7b', 'H200-SXM', 1, 5000, 500, 2309],
      ['mixtral-8x7b', 'H100-SXM', 2, 128, 2048, 22830], ['mixtral-8x7b', 'H100-SXM', 2, 1000, 1000, 15771],
      ['mixtral-8x7b', 'H100-SXM', 2, 2048, 2048, 10686], ['mixtral-8x7b', 'H100-SXM', 2, 5000, 500, 3646],
      ['mixtral-8x22b', 'H200-SXM', 8, 128, 2048, 32416], ['mixtral-8x22b', 'H200-SXM', 8, 1000, 1000, 19712],
      ['mixtral-8x22b', 'H200-SXM', 8, 2048, 128, 2900], ['mixtral-8x22b', 'H200-SXM', 8, 5000, 500, 4032],
      ['mixtral-8x22b', 'H100-SXM', 8, 128, 2048, 25150], ['mixtral-8x22b', 'H100-SXM', 8, 1000, 1000, 16573],
      ['mixtral-8x22b', 'H100-SXM', 8, 2048, 128, 2795], ['mixtral-8x22b', 'H100-SXM', 8, 5000, 500, 3645],
    ]),
  },
];

export const MOE_CALIBRATION_POINTS: readonly CalibrationPoint[] = MOE_CALIBRATION_SETS.flatMap((s) => s.points);

export interface MoeCalibrationRow extends CalibrationRow { source: string; asOf: string }

/** measured ÷ predicted for every MoE point, with its source. */
export function moeCalibrationTable(p: CapacityParams = CALIBRATED): MoeCalibrationRow[] {
  return MOE_CALIBRATION_SETS.flatMap((set) =>
    calibrationTable(set.points, p).map((r) => ({ ...r, source: set.url, asOf: set.asOf })));
}
