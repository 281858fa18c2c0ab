import { getEncoder } from './bpe';
import { cachedCount } from './cache';
import { tokenizerFor } from './models';
import { ranksGeneration } from './ranks';
import type { EncodingName, TokenCount, TokenizerInfo } from './types';

// Float products like 100 × 1.1 = 110.00000000000001 must not widen a band by a whole token.
const EPS = 1e-9;
const unavailable = new Map<EncodingName, string>();
let failuresGeneration = 0;

/** Exact count in `encoding`, or null when its ranks cannot be loaded (reason remembered, reported in notes). */
function encodingCount(encoding: EncodingName, text: string): number | null {
  if (text === '') return 0;
  if (failuresGeneration !== ranksGeneration()) {
    unavailable.clear();
    failuresGeneration = ranksGeneration();
  }
  if (unavailable.has(encoding)) return null;
  try {
    return cachedCount(encoding, text, (t) => getEncoder(encoding).count(t));
  } catch (err) {
    unavailable.set(encoding, err instanceof Error ? err.message : String(err));
    return null;
  }
}

/** Forget load failures (after setRanksDir points somewhere new). */
export function resetTokenizerFailures(): void {
  unavailable.clear();
}

// Without rank files: ~4 UTF-8 bytes per token for English and code, with a wide band.
const FALLBACK_BYTES_PER_TOKEN = 4;
const FALLBACK_BAND: [number, number] = [0.5, 2];

/**
 * Build a count from a base amount in `info.encoding` tokens plus `framing` tokens that are already in the
 * model's own units. Exact tokenizers keep low === high === tokens.
 */
function scaled(info: TokenizerInfo, text: string, framing: number, framingNote?: string): TokenCount {
  const base = encodingCount(info.encoding, text);
  const notes = [info.note];
  if (framingNote) notes.push(framingNote);
  if (base === null) {
    const estimate = Buffer.byteLength(text, 'utf8') / FALLBACK_BYTES_PER_TOKEN;
    notes.unshift(`tokenizer ranks unavailable (${unavailable.get(info.encoding)}); estimated from bytes ÷ ${FALLBACK_BYTES_PER_TOKEN}`);
    return {
      tokens: Math.round(estimate * info.ratio) + framing,
      basis: 'approx',
      tokenizer: `bytes ÷ ${FALLBACK_BYTES_PER_TOKEN}`,
      low: Math.floor(estimate * info.band[0] * FALLBACK_BAND[0] + EPS) + framing,
      high: Math.ceil(estimate * info.band[1] * FALLBACK_BAND[1] - EPS) + framing,
      note: notes.join('; '),
    };
  }
  if (info.exact) {
    const tokens = base + framing;
    return { tokens, basis: 'exact', tokenizer: info.encoding, low: tokens, high: tokens, note: notes.join('; ') };
  }
  return {
    tokens: Math.round(base * info.ratio) + framing,
    basis: 'approx',
    tokenizer: `${info.family} ≈ ${info.encoding} × ${info.ratio}`,
    low: Math.floor(base * info.band[0] + EPS) + framing,
    high: Math.ceil(base * info.band[1] - EPS) + framing,
    note: notes.join('; '),
  };
}

/** Tokens of `text` for `model` (null = unknown model): exact for OpenAI encodings, ≈ with a band otherwise. */
export function countTokens(text: string, model: string | null): TokenCount {
  return scaled(tokenizerFor(model), text, 0);
}

/**
 * Tokens of a chat request's messages including the chat format's framing (turn markers, reply priming);
 * see `TokenizerInfo.framing` for the figures per family and their source.
 */
export function countChatTokens(messages: { role: string; content: string; name?: string }[], model: string | null): TokenCount {
  const info = tokenizerFor(model);
  if (messages.length === 0) return scaled(info, '', 0);
  const { perMessage, perRequest, countRole, source } = info.framing;
  const perName = info.framing.perName ?? 0;
  const framing = perMessage * messages.length + perRequest + perName * messages.filter((m) => m.name).length;
  // Counting each content separately keeps the sum exact (no merges across messages) and lets the cache hit
  // per message; the role names are part of the base count when the format tokenizes them.
  const parts: TokenCount[] = [];
  for (const m of messages) {
    parts.push(scaled(info, m.content, 0));
    if (countRole) parts.push(scaled(info, m.role, 0));
    // Formats with a name field send it as text in the turn header (OpenAI); elsewhere it is not sent at all.
    if (m.name && info.framing.perName !== undefined) parts.push(scaled(info, m.name, 0));
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
