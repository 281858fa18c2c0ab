// Java syntax for the shared call-site pass (frontend/analyze.ts): method invocations as receiver chains, local
// variables, fields and parameters as bindings, and the enclosing `Class.method`.
import type { Node } from 'web-tree-sitter';
import { parentOf } from '../ancestors';
import { CHAIN_LINKS, type CallView, type Link } from '../frontend/analyze';
import type { Binding } from '../frontend/evaluator';

export function namedChildren(node: Node | null): Node[] {
  return node ? node.namedChildren.filter((c): c is Node => !!c && c.type !== 'line_comment' && c.type !== 'block_comment') : [];
}

export function chainOf(node: Node, depth = 0): Link[] {
  if (depth >= CHAIN_LINKS) return [{ name: '', node }];
  if (node.type === 'method_invocation') {
    const object = node.childForFieldName('object');
    return [...(object ? chainOf(object, depth + 1) : []), { name: node.childForFieldName('name')?.text ?? '', node }];
  }
  if (node.type === 'field_access') {
    const object = node.childForFieldName('object');
    return [...(object ? chainOf(object, depth + 1) : []), { name: node.childForFieldName('field')?.text ?? '', node }];
  }
  if (node.type === 'identifier' || node.type === 'this') return [{ name: node.text, node }];
  if (node.type === 'parenthesized_expression') return chainOf(namedChildren(node)[0] ?? node, depth + 1);
  return [{ name: '', node }];
}

export function javaCalls(root: Node): Node[] {
  return root.descendantsOfType('method_invocation').filter((n): n is Node => !!n);
}

export function javaView(node: Node): CallView {
  return { node, chain: chainOf(node), positional: namedChildren(node.childForFieldName('arguments')), named: [] };
}

/** `ChatClient`, `OpenAiChatModel` from a declared type (generics and arrays left out); `var` names no type. */
export function typeName(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'generic_type') return typeName(namedChildren(node)[0] ?? null);
  const t = node.text.replace(/<.*$/s, '');
  // `ChatClient.Builder` keeps its class: a builder of a ChatClient
  return t === 'var' ? undefined : t.replace(/^(?:[a-z]\w*\.)+/, '');
}

export function javaBindings(root: Node): Binding[] {
  const out: Binding[] = [];
  for (const n of root.descendantsOfType(['local_variable_declaration', 'field_declaration', 'formal_parameter', 'assignment_expression'])) {
    if (!n) continue;
    if (n.type === 'assignment_expression') {
      const left = n.childForFieldName('left');
      const name = left?.type === 'field_access' ? left.childForFieldName('field')?.text : left?.type === 'identifier' ? left.text : undefined;
      const value = n.childForFieldName('right');
      if (name && value) out.push({ name, at: n.startIndex, value });
      continue;
    }
    const type = typeName(n.childForFieldName('type'));
    // fields are visible in the whole class, whatever their position
    const at = n.type === 'local_variable_declaration' ? n.startIndex : 0;
    if (n.type === 'formal_parameter') {
      const name = n.childForFieldName('name')?.text;
      if (name && type) out.push({ name, at, type });
      continue;
    }
    for (const d of n.childrenForFieldName('declarator')) {
      const name = d?.childForFieldName('name')?.text;
      const value = d?.childForFieldName('value') ?? undefined;
      if (name) out.push({ name, at, ...(value ? { value } : {}), ...(type ? { type } : {}) });
    }
  }
  return out;
}

const CLASS_TYPES = new Set(['class_declaration', 'record_declaration', 'interface_declaration', 'enum_declaration']);

export function javaQualifiedName(node: Node): string {
  let fn: string | null = null;
  for (let cur = parentOf(node); cur; cur = parentOf(cur)) {
    if (!fn && (cur.type === 'method_declaration' || cur.type === 'constructor_declaration')) fn = cur.childForFieldName('name')?.text ?? null;
    if (CLASS_TYPES.has(cur.type)) {
      const cls = cur.childForFieldName('name')?.text;
      return fn ? (cls ? `${cls}.${fn}` : fn) : cls ?? '<module>';
    }
  }
  return fn ?? '<module>';
}
