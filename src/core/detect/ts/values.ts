// Static evaluation of TS/JS expressions, as far as a single pass can go without running code:
// literals, templates, constants (same file and imported workspace modules), env defaults, object spreads,
// prompt files read with readFileSync, and values derived from npm package imports (a root plus a
// sequence of member accesses, `new` and calls) that the SDK matcher interprets later.
import type { Node } from 'web-tree-sitter';
import { composers } from '../sdks';
import { assignmentExpressions, dirOf, loadImported, type FileCtx } from './context';
import { elements, propNode } from './objects';
import { readPromptFile } from './promptFiles';
import { evalThisMember, evalThisMethodCall, instanceOfType } from './thisValues';
import { exportedDecl, resolveName, type Decl } from './scope';
import { argumentsOf, dottedName, memberObject, memberProperty, stringValue, unwrap, cookEscape } from './syntax';

export type StrSrc = 'literal' | 'constant' | 'imported' | 'env-default' | 'file';
export interface Where { file: string; line: number }
export interface Ref { node: Node; fc: FileCtx }

export type Step = { k: 'get'; name: string } | { k: 'new' | 'call'; args: Node[]; fc: FileCtx; node: Node };

export type Val =
  | { t: 'str'; value: string; src: StrSrc; placeholders: string[]; from?: Where; /** the text starts with this env var (a base URL) */ envBase?: string }
  | { t: 'num'; value: number; src: StrSrc }
  | { t: 'bool'; value: boolean }
  | { t: 'null' }
  | { t: 'env'; name: string }
  | { t: 'obj'; ref: Ref }
  | { t: 'arr'; ref: Ref }
  /** something derived from an npm package import: `import X from pkg` then steps (`new X(…)`, `.chat`, `(…)`) */
  | { t: 'pkg'; pkg: string; name: string | null; steps: Step[]; origin: Node; fc: FileCtx }
  /** a LangChain runnable composed from parts (prompt.pipe(llm), RunnableSequence.from([...]), agents) */
  | { t: 'chain'; parts: Val[] }
  | { t: 'unknown' };

const UNKNOWN: Val = { t: 'unknown' };
const MAX_DEPTH = 24;
const MAX_STEPS = 16;
const FILE_READERS = new Set(['readFileSync', 'readFile', 'readTextFile']);

export function isLangChainPkg(pkg: string): boolean {
  return pkg.startsWith('@langchain/') || pkg === 'langchain' || pkg.startsWith('langchain/');
}

/** Dotted name of a package value up to its first `new`/call: `ChatPromptTemplate.fromMessages`, `openai.embedding`. */
export function pkgPath(v: Extract<Val, { t: 'pkg' }>): string {
  const parts = v.name ? [v.name] : [];
  for (const s of v.steps) {
    if (s.k !== 'get') break;
    parts.push(s.name);
  }
  return parts.join('.');
}

function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

function asConstant(v: Val, where: Where, src: StrSrc): Val {
  if (v.t === 'str' && (v.src === 'literal' || (src === 'imported' && v.src === 'constant'))) return { ...v, src, from: v.from ?? where };
  if (v.t === 'num' && v.src === 'literal') return { ...v, src };
  return v;
}

export function evaluate(node: Node | null, fc: FileCtx, depth = 0): Val {
  if (!node || depth > MAX_DEPTH) return UNKNOWN;
  const cached = fc.evals.get(node.id);
  if (cached) return cached;
  fc.evals.set(node.id, UNKNOWN); // cycle guard: a self-referencing value stays unknown
  const v = evaluateUncached(unwrap(node), fc, depth);
  fc.evals.set(node.id, v);
  return v;
}

function evaluateUncached(n: Node, fc: FileCtx, depth: number): Val {
  switch (n.type) {
    case 'string':
      return { t: 'str', value: stringValue(n), src: 'literal', placeholders: [] };
    case 'template_string':
      return evalTemplate(n, fc, depth);
    case 'number': {
      const value = Number(n.text.replace(/_/g, ''));
      return Number.isFinite(value) ? { t: 'num', value, src: 'literal' } : UNKNOWN;
    }
    case 'true':
    case 'false':
      return { t: 'bool', value: n.type === 'true' };
    case 'null':
    case 'undefined':
      return { t: 'null' };
    case 'object':
      return { t: 'obj', ref: { node: n, fc } };
    case 'array':
      return { t: 'arr', ref: { node: n, fc } };
    case 'identifier':
    case 'shorthand_property_identifier':
      return evalIdentifier(n, fc, depth);
    case 'member_expression':
    case 'subscript_expression':
      return evalMember(n, fc, depth);
    case 'call_expression':
      return evalCall(n, fc, depth);
    case 'new_expression': {
      const ctor = evaluate(n.childForFieldName('constructor'), fc, depth + 1);
      return ctor.t === 'pkg' ? addStep(ctor, { k: 'new', args: argumentsOf(n), fc, node: n }) : UNKNOWN;
    }
    case 'binary_expression':
      return evalBinary(n, fc, depth);
    case 'ternary_expression': {
      // `cond ? new AzureOpenAI(…) : new OpenAI()`: the same package's object either way (the first branch's options)
      const a = evaluate(n.childForFieldName('consequence'), fc, depth + 1);
      const b = evaluate(n.childForFieldName('alternative'), fc, depth + 1);
      if (a.t === 'pkg' && (b.t === 'null' || (b.t === 'pkg' && b.pkg === a.pkg))) return a;
      return b.t === 'pkg' && a.t === 'null' ? b : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

export function addStep(v: Extract<Val, { t: 'pkg' }>, step: Step): Val {
  return v.steps.length >= MAX_STEPS ? UNKNOWN : { ...v, steps: [...v.steps, step] };
}

function evalTemplate(n: Node, fc: FileCtx, depth: number): Val {
  let value = '';
  const placeholders: string[] = [];
  let envBase: string | undefined;
  let file: Where | undefined;
  for (const c of n.namedChildren) {
    if (c.type === 'string_fragment') value += c.text;
    else if (c.type === 'escape_sequence') value += cookEscape(c.text);
    else if (c.type === 'template_substitution') {
      const expr = c.namedChild(0);
      const inner = evaluate(expr, fc, depth + 1);
      if (value === '' && !envBase && (inner.t === 'env' || (inner.t === 'str' && inner.envBase)))
        envBase = inner.t === 'env' ? inner.name : (inner as { envBase: string }).envBase;
      // a prompt file's text is sent as is, its own {{placeholders}} with it (and the file is known to be used here)
      if (inner.t === 'str' && inner.src === 'file') {
        value += inner.value;
        for (const p of inner.placeholders) if (!placeholders.includes(p)) placeholders.push(p);
        file ??= inner.from;
      } else if ((inner.t === 'str' && !inner.placeholders.length) || inner.t === 'num') value += String(inner.value);
      else {
        const name = (expr?.text ?? '').trim();
        value += '${' + name + '}';
        if (name && !placeholders.includes(name)) placeholders.push(name);
      }
    }
  }
  return { t: 'str', value, src: file ? 'file' : 'literal', placeholders, ...(file ? { from: file } : {}), ...(envBase ? { envBase } : {}) };
}

function evalBinary(n: Node, fc: FileCtx, depth: number): Val {
  const op = n.childForFieldName('operator')?.type ?? '';
  const left = evaluate(n.childForFieldName('left'), fc, depth + 1);
  const right = evaluate(n.childForFieldName('right'), fc, depth + 1);
  if (op === '??' || op === '||') {
    if (left.t === 'env') return right.t === 'str' || right.t === 'num' ? { ...right, src: 'env-default' } : left;
    if (left.t === 'str' || left.t === 'obj' || left.t === 'pkg' || left.t === 'arr') return left;
    // a default for a runtime value (`opts.model ?? "gpt-4o"`): as good as an env default; '' says nothing
    if (left.t === 'unknown' && ((right.t === 'str' && right.value !== '') || right.t === 'num')) return { ...right, src: 'env-default' };
    return right.t === 'obj' || right.t === 'arr' ? right : UNKNOWN;
  }
  if (op === '+') return foldPlus(n, fc, depth);
  return UNKNOWN;
}

/**
 * `a + b + c + …` parses as a left-deep tree as deep as the chain is long: its operands are collected iteratively
 * and joined in one pass, so a concatenation of any length is evaluated whole (recursing into it hit MAX_DEPTH
 * after ~24 terms and left the rest as one huge placeholder). Same result as joining pair by pair.
 */
function foldPlus(n: Node, fc: FileCtx, depth: number): Val {
  const spine: Node[] = [];
  for (let cur: Node | null = n; cur?.type === 'binary_expression' && cur.childForFieldName('operator')?.type === '+'; cur = cur.childForFieldName('left')) spine.push(cur);
  const first = spine[spine.length - 1]!.childForFieldName('left');
  const part = (v: Val, node: Node | null): { text: string; ph: string[] } =>
    v.t === 'str' ? { text: v.value, ph: v.placeholders } : v.t === 'num' ? { text: String(v.value), ph: [] }
      : { text: '${' + (node?.text ?? '') + '}', ph: [node?.text ?? ''] };
  // A string so far is kept as pieces and joined once at the end (joining at every step is quadratic).
  interface Text { pieces: string[]; ph: Set<string>; envBase?: string; from?: Where }
  const start = (pieces: { text: string; ph: string[] }[], envBase: string | undefined, from: Where | undefined): Text =>
    ({ pieces: pieces.map((p) => p.text), ph: new Set(pieces.flatMap((p) => p.ph).filter(Boolean)), ...(envBase ? { envBase } : {}), ...(from ? { from } : {}) });
  const firstVal = evaluate(first, fc, depth + 1);
  let acc: Val | Text = firstVal.t === 'str' ? start([part(firstVal, first)], firstVal.envBase, firstVal.src === 'file' ? firstVal.from : undefined) : firstVal;
  for (let k = spine.length - 1; k >= 0; k--) {
    if ((spine.length - k) % 256 === 0) fc.an.checkBudget();
    const rightNode = spine[k]!.childForFieldName('right');
    const right = evaluate(rightNode, fc, depth + 1);
    const fileOfRight = right.t === 'str' && right.src === 'file' ? right.from : undefined;
    if ('pieces' in acc) {
      const b = part(right, rightNode);
      acc.pieces.push(b.text);
      for (const p of b.ph) if (p) acc.ph.add(p);
      if (!acc.from && fileOfRight) acc.from = fileOfRight;
    } else if (right.t === 'str') {
      const leftNode = k === spine.length - 1 ? first : spine[k + 1]!;
      acc = start([part(acc, leftNode), part(right, rightNode)], acc.t === 'env' ? acc.name : undefined, fileOfRight);
    } else {
      acc = UNKNOWN;
    }
  }
  if (!('pieces' in acc)) return acc.t === 'unknown' ? UNKNOWN : acc;
  const { pieces, ph, envBase, from } = acc;
  return { t: 'str', value: pieces.join(''), src: from ? 'file' : 'literal', placeholders: [...ph], ...(from ? { from } : {}), ...(envBase ? { envBase } : {}) };
}

function evalIdentifier(n: Node, fc: FileCtx, depth: number): Val {
  const name = n.text;
  if (name === 'undefined') return { t: 'null' };
  const decl = resolveName(fc, name, n);
  if (!decl) {
    if (name === '__dirname') return { t: 'str', value: dirOf(fc.relPath), src: 'literal', placeholders: [] };
    return UNKNOWN;
  }
  return evalDecl(decl, fc, depth);
}

export function evalDecl(decl: Decl, fc: FileCtx, depth: number): Val {
  switch (decl.kind) {
    case 'var': {
      const init = decl.init;
      if (!init) {
        // `let client; … client = new OpenAI()`: the first assignment that evaluates to something
        if (decl.path.length) return UNKNOWN;
        for (const right of assignedValues(fc, decl.id.text)) {
          const v = evaluate(right, fc, depth + 1);
          if (v.t !== 'unknown') return asConstant(v, { file: fc.relPath, line: lineOf(right) }, 'constant');
        }
        return UNKNOWN;
      }
      let v = evaluate(init, fc, depth + 1);
      for (const key of decl.path) v = getMember(v, key, fc, depth);
      return asConstant(v, { file: fc.relPath, line: lineOf(init) }, 'constant');
    }
    case 'import': {
      if (isWorkspaceSpec(decl.pkg)) {
        const other = loadImported(fc, decl.pkg);
        if (!other) return UNKNOWN;
        const d = exportedDecl(other, decl.imported ?? 'default');
        if (!d) return UNKNOWN;
        const v = evalDecl(d, other, depth + 1);
        return asConstant(v, { file: other.relPath, line: lineOf(d.id) }, 'imported');
      }
      if (isMocked(fc, decl.pkg)) return UNKNOWN;
      return { t: 'pkg', pkg: decl.pkg, name: decl.imported, steps: [], origin: decl.id, fc };
    }
    case 'param': {
      const typed = decl.type ? instanceOfType(decl.type, fc, depth) : UNKNOWN;
      if (typed.t !== 'unknown') return typed;
      if (decl.def) return asConstant(evaluate(decl.def, fc, depth + 1), { file: fc.relPath, line: lineOf(decl.def) }, 'constant');
      return UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

function isWorkspaceSpec(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec.startsWith('@/') || spec.startsWith('~/');
}

/** Packages replaced by test doubles in this file (`jest.mock('openai')`, `vi.mock('openai', …)`). */
export function isMocked(fc: FileCtx, pkg: string): boolean {
  return fc.mocked.has(pkg);
}

function assignedValues(fc: FileCtx, name: string): Node[] {
  if (!fc.assignments) {
    const map = new Map<string, Node[]>();
    for (const a of assignmentExpressions(fc)) {
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (!left || !right) continue;
      const key = left.type === 'identifier' ? left.text : left.type === 'member_expression' && memberObject(left)?.type === 'this' ? `this.${memberProperty(left)}` : null;
      if (key) map.set(key, [...(map.get(key) ?? []), a]);
    }
    fc.assignments = map;
  }
  return (fc.assignments.get(name) ?? []).slice(0, 8).map((a) => a.childForFieldName('right')).filter((r): r is Node => !!r);
}

/** The value of `obj.key` for a static object, a package value or a chain; unknown otherwise. */
export function getMember(v: Val, key: string, _fc: FileCtx, depth: number): Val {
  if (v.t === 'obj') {
    const p = propNode(v.ref, key);
    return p ? evaluate(p.node, p.fc, depth + 1) : UNKNOWN;
  }
  if (v.t === 'arr' && /^\d+$/.test(key)) {
    const el = elements(v.ref)[Number(key)];
    return el ? evaluate(el.node, el.fc, depth + 1) : UNKNOWN;
  }
  if (v.t === 'pkg') return addStep(v, { k: 'get', name: key });
  return UNKNOWN;
}

function evalMember(n: Node, fc: FileCtx, depth: number): Val {
  const dotted = dottedName(n);
  if (dotted) {
    const env = /^(?:process\.env|import\.meta\.env|Deno\.env)\.(\w+)$/.exec(dotted);
    if (env) return { t: 'env', name: env[1]! };
  }
  const objNode = memberObject(n);
  const key = memberProperty(n);
  if (!objNode || key === null) return UNKNOWN;
  const obj = unwrap(objNode);
  if (obj.type === 'this') return evalThisMember(n, key, fc, depth);
  return getMember(evaluate(obj, fc, depth + 1), key, fc, depth);
}

function evalCall(n: Node, fc: FileCtx, depth: number): Val {
  const callee = n.childForFieldName('function');
  if (!callee) return UNKNOWN;
  const args = argumentsOf(n);
  const dotted = dottedName(callee);
  if ((dotted === 'require' && !resolveName(fc, 'require', n)) || callee.type === 'import') {
    const spec = args[0] ? evaluate(args[0], fc, depth + 1) : UNKNOWN;
    if (spec.t !== 'str') return UNKNOWN;
    if (isWorkspaceSpec(spec.value) || isMocked(fc, spec.value)) return UNKNOWN;
    return { t: 'pkg', pkg: spec.value, name: null, steps: [], origin: n, fc };
  }
  if (dotted === 'JSON.stringify' || dotted === 'String') return evaluate(args[0] ?? null, fc, depth + 1);
  // awaiting several promises at once: the array of their values (destructured by index)
  if (dotted === 'Promise.all') return evaluate(args[0] ?? null, fc, depth + 1);
  const last = dotted?.slice(dotted.lastIndexOf('.') + 1) ?? '';
  if (dotted && FILE_READERS.has(last)) return readPromptFile(args[0] ?? null, fc, depth);
  const calleeNode = unwrap(callee);
  if (calleeNode.type === 'member_expression') {
    const key = memberProperty(calleeNode);
    const objNode = memberObject(calleeNode);
    if (key && objNode && unwrap(objNode).type === 'this') return evalThisMethodCall(calleeNode, key, fc, depth);
    const obj = evaluate(objNode, fc, depth + 1);
    // `promise.then((sdk) => sdk as SDK)`: an identity callback passes the resolved value through
    if (key === 'then' && obj.t === 'pkg' && isIdentityCallback(args[0] ?? null)) return obj;
    if (key === 'pipe' && isRunnable(obj)) return { t: 'chain', parts: [...chainParts(obj), ...chainParts(evaluate(args[0] ?? null, fc, depth + 1))] };
    if (key && composers('js').wrappers.includes(key) && isRunnable(obj)) return obj;
    if (obj.t === 'str' && (key === 'trim' || key === 'toString')) return obj;
    if (obj.t === 'pkg' && key) {
      const member = addStep(obj, { k: 'get', name: key });
      return member.t === 'pkg' ? composeOrCall(member, n, args, fc, depth) : UNKNOWN;
    }
    return UNKNOWN;
  }
  const f = evaluate(callee, fc, depth + 1);
  return f.t === 'pkg' ? composeOrCall(f, n, args, fc, depth) : UNKNOWN;
}

/** `(x) => x`, `(x) => x as T`, `function (x) { return x; }` */
function isIdentityCallback(fn: Node | null): boolean {
  if (!fn || (fn.type !== 'arrow_function' && fn.type !== 'function_expression')) return false;
  const params = fn.childForFieldName('parameters');
  const single = fn.childForFieldName('parameter');
  const names = single ? [single] : (params?.namedChildren ?? []).filter((p): p is Node => !!p);
  if (names.length !== 1) return false;
  const name = (names[0]!.childForFieldName('pattern') ?? names[0]!).text;
  let body = fn.childForFieldName('body');
  if (body?.type === 'statement_block') {
    const stmts = body.namedChildren.filter((c) => c && c.type !== 'comment');
    body = stmts.length === 1 && stmts[0]!.type === 'return_statement' ? stmts[0]!.namedChild(0) : null;
  }
  return !!body && unwrap(body).type === 'identifier' && unwrap(body).text === name;
}

export function isRunnable(v: Val): boolean {
  return v.t === 'chain' || (v.t === 'pkg' && isLangChainPkg(v.pkg));
}

function chainParts(v: Val): Val[] {
  return v.t === 'chain' ? v.parts : [v];
}

/** A call on a package value: LangChain compositions become chains; everything else is one more step. */
function composeOrCall(v: Extract<Val, { t: 'pkg' }>, n: Node, args: Node[], fc: FileCtx, depth: number): Val {
  if (isLangChainPkg(v.pkg) && !v.steps.some((s) => s.k !== 'get')) {
    const path = pkgPath(v);
    if (composers('js').sequences.includes(path)) {
      const arr = args[0] ? evaluate(args[0], fc, depth + 1) : UNKNOWN;
      if (arr.t === 'arr') return { t: 'chain', parts: elements(arr.ref).flatMap((e) => chainParts(evaluate(e.node, e.fc, depth + 1))) };
    }
    if (composers('js').agents.includes(path)) {
      const first = args[0] ? evaluate(args[0], fc, depth + 1) : UNKNOWN;
      const model = first.t === 'obj' ? getMember(first, 'llm', fc, depth).t !== 'unknown' ? getMember(first, 'llm', fc, depth) : getMember(first, 'model', fc, depth) : first;
      return { t: 'chain', parts: chainParts(model) };
    }
  }
  return addStep(v, { k: 'call', args, fc, node: n });
}

