// Static evaluation of TS/JS expressions, as far as a single pass can go without running code:
// literals, templates, constants (same file and imported workspace modules), env defaults, object spreads,
// prompt files read with readFileSync, and values derived from npm package imports (a root plus a
// sequence of member accesses, `new` and calls) that the SDK matcher interprets later.
import type { Node } from 'web-tree-sitter';
import { placeholdersIn } from '../promptParts';
import { composers } from '../sdks';
import { dirOf, loadImported, normalizePath, type FileCtx } from './context';
import { exportedDecl, resolveName, type Decl } from './scope';
import { argumentsOf, dottedName, isClassLike, isFunctionLike, keyName, memberObject, memberProperty, stringValue, unwrap, cookEscape } from './syntax';
import { parentOf } from '../ancestors';

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
const PATH_JOINERS = new Set(['join', 'resolve', 'path.join', 'path.resolve', 'posix.join', 'path.posix.join']);

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
    default:
      return UNKNOWN;
  }
}

function addStep(v: Extract<Val, { t: 'pkg' }>, step: Step): Val {
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

/** `client: OpenAI` → an instance of the package class the type names. */
function instanceOfType(typeAnnotation: Node, fc: FileCtx, depth: number): Val {
  const t = typeAnnotation.type === 'type_annotation' ? typeAnnotation.namedChild(0) : typeAnnotation;
  if (!t) return UNKNOWN;
  let base: Val = UNKNOWN;
  if (t.type === 'type_identifier') {
    const d = resolveName(fc, t.text, t);
    if (d && d.kind === 'import') base = evalDecl(d, fc, depth + 1);
  } else if (t.type === 'nested_type_identifier') {
    const [mod, name] = [t.namedChild(0), t.namedChild(t.namedChildCount - 1)];
    if (mod && name && mod.type === 'identifier') {
      const d = resolveName(fc, mod.text, t);
      const m = d && d.kind === 'import' ? evalDecl(d, fc, depth + 1) : UNKNOWN;
      if (m.t === 'pkg') base = { ...m, steps: [...m.steps, { k: 'get', name: name.text }] };
    }
  }
  return base.t === 'pkg' ? addStep(base, { k: 'new', args: [], fc, node: t }) : UNKNOWN;
}

function assignedValues(fc: FileCtx, name: string): Node[] {
  if (!fc.assignments) {
    const map = new Map<string, Node[]>();
    for (const a of fc.root.descendantsOfType('assignment_expression')) {
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

/** `this.client` inside a class: field initialiser, `this.client = …` in the class, or a typed parameter property. */
function evalThisMember(at: Node, key: string, fc: FileCtx, depth: number): Val {
  let cls: Node | null = parentOf(at);
  while (cls && !isClassLike(cls)) cls = parentOf(cls);
  const body = cls?.childForFieldName('body');
  if (!cls || !body) return UNKNOWN;
  let typed: Node | null = null;
  for (const m of body.namedChildren) {
    if (m.type === 'public_field_definition' || m.type === 'field_definition') {
      const name = m.childForFieldName('name') ?? m.childForFieldName('property');
      if (keyName(name) !== key) continue;
      const value = m.childForFieldName('value');
      if (value) return evaluate(value, fc, depth + 1);
      typed = m.childForFieldName('type');
    } else if (m.type === 'method_definition' && keyName(m.childForFieldName('name')) === 'constructor') {
      for (const p of m.childForFieldName('parameters')?.namedChildren ?? []) {
        if (p.type !== 'required_parameter' && p.type !== 'optional_parameter') continue;
        if (p.childForFieldName('pattern')?.text !== key || !p.namedChildren.some((c) => c.type === 'accessibility_modifier' || c.text === 'readonly')) continue;
        const type = p.childForFieldName('type');
        if (type) return instanceOfType(type, fc, depth);
      }
    }
  }
  for (const a of body.descendantsOfType('assignment_expression')) {
    const left = a.childForFieldName('left');
    if (left?.type === 'member_expression' && memberObject(left)?.type === 'this' && memberProperty(left) === key) {
      const v = evaluate(a.childForFieldName('right'), fc, depth + 1);
      if (v.t !== 'unknown') return v;
    }
  }
  return typed ? instanceOfType(typed, fc, depth) : UNKNOWN;
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

/** `this.getSdk()`: the value the class's own method returns (its first return whose value is known). */
function evalThisMethodCall(at: Node, key: string, fc: FileCtx, depth: number): Val {
  let cls: Node | null = parentOf(at);
  while (cls && !isClassLike(cls)) cls = parentOf(cls);
  const body = cls?.childForFieldName('body');
  const method = body?.namedChildren.find((m) => m?.type === 'method_definition' && keyName(m.childForFieldName('name')) === key);
  const block = method?.childForFieldName('body');
  if (!block) return UNKNOWN;
  for (const r of block.descendantsOfType('return_statement')) {
    if (!r) continue;
    let owner: Node | null = parentOf(r);
    while (owner && owner.id !== method!.id && !isFunctionLike(owner)) owner = parentOf(owner);
    if (owner?.id !== method!.id) continue; // a return of a nested callback
    const v = evaluate(r.namedChild(0), fc, depth + 1);
    if (v.t !== 'unknown' && v.t !== 'null') return v;
  }
  return UNKNOWN;
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

/** Property `key` of an object literal, following spreads (`{ ...defaults, model }`); later entries win. */
export function propNode(ref: Ref, key: string, depth = 0): Ref | null {
  let found: Ref | null = null;
  for (const e of entries(ref, depth)) if (e.key === key) found = e.value;
  return found;
}

/**
 * Keys the file assigns after the literal, through a variable bound to it (`var options = { method: 'POST' }; …
 * options['body'] = JSON.stringify(payload)`; `payload.messages = messages`), last assignment per key. Only
 * identifiers whose value is this very literal count.
 */
function assignedEntries(ref: Ref): Map<string, Node> | undefined {
  const fc = ref.fc;
  if (!fc.memberAssignments) {
    // set before filling: a lookup made while evaluating the targets below sees a partial index, not a rebuild
    const byObject = new Map<number, Map<string, Node>>();
    fc.memberAssignments = byObject;
    for (const a of fc.root.descendantsOfType('assignment_expression')) {
      const left = a?.childForFieldName('left');
      const right = a?.childForFieldName('right');
      if (!left || !right || (left.type !== 'member_expression' && left.type !== 'subscript_expression')) continue;
      const obj = memberObject(left);
      const k = memberProperty(left);
      if (obj?.type !== 'identifier' || k === null) continue;
      const target = evaluate(obj, fc);
      if (target.t !== 'obj' || target.ref.fc !== fc) continue;
      const keys = byObject.get(target.ref.node.id) ?? new Map<string, Node>();
      keys.set(k, right);
      byObject.set(target.ref.node.id, keys);
    }
  }
  return fc.memberAssignments.get(ref.node.id);
}

/** Key/value entries of an object literal in source order, spreads of static objects inlined. */
export function entries(ref: Ref, depth = 0): { key: string; value: Ref }[] {
  const out: { key: string; value: Ref }[] = [];
  if (depth > 8) return out;
  for (const c of ref.node.namedChildren) {
    if (c.type === 'pair') {
      const key = keyName(c.childForFieldName('key'));
      const value = c.childForFieldName('value');
      if (key !== null && value) out.push({ key, value: { node: value, fc: ref.fc } });
    } else if (c.type === 'shorthand_property_identifier') {
      out.push({ key: c.text, value: { node: c, fc: ref.fc } });
    } else if (c.type === 'spread_element') {
      const inner = evaluate(c.namedChild(0), ref.fc, depth + 1);
      if (inner.t === 'obj') out.push(...entries(inner.ref, depth + 1));
    }
  }
  // later `obj.key = …` assignments replace the literal's entry (as at run time in the usual "fill in the request,
  // then send it" code) or add a key
  const assigned = assignedEntries(ref);
  if (assigned) {
    for (const [key, node] of assigned) {
      const value = { node, fc: ref.fc };
      let at = out.length - 1;
      while (at >= 0 && out[at]!.key !== key) at--;
      if (at >= 0) out[at] = { key, value };
      else out.push({ key, value });
    }
  }
  return out;
}

export function elements(ref: Ref): Ref[] {
  return ref.node.namedChildren.filter((c) => c.type !== 'comment').map((node) => ({ node, fc: ref.fc }));
}

/** The text of a prompt file read with readFileSync/readFile (`'prompts/x.txt'`, `path.join(__dirname, 'x.md')`). */
function readPromptFile(arg: Node | null, fc: FileCtx, depth: number): Val {
  const ws = fc.an.ws;
  if (!arg || !ws) return UNKNOWN;
  const p = pathOf(arg, fc, depth);
  if (p === null) return UNKNOWN;
  const candidates = p.fromDir ? [p.path] : [p.path, `${dirOf(fc.relPath)}/${p.path}`];
  for (const c of candidates) {
    const rel = normalizePath(c);
    if (rel === null || !ws.exists(rel)) continue;
    const text = ws.readFile(rel);
    if (text === null || text.length > 200_000) return UNKNOWN;
    return { t: 'str', value: text, src: 'file', placeholders: placeholdersIn(text), from: { file: rel, line: 1 } };
  }
  return UNKNOWN;
}

function pathOf(arg: Node, fc: FileCtx, depth: number): { path: string; fromDir: boolean } | null {
  const n = unwrap(arg);
  if (n.type === 'call_expression') {
    const name = dottedName(n.childForFieldName('function') ?? n);
    if (name && PATH_JOINERS.has(name)) {
      const segs: string[] = [];
      let fromDir = false;
      for (const a of argumentsOf(n)) {
        const inner = unwrap(a);
        if (inner.type === 'identifier' && inner.text === '__dirname' && !resolveName(fc, '__dirname', inner)) {
          segs.length = 0;
          segs.push(dirOf(fc.relPath));
          fromDir = true;
          continue;
        }
        if (dottedName(inner) === 'process.cwd') continue;
        const v = evaluate(inner, fc, depth + 1);
        if (v.t !== 'str' || v.placeholders.length) return null;
        segs.push(v.value);
      }
      return { path: segs.join('/'), fromDir };
    }
  }
  if (n.type === 'new_expression' && n.childForFieldName('constructor')?.text === 'URL') {
    const first = argumentsOf(n)[0];
    const v = first ? evaluate(first, fc, depth + 1) : UNKNOWN;
    return v.t === 'str' ? { path: `${dirOf(fc.relPath)}/${v.value}`, fromDir: true } : null;
  }
  const v = evaluate(n, fc, depth + 1);
  return v.t === 'str' && !v.placeholders.length ? { path: v.value, fromDir: false } : null;
}

/** JSON text of a fully static value (tool schemas), or undefined when any part is only known at runtime. */
export function toJson(v: Val, depth = 0): unknown {
  if (depth > 16) return undefined;
  switch (v.t) {
    case 'str':
      return v.placeholders.length ? undefined : v.value;
    case 'num':
      return v.value;
    case 'bool':
      return v.value;
    case 'null':
      return null;
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const c of v.ref.node.namedChildren) if (c.type === 'method_definition') return undefined;
      for (const e of entries(v.ref)) {
        const inner = toJson(evaluate(e.value.node, e.value.fc, depth + 1), depth + 1);
        if (inner === undefined) return undefined;
        out[e.key] = inner;
      }
      return out;
    }
    case 'arr': {
      const out: unknown[] = [];
      for (const e of elements(v.ref)) {
        const inner = toJson(evaluate(e.node, e.fc, depth + 1), depth + 1);
        if (inner === undefined) return undefined;
        out.push(inner);
      }
      return out;
    }
    default:
      return undefined;
  }
}
