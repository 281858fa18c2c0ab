// API price catalog. Temporary built-in table; replaced by the @pydantic/genai-prices snapshot.

export interface ApiPrice {
  modelId: string;
  provider: string;
  displayName: string;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number | null;
  cacheWriteUsdPerMTok: number | null;
  batchDiscount: number | null;
  source: string;
  asOf: string;
}

export type PriceLookup =
  | { ok: true; price: ApiPrice; matchedBy: 'exact' | 'alias' | 'normalized' }
  | { ok: false; query: string; suggestions: string[] };

const SOURCE = '@pydantic/genai-prices 0.1.8';
const AS_OF = '2026-09-23';

type Row = [string, string, string, number, number, number | null, number | null, number | null];
const ROWS: Row[] = [
  ['claude-sonnet-4-6', 'anthropic', 'Claude Sonnet 4.6', 3, 15, 0.3, 3.75, 0.5],
  ['claude-haiku-4-5', 'anthropic', 'Claude Haiku 4.5', 1, 5, 0.1, 1.25, 0.5],
  ['claude-3-5-haiku-20241022', 'anthropic', 'Claude Haiku 3.5', 0.8, 4, 0.08, 1, 0.5],
  ['claude-opus-4-5', 'anthropic', 'Claude Opus 4.5', 5, 25, 0.5, 6.25, 0.5],
  ['gpt-4o', 'openai', 'GPT-4o', 2.5, 10, 1.25, null, 0.5],
  ['gpt-4o-mini', 'openai', 'GPT-4o mini', 0.15, 0.6, 0.075, null, 0.5],
  ['gpt-4.1', 'openai', 'GPT-4.1', 2, 8, 0.5, null, 0.5],
  ['gpt-5', 'openai', 'GPT-5', 1.25, 10, 0.125, null, 0.5],
];

const TABLE: ApiPrice[] = ROWS.map(([modelId, provider, displayName, i, o, c, w, b]) => ({
  modelId, provider, displayName, inputUsdPerMTok: i, outputUsdPerMTok: o,
  cachedInputUsdPerMTok: c, cacheWriteUsdPerMTok: w, batchDiscount: b, source: SOURCE, asOf: AS_OF,
}));

function normalize(s: string): string {
  return s.trim().toLowerCase().replace(/^[a-z0-9-]+\//, '');
}

export function lookupApiPrice(model: string): PriceLookup {
  const exact = TABLE.find((p) => p.modelId === model);
  if (exact) return { ok: true, price: exact, matchedBy: 'exact' };
  const n = normalize(model);
  const norm = TABLE.find((p) => p.modelId === n);
  if (norm) return { ok: true, price: norm, matchedBy: 'normalized' };
  const suggestions = TABLE.filter((p) => p.modelId.includes(n.split('-').slice(0, 2).join('-')))
    .map((p) => p.modelId)
    .slice(0, 5);
  return { ok: false, query: model, suggestions };
}
