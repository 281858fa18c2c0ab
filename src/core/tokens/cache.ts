// Bounded LRU of exact encoding counts keyed by a content hash, so re-analysing a document only tokenizes
// prompts that changed. Keys hash the text (sha1) so long prompts are not kept alive by the cache. One instance
// per engine context (src/core/engine), never module state: the owner decides its lifetime.
import { createHash } from 'node:crypto';

export interface TokenCacheStats { size: number; maxEntries: number; hits: number; misses: number }

export class TokenCountCache {
  private readonly entries = new Map<string, number>();
  private hits = 0;
  private misses = 0;

  /** `maxEntries` 0 disables the cache. */
  constructor(private maxEntries = 5_000) {
    this.maxEntries = Math.max(0, Math.floor(maxEntries));
  }

  /** Set the bound; 0 disables the cache. Shrinking drops the oldest entries. */
  resize(maxEntries: number): void {
    this.maxEntries = Math.max(0, Math.floor(maxEntries));
    while (this.entries.size > this.maxEntries) this.evictOldest();
  }

  clear(): void {
    this.entries.clear();
    this.hits = 0;
    this.misses = 0;
  }

  stats(): TokenCacheStats {
    return { size: this.entries.size, maxEntries: this.maxEntries, hits: this.hits, misses: this.misses };
  }

  /**
   * Count from the cache, or compute, remember and return it. `namespace` names every input of `compute` besides
   * the text (the encoding and the rank generation, see count.ts), so a hit is the value `compute` would return.
   */
  count(namespace: string, text: string, compute: (text: string) => number): number {
    if (this.maxEntries === 0) return compute(text);
    const key = `${namespace}:${createHash('sha1').update(text).digest('base64')}`;
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.hits++;
      this.entries.delete(key); // re-insert: Map order is recency order
      this.entries.set(key, found);
      return found;
    }
    this.misses++;
    const value = compute(text);
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.evictOldest();
    return value;
  }

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}
