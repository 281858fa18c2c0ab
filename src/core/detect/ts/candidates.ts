// Which calls of a TS/JS file can be model requests at all, decided before the static evaluation (the costly part:
// every node the evaluator touches is a round trip into the tree-sitter wasm). A call `o.p(…)` is evaluated when
// its property `p` is a name the SDK table can match (a method path's last segment, a client or function name,
// `send`, the LangChain runnable methods, the inferred shapes' methods, HTTP client methods). Any other `o.p(…)`
// is a request only when `o` evaluates to an object literal holding `p` (`const api = { run: client.chat… }`):
// kept when the file's text may give an object the key `p` (any uncalled word `p`), or when `o` may come from another
// workspace file. Identifier callees (`generateText(…)`, an aliased import) and everything else are always evaluated.
import type { Node } from 'web-tree-sitter';
import { HTTP_CLIENTS, SDKS } from '../sdks';
import { INFERRED_RECEIVERS } from '../receivers';
import type { FileCtx } from './context';
import { candidateFilter } from '../candidateFilter';
import { resolveName } from './scope';
import { memberObject, memberProperty, unwrap } from './syntax';

/**
 * One walk of the tree, inside the wasm (`descendantsOfType` with the three types), lists every call, `new` and
 * assignment; each is sorted by its type. A compiled query did the same walk but cost ~20-50 ms to compile in a
 * fresh worker (the first TS file of every cold scan) and ~30 % more per file once warm (76 bench files: 33 → 25 ms).
 */
const LISTED = ['call_expression', 'new_expression', 'assignment_expression'];

/** The file's call, `new` and assignment expressions, each in document (pre-)order, as `descendantsOfType` lists them. */
export function callsAndNews(root: Node): { calls: Node[]; news: Node[]; assigns: Node[] } {
  const calls: Node[] = [];
  const news: Node[] = [];
  const assigns: Node[] = [];
  for (const node of root.descendantsOfType(LISTED)) {
    if (!node) continue;
    const type = node.type; // by name: a grammar may give one name several symbol ids (aliases)
    (type === 'call_expression' ? calls : type === 'new_expression' ? news : assigns).push(node);
  }
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
const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
const isSpace = (c: number) => /\s/.test(String.fromCharCode(c));
const CALLED = /\s*\(/y;

/**
 * Whether the word `word` occurs in the text other than directly called (`word(` / `word (`), or as the name of a
 * `function word(` / `function* word(`: a superset of the keys an object literal or an `x.key = …` / `x['key'] = …`
 * assignment can give an object (`key:`, `'key':`, `{ key }`, `.key =`, `['key'] =` all leave the word uncalled).
 * Searched for each word the filter asks about, no tree access.
 */
export function usedUncalled(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    const end = i + word.length;
    if (end < text.length && isWordChar(text.charCodeAt(end))) continue;
    if (declaredFunction(text, i)) return true;
    if (i > 0 && isWordChar(text.charCodeAt(i - 1))) continue;
    CALLED.lastIndex = end;
    if (!CALLED.test(text)) return true;
  }
  return false;
}

/** Whether `function`, then blanks, an optional `*` and blanks, ends at `at` (the word there is a function's name). */
function declaredFunction(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
  if (k > 0 && text.charCodeAt(k - 1) === 42 /* * */) {
    k--;
    while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
  }
  return k >= 8 && text.startsWith('function', k - 8) && (k === 8 || !isWordChar(text.charCodeAt(k - 9)));
}

/** `name(` or `a.b.name(` at a call's start: group 1 the first name, 3 the last property (ASCII; no comment, `?.`, `!`, type arguments). */
const DOTTED_CALL = /([A-Za-z_$][\w$]*)((?:\s*\.\s*([A-Za-z_$][\w$]*))*)\s*\(/y;
/** Words that start a call's text without being its callee's name or object (`import(…)`, `super(…)`, `function(){}()`). */
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends',
  'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'throw', 'true',
  'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'await', 'implements', 'package', 'protected', 'interface',
  'private', 'public',
]);

const WORKSPACE_SPEC = /^(\.\.?\/|@\/|~\/)/;
/** Values whose members are never an object literal's (what evaluate() makes of these initialisers). */
const NOT_OBJECT_INIT = new Set(['array', 'string', 'template_string', 'number', 'true', 'false', 'null', 'undefined', 'new_expression', 'arrow_function', 'function_expression', 'regex']);

export { candidateFilter };

export interface Candidates {
  /**
   * The decision read from the call's text (`name(…)` / `a.b.name(…)`) when the text reads as the tree does (no
   * syntax error; no other call starts at the same place), else undefined: ask byCallee.
   */
  byText(call: Node): boolean | undefined;
  /** The decision read from the call's callee node. */
  byCallee(callee: Node): boolean;
}

/** Decides, per call, whether it can be a request at all (false: provably not a request nor a LangChain model). */
export function requestCandidates(fc: FileCtx, calls: Node[]): Candidates {
  if (!candidateFilter.enabled) return { byText: () => true, byCallee: () => true };
  let escapes: boolean | undefined;
  const words = new Map<string, boolean>();
  /** whether `prop` may be an object's key or a declared name (false: it is neither, anywhere in the file) */
  const maybeKey = (prop: string): boolean => {
    if ((escapes ??= KEY_ESCAPES.test(fc.text))) return true;
    let v = words.get(prop);
    if (v === undefined) words.set(prop, (v = usedUncalled(fc.text, prop)));
    return v;
  };
  // objects of another workspace file are reachable only through an import of a relative / aliased path
  const crossFile = !!fc.an.ws && /['"`](?:\.\.?\/|@\/|~\/)/.test(fc.text);
  const plain = !fc.root.hasError;
  const sharedStart = new Set<number>();
  for (let i = 1; i < calls.length; i++) if (calls[i]!.startIndex === calls[i - 1]!.startIndex) sharedStart.add(calls[i]!.id).add(calls[i - 1]!.id);
  const byText = (call: Node): boolean | undefined => {
    if (!plain || sharedStart.has(call.id)) return undefined;
    DOTTED_CALL.lastIndex = call.startIndex;
    const m = DOTTED_CALL.exec(fc.text);
    const first = m?.[1];
    if (!m || !first || RESERVED.has(first) || (first === 'this' && !m[2])) return undefined;
    if (!m[2]) return REQUEST_NAMES.has(first) || maybeKey(first);
    const prop = m[3]!;
    if (REQUEST_NAMES.has(prop) || (first === 'this' && m[2].indexOf('.') === m[2].lastIndexOf('.'))) return true;
    if (maybeKey(prop)) return true;
    if (!crossFile) return false;
    const callee = call.childForFieldName('function');
    const obj = callee ? memberObject(callee) : null;
    return !obj || !localRoot(obj, fc);
  };
  const byCallee = (callee: Node): boolean => {
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
  return { byText, byCallee };
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
