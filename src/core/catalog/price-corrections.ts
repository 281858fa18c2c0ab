// Dated corrections over the price snapshot: where the provider's own page disagrees with the newest
// @pydantic/genai-prices release, its list price wins, and the price source names the page and the date it was
// read. A correction applies only to a catalog older than its date, so a newer downloaded catalog (prices --update)
// is used as it is.

export interface PriceCorrection {
  provider: string;
  modelId: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number | null;
  /** The provider's pricing page. */
  page: string;
  /** When the page was read (ISO date). */
  checked: string;
  why: string;
}

export const PRICE_CORRECTIONS: PriceCorrection[] = [
  { provider: 'deepseek', modelId: 'deepseek-chat', inputUsdPerMTok: 0.28, outputUsdPerMTok: 0.42, cachedInputUsdPerMTok: 0.028,
    page: 'api-docs.deepseek.com/quick_start/pricing', checked: '2026-12-02', why: 'DeepSeek-V3.2 list price (cache miss / output / cache hit); genai-prices 0.1.8 still has 0.27 / 1.10' },
  { provider: 'deepseek', modelId: 'deepseek-reasoner', inputUsdPerMTok: 0.28, outputUsdPerMTok: 0.42, cachedInputUsdPerMTok: 0.028,
    page: 'api-docs.deepseek.com/quick_start/pricing', checked: '2026-12-02', why: 'DeepSeek-V3.2 (thinking mode) is priced as deepseek-chat' },
];

/** A moving alias the snapshot still sends to an old model: the name now means a newer entry of the same catalog. */
export interface AliasCorrection {
  alias: string;
  target: string;
  page: string;
  checked: string;
  why: string;
}

export const ALIAS_CORRECTIONS: AliasCorrection[] = [
  { alias: 'mistral-large-latest', target: 'mistral-large-2512', page: 'mistral.ai/pricing#api-pricing', checked: '2026-12-02',
    why: 'mistral-large-latest points to Mistral Large 3 (mistral-large-2512, 0.50 / 1.50); genai-prices 0.1.8 sends it to Large 2 at 2 / 6' },
];

export function aliasCorrectionFor(query: string, catalogAsOf: string): AliasCorrection | null {
  const q = query.trim().toLowerCase().replace(/^mistral\//, '');
  return ALIAS_CORRECTIONS.find((a) => a.alias === q && a.checked > catalogAsOf) ?? null;
}

export function correctionFor(provider: string, modelId: string, catalogAsOf: string): PriceCorrection | null {
  return PRICE_CORRECTIONS.find((c) => c.provider === provider && c.modelId === modelId && c.checked > catalogAsOf) ?? null;
}
