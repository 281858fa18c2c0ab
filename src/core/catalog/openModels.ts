// Open-weight model catalog: the architecture numbers the capacity model needs (from each model's HF config.json).
import { buildAliasIndex, CatalogLookupError, closestIds, normalizeName } from './names';

export interface OpenModel {
  id: string;
  /** Billions of parameters held in memory. */
  totalParamsB: number;
  /** Billions of parameters used per token (MoE: shared + top-k experts). */
  activeParamsB: number;
  layers: number;
  /** Hidden (model) dimension. */
  hidden: number;
  /** Layers that keep a KV cache for text tokens (Llama 3.2 Vision: cross-attention layers do not). */
  kvLayers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  contextTokens: number;
  /**
   * Mixture of experts (HF config names in brackets): routed `experts` [num_local_experts / n_routed_experts],
   * `activeExperts` routed per token [num_experts_per_tok], `sharedExperts` every token also runs
   * [n_shared_experts], `moeLayers` layers that route (the others are dense), `expertFfn` intermediate size of one
   * expert [moe_intermediate_size]. Capacity uses total/active parameters; the shape checks them (tests).
   */
  moe?: { experts: number; activeExperts: number; sharedExperts: number; moeLayers: number; expertFfn: number };
  /** DeepSeek multi-head latent attention: the cache holds one compressed latent + RoPE key per layer. */
  mla?: { kvLoraRank: number; ropeDim: number };
  aliases: readonly string[];
  source: string;
  asOf: string;
}

const HF = 'Hugging Face config.json / model card (via shared/reference/cost-model-facts.md)';
const AS_OF = '2026-01';

const MODELS: readonly OpenModel[] = [
  {
    id: 'llama-3.1-8b', totalParamsB: 8.0, activeParamsB: 8.0, layers: 32, hidden: 4096, kvLayers: 32, heads: 32, kvHeads: 8, headDim: 128, contextTokens: 131072,
    aliases: ['meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Meta-Llama-3.1-8B-Instruct', 'llama3.1:8b', 'llama3.1', 'llama-3.1-8b-instruct', 'llama3-8b', 'llama-3-8b', 'meta-llama-3.1-8b-instruct', 'llama3:8b'],
    source: HF, asOf: AS_OF,
  },
  {
    // Llama 3.1/3 70B share this architecture, so their names resolve here for capacity purposes.
    id: 'llama-3.3-70b', totalParamsB: 70.6, activeParamsB: 70.6, layers: 80, hidden: 8192, kvLayers: 80, heads: 64, kvHeads: 8, headDim: 128, contextTokens: 131072,
    aliases: ['meta-llama/Llama-3.3-70B-Instruct', 'llama3.3:70b', 'llama3.3', 'llama-3.3-70b-instruct', 'llama-3.3-70b-versatile', 'llama-3.1-70b', 'llama3.1:70b', 'meta-llama/Meta-Llama-3.1-70B-Instruct', 'llama3:70b', 'llama-3-70b'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'llama-3.2-90b-vision', totalParamsB: 88.6, activeParamsB: 88.6, layers: 100, hidden: 8192, kvLayers: 80, heads: 64, kvHeads: 8, headDim: 128, contextTokens: 131072,
    aliases: ['meta-llama/Llama-3.2-90B-Vision-Instruct', 'llama3.2-vision:90b', 'llama-3.2-90b', 'llama-3.2-90b-vision-instruct'],
    source: `${HF}; 20 of 100 layers are image cross-attention (no text KV cache)`, asOf: AS_OF,
  },
  {
    id: 'qwen2.5-7b', totalParamsB: 7.6, activeParamsB: 7.6, layers: 28, hidden: 3584, kvLayers: 28, heads: 28, kvHeads: 4, headDim: 128, contextTokens: 32768,
    aliases: ['Qwen/Qwen2.5-7B-Instruct', 'qwen2.5:7b', 'qwen2.5-7b-instruct', 'qwen-2.5-7b'],
    source: `${HF}; 128K with YaRN`, asOf: AS_OF,
  },
  {
    id: 'qwen2.5-72b', totalParamsB: 72.7, activeParamsB: 72.7, layers: 80, hidden: 8192, kvLayers: 80, heads: 64, kvHeads: 8, headDim: 128, contextTokens: 32768,
    aliases: ['Qwen/Qwen2.5-72B-Instruct', 'qwen2.5:72b', 'qwen2.5-72b-instruct', 'qwen-2.5-72b'],
    source: `${HF}; 128K with YaRN`, asOf: AS_OF,
  },
  {
    id: 'mistral-7b', totalParamsB: 7.25, activeParamsB: 7.25, layers: 32, hidden: 4096, kvLayers: 32, heads: 32, kvHeads: 8, headDim: 128, contextTokens: 32768,
    aliases: ['mistralai/Mistral-7B-Instruct-v0.3', 'mistral:7b', 'mistral', 'mistral-7b-instruct', 'mistral-7b-instruct-v0.3', 'open-mistral-7b'],
    source: `${HF} (v0.3)`, asOf: AS_OF,
  },
  {
    id: 'mixtral-8x7b', totalParamsB: 46.7, activeParamsB: 12.9, layers: 32, hidden: 4096, kvLayers: 32, heads: 32, kvHeads: 8, headDim: 128, contextTokens: 32768,
    moe: { experts: 8, activeExperts: 2, sharedExperts: 0, moeLayers: 32, expertFfn: 14336 },
    aliases: ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral:8x7b', 'mixtral', 'mixtral-8x7b-instruct', 'open-mixtral-8x7b'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'mixtral-8x22b', totalParamsB: 141, activeParamsB: 39, layers: 56, hidden: 6144, kvLayers: 56, heads: 48, kvHeads: 8, headDim: 128, contextTokens: 65536,
    moe: { experts: 8, activeExperts: 2, sharedExperts: 0, moeLayers: 56, expertFfn: 16384 },
    aliases: ['mistralai/Mixtral-8x22B-Instruct-v0.1', 'mixtral:8x22b', 'mixtral-8x22b-instruct', 'open-mixtral-8x22b'],
    source: `${HF}; active 39B from Mistral's announcement, confirmed by the shape: 56 layers × 3 × 6144 × 16384 per expert, 2 of 8 + attention ≈ 39.1B`, asOf: AS_OF,
  },
  {
    id: 'gemma-2-9b', totalParamsB: 9.2, activeParamsB: 9.2, layers: 42, hidden: 3584, kvLayers: 42, heads: 16, kvHeads: 8, headDim: 256, contextTokens: 8192,
    aliases: ['google/gemma-2-9b-it', 'gemma2:9b', 'gemma-2-9b-it', 'gemma2-9b-it', 'gemma2'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'gemma-2-27b', totalParamsB: 27.2, activeParamsB: 27.2, layers: 46, hidden: 4608, kvLayers: 46, heads: 32, kvHeads: 16, headDim: 128, contextTokens: 8192,
    aliases: ['google/gemma-2-27b-it', 'gemma2:27b', 'gemma-2-27b-it'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'qwen3-30b-a3b', totalParamsB: 30.5, activeParamsB: 3.3, layers: 48, hidden: 2048, kvLayers: 48, heads: 32, kvHeads: 4, headDim: 128, contextTokens: 40960,
    moe: { experts: 128, activeExperts: 8, sharedExperts: 0, moeLayers: 48, expertFfn: 768 },
    aliases: ['Qwen/Qwen3-30B-A3B', 'qwen3:30b-a3b', 'qwen3:30b', 'qwen3-30b-a3b-instruct-2507', 'Qwen/Qwen3-30B-A3B-Instruct-2507'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'qwen3-235b-a22b', totalParamsB: 235, activeParamsB: 22, layers: 94, hidden: 4096, kvLayers: 94, heads: 64, kvHeads: 4, headDim: 128, contextTokens: 40960,
    moe: { experts: 128, activeExperts: 8, sharedExperts: 0, moeLayers: 94, expertFfn: 1536 },
    aliases: ['Qwen/Qwen3-235B-A22B', 'qwen3:235b-a22b', 'qwen3:235b', 'qwen3-235b-a22b-instruct-2507', 'Qwen/Qwen3-235B-A22B-Instruct-2507'],
    source: HF, asOf: AS_OF,
  },
  {
    // heads × headDim uses the query/key dim (128 nope + 64 rope) for attention FLOPs; the KV cache comes from `mla`.
    id: 'deepseek-v3', totalParamsB: 671, activeParamsB: 37, layers: 61, hidden: 7168, kvLayers: 61, heads: 128, kvHeads: 128, headDim: 192, contextTokens: 131072,
    moe: { experts: 256, activeExperts: 8, sharedExperts: 1, moeLayers: 58, expertFfn: 2048 },
    mla: { kvLoraRank: 512, ropeDim: 64 },
    aliases: ['deepseek-ai/DeepSeek-V3', 'deepseek-v3:671b', 'deepseek-v3-0324', 'deepseek-ai/DeepSeek-V3-0324', 'deepseek-chat', 'deepseek-v3.1'],
    source: HF, asOf: AS_OF,
  },
  {
    // Same architecture as DeepSeek-V3 (R1 is its reasoning-trained sibling): the API's deepseek-reasoner serves it.
    id: 'deepseek-r1', totalParamsB: 671, activeParamsB: 37, layers: 61, hidden: 7168, kvLayers: 61, heads: 128, kvHeads: 128, headDim: 192, contextTokens: 131072,
    moe: { experts: 256, activeExperts: 8, sharedExperts: 1, moeLayers: 58, expertFfn: 2048 },
    mla: { kvLoraRank: 512, ropeDim: 64 },
    aliases: ['deepseek-ai/DeepSeek-R1', 'deepseek-ai/DeepSeek-R1-0528', 'deepseek-r1:671b', 'deepseek-r1-0528', 'deepseek-reasoner'],
    source: `${HF}; DeepSeek-V3 architecture`, asOf: AS_OF,
  },
  {
    // Every layer routes to 1 of 16 experts plus one shared expert. 3 of 4 layers use 8,192-token chunked attention,
    // so kvLayers = 48 is exact up to 8K tokens of context and conservative beyond.
    id: 'llama-4-scout', totalParamsB: 109, activeParamsB: 17, layers: 48, hidden: 5120, kvLayers: 48, heads: 40, kvHeads: 8, headDim: 128, contextTokens: 10485760,
    moe: { experts: 16, activeExperts: 1, sharedExperts: 1, moeLayers: 48, expertFfn: 8192 },
    aliases: ['meta-llama/Llama-4-Scout-17B-16E-Instruct', 'meta-llama/Llama-4-Scout-17B-16E', 'llama4:scout', 'llama-4-scout-17b-16e-instruct', 'llama-4-scout-17b-16e', 'llama4-scout'],
    source: 'meta-llama/Llama-4-Scout-17B-16E config.json + model card (2025-04-05): 109B total / 17B active, 48 layers, hidden 5120, GQA 40/8 × 128, 16 routed experts top-1 + 1 shared (ffn 8192), 10M context',
    asOf: '2025-04',
  },
  {
    // MoE every other layer (24 of 48; the others are dense with ffn 16,384): 128 routed experts top-1 + 1 shared.
    id: 'llama-4-maverick', totalParamsB: 400, activeParamsB: 17, layers: 48, hidden: 5120, kvLayers: 48, heads: 40, kvHeads: 8, headDim: 128, contextTokens: 1048576,
    moe: { experts: 128, activeExperts: 1, sharedExperts: 1, moeLayers: 24, expertFfn: 8192 },
    aliases: ['meta-llama/Llama-4-Maverick-17B-128E-Instruct', 'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8', 'meta-llama/Llama-4-Maverick-17B-128E', 'llama4:maverick', 'llama-4-maverick-17b-128e-instruct', 'llama-4-maverick-17b-128e-instruct-fp8', 'llama4-maverick'],
    source: 'meta-llama/Llama-4-Maverick-17B-128E config.json + model card (2025-04-05): 400B total / 17B active, 48 layers (24 MoE, interleave step 2), hidden 5120, GQA 40/8 × 128, 128 routed experts top-1 + 1 shared (ffn 8192), 1M context',
    asOf: '2025-04',
  },
  {
    // Half the layers use a 128-token sliding window: their KV cache stays tiny, so kvLayers counts the 18 full ones.
    id: 'gpt-oss-120b', totalParamsB: 116.8, activeParamsB: 5.1, layers: 36, hidden: 2880, kvLayers: 18, heads: 64, kvHeads: 8, headDim: 64, contextTokens: 131072,
    moe: { experts: 128, activeExperts: 4, sharedExperts: 0, moeLayers: 36, expertFfn: 2880 },
    aliases: ['openai/gpt-oss-120b', 'gpt-oss:120b', 'gpt-oss-120b-mxfp4'],
    source: 'openai/gpt-oss-120b config.json + gpt-oss model card (arXiv 2508.10925, 2025-08-08): 116.8B total / 5.1B active, 128 experts top-4, GQA 64/8 × 64, 18 full + 18 sliding-window (128) layers; weights published in MXFP4 (≈ int4 here, ~61 GiB)',
    asOf: '2025-08',
  },
  {
    id: 'gpt-oss-20b', totalParamsB: 20.9, activeParamsB: 3.6, layers: 24, hidden: 2880, kvLayers: 12, heads: 64, kvHeads: 8, headDim: 64, contextTokens: 131072,
    moe: { experts: 32, activeExperts: 4, sharedExperts: 0, moeLayers: 24, expertFfn: 2880 },
    aliases: ['openai/gpt-oss-20b', 'gpt-oss:20b', 'gpt-oss', 'gpt-oss-20b-mxfp4'],
    source: 'openai/gpt-oss-20b config.json + gpt-oss model card (arXiv 2508.10925, 2025-08-08): 20.9B total / 3.6B active, 32 experts top-4, GQA 64/8 × 64, 12 full + 12 sliding-window (128) layers; weights published in MXFP4 (≈ int4 here, ~13 GiB)',
    asOf: '2025-08',
  },
];

const INDEX = buildAliasIndex(MODELS);
const BY_ID = new Map(MODELS.map((m) => [m.id, m]));

export function listOpenModels(): readonly OpenModel[] {
  return MODELS;
}

/** Tolerant lookup (HF repo ids, Ollama tags, case and punctuation); throws CatalogLookupError naming `field`. */
/** The open model a name refers to, or undefined: a cheap probe (no suggestions computed, nothing thrown). */
export function findOpenModel(name: string): OpenModel | undefined {
  const id = typeof name === 'string' ? INDEX.get(normalizeName(name)) : undefined;
  return id === undefined ? undefined : BY_ID.get(id);
}

export function resolveOpenModel(name: string, field = 'selfHosted.model'): OpenModel {
  const model = findOpenModel(name);
  if (!model) {
    throw new CatalogLookupError(field, String(name), MODELS.map((m) => m.id), closestIds(String(name), INDEX), 'open model');
  }
  return model;
}

/** KV-cache bytes per token at `bytesPerValue` (2 for BF16, 1 for FP8). */
export function kvBytesPerToken(model: OpenModel, bytesPerValue: number): number {
  if (model.mla) return model.kvLayers * (model.mla.kvLoraRank + model.mla.ropeDim) * bytesPerValue;
  return 2 * model.kvLayers * model.kvHeads * model.headDim * bytesPerValue;
}
