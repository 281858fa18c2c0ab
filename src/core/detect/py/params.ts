// Request parameters from keyword arguments: model, output cap, reasoning budget, streaming, base URL.
import type { Node } from 'web-tree-sitter';
import type { ModelSource } from '../types';
import { REASONING_EFFORT_TOKENS } from '../sdks';
import type { Value } from './value';

export function firstKey(map: Map<string, Value>, keys: string[]): Value | undefined {
  for (const k of keys) {
    const v = map.get(k);
    if (v && v.t !== 'none') return v;
  }
  return undefined;
}

/** A key's value in the arguments or one level down in config-like dicts (config=, options=, inferenceConfig=, body). */
export function deepGet(map: Map<string, Value>, keys: string[], depth = 2): Value | undefined {
  const direct = firstKey(map, keys);
  if (direct || depth === 0) return direct;
  for (const v of map.values()) {
    if (v.t === 'dict') {
      const found = deepGet(v.entries, keys, depth - 1);
      if (found) return found;
    }
  }
  return undefined;
}

export function numberIn(map: Map<string, Value>, keys: string[]): number | null {
  const v = deepGet(map, keys);
  return v?.t === 'num' ? v.value : null;
}

export function boolIn(map: Map<string, Value>, key: string): boolean | null {
  const v = map.get(key);
  return v?.t === 'bool' ? v.value : null;
}

export function reasoningIn(map: Map<string, Value>): number | null {
  const budget = deepGet(map, ['budget_tokens', 'thinking_budget', 'budgetTokens', 'thinkingBudget']);
  if (budget?.t === 'num') return budget.value;
  const effort = deepGet(map, ['reasoning_effort', 'effort']);
  if (effort?.t === 'str' && effort.text in REASONING_EFFORT_TOKENS) return REASONING_EFFORT_TOKENS[effort.text]!;
  return null;
}

export function toUrl(v: Value | undefined): Value | null {
  return v ?? null;
}

export function resolveModel(v: Value | undefined, argNode: Node | undefined): { model: string | null; source: ModelSource } {
  if (!v) return { model: null, source: 'unresolved' };
  if (v.t === 'str' && !v.placeholders.length) {
    const literal = argNode?.type === 'string' || argNode?.type === 'concatenated_string';
    return { model: v.text, source: literal && v.src === 'literal' ? 'literal' : v.src === 'literal' ? 'literal' : 'constant' };
  }
  if (v.t === 'env') return v.def?.t === 'str' ? { model: v.def.text, source: 'env-default' } : { model: null, source: 'unresolved' };
  return { model: null, source: 'unresolved' };
}
