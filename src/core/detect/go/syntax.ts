// Go syntax for the shared call-site pass (frontend/analyze.ts): calls as receiver chains, name bindings, import
// aliases and the enclosing function's name.
import type { Node } from 'web-tree-sitter';
import { parentOf } from '../ancestors';
import { CHAIN_LINKS, type CallView, type Link } from '../frontend/analyze';
import type { Binding } from '../frontend/evaluator';

export function namedChildren(node: Node | null): Node[] {
  return node ? node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [];
}

/** `client.Chat.Completions.New` → client · Chat · Completions · New; a call in the chain is its method's link. */
export function chainOf(node: Node, depth = 0): Link[] {
  if (depth >= CHAIN_LINKS) return [{ name: '', node }];
  if (node.type === 'selector_expression') {
    const operand = node.childForFieldName('operand');
    const field = node.childForFieldName('field');
    return [...(operand ? chainOf(operand, depth + 1) : []), { name: field?.text ?? '', node }];
  }
  if (node.type === 'identifier') return [{ name: node.text, node }];
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function');
    const inner = fn ? chainOf(fn, depth) : [];
    return inner.length ? [...inner.slice(0, -1), { name: inner.at(-1)!.name, node }] : [{ name: '', node }];
  }
  if (node.type === 'parenthesized_expression') return chainOf(namedChildren(node)[0] ?? node, depth + 1);
  return [{ name: '', node }];
}

export function goCalls(root: Node): Node[] {
  return root.descendantsOfType('call_expression').filter((n): n is Node => !!n);
}

export function goView(node: Node): CallView {
  return {
    node,
    chain: chainOf(node.childForFieldName('function') ?? node).map((l, i, all) => (i === all.length - 1 ? { ...l, node } : l)),
    positional: namedChildren(node.childForFieldName('arguments')),
    named: [],
  };
}

/** Marks a type of the file's own package: an unqualified Go type name is never an imported SDK's type. */
export const OWN_TYPE = '@own';

interface OwnTypes {
  /** the file dot-imports a package: an unqualified name may be that package's type */
  dotImport: boolean;
  /** own struct type → the imported type it embeds (`type Client struct { *openai.Client }`): its methods are promoted */
  embeds: Map<string, string>;
}

function ownTypes(root: Node): OwnTypes {
  const embeds = new Map<string, string>();
  for (const spec of root.descendantsOfType('type_spec')) {
    const name = spec?.childForFieldName('name')?.text;
    const struct = spec?.childForFieldName('type');
    if (!name || struct?.type !== 'struct_type') continue;
    const fields = namedChildren(namedChildren(struct)[0] ?? null);
    const embedded = fields.find((f) => f.type === 'field_declaration' && !f.childForFieldName('name') && namedChildren(f)[0]?.type === 'qualified_type');
    if (embedded) embeds.set(name, namedChildren(embedded)[0]!.text);
  }
  return { dotImport: goImports(root).has('.'), embeds };
}

/** The type a declaration names, without pointers (`*openai.Client` → `openai.Client`); an unqualified name is the
 *  package's own type (`c *Client` in a wrapper package that names its type Client), unless the file dot-imports or
 *  the own struct embeds an imported type (then it has that type's methods). */
function typeName(node: Node | null, own: OwnTypes): string | undefined {
  if (!node) return undefined;
  if (node.type === 'pointer_type') return typeName(namedChildren(node)[0] ?? null, own);
  if (node.type === 'qualified_type') return node.text;
  if (node.type === 'type_identifier') return own.dotImport ? node.text : own.embeds.get(node.text) ?? `${node.text}${OWN_TYPE}`;
  return undefined;
}

function bindPairs(out: Binding[], left: Node[], right: Node[], at: number): void {
  left.forEach((l, i) => {
    const value = right.length === left.length ? right[i] : right.length === 1 && i === 0 ? right[0] : undefined;
    const name = l.type === 'selector_expression' ? l.childForFieldName('field')?.text : l.type === 'identifier' ? l.text : undefined;
    if (name && name !== '_' && value) out.push({ name, at, value });
  });
}

export function goBindings(root: Node): Binding[] {
  const out: Binding[] = [];
  const own = ownTypes(root);
  const types = ['short_var_declaration', 'assignment_statement', 'var_spec', 'const_spec', 'keyed_element', 'parameter_declaration', 'field_declaration'];
  for (const n of root.descendantsOfType(types)) {
    if (!n) continue;
    const at = n.startIndex;
    switch (n.type) {
      case 'short_var_declaration':
      case 'assignment_statement':
        bindPairs(out, namedChildren(n.childForFieldName('left')), namedChildren(n.childForFieldName('right')), at);
        break;
      case 'var_spec':
      case 'const_spec': {
        const names = n.childrenForFieldName('name').filter((c): c is Node => !!c);
        const values = namedChildren(n.childForFieldName('value'));
        if (values.length) bindPairs(out, names, values, at);
        else for (const name of names) out.push({ name: name.text, at, type: typeName(n.childForFieldName('type'), own) });
        break;
      }
      case 'keyed_element': {
        // a struct field set in a literal (`&Service{client: openai.NewClient(key)}`): `s.client` reads it
        const [key, value] = namedChildren(n);
        const name = key && namedChildren(key)[0];
        const v = value && namedChildren(value)[0];
        if (name?.type === 'identifier' && v && /^[a-z]/.test(name.text)) out.push({ name: name.text, at: 0, value: v });
        break;
      }
      default: {
        const type = typeName(n.childForFieldName('type'), own);
        if (type) for (const name of n.childrenForFieldName('name')) if (name) out.push({ name: name.text, at: 0, type });
      }
    }
  }
  return out;
}

/** import alias → import path; an unnamed import is known by its package name (`go-openai` → `openai`). */
export function goImports(root: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const spec of root.descendantsOfType('import_spec')) {
    if (!spec) continue;
    const path = spec.childForFieldName('path')?.text.replace(/^["`]|["`]$/g, '') ?? '';
    const alias = spec.childForFieldName('name')?.text;
    const last = path.split('/').filter((s) => !/^v\d+$/.test(s)).at(-1) ?? '';
    out.set(alias ?? last.replace(/^go-/, '').replace(/(-sdk)?-go$/, ''), path);
  }
  return out;
}

/** `Type.Method` for a method, the function's name otherwise; '<module>' at package level. */
export function goQualifiedName(node: Node): string {
  for (let cur = parentOf(node); cur; cur = parentOf(cur)) {
    if (cur.type === 'function_declaration') return cur.childForFieldName('name')?.text ?? '<module>';
    if (cur.type === 'method_declaration') {
      const recv = namedChildren(cur.childForFieldName('receiver'))[0];
      const type = recv?.childForFieldName('type')?.text.replace(/^\*/, '').replace(/\[.*$/, '');
      const name = cur.childForFieldName('name')?.text ?? '';
      return type ? `${type}.${name}` : name;
    }
  }
  return '<module>';
}
