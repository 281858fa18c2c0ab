// A receiver assigned different things in the branches of an `if`/`elif`/`match`: `if choice == "openai":
// client = OpenAI()` … `elif …: client = Memory.from_config(cfg)`. The binding that reaches the call by position
// is the last branch's, but the call may sit under the first branch's condition; the other branches' SDK client
// is taken when the call's method path is one of that SDK's requests (the caller checks the path).
import type { Node } from 'web-tree-sitter';
import { PASSTHROUGH, isSelf, type PyFile } from './file';
import type { Value } from './value';

type Client = Extract<Value, { t: 'client' }>;
const BRANCHES = new Set(['if_statement', 'elif_clause', 'else_clause', 'case_clause']);

/** The if/elif/else (or match case) branch the node sits in, below `stop`; null when it is unconditional there. */
function branchOf(node: Node, stop: Node): Node | null {
  for (let p = node.parent; p && p.id !== stop.id; p = p.parent) {
    if (p.type === 'block' && p.parent && BRANCHES.has(p.parent.type)) return p;
  }
  return null;
}

/** `a.b.c` → root identifier `a` and the path ['b', 'c']. */
function rootOf(f: PyFile, node: Node): { root: Node; path: string[] } | null {
  const path: string[] = [];
  let n: Node | null = node;
  while (n && f.typeOf(n) === 'attribute') {
    path.unshift(f.attr(n).name ?? '');
    n = f.attr(n).object;
  }
  return n && f.typeOf(n) === 'identifier' && !isSelf(f, n) ? { root: n, path } : null;
}

/** An SDK client another branch assigns to the receiver's root name, with the receiver's path. */
export function branchClient(f: PyFile, receiver: Node): Client | null {
  const r = rootOf(f, receiver);
  if (!r) return null;
  const found = f.bindingOf(r.root.text, r.root);
  if (!found || found.binding.kind !== 'assign' || !branchOf(found.binding.node, found.scope.node)) return null;
  const others = (found.scope.bindings.get(r.root.text) ?? [])
    .filter((b) => b !== found.binding && b.kind === 'assign' && b.pos < r.root.startIndex && branchOf(b.node, found.scope.node))
    .sort((a, b) => b.pos - a.pos);
  for (const b of others) {
    const v = f.bindingValue(b, r.root.text);
    if (v.t === 'client') return { ...v, path: [...v.path, ...r.path.filter((s) => !PASSTHROUGH.has(s))] };
  }
  return null;
}
