// API cost of one request, from the token shape and a per-million-token price.

export interface ApiRates {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  /** Cache-read price; null = not known, the cached part is billed at the input price. */
  cachedInputUsdPerMTok: number | null;
  /** Fraction taken off with the batch API (0.5 = half price). */
  batchDiscount: number;
  /** Cache-write price (Anthropic: 1.25× input for the 5-minute cache); null/absent = written tokens at the input price. */
  cacheWriteUsdPerMTok?: number | null;
}

export interface RequestShape {
  inputTokens: number;
  outputTokens: number;
  /** The part of inputTokens served from the provider's cache. */
  cachedInputTokens: number;
  /** The part of inputTokens written to the provider's cache (billed at the cache-write price). */
  cacheWriteTokens?: number;
}

export function apiCostPerRequest(shape: RequestShape, rates: ApiRates, batch: boolean): number {
  const cached = Math.min(shape.cachedInputTokens, shape.inputTokens);
  const cachedRate = rates.cachedInputUsdPerMTok ?? rates.inputUsdPerMTok;
  const written = Math.min(shape.cacheWriteTokens ?? 0, shape.inputTokens - cached);
  const writeRate = rates.cacheWriteUsdPerMTok ?? rates.inputUsdPerMTok;
  const usd = ((shape.inputTokens - cached - written) * rates.inputUsdPerMTok + cached * cachedRate + written * writeRate + shape.outputTokens * rates.outputUsdPerMTok) / 1e6;
  return batch ? usd * (1 - rates.batchDiscount) : usd;
}
