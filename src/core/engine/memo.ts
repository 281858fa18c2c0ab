// The engine's cache shapes. Each entry stores the inputs it was computed from and is reused only when every one of
// them is the same (Object.is, element by element): a caller cannot get a stale value without passing stale inputs,
// and the inputs are read from the same place the computation reads them (see context.ts). Counters are for tests
// and the bench, never for timing.

export interface MemoStats { hits: number; misses: number }

const same = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

/**
 * A few entries per owner object (a detected call), held weakly: they go when the owner does. More than one because
 * a scan asks twice per call with different inputs (an unresolved call is costed while files are analysed, before the
 * workspace's most used model is known, and again with it in result()); one slot made both miss on every re-scan.
 */
export class ObjectMemo<O extends object, V> {
  private entries = new WeakMap<O, { inputs: readonly unknown[]; value: V }[]>();
  readonly stats: MemoStats = { hits: 0, misses: 0 };

  constructor(private readonly perOwner = 2) {}

  get(owner: O, inputs: readonly unknown[], compute: () => V): V {
    const list = this.entries.get(owner) ?? [];
    const i = list.findIndex((e) => same(e.inputs, inputs));
    if (i >= 0) {
      this.stats.hits++;
      const [hit] = list.splice(i, 1);
      list.unshift(hit!);
      return hit!.value;
    }
    this.stats.misses++;
    const value = compute();
    list.unshift({ inputs, value });
    list.length = Math.min(list.length, this.perOwner);
    this.entries.set(owner, list);
    return value;
  }

  clear(): void {
    this.entries = new WeakMap();
  }
}

/** The last few computations (a re-scan that changed nothing asks again with the same inputs); most recent first. */
export class RecentMemo<V> {
  private entries: { inputs: readonly unknown[]; value: V }[] = [];
  readonly stats: MemoStats = { hits: 0, misses: 0 };

  constructor(private readonly limit: number) {}

  get(inputs: readonly unknown[], compute: () => V): V {
    const i = this.entries.findIndex((e) => same(e.inputs, inputs));
    if (i >= 0) {
      this.stats.hits++;
      const [hit] = this.entries.splice(i, 1);
      this.entries.unshift(hit!);
      return hit!.value;
    }
    this.stats.misses++;
    const value = compute();
    this.entries.unshift({ inputs, value });
    this.entries.length = Math.min(this.entries.length, this.limit);
    return value;
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.entries = [];
  }
}

/**
 * String-keyed values per owner object (the price catalog they were computed with), held weakly per owner; the
 * `limit` most recently used per owner are kept. The key must encode every other input (see context.ts).
 */
export class KeyedMemo<O extends object, V> {
  private entries = new WeakMap<O, Map<string, V>>();
  readonly stats: MemoStats = { hits: 0, misses: 0 };

  constructor(private readonly limit: number) {}

  get(owner: O, key: string, compute: () => V): V {
    let map = this.entries.get(owner);
    if (map === undefined) this.entries.set(owner, (map = new Map()));
    if (map.has(key)) {
      this.stats.hits++;
      const hit = map.get(key) as V;
      map.delete(key);
      map.set(key, hit);
      return hit;
    }
    this.stats.misses++;
    const value = compute();
    map.set(key, value);
    if (map.size > this.limit) map.delete(map.keys().next().value as string);
    return value;
  }

  clear(): void {
    this.entries = new WeakMap();
  }
}

/**
 * A value as a key string: JSON, with NaN and ±Infinity spelled out (plain JSON makes them null, like a null field).
 * An undefined field and a missing one give the same key: the engine reads both alike (`?? default`).
 */
export function valueKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? { '\u0000number': String(v) } : v));
}

/** Freezes a value and everything it holds: a memo's stored values are handed to many callers. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
