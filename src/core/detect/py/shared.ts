// Python analyser values (py/value.ts) → the shared request value type (request/value.ts). Python evaluates
// eagerly, so dicts and lists convert entry by entry, on demand.
import { UNKNOWN_VALUE, type SharedValue, type ValueSource } from '../request/value';
import type { Value } from './value';

function sourceOf(src: string): ValueSource {
  return src === 'constant' || src === 'imported' || src === 'file' ? src : 'literal';
}

export function toShared(v: Value | undefined): SharedValue {
  if (!v) return UNKNOWN_VALUE;
  switch (v.t) {
    case 'str':
      return v.placeholders.length
        ? { k: 'text', text: v.text, holes: [...v.placeholders], src: sourceOf(v.src), ...(v.from ? { from: v.from } : {}) }
        : { k: 'lit', value: v.text, src: sourceOf(v.src), ...(v.from ? { from: v.from } : {}) };
    case 'num': return { k: 'lit', value: v.value, src: 'literal' };
    case 'bool': return { k: 'lit', value: v.value, src: 'literal' };
    case 'none': return { k: 'lit', value: null, src: 'literal' };
    case 'env': return { k: 'env', name: v.name, def: v.def ? toShared(v.def) : null };
    case 'dict': return dictToShared(v.entries, !!v.partial, v.ctor);
    case 'list': {
      const items = v.items;
      return { k: 'list', items: () => items.map(toShared), partial: !!v.partial };
    }
    case 'client': return { k: 'call', callee: [v.row?.name ?? v.sdk.sdk, ...v.path].join('.'), native: v };
    case 'lc': return { k: 'call', callee: v.ctorName, native: v };
    // a LangChain prompt template: its messages, each with its role
    case 'template': {
      const parts = v.parts;
      return { k: 'list', partial: false, items: () => parts.map((p) => dictToShared(new Map<string, Value>([['role', { t: 'str', text: p.role, placeholders: [], src: 'literal' }], ['content', p.value]]))) };
    }
    default: return { k: 'unknown', hint: v.t };
  }
}

/** Keyword arguments (or any name → value map) as a shared object. */
export function dictToShared(entries: Map<string, Value>, partial = false, ctor?: string): SharedValue {
  const cache = new Map<string, SharedValue>();
  return {
    k: 'object', partial, ...(ctor ? { ctor } : {}),
    get: (key) => {
      if (!cache.has(key)) {
        const v = entries.get(key);
        if (v === undefined) return undefined;
        cache.set(key, toShared(v));
      }
      return cache.get(key);
    },
    keys: () => [...entries.keys()],
  };
}
