// Open-weight model catalog: the architecture numbers the capacity model needs (from each model's HF config.json).
import { buildAliasIndex, CatalogLookupError, closestIds, normalizeName } from './names';

export interface OpenModel {
  id: string;
  /** Billions of parameters held in memory. */
  totalParamsB: number;
  /** Billions of parameters used per token (MoE: shared + top-k experts). */
  activeParamsB: number;
  layers: number;
  /** Layers that keep a KV cache for text tokens (Llama 3.2 Vision: cross-attention layers do not). */
  kvLayers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  contextTokens: number;
  moe?: { experts: number; activeExperts: number };
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
    id: 'llama-3.1-8b', totalParamsB: 8.0, activeParamsB: 8.0, layers: 32, kvLayers: 32, heads: 32, kvHeads: 8, headDim: 128, contextTokens: 131072,
    aliases: ['meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Meta-Llama-3.1-8B-Instruct', 'llama3.1:8b', 'llama3.1', 'llama-3.1-8b-instruct', 'llama3-8b', 'llama-3-8b', 'meta-llama-3.1-8b-instruct', 'llama3:8b'],
    source: HF, asOf: AS_OF,
  },
  {
    // Llama 3.1/3 70B share this architecture, so their names resolve here for capacity purposes.
    id: 'llama-3.3-70b', totalParamsB: 70.6, activeParamsB: 70.6, layers: 80, kvLayers: 80, heads: 64, kvHeads: 8, headDim: 128, contextTokens: 131072,
    aliases: ['meta-llama/Llama-3.3-70B-Instruct', 'llama3.3:70b', 'llama3.3', 'llama-3.3-70b-instruct', 'llama-3.3-70b-versatile', 'llama-3.1-70b', 'llama3.1:70b', 'meta-llama/Meta-Llama-3.1-70B-Instruct', 'llama3:70b', 'llama-3-70b'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'llama-3.2-90b-vision', totalParamsB: 88.6, activeParamsB: 88.6, layers: 100, kvLayers: 80, heads: 64, kvHeads: 8, headDim: 128, contextTokens: 131072,
    aliases: ['meta-llama/Llama-3.2-90B-Vision-Instruct', 'llama3.2-vision:90b', 'llama-3.2-90b', 'llama-3.2-90b-vision-instruct'],
    source: `${HF}; 20 of 100 layers are image cross-attention (no text KV cache)`, asOf: AS_OF,
  },
  {
    id: 'qwen2.5-7b', totalParamsB: 7.6, activeParamsB: 7.6, layers: 28, kvLayers: 28, heads: 28, kvHeads: 4, headDim: 128, contextTokens: 32768,
    aliases: ['Qwen/Qwen2.5-7B-Instruct', 'qwen2.5:7b', 'qwen2.5-7b-instruct', 'qwen-2.5-7b'],
    source: `${HF}; 128K with YaRN`, asOf: AS_OF,
  },
  {
    id: 'qwen2.5-72b', totalParamsB: 72.7, activeParamsB: 72.7, layers: 80, kvLayers: 80, heads: 64, kvHeads: 8, headDim: 128, contextTokens: 32768,
    aliases: ['Qwen/Qwen2.5-72B-Instruct', 'qwen2.5:72b', 'qwen2.5-72b-instruct', 'qwen-2.5-72b'],
    source: `${HF}; 128K with YaRN`, asOf: AS_OF,
  },
  {
    id: 'mistral-7b', totalParamsB: 7.25, activeParamsB: 7.25, layers: 32, kvLayers: 32, heads: 32, kvHeads: 8, headDim: 128, contextTokens: 32768,
    aliases: ['mistralai/Mistral-7B-Instruct-v0.3', 'mistral:7b', 'mistral', 'mistral-7b-instruct', 'mistral-7b-instruct-v0.3', 'open-mistral-7b'],
    source: `${HF} (v0.3)`, asOf: AS_OF,
  },
  {
    id: 'mixtral-8x7b', totalParamsB: 46.7, activeParamsB: 12.9, layers: 32, kvLayers: 32, heads: 32, kvHeads: 8, headDim: 128, contextTokens: 32768,
    moe: { experts: 8, activeExperts: 2 },
    aliases: ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral:8x7b', 'mixtral', 'mixtral-8x7b-instruct', 'open-mixtral-8x7b'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'mixtral-8x22b', totalParamsB: 141, activeParamsB: 39, layers: 56, kvLayers: 56, heads: 48, kvHeads: 8, headDim: 128, contextTokens: 65536,
    moe: { experts: 8, activeExperts: 2 },
    aliases: ['mistralai/Mixtral-8x22B-Instruct-v0.1', 'mixtral:8x22b', 'mixtral-8x22b-instruct', 'open-mixtral-8x22b'],
    source: `${HF}; active 39B from Mistral's announcement (single source ⚑)`, asOf: AS_OF,
  },
  {
    id: 'gemma-2-9b', totalParamsB: 9.2, activeParamsB: 9.2, layers: 42, kvLayers: 42, heads: 16, kvHeads: 8, headDim: 256, contextTokens: 8192,
    aliases: ['google/gemma-2-9b-it', 'gemma2:9b', 'gemma-2-9b-it', 'gemma2-9b-it', 'gemma2'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'gemma-2-27b', totalParamsB: 27.2, activeParamsB: 27.2, layers: 46, kvLayers: 46, heads: 32, kvHeads: 16, headDim: 128, contextTokens: 8192,
    aliases: ['google/gemma-2-27b-it', 'gemma2:27b', 'gemma-2-27b-it'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'qwen3-30b-a3b', totalParamsB: 30.5, activeParamsB: 3.3, layers: 48, kvLayers: 48, heads: 32, kvHeads: 4, headDim: 128, contextTokens: 40960,
    moe: { experts: 128, activeExperts: 8 },
    aliases: ['Qwen/Qwen3-30B-A3B', 'qwen3:30b-a3b', 'qwen3:30b', 'qwen3-30b-a3b-instruct-2507', 'Qwen/Qwen3-30B-A3B-Instruct-2507'],
    source: HF, asOf: AS_OF,
  },
  {
    id: 'qwen3-235b-a22b', totalParamsB: 235, activeParamsB: 22, layers: 94, kvLayers: 94, heads: 64, kvHeads: 4, headDim: 128, contextTokens: 40960,
    moe: { experts: 128, activeExperts: 8 },
    aliases: ['Qwen/Qwen3-235B-A22B', 'qwen3:235b-a22b', 'qwen3:235b', 'qwen3-235b-a22b-instruct-2507', 'Qwen/Qwen3-235B-A22B-Instruct-2507'],
    source: HF, asOf: AS_OF,
  },
  {
    // heads × headDim uses the query/key dim (128 nope + 64 rope) for attention FLOPs; the KV cache comes from `mla`.
    id: 'deepseek-v3', totalParamsB: 671, activeParamsB: 37, layers: 61, kvLayers: 61, heads: 128, kvHeads: 128, headDim: 192, contextTokens: 131072,
    moe: { experts: 256, activeExperts: 8 },
    mla: { kvLoraRank: 512, ropeDim: 64 },
    aliases: ['deepseek-ai/DeepSeek-V3', 'deepseek-v3:671b', 'deepseek-v3-0324', 'deepseek-ai/DeepSeek-V3-0324', 'deepseek-chat', 'deepseek-v3.1'],
    source: HF, asOf: AS_OF,
  },
  {
    // Same architecture as DeepSeek-V3 (R1 is its reasoning-trained sibling): the API's deepseek-reasoner serves it.
    id: 'deepseek-r1', totalParamsB: 671, activeParamsB: 37, layers: 61, kvLayers: 61, heads: 128, kvHeads: 128, headDim: 192, contextTokens: 131072,
    moe: { experts: 256, activeExperts: 8 },
    mla: { kvLoraRank: 512, ropeDim: 64 },
    aliases: ['deepseek-ai/DeepSeek-R1', 'deepseek-ai/DeepSeek-R1-0528', 'deepseek-r1:671b', 'deepseek-r1-0528', 'deepseek-reasoner'],
    source: `${HF}; DeepSeek-V3 architecture`, asOf: AS_OF,
  },
  {
    // Half the layers use a 128-token sliding window: their KV cache stays tiny, so kvLayers counts the 18 full ones.
    id: 'gpt-oss-120b', totalParamsB: 116.8, activeParamsB: 5.1, layers: 36, kvLayers: 18, heads: 64, kvHeads: 8, headDim: 64, contextTokens: 131072,
    moe: { experts: 128, activeExperts: 4 },
    aliases: ['openai/gpt-oss-120b', 'gpt-oss:120b', 'gpt-oss-120b-mxfp4'],
    source: 'openai/gpt-oss-120b config.json + gpt-oss model card (arXiv 2508.10925, 2025-08-08): 116.8B total / 5.1B active, 128 experts top-4, GQA 64/8 × 64, 18 full + 18 sliding-window (128) layers; weights published in MXFP4 (≈ int4 here, ~61 GiB)',
    asOf: '2025-08',
  },
  {
    id: 'gpt-oss-20b', totalParamsB: 20.9, activeParamsB: 3.6, layers: 24, kvLayers: 12, heads: 64, kvHeads: 8, headDim: 64, contextTokens: 131072,
    moe: { experts: 32, activeExperts: 4 },
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
