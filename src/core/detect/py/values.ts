// Static evaluation of Python expressions: literals, f-strings, concatenation, names, attributes (module paths,
// client paths, class and instance attributes, properties), dicts, lists, `a or b`, `|` composition.
import type { Node } from 'web-tree-sitter';
import { PASSTHROUGH, isSelf, type PyFile } from './file';
import { callValue, construct } from './calls';
import { composeRunnables } from './langchain';
import { dirOf, joinPath } from './paths';
import { decodeEscapes, str } from './strings';
import { UNKNOWN, type Value } from './value';
import { parentOf } from '../ancestors';

export function evalUncached(f: PyFile, node: Node): Value {
  switch (f.typeOf(node)) {
    case 'string': return stringValue(f, node);
    case 'concatenated_string': return concat(f, node.namedChildren.map((c) => (c ? f.eval(c) : UNKNOWN)));
    case 'integer': {
      const n = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(n) ? { t: 'num', value: n } : UNKNOWN;
    }
    case 'float': return { t: 'num', value: Number(node.text.replace(/_/g, '')) };
    case 'true': return { t: 'bool', value: true };
    case 'false': return { t: 'bool', value: false };
    case 'none': return { t: 'none' };
    case 'identifier': return identifier(f, node);
    case 'parenthesized_expression':
    case 'await':
    case 'expression_statement': {
      const inner = node.namedChild(0);
      return inner ? f.eval(inner) : UNKNOWN;
    }
    case 'attribute': return attribute(f, node);
    case 'call': return callValue(f, node);
    case 'dictionary': return dict(f, node);
    case 'list':
    case 'tuple': return list(f, node);
    // `[{"params": {...}} for p in prompts]`: one element's shape, the count known only at run time
    case 'list_comprehension': {
      const body = node.childForFieldName('body');
      return body ? { t: 'list', items: [f.eval(body)] } : UNKNOWN;
    }
    case 'binary_operator': return binary(f, node);
    case 'boolean_operator': {
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      const lv = l ? f.eval(l) : UNKNOWN;
      const rv = r ? f.eval(r) : UNKNOWN;
      if (node.child(1)?.type !== 'or') return UNKNOWN;
      if (lv.t === 'env' && !lv.def) return { ...lv, def: rv.t === 'str' ? rv : null };
      if (lv.t === 'unknown' || lv.t === 'none') return rv;
      return lv;
    }
    case 'conditional_expression': {
      for (const c of [node.namedChild(0), node.namedChild(2)]) {
        if (!c) continue;
        const v = f.eval(c);
        if (v.t !== 'unknown' && v.t !== 'none') return v;
      }
      return UNKNOWN;
    }
    case 'subscript': {
      const base = node.childForFieldName('value');
      const idx = node.childForFieldName('subscript');
      if (!base || !idx) return UNKNOWN;
      const bv = f.eval(base);
      if (bv.t === 'module' && (bv.name === 'os.environ')) {
        const k = f.eval(idx);
        return k.t === 'str' ? { t: 'env', name: k.text, def: null } : UNKNOWN;
      }
      if (bv.t === 'dict') {
        const k = f.eval(idx);
        return k.t === 'str' ? bv.entries.get(k.text) ?? UNKNOWN : UNKNOWN;
      }
      return UNKNOWN;
    }
    default: return UNKNOWN;
  }
}

export function stringValue(f: PyFile, node: Node): Value {
  const start = node.child(0);
  const prefix = (start?.text ?? '').replace(/['"]/g, '').toLowerCase();
  const raw = prefix.includes('r');
  const isF = prefix.includes('f');
  let text = '';
  const placeholders: string[] = [];
  let envBase: string | undefined;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'string_content') text += raw ? c.text : decodeEscapes(c.text);
    else if (c.type === 'escape_sequence') text += raw ? c.text : decodeEscapes(c.text);
    else if (c.type === 'interpolation') {
      const expr = c.childForFieldName('expression') ?? c.namedChild(0);
      const v = expr ? f.eval(expr) : UNKNOWN;
      if (v.t === 'str' && !v.placeholders.length) text += v.text;
      else if (v.t === 'env' && text === '' && !envBase) {
        // f"{os.getenv('BASE_URL')}/chat/completions": a URL whose host comes from the environment
        if (v.def?.t === 'str') text += v.def.text;
        else {
          envBase = v.name;
          text += `{${v.name}}`;
          placeholders.push(v.name);
        }
      } else if (v.t === 'str' && v.envBase && text === '' && !envBase) {
        envBase = v.envBase;
        text += v.text;
        placeholders.push(...v.placeholders);
      } else {
        const name = expr?.text ?? '';
        text += `{${name}}`;
        if (!placeholders.includes(name)) placeholders.push(name);
      }
    }
  }
  if (prefix.includes('b')) return UNKNOWN;
  const v = str(text, 'literal') as Extract<Value, { t: 'str' }>;
  // Braces are placeholders only where the code formats: f-strings here; `.format`/`format_map`, LangChain
  // templates and prompt files add them where they are used (calls.ts, langchain.ts, asTemplate). A plain
  // `"Reply as JSON like {answer}"` is sent as written.
  v.placeholders = isF ? placeholders : [];
  if (isF && envBase) v.envBase = envBase;
  return v;
}

export function concat(f: PyFile, parts: Value[]): Value {
  if (parts.some((p) => p.t !== 'str')) return parts.every((p) => p.t === 'unknown') ? UNKNOWN : UNKNOWN;
  const strs = parts as Extract<Value, { t: 'str' }>[];
  const text = strs.map((s) => s.text).join('');
  const placeholders = [...new Set(strs.flatMap((s) => s.placeholders))];
  const src = strs.some((s) => s.src === 'file') ? 'file' : strs.some((s) => s.src === 'imported') ? 'imported' : strs.some((s) => s.src === 'constant') ? 'constant' : 'literal';
  const from = strs.find((s) => s.from)?.from;
  return { t: 'str', text, placeholders, src, ...(from ? { from } : {}) };
}

export function identifier(f: PyFile, node: Node): Value {
  const name = f.textOf(node);
  const v = f.lookup(name, node);
  if (v.t !== 'unknown') return v;
  if (name === '__file__') return { t: 'path', rel: f.relPath };
  if (['open', 'dict', 'str', 'Path', 'getenv'].includes(name)) return { t: 'module', name: `builtins.${name}` };
  return UNKNOWN;
}

export function attribute(f: PyFile, node: Node): Value {
  const { object: objNode, name: attr } = f.attr(node);
  if (!objNode || !attr) return UNKNOWN;
  if (isSelf(f, objNode)) {
    const cls = f.enclosingClass(node);
    if (cls) {
      const v = classAttr(f, cls, attr, node);
      if (v.t !== 'unknown') return v;
      // `class AzureClient(Base, AsyncAzureOpenAI)`: `self` is itself an SDK client
      const client = inheritedClient(f, cls);
      return client ? { ...client, path: PASSTHROUGH.has(attr) ? client.path : [...client.path, attr] } : v;
    }
  }
  const obj = f.eval(objNode);
  switch (obj.t) {
    case 'module': return { t: 'module', name: `${obj.name}.${attr}` };
    case 'client': return PASSTHROUGH.has(attr) ? obj : { ...obj, path: [...obj.path, attr] };
    case 'path': return attr === 'parent' ? { t: 'path', rel: dirOf(obj.rel) } : UNKNOWN;
    case 'class': return classAttr(obj.owner as PyFile, obj.node, attr, node);
    case 'dict': return obj.entries.get(attr) ?? (obj.instance ? instanceAttr(obj.instance, attr, node) : UNKNOWN);
    default: return UNKNOWN;
  }
}

/** The SDK client a class derives from (one of its bases is an SDK client class), or null. */
function inheritedClient(f: PyFile, cls: Node): Extract<Value, { t: 'client' }> | null {
  for (const base of cls.childForFieldName('superclasses')?.namedChildren ?? []) {
    if (!base || (base.type !== 'identifier' && base.type !== 'attribute')) continue;
    const b = f.eval(base);
    if (b.t !== 'module') continue;
    const made = construct(f, b.name, [], new Map(), base);
    if (made.t === 'client' && made.row?.role !== 'model') return made;
  }
  return null;
}

export function classAttr(f: PyFile, cls: Node, attr: string, at: Node): Value {
  const b = f.pick(f.selfAttrs.get(cls.id)?.get(attr), Number.MAX_SAFE_INTEGER);
  const pref = f.selfAttrs.get(cls.id)?.get(attr)?.find((x) => enclosingFunctionName(f, x.node) === '__init__');
  const chosen = pref ?? b;
  if (chosen) {
    const v = f.bindingValue(chosen, attr);
    if (v.t !== 'unknown') return v;
  }
  const scope = f.scopes.get(cls.id);
  const cb = f.pick(scope?.bindings.get(attr), Number.MAX_SAFE_INTEGER);
  if (cb) {
    const v = f.bindingValue(cb, attr);
    if (v.t === 'function') return isProperty(f, v.node) ? returnValue(f, v.node) : v;
    return v;
  }
  void at;
  return UNKNOWN;
}

/**
 * An attribute of an instance: the class's value for it (class attribute default, `self.x = ...`), else the
 * constructor argument `__init__` stores in it (`def __init__(self, model_name): self.name = model_name`).
 */
function instanceAttr(inst: NonNullable<Extract<Value, { t: 'dict' }>['instance']>, attr: string, at: Node): Value {
  const owner = inst.owner as PyFile;
  const v = classAttr(owner, inst.cls, attr, at);
  if (v.t !== 'unknown') return v;
  const stored = owner.selfAttrs.get(inst.cls.id)?.get(attr)?.find((x) => enclosingFunctionName(owner, x.node) === '__init__');
  if (stored?.node.type !== 'identifier') return UNKNOWN;
  let init: Node | null = stored.node.parent;
  while (init && init.type !== 'function_definition') init = init.parent;
  const params = (init?.childForFieldName('parameters')?.namedChildren ?? []).filter((p): p is Node => !!p);
  const names = params.map((p) => (p.type === 'identifier' ? p.text : p.childForFieldName('name')?.text ?? p.namedChildren.find((c) => c?.type === 'identifier')?.text ?? ''));
  const index = names.indexOf(stored.node.text);
  if (index < 1) return UNKNOWN; // 0 is self
  return inst.kwargs.get(stored.node.text) ?? inst.positional[index - 1] ?? UNKNOWN;
}

export function enclosingFunctionName(f: PyFile, node: Node): string | null {
  for (let p = parentOf(node); p; p = parentOf(p)) if (p.type === 'function_definition') return p.childForFieldName('name')?.text ?? null;
  return null;
}

export function isProperty(f: PyFile, fn: Node): boolean {
  const dec = parentOf(fn)?.type === 'decorated_definition' ? parentOf(fn) : null;
  return !!dec && dec.namedChildren.some((d) => d?.type === 'decorator' && /property\b/.test(d.text));
}

export function returnValue(f: PyFile, fn: Node): Value {
  const body = fn.childForFieldName('body');
  if (!body) return UNKNOWN;
  const stack: Node[] = [body];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'return_statement') {
      const e = n.namedChild(0);
      const v = e ? f.eval(e) : UNKNOWN;
      if (v.t !== 'unknown' && v.t !== 'none') return v;
      continue;
    }
    if (n !== body && (n.type === 'function_definition' || n.type === 'class_definition')) continue;
    for (const c of n.namedChildren) if (c) stack.push(c);
  }
  return UNKNOWN;
}

export function dict(f: PyFile, node: Node): Value {
  const entries = new Map<string, Value>();
  let partial = false;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'pair') {
      const k = c.childForFieldName('key');
      const v = c.childForFieldName('value');
      const kv = k ? f.eval(k) : UNKNOWN;
      if (kv.t === 'str' && v) entries.set(kv.text, f.eval(v));
      else partial = true;
    } else if (c.type === 'dictionary_splat') {
      const inner = c.namedChild(0);
      const v = inner ? f.eval(inner) : UNKNOWN;
      if (v.t === 'dict') for (const [k, val] of v.entries) entries.set(k, val);
      else partial = true;
    } else partial = true;
  }
  return { t: 'dict', entries, ...(partial ? { partial } : {}) };
}

export function list(f: PyFile, node: Node): Value {
  const items: Value[] = [];
  let partial = false;
  for (const c of node.namedChildren) {
    if (!c) continue;
    if (c.type === 'list_splat') {
      const inner = c.namedChild(0);
      const v = inner ? f.eval(inner) : UNKNOWN;
      if (v.t === 'list') items.push(...v.items);
      else partial = true;
    } else if (c.type === 'comment') continue;
    else items.push(f.eval(c));
  }
  return { t: 'list', items, ...(partial ? { partial } : {}) };
}

const operatorOf = (node: Node) => node.childForFieldName('operator')?.type ?? node.child(1)?.type;

export function binary(f: PyFile, node: Node): Value {
  const op = operatorOf(node);
  const l = node.childForFieldName('left');
  const r = node.childForFieldName('right');
  if (!l || !r) return UNKNOWN;
  if (op === '+') return foldPlus(f, node);
  const lv = f.eval(l);
  const rv = f.eval(r);
  if (op === '/' && lv.t === 'path' && rv.t === 'str') return { t: 'path', rel: joinPath(lv.rel, rv.text) };
  // LangChain runnable composition: prompt | llm | parser
  if (op === '|') return composeRunnables(lv, rv);
  return UNKNOWN;
}

/**
 * `a + b + c + …` parses as a left-deep tree as deep as the chain is long: the operands are collected iteratively
 * and strings joined in one `concat` per run, so a concatenation of any length is evaluated whole (recursing hit
 * the evaluator's depth limit and turned the rest into one huge placeholder). Same result as pair by pair.
 */
function foldPlus(f: PyFile, node: Node): Value {
  const spine: Node[] = [];
  for (let cur: Node | null = node; cur?.type === 'binary_operator' && operatorOf(cur) === '+' && cur.childForFieldName('right'); cur = cur.childForFieldName('left')) spine.push(cur);
  const first = spine[spine.length - 1]!.childForFieldName('left');
  if (!first) return UNKNOWN;
  let acc = f.eval(first);
  // Strings appended to a string `acc` wait here and are joined once (joining at every step is quadratic).
  let pending: Extract<Value, { t: 'str' }>[] = [];
  let envBase: string | undefined;
  const flush = () => {
    if (!pending.length || acc.t !== 'str') return;
    const joined = concat(f, [acc, ...pending]);
    acc = envBase && joined.t === 'str' ? { ...joined, envBase } : joined;
    pending = [];
  };
  for (let k = spine.length - 1; k >= 0; k--) {
    if ((spine.length - k) % 256 === 0) f.shared.ctx.checkBudget();
    const r = spine[k]!.childForFieldName('right')!;
    const rv = f.eval(r);
    if (acc.t === 'str' && (rv.t === 'str' || rv.t === 'unknown')) {
      if (!pending.length) envBase = acc.envBase;
      // a known text plus a runtime value: the runtime value becomes a named placeholder (and the text no longer
      // starts with a bare environment base URL)
      if (rv.t === 'unknown') envBase = undefined;
      pending.push(rv.t === 'str' ? rv : { t: 'str', text: `{${r.text}}`, placeholders: [r.text], src: 'literal' });
      continue;
    }
    flush();
    acc = plusPair(f, acc, k === spine.length - 1 ? first : spine[k + 1]!, rv, r);
  }
  flush();
  return acc;
}

function plusPair(f: PyFile, lv: Value, l: Node, rv: Value, r: Node): Value {
  if (lv.t === 'str' && rv.t === 'str') {
    const joined = concat(f, [lv, rv]);
    return lv.envBase && joined.t === 'str' ? { ...joined, envBase: lv.envBase } : joined;
  }
  // os.getenv("OPENAI_BASE_URL") + "/chat/completions": an environment base URL joined with a path. With a
  // default the default is the base (as endpointFor reads env values); without one the variable is kept.
  if (lv.t === 'env' && rv.t === 'str') {
    if (lv.def?.t === 'str') return concat(f, [lv.def, rv]);
    const joined = concat(f, [{ t: 'str', text: `{${lv.name}}`, placeholders: [lv.name], src: 'literal' }, rv]);
    return joined.t === 'str' ? { ...joined, envBase: lv.name } : joined;
  }
  // a known text plus a runtime value: the runtime value becomes a named placeholder
  if (lv.t === 'str' && rv.t === 'unknown') return concat(f, [lv, { t: 'str', text: `{${r.text}}`, placeholders: [r.text], src: 'literal' }]);
  if (rv.t === 'str' && lv.t === 'unknown') return concat(f, [{ t: 'str', text: `{${l.text}}`, placeholders: [l.text], src: 'literal' }, rv]);
  if (lv.t === 'list' && rv.t === 'list') return { t: 'list', items: [...lv.items, ...rv.items], ...(lv.partial || rv.partial ? { partial: true } : {}) };
  if (lv.t === 'list') return { t: 'list', items: lv.items, partial: true };
  if (rv.t === 'list') return { t: 'list', items: rv.items, partial: true };
  return UNKNOWN;
}
