// Which calls of a TS/JS file can be model requests at all, decided before the static evaluation (the costly part:
// every node the evaluator touches is a round trip into the tree-sitter wasm). A call `o.p(…)` is evaluated when
// its property `p` is a name the SDK table can match (a method path's last segment, a client or function name,
// `send`, the LangChain runnable methods, the inferred shapes' methods, HTTP client methods). Any other `o.p(…)`
// is a request only when `o` evaluates to an object literal holding `p` (`const api = { run: client.chat… }`):
// kept when the file's text may give an object the key `p` (any uncalled word `p`), or when `o` may come from another
// workspace file. Identifier callees (`generateText(…)`, an aliased import) and everything else are always evaluated.
import { Query, type Node } from 'web-tree-sitter';
import { HTTP_CLIENTS, SDKS } from '../sdks';
import { INFERRED_RECEIVERS } from '../receivers';
import type { FileCtx } from './context';
import { candidateFilter } from '../candidateFilter';
import { resolveName } from './scope';
import { memberObject, memberProperty, unwrap } from './syntax';

/**
 * Compiled once per grammar (typescript, tsx, javascript): one walk of the tree lists every call, `new` and
 * assignment (a walk costs about as much as reading a few thousand nodes, whatever it finds).
 */
const CALLS_QUERY = '(call_expression) @call (new_expression) @new (assignment_expression) @assign';
const callQueries = new Map<unknown, Query>();

/** The file's call, `new` and assignment expressions, each in document (pre-)order, as `descendantsOfType` lists them. */
export function callsAndNews(root: Node): { calls: Node[]; news: Node[]; assigns: Node[] } {
  const language = root.tree.language;
  let q = callQueries.get(language);
  if (!q) callQueries.set(language, (q = new Query(language, CALLS_QUERY)));
  const calls: Node[] = [];
  const news: Node[] = [];
  const assigns: Node[] = [];
  for (const { name, node } of q.captures(root)) (name === 'call' ? calls : name === 'new' ? news : assigns).push(node);
  return { calls, news, assigns };
}

const lastSegment = (path: string) => path.slice(path.lastIndexOf('.') + 1);

/** Property names after which a call may be a request, from the SDK table (so new rows are candidates too). */
export const REQUEST_NAMES: ReadonlySet<string> = new Set([
  ...SDKS.flatMap((s) => [...s.methods, ...(s.functions ?? [])].flatMap((m) => (m.js ?? []).map(lastSegment))),
  ...SDKS.flatMap((s) => s.clients.filter((c) => c.langs.includes('js')).map((c) => c.name)),
  ...INFERRED_RECEIVERS.flatMap((r) => r.js.map(lastSegment)),
  ...HTTP_CLIENTS.js.methods,
  ...HTTP_CLIENTS.js.functions,
  'send',
]);

/** ASCII names only: the word scan below does not see identifiers with other letters (`café`), so they are kept. */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** Escapes that can spell identifier characters inside a string key (`'\u0070ush'`): keys are then read from the tree. */
const KEY_ESCAPES = /\\(?:[ux0-7]|\r?\n|\u2028|\u2029)/;
/**
 * Every identifier-like word of the text that is not directly called (`word(` / `word (`): a superset of the keys an
 * object literal or an `x.key = …` / `x['key'] = …` assignment can give an object (`key:`, `'key':`, `{ key }`,
 * `.key =`, `['key'] =` all leave the word uncalled). One pass over the text, no tree access.
 */
function uncalledWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![\w$])[A-Za-z_$][\w$]*(?![\w$])(?!\s*\()/g)) out.add(m[0]);
  // the one declaration that is followed by `(`: `function name(` / `function* name(`
  for (const m of text.matchAll(/(?<![\w$])function\s*\*?\s*([A-Za-z_$][\w$]*)/g)) out.add(m[1]!);
  return out;
}

const WORKSPACE_SPEC = /^(\.\.?\/|@\/|~\/)/;
/** Values whose members are never an object literal's (what evaluate() makes of these initialisers). */
const NOT_OBJECT_INIT = new Set(['array', 'string', 'template_string', 'number', 'true', 'false', 'null', 'undefined', 'new_expression', 'arrow_function', 'function_expression', 'regex']);

export { candidateFilter };

/** A predicate on a call's callee: false only when the call provably cannot be a request (nor a LangChain model). */
export function requestCandidates(fc: FileCtx): (callee: Node) => boolean {
  if (!candidateFilter.enabled) return () => true;
  let keys: Set<string> | null | undefined;
  /** whether `prop` may be an object's key or a declared name (false: it is neither, anywhere in the file) */
  const maybeKey = (prop: string): boolean => {
    if (keys === undefined) keys = KEY_ESCAPES.test(fc.text) ? null : uncalledWords(fc.text);
    return keys === null || keys.has(prop);
  };
  // objects of another workspace file are reachable only through an import of a relative / aliased path
  const crossFile = !!fc.an.ws && /['"`](?:\.\.?\/|@\/|~\/)/.test(fc.text);
  return (callee) => {
    const c = unwrap(callee);
    // a name declared nowhere in the file is a global (`String(x)`): it evaluates to nothing an SDK table row matches
    if (c.type === 'identifier') return REQUEST_NAMES.has(c.text) || !IDENTIFIER.test(c.text) || maybeKey(c.text);
    if (c.type !== 'member_expression' && c.type !== 'subscript_expression') return true;
    const prop = memberProperty(c);
    if (prop === null || REQUEST_NAMES.has(prop) || !IDENTIFIER.test(prop)) return true;
    const obj = memberObject(c);
    if (!obj || unwrap(obj).type === 'this') return true;
    if (maybeKey(prop)) return true;
    return crossFile && !localRoot(obj, fc);
  };
}

/**
 * Whether the value of `obj` is decided in this file without an object literal: its member chain starts at a
 * global, a package import, a function or class, a parameter without a default, or a variable initialised with a
 * value that is not an object. Anything else may lead to another workspace file's objects.
 */
function localRoot(obj: Node, fc: FileCtx): boolean {
  let n = unwrap(obj);
  for (let i = 0; i < 32 && (n.type === 'member_expression' || n.type === 'subscript_expression'); i++) {
    const inner = memberObject(n);
    if (!inner) return false;
    n = unwrap(inner);
  }
  if (n.type !== 'identifier') return false;
  const decl = resolveName(fc, n.text, n);
  if (!decl || decl.kind === 'function' || decl.kind === 'class') return true;
  if (decl.kind === 'import') return !WORKSPACE_SPEC.test(decl.pkg);
  if (decl.kind === 'param') return !decl.def;
  return !!decl.init && !decl.path.length && NOT_OBJECT_INIT.has(unwrap(decl.init).type);
}
