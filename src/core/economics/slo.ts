// Latency targets: the largest batch per replica whose decode step (time per output token) and first token (own
// prefill + one decode step) meet the target, at an engine's speed. Step time grows with the batch (more KV cache
// read, more FLOPs), so the largest batch that meets the target is found by bisection.
import type { Gpu } from '../catalog/gpus';
import type { OpenModel } from '../catalog/openModels';
import { replicaThroughputAtBatch, type Precision } from './capacity';

export interface LatencyTarget { maxTpotMs?: number; maxTtftMs?: number }

export interface SloBatch {
  /** Largest batch meeting the target; 0 when even one sequence misses it. */
  batch: number;
  /** Time per output token and time to first token at that batch (at batch 1 when none meets it), ms. */
  tpotMs: number;
  ttftMs: number;
  reason: string | null;
}

/** TPOT and TTFT of one replica at `batch`, engine speed `efficiency` (1 = the calibrated model). */
export function latencyAt(model: OpenModel, gpu: Gpu, precision: Precision, tp: number, inputTokens: number, outputTokens: number, batch: number, efficiency: number): { tpotMs: number; ttftMs: number } {
  const t = replicaThroughputAtBatch(model, gpu, precision, tp, inputTokens, outputTokens, batch);
  const step = t.stepSeconds / efficiency;
  return { tpotMs: step * 1e3, ttftMs: (t.prefillSecondsPerRequest / efficiency + step) * 1e3 };
}

export function describeTarget(t: LatencyTarget): string {
  const parts = [];
  if (t.maxTpotMs !== undefined) parts.push(`≤ ${fmt(t.maxTpotMs)} ms/token`);
  if (t.maxTtftMs !== undefined) parts.push(`first token ≤ ${fmt(t.maxTtftMs)} ms`);
  return parts.join(', ');
}

export function sloBatch(model: OpenModel, gpu: Gpu, precision: Precision, tp: number, inputTokens: number, outputTokens: number, maxBatch: number, efficiency: number, target: LatencyTarget): SloBatch {
  const meets = (l: { tpotMs: number; ttftMs: number }) =>
    (target.maxTpotMs === undefined || l.tpotMs <= target.maxTpotMs) && (target.maxTtftMs === undefined || l.ttftMs <= target.maxTtftMs);
  const at = (b: number) => latencyAt(model, gpu, precision, tp, inputTokens, outputTokens, b, efficiency);
  const one = at(1);
  if (maxBatch < 1 || !meets(one)) {
    const miss = target.maxTpotMs !== undefined && one.tpotMs > target.maxTpotMs
      ? `a decode step takes ${fmt(one.tpotMs)} ms even for one sequence`
      : `the first token takes ${fmt(one.ttftMs)} ms even for one sequence (prefill of ${inputTokens} tokens)`;
    return { batch: 0, ...one, reason: `latency target ${describeTarget(target)} is not met on ${tp}× ${gpu.id}: ${miss}` };
  }
  let lo = 1;
  let hi = maxBatch;
  if (meets(at(hi))) lo = hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(at(mid))) lo = mid;
    else hi = mid;
  }
  return { batch: lo, ...at(lo), reason: null };
}

function fmt(n: number): string {
  return n >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}
