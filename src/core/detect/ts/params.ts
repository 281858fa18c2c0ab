// Request parameters from TS/JS option objects: model, output cap, reasoning budget, streaming, base URL.
import type { Node } from 'web-tree-sitter';
import type { ModelSource } from '../types';
import { BASE_URL_KEYS, MAX_TOKEN_KEYS, MODEL_KEYS, REASONING_EFFORT_TOKENS } from '../sdks';
import type { FileCtx } from './context';
import { endpointFor, type UrlValue } from '../endpoint';
import { keyName } from './syntax';
import { evaluate, propNode, type Ref, type Val } from './values';

/** Option objects nested inside a request whose caps and budgets apply to it. */
const NESTED = ['config', 'generationConfig', 'inferenceConfig', 'options', 'body', 'parameters', 'params', 'configuration', 'httpOptions', 'clientOptions'];

export interface ModelValue { model: string | null; source: ModelSource; node: Node | null; fc: FileCtx | null; val: Val }

export function modelOf(v: Val, node: Node | null, fc: FileCtx | null): ModelValue {
  if (v.t === 'str' && !v.placeholders.length && v.value) {
    const source: ModelSource = v.src === 'literal' ? 'literal' : v.src === 'env-default' ? 'env-default' : 'constant';
    return { model: v.value, source, node, fc, val: v };
  }
  return { model: null, source: 'unresolved', node, fc, val: v };
}

/** A literal reached through a spread of a constant object (`...DEFAULTS`) is a constant for this request. */
function viaConstant(ref: Ref, p: Ref, val: Val): Val {
  const inside = p.fc === ref.fc && p.node.startIndex >= ref.node.startIndex && p.node.endIndex <= ref.node.endIndex;
  return !inside && (val.t === 'str' || val.t === 'num') && val.src === 'literal' ? { ...val, src: 'constant' } : val;
}

function lookup(ref: Ref, keys: readonly string[], depth = 0): { val: Val; node: Node; fc: FileCtx } | null {
  for (const k of keys) {
    const p = propNode(ref, k);
    if (p) return { val: viaConstant(ref, p, evaluate(p.node, p.fc)), node: p.node, fc: p.fc };
  }
  if (depth > 1) return null;
  for (const n of NESTED) {
    const p = propNode(ref, n);
    if (!p) continue;
    const inner = evaluate(p.node, p.fc);
    if (inner.t === 'obj') {
      const found = lookup(inner.ref, keys, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** A key anywhere inside an options object (batch requests built in a `.map` callback). */
function deepLookup(ref: Ref, keys: readonly string[]): { val: Val; node: Node; fc: FileCtx } | null {
  for (const pair of ref.node.descendantsOfType('pair')) {
    const key = keyName(pair.childForFieldName('key'));
    const value = pair.childForFieldName('value');
    if (key && value && keys.includes(key)) {
      const val = evaluate(value, ref.fc);
      if (val.t === 'str' || val.t === 'num') return { val, node: value, fc: ref.fc };
    }
  }
  return null;
}

/** The model named in the option objects (most specific first), with `extraKeys` for constructor-style keys. */
export function findModel(opts: Ref[], extraKeys: readonly string[] = []): ModelValue | null {
  const keys = [...MODEL_KEYS, ...extraKeys.filter((k) => !MODEL_KEYS.includes(k))];
  for (const ref of opts) {
    const found = lookup(ref, keys);
    if (found) return modelOf(found.val, found.node, found.fc);
  }
  const own = opts[0];
  const deep = own ? deepLookup(own, keys) : null;
  return deep ? modelOf(deep.val, deep.node, deep.fc) : null;
}

export function findMaxTokens(opts: Ref[]): number | null {
  for (const ref of opts) {
    const found = lookup(ref, MAX_TOKEN_KEYS);
    if (found) return found.val.t === 'num' ? found.val.value : null;
  }
  const own = opts[0];
  const deep = own ? deepLookup(own, MAX_TOKEN_KEYS) : null;
  return deep && deep.val.t === 'num' ? deep.val.value : null;
}

function numberAt(ref: Ref, path: string[]): number | null {
  let cur: Val = { t: 'obj', ref };
  for (const k of path) {
    if (cur.t !== 'obj') return null;
    const p = propNode(cur.ref, k);
    if (!p) return null;
    cur = evaluate(p.node, p.fc);
  }
  return cur.t === 'num' ? cur.value : cur.t === 'str' && path.at(-1)?.toLowerCase().includes('effort') ? REASONING_EFFORT_TOKENS[cur.value] ?? null : null;
}

const REASONING_PATHS = [
  ['thinking', 'budget_tokens'], ['thinking', 'budgetTokens'], ['config', 'thinkingConfig', 'thinkingBudget'],
  ['generationConfig', 'thinkingConfig', 'thinkingBudget'], ['reasoning_effort'], ['reasoningEffort'], ['reasoning', 'effort'],
];

export function findReasoning(opts: Ref[]): number | null {
  for (const ref of opts) {
    for (const path of REASONING_PATHS) {
      const n = numberAt(ref, path);
      if (n !== null) return n;
    }
  }
  return null;
}

export function isStreaming(opts: Ref[]): boolean {
  for (const ref of opts) {
    for (const k of ['stream', 'streaming']) {
      const p = propNode(ref, k);
      if (p && evaluate(p.node, p.fc).t === 'bool') {
        const v = evaluate(p.node, p.fc);
        if (v.t === 'bool') return v.value;
      }
    }
  }
  return false;
}

/**
 * Endpoint of a client from its constructor options, decided by the rule the Python front end uses too
 * (endpoint.ts): a provider host is the API, an Azure `endpoint` is the vendor's API, anything else is self-hosted.
 */
export function endpointOf(ctorOpts: Ref | null, selfHostedClient: boolean): { endpoint: 'api' | 'self-hosted'; baseUrl: string | null } {
  const key = ctorOpts ? BASE_URL_KEYS.find((k) => propNode(ctorOpts, k)) : undefined;
  const found = ctorOpts ? lookup(ctorOpts, BASE_URL_KEYS) : null;
  const v = found?.val;
  const url: UrlValue | null = !v ? null : v.t === 'str' ? { t: 'str', text: v.value } : v.t === 'env' ? { t: 'env', name: v.name, def: null } : { t: 'unknown' };
  return endpointFor(url, selfHostedClient, key === 'azure_endpoint' || key === 'endpoint');
}
