// Which providers sell a batch API, and at what discount. genai-prices carries no batch prices, so this dated
// table is the only ground for a batch discount: a provider not listed gets none (with a note), never an assumed
// 50 % (DeepSeek, for one, has no batch API; its off-peak discount is a time-of-day price, not a batch one).

export interface BatchOffer {
  discount: number;
  source: string;
  asOf: string;
}

export const BATCH_OFFERS: Record<string, BatchOffer> = {
  openai: { discount: 0.5, source: 'OpenAI Batch API: 50 % off input and output, results within 24 h (platform.openai.com/docs/guides/batch)', asOf: '2026-09-01' },
  anthropic: { discount: 0.5, source: 'Anthropic Message Batches API: 50 % off (docs.anthropic.com/en/docs/build-with-claude/batch-processing)', asOf: '2026-09-01' },
  google: { discount: 0.5, source: 'Gemini API Batch Mode: 50 % of the interactive price (ai.google.dev/gemini-api/docs/batch-mode)', asOf: '2026-09-01' },
  mistral: { discount: 0.5, source: 'Mistral batch inference: 50 % off (docs.mistral.ai/capabilities/batch)', asOf: '2026-09-01' },
  groq: { discount: 0.5, source: 'Groq Batch API: 50 % off (console.groq.com/docs/batch)', asOf: '2026-09-01' },
};

export function batchOfferFor(provider: string): BatchOffer | null {
  return BATCH_OFFERS[provider] ?? null;
}
