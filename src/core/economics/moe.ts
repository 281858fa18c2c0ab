// Mixture-of-experts arithmetic for the capacity model: memory holds every parameter, FLOPs follow the active ones,
// and one decode step reads the weights of the experts the batch's tokens actually route to. Pure: no I/O.
import type { OpenModel } from '../catalog/openModels';
import { gpuLink } from './moeLinks';

/**
 * Expected number of distinct routed experts one MoE layer runs in a step of `batch` tokens when each token picks
 * `k` of `experts` (routing taken as uniform and independent): E·(1 − (1 − k/E)^B). Shared experts are not counted
 * (every token runs them). B = 1 gives k; a large batch approaches E.
 */
export function expectedDistinctExperts(experts: number, k: number, batch: number): number {
  if (batch <= 0) return 0;
  return experts * (1 - Math.pow(1 - k / experts, batch));
}

export interface MoeSplit {
  /** Billions of parameters of one routed expert, summed over the MoE layers. */
  perExpertB: number;
  /** Billions of parameters every token reads: attention, dense layers, shared experts, embeddings, router. */
  alwaysB: number;
}

/**
 * Splits the published totals: per routed expert = (total − active) ÷ (E − k), the rest of `active` is read by every
 * token (shared experts included). Taking both from the model card keeps B = 1 exactly at the active parameters; the
 * catalog test checks the split against the shape (3 × hidden × expertFfn × moeLayers per expert).
 */
export function moeSplit(model: OpenModel): MoeSplit | null {
  if (!model.moe) return null;
  const { experts, activeExperts } = model.moe;
  const perExpertB = (model.totalParamsB - model.activeParamsB) / (experts - activeExperts);
  return { perExpertB, alwaysB: model.activeParamsB - activeExperts * perExpertB };
}

/** Weight bytes read in one decode step of `batch` sequences: dense models read everything, MoE the experts touched. */
export function weightBytesReadPerStep(model: OpenModel, bytesPerParam: number, batch: number): number {
  const split = moeSplit(model);
  if (!split || !model.moe) return model.activeParamsB * 1e9 * bytesPerParam;
  const touched = expectedDistinctExperts(model.moe.experts, model.moe.activeExperts, batch);
  return (split.alwaysB + touched * split.perExpertB) * 1e9 * bytesPerParam;
}

/** The MoE part of the capacity constants (CALIBRATED in capacity.ts holds the values; the fit is in moeCalibration.ts). */
export interface MoeParams {
  engineMaxBatch: number;
  /** Sequences in flight per GPU of a MoE replica served with attention data-parallel + expert parallel. */
  moeBatchPerGpu: number;
  /**
   * Grouped expert GEMMs reach a fraction t ÷ (t + t½) of the dense compute efficiency, t = tokens one expert gets
   * in a forward pass (a GEMM of t rows cannot fill the tensor cores, and each pass pays a token all-to-all). This is
   * t½; fitted to every MoE calibration point at once.
   */
  moeHalfEfficiencyTokens: number;
  /** Tokens of prompt one forward pass takes (the engine's max_num_tokens; TensorRT-LLM and vLLM default 8,192). */
  prefillTokensPerPass: number;
  /**
   * Fraction of the dense roofline (max of weight/KV reads and FLOPs) a MoE forward pass reaches: routing, token
   * permutation and the grouped-GEMM schedule cost time no dense layer pays.
   */
  moeRooflineEfficiency: number;
  /** Fraction of the GPU-to-GPU link bandwidth (economics/moeLinks.ts) an expert-parallel all-to-all reaches. */
  expertParallelLinkEfficiency: number;
}

/** Bytes per hidden element on the wire: FP8 dispatch to the experts + BF16 combine back. */
const ALL_TO_ALL_BYTES = 1 + 2;

/**
 * Seconds of expert-parallel all-to-all per token on a replica of `tp` GPUs (0 on one GPU or for dense models): each
 * MoE layer sends the token's hidden state to its k experts and back; (tp − 1)/tp of them live on another GPU, and the
 * replica's tp links carry the traffic in parallel.
 */
export function allToAllSecondsPerToken(model: OpenModel, gpuId: string, tp: number, p: MoeParams): number {
  if (!model.moe || tp <= 1) return 0;
  const bytes = model.moe.activeExperts * model.hidden * model.moe.moeLayers * ALL_TO_ALL_BYTES * ((tp - 1) / tp);
  return bytes / (tp * gpuLink(gpuId).gbPerSecond * 1e9 * p.expertParallelLinkEfficiency);
}

/** Divides the dense roofline time of a pass: 1 for dense models. */
export function rooflineEfficiency(model: OpenModel, p: MoeParams): number {
  return model.moe ? p.moeRooflineEfficiency : 1;
}

/** The engine's cap on sequences in flight for one replica of `tp` GPUs. */
export function engineBatchCap(model: OpenModel, tp: number, p: MoeParams): number {
  return model.moe ? Math.max(p.engineMaxBatch, p.moeBatchPerGpu * tp) : p.engineMaxBatch;
}

/** Fraction of the dense compute efficiency routed experts reach when `tokensPerPass` tokens run one forward pass. */
export function expertGemmEfficiency(model: OpenModel, tokensPerPass: number, p: MoeParams): number {
  if (!model.moe) return 1;
  const perExpert = (tokensPerPass * model.moe.activeExperts) / model.moe.experts;
  return perExpert / (perExpert + p.moeHalfEfficiencyTokens);
}

/**
 * Seconds of weight GEMMs (2 FLOPs per active parameter per token) for `tokens` tokens run `tokensPerPass` at a time
 * on `denseFlops` FLOP/s: the always-active part (attention projections, dense layers, shared experts) at the dense
 * rate, the routed experts at expertGemmEfficiency of it.
 */
export function linearSeconds(model: OpenModel, tokens: number, tokensPerPass: number, denseFlops: number, p: MoeParams): number {
  const split = moeSplit(model);
  if (!split || !model.moe) return (2 * model.activeParamsB * 1e9 * tokens) / denseFlops;
  const routedB = model.moe.activeExperts * split.perExpertB;
  return (2 * tokens * 1e9 * (split.alwaysB + routedB / expertGemmEfficiency(model, tokensPerPass, p))) / denseFlops;
}
