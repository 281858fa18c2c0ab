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

/**
 * Billions of parameters a replica of `tp` GPUs holds. MoE replicas run attention data-parallel + expert parallel
 * (TensorRT-LLM `enable_attention_dp`, vLLM/SGLang DP attention): the routed experts are split over the GPUs, but
 * every GPU keeps its own copy of the always-active weights (attention, dense layers, shared experts, embeddings).
 * Dense replicas split everything (tensor parallel).
 */
export function residentParamsB(model: OpenModel, tp: number): number {
  const split = moeSplit(model);
  return split ? model.totalParamsB + (tp - 1) * split.alwaysB : model.totalParamsB;
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
  /**
   * Tokens of prompt one forward pass takes per attention rank (the engine's max_num_tokens; TensorRT-LLM and vLLM
   * default 8,192). With attention data-parallel every GPU of a MoE replica fills its own pass, so the experts see
   * tp × this many tokens.
   */
  prefillTokensPerPass: number;
  /** Fraction of the GPU-to-GPU link bandwidth (economics/moeLinks.ts) an expert-parallel all-to-all reaches. */
  expertParallelLinkEfficiency: number;
  /** Excess tokens of the hottest expert-parallel GPU over the mean, per doubling of GPUs (expertParallelImbalance()). */
  expertParallelImbalance: number;
}

/** Bytes per hidden element on the wire: FP8 dispatch to the experts + BF16 combine back. */
const ALL_TO_ALL_BYTES = 1 + 2;

/**
 * Other GPUs a token's hidden state is sent to in one MoE layer when its k experts are spread over `tp` GPUs:
 * dispatch sends one copy per destination GPU, not per expert (TensorRT-LLM's and DeepEP's all-to-all deduplicate),
 * so each of the tp − 1 other GPUs gets a copy with probability 1 − (1 − 1/tp)^k. k = 1 gives (tp − 1)/tp.
 */
export function offGpuCopiesPerToken(k: number, tp: number): number {
  return tp <= 1 ? 0 : (tp - 1) * (1 - Math.pow(1 - 1 / tp, k));
}

/**
 * Seconds of expert-parallel all-to-all per token on a replica of `tp` GPUs (0 on one GPU or for dense models): each
 * MoE layer sends the token's hidden state to the GPUs holding its k experts and back (offGpuCopiesPerToken), and the
 * replica's tp links carry the traffic in parallel.
 */
export function allToAllSecondsPerToken(model: OpenModel, gpuId: string, tp: number, p: MoeParams): number {
  if (!model.moe || tp <= 1) return 0;
  const bytes = offGpuCopiesPerToken(model.moe.activeExperts, tp) * model.hidden * model.moe.moeLayers * ALL_TO_ALL_BYTES;
  return bytes / (tp * gpuLink(gpuId).gbPerSecond * 1e9 * p.expertParallelLinkEfficiency);
}

/** Prompt tokens one forward pass carries through the experts: every attention-DP rank of a MoE replica fills a pass. */
export function prefillTokensPerPass(model: OpenModel, tp: number, p: MoeParams): number {
  return model.moe ? p.prefillTokensPerPass * tp : p.prefillTokensPerPass;
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
 * on `denseFlops` FLOP/s (a replica of `tp` GPUs): the always-active part (attention projections, dense layers, shared
 * experts) at the dense rate, the routed experts at expertGemmEfficiency of it, times the expert-parallel imbalance
 * (the step waits for the most loaded GPU).
 */
export function linearSeconds(model: OpenModel, tokens: number, tokensPerPass: number, denseFlops: number, p: MoeParams, tp = 1): number {
  const split = moeSplit(model);
  if (!split || !model.moe) return (2 * model.activeParamsB * 1e9 * tokens) / denseFlops;
  const routedB = model.moe.activeExperts * split.perExpertB * expertParallelImbalance(model, tp, p);
  return (2 * tokens * 1e9 * (split.alwaysB + routedB / expertGemmEfficiency(model, tokensPerPass, p))) / denseFlops;
}

/**
 * Expert-parallel load imbalance: with the routed experts split over tp GPUs, each MoE layer waits for the GPU whose
 * experts received the most tokens. Real routing is skewed and the hot experts stay hot for hundreds of steps, so the
 * hottest rank's excess over the mean grows with the number of ranks: 1 + c·log2(tp), exactly 1 on one GPU and for
 * dense models. c is not fitted: TensorRT-LLM measured DeepSeek-R1 at EP 32 without a load balancer, hottest rank
 * (max − mean) ÷ mean = 1.564 averaged over layers and steps (tech blog "Scaling Expert Parallelism in
 * TensorRT-LLM, Part 1", Table 1; NVIDIA/TensorRT-LLM docs/source/blogs/tech_blog/blog4_…, read 2026-12-03), so
 * c = 1.564 ÷ log2(32). The log2 growth between one GPU and 32 is the assumption; the MoE calibration table checks it.
 */
export function expertParallelImbalance(model: OpenModel, tp: number, p: MoeParams): number {
  return model.moe && tp > 1 ? 1 + p.expertParallelImbalance * Math.log2(tp) : 1;
}
