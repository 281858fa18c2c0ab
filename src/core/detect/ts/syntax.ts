// Small, grammar-level helpers for the TypeScript/JavaScript tree-sitter trees (typescript, tsx, javascript).
import type { Node } from 'web-tree-sitter';

/** Wrappers that do not change the value of an expression: `(x)`, `await x`, `x as T`, `x!`, `x satisfies T`, `<T>x`. */
const TRANSPARENT = new Set([
  'parenthesized_expression', 'await_expression', 'as_expression', 'satisfies_expression', 'non_null_expression', 'type_assertion',
]);

export function unwrap(node: Node): Node {
  let cur = node;
  for (let i = 0; i < 64 && TRANSPARENT.has(cur.type); i++) {
    const inner = cur.type === 'type_assertion' ? cur.namedChild(cur.namedChildCount - 1) : cur.namedChild(0);
    if (!inner) break;
    cur = inner;
  }
  return cur;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** The value of one escape sequence as JavaScript reads it (`\n`, `\u0041`, `\u{1F600}`, `\x41`, line continuation). */
export function cookEscape(raw: string): string {
  const body = raw.slice(1);
  if (body.startsWith('\r\n') || body.startsWith('\n') || body.startsWith('\u2028') || body.startsWith('\u2029')) return '';
  const simple = SIMPLE_ESCAPES[body];
  if (simple !== undefined) return simple;
  let code: number | null = null;
  if (/^u\{[0-9a-fA-F]+\}$/.test(body)) code = parseInt(body.slice(2, -1), 16);
  else if (/^u[0-9a-fA-F]{4}$/.test(body)) code = parseInt(body.slice(1), 16);
  else if (/^x[0-9a-fA-F]{2}$/.test(body)) code = parseInt(body.slice(1), 16);
  if (code !== null && code <= 0x10ffff) return String.fromCodePoint(code);
  return body;
}

/** The cooked text of a plain string literal node (`'…'` / `"…"`). */
export function stringValue(node: Node): string {
  let out = '';
  for (const c of node.namedChildren) {
    if (c.type === 'string_fragment') out += c.text;
    else if (c.type === 'escape_sequence') out += cookEscape(c.text);
    else if (c.type === 'html_character_reference') out += c.text;
  }
  return out;
}

/** Name of a property key node: `foo`, `"foo"`, `['foo']`; null for computed keys that are not literals. */
export function keyName(node: Node | null): string | null {
  if (!node) return null;
  switch (node.type) {
    case 'property_identifier':
    case 'identifier':
    case 'private_property_identifier':
    case 'shorthand_property_identifier':
      return node.text;
    case 'string':
      return stringValue(node);
    case 'number':
      return node.text;
    case 'computed_property_name': {
      const inner = node.namedChild(0);
      return inner && inner.type === 'string' ? stringValue(inner) : null;
    }
    default:
      return null;
  }
}

export function isFunctionLike(node: Node): boolean {
  return node.type === 'function_declaration' || node.type === 'function_expression' || node.type === 'function'
    || node.type === 'arrow_function' || node.type === 'method_definition' || node.type === 'generator_function_declaration'
    || node.type === 'generator_function';
}

export function isClassLike(node: Node): boolean {
  return node.type === 'class_declaration' || node.type === 'class' || node.type === 'abstract_class_declaration';
}

/** Positional argument nodes of a call / new expression (spreads included as they are). */
export function argumentsOf(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'arguments') return [];
  return args.namedChildren.filter((c) => c.type !== 'comment');
}

/** The property name of a member expression (`a.b` → 'b', `a?.b` → 'b', `a['b']` → 'b'). */
export function memberProperty(node: Node): string | null {
  if (node.type === 'member_expression') return keyName(node.childForFieldName('property'));
  if (node.type === 'subscript_expression') {
    const idx = node.childForFieldName('index');
    return idx && idx.type === 'string' ? stringValue(idx) : null;
  }
  return null;
}

export function memberObject(node: Node): Node | null {
  return node.childForFieldName('object');
}

/** Dotted text of a callee made of identifiers (`jest.mock`, `vi.fn`), or null. */
export function dottedName(node: Node): string | null {
  const n = unwrap(node);
  if (n.type === 'identifier') return n.text;
  if (n.type === 'member_expression') {
    const obj = memberObject(n);
    const prop = memberProperty(n);
    if (!obj || !prop) return null;
    const left = dottedName(obj);
    return left === null ? null : `${left}.${prop}`;
  }
  return null;
}
