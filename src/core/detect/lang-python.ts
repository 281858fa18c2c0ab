// Python call-site detection. One pass collects bindings per scope (assignments, imports, parameters, `with`
// targets, `self.x = ...`); values are then computed lazily and memoised per expression node, so a call's
// receiver, model and prompt are resolved through aliases, instance attributes, helper functions and
// imports from other workspace files. What an SDK looks like comes from sdks.ts.
import { Query, type Node, type Tree } from 'web-tree-sitter';
import type { AnalyzeContext, LanguageModule } from './index';
import type { CallKind, DetectedCall, ModelSource, PromptPart, Sdk } from './types';
import { UNKNOWN, type Value, type Where } from './py-values';
import {
  BASE_URL_KEYS, BEDROCK_SERVICES, HTTP_CLIENTS, HTTP_ENDPOINTS, LANGCHAIN_COMPOSERS, MAX_TOKEN_KEYS, MODEL_KEYS,
  REASONING_EFFORT_TOKENS, SDKS, findMethod, sdkForModule, type MethodRow, type SdkRow,
} from './sdks';
import { endpointFor } from './endpoint';
import { annotationFromLine, confidenceFor, placeholdersIn, runtimePart, stripProviderPrefix } from '../prompts/common';
import { messagesToParts, textToParts, toolParts } from '../prompts/python';

interface Binding { pos: number; kind: 'assign' | 'import' | 'param' | 'with' | 'def' | 'class' | 'for'; node: Node; extra?: string }
interface Scope { node: Node; kind: 'module' | 'function' | 'class'; parent: Scope | null; bindings: Map<string, Binding[]> }

const PASSTHROUGH = new Set(['with_options', 'with_raw_response', 'with_streaming_response', 'copy']);
const LC_METHODS = SDKS.find((s) => s.sdk === 'langchain')!.methods;
const COLLECT_TYPES = ['function_definition', 'lambda', 'class_definition', 'assignment', 'import_statement', 'import_from_statement', 'with_item', 'for_statement', 'call'];
let collectQueryCache: { language: unknown; query: Query } | null = null;

function collectQuery(root: Node): Query {
  const language = root.tree.language;
  if (collectQueryCache?.language !== language) collectQueryCache = { language, query: new Query(language, `[${COLLECT_TYPES.map((t) => `(${t})`).join(' ')}] @n`) };
  return collectQueryCache.query;
}
const MAX_IMPORT_DEPTH = 3;
const MAX_EVAL_DEPTH = 250;

interface Shared { files: Map<string, PyFile | null>; ctx: AnalyzeContext; depth: number }

function str(text: string, src: Extract<Value, { t: 'str' }>['src'], from?: Where): Value {
  return { t: 'str', text, placeholders: placeholdersIn(text), src, ...(from ? { from } : {}) };
}

function decodeEscapes(raw: string): string {
  return raw.replace(/\\(n|t|r|\\|'|"|\n)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === '\n' ? '' : c));
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function joinPath(...parts: string[]): string {
  const out: string[] = [];
  for (const seg of parts.join('/').split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

class PyFile {
  readonly scopes = new Map<number, Scope>();
  private readonly scopeRanges: { start: number; scope: Scope }[] = [];
  private readonly rangeOf = new Map<Scope, { start: number; end: number }>();
  readonly selfAttrs = new Map<number, Map<string, Binding[]>>();
  readonly calls: Node[] = [];
  private readonly memo = new Map<number, Value>();
  private readonly busy = new Set<number>();
  readonly lcCtors = new Map<number, Node>();
  readonly lcUsed = new Set<number>();

  constructor(readonly relPath: string, readonly root: Node, readonly shared: Shared, readonly depth: number) {
    this.collect();
  }

  // ---------- binding collection ----------
  private collect(): void {
    const moduleScope: Scope = { node: this.root, kind: 'module', parent: null, bindings: new Map() };
    this.scopes.set(this.root.id, moduleScope);
    // A query returns just the interesting nodes, in document order, without materialising the rest of the
    // tree in JS (every Node costs a wasm round trip). Scopes are nested ranges: a stack closed by end index.
    const open: { scope: Scope; end: number }[] = [{ scope: moduleScope, end: Number.MAX_SAFE_INTEGER }];
    this.scopeRanges.push({ start: -1, scope: moduleScope });
    this.rangeOf.set(moduleScope, { start: -1, end: Number.MAX_SAFE_INTEGER });
    let n = 0;
    for (const { node } of collectQuery(this.root).captures(this.root)) {
      if (++n % 2000 === 0) this.shared.ctx.checkBudget();
      while (open.length > 1 && node.startIndex >= open[open.length - 1]!.end) open.pop();
      const inner = this.visit(node, open[open.length - 1]!.scope);
      if (inner) {
        const start = node.startIndex;
        const end = node.endIndex;
        open.push({ scope: inner, end });
        this.scopeRanges.push({ start, scope: inner });
        this.rangeOf.set(inner, { start, end });
      }
    }
  }

  /** Records what `node` binds; returns the scope it opens, if any. */
  private visit(node: Node, scope: Scope): Scope | null {
    switch (node.type) {
      case 'function_definition':
      case 'lambda': {
        const name = node.childForFieldName('name');
        if (name) this.bind(scope, name.text, { pos: node.startIndex, kind: 'def', node });
        const inner: Scope = { node, kind: 'function', parent: scope, bindings: new Map() };
        this.scopes.set(node.id, inner);
        this.collectParams(node, inner);
        return inner;
      }
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (name) this.bind(scope, name.text, { pos: node.startIndex, kind: 'class', node });
        const inner: Scope = { node, kind: 'class', parent: scope, bindings: new Map() };
        this.scopes.set(node.id, inner);
        this.selfAttrs.set(node.id, new Map());
        return inner;
      }
      case 'assignment': this.collectAssignment(node, scope); break;
      case 'import_statement':
      case 'import_from_statement': this.collectImport(node, scope); break;
      case 'with_item': {
        const v = node.childForFieldName('value');
        if (v?.type === 'as_pattern') {
          const target = v.childForFieldName('alias')?.namedChild(0);
          const expr = v.namedChild(0);
          if (target?.type === 'identifier' && expr) this.bind(scope, target.text, { pos: node.startIndex, kind: 'with', node: expr });
        }
        break;
      }
      case 'for_statement': {
        const left = node.childForFieldName('left');
        if (left?.type === 'identifier') this.bind(scope, left.text, { pos: node.startIndex, kind: 'for', node });
        break;
      }
      case 'call': this.calls.push(node); break;
    }
    return null;
  }

  private bind(scope: Scope, name: string, b: Binding): void {
    const list = scope.bindings.get(name);
    if (list) list.push(b);
    else scope.bindings.set(name, [b]);
  }

  private collectParams(fn: Node, scope: Scope): void {
    const params = fn.childForFieldName('parameters');
    if (!params) return;
    for (const p of params.namedChildren) {
      if (!p) continue;
      const nameNode = p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? null;
      if (nameNode?.type === 'identifier') this.bind(scope, nameNode.text, { pos: fn.startIndex, kind: 'param', node: p });
    }
  }

  private collectAssignment(node: Node, scope: Scope): void {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (!left) return;
    const valueNode = right ?? node.childForFieldName('type');
    if (!valueNode) return;
    const kind = right ? 'assign' : 'param';
    if (left.type === 'identifier') {
      this.bind(scope, left.text, { pos: node.startIndex, kind, node: right ? right : node });
    } else if (left.type === 'attribute') {
      const obj = left.childForFieldName('object');
      const attr = left.childForFieldName('attribute');
      if (obj?.type === 'identifier' && (obj.text === 'self' || obj.text === 'cls') && attr) {
        const cls = this.enclosingClass(node);
        if (cls) {
          const attrs = this.selfAttrs.get(cls.id)!;
          const b: Binding = { pos: node.startIndex, kind, node: right ? right : node };
          const list = attrs.get(attr.text);
          if (list) list.push(b);
          else attrs.set(attr.text, [b]);
        }
      }
    }
  }

  private collectImport(node: Node, scope: Scope): void {
    if (node.type === 'import_statement') {
      for (const item of node.childrenForFieldName('name')) {
        if (!item) continue;
        if (item.type === 'aliased_import') {
          const name = item.childForFieldName('name')?.text;
          const alias = item.childForFieldName('alias')?.text;
          if (name && alias) this.bind(scope, alias, { pos: node.startIndex, kind: 'import', node: item, extra: name });
        } else {
          const first = item.text.split('.')[0]!;
          this.bind(scope, first, { pos: node.startIndex, kind: 'import', node: item, extra: first });
        }
      }
      return;
    }
    const mod = node.childForFieldName('module_name')?.text;
    if (!mod) return;
    for (const item of node.childrenForFieldName('name')) {
      if (!item) continue;
      const name = item.type === 'aliased_import' ? item.childForFieldName('name')?.text : item.text;
      const alias = item.type === 'aliased_import' ? item.childForFieldName('alias')?.text : item.text;
      if (name && alias) this.bind(scope, alias, { pos: node.startIndex, kind: 'import', node: item, extra: `${mod}\u0000${name}` });
    }
  }

  // ---------- scopes ----------
  enclosingClass(node: Node): Node | null {
    let fnSeen = 0;
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === 'function_definition') fnSeen++;
      if (p.type === 'class_definition') return fnSeen <= 1 ? p : null;
    }
    return null;
  }

  /** Innermost scope containing the node, by position: scopes are nested ranges recorded in document order. */
  private scopeOf(node: Node): Scope {
    const pos = node.startIndex;
    const list = this.scopeRanges;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.start <= pos) lo = mid;
      else hi = mid - 1;
    }
    for (let s: Scope | null = list[lo]!.scope; s; s = s.parent) {
      const r = this.rangeOf.get(s)!;
      if (r.start <= pos && pos < r.end && (s.node.id !== node.id)) return s;
    }
    return this.scopes.get(this.root.id)!;
  }

  private pick(list: Binding[] | undefined, pos: number): Binding | null {
    if (!list?.length) return null;
    let best: Binding | null = null;
    for (const b of list) if (b.pos < pos && (!best || b.pos >= best.pos)) best = b;
    return best ?? list[list.length - 1]!;
  }

  lookup(name: string, at: Node): Value {
    let scope: Scope | null = this.scopeOf(at);
    const start = scope;
    while (scope) {
      if (scope.kind !== 'class' || scope === start) {
        const b = this.pick(scope.bindings.get(name), at.startIndex);
        if (b) return this.bindingValue(b, name);
      }
      scope = scope.parent;
    }
    return UNKNOWN;
  }

  lookupModuleLevel(name: string): Value {
    const b = this.pick(this.scopes.get(this.root.id)!.bindings.get(name), Number.MAX_SAFE_INTEGER);
    return b ? this.bindingValue(b, name) : UNKNOWN;
  }

  private where(node: Node): Where {
    return { file: this.relPath, line: node.startPosition.row + 1 };
  }

  private asConstant(v: Value, node: Node): Value {
    if (v.t === 'str' && v.src === 'literal') return { ...v, src: 'constant', from: this.where(node) };
    return v;
  }

  private bindingValue(b: Binding, name: string): Value {
    const key = -1 - b.node.id; // distinct memo key per binding
    const cached = this.memo.get(key);
    if (cached) return cached;
    if (this.busy.has(key)) return UNKNOWN;
    this.busy.add(key);
    let v: Value = UNKNOWN;
    try {
      switch (b.kind) {
        case 'assign': v = this.asConstant(this.eval(b.node), b.node); break;
        case 'with': v = this.eval(b.node); break;
        case 'import': v = this.importValue(b.extra!, name); break;
        case 'param': v = this.paramValue(b.node); break;
        case 'def': v = { t: 'function', node: b.node, owner: this }; break;
        case 'class': v = { t: 'class', node: b.node, owner: this }; break;
        default: v = UNKNOWN;
      }
    } finally {
      this.busy.delete(key);
    }
    this.memo.set(key, v);
    return v;
  }

  private paramValue(p: Node): Value {
    if (p.type === 'assignment') {
      // `client: OpenAI` at module or class level (annotation only)
      const type = p.childForFieldName('type');
      return type ? this.instanceOfType(type) : UNKNOWN;
    }
    const type = p.childForFieldName('type');
    if (type) {
      const inst = this.instanceOfType(type);
      if (inst.t !== 'unknown') return inst;
    }
    const def = p.childForFieldName('value');
    return def ? this.asConstant(this.eval(def), def) : UNKNOWN;
  }

  /** `client: OpenAI`, `llm: Optional[ChatOpenAI]`, `c: "anthropic.Anthropic"` → an instance of that SDK class. */
  private instanceOfType(type: Node): Value {
    let t: Node | null = type.type === 'type' ? type.namedChild(0) : type;
    for (let guard = 0; t && guard < 4; guard++) {
      if (t.type === 'generic_type' || t.type === 'subscript') {
        t = t.namedChildren.find((c) => c && c.type !== 'identifier') ?? t.namedChild(1);
        if (t?.type === 'type_parameter') t = t.namedChild(0)?.type === 'type' ? t.namedChild(0)!.namedChild(0) : t.namedChild(0);
        continue;
      }
      if (t.type === 'binary_operator') { t = t.childForFieldName('left'); continue; }
      break;
    }
    if (!t || (t.type !== 'identifier' && t.type !== 'attribute')) return UNKNOWN;
    const cls = this.eval(t);
    if (cls.t !== 'module') return UNKNOWN;
    const made = this.construct(cls.name, [], new Map(), t);
    return made.t === 'client' || made.t === 'http' || made.t === 'module' && made.name === 'boto3' ? made : UNKNOWN;
  }

  private importValue(extra: string, _alias: string): Value {
    const sep = extra.indexOf('\u0000');
    if (sep < 0) return { t: 'module', name: extra };
    const mod = extra.slice(0, sep);
    const name = extra.slice(sep + 1);
    const full = mod.startsWith('.') ? `${mod}${mod.endsWith('.') ? '' : '.'}${name}` : `${mod}.${name}`;
    if (!mod.startsWith('.') && sdkForModule('py', mod)) return { t: 'module', name: full };
    const sibling = this.sibling(mod, name);
    if (sibling) {
      const v = sibling.lookupModuleLevel(name);
      if (v.t === 'str' && (v.src === 'constant' || v.src === 'literal')) return { ...v, src: 'imported' };
      if (v.t !== 'unknown') return v;
    }
    return { t: 'module', name: full };
  }

  /** The workspace file a `from mod import name` refers to, analysed (memoised per file). */
  private sibling(mod: string, name: string): PyFile | null {
    const ws = this.shared.ctx.ws;
    if (!ws || this.depth >= MAX_IMPORT_DEPTH) return null;
    const dots = /^\.*/.exec(mod)![0].length;
    const rest = mod.slice(dots).split('.').filter(Boolean).join('/');
    const candidates: string[] = [];
    if (dots > 0) {
      let base = dirOf(this.relPath);
      for (let i = 1; i < dots; i++) base = dirOf(base);
      for (const r of rest ? [rest] : [name]) candidates.push(joinPath(base, `${r}.py`), joinPath(base, r, '__init__.py'));
    } else {
      for (const base of [...ancestors(dirOf(this.relPath)), 'src']) candidates.push(joinPath(base, `${rest}.py`), joinPath(base, rest, '__init__.py'));
    }
    for (const c of candidates) {
      if (c === this.relPath) continue;
      if (this.shared.files.has(c)) {
        const f = this.shared.files.get(c);
        if (f) return f;
        continue;
      }
      if (!ws.exists(c)) continue;
      const text = ws.readFile(c);
      const tree: Tree | null = text === null ? null : this.shared.ctx.parseSibling(text);
      const f = tree ? new PyFile(c, tree.rootNode, this.shared, this.depth + 1) : null;
      this.shared.files.set(c, f);
      if (f) return f;
    }
    return null;
  }

  // ---------- expression values ----------
  eval(node: Node): Value {
    const cached = this.memo.get(node.id);
    if (cached) return cached;
    if (this.busy.has(node.id)) return UNKNOWN;
    // deep expressions or long alias chains (a1 = a0, a2 = a1, ...) are not worth a stack overflow
    if (this.shared.depth >= MAX_EVAL_DEPTH) return UNKNOWN;
    this.busy.add(node.id);
    this.shared.depth++;
    let v: Value;
    try {
      v = this.evalUncached(node);
    } finally {
      this.busy.delete(node.id);
      this.shared.depth--;
    }
    this.memo.set(node.id, v);
    return v;
  }

  private evalUncached(node: Node): Value {
    switch (node.type) {
      case 'string': return this.stringValue(node);
      case 'concatenated_string': return this.concat(node.namedChildren.map((c) => (c ? this.eval(c) : UNKNOWN)));
      case 'integer': {
        const n = Number(node.text.replace(/_/g, ''));
        return Number.isFinite(n) ? { t: 'num', value: n } : UNKNOWN;
      }
      case 'float': return { t: 'num', value: Number(node.text.replace(/_/g, '')) };
      case 'true': return { t: 'bool', value: true };
      case 'false': return { t: 'bool', value: false };
      case 'none': return { t: 'none' };
      case 'identifier': return this.identifier(node);
      case 'parenthesized_expression':
      case 'await':
      case 'expression_statement': {
        const inner = node.namedChild(0);
        return inner ? this.eval(inner) : UNKNOWN;
      }
      case 'attribute': return this.attribute(node);
      case 'call': return this.callValue(node);
      case 'dictionary': return this.dict(node);
      case 'list':
      case 'tuple': return this.list(node);
      case 'binary_operator': return this.binary(node);
      case 'boolean_operator': {
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        const lv = l ? this.eval(l) : UNKNOWN;
        const rv = r ? this.eval(r) : UNKNOWN;
        if (node.child(1)?.type !== 'or') return UNKNOWN;
        if (lv.t === 'env' && !lv.def) return { ...lv, def: rv.t === 'str' ? rv : null };
        if (lv.t === 'unknown' || lv.t === 'none') return rv;
        return lv;
      }
      case 'conditional_expression': {
        for (const c of [node.namedChild(0), node.namedChild(2)]) {
          if (!c) continue;
          const v = this.eval(c);
          if (v.t !== 'unknown' && v.t !== 'none') return v;
        }
        return UNKNOWN;
      }
      case 'subscript': {
        const base = node.childForFieldName('value');
        const idx = node.childForFieldName('subscript');
        if (!base || !idx) return UNKNOWN;
        const bv = this.eval(base);
        if (bv.t === 'module' && (bv.name === 'os.environ')) {
          const k = this.eval(idx);
          return k.t === 'str' ? { t: 'env', name: k.text, def: null } : UNKNOWN;
        }
        if (bv.t === 'dict') {
          const k = this.eval(idx);
          return k.t === 'str' ? bv.entries.get(k.text) ?? UNKNOWN : UNKNOWN;
        }
        return UNKNOWN;
      }
      default: return UNKNOWN;
    }
  }

  private stringValue(node: Node): Value {
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
        const v = expr ? this.eval(expr) : UNKNOWN;
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
    if (isF) v.placeholders = placeholders;
    if (isF && envBase) v.envBase = envBase;
    return v;
  }

  private concat(parts: Value[]): Value {
    if (parts.some((p) => p.t !== 'str')) return parts.every((p) => p.t === 'unknown') ? UNKNOWN : UNKNOWN;
    const strs = parts as Extract<Value, { t: 'str' }>[];
    const text = strs.map((s) => s.text).join('');
    const placeholders = [...new Set(strs.flatMap((s) => s.placeholders))];
    const src = strs.some((s) => s.src === 'file') ? 'file' : strs.some((s) => s.src === 'imported') ? 'imported' : strs.some((s) => s.src === 'constant') ? 'constant' : 'literal';
    const from = strs.find((s) => s.from)?.from;
    return { t: 'str', text, placeholders, src, ...(from ? { from } : {}) };
  }

  private identifier(node: Node): Value {
    const name = node.text;
    const v = this.lookup(name, node);
    if (v.t !== 'unknown') return v;
    if (name === '__file__') return { t: 'path', rel: this.relPath };
    if (['open', 'dict', 'str', 'Path', 'getenv'].includes(name)) return { t: 'module', name: `builtins.${name}` };
    return UNKNOWN;
  }

  private attribute(node: Node): Value {
    const objNode = node.childForFieldName('object');
    const attr = node.childForFieldName('attribute')?.text;
    if (!objNode || !attr) return UNKNOWN;
    if (objNode.type === 'identifier' && (objNode.text === 'self' || objNode.text === 'cls')) {
      const cls = this.enclosingClass(node);
      if (cls) return this.classAttr(cls, attr, node);
    }
    const obj = this.eval(objNode);
    switch (obj.t) {
      case 'module': return { t: 'module', name: `${obj.name}.${attr}` };
      case 'client': return PASSTHROUGH.has(attr) ? obj : { ...obj, path: [...obj.path, attr] };
      case 'path': return attr === 'parent' ? { t: 'path', rel: dirOf(obj.rel) } : UNKNOWN;
      case 'class': return (obj.owner as PyFile).classAttr(obj.node, attr, node);
      case 'dict': return obj.entries.get(attr) ?? UNKNOWN;
      default: return UNKNOWN;
    }
  }

  classAttr(cls: Node, attr: string, at: Node): Value {
    const b = this.pick(this.selfAttrs.get(cls.id)?.get(attr), Number.MAX_SAFE_INTEGER);
    const pref = this.selfAttrs.get(cls.id)?.get(attr)?.find((x) => this.enclosingFunctionName(x.node) === '__init__');
    const chosen = pref ?? b;
    if (chosen) {
      const v = this.bindingValue(chosen, attr);
      if (v.t !== 'unknown') return v;
    }
    const scope = this.scopes.get(cls.id);
    const cb = this.pick(scope?.bindings.get(attr), Number.MAX_SAFE_INTEGER);
    if (cb) {
      const v = this.bindingValue(cb, attr);
      if (v.t === 'function') return this.isProperty(v.node) ? this.returnValue(v.node) : v;
      return v;
    }
    void at;
    return UNKNOWN;
  }

  private enclosingFunctionName(node: Node): string | null {
    for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition') return p.childForFieldName('name')?.text ?? null;
    return null;
  }

  private isProperty(fn: Node): boolean {
    const dec = fn.parent?.type === 'decorated_definition' ? fn.parent : null;
    return !!dec && dec.namedChildren.some((d) => d?.type === 'decorator' && /property\b/.test(d.text));
  }

  private returnValue(fn: Node): Value {
    const body = fn.childForFieldName('body');
    if (!body) return UNKNOWN;
    const stack: Node[] = [body];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'return_statement') {
        const e = n.namedChild(0);
        const v = e ? this.eval(e) : UNKNOWN;
        if (v.t !== 'unknown' && v.t !== 'none') return v;
        continue;
      }
      if (n !== body && (n.type === 'function_definition' || n.type === 'class_definition')) continue;
      for (const c of n.namedChildren) if (c) stack.push(c);
    }
    return UNKNOWN;
  }

  private dict(node: Node): Value {
    const entries = new Map<string, Value>();
    let partial = false;
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'pair') {
        const k = c.childForFieldName('key');
        const v = c.childForFieldName('value');
        const kv = k ? this.eval(k) : UNKNOWN;
        if (kv.t === 'str' && v) entries.set(kv.text, this.eval(v));
        else partial = true;
      } else if (c.type === 'dictionary_splat') {
        const inner = c.namedChild(0);
        const v = inner ? this.eval(inner) : UNKNOWN;
        if (v.t === 'dict') for (const [k, val] of v.entries) entries.set(k, val);
        else partial = true;
      } else partial = true;
    }
    return { t: 'dict', entries, ...(partial ? { partial } : {}) };
  }

  private list(node: Node): Value {
    const items: Value[] = [];
    let partial = false;
    for (const c of node.namedChildren) {
      if (!c) continue;
      if (c.type === 'list_splat') {
        const inner = c.namedChild(0);
        const v = inner ? this.eval(inner) : UNKNOWN;
        if (v.t === 'list') items.push(...v.items);
        else partial = true;
      } else if (c.type === 'comment') continue;
      else items.push(this.eval(c));
    }
    return { t: 'list', items, ...(partial ? { partial } : {}) };
  }

  private binary(node: Node): Value {
    const op = node.childForFieldName('operator')?.type ?? node.child(1)?.type;
    const l = node.childForFieldName('left');
    const r = node.childForFieldName('right');
    if (!l || !r) return UNKNOWN;
    const lv = this.eval(l);
    const rv = this.eval(r);
    if (op === '+') {
      if (lv.t === 'str' && rv.t === 'str') {
        const joined = this.concat([lv, rv]);
        return lv.envBase && joined.t === 'str' ? { ...joined, envBase: lv.envBase } : joined;
      }
      // os.getenv("OPENAI_BASE_URL") + "/chat/completions": an environment base URL joined with a path. With a
      // default the default is the base (as endpointFor reads env values); without one the variable is kept.
      if (lv.t === 'env' && rv.t === 'str') {
        if (lv.def?.t === 'str') return this.concat([lv.def, rv]);
        const joined = this.concat([{ t: 'str', text: `{${lv.name}}`, placeholders: [lv.name], src: 'literal' }, rv]);
        return joined.t === 'str' ? { ...joined, envBase: lv.name } : joined;
      }
      // a known text plus a runtime value: the runtime value becomes a named placeholder
      if (lv.t === 'str' && rv.t === 'unknown') return this.concat([lv, { t: 'str', text: `{${r.text}}`, placeholders: [r.text], src: 'literal' }]);
      if (rv.t === 'str' && lv.t === 'unknown') return this.concat([{ t: 'str', text: `{${l.text}}`, placeholders: [l.text], src: 'literal' }, rv]);
      if (lv.t === 'list' && rv.t === 'list') return { t: 'list', items: [...lv.items, ...rv.items], ...(lv.partial || rv.partial ? { partial: true } : {}) };
      if (lv.t === 'list') return { t: 'list', items: lv.items, partial: true };
      if (rv.t === 'list') return { t: 'list', items: rv.items, partial: true };
      return UNKNOWN;
    }
    if (op === '/' && lv.t === 'path' && rv.t === 'str') return { t: 'path', rel: joinPath(lv.rel, rv.text) };
    if (op === '|') {
      // LangChain runnable composition: prompt | llm | parser
      const lc = lv.t === 'lc' ? lv : rv.t === 'lc' ? rv : null;
      if (!lc) return lv.t === 'template' ? lv : UNKNOWN;
      const template = lv.t === 'template' ? lv : lc.template;
      return { ...lc, what: lc.what === 'model' ? 'chain' : lc.what, template };
    }
    return UNKNOWN;
  }

  // ---------- calls as values ----------
  args(call: Node): { positional: Value[]; kwargs: Map<string, Value>; partial: boolean; posNodes: Node[]; kwNodes: Map<string, Node> } {
    const positional: Value[] = [];
    const posNodes: Node[] = [];
    const kwargs = new Map<string, Value>();
    const kwNodes = new Map<string, Node>();
    let partial = false;
    const list = call.childForFieldName('arguments');
    if (list?.type === 'argument_list') {
      for (const a of list.namedChildren) {
        if (!a || a.type === 'comment') continue;
        if (a.type === 'keyword_argument') {
          const name = a.childForFieldName('name')?.text;
          const value = a.childForFieldName('value');
          if (name && value) {
            kwargs.set(name, this.eval(value));
            kwNodes.set(name, value);
          }
        } else if (a.type === 'dictionary_splat') {
          const inner = a.namedChild(0);
          const v = inner ? this.eval(inner) : UNKNOWN;
          if (v.t === 'dict') {
            for (const [k, val] of v.entries) kwargs.set(k, val);
            if (v.partial) partial = true;
          } else partial = true;
        } else if (a.type === 'list_splat') {
          partial = true;
        } else {
          positional.push(this.eval(a));
          posNodes.push(a);
        }
      }
    }
    return { positional, kwargs, partial, posNodes, kwNodes };
  }

  private callValue(call: Node): Value {
    const fn = call.childForFieldName('function');
    if (!fn) return UNKNOWN;
    const { positional, kwargs } = this.args(call);
    // methods on values
    if (fn.type === 'attribute') {
      const objNode = fn.childForFieldName('object')!;
      const attr = fn.childForFieldName('attribute')?.text ?? '';
      const obj = this.eval(objNode);
      if (obj.t === 'str') {
        if (['format', 'strip', 'lstrip', 'rstrip', 'format_map'].includes(attr)) return attr === 'format' || attr === 'format_map' ? { ...obj, placeholders: placeholdersIn(obj.text) } : { ...obj, text: obj.text.trim() };
        return UNKNOWN;
      }
      if (obj.t === 'filehandle' && attr === 'read') return this.readFile(obj.path, call);
      if (obj.t === 'path') {
        if (attr === 'read_text') return this.readFile(obj, call);
        if (attr === 'joinpath' && positional[0]?.t === 'str') return { t: 'path', rel: joinPath(obj.rel, positional[0].text) };
        if (attr === 'open') return { t: 'filehandle', path: obj };
        if (attr === 'resolve' || attr === 'absolute') return obj;
        return UNKNOWN;
      }
      if (obj.t === 'lc') {
        if (LANGCHAIN_COMPOSERS.wrappers.includes(attr)) return obj;
        return UNKNOWN;
      }
      if (obj.t === 'template' && (attr === 'partial' || attr === 'format_messages')) return obj;
      if (obj.t === 'client') {
        // a call that is not itself a request keeps the client (chats.create(model=...), start_chat())
        if (findMethod('py', obj.sdk, [...obj.path, attr].join('.'))) return UNKNOWN;
        if (attr === 'client' && obj.sdk.sdk === 'bedrock') return obj;
        const merged = new Map(obj.kwargs);
        for (const [k, v] of kwargs) merged.set(k, v);
        return { ...obj, path: PASSTHROUGH.has(attr) ? obj.path : [...obj.path, attr], kwargs: merged };
      }
      if (obj.t === 'module' && obj.name === 'boto3' && attr === 'client') return this.construct('boto3.client', positional, kwargs, call);
      if (obj.t === 'class') {
        const v = (obj.owner as PyFile).classAttr(obj.node, attr, fn);
        if (v.t === 'function') return (obj.owner as PyFile).returnValue(v.node);
      }
      if (obj.t === 'dict' && attr === 'get' && positional[0]?.t === 'str') return obj.entries.get(positional[0].text) ?? positional[1] ?? UNKNOWN;
      if (obj.t === 'dict' && attr === 'copy') return obj;
    }
    const callee = this.eval(fn);
    switch (callee.t) {
      case 'module': return this.construct(callee.name, positional, kwargs, call);
      case 'function': {
        const owner = callee.owner as PyFile;
        return owner.returnValue(callee.node);
      }
      case 'client':
        return UNKNOWN;
      default: {
        // unknown constructors used in request bodies: types.Content(role=..., parts=[...]), SystemMessage(content=...)
        const name = fn.text;
        const last = name.slice(name.lastIndexOf('.') + 1);
        return /^[A-Z]/.test(last) || last.startsWith('from_') ? ctorDict(name, positional, kwargs) : UNKNOWN;
      }
    }
  }

  private readFile(p: Value, call: Node): Value {
    const ws = this.shared.ctx.ws;
    if (p.t === 'str') p = { t: 'path', rel: p.text };
    if (p.t !== 'path' || !ws) return UNKNOWN;
    // a path relative to the working directory: try the file's folder and each folder above it
    for (const candidate of ancestors(dirOf(this.relPath)).map((d) => joinPath(d, p.rel))) {
      if (!candidate || !ws.exists(candidate)) continue;
      const text = ws.readFile(candidate);
      if (text !== null) return str(text, 'file', { file: candidate, line: 1 });
    }
    void call;
    return UNKNOWN;
  }

  /** Calling a module-level name: SDK constructors, LangChain builders, os.getenv, open(), Path(), json.dumps ... */
  construct(name: string, positional: Value[], kwargs: Map<string, Value>, call: Node): Value {
    const short = name.replace(/^builtins\./, '');
    const last = short.slice(short.lastIndexOf('.') + 1);
    if (short === 'os.getenv' || short === 'os.environ.get' || short === 'getenv') {
      const k = positional[0];
      if (k?.t !== 'str') return UNKNOWN;
      const d = positional[1] ?? kwargs.get('default');
      return { t: 'env', name: k.text, def: d && d.t === 'str' ? d : null };
    }
    if (short === 'json.dumps' || short === 'textwrap.dedent' || short === 'inspect.cleandoc' || short === 'dedent' || short === 'str') {
      const v = positional[0] ?? UNKNOWN;
      return v.t === 'str' && short !== 'json.dumps' && short !== 'str' ? { ...v, text: dedent(v.text) } : v;
    }
    if (short === 'dict') return { t: 'dict', entries: new Map(kwargs) };
    if (short === 'open' || short === 'io.open') return positional[0] ? { t: 'filehandle', path: positional[0] } : UNKNOWN;
    if (short === 'Path' || short === 'pathlib.Path' || short === 'os.path.join') {
      const segs = positional.map((p) => (p.t === 'str' ? p.text : p.t === 'path' ? p.rel : null));
      if (segs.some((s) => s === null)) return UNKNOWN;
      return { t: 'path', rel: joinPath(...(segs as string[])) };
    }
    if (short === 'os.path.dirname' && positional[0]?.t === 'path') return { t: 'path', rel: dirOf(positional[0].rel) };
    if (short === 'os.path.abspath' || short === 'os.path.realpath') return positional[0] ?? UNKNOWN;

    const root = short.split('.')[0]!;
    if (HTTP_CLIENTS.py.modules.includes(root) && HTTP_CLIENTS.py.clientCtors.includes(last)) return { t: 'http', path: [] };
    // boto3.client("bedrock-runtime") or boto3.client(service_name="bedrock-runtime")
    const service = positional[0] ?? kwargs.get('service_name');
    if ((short === 'boto3.client' || short === 'aioboto3.client' || short.endsWith('Session.client') || short === 'boto3.Session.client') && service?.t === 'str' && BEDROCK_SERVICES.includes(service.text)) {
      const sdk = SDKS.find((s) => s.sdk === 'bedrock')!;
      return { t: 'client', sdk, row: null, path: [], kwargs, positional };
    }
    if (short === 'boto3.Session' || short === 'aioboto3.Session' || short === 'boto3.session.Session') return { t: 'module', name: 'boto3' };

    // LangChain prompt templates and composition
    const tail2 = short.split('.').slice(-2).join('.');
    if (LANGCHAIN_COMPOSERS.promptTemplates.includes(tail2) || LANGCHAIN_COMPOSERS.promptTemplates.includes(last)) return this.template(tail2, last, positional, kwargs);
    if (LANGCHAIN_COMPOSERS.sequences.includes(tail2) || LANGCHAIN_COMPOSERS.sequences.includes(last)) {
      const items = positional[0]?.t === 'list' ? positional[0].items : [...kwargs.values(), ...positional].flatMap((v) => (v.t === 'list' ? v.items : [v]));
      const lc = items.find((i): i is Extract<Value, { t: 'lc' }> => i.t === 'lc');
      const tpl = items.find((i) => i.t === 'template') ?? null;
      return lc ? { ...lc, what: 'chain', template: tpl ?? lc.template } : UNKNOWN;
    }
    if (LANGCHAIN_COMPOSERS.agents.includes(last) || LANGCHAIN_COMPOSERS.agents.includes(tail2)) {
      const all = [...kwargs.values(), ...positional];
      const lc = all.find((i): i is Extract<Value, { t: 'lc' }> => i.t === 'lc');
      const tpl = kwargs.get('prompt') ?? all.find((i) => i.t === 'template');
      if (lc) return { ...lc, what: lc.what === 'model' ? (/agent/i.test(last) ? 'agent' : 'chain') : lc.what, template: tpl?.t === 'template' ? tpl : lc.template };
      const modelArg = kwargs.get('model') ?? positional[0];
      if (modelArg?.t === 'str' && /agent/i.test(last)) {
        return { t: 'lc', what: 'agent', ctorNode: call, ctorFile: this.relPath, ctorName: last, kwargs: new Map([['model', modelArg]]), positional: [], template: null, selfHosted: false };
      }
      return UNKNOWN;
    }

    const sdk = sdkForModule('py', short);
    const row = sdk?.clients.find((c) => c.name === last && c.langs.includes('py'));
    if (!sdk || !row) {
      // instrumentation wrappers keep the client's interface: instructor.from_openai(OpenAI()), wrap_openai(client)
      if (positional[0]?.t === 'client' && /^(from_|patch$|wrap|observe|instrument)/i.test(last)) return positional[0];
      // request pieces built by constructors: types.GenerateContentConfig(...), SystemMessage(content=...), types.Part.from_text(...)
      if (/^[A-Z]/.test(last) || last.startsWith('from_')) return ctorDict(short, positional, kwargs);
      return UNKNOWN;
    }
    if (row.role === 'model') {
      return { t: 'lc', what: 'model', ctorNode: call, ctorFile: this.relPath, ctorName: last, kwargs, positional, template: null, selfHosted: !!row.selfHosted };
    }
    return { t: 'client', sdk, row, path: [], kwargs, positional };
  }

  private template(tail2: string, last: string, positional: Value[], kwargs: Map<string, Value>): Value {
    if (/from_messages/.test(tail2)) {
      const msgs = positional[0] ?? kwargs.get('messages');
      if (msgs?.t !== 'list') return { t: 'template', parts: [{ role: 'user', value: UNKNOWN }] };
      const parts = msgs.items.map((m) => {
        if (m.t === 'list' && m.items.length === 2 && m.items[0]!.t === 'str') return { role: m.items[0]!.text, value: asTemplate(m.items[1]!) };
        if (m.t === 'dict' && m.ctor && /Placeholder/.test(m.ctor)) return { role: 'messages', value: UNKNOWN };
        if (m.t === 'dict') {
          const role = m.ctor ? m.ctor.replace(/^.*\./, '').replace(/PromptTemplate|MessagePromptTemplate/, 'Message') : 'user';
          return { role, value: asTemplate(m.entries.get('content') ?? m.entries.get('prompt') ?? m.entries.get('template') ?? UNKNOWN) };
        }
        return { role: 'user', value: asTemplate(m) };
      });
      if (msgs.partial) parts.push({ role: 'messages', value: UNKNOWN });
      return { t: 'template', parts };
    }
    const text = positional[0] ?? kwargs.get('template');
    void last;
    return { t: 'template', parts: [{ role: 'user', value: text ? asTemplate(text) : UNKNOWN }] };
  }

  // ---------- call-site detection ----------
  detect(): DetectedCall[] {
    const out: DetectedCall[] = [];
    let i = 0;
    for (const call of this.calls) {
      if (++i % 200 === 0) this.shared.ctx.checkBudget();
      const site = this.classify(call);
      if (site) out.push(site);
    }
    for (const [id, node] of this.lcCtors) {
      if (this.lcUsed.has(id)) continue;
      const v = this.eval(node);
      if (v.t === 'lc') out.push(this.lcSite(node, v, v.ctorName, 'chat', false, []));
    }
    return out;
  }

  private mocked(call: Node): boolean {
    for (let p = call.parent; p; p = p.parent) {
      if (p.type === 'function_definition') {
        const params = p.childForFieldName('parameters')?.text ?? '';
        if (/\b(monkeypatch|mocker)\b/.test(params)) return true;
        if (p.parent?.type === 'decorated_definition' && p.parent.namedChildren.some((d) => d?.type === 'decorator' && /\bpatch\b|mock/.test(d.text))) return true;
      } else if (p.type === 'class_definition') {
        if (p.parent?.type === 'decorated_definition' && p.parent.namedChildren.some((d) => d?.type === 'decorator' && /\bpatch\b/.test(d.text))) return true;
      } else if (p.type === 'with_statement') {
        const clause = p.namedChildren.find((c) => c?.type === 'with_clause');
        if (clause && /\bpatch(\.object|\.dict)?\s*\(|\bmock_/.test(clause.text)) return true;
      }
    }
    return false;
  }

  private classify(call: Node): DetectedCall | null {
    const fn = call.childForFieldName('function');
    if (!fn) return null;
    if (fn.type === 'attribute') {
      const objNode = fn.childForFieldName('object');
      const attr = fn.childForFieldName('attribute')?.text;
      if (!objNode || !attr) return null;
      const obj = objNode.type === 'identifier' && (objNode.text === 'self' || objNode.text === 'cls') ? UNKNOWN : this.eval(objNode);
      if (obj.t === 'client') {
        const path = [...obj.path, attr].filter((s) => !PASSTHROUGH.has(s)).join('.');
        const method = findMethod('py', obj.sdk, path);
        if (method && !this.mocked(call)) return this.sdkSite(call, obj.sdk, method, obj);
        return null;
      }
      if (obj.t === 'lc') {
        const method = findMethod('py', SDKS.find((s) => s.sdk === 'langchain')!, attr);
        if (method && LC_METHODS.includes(method) && !this.mocked(call)) {
          if (obj.ctorFile === this.relPath) this.lcUsed.add(obj.ctorNode.id);
          let input: Value | undefined = this.args(call).positional[0];
          // agents take {"messages": [...]}; chains take a dict filling the template
          if (input?.t === 'dict' && input.entries.has('messages')) input = input.entries.get('messages');
          return this.lcSite(call, obj, method.api, method.kind, !!method.streaming, input ? messagesToParts(input) : []);
        }
        return null;
      }
      if (obj.t === 'http') return HTTP_CLIENTS.py.methods.includes(attr) && !this.mocked(call) ? this.httpSite(call, attr) : null;
    }
    const callee = this.eval(fn);
    if (callee.t !== 'module') return null;
    const made = this.eval(call);
    if (made.t === 'lc' && made.ctorNode.id === call.id && made.what === 'model') {
      if (!this.mocked(call)) this.lcCtors.set(call.id, call);
      return null;
    }
    const name = callee.name;
    const root = name.split('.')[0]!;
    const last = name.slice(name.lastIndexOf('.') + 1);
    if ((root === 'requests' || root === 'httpx') && (HTTP_CLIENTS.py.methods.includes(last)) && name.split('.').length === 2) return this.mocked(call) ? null : this.httpSite(call, last);
    const sdk = sdkForModule('py', name);
    if (!sdk) return null;
    const pkg = (sdk.packages.py ?? []).filter((p) => name.startsWith(p + '.')).sort((a, b) => b.length - a.length)[0];
    if (!pkg) return null;
    const method = findMethod('py', sdk, name.slice(pkg.length + 1), true);
    if (!method || this.mocked(call)) return null;
    return this.sdkSite(call, sdk, method, null);
  }

  private base(call: Node, sdk: Sdk, api: string, kind: CallKind): DetectedCall {
    const lines = this.shared.ctx.text.split('\n', call.startPosition.row + 1);
    return {
      file: this.relPath, line: call.startPosition.row + 1, column: call.startPosition.column + 1, endLine: call.endPosition.row + 1,
      language: 'python', sdk, api, kind, model: null, modelSource: 'unresolved', maxTokens: null, reasoningTokens: null,
      streaming: false, endpoint: 'api', baseUrl: null, qualifiedName: this.qualifiedName(call),
      annotation: annotationFromLine(lines[call.startPosition.row - 1]), promptParts: [], confidence: 1,
    };
  }

  private qualifiedName(node: Node): string {
    const names: string[] = [];
    for (let p = node.parent; p; p = p.parent) {
      if (p.type === 'function_definition' || p.type === 'class_definition') {
        const n = p.childForFieldName('name')?.text;
        if (n) names.unshift(n);
      }
    }
    return names.length ? names.join('.') : '<module>';
  }

  private sdkSite(call: Node, sdk: SdkRow, method: MethodRow, client: Extract<Value, { t: 'client' }> | null): DetectedCall {
    const site = this.base(call, sdk.sdk, method.api, method.kind);
    const { positional, kwargs, partial, kwNodes } = this.args(call);
    // the model: call argument, then what the client/model object was built with
    let modelV = firstKey(kwargs, MODEL_KEYS) ?? (method.modelPos !== undefined ? positional[method.modelPos] : undefined);
    let modelNode = MODEL_KEYS.map((k) => kwNodes.get(k)).find(Boolean);
    if (!modelV && client) {
      modelV = firstKey(client.kwargs, MODEL_KEYS) ?? (client.row?.modelPos !== undefined ? client.positional[client.row.modelPos] : undefined);
      modelNode = undefined;
    }
    this.setModel(site, modelV, modelNode);
    // ollama/litellm put model/messages positionally
    const promptPos = method.promptPos ?? (sdk.sdk === 'litellm' && method.kind === 'chat' ? 1 : sdk.sdk === 'ollama' ? 1 : undefined);
    const all = new Map(kwargs);
    const body = kwargs.get('body');
    if (body?.t === 'dict') for (const [k, v] of body.entries) if (!all.has(k)) all.set(k, v);
    site.maxTokens = numberIn(all, MAX_TOKEN_KEYS) ?? (client ? numberIn(client.kwargs, MAX_TOKEN_KEYS) : null);
    site.reasoningTokens = reasoningIn(all) ?? (client ? reasoningIn(client.kwargs) : null);
    site.streaming = !!method.streaming || boolIn(all, 'stream') === true;
    // endpoint
    const rowSelfHosted = !!client?.row?.selfHosted || sdk.sdk === 'ollama';
    const baseV = client ? firstKey(client.kwargs, BASE_URL_KEYS) : firstKey(kwargs, ['api_base', 'base_url']);
    const baseKey = client ? BASE_URL_KEYS.find((k) => client.kwargs.has(k)) : undefined;
    const model = site.model ?? '';
    const ep = endpointFor(toUrl(baseV), rowSelfHosted || /^(ollama|ollama_chat|hosted_vllm|vllm|lm_studio)\//.test(model), baseKey === 'azure_endpoint' || baseKey === 'endpoint');
    site.endpoint = ep.endpoint;
    site.baseUrl = ep.baseUrl;
    // prompt parts
    const parts: PromptPart[] = [];
    const sys = kwargs.get('system') ?? kwargs.get('instructions') ?? kwargs.get('system_instruction') ?? kwargs.get('preamble') ?? client?.kwargs.get('system_instruction');
    if (sys) parts.push(...(sys.t === 'list' ? messagesToParts(sys, 'system') : textToParts(sys, 'system')));
    const cfg = kwargs.get('config');
    if (cfg?.t === 'dict' && cfg.entries.get('system_instruction')) parts.push(...textToParts(cfg.entries.get('system_instruction')!, 'system'));
    const msgs = all.get('messages') ?? all.get('contents') ?? all.get('history') ?? (promptPos !== undefined ? positional[promptPos] : undefined);
    if (msgs) parts.push(...messagesToParts(msgs, method.kind === 'embedding' ? 'input' : 'user'));
    const main = all.get('input') ?? all.get('prompt') ?? all.get('inputText') ?? all.get('message') ?? all.get('texts') ?? all.get('inputs') ?? all.get('query');
    if (main) parts.push(...(main.t === 'list' ? messagesToParts(main, method.kind === 'embedding' ? 'input' : 'user') : textToParts(main, method.kind === 'embedding' ? 'input' : 'user')));
    if (!msgs && !main && (sdk.sdk === 'google' || sdk.sdk === 'voyage') && positional[0] && method.modelPos !== 0) parts.push(...messagesToParts(positional[0], method.kind === 'embedding' ? 'input' : 'user'));
    const tools = kwargs.get('tools') ?? kwargs.get('functions') ?? kwargs.get('toolConfig');
    if (tools) parts.push(...toolParts(tools));
    if (!parts.length && !['image', 'speech', 'transcription'].includes(method.kind)) parts.push(runtimePart(method.kind === 'embedding' ? 'input' : 'user'));
    else if (partial && !msgs && !main) parts.push(runtimePart('user'));
    site.promptParts = parts;
    site.confidence = confidenceFor(site.modelSource, parts);
    return site;
  }

  private setModel(site: DetectedCall, v: Value | undefined, argNode: Node | undefined): void {
    const r = resolveModel(v, argNode);
    site.model = r.model;
    site.modelSource = r.source;
  }

  private lcSite(call: Node, lc: Extract<Value, { t: 'lc' }>, api: string, kind: CallKind, streaming: boolean, inputParts: PromptPart[]): DetectedCall {
    const site = this.base(call, 'langchain', api, kind);
    const modelV = firstKey(lc.kwargs, [...MODEL_KEYS, 'azure_deployment', 'deployment_name']) ?? lc.positional[0];
    this.setModel(site, modelV, undefined);
    if (site.model) site.model = stripProviderPrefix(site.model);
    site.maxTokens = numberIn(lc.kwargs, MAX_TOKEN_KEYS);
    site.reasoningTokens = reasoningIn(lc.kwargs);
    site.streaming = streaming || boolIn(lc.kwargs, 'streaming') === true;
    const baseV = firstKey(lc.kwargs, BASE_URL_KEYS);
    const ep = endpointFor(toUrl(baseV), lc.selfHosted || /^ollama/.test(String(lc.kwargs.get('model_provider') && (lc.kwargs.get('model_provider') as { text?: string }).text)), false);
    site.endpoint = ep.endpoint;
    site.baseUrl = ep.baseUrl;
    const parts: PromptPart[] = [];
    if (lc.template?.t === 'template') parts.push(...messagesToParts({ t: 'list', items: lc.template.parts.map((p) => ({ t: 'list', items: [str(p.role, 'literal'), p.value] })) }));
    parts.push(...inputParts);
    if (!parts.length) parts.push(runtimePart('user'));
    site.promptParts = parts;
    site.confidence = confidenceFor(site.modelSource, parts);
    return site;
  }

  private httpSite(call: Node, verb: string): DetectedCall | null {
    const { positional, kwargs } = this.args(call);
    const urlV = verb === 'request' ? positional[1] ?? kwargs.get('url') : positional[0] ?? kwargs.get('url');
    if (verb === 'request' && !(positional[0]?.t === 'str' && /^post$/i.test(positional[0].text))) return null;
    if (urlV?.t !== 'str') return null;
    const url = urlV.text;
    const hit = HTTP_ENDPOINTS.find((e) => url.replace(/[?#].*$/, '').endsWith(e.path) || url.includes(e.path + '?'));
    if (!hit) return null;
    const site = this.base(call, 'http', hit.api, hit.kind);
    const bodyV = kwargs.get('json') ?? kwargs.get('data') ?? kwargs.get('content');
    const body = bodyV?.t === 'dict' ? bodyV.entries : new Map<string, Value>();
    this.setModel(site, body.get('model'), undefined);
    site.maxTokens = numberIn(body, MAX_TOKEN_KEYS);
    site.reasoningTokens = reasoningIn(body);
    site.streaming = verb === 'stream' || boolIn(body, 'stream') === true;
    const m = /^(https?:\/\/[^/]+)/.exec(url);
    // a base URL from an environment variable counts as a configured (self-hosted) base, as for SDK clients
    const ep = endpointFor(urlV.envBase ? { t: 'env', name: urlV.envBase, def: null } : m ? str(m[1]!, 'literal') : null, !!hit.selfHostedDefault, false);
    site.endpoint = ep.endpoint;
    site.baseUrl = m ? m[1]! : ep.baseUrl;
    const parts: PromptPart[] = [];
    const sys = body.get('system');
    if (sys) parts.push(...textToParts(sys, 'system'));
    const msgs = body.get('messages') ?? body.get('contents');
    if (msgs) parts.push(...messagesToParts(msgs, hit.kind === 'embedding' ? 'input' : 'user'));
    const main = body.get('prompt') ?? body.get('input');
    if (main) parts.push(...textToParts(main, hit.kind === 'embedding' ? 'input' : 'user'));
    if (body.get('tools')) parts.push(...toolParts(body.get('tools')!));
    if (!parts.length) parts.push(runtimePart('user'));
    site.promptParts = parts;
    site.confidence = confidenceFor(site.modelSource, parts);
    return site;
  }
}

/** 'a/b/c' → ['a/b/c', 'a/b', 'a', ''] */
function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let d = dir; ; d = dirOf(d)) {
    out.push(d);
    if (!d) break;
  }
  return out;
}

function ctorDict(name: string, positional: Value[], kwargs: Map<string, Value>): Value {
  const entries = new Map(kwargs);
  if (positional[0] && !entries.has('content') && /Message|Content|Part|from_text/.test(name)) entries.set(/Part|from_text/.test(name) ? 'text' : 'content', positional[0]);
  return { t: 'dict', entries, ctor: name };
}

function asTemplate(v: Value): Value {
  return v.t === 'str' ? { ...v, placeholders: placeholdersIn(v.text) } : v;
}

function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(min, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

function firstKey(map: Map<string, Value>, keys: string[]): Value | undefined {
  for (const k of keys) {
    const v = map.get(k);
    if (v && v.t !== 'none') return v;
  }
  return undefined;
}

/** A key's value in the arguments or one level down in config-like dicts (config=, options=, inferenceConfig=, body). */
function deepGet(map: Map<string, Value>, keys: string[], depth = 2): Value | undefined {
  const direct = firstKey(map, keys);
  if (direct || depth === 0) return direct;
  for (const v of map.values()) {
    if (v.t === 'dict') {
      const found = deepGet(v.entries, keys, depth - 1);
      if (found) return found;
    }
  }
  return undefined;
}

function numberIn(map: Map<string, Value>, keys: string[]): number | null {
  const v = deepGet(map, keys);
  return v?.t === 'num' ? v.value : null;
}

function boolIn(map: Map<string, Value>, key: string): boolean | null {
  const v = map.get(key);
  return v?.t === 'bool' ? v.value : null;
}

function reasoningIn(map: Map<string, Value>): number | null {
  const budget = deepGet(map, ['budget_tokens', 'thinking_budget', 'budgetTokens', 'thinkingBudget']);
  if (budget?.t === 'num') return budget.value;
  const effort = deepGet(map, ['reasoning_effort', 'effort']);
  if (effort?.t === 'str' && effort.text in REASONING_EFFORT_TOKENS) return REASONING_EFFORT_TOKENS[effort.text]!;
  return null;
}

function toUrl(v: Value | undefined): Value | null {
  return v ?? null;
}

function resolveModel(v: Value | undefined, argNode: Node | undefined): { model: string | null; source: ModelSource } {
  if (!v) return { model: null, source: 'unresolved' };
  if (v.t === 'str' && !v.placeholders.length) {
    const literal = argNode?.type === 'string' || argNode?.type === 'concatenated_string';
    return { model: v.text, source: literal && v.src === 'literal' ? 'literal' : v.src === 'literal' ? 'literal' : 'constant' };
  }
  if (v.t === 'env') return v.def?.t === 'str' ? { model: v.def.text, source: 'env-default' } : { model: null, source: 'unresolved' };
  return { model: null, source: 'unresolved' };
}

export const pythonModule: LanguageModule = {
  extensions: { '.py': { language: 'python', grammar: 'python' } },
  analyze(ctx) {
    const shared: Shared = { files: new Map(), ctx, depth: 0 };
    const file = new PyFile(ctx.relPath, ctx.tree.rootNode, shared, 0);
    shared.files.set(ctx.relPath, file);
    return file.detect();
  },
};
