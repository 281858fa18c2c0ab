// Ruby syntax for the shared call-site pass (frontend/analyze.ts): calls as receiver chains with keyword arguments,
// assignments (`=`, `||=`) and memoising reader methods as bindings, the enclosing `Class.method`.
import type { Node } from 'web-tree-sitter';
import { parentOf } from '../ancestors';
import { CHAIN_LINKS, type CallView, type Link } from '../frontend/analyze';
import type { Binding } from '../frontend/evaluator';

export function namedChildren(node: Node | null): Node[] {
  return node ? node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment') : [];
}

export function chainOf(node: Node, depth = 0): Link[] {
  if (depth >= CHAIN_LINKS) return [{ name: '', node }];
  if (node.type === 'call') {
    const recv = node.childForFieldName('receiver');
    return [...(recv ? chainOf(recv, depth + 1) : []), { name: node.childForFieldName('method')?.text ?? '', node }];
  }
  if (node.type === 'parenthesized_statements') return chainOf(namedChildren(node)[0] ?? node, depth + 1);
  return [{ name: node.text, node }];
}

/** `model: "x"`, `:model => "x"`, `"model" => "x"` → model */
export function pairKey(pair: Node): string {
  const key = pair.childForFieldName('key');
  if (!key) return '';
  if (key.type === 'hash_key_symbol' || key.type === 'identifier' || key.type === 'constant') return key.text;
  if (key.type === 'simple_symbol') return key.text.slice(1);
  if (key.type === 'string') return namedChildren(key).map((c) => c.text).join('');
  return key.text.replace(/^:/, '').replace(/^["']|["']$/g, '');
}

export function rubyCalls(root: Node): Node[] {
  return root.descendantsOfType('call').filter((n): n is Node => !!n);
}

export function rubyView(node: Node): CallView {
  const args = namedChildren(node.childForFieldName('arguments'));
  // keyword arguments are pairs directly in the argument list (or in a trailing braceless hash)
  const pairs = args.flatMap((a) => (a.type === 'pair' ? [a] : []));
  return {
    node, chain: chainOf(node),
    positional: args.filter((a) => a.type !== 'pair' && a.type !== 'block_argument'),
    named: pairs.map((p): [string, Node] => [pairKey(p), p.childForFieldName('value') ?? p]),
  };
}

export function rubyBindings(root: Node): Binding[] {
  const out: Binding[] = [];
  for (const n of root.descendantsOfType(['assignment', 'operator_assignment', 'method'])) {
    if (!n) continue;
    if (n.type === 'method') {
      // `def client = @client ||= OpenAI::Client.new` / a reader whose last expression is the client
      const name = n.childForFieldName('name')?.text;
      const params = n.childForFieldName('parameters');
      const body = namedChildren(n).filter((c) => c.type !== 'identifier' && c.type !== 'method_parameters').at(-1);
      const last = body?.type === 'body_statement' ? namedChildren(body).at(-1) : body;
      if (name && !namedChildren(params).length && last) out.push({ name, at: 0, value: last });
      continue;
    }
    const left = n.childForFieldName('left');
    const value = n.childForFieldName('right');
    const name = left?.type === 'call' ? left.childForFieldName('method')?.text : left?.text;
    // instance variables and constants are visible in every method of the file
    const at = left && /^(instance_variable|constant|class_variable)$/.test(left.type) ? 0 : n.startIndex;
    if (name && value) out.push({ name, at, value });
  }
  return out;
}

export function rubyQualifiedName(node: Node): string {
  let fn: string | null = null;
  for (let cur = parentOf(node); cur; cur = parentOf(cur)) {
    if (!fn && (cur.type === 'method' || cur.type === 'singleton_method')) fn = cur.childForFieldName('name')?.text ?? null;
    if (cur.type === 'class' || cur.type === 'module') {
      const cls = cur.childForFieldName('name')?.text;
      return fn ? (cls ? `${cls}.${fn}` : fn) : cls ?? '<module>';
    }
  }
  return fn ?? '<module>';
}
