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

/** RSpec `let(:name) { value }` / `let!` / `subject(:name)`: a memoised method visible in its block and nested blocks */
const LET = /^(let!?|subject!?)$/;

/** `let(:model) { "x" }` as a statement of `scope` (a block's body, or the file) → the binding, else null */
function letBinding(n: Node, scope: Node): Binding | null {
  if (n.type !== 'call' || n.childForFieldName('receiver') || !LET.test(n.childForFieldName('method')?.text ?? '')) return null;
  const sym = namedChildren(n.childForFieldName('arguments'))[0];
  const block = n.childForFieldName('block');
  if (sym?.type !== 'simple_symbol' || !block) return null;
  const body = namedChildren(block).find((c) => c.type === 'block_body' || c.type === 'body_statement');
  const value = namedChildren(body ?? null).at(-1);
  return value ? { name: sym.text.slice(1), at: scope.startIndex, value, scope: [scope.startIndex, scope.endIndex] } : null;
}

/** Every `let` of the file, scoped to the block it is a statement of (found top-down: no parent walks on deep trees). */
function letBindings(root: Node): Binding[] {
  const out: Binding[] = [];
  const add = (scope: Node, statements: Node[]) => {
    for (const st of statements) {
      const b = letBinding(st, scope);
      if (b) out.push(b);
    }
  };
  add(root, namedChildren(root));
  for (const blk of root.descendantsOfType(['do_block', 'block'])) {
    const body = blk && namedChildren(blk).find((c) => c.type === 'block_body' || c.type === 'body_statement');
    if (blk && body) add(blk, namedChildren(body));
  }
  return out;
}

/** The innermost block around `node` that is not a `let` body: the example group (`describe ... do`) it runs in. */
export function exampleGroupOf(node: Node): Node | null {
  for (let cur = parentOf(node); cur; cur = parentOf(cur)) {
    if (cur.type === 'method' || cur.type === 'singleton_method' || cur.type === 'class' || cur.type === 'module') return null;
    if ((cur.type === 'do_block' || cur.type === 'block') && !LET.test(parentOf(cur)?.childForFieldName('method')?.text ?? '')) return cur;
  }
  return null;
}

/** A method's optional and keyword parameters with a default (`def initialize(model: "gpt-4o")`), inside the method */
function parameterDefaults(n: Node): Binding[] {
  return namedChildren(n.childForFieldName('parameters')).flatMap((p) => {
    const name = p.childForFieldName('name')?.text;
    const value = p.childForFieldName('value');
    return (p.type === 'keyword_parameter' || p.type === 'optional_parameter') && name && value
      ? [{ name, at: n.startIndex, value, scope: [n.startIndex, n.endIndex] as const }] : [];
  });
}

export function rubyBindings(root: Node): Binding[] {
  const out: Binding[] = letBindings(root);
  for (const n of root.descendantsOfType(['assignment', 'operator_assignment', 'method', 'singleton_method'])) {
    if (!n) continue;
    if (n.type === 'singleton_method') {
      out.push(...parameterDefaults(n));
      continue;
    }
    if (n.type === 'method') {
      out.push(...parameterDefaults(n));
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
