// Bounded LRU of exact encoding counts keyed by a content hash, so re-analysing a document only tokenizes
// prompts that changed. Keys hash the text (sha1) so long prompts are not kept alive by the cache.
import { createHash } from 'node:crypto';

let maxEntries = 5_000;
const entries = new Map<string, number>();
let hits = 0;
let misses = 0;

/** Set the bound; 0 disables the cache. Shrinking drops the oldest entries. */
export function configureTokenCache(options: { maxEntries: number }): void {
  maxEntries = Math.max(0, Math.floor(options.maxEntries));
  while (entries.size > maxEntries) evictOldest();
}

export function clearTokenCache(): void {
  entries.clear();
  hits = 0;
  misses = 0;
}

export function tokenCacheStats(): { size: number; maxEntries: number; hits: number; misses: number } {
  return { size: entries.size, maxEntries, hits, misses };
}

function evictOldest(): void {
  const oldest = entries.keys().next();
  if (!oldest.done) entries.delete(oldest.value);
}

/** Count from the cache, or compute, remember and return it. */
export function cachedCount(namespace: string, text: string, compute: (text: string) => number): number {
  if (maxEntries === 0) return compute(text);
  const key = `${namespace}:${createHash('sha1').update(text).digest('base64')}`;
  const found = entries.get(key);
  if (found !== undefined) {
    hits++;
    entries.delete(key); // re-insert: Map order is recency order
    entries.set(key, found);
    return found;
  }
  misses++;
  const value = compute(text);
  entries.set(key, value);
  if (entries.size > maxEntries) evictOldest();
  return value;
}
