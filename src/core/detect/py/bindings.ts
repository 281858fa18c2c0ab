// One pass over a Python file's syntax tree records what each scope binds: assignments, imports, parameters,
// `with ... as x`, `for x in`, functions, classes and `self.x = ...`; it also lists the calls to classify.
import type { Node } from 'web-tree-sitter';
import { SELF_PARAMS, type Binding, type PyFile, type Scope } from './file';

const COLLECT_TYPES = ['function_definition', 'lambda', 'class_definition', 'assignment', 'import_statement', 'import_from_statement', 'with_item', 'for_statement', 'call'];
/** What the walk lists: the types above, and dict pairs (for computedKey). */
const LISTED = [...COLLECT_TYPES, 'pair'];
/**
 * Dict keys that may evaluate to a text the source does not spell out as one word (values.ts: names, attributes,
 * calls, concatenations, f-strings, escapes): with one of them in the file, any attribute name may be a key
 * (py/candidates.ts).
 */
const COMPUTED_KEY_TYPES = new Set(['identifier', 'attribute', 'call', 'subscript', 'binary_operator', 'boolean_operator', 'conditional_expression', 'concatenated_string', 'parenthesized_expression', 'await']);

/** Whether a dict pair's key is computed: a COMPUTED_KEY_TYPES node, an f-string, or a string with an escape. */
function computedKey(pair: Node): boolean {
  const key = pair.childForFieldName('key');
  if (!key) return false;
  const type = key.type;
  if (COMPUTED_KEY_TYPES.has(type)) return true;
  if (type !== 'string' || !/[{\\]/.test(key.text)) return false;
  for (const part of key.namedChildren) {
    if (part?.type === 'interpolation') return true;
    if (part?.type === 'string_content' && part.namedChildren.some((c) => c?.type === 'escape_sequence')) return true;
  }
  return false;
}

export function collectBindings(f: PyFile): void {
  const moduleScope: Scope = { node: f.root, kind: 'module', parent: null, bindings: new Map() };
  f.scopes.set(f.root.id, moduleScope);
  // One walk inside the wasm (descendantsOfType) returns just the interesting nodes, in document order, without
  // materialising the rest of the tree in JS (every Node costs a wasm round trip); it is linear in the tree, however
  // deep. (A compiled query did the same, but cost ~10-25 ms to compile in every fresh worker.) Scopes are nested
  // ranges: a stack closed by end index.
  const open: OpenScope[] = [{ scope: moduleScope, end: Number.MAX_SAFE_INTEGER, type: 'module' }];
  const cls = () => classOfOpen(open);
  f.scopeRanges.push({ start: -1, scope: moduleScope });
  f.rangeOf.set(moduleScope, { start: -1, end: Number.MAX_SAFE_INTEGER });
  let n = 0;
  const nodes = f.root.descendantsOfType(LISTED);
  f.shared.ctx.checkBudget();
  for (const node of nodes) {
    if (++n % 2000 === 0) f.shared.ctx.checkBudget();
    if (!node) continue;
    const name = node.type;
    if (name === 'pair') {
      if (!f.computedKeys && computedKey(node)) f.computedKeys = true;
      continue;
    }
    if (name === 'lambda' && !node.isNamed) continue; // the keyword token has the node's name
    while (open.length > 1 && node.startIndex >= open[open.length - 1]!.end) open.pop();
    const inner = visitNode(f, node, open[open.length - 1]!.scope, name, cls);
    if (inner) {
      const start = node.startIndex;
      const end = node.endIndex;
      open.push({ scope: inner, end, type: name });
      f.scopeRanges.push({ start, scope: inner });
      f.rangeOf.set(inner, { start, end });
    }
  }
}


interface OpenScope { scope: Scope; end: number; type: string }

// What a statement binds, read from the text at its start when the file reads as its tree (PyFile.readAt). ASCII
// names only, followed by what must come next, so `def café(` or `a.b.c = 1` fall back to reading the tree.
const DEF_NAME = /(?:async\s+)?def\s+([A-Za-z_]\w*)(?=\s*[([])/y;
const CLASS_NAME = /class\s+([A-Za-z_]\w*)(?=\s*[:([])/y;
/** a parameter `name`, `name: T`, `name=…`, `name: T = …` (not `*args`, `**kw`, `/`, `*`) */
const PARAM_NAME = /([A-Za-z_]\w*)(?=\s*[,)=:])/y;
/** `name =` / `name:` (annotated) and `obj.attr =` / `obj.attr:` */
const NAME_TARGET = /([A-Za-z_]\w*)\s*(?:\.\s*([A-Za-z_]\w*)\s*)?(?:=(?!=)|:)/y;

/**
 * The class whose `self` the statement being visited sees (PyFile.enclosingClass, read from the scopes open around
 * it instead of walking up the tree): the innermost class, unless a function nested in its method has its own `self`.
 */
function classOfOpen(open: OpenScope[]): Node | null {
  let ownSelf = false;
  let last: Node | null = null;
  for (let i = open.length - 1; i > 0; i--) {
    const { scope, type } = open[i]!;
    if (type === 'function_definition') {
      if (last && SELF_PARAMS.test(last.childForFieldName('parameters')?.text ?? '')) ownSelf = true;
      last = scope.node;
    } else if (type === 'class_definition') return ownSelf ? null : scope.node;
  }
  return null;
}

/**
 * Records what `node` binds; returns the scope it opens, if any. `type`: the node's type; `cls`: the class a
 * `self.x = …` in it belongs to.
 */
function visitNode(f: PyFile, node: Node, scope: Scope, type: string, cls: () => Node | null): Scope | null {
  switch (type) {
    case 'function_definition':
    case 'lambda': {
      const name = type === 'lambda' ? null : f.readAt(DEF_NAME, node.startIndex)?.[1] ?? node.childForFieldName('name')?.text;
      if (name) bindName(f, scope, name, { pos: node.startIndex, kind: 'def', node });
      const inner: Scope = { node, kind: 'function', parent: scope, bindings: new Map() };
      f.scopes.set(node.id, inner);
      collectParams(f, node, inner);
      return inner;
    }
    case 'class_definition': {
      const name = f.readAt(CLASS_NAME, node.startIndex)?.[1] ?? node.childForFieldName('name')?.text;
      if (name) bindName(f, scope, name, { pos: node.startIndex, kind: 'class', node });
      const inner: Scope = { node, kind: 'class', parent: scope, bindings: new Map() };
      f.scopes.set(node.id, inner);
      f.selfAttrs.set(node.id, new Map());
      return inner;
    }
    case 'assignment': collectAssignment(f, node, scope, cls); break;
    case 'import_statement':
    case 'import_from_statement': collectImport(f, node, scope); break;
    case 'with_item': {
      const v = node.childForFieldName('value');
      if (v?.type === 'as_pattern') {
        const target = v.childForFieldName('alias')?.namedChild(0);
        const expr = v.namedChild(0);
        if (target?.type === 'identifier' && expr) bindName(f, scope, target.text, { pos: node.startIndex, kind: 'with', node: expr });
      }
      break;
    }
    case 'for_statement': {
      const left = node.childForFieldName('left');
      if (left?.type === 'identifier') bindName(f, scope, left.text, { pos: node.startIndex, kind: 'for', node });
      break;
    }
    case 'call': {
      // calls sharing a start (`a.b(x).c(y)` and `a.b(x)`) are nested: their callees are not read from the text
      const prev = f.calls[f.calls.length - 1];
      if (prev?.startIndex === node.startIndex) f.sharedStart.add(prev.id).add(node.id);
      f.calls.push(node);
      break;
    }
  }
  return null;
}

export function bindName(f: PyFile, scope: Scope, name: string, b: Binding): void {
  const list = scope.bindings.get(name);
  if (list) list.push(b);
  else scope.bindings.set(name, [b]);
}

export function collectParams(f: PyFile, fn: Node, scope: Scope): void {
  const params = fn.childForFieldName('parameters');
  if (!params) return;
  for (const p of params.namedChildren) {
    if (!p) continue;
    const read = f.readAt(PARAM_NAME, p.startIndex)?.[1];
    if (read) {
      bindName(f, scope, read, { pos: fn.startIndex, kind: 'param', node: p });
      continue;
    }
    const nameNode = p.type === 'identifier' ? p : p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? null;
    if (nameNode?.type === 'identifier') bindName(f, scope, nameNode.text, { pos: fn.startIndex, kind: 'param', node: p });
  }
}

function collectAssignment(f: PyFile, node: Node, scope: Scope, enclosingClass: () => Node | null): void {
  const read = f.readAt(NAME_TARGET, node.startIndex);
  const left = read ? null : node.childForFieldName('left');
  const right = node.childForFieldName('right');
  if (!read && !left) return;
  const valueNode = right ?? node.childForFieldName('type');
  if (!valueNode) return;
  const kind = right ? 'assign' : 'param';
  if (read) {
    if (read[2] === undefined) bindName(f, scope, read[1]!, { pos: node.startIndex, kind, node: right ? right : node });
    else attributeTarget(f, node, scope, read[1]!, read[2], right, enclosingClass);
    return;
  }
  if (!left) return;
  if (left.type === 'identifier') {
    bindName(f, scope, left.text, { pos: node.startIndex, kind, node: right ? right : node });
  } else if (left.type === 'subscript' && right) {
    // kwargs["model"] = "gpt-4o": remembered per scope, applied when the dict is used (PyFile.withItems)
    const target = left.childForFieldName('value');
    const key = left.childForFieldName('subscript');
    const text = key?.type === 'string' ? key.namedChildren.find((c) => c?.type === 'string_content')?.text : undefined;
    if (target?.type === 'identifier' && text !== undefined) {
      scope.items ??= new Map();
      const list = scope.items.get(target.text) ?? [];
      list.push({ pos: node.startIndex, key: text, node: right });
      scope.items.set(target.text, list);
    }
  } else if (left.type === 'attribute') {
    const obj = left.childForFieldName('object');
    const attr = left.childForFieldName('attribute');
    if (obj?.type === 'identifier' && attr) attributeTarget(f, node, scope, obj.text, attr.text, right, enclosingClass);
  }
}

/** `X.attr = value` at module level (moduleAttrs), `self.attr = value` / `cls.attr: T` in a class (selfAttrs). */
function attributeTarget(f: PyFile, node: Node, scope: Scope, obj: string, attr: string, right: Node | null, enclosingClass: () => Node | null): void {
  const isSelf = obj === 'self' || obj === 'cls';
  if (right && scope.kind === 'module' && !isSelf) f.moduleAttrs.set(`${obj}.${attr}`, right);
  if (!isSelf) return;
  const cls = enclosingClass();
  if (!cls) return;
  const attrs = f.selfAttrs.get(cls.id)!;
  const b: Binding = { pos: node.startIndex, kind: right ? 'assign' : 'param', node: right ? right : node };
  const list = attrs.get(attr);
  if (list) list.push(b);
  else attrs.set(attr, [b]);
}

export function collectImport(f: PyFile, node: Node, scope: Scope): void {
  if (node.type === 'import_statement') {
    for (const item of node.childrenForFieldName('name')) {
      if (!item) continue;
      if (item.type === 'aliased_import') {
        const name = item.childForFieldName('name')?.text;
        const alias = item.childForFieldName('alias')?.text;
        if (name && alias) bindName(f, scope, alias, { pos: node.startIndex, kind: 'import', node: item, extra: name });
      } else {
        const first = item.text.split('.')[0]!;
        bindName(f, scope, first, { pos: node.startIndex, kind: 'import', node: item, extra: first });
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
    if (name && alias) bindName(f, scope, alias, { pos: node.startIndex, kind: 'import', node: item, extra: `${mod}\u0000${name}` });
  }
}
