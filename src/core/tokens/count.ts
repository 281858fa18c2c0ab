import { getEncoder } from './bpe';
import type { TokenCountCache } from './cache';
import { tokenizerFor } from './models';
import { ranksGeneration } from './ranks';
import type { EncodingName, TokenCount, TokenizerInfo } from './types';

// Float products like 100 × 1.1 = 110.00000000000001 must not widen a band by a whole token.
const EPS = 1e-9;

/**
 * Counts tokens, optionally through a count cache (the engine context's). Rank load failures are remembered per
 * counter and per rank generation (setRanksDir), so a new rank location retries them.
 */
export class TokenCounter {
  private readonly unavailable = new Map<EncodingName, string>();
  private failuresGeneration = ranksGeneration();

  constructor(readonly cache: TokenCountCache | null = null) {}

  /** Tokens of `text` for `model` (null = unknown model): exact for OpenAI encodings, ≈ with a band otherwise. */
  countTokens(text: string, model: string | null): TokenCount {
    return this.scaled(tokenizerFor(model), text);
  }

  /**
   * Tokens of a chat request's messages including the chat format's framing (turn markers, reply priming);
   * see `TokenizerInfo.framing` for the figures per family and their source.
   */
  countChatTokens(messages: { role: string; content: string; name?: string }[], model: string | null): TokenCount {
    return chatTokens(messages, tokenizerFor(model), (info, text) => this.scaled(info, text));
  }

  /** Exact count in `encoding`, or null when its ranks cannot be loaded (reason remembered, reported in notes). */
  private encodingCount(encoding: EncodingName, text: string): number | null {
    if (text === '') return 0;
    const generation = ranksGeneration();
    if (this.failuresGeneration !== generation) {
      this.unavailable.clear();
      this.failuresGeneration = generation;
    }
    if (this.unavailable.has(encoding)) return null;
    try {
      const compute = (t: string) => getEncoder(encoding).count(t);
      // The rank generation is part of the key: counts made from another rank location are never reused.
      return this.cache ? this.cache.count(`${encoding}@${generation}`, text, compute) : compute(text);
    } catch (err) {
      this.unavailable.set(encoding, err instanceof Error ? err.message : String(err));
      return null;
    }
  }

  private scaled(info: TokenizerInfo, text: string): TokenCount {
    const base = this.encodingCount(info.encoding, text);
    return scaledCount(info, text, base, this.unavailable.get(info.encoding));
  }
}

/** Tokens of `text` for `model` with a fresh, uncached counter (tests, one-off counts). */
export function countTokens(text: string, model: string | null): TokenCount {
  return new TokenCounter().countTokens(text, model);
}

/** Chat tokens with a fresh, uncached counter (tests, one-off counts). */
export function countChatTokens(messages: { role: string; content: string; name?: string }[], model: string | null): TokenCount {
  return new TokenCounter().countChatTokens(messages, model);
}

// Without rank files: ~4 UTF-8 bytes per token for English and code, with a wide band.
const FALLBACK_BYTES_PER_TOKEN = 4;
const FALLBACK_BAND: [number, number] = [0.5, 2];

/** A count in the model's units from a base amount in `info.encoding` tokens. Exact tokenizers keep low === high === tokens. */
function scaledCount(info: TokenizerInfo, text: string, base: number | null, unavailable: string | undefined): TokenCount {
  const notes = [info.note];
  if (base === null) {
    const estimate = Buffer.byteLength(text, 'utf8') / FALLBACK_BYTES_PER_TOKEN;
    notes.unshift(`tokenizer ranks unavailable (${unavailable}); estimated from bytes ÷ ${FALLBACK_BYTES_PER_TOKEN}`);
    return {
      tokens: Math.round(estimate * info.ratio),
      basis: 'approx',
      tokenizer: `bytes ÷ ${FALLBACK_BYTES_PER_TOKEN}`,
      low: Math.floor(estimate * info.band[0] * FALLBACK_BAND[0] + EPS),
      high: Math.max(0, Math.ceil(estimate * info.band[1] * FALLBACK_BAND[1] - EPS)), // max: ceil(-EPS) is -0
      note: notes.join('; '),
    };
  }
  if (info.exact) return { tokens: base, basis: 'exact', tokenizer: info.encoding, low: base, high: base, note: notes.join('; ') };
  return {
    tokens: Math.round(base * info.ratio),
    basis: 'approx',
    tokenizer: `${info.family} ≈ ${info.encoding} × ${info.ratio}`,
    low: Math.floor(base * info.band[0] + EPS),
    high: Math.max(0, Math.ceil(base * info.band[1] - EPS)),
    note: notes.join('; '),
  };
}

function chatTokens(messages: { role: string; content: string; name?: string }[], info: TokenizerInfo, scaled: (info: TokenizerInfo, text: string) => TokenCount): TokenCount {
  if (messages.length === 0) return scaled(info, '');
  const { perMessage, perRequest, countRole, source } = info.framing;
  const perName = info.framing.perName ?? 0;
  const framing = perMessage * messages.length + perRequest + perName * messages.filter((m) => m.name).length;
  // Counting each content separately keeps the sum exact (no merges across messages) and lets the cache hit
  // per message; the role names are part of the base count when the format tokenizes them.
  const parts: TokenCount[] = [];
  for (const m of messages) {
    parts.push(scaled(info, m.content));
    if (countRole) parts.push(scaled(info, m.role));
    // Formats with a name field send it as text in the turn header (OpenAI); elsewhere it is not sent at all.
    if (m.name && info.framing.perName !== undefined) parts.push(scaled(info, m.name));
  }
  const content = sumCounts(parts);
  return {
    ...content,
    tokens: content.tokens + framing,
    low: content.low + framing,
    high: content.high + framing,
    note: `${info.note}; chat framing ${framing} tokens (${source})`,
  };
}

/** Sum of counts: approx if any part is approx; bands add. An empty list is an exact 0. */
export function sumCounts(counts: TokenCount[]): TokenCount {
  if (counts.length === 0) return { tokens: 0, basis: 'exact', tokenizer: 'none', low: 0, high: 0 };
  const tokenizers = [...new Set(counts.map((c) => c.tokenizer))];
  const notes = [...new Set(counts.map((c) => c.note).filter((n): n is string => !!n))];
  const sum: TokenCount = {
    tokens: counts.reduce((s, c) => s + c.tokens, 0),
    basis: counts.some((c) => c.basis === 'approx') ? 'approx' : 'exact',
    tokenizer: tokenizers.join(' + '),
    low: counts.reduce((s, c) => s + c.low, 0),
    high: counts.reduce((s, c) => s + c.high, 0),
  };
  if (notes.length > 0) sum.note = notes.join('; ');
  return sum;
}
