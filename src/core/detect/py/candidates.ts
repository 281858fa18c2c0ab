// Which calls of a Python file can be call sites at all, decided before classify (sites.ts) evaluates them (the costly
// part: every node the evaluator touches is a round trip into the tree-sitter wasm). A call `o.p(…)` is classified
// when `p` is a name the SDK table can match (a method or function path's last segment, a client class name, the
// inferred shapes' and CrewAI runs' methods, instructor's methods, HTTP client methods, pipeline runs, the
// pass-through client methods, the bound-method runners), or when `p` may name something the file gives an object
// (a class attribute, `self.p = …`, a keyword argument, a dict key: any use of the word `p` that is not a call, or
// `def p` / `class p`), or when `o` may hold an object of another workspace file. A bare name `f(…)` is classified
// when the file binds `f` anywhere (an unbound name is a builtin or a star import: classify finds nothing for it).
// Any other callee (a subscript, a call, …) is always classified.
import type { Node } from 'web-tree-sitter';
import { HTTP_CLIENTS, SDKS, sdkForModule } from '../sdks';
import { CREWBASE_RUN, INFERRED_RECEIVERS, INSTRUCTOR } from '../receivers';
import { candidateFilter } from '../candidateFilter';
import { PASSTHROUGH, type Binding, type PyFile } from './file';
import { CTOR_DICT_KEYS } from './calls';
import { HAYHOOKS, RUNS } from './pipelines';
import { BOUND_METHOD_RUNNERS } from './sites';

const lastSegment = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** Attribute names after which a call may be a call site, from the tables (so new rows are candidates too). */
export const PY_REQUEST_NAMES: ReadonlySet<string> = new Set([
  ...SDKS.flatMap((s) => [...s.methods, ...(s.functions ?? [])].flatMap((m) => (m.py ?? []).map(lastSegment))),
  ...SDKS.flatMap((s) => s.clients.filter((c) => c.langs.includes('py')).map((c) => lastSegment(c.name))),
  ...INFERRED_RECEIVERS.flatMap((r) => r.paths.map(lastSegment)),
  ...CREWBASE_RUN.methods,
  ...INSTRUCTOR.methods,
  ...HTTP_CLIENTS.py.methods,
  ...PASSTHROUGH,
  ...RUNS,
  ...HAYHOOKS.map(lastSegment),
  ...BOUND_METHOD_RUNNERS.map(lastSegment),
  // the fields a request-piece constructor fills from its first argument (`Message(text)` → `.content`)
  ...CTOR_DICT_KEYS,
]);

/** ASCII names only: the word search below does not know other letters (`café`), so such names are kept. */
const IDENTIFIER = /^[A-Za-z_]\w*$/;
const DEFAULT_PARAMS = new Set(['default_parameter', 'typed_default_parameter']);

/** A predicate on a call: false only when the call provably is no call site (nor a LangChain model). */
export function callCandidates(f: PyFile): (call: Node) => boolean {
  if (!candidateFilter.enabled) return () => true;
  const text = f.shared.ctx.text;
  const named = bindingsByName(f);
  const keyMemo = new Map<string, boolean>();
  /** whether the file may give some object an attribute or key `p` (false: `p` is only ever called) */
  const maybeKey = (p: string): boolean => {
    if (f.computedKeys) return true;
    let v = keyMemo.get(p);
    if (v === undefined) keyMemo.set(p, (v = usedUncalled(text, p)));
    return v;
  };
  // values of another workspace file arrive only through `from M import N` of a module that may be the workspace's
  const crossFile = !!f.shared.ctx.ws && [...named.values()].some((list) => list.some(workspaceImport));
  return (call) => {
    const { type, name } = f.calledName(call);
    if (type === 'identifier') return named.has(name!) || PY_REQUEST_NAMES.has(name!);
    if (type !== 'attribute') return true;
    if (!name || PY_REQUEST_NAMES.has(name) || !IDENTIFIER.test(name) || maybeKey(name)) return true;
    return crossFile && !localRoot(f, f.attr(f.callee(call)!).object, named);
  };
}

/** Every binding of the file by name, whatever its scope. */
function bindingsByName(f: PyFile): Map<string, Binding[]> {
  const out = new Map<string, Binding[]>();
  for (const scope of f.scopes.values()) {
    for (const [name, list] of scope.bindings) {
      const known = out.get(name);
      if (known) known.push(...list);
      else out.set(name, [...list]);
    }
  }
  return out;
}

/** `from M import N` where M may be a module of the workspace (relative, not an SDK package, or one a local module shadows). */
function workspaceImport(b: Binding): boolean {
  const sep = b.kind === 'import' ? b.extra!.indexOf('\u0000') : -1;
  if (sep < 0) return false;
  const mod = b.extra!.slice(0, sep);
  const row = mod.startsWith('.') ? undefined : sdkForModule('py', mod);
  return !row || !!row.localFirst;
}

/**
 * Whether `obj`'s value is decided in this file: its attribute chain starts at a name bound only by `for`, plain or
 * SDK imports, parameters without a default (an SDK type, a LangChain model the callers pass), or — for `obj`
 * itself — a function or class of this file, or `self` / `cls`. Anything else may hold another file's object.
 */
function localRoot(f: PyFile, obj: Node | null, named: Map<string, Binding[]>): boolean {
  let n = obj;
  let depth = 0;
  for (; n?.type === 'attribute' && depth < 32; depth++) n = f.attr(n).object;
  if (n?.type !== 'identifier') return false;
  const name = n.text;
  if ((name === 'self' || name === 'cls') && depth > 0) return false;
  return (named.get(name) ?? []).every((b) =>
    b.kind === 'for'
    || (b.kind === 'import' && !workspaceImport(b))
    || (b.kind === 'param' && !DEFAULT_PARAMS.has(b.node.type))
    || (depth === 0 && (b.kind === 'def' || b.kind === 'class')));
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isBlank = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 92; // and `\` continuations

/**
 * Whether the word `p` occurs in the text other than directly called (`p(` / `p (`): a keyword argument, a dict key
 * string, an assignment target, an attribute read. `def p(` and `class p(` count as not called. A superset of the
 * ways the evaluator can find `p` on an object of this file.
 */
export function usedUncalled(text: string, p: string): boolean {
  for (let i = text.indexOf(p); i !== -1; i = text.indexOf(p, i + 1)) {
    if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
    const end = i + p.length;
    if (end < text.length && isWordChar(text.charCodeAt(end))) continue;
    let j = end;
    while (j < text.length && isBlank(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== 40 /* ( */) return true;
    let k = i;
    while (k > 0 && isBlank(text.charCodeAt(k - 1))) k--;
    if (k < i && /(?:^|[^\w])(?:def|class)$/.test(text.slice(Math.max(0, k - 6), k))) return true;
  }
  return false;
}
