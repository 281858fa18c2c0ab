// Turns a price data file into flat ApiPrice entries, with date-dependent prices evaluated at the data's
// "as of" date (never the clock) so results are reproducible, and match rules compiled once.
import { batchOfferFor } from './batch';
import { correctionFor } from './price-corrections';
import type { ApiPrice, PriceTier } from './prices';
import type { CompactModel, ConditionalPrice, MatchLogic, ModelPrice, PriceDataFile, TieredPrice } from './prices-data';

export interface CatalogEntry {
  price: ApiPrice;
  providerRank: number;
  idLower: string;
  matches: (lowerName: string) => boolean;
  /** `equals` strings of the match rule: names the data itself declares for this model. */
  aliases: string[];
}

export interface CompiledProvider {
  id: string;
  name: string;
  rank: number;
  modelMatch: ((lowerName: string) => boolean) | null;
  fallbacks: string[];
  entries: CatalogEntry[];
}


/** First-party APIs win over resellers when a bare model name is found in several providers. */
const FIRST_PARTY = ['anthropic', 'openai', 'google', 'mistral', 'cohere', 'deepseek', 'x-ai', 'moonshotai', 'zhipuai', 'minimax', 'voyageai', 'perplexity'];
/** Aggregators and resellers go last: their ids overlap everything else. */
const LAST = ['openrouter', 'github-copilot', 'cursor', 'azure', 'quicksilverpro', 'doubleword', 'avian'];

export function providerRank(id: string, dataIndex: number): number {
  const first = FIRST_PARTY.indexOf(id);
  if (first >= 0) return first;
  const last = LAST.indexOf(id);
  if (last >= 0) return 1000 + last;
  if (id.startsWith('huggingface')) return 900 + dataIndex;
  return 100 + dataIndex;
}

export function compileMatch(m: MatchLogic): (lowerName: string) => boolean {
  if ('or' in m) {
    const parts = m.or.map(compileMatch);
    return (s) => parts.some((p) => p(s));
  }
  if ('and' in m) {
    const parts = m.and.map(compileMatch);
    return (s) => parts.every((p) => p(s));
  }
  if ('equals' in m) {
    const v = m.equals.toLowerCase();
    return (s) => s === v;
  }
  if ('starts_with' in m) {
    const v = m.starts_with.toLowerCase();
    return (s) => s.startsWith(v);
  }
  if ('ends_with' in m) {
    const v = m.ends_with.toLowerCase();
    return (s) => s.endsWith(v);
  }
  if ('contains' in m) {
    const v = m.contains.toLowerCase();
    return (s) => s.includes(v);
  }
  const re = new RegExp(m.regex);
  return (s) => re.test(s);
}

function equalsStrings(m: MatchLogic, out: string[] = []): string[] {
  if ('or' in m) m.or.forEach((x) => equalsStrings(x, out));
  else if ('equals' in m) out.push(m.equals.toLowerCase());
  return out;
}

function secondsOfDay(t: string): number {
  const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(t)!;
  const offset = m[4] === 'Z' ? 0 : (m[5] === '+' ? 1 : -1) * (Number(m[6]) * 3600 + Number(m[7]) * 60);
  return (((Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) - offset) % 86400) + 86400) % 86400;
}

function windowSeconds(start: string, end: string): number {
  const s = secondsOfDay(start);
  const e = secondsOfDay(end);
  return e >= s ? e - s : 86400 - s + e;
}

/**
 * Picks the prices in effect on `asOf`: the latest start_date entry not after it. Time-of-day windows
 * (off-peak/peak) cannot be known statically: the rate that applies for most of the day is used and the
 * other rates are named in a note.
 */
export function pricesAt(prices: ModelPrice | ConditionalPrice[], asOf: string): { prices: ModelPrice; note: string | null } {
  if (!Array.isArray(prices)) return { prices, note: null };
  let baseIndex = 0;
  for (let i = 0; i < prices.length; i++) {
    const c = prices[i]!.constraint;
    if (!c) baseIndex = i;
    else if (typeof c.start_date === 'string' && c.start_date <= asOf) baseIndex = i;
  }
  const windows: { prices: ModelPrice; seconds: number; label: string }[] = [];
  for (let i = baseIndex + 1; i < prices.length; i++) {
    const c = prices[i]!.constraint;
    if (c && typeof c.start_date === 'string') break;
    if (c && typeof c.start_time === 'string' && typeof c.end_time === 'string') windows.push({ prices: prices[i]!.prices, seconds: windowSeconds(c.start_time, c.end_time), label: `${c.start_time}–${c.end_time}` });
  }
  if (windows.length === 0) return { prices: prices[baseIndex]!.prices, note: null };
  const windowed = windows.reduce((n, w) => n + w.seconds, 0);
  const options = [{ prices: prices[baseIndex]!.prices, seconds: 86400 - windowed, label: 'rest of the day' }, ...windows];
  const chosen = options.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  const rates = options.map((o) => `${o.label} UTC: $${baseOf(o.prices['input_mtok']) ?? '?'} in / $${baseOf(o.prices['output_mtok']) ?? '?'} out`).join('; ');
  return { prices: chosen.prices, note: `time-of-day pricing (${rates}); the rate for most of the day (${chosen.label}) is used` };
}

function baseOf(v: number | TieredPrice | undefined): number | undefined {
  return v === undefined ? undefined : typeof v === 'number' ? v : v.base;
}

function tierPriceAt(v: number | TieredPrice | undefined, start: number): number | undefined {
  if (v === undefined || typeof v === 'number') return v;
  let price = v.base;
  for (const t of [...v.tiers].sort((a, b) => a.start - b.start)) if (t.start <= start) price = t.price;
  return price;
}

function tiersOf(p: ModelPrice): PriceTier[] | undefined {
  const starts = new Set<number>();
  for (const key of ['input_mtok', 'output_mtok', 'cache_read_mtok']) {
    const v = p[key];
    if (v !== undefined && typeof v !== 'number') v.tiers.forEach((t) => starts.add(t.start));
  }
  if (starts.size === 0) return undefined;
  return [...starts]
    .sort((a, b) => a - b)
    .map((start) => ({
      aboveInputTokens: start,
      inputUsdPerMTok: tierPriceAt(p['input_mtok'], start) ?? 0,
      outputUsdPerMTok: tierPriceAt(p['output_mtok'], start) ?? 0,
      cachedInputUsdPerMTok: tierPriceAt(p['cache_read_mtok'], start) ?? null,
    }));
}

export function toApiPrice(providerId: string, providerName: string, m: CompactModel, file: PriceDataFile, source: string): ApiPrice {
  const { prices: p, note } = pricesAt(m.prices, file.asOf);
  const notes: string[] = [];
  if (note) notes.push(note);
  const input = baseOf(p['input_mtok']);
  const output = baseOf(p['output_mtok']);
  const keys = Object.keys(p);
  if (keys.length === 0) notes.push('listed as free in the price data');
  else if (input === undefined && output === undefined) notes.push('no per-token price in the data: priced by other units (see the extra fields)');
  else if (output === undefined) notes.push('no output-token price in the data (e.g. an embedding model): output tokens are free');
  else if (input === undefined) notes.push('no input-token price in the data: input tokens are free');
  const extra = (key: string) => baseOf(p[key]);
  const audioHours = extra('audio_hours') ?? extra('input_audio_hours');
  const price: ApiPrice = {
    modelId: m.id,
    provider: providerId,
    displayName: m.name ?? m.id,
    inputUsdPerMTok: input ?? 0,
    outputUsdPerMTok: output ?? 0,
    cachedInputUsdPerMTok: baseOf(p['cache_read_mtok']) ?? null,
    cacheWriteUsdPerMTok: baseOf(p['cache_write_mtok']) ?? null,
    batchDiscount: batchOfferFor(providerId)?.discount ?? null,
    source,
    asOf: file.asOf,
    providerName,
    contextWindow: m.context_window ?? null,
    reasoningUsdPerMTok: extra('output_reasoning_mtok') ?? output ?? 0,
  };
  const optional: Partial<ApiPrice> = {
    cacheWrite1hUsdPerMTok: extra('cache_write_1h_mtok'),
    tiers: tiersOf(p),
    inputAudioUsdPerMTok: extra('input_audio_mtok'),
    outputAudioUsdPerMTok: extra('output_audio_mtok'),
    inputImageUsdPerMTok: extra('input_image_mtok'),
    outputImageUsdPerMTok: extra('output_image_mtok'),
    audioUsdPerMinute: audioHours === undefined ? undefined : audioHours / 60,
    webSearchUsdPerThousand: extra('web_searches_kcount'),
    requestUsdPerThousand: extra('requests_kcount'),
    deprecated: m.deprecated ? true : undefined,
    notes: notes.length ? notes : undefined,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (price as unknown as Record<string, unknown>)[k] = v;
  return applyCorrection(price, file.asOf);
}

/** The provider's list price where it corrects the snapshot (price-corrections.ts); the source says so. */
function applyCorrection(price: ApiPrice, catalogAsOf: string): ApiPrice {
  const c = correctionFor(price.provider, price.modelId, catalogAsOf);
  if (!c) return price;
  const { tiers: _dropped, ...rest } = price; // the snapshot's long-context tiers belong to the old price
  return {
    ...rest,
    inputUsdPerMTok: c.inputUsdPerMTok,
    outputUsdPerMTok: c.outputUsdPerMTok,
    cachedInputUsdPerMTok: c.cachedInputUsdPerMTok,
    reasoningUsdPerMTok: c.outputUsdPerMTok,
    source: `${c.page} (read ${c.checked}; corrects ${price.source})`,
    asOf: c.checked,
    // The snapshot's notes describe its own (replaced) price, e.g. a time-of-day rate.
    notes: [`price corrected: ${c.why}`],
  };
}

export function compileCatalog(file: PriceDataFile, source: string): CompiledProvider[] {
  const providers = file.providers.map((p, i) => {
    const rank = providerRank(p.id, i);
    const entries = p.models.map<CatalogEntry>((m) => ({
      price: toApiPrice(p.id, p.name, m, file, source),
      providerRank: rank,
      idLower: m.id.toLowerCase(),
      matches: compileMatch(m.match),
      aliases: equalsStrings(m.match),
    }));
    return {
      id: p.id,
      name: p.name,
      rank,
      modelMatch: p.model_match ? compileMatch(p.model_match) : null,
      fallbacks: p.fallback_model_providers ?? [],
      entries,
    };
  });
  return providers.sort((a, b) => a.rank - b.rank);
}
