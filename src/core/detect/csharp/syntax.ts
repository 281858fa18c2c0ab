// C# syntax for the shared call-site pass (frontend/analyze.ts): invocations as receiver chains with named
// arguments, locals, fields, properties and parameters as bindings, the enclosing `Class.Method`.
import type { Node } from 'web-tree-sitter';
import { parentOf } from '../ancestors';
import { CHAIN_LINKS, type CallView, type Link } from '../frontend/analyze';
import type { Binding } from '../frontend/evaluator';

export function namedChildren(node: Node | null): Node[] {
  return node ? node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [];
}

/** `GetRequiredService<T>` → `GetRequiredService` */
function simpleName(node: Node | null): string {
  if (!node) return '';
  return node.type === 'generic_name' ? namedChildren(node)[0]?.text ?? '' : node.text;
}

export function chainOf(node: Node, depth = 0): Link[] {
  if (depth >= CHAIN_LINKS) return [{ name: '', node }];
  switch (node.type) {
    case 'member_access_expression': {
      const expr = node.childForFieldName('expression');
      return [...(expr ? chainOf(expr, depth + 1) : []), { name: simpleName(node.childForFieldName('name')), node }];
    }
    case 'invocation_expression': {
      const fn = node.childForFieldName('function');
      const inner = fn ? chainOf(fn, depth) : [];
      return inner.length ? [...inner.slice(0, -1), { name: inner.at(-1)!.name, node }] : [{ name: '', node }];
    }
    case 'identifier':
    case 'this_expression':
    case 'this':
      return [{ name: node.text, node }];
    case 'generic_name': return [{ name: simpleName(node), node }];
    case 'await_expression':
    case 'parenthesized_expression':
      return chainOf(namedChildren(node)[0] ?? node, depth + 1);
    default: return [{ name: '', node }];
  }
}

/** An argument's expression (the last named child: after `name:` and `ref`/`out`). */
export function argumentValue(arg: Node): Node {
  return namedChildren(arg).at(-1) ?? arg;
}

export function csharpCalls(root: Node): Node[] {
  return root.descendantsOfType('invocation_expression').filter((n): n is Node => !!n);
}

export function csharpView(node: Node): CallView {
  const args = namedChildren(node.childForFieldName('arguments')).filter((a) => a.type === 'argument');
  const named = args.filter((a) => a.childForFieldName('name')).map((a): [string, Node] => [a.childForFieldName('name')!.text, argumentValue(a)]);
  return { node, chain: chainOf(node), positional: args.filter((a) => !a.childForFieldName('name')).map(argumentValue), named };
}

/** The declared type's name without generics and namespace (`OpenAI.Chat.ChatClient` → `ChatClient`); `var` is none. */
export function typeName(node: Node | null): string | undefined {
  if (!node || node.type === 'implicit_type' || node.type === 'predefined_type') return undefined;
  const t = node.type === 'generic_name' ? simpleName(node) : node.type === 'nullable_type' ? typeName(namedChildren(node)[0] ?? null) : node.text;
  return t?.replace(/^.*\./, '');
}

/** The value of a `variable_declarator` (`x = value`), if any. */
export function declaratorValue(d: Node): Node | undefined {
  return namedChildren(d).find((c) => c.id !== d.childForFieldName('name')?.id && c.type !== 'bracketed_argument_list');
}

export function csharpBindings(root: Node): Binding[] {
  const out: Binding[] = [];
  for (const n of root.descendantsOfType(['variable_declaration', 'parameter', 'assignment_expression', 'property_declaration'])) {
    if (!n) continue;
    const inMember = parentOf(n)?.type === 'field_declaration';
    switch (n.type) {
      case 'variable_declaration': {
        const type = typeName(n.childForFieldName('type'));
        for (const d of namedChildren(n).filter((c) => c.type === 'variable_declarator')) {
          const name = d.childForFieldName('name')?.text;
          const value = declaratorValue(d);
          if (name) out.push({ name, at: inMember ? 0 : n.startIndex, ...(value ? { value } : {}), ...(type ? { type } : {}) });
        }
        break;
      }
      case 'parameter': {
        const name = n.childForFieldName('name')?.text;
        const type = typeName(n.childForFieldName('type'));
        if (name && type) out.push({ name, at: 0, type });
        break;
      }
      case 'property_declaration': {
        const name = n.childForFieldName('name')?.text;
        const type = typeName(n.childForFieldName('type'));
        const value = n.childForFieldName('value') ?? undefined;
        if (name) out.push({ name, at: 0, ...(value ? { value } : {}), ...(type ? { type } : {}) });
        break;
      }
      default: {
        // object initializers (`new X { A = 1 }`) are values, not bindings
        if (parentOf(n)?.type === 'initializer_expression') break;
        const left = n.childForFieldName('left');
        const name = left?.type === 'member_access_expression' ? simpleName(left.childForFieldName('name')) : left?.type === 'identifier' ? left.text : undefined;
        const value = n.childForFieldName('right');
        if (name && value) out.push({ name, at: n.startIndex, value });
      }
    }
  }
  return out;
}

const TYPE_DECLS = new Set(['class_declaration', 'record_declaration', 'struct_declaration', 'interface_declaration']);
const MEMBER_DECLS = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'property_declaration']);

export function csharpQualifiedName(node: Node): string {
  let fn: string | null = null;
  for (let cur = parentOf(node); cur; cur = parentOf(cur)) {
    if (!fn && MEMBER_DECLS.has(cur.type)) fn = cur.childForFieldName('name')?.text ?? null;
    if (TYPE_DECLS.has(cur.type)) {
      const cls = cur.childForFieldName('name')?.text;
      return fn ? (cls ? `${cls}.${fn}` : fn) : cls ?? '<module>';
    }
  }
  return fn ?? '<module>';
}
