// The analysis state of one Python file: its scopes and bindings (collected once, see bindings.ts) and the memoised
// value of each expression node (computed lazily, see values.ts). Names resolve through scopes, instance attributes
// (`self.x = ...`), typed parameters and imports from other workspace files (imports.ts).
import type { Node } from 'web-tree-sitter';
import type { AnalyzeContext } from '../types';
import { UNKNOWN, type Value, type Where } from './value';
import { collectBindings } from './bindings';
import { importValue } from './imports';
import { evalUncached } from './values';
import { construct } from './calls';
import { injectedModel } from './callers';
import { parentOf } from '../ancestors';

export interface Binding { pos: number; kind: 'assign' | 'import' | 'param' | 'with' | 'def' | 'class' | 'for'; node: Node; extra?: string }
/** `items`: `name["key"] = value` statements, applied to a dict bound to `name` between its binding and a use */
export interface Scope { node: Node; kind: 'module' | 'function' | 'class'; parent: Scope | null; bindings: Map<string, Binding[]>; items?: Map<string, { pos: number; key: string; node: Node }[]> }
/** `lineStarts`: where each line of ctx.text starts, indexed when a site first needs its line above */
export interface Shared { files: Map<string, PyFile | null>; ctx: AnalyzeContext; depth: number; lineStarts?: number[] }

/** client methods that return the same client (`client.with_options(timeout=5).chat...`) */
export const PASSTHROUGH = new Set(['with_options', 'with_raw_response', 'with_streaming_response', 'copy']);
const MAX_EVAL_DEPTH = 250;
/** `name(` or `a.b.name(` at a call's start: group 1 the first name, 3 the last attribute (ASCII names, no comments) */
const DOTTED_CALL = /([A-Za-z_]\w*)((?:\s*\.\s*([A-Za-z_]\w*))*)\s*\(/y;
/** Whether `node` is the name `self` or `cls`. */
export function isSelf(f: PyFile, node: Node): boolean {
  if (f.typeOf(node) !== 'identifier') return false;
  const name = f.textOf(node);
  return name === 'self' || name === 'cls';
}

/** a function's parameter list that starts with its own `self` / `cls` */
export const SELF_PARAMS = /^\(\s*(self|cls)\b/;

export class PyFile {
  readonly scopes = new Map<number, Scope>();
  readonly scopeRanges: { start: number; scope: Scope }[] = [];
  readonly rangeOf = new Map<Scope, { start: number; end: number }>();
  readonly selfAttrs = new Map<number, Map<string, Binding[]>>();
  readonly calls: Node[] = [];
  /** calls that start where another call starts (one is the other's callee or inside it) */
  readonly sharedStart = new Set<number>();
  /** a dict literal has a key that is not a plain string (`{KEY: …}`, `{"a" "b": …}`, escapes, f-strings): py/candidates.ts */
  computedKeys = false;
  private readonly memo = new Map<number, Value>();
  private readonly callees = new Map<number, Node | null>();
  private readonly attrs = new Map<number, { object: Node | null; name: string | undefined }>();
  private readonly types = new Map<number, string>();
  private readonly texts = new Map<number, string>();
  /** whether readAt may read the text: the analysed file itself (ctx.text), without a syntax error */
  private plainText: boolean | undefined;
  private readonly busy = new Set<number>();
  readonly lcCtors = new Map<number, Node>();
  readonly lcUsed = new Set<number>();
  /** module-level `X.attr = value` statements (LlamaIndex `Settings.llm = OpenAI(...)`), by `X.attr` */
  readonly moduleAttrs = new Map<string, Node>();

  constructor(readonly relPath: string, readonly root: Node, readonly shared: Shared, readonly depth: number) {
    collectBindings(this);
  }

  // ---------- fields read once (every field lookup is a round trip into the tree-sitter wasm) ----------
  /** A node's type. */
  typeOf(node: Node): string {
    let t = this.types.get(node.id);
    if (t === undefined) this.types.set(node.id, (t = node.type));
    return t;
  }

  /** A node's text (names and callees are read several times). */
  textOf(node: Node): string {
    let t = this.texts.get(node.id);
    if (t === undefined) this.texts.set(node.id, (t = node.text));
    return t;
  }

  /**
   * The name a call calls: `f` of `f(…)` (type 'identifier'), `p` of `o.p(…)` (type 'attribute'), else the callee's
   * type and no name. A call whose text at its start is a plain dotted name and `(` is read from the text: in a tree
   * without syntax errors that text is its callee, unless another call starts at the same place (`a.b(x).c(y)`).
   */
  calledName(call: Node): { type: string; name: string | undefined } {
    const m = this.sharedStart.has(call.id) ? null : this.readAt(DOTTED_CALL, call.startIndex);
    if (m) return m[2] ? { type: 'attribute', name: m[3] } : { type: 'identifier', name: m[1] };
    const fn = this.callee(call);
    if (!fn) return { type: '', name: undefined };
    const type = this.typeOf(fn);
    return { type, name: type === 'identifier' ? this.textOf(fn) : type === 'attribute' ? this.attr(fn).name : undefined };
  }

  /**
   * The sticky pattern `re` matched at `index` of the file's text, or null. Null also when the text may read
   * differently from the tree: a file imported from another (its text is not kept) or one with a syntax error.
   */
  readAt(re: RegExp, index: number): RegExpExecArray | null {
    if (this.plainText === undefined) this.plainText = this.depth === 0 && !this.root.hasError;
    if (!this.plainText) return null;
    re.lastIndex = index;
    return re.exec(this.shared.ctx.text);
  }

  /** A call's callee (its `function` field). */
  callee(call: Node): Node | null {
    let fn = this.callees.get(call.id);
    if (fn === undefined) this.callees.set(call.id, (fn = call.childForFieldName('function')));
    return fn;
  }

  /** An `attribute` node's object and attribute name. */
  attr(node: Node): { object: Node | null; name: string | undefined } {
    let a = this.attrs.get(node.id);
    if (!a) this.attrs.set(node.id, (a = { object: node.childForFieldName('object'), name: node.childForFieldName('attribute')?.text }));
    return a;
  }

  // ---------- scopes ----------
  enclosingClass(node: Node): Node | null {
    // a function nested in a method sees the method's `self` unless it declares its own
    let ownSelf = false;
    let last: Node | null = null;
    for (let p = parentOf(node); p; p = parentOf(p)) {
      if (p.type === 'function_definition') {
        if (last && SELF_PARAMS.test(last.childForFieldName('parameters')?.text ?? '')) ownSelf = true;
        last = p;
      }
      if (p.type === 'class_definition') return ownSelf ? null : p;
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

  pick(list: Binding[] | undefined, pos: number): Binding | null {
    if (!list?.length) return null;
    let best: Binding | null = null;
    for (const b of list) if (b.pos < pos && (!best || b.pos >= best.pos)) best = b;
    return best ?? list[list.length - 1]!;
  }

  lookup(name: string, at: Node): Value {
    const found = this.bindingOf(name, at);
    return found ? this.withItems(found.scope, name, this.bindingValue(found.binding, name), found.binding.pos, at.startIndex) : UNKNOWN;
  }

  /** The binding `name` refers to at `at` (Python scoping: class bodies are skipped from inner functions). */
  bindingOf(name: string, at: Node): { binding: Binding; scope: Scope } | null {
    let scope: Scope | null = this.scopeOf(at);
    const start = scope;
    while (scope) {
      if (scope.kind !== 'class' || scope === start) {
        const b = this.pick(scope.bindings.get(name), at.startIndex);
        if (b) return { binding: b, scope };
      }
      scope = scope.parent;
    }
    return null;
  }

  /** A dict filled in later statements (`kwargs = {}; kwargs["model"] = "gpt-4o"`) as it is at `pos`. */
  private withItems(scope: Scope, name: string, v: Value, from: number, pos: number): Value {
    const items = v.t === 'dict' ? scope.items?.get(name)?.filter((i) => i.pos > from && i.pos < pos) : undefined;
    if (v.t !== 'dict' || !items?.length) return v;
    const entries = new Map(v.entries);
    for (const i of items) entries.set(i.key, this.asConstant(this.eval(i.node), i.node));
    return { ...v, entries };
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

  bindingValue(b: Binding, name: string): Value {
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
        case 'import': v = importValue(this, b.extra!, name); break;
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
    const inst = type ? this.instanceOfType(type) : UNKNOWN;
    if (inst.t !== 'unknown' && inst.t !== 'lc') return inst;
    const def = p.childForFieldName('value');
    const dv = def ? this.asConstant(this.eval(def), def) : UNKNOWN;
    if (dv.t === 'lc' || (inst.t !== 'lc' && dv.t !== 'unknown')) return dv;
    // an injected LangChain model (`llm: BaseChatModel`, or untyped): what this file's callers pass for it
    return injectedModel(this, p, inst);
  }

  /** `client: OpenAI`, `llm: Optional[BaseChatModel]`, `chain: Runnable | None` → an instance of that SDK class. */
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
    const made = construct(this, cls.name, [], new Map(), t);
    return made.t === 'client' || made.t === 'http' || made.t === 'lc' || made.t === 'module' && made.name === 'boto3' ? made : UNKNOWN;
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
      v = evalUncached(this, node);
    } finally {
      this.busy.delete(node.id);
      this.shared.depth--;
    }
    this.memo.set(node.id, v);
    return v;
  }

  // ---------- calls as values ----------

  // ---------- call-site detection ----------

}
