// Anthropic prompt caching as the code writes it: `cache_control: {type: "ephemeral"}` on a system block, a
// content block or a message marks the end of the prefix the provider caches (tools, then system, then messages
// up to that block). The request walk (prompts.ts) marks the part such a block produced; what the prefix costs is
// the scan's business (scan/promptCache.ts).
import type { PromptPart } from '../types';
import type { SharedValue } from './value';

/** `{..., cache_control: {type: "ephemeral"}}` (the only cache type Anthropic defines; `ttl` may be given too). */
export function hasEphemeralCacheControl(v: SharedValue): boolean {
  if (v.k !== 'object') return false;
  const cc = v.get('cache_control');
  if (cc?.k !== 'object') return false;
  const type = cc.get('type');
  return type?.k === 'lit' && type.value === 'ephemeral';
}

/** Marks the last part `block` added to `out` (from index `first` on) as a cache breakpoint. */
export function markCacheBreakpoint(block: SharedValue, out: PromptPart[], first: number): void {
  if (out.length > first && hasEphemeralCacheControl(block)) out[out.length - 1] = { ...out[out.length - 1]!, cacheBreakpoint: true };
}
