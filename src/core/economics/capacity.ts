// Capacity model: a roofline of LLM serving (weights + KV cache in memory, decode bound by memory and compute with
// imperfect overlap, compute-bound prefill) scaled by a few global efficiency factors calibrated against measured
// TensorRT-LLM throughput (shared/data/throughput-calibration.json). Pure: no I/O, no vscode.
import { resolveGpu, type Gpu } from '../catalog/gpus';
import { kvBytesPerToken, resolveOpenModel, type OpenModel } from '../catalog/openModels';
import { CatalogLookupError } from '../catalog/names';
import { allToAllSecondsPerToken, engineBatchCap, linearSeconds, prefillTokensPerPass, residentParamsB, weightBytesReadPerStep } from './moe';

export { weightBytesReadPerStep };

export type Precision = 'bf16' | 'fp8' | 'int4';
export const PRECISIONS: readonly Precision[] = ['bf16', 'fp8', 'int4'];

export interface CapacityInput {
  model: string;
  precision: Precision;
  gpu: string;
  /** GPUs in total; absent = size the deployment for `requestsPerDay` (one replica when that is absent too). */
  gpuCount?: number;
  /** Force the tensor-parallel width of one replica (the calibration uses it); absent = the best layout. */
  gpusPerReplica?: number;
  inputTokens: number;
  outputTokens: number;
  utilization: number;
  requestsPerDay?: number;
  /** Serving policy (servingPolicy.ts): an engine's speed factor and a latency target's cap on the batch. */
  serving?: ServingHook;
}

export interface ServingHook {
  efficiency: number;
  capBatch?(model: OpenModel, gpu: Gpu, precision: Precision, tp: number, inputTokens: number, outputTokens: number, maxBatch: number): { batch: number; reason: string | null };
}

export interface CapacityResult {
  fits: boolean;
  reason: string | null;
  gpusPerReplica: number;
  replicas: number;
  gpusNeeded: number;
  maxBatch: number;
  /** Whole deployment at full load. */
  outputTokensPerSecond: number;
  /** One replica at full load: output tokens/s, and input + output tokens/s. */
  outputTokensPerSecondPerReplica: number;
  tokensPerSecondPerReplica: number;
  /** Whole deployment at `utilization`. */
  requestsPerDay: number;
  requestsPerDayPerReplica: number;
  assumptions: Record<string, number | string>;
  basis: string;
}

/** Bad input; `field` uses scenario paths (`selfHosted.gpu.name`, `workload.inputTokens`, …). */
export class CapacityInputError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'CapacityInputError';
  }
}

/**
 * Global constants of the model. The efficiencies are the fraction of peak bandwidth / FLOPS a serving engine
 * reaches; fitted once against the whole calibration table (see test/unit/capacity-calibration.test.ts), never per point.
 */
export interface CapacityParams {
  memoryBandwidthEfficiency: number;
  computeEfficiency: number;
  /**
   * Fraction of the memory left after weights and runtime overhead that the engine gives the KV cache
   * (TensorRT-LLM's kv_cache_free_gpu_mem_fraction: 0.95 in its performance-overview runs, 0.9 by default).
   */
  usableMemoryFraction: number;
  /** Activations, CUDA graphs, communication buffers: GiB per GPU not available for weights or KV. */
  runtimeOverheadGiBPerGpu: number;
  /**
   * A step's weight/KV reads and its FLOPs overlap imperfectly: step time = (memory^n + compute^n)^(1/n). n → ∞ is
   * the ideal roofline (the larger of the two); fitted to the dense and MoE tables together.
   */
  rooflineOverlapExponent: number;
  /** Engines cap concurrent sequences (≈256–1024). */
  engineMaxBatch: number;
  /** Throughput kept per doubling of tensor-parallel width (all-reduce cost). */
  tensorParallelEfficiency: number;
  /** Largest replica considered (two 8-GPU nodes). */
  maxGpusPerReplica: number;
  /**
   * MoE only (economics/moe.ts): engines serve MoE models with attention data-parallel + expert parallel, so every
   * GPU holds its own copy of the always-active weights and a wide replica keeps more sequences in flight,
   * max(engineMaxBatch, moeBatchPerGpu × GPUs) (memory binds first in most layouts); routed-expert GEMMs reach
   * t ÷ (t + moeHalfEfficiencyTokens) of the dense efficiency, t = tokens per expert per pass; each attention rank
   * runs prefillTokensPerPass prompt tokens per pass; each MoE layer pays an expert-parallel all-to-all at
   * expertParallelLinkEfficiency of the GPU link; on tp GPUs the routed-expert GEMMs wait for the most loaded GPU,
   * 1 + expertParallelImbalance × log2(tp) (published, not fitted: see moe.ts). The other three are fitted to every
   * MoE row of moeCalibration.ts together.
   */
  moeBatchPerGpu: number;
  moeHalfEfficiencyTokens: number;
  prefillTokensPerPass: number;
  expertParallelLinkEfficiency: number;
  expertParallelImbalance: number;
}

export const CALIBRATED: Readonly<CapacityParams> = {
  memoryBandwidthEfficiency: 0.7,
  computeEfficiency: 0.56,
  usableMemoryFraction: 0.95,
  runtimeOverheadGiBPerGpu: 4,
  rooflineOverlapExponent: 1.8,
  engineMaxBatch: 256,
  tensorParallelEfficiency: 0.9,
  maxGpusPerReplica: 16,
  moeBatchPerGpu: 704,
  moeHalfEfficiencyTokens: 168,
  prefillTokensPerPass: 8192,
  expertParallelLinkEfficiency: 0.22,
  expertParallelImbalance: 0.313,
};
export const CALIBRATION_SOURCE =
  'fitted 2026 against NVIDIA/TensorRT-LLM v1.0 perf-overview (fp8, offline max throughput; shared/data/throughput-calibration.json) and the MoE tables of economics/moeCalibration.ts';

const WEIGHT_BYTES: Record<Precision, number> = { bf16: 2, fp8: 1, int4: 0.5 * 1.05 };
/** KV cache element size: FP8 deployments quantise the cache too; INT4 (AWQ/GPTQ, W4A16) keeps it in 16 bits. */
const KV_BYTES: Record<Precision, number> = { bf16: 2, fp8: 1, int4: 2 };
const GIB = 2 ** 30;
const SECONDS_PER_DAY = 86_400;

export interface ReplicaPerformance {
  fits: boolean;
  reason: string | null;
  gpusPerReplica: number;
  maxBatch: number;
  requestsPerSecond: number;
  outputTokensPerSecond: number;
  weightBytes: number;
  kvBytesPerToken: number;
  stepSeconds: number;
  prefillSecondsPerRequest: number;
  decodeBound: 'memory' | 'compute' | 'none';
}

/**
 * Decode attention FLOPs per sequence per token of context, over all layers: scores (q·k) and the weighted sum of
 * values, 2 FLOPs per multiply-add, per query head. GQA/MHA: 2 × heads × (headDim + headDim) per layer. DeepSeek MLA
 * decodes in its compressed latent (weight absorption): q·k over kv_lora_rank + rope dims and values over kv_lora_rank,
 * 2 × heads × (2·kv_lora_rank + rope) per layer — 2.8× a 128-head × 192 GQA estimate.
 */
export function decodeAttentionFlopsPerContextToken(model: OpenModel): number {
  const perHead = model.mla ? 2 * model.mla.kvLoraRank + model.mla.ropeDim : 2 * model.headDim;
  return 2 * model.kvLayers * model.heads * perHead;
}

function peakFlops(gpu: Gpu, precision: Precision): number {
  // FP8 needs FP8 tensor cores; otherwise (and for W4A16 INT4) the math runs at the BF16 rate.
  return (precision === 'fp8' && gpu.fp8Tflops !== null ? gpu.fp8Tflops : gpu.bf16Tflops) * 1e12;
}

/** The memory the driver reports (a "24 GB" L4 has 22.5 GiB), the figure the engine sizes its KV cache from. */
export function gpuMemoryGiB(gpu: Gpu): number {
  return gpu.memoryMiB / 1024;
}

/** The memory-and-engine limit on sequences in flight for one replica; 0 when weights + one request's KV do not fit. */
export function replicaMaxBatch(model: OpenModel, gpu: Gpu, precision: Precision, tp: number, tokensPerRequest: number, p: CapacityParams = CALIBRATED): number {
  const weightBytes = residentParamsB(model, tp) * 1e9 * WEIGHT_BYTES[precision];
  // The engine gives the KV cache a fraction of what weights and runtime buffers leave free (TensorRT-LLM's rule).
  const kvRoom = p.usableMemoryFraction * ((gpuMemoryGiB(gpu) - p.runtimeOverheadGiBPerGpu) * GIB * tp - weightBytes);
  const memoryBatch = Math.floor(kvRoom / (kvBytesPerToken(model, KV_BYTES[precision]) * Math.max(tokensPerRequest, 1)));
  if (memoryBatch < 1) return 0;
  return Math.min(memoryBatch, engineBatchCap(model, tp, p));
}

export interface BatchThroughput {
  requestsPerSecond: number; outputTokensPerSecond: number; stepSeconds: number; prefillSecondsPerRequest: number;
  decodeBound: 'memory' | 'compute' | 'none';
}

/**
 * Throughput of one replica over `tp` GPUs running `batch` sequences at once (≥ 1; no memory check — see
 * replicaMaxBatch). The hook for serving policies: a latency target caps `batch`, an engine factor scales the result.
 */
export function replicaThroughputAtBatch(
  model: OpenModel, gpu: Gpu, precision: Precision, tp: number, inputTokens: number, outputTokens: number, batch: number,
  p: CapacityParams = CALIBRATED,
): BatchThroughput {
  const kvPerToken = kvBytesPerToken(model, KV_BYTES[precision]);
  const scale = tp * Math.pow(p.tensorParallelEfficiency, Math.log2(tp));
  const bandwidth = gpu.bandwidthTBs * 1e12 * p.memoryBandwidthEfficiency * scale;
  const flops = peakFlops(gpu, precision) * p.computeEfficiency * scale;
  const allToAll = allToAllSecondsPerToken(model, gpu.id, tp, p);
  const attnWidth = model.kvLayers * model.heads * model.headDim;
  const n = p.rooflineOverlapExponent;

  // Decode: one step emits one token for each of B sequences, whose context averages input + output/2.
  const avgContext = inputTokens + outputTokens / 2;
  const memorySeconds = (weightBytesReadPerStep(model, WEIGHT_BYTES[precision], batch) + batch * avgContext * kvPerToken) / bandwidth;
  const computeSeconds = linearSeconds(model, batch, batch, flops, p, tp) + (batch * decodeAttentionFlopsPerContextToken(model) * avgContext) / flops;
  const stepSeconds = Math.pow(memorySeconds ** n + computeSeconds ** n, 1 / n) + batch * allToAll;
  // Prefill: 2 FLOPs per active parameter per token, plus causal attention over the prompt.
  const prefillSecondsPerRequest = linearSeconds(model, inputTokens, prefillTokensPerPass(model, tp, p), flops, p, tp)
    + (2 * attnWidth * inputTokens * inputTokens) / flops + inputTokens * allToAll;

  const requestsPerSecond = batch / (batch * prefillSecondsPerRequest + outputTokens * stepSeconds);
  return {
    requestsPerSecond, outputTokensPerSecond: requestsPerSecond * outputTokens, stepSeconds, prefillSecondsPerRequest,
    decodeBound: outputTokens === 0 ? 'none' : computeSeconds > memorySeconds ? 'compute' : 'memory',
  };
}

/** Throughput of one replica spread over `tp` GPUs (tensor parallel) at the largest batch memory and engine allow. */
export function replicaPerformance(
  model: OpenModel, gpu: Gpu, precision: Precision, tp: number,
  inputTokens: number, outputTokens: number, p: CapacityParams = CALIBRATED, serving?: ServingHook,
): ReplicaPerformance {
  const weightBytes = residentParamsB(model, tp) * 1e9 * WEIGHT_BYTES[precision];
  const kvPerToken = kvBytesPerToken(model, KV_BYTES[precision]);
  // Plain object literals, no spreads: this runs for every layout on every estimate.
  const fail = (reason: string): ReplicaPerformance => ({
    fits: false, reason, gpusPerReplica: tp, maxBatch: 0, requestsPerSecond: 0, outputTokensPerSecond: 0,
    weightBytes, kvBytesPerToken: kvPerToken, stepSeconds: 0, prefillSecondsPerRequest: 0, decodeBound: 'none',
  });
  const tokens = inputTokens + outputTokens;
  if (tokens > model.contextTokens) {
    return fail(`a request of ${tokens} tokens exceeds the ${model.contextTokens}-token context of ${model.id}`);
  }
  const maxBatch = replicaMaxBatch(model, gpu, precision, tp, tokens, p);
  if (maxBatch < 1) return fail('weights + KV cache exceed GPU memory');
  const cap = serving?.capBatch?.(model, gpu, precision, tp, inputTokens, outputTokens, maxBatch) ?? { batch: maxBatch, reason: null };
  if (cap.batch < 1) return fail(cap.reason ?? 'latency target not met');
  const t = replicaThroughputAtBatch(model, gpu, precision, tp, inputTokens, outputTokens, cap.batch, p);
  const eff = serving?.efficiency ?? 1;
  return {
    fits: true, reason: null, gpusPerReplica: tp, weightBytes, kvBytesPerToken: kvPerToken, maxBatch: cap.batch, requestsPerSecond: t.requestsPerSecond * eff,
    outputTokensPerSecond: t.outputTokensPerSecond * eff, stepSeconds: t.stepSeconds / eff, prefillSecondsPerRequest: t.prefillSecondsPerRequest / eff,
    decodeBound: t.decodeBound,
  };
}

function validate(input: CapacityInput): { model: OpenModel; gpu: Gpu } {
  if (input === null || typeof input !== 'object') throw new CapacityInputError('selfHosted', 'expected an object');
  if (!PRECISIONS.includes(input.precision)) {
    throw new CapacityInputError('selfHosted.precision', `must be one of ${PRECISIONS.join(', ')} (got ${JSON.stringify(input.precision)})`);
  }
  const num = (field: string, v: unknown, ok: (n: number) => boolean, rule: string): void => {
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw new CapacityInputError(field, `${rule} (got ${JSON.stringify(v)})`);
  };
  num('workload.inputTokens', input.inputTokens, (n) => n >= 0, 'must be a number ≥ 0');
  num('workload.outputTokens', input.outputTokens, (n) => n >= 0, 'must be a number ≥ 0');
  if (input.inputTokens + input.outputTokens <= 0) throw new CapacityInputError('workload.inputTokens', 'input + output tokens must be > 0');
  num('selfHosted.utilization', input.utilization, (n) => n > 0 && n <= 1, 'must be in (0, 1]');
  if (input.gpuCount !== undefined) num('selfHosted.gpu.count', input.gpuCount, (n) => Number.isInteger(n) && n >= 1, 'must be an integer ≥ 1');
  if (input.gpusPerReplica !== undefined) num('selfHosted.gpu.gpusPerReplica', input.gpusPerReplica, (n) => Number.isInteger(n) && n >= 1, 'must be an integer ≥ 1');
  if (input.requestsPerDay !== undefined) num('workload.requestsPerDay', input.requestsPerDay, (n) => n >= 0, 'must be a number ≥ 0');
  try {
    return { model: resolveOpenModel(input.model, 'selfHosted.model'), gpu: resolveGpu(input.gpu, 'selfHosted.gpu.name') };
  } catch (e) {
    if (e instanceof CatalogLookupError) throw new CapacityInputError(e.field, e.message);
    throw e;
  }
}

const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;

function widths(limit: number): number[] {
  const out: number[] = [];
  for (let w = 1; w <= limit; w *= 2) out.push(w);
  return out;
}

function notFitReason(model: OpenModel, gpu: Gpu, precision: Precision, count: number, inTok: number, outTok: number, p: CapacityParams, why: string): string {
  if (why.includes('context') || why.startsWith('latency target')) return why;
  const weightsGb = round((model.totalParamsB * WEIGHT_BYTES[precision]), 0);
  const gib = round(gpuMemoryGiB(gpu) * count, 1);
  const have = count === 1 ? `one ${gpu.id} has ${gib} GiB (${gpu.memoryGb} GB nominal)` : `${count}× ${gpu.id} have ${gib} GiB (${gpu.memoryGb * count} GB nominal)`;
  const minWidth = widths(p.maxGpusPerReplica).find((w) => replicaPerformance(model, gpu, precision, w, inTok, outTok, p).fits);
  const lighter = PRECISIONS.filter((q) => WEIGHT_BYTES[q] < WEIGHT_BYTES[precision])
    .find((q) => replicaPerformance(model, gpu, q, count, inTok, outTok, p).fits);
  const fixes = [minWidth !== undefined ? `use ≥${minWidth} GPUs` : `no layout up to ${p.maxGpusPerReplica} GPUs fits`, ...(lighter ? [lighter] : [])];
  return `${model.id} in ${precision} needs ~${weightsGb} GB of weights plus KV cache for ${inTok + outTok} tokens; ${have} — ${fixes.join(' or ')}`;
}

/** Sizes one replica layout and the replica count for a workload or a fixed GPU count. */
export function estimateCapacity(input: CapacityInput, p: CapacityParams = CALIBRATED): CapacityResult {
  const { model, gpu } = validate(input);
  const { precision, inputTokens: inTok, outputTokens: outTok, utilization } = input;
  const limit = input.gpuCount !== undefined ? Math.min(input.gpuCount, p.maxGpusPerReplica) : p.maxGpusPerReplica;
  const candidates = input.gpusPerReplica !== undefined ? [input.gpusPerReplica] : widths(limit);
  // Best layout: most requests per rented GPU (or per deployment when the count is fixed); ties keep the narrower one.
  // With a volume to serve, fewest GPUs for it comes first: a 16-GPU MoE replica may serve most per GPU, but
  // not a workload that one GPU carries.
  const score = (r: ReplicaPerformance): number =>
    input.gpuCount !== undefined ? Math.floor(input.gpuCount / r.gpusPerReplica) * r.requestsPerSecond : r.requestsPerSecond / r.gpusPerReplica;
  const gpusForWorkload = (r: ReplicaPerformance): number =>
    input.gpuCount === undefined && input.requestsPerDay !== undefined
      ? replicasFor(input.requestsPerDay, r.requestsPerSecond * SECONDS_PER_DAY * utilization) * r.gpusPerReplica : 0;
  let best: ReplicaPerformance | undefined;
  let firstMiss: ReplicaPerformance | undefined;
  let sloMiss: ReplicaPerformance | undefined;
  for (const w of candidates) {
    const r = replicaPerformance(model, gpu, precision, w, inTok, outTok, p, input.serving);
    if (!r.fits) { if (r.reason?.startsWith('latency target')) sloMiss = r; firstMiss ??= r; continue; }
    if (input.gpuCount !== undefined && w > input.gpuCount) continue;
    const fewer = best ? gpusForWorkload(best) - gpusForWorkload(r) : 0;
    if (!best || fewer > 0 || (fewer === 0 && score(r) > score(best) * (1 + 1e-9))) best = r;
  }

  const assumptions: Record<string, number | string> = {
    model: model.id, gpu: gpu.id, precision, weightBytesPerParam: WEIGHT_BYTES[precision], kvBytesPerValue: KV_BYTES[precision],
    memoryBandwidthEfficiency: p.memoryBandwidthEfficiency, computeEfficiency: p.computeEfficiency,
    usableMemoryFraction: p.usableMemoryFraction, runtimeOverheadGiBPerGpu: p.runtimeOverheadGiBPerGpu, rooflineOverlapExponent: p.rooflineOverlapExponent,
    engineMaxBatch: p.engineMaxBatch, tensorParallelEfficiency: p.tensorParallelEfficiency, utilization,
    gpuSpecsAsOf: gpu.asOf, modelSpecsSource: model.source,
  };
  const basis = `roofline (memory-bound decode, compute-bound prefill) × calibrated efficiencies; ${CALIBRATION_SOURCE}`;

  if (!best || (input.gpuCount !== undefined && best.gpusPerReplica > input.gpuCount)) {
    const count = input.gpuCount ?? (input.gpusPerReplica ?? p.maxGpusPerReplica);
    const reason = notFitReason(model, gpu, precision, count, inTok, outTok, p, (sloMiss ?? firstMiss)?.reason ?? 'does not fit');
    const minWidth = widths(p.maxGpusPerReplica).find((w) => replicaPerformance(model, gpu, precision, w, inTok, outTok, p).fits) ?? 0;
    return { fits: false, reason, gpusPerReplica: minWidth, replicas: 0, gpusNeeded: minWidth, maxBatch: 0,
      outputTokensPerSecond: 0, outputTokensPerSecondPerReplica: 0, tokensPerSecondPerReplica: 0, requestsPerDay: 0, requestsPerDayPerReplica: 0, assumptions, basis };
  }

  const perReplicaPerDay = best.requestsPerSecond * SECONDS_PER_DAY * utilization;
  const replicas = input.gpuCount !== undefined
    ? Math.floor(input.gpuCount / best.gpusPerReplica)
    : replicasFor(input.requestsPerDay ?? 0, perReplicaPerDay);
  const gpusNeeded = input.requestsPerDay !== undefined
    ? replicasFor(input.requestsPerDay, perReplicaPerDay) * best.gpusPerReplica
    : replicas * best.gpusPerReplica;
  assumptions.decodeBound = best.decodeBound;
  assumptions.stepMilliseconds = best.stepSeconds * 1e3;
  assumptions.prefillMillisecondsPerRequest = best.prefillSecondsPerRequest * 1e3;
  return {
    fits: true, reason: null, gpusPerReplica: best.gpusPerReplica, replicas, gpusNeeded, maxBatch: best.maxBatch,
    outputTokensPerSecond: best.outputTokensPerSecond * replicas,
    outputTokensPerSecondPerReplica: best.outputTokensPerSecond, tokensPerSecondPerReplica: best.requestsPerSecond * (inTok + outTok),
    requestsPerDay: perReplicaPerDay * replicas, requestsPerDayPerReplica: perReplicaPerDay, assumptions, basis,
  };
}

function replicasFor(requestsPerDay: number, perReplicaPerDay: number): number {
  return Math.max(1, Math.ceil(requestsPerDay / perReplicaPerDay - 1e-9));
}

/** GPUs an auto-sized deployment needs for `requestsPerDay` (the step cost curve); null when the model cannot fit. */
export function gpusForVolume(input: CapacityInput, requestsPerDay: number): number | null {
  const r = estimateCapacity({ ...input, gpuCount: undefined, requestsPerDay });
  return r.fits ? r.gpusNeeded : null;
}

/** Same as gpusForVolume from an already computed auto-sized result: cheap enough to sweep many volumes. */
export function gpusForVolumeFrom(result: CapacityResult, requestsPerDay: number): number | null {
  if (!result.fits || result.requestsPerDayPerReplica <= 0) return null;
  return replicasFor(requestsPerDay, result.requestsPerDayPerReplica) * result.gpusPerReplica;
}
