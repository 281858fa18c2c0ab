// TS/JS analyser values (ts/values.ts) → the shared request value type (request/value.ts). Objects stay lazy:
// a key is evaluated only when a request rule asks for it.
import { objectOf, UNKNOWN_VALUE, type SharedValue } from '../request/value';
import { langChainMessage } from './prompts';
import { keyName } from './syntax';
import { elements, entries } from './objects';
import { evaluate, isLangChainPkg, pkgPath, type Ref, type Val } from './values';

/** A literal reached through a spread of a constant object (`...DEFAULTS`) is a constant for this request. */
function viaConstant(ref: Ref, p: Ref, val: Val): Val {
  const inside = p.fc === ref.fc && p.node.startIndex >= ref.node.startIndex && p.node.endIndex <= ref.node.endIndex;
  return !inside && (val.t === 'str' || val.t === 'num') && val.src === 'literal' ? { ...val, src: 'constant' } : val;
}

export function objectRef(ref: Ref): SharedValue {
  // the entries are listed once (spreads and later assignments applied, the last one per key wins, as propNode):
  // the request rules ask for dozens of keys, most of them absent
  let byKey: Map<string, Ref> | null = null;
  const entryOf = (key: string): Ref | undefined => {
    byKey ??= new Map(entries(ref).map((e) => [e.key, e.value]));
    return byKey.get(key);
  };
  return {
    k: 'object', partial: false,
    get: (key) => {
      const p = entryOf(key);
      return p ? toShared(viaConstant(ref, p, evaluate(p.node, p.fc))) : undefined;
    },
    keys: () => entries(ref).map((e) => e.key),
    // a key anywhere inside the options (batch requests built in a `.map` callback)
    deepFind: (keys) => {
      for (const pair of ref.node.descendantsOfType('pair')) {
        const key = keyName(pair.childForFieldName('key'));
        const value = pair.childForFieldName('value');
        if (!key || !value || !keys.includes(key)) continue;
        const val = evaluate(value, ref.fc);
        if (val.t === 'str' || val.t === 'num') return toShared(val);
      }
      return undefined;
    },
  };
}

export function toShared(v: Val): SharedValue {
  switch (v.t) {
    case 'str':
      return v.placeholders.length
        ? { k: 'text', text: v.value, holes: [...v.placeholders], src: v.src, ...(v.from ? { from: v.from } : {}) }
        : { k: 'lit', value: v.value, src: v.src, ...(v.from ? { from: v.from } : {}) };
    case 'num': return { k: 'lit', value: v.value, src: v.src };
    case 'bool': return { k: 'lit', value: v.value, src: 'literal' };
    case 'null': return { k: 'lit', value: null, src: 'literal' };
    case 'env': return { k: 'env', name: v.name, def: null };
    case 'obj': return objectRef(v.ref);
    case 'arr': {
      const ref = v.ref;
      return { k: 'list', items: () => elements(ref).map((e) => toShared(evaluate(e.node, e.fc))), partial: false };
    }
    case 'pkg': {
      const msg = isLangChainPkg(v.pkg) ? langChainMessage(v) : null;
      if (msg?.role) return objectOf(new Map([['role', { k: 'lit', value: msg.role, src: 'literal' }], ['content', toShared(msg.content)]]));
      if (msg) return { k: 'unknown', hint: 'MessagesPlaceholder' };
      return { k: 'call', callee: pkgPath(v), native: v };
    }
    case 'chain': return { k: 'call', callee: 'chain', native: v };
    default: return UNKNOWN_VALUE;
  }
}

export function refToShared(ref: Ref | null | undefined): SharedValue | null {
  return ref ? objectRef(ref) : null;
}
