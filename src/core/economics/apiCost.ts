// API cost of one request, from the token shape and a per-million-token price.

export interface ApiRates {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  /** Cache-read price; null = not known, the cached part is billed at the input price. */
  cachedInputUsdPerMTok: number | null;
  /** Fraction taken off with the batch API (0.5 = half price). */
  batchDiscount: number;
}

export interface RequestShape {
  inputTokens: number;
  outputTokens: number;
  /** The part of inputTokens served from the provider's cache. */
  cachedInputTokens: number;
}

export function apiCostPerRequest(shape: RequestShape, rates: ApiRates, batch: boolean): number {
  const cached = Math.min(shape.cachedInputTokens, shape.inputTokens);
  const cachedRate = rates.cachedInputUsdPerMTok ?? rates.inputUsdPerMTok;
  const usd = ((shape.inputTokens - cached) * rates.inputUsdPerMTok + cached * cachedRate + shape.outputTokens * rates.outputUsdPerMTok) / 1e6;
  return batch ? usd * (1 - rates.batchDiscount) : usd;
}
