// The one value type every language front end produces for a request's arguments. The request interpreter
// (fields.ts) reads only these, so a rule about `max_tokens` or `thinking.budget_tokens` is written once.
// Objects and lists are lazy: a front end that evaluates on demand (TS) only evaluates the keys a rule asks for.

/** Where a text came from; `env-default` is the default of an environment variable or a runtime value (`x ?? "m"`). */
export type ValueSource = 'literal' | 'constant' | 'imported' | 'file' | 'env-default';

export interface Where { file: string; line: number }

export type SharedValue =
  /** a literal or a constant the front end resolved (string, number, boolean, null/None) */
  | { k: 'lit'; value: string | number | boolean | null; src: ValueSource; from?: Where }
  /** a concatenation or template (f-string, template literal, `+`) with runtime holes, named by their source text */
  | { k: 'text'; text: string; holes: string[]; src: ValueSource; from?: Where }
  /** a dict / object literal; `ctor` names the class that built it (`SystemMessage(...)`); `partial`: some keys unknown */
  | {
    k: 'object'; get(key: string): SharedValue | undefined; keys(): string[]; partial: boolean; ctor?: string;
    /** optional: the first string/number under any of `keys` anywhere inside (TS: requests built in a `.map` callback) */
    deepFind?(keys: readonly string[]): SharedValue | undefined;
  }
  | { k: 'list'; items(): SharedValue[]; partial: boolean }
  /** a reference to an environment variable (`os.environ["X"]`, `process.env.X`), with its default when given */
  | { k: 'env'; name: string; def: SharedValue | null }
  /** an object a call made that the front end knows (an SDK client, a model factory); `native` is the front end's own value */
  | { k: 'call'; callee: string; native: unknown }
  /** only known at run time; `hint` says what the front end saw (a parameter, an unresolved import, ...) */
  | { k: 'unknown'; hint?: string };

export const UNKNOWN_VALUE: SharedValue = { k: 'unknown' };

export function objectOf(entries: Map<string, SharedValue>, partial = false, ctor?: string): SharedValue {
  return { k: 'object', get: (key) => entries.get(key), keys: () => [...entries.keys()], partial, ...(ctor ? { ctor } : {}) };
}

/** A plain string value (no holes), or null. */
export function textOf(v: SharedValue | undefined): string | null {
  return v?.k === 'lit' && typeof v.value === 'string' ? v.value : null;
}

export function numberOf(v: SharedValue | undefined): number | null {
  return v?.k === 'lit' && typeof v.value === 'number' ? v.value : null;
}

export function boolOf(v: SharedValue | undefined): boolean | null {
  return v?.k === 'lit' && typeof v.value === 'boolean' ? v.value : null;
}

/** Absent or None/null/undefined: says nothing about the request. */
export function isNothing(v: SharedValue | undefined): boolean {
  return !v || (v.k === 'lit' && v.value === null);
}
