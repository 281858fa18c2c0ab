// Serving engines: each one's throughput relative to the calibrated capacity model, which is fitted to
// TensorRT-LLM v1.0's offline peak (capacityCalibration.ts). Ratios come from published head-to-head runs of the
// same model on the same GPU; source and date per figure. A factor scales decode and prefill speed alike, so it
// scales throughput and stretches the step and prefill times a latency target is checked against.

import { ENGINES } from '../config';

export { ENGINES };
export type Engine = (typeof ENGINES)[number];

/** The engine a scenario that names none is sized for: vLLM, what most self-hosted deployments run. */
export const DEFAULT_ENGINE: Engine = 'vllm';

export interface EngineEfficiency {
  engine: Engine;
  name: string;
  /** Throughput ÷ the calibrated model's (TensorRT-LLM offline peak = 1). */
  efficiency: number;
  /** How the figure was derived from the measurement. */
  basis: string;
  source: string;
  asOf: string;
  /** A single, indirect or old measurement: shown with a caution. */
  weak: boolean;
}

const SPHERON = 'spheron.network/blog/vllm-vs-tensorrt-llm-vs-sglang-benchmarks: Llama 3.3 70B FP8, one H100 SXM, 50 concurrent requests (vLLM 0.18, SGLang 0.5.9, TensorRT-LLM 1.2)';

export const ENGINE_EFFICIENCIES: Readonly<Record<Engine, EngineEfficiency>> = {
  'tensorrt-llm': {
    engine: 'tensorrt-llm', name: 'TensorRT-LLM', efficiency: 1,
    basis: 'the calibration itself (TensorRT-LLM v1.0 perf-overview, offline peak)',
    source: 'NVIDIA/TensorRT-LLM docs/source/performance/perf-overview.md', asOf: '2026-12-02', weak: false,
  },
  vllm: {
    engine: 'vllm', name: 'vLLM', efficiency: 1850 / 2100,
    basis: '1,850 ÷ 2,100 output tokens/s (vLLM ÷ TensorRT-LLM)', source: SPHERON, asOf: '2026-03-23', weak: false,
  },
  sglang: {
    engine: 'sglang', name: 'SGLang', efficiency: 1920 / 2100,
    basis: '1,920 ÷ 2,100 output tokens/s (SGLang ÷ TensorRT-LLM)', source: SPHERON, asOf: '2026-03-23', weak: false,
  },
  tgi: {
    engine: 'tgi', name: 'Hugging Face TGI', efficiency: (1850 / 2100) * (71 / 88.5),
    basis: 'vLLM × 71 ÷ 88.5: mean GPU utilization TGI 68–74 % vs vLLM 85–92 % under load (utilization, not a throughput ratio; TGI is in maintenance mode since 2026-03)',
    source: 'arXiv 2511.17593 (Kolluru, "vLLM and HuggingFace TGI", LLaMA-2 7B–70B on A100)', asOf: '2025-11-17', weak: true,
  },
  'llama.cpp': {
    engine: 'llama.cpp', name: 'llama.cpp / Ollama', efficiency: (1850 / 2100) * (41 / 793),
    basis: 'vLLM × 41 ÷ 793: peak output tokens/s Ollama vs vLLM, Llama 3.1 8B on one A100-40GB, 1–256 concurrent users (default settings)',
    source: 'developers.redhat.com/articles/2025/08/08/ollama-vs-vllm-deep-dive-performance-benchmarking', asOf: '2025-08-08', weak: true,
  },
};

export function engineEfficiency(engine: Engine): EngineEfficiency {
  return ENGINE_EFFICIENCIES[engine];
}
