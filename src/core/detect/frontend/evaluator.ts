// Name resolution and memoised evaluation for the Go, Java, C# and Ruby front ends. A binding is a name given a
// value (an assignment, a declaration, a constant) or only a declared type (a field `ChatClient client;`); a name
// resolves to the nearest binding before it, else to the first one after it (a constant declared further down).
import type { Node } from 'web-tree-sitter';
import { UNKNOWN_VALUE, type SharedValue } from '../request/value';

export interface Binding {
  name: string;
  /** where the binding is made: a name used after this position takes this value */
  at: number;
  value?: Node;
  /** a declared type (Java/C# fields and parameters, Go typed parameters): the object is one of these */
  type?: string;
  /** where the name is visible (start, end offsets): a Ruby block's `let`, a method's parameter; else the whole file */
  scope?: readonly [number, number];
}

export interface Evaluator {
  value(node: Node | null | undefined): SharedValue;
  /** the binding `name` has where `at` is used, or null */
  binding(name: string, at: Node): Binding | null;
  /** every binding of `name` in the file, in source order (Ruby: the `let`s of nested example groups) */
  bindingsOf(name: string): readonly Binding[];
  /** the call's budget check; throws BudgetExceeded past the file's time budget */
  checkBudget(): void;
}

const MAX_DEPTH = 40;

export function newEvaluator(bindings: Binding[], evaluate: (node: Node, ev: Evaluator) => SharedValue, checkBudget: () => void): Evaluator {
  const byName = new Map<string, Binding[]>();
  for (const b of bindings) {
    const list = byName.get(b.name) ?? [];
    list.push(b);
    byName.set(b.name, list);
  }
  for (const list of byName.values()) list.sort((a, b) => a.at - b.at);
  const memo = new Map<number, SharedValue>();
  const active = new Set<number>();
  let steps = 0;
  const ev: Evaluator = {
    checkBudget,
    bindingsOf: (name) => byName.get(name) ?? [],
    binding(name, at) {
      const list = byName.get(name);
      if (!list) return null;
      // not the binding's own value (x = x + 1), and only where the binding is visible
      const usable = (b: Binding) => !(b.value && b.value.startIndex <= at.startIndex && at.endIndex <= b.value.endIndex)
        && (!b.scope || (b.scope[0] <= at.startIndex && at.endIndex <= b.scope[1]));
      let best: Binding | null = null;
      for (const b of list) if (b.at < at.startIndex && usable(b)) best = b;
      return best ?? list.find(usable) ?? null;
    },
    value(node) {
      if (!node) return UNKNOWN_VALUE;
      const hit = memo.get(node.id);
      if (hit) return hit;
      // a name bound to itself (x = x + 1) or a chain too deep to be a request: only known at run time
      if (active.has(node.id) || active.size > MAX_DEPTH) return { k: 'unknown', hint: 'recursive' };
      if (++steps % 256 === 0) checkBudget();
      active.add(node.id);
      try {
        const v = evaluate(node, ev);
        memo.set(node.id, v);
        return v;
      } finally {
        active.delete(node.id);
      }
    },
  };
  return ev;
}
