// What Anthropic prompt caching (`cache_control` in the code, detect/request/cacheControl.ts) does to a call's
// bill: the static prefix up to the last marked block is read from the cache at the cache-read price, except when
// it has to be written (at the cache-write price). Writes are amortised under a stated assumption: the cache lives
// 5 minutes, so calls spread evenly over the day write it at most once per 5-minute window — 288 a day — and a
// call site with fewer calls than that writes on every call. That bounds the writes from above (a busy window
// refreshes the cache, so real writes can be fewer; bursts after a quiet spell are counted).
import type { PromptPart } from '../detect/types';
import { formatCount } from '../money';

export interface PartTokens { role: string; source: string; tokens: number; placeholders: readonly unknown[] }

/** What the report's `tokens` gains from a detected cache_control (all absent without one). */
export interface PromptCacheTokens {
  /** mean input tokens per call written to the cache (billed at the cache-write price) */
  cacheWriteTokens?: number;
  /** how the cached prefix was priced, or why a marked prefix is not cached (shown with the notes) */
  promptCache?: string;
}

/** 24 h ÷ the 5-minute lifetime of Anthropic's default cache. */
export const CACHE_WINDOWS_PER_DAY = 288;

/**
 * Anthropic caches a prompt prefix only from a minimum length (Anthropic's prompt-caching docs: 1,024 tokens for
 * Sonnet and Opus, 2,048 for Haiku); below it `cache_control` does nothing.
 */
export const minCacheableTokens = (model: string): number => (/haiku/i.test(model) ? 2_048 : 1_024);

export interface PromptCacheResult { readTokens: number; writeTokens: number; note: string }

/**
 * The cached prefix of a call whose prompt parts carry a cache breakpoint, priced per call; null without one.
 * Anthropic's prefix order is tools, system, messages; our parts list tools last, so they are taken first. A cache
 * entry is written for the whole prefix up to the breakpoint and hit only by an identical one: when a part of it
 * changes per request (runtime text, a placeholder), no call reads it and every call writes it.
 */
export function promptCacheFor(promptParts: readonly Pick<PromptPart, 'cacheBreakpoint'>[], parts: readonly PartTokens[], model: string, callsPerDay: number): PromptCacheResult | null {
  let last = -1;
  promptParts.forEach((p, i) => { if (p.cacheBreakpoint) last = i; });
  if (last < 0 || parts.length !== promptParts.length) return null;
  if (!/claude/i.test(model)) return { readTokens: 0, writeTokens: 0, note: `prompt cache: cache_control is Anthropic's field; ${model} does not read it, nothing is priced as cached` };
  const order = [...parts.keys()].filter((i) => parts[i]!.role === 'tools').concat([...parts.keys()].filter((i) => i <= last && parts[i]!.role !== 'tools'));
  const prefix = order.reduce((sum, i) => sum + parts[i]!.tokens, 0);
  const varies = order.some((i) => parts[i]!.source === 'runtime' || parts[i]!.placeholders.length > 0);
  const min = minCacheableTokens(model);
  if (prefix < min) return { readTokens: 0, writeTokens: 0, note: `prompt cache: the prefix up to cache_control is ${formatCount(prefix)} tokens, under the ${formatCount(min)}-token minimum Anthropic caches: not cached` };
  if (varies) return { readTokens: 0, writeTokens: prefix, note: `prompt cache: the ${formatCount(prefix)}-token prefix up to cache_control holds text that changes per request (runtime input or a placeholder), so no call reads it and every call writes it at the cache-write price: move cache_control to the last block that stays the same` };
  const writeShare = Math.min(1, CACHE_WINDOWS_PER_DAY / Math.max(callsPerDay, 1e-9));
  const writeTokens = prefix * writeShare;
  const readTokens = prefix - writeTokens;
  const pct = (x: number) => `${x >= 0.995 || x <= 0.005 ? Math.round(x * 100) : (x * 100).toFixed(1)} %`;
  return {
    readTokens, writeTokens,
    note: `prompt cache (cache_control): the ${formatCount(prefix)}-token prefix is billed at the cache-read price on ${pct(1 - writeShare)} of calls and at the cache-write price on ${pct(writeShare)}: assumes calls spread evenly over the day, so the 5-minute cache is written at most once per 5 minutes (${CACHE_WINDOWS_PER_DAY}/day) at ${formatCount(callsPerDay)} calls/day`,
  };
}
