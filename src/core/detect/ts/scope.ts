// Lexical name resolution for TS/JS: which declaration an identifier refers to (imports, const/let/var,
// parameters, functions, classes). Block-level maps are built once per block and cached on the file context.
import type { Node } from 'web-tree-sitter';
import type { FileCtx } from './context';
import { isFunctionLike, keyName, stringValue } from './syntax';
import { parentOf } from '../ancestors';

export type Decl =
  | { kind: 'var'; id: Node; init: Node | null; isConst: boolean; /** destructuring key path: `const { a: b } = init` → ['a'] */ path: string[] }
  | { kind: 'import'; id: Node; pkg: string; /** null for default and namespace imports */ imported: string | null; namespace: boolean }
  | { kind: 'param'; id: Node; type: Node | null; def: Node | null; fn: Node }
  | { kind: 'function'; id: Node; node: Node }
  | { kind: 'class'; id: Node; node: Node };

const SCOPE_BLOCKS = new Set(['program', 'statement_block', 'class_static_block', 'switch_body']);

function addPattern(map: Map<string, Decl>, pattern: Node, init: Node | null, isConst: boolean, path: string[]): void {
  switch (pattern.type) {
    case 'identifier':
      map.set(pattern.text, { kind: 'var', id: pattern, init, isConst, path });
      return;
    case 'object_pattern':
      for (const p of pattern.namedChildren) {
        if (p.type === 'shorthand_property_identifier_pattern') map.set(p.text, { kind: 'var', id: p, init, isConst, path: [...path, p.text] });
        else if (p.type === 'pair_pattern') {
          const key = keyName(p.childForFieldName('key'));
          const value = p.childForFieldName('value');
          if (key !== null && value) addPattern(map, value, init, isConst, [...path, key]);
        } else if (p.type === 'object_assignment_pattern') {
          const left = p.childForFieldName('left');
          if (left) map.set(left.text, { kind: 'var', id: left, init, isConst, path: [...path, left.text] });
        }
      }
      return;
    case 'assignment_pattern': {
      const left = pattern.childForFieldName('left');
      if (left) addPattern(map, left, init, isConst, path);
      return;
    }
    case 'array_pattern': {
      // `const [{ ConverseCommand }, client] = await Promise.all([...])`: element i has key path [..., 'i']
      let index = 0;
      for (const c of pattern.children) {
        if (!c) continue;
        if (c.type === ',') index++;
        else if (c.isNamed && c.type !== 'rest_pattern') addPattern(map, c, init, isConst, [...path, String(index)]);
        else if (c.type === 'rest_pattern') for (const id of c.descendantsOfType('identifier')) if (id) map.set(id.text, { kind: 'var', id, init: null, isConst, path: [] });
      }
      return;
    }
    default:
      // rest elements and other patterns: the name exists but its value is not tracked
      for (const id of pattern.descendantsOfType('identifier')) map.set(id.text, { kind: 'var', id, init: null, isConst, path: [] });
  }
}

function addStatement(map: Map<string, Decl>, stmt: Node): void {
  switch (stmt.type) {
    case 'lexical_declaration':
    case 'variable_declaration': {
      const isConst = stmt.child(0)?.type === 'const';
      for (const d of stmt.namedChildren) {
        if (d.type !== 'variable_declarator') continue;
        const name = d.childForFieldName('name');
        if (name) addPattern(map, name, d.childForFieldName('value'), isConst, []);
      }
      return;
    }
    case 'export_statement': {
      const decl = stmt.childForFieldName('declaration');
      if (decl) addStatement(map, decl);
      return;
    }
    case 'function_declaration':
    case 'generator_function_declaration': {
      const name = stmt.childForFieldName('name');
      if (name) map.set(name.text, { kind: 'function', id: name, node: stmt });
      return;
    }
    case 'class_declaration':
    case 'abstract_class_declaration': {
      const name = stmt.childForFieldName('name');
      if (name) map.set(name.text, { kind: 'class', id: name, node: stmt });
      return;
    }
    case 'import_statement':
      addImport(map, stmt);
      return;
    default:
  }
}

function addImport(map: Map<string, Decl>, stmt: Node): void {
  const source = stmt.childForFieldName('source');
  const clause = stmt.namedChildren.find((c) => c.type === 'import_clause' || c.type === 'import_require_clause');
  if (!clause) return;
  const srcNode = source ?? clause.childForFieldName('source');
  if (!srcNode || srcNode.type !== 'string') return;
  const pkg = stringValue(srcNode);
  for (const c of clause.namedChildren) {
    if (c.type === 'identifier') map.set(c.text, { kind: 'import', id: c, pkg, imported: null, namespace: false });
    else if (c.type === 'namespace_import') {
      const id = c.namedChild(0);
      if (id) map.set(id.text, { kind: 'import', id, pkg, imported: null, namespace: true });
    } else if (c.type === 'named_imports') {
      for (const spec of c.namedChildren) {
        if (spec.type !== 'import_specifier') continue;
        const name = spec.childForFieldName('name');
        const alias = spec.childForFieldName('alias') ?? name;
        if (!name || !alias) continue;
        const imported = keyName(name) ?? name.text;
        map.set(alias.text, { kind: 'import', id: alias, pkg, imported: imported === 'default' ? null : imported, namespace: false });
      }
    }
  }
}

function addParams(map: Map<string, Decl>, fn: Node): void {
  const single = fn.childForFieldName('parameter');
  if (single && single.type === 'identifier') map.set(single.text, { kind: 'param', id: single, type: null, def: null, fn });
  const params = fn.childForFieldName('parameters');
  if (!params) return;
  for (const p of params.namedChildren) {
    let id: Node | null = null;
    let type: Node | null = null;
    let def: Node | null = null;
    if (p.type === 'identifier') id = p;
    else if (p.type === 'assignment_pattern') {
      id = p.childForFieldName('left');
      def = p.childForFieldName('right');
    } else if (p.type === 'required_parameter' || p.type === 'optional_parameter') {
      id = p.childForFieldName('pattern');
      type = p.childForFieldName('type');
      def = p.childForFieldName('value');
    }
    if (id && id.type === 'identifier') map.set(id.text, { kind: 'param', id, type, def, fn });
  }
}

function declsOf(fc: FileCtx, scope: Node): Map<string, Decl> {
  const cached = fc.scopes.get(scope.id);
  if (cached) return cached;
  const map = new Map<string, Decl>();
  if (isFunctionLike(scope)) addParams(map, scope);
  else for (const stmt of scope.namedChildren) addStatement(map, stmt);
  fc.scopes.set(scope.id, map);
  return map;
}

/** The declaration `name` refers to at `at` (the nearest enclosing scope that declares it), or null for globals. */
export function resolveName(fc: FileCtx, name: string, at: Node): Decl | null {
  for (let cur: Node | null = parentOf(at); cur; cur = parentOf(cur)) {
    if (SCOPE_BLOCKS.has(cur.type) || isFunctionLike(cur)) {
      const d = declsOf(fc, cur).get(name);
      if (d) return d;
    }
  }
  return null;
}

/** A module-level declaration by name (exports of a workspace file). */
export function topLevel(fc: FileCtx, name: string): Decl | null {
  return declsOf(fc, fc.root).get(name) ?? null;
}

/** The local name exported as `exported` from a file (`export const X`, `export { a as X }`), or null. */
export function exportedDecl(fc: FileCtx, exported: string): Decl | null {
  for (const stmt of fc.root.namedChildren) {
    if (stmt.type !== 'export_statement') continue;
    const isDefault = stmt.children.some((c) => c?.type === 'default');
    const decl = stmt.childForFieldName('declaration');
    if (decl) {
      const m = new Map<string, Decl>();
      addStatement(m, decl);
      const d = isDefault && exported === 'default' ? [...m.values()][0] : m.get(exported);
      if (d) return d;
      continue;
    }
    // `export default client;` / `export default new OpenAI()`
    const value = isDefault && exported === 'default' ? stmt.childForFieldName('value') : null;
    if (value) return value.type === 'identifier' ? topLevel(fc, value.text) : { kind: 'var', id: value, init: value, isConst: true, path: [] };
    const clause = stmt.namedChildren.find((c) => c.type === 'export_clause');
    if (!clause || stmt.childForFieldName('source')) continue;
    for (const spec of clause.namedChildren) {
      const name = spec.childForFieldName('name');
      const alias = spec.childForFieldName('alias') ?? name;
      if (name && alias && alias.text === exported) return topLevel(fc, name.text);
    }
  }
  return null;
}
