// The request interpreter: one SDK method row + its argument values (SharedValue, from any language front end)
// → the DetectedCall fields that price a request. Written once for every language.
//
// A language front end (lang-python.ts, lang-typescript.ts; later Go/Java/C#/Ruby) does three things only:
//   1. finds candidate calls in its tree and matches them to an SDK table row (sdks.ts: SdkRow, MethodRow,
//      ClientRow) by receiver and method path;
//   2. converts the call's arguments and the receiving client's constructor arguments into SharedValue
//      (request/value.ts): option objects most specific first, positional arguments, the client row;
//   3. calls `requestFields(input)` (and request/prompts.ts for the prompt parts) and adds its position and
//      qualified name. Model keys, caps, thinking budgets, streaming flags and endpoint rules live here and in
//      request/keys.ts, never in a front end.
import type { ModelSource } from '../types';
import type { ClientRow, MethodRow } from '../sdks';
import { endpointFor, type UrlValue } from '../endpoint';
import {
  BASE_URL_KEYS, CALL_BASE_URL_KEYS, CONTAINERS, MAX_TOKEN_KEYS, MODEL_KEYS, REASONING_EFFORT_KEYS, REASONING_EFFORT_TOKENS,
  SELF_HOSTED_MODEL_PREFIX, STREAM_KEYS, THINKING_BUDGET_KEYS, VENDOR_ENDPOINT_KEYS,
} from './keys';
import { boolOf, isNothing, numberOf, textOf, type SharedValue } from './value';

export interface RequestInput {
  method: Pick<MethodRow, 'modelPos' | 'streaming' | 'requestPath'>;
  /** option objects, most specific first: the call's own (keyword arguments / options object), then the options
   *  of intermediate calls (`getGenerativeModel({model})`); non-objects are ignored */
  opts: SharedValue[];
  /** the call's positional arguments */
  positional: SharedValue[];
  /** the object that makes the request (client, model, agent): its constructor arguments and table row */
  client?: { opts: SharedValue | null; positional: SharedValue[]; row: ClientRow | null } | null;
  /** the client talks to a local server unless a base URL says otherwise (Ollama, LangChain ChatOllama) */
  selfHosted: boolean;
}

export interface ModelField { model: string | null; source: ModelSource; value: SharedValue | undefined }

export interface RequestFields {
  model: ModelField;
  maxTokens: number | null;
  reasoningTokens: number | null;
  streaming: boolean;
  endpoint: 'api' | 'self-hosted';
  baseUrl: string | null;
}

const MAX_DEPTH = 3;

/** The value of the first of `keys` in `obj`, else inside its CONTAINERS (up to MAX_DEPTH levels). */
export function lookup(obj: SharedValue | null | undefined, keys: readonly string[], depth = 0): SharedValue | undefined {
  if (obj?.k !== 'object') return undefined;
  for (const key of keys) {
    const v = obj.get(key);
    if (!isNothing(v)) return v;
  }
  if (depth >= MAX_DEPTH - 1) return undefined;
  for (const c of CONTAINERS) {
    const found = lookup(obj.get(c), keys, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function firstIn(objs: (SharedValue | null | undefined)[], keys: readonly string[]): SharedValue | undefined {
  for (const o of objs) {
    const v = lookup(o, keys);
    if (v) return v;
  }
  return undefined;
}

function allOpts(input: RequestInput): (SharedValue | null)[] {
  return [...input.opts, input.client?.opts ?? null];
}

/** A model name from a value: a resolved string (literal, constant, an environment variable's default). */
export function modelFrom(v: SharedValue | undefined): ModelField {
  if (v?.k === 'lit' && typeof v.value === 'string' && v.value) {
    const source: ModelSource = v.src === 'literal' ? 'literal' : v.src === 'env-default' ? 'env-default' : 'constant';
    return { model: v.value, source, value: v };
  }
  if (v?.k === 'env' && textOf(v.def ?? undefined)) return { model: textOf(v.def ?? undefined), source: 'env-default', value: v };
  return { model: null, source: 'unresolved', value: v };
}

/**
 * The model: the call's own options, its positional model (per the method row), the other option objects and
 * the client's constructor (its row's model keys and positional model), then a key found deeper in the call's
 * own options. The first place that names a model decides, even when its value is only known at run time.
 */
export function modelField(input: RequestInput): ModelField {
  const row = input.client?.row;
  const keys = [...MODEL_KEYS, ...[...(row?.modelKeys ?? []), ...(row?.deploymentKeys ?? [])].filter((k) => !MODEL_KEYS.includes(k))];
  const [own, ...rest] = input.opts;
  const pos = input.method.modelPos !== undefined ? input.positional[input.method.modelPos] : undefined;
  const clientPos = row?.modelPos !== undefined ? input.client?.positional[row.modelPos] : undefined;
  const found = lookup(own, keys)
    ?? (pos && pos.k !== 'object' ? pos : undefined)
    ?? firstIn([...rest, input.client?.opts ?? null], keys)
    ?? (clientPos && clientPos.k !== 'object' ? clientPos : undefined)
    ?? (own?.k === 'object' ? own.deepFind?.(keys) : undefined);
  return found ? modelFrom(found) : { model: null, source: 'unresolved', value: undefined };
}

/**
 * The Azure deployment key (ClientRow.deploymentKeys) the model came from: one is set and, without the deployment
 * keys, nothing (a keyword or a positional model) would name a model. Null otherwise.
 */
export function deploymentKeyOf(input: RequestInput): string | null {
  const row = input.client?.row;
  const keys = row?.deploymentKeys;
  if (!row || !keys?.length) return null;
  const key = keys.find((k) => firstIn(allOpts(input), [k]) !== undefined);
  if (!key) return null;
  return modelField({ ...input, client: { ...input.client!, row: { ...row, deploymentKeys: [] } } }).value === undefined ? key : null;
}

export function maxTokensField(input: RequestInput): number | null {
  const v = firstIn(allOpts(input), MAX_TOKEN_KEYS);
  if (v) return numberOf(v);
  const own = input.opts[0];
  return own?.k === 'object' ? numberOf(own.deepFind?.(MAX_TOKEN_KEYS)) : null;
}

/** A thinking budget in tokens, else the documented figure for a reasoning effort level. */
export function reasoningField(input: RequestInput): number | null {
  const opts = allOpts(input);
  const budget = numberOf(firstIn(opts, THINKING_BUDGET_KEYS));
  if (budget !== null) return budget;
  const effort = textOf(firstIn(opts, REASONING_EFFORT_KEYS));
  return effort !== null && effort in REASONING_EFFORT_TOKENS ? REASONING_EFFORT_TOKENS[effort]! : null;
}

export function streamingField(input: RequestInput): boolean {
  return !!input.method.streaming || boolOf(firstIn(allOpts(input), STREAM_KEYS)) === true;
}

/** The base URL value a UrlValue (endpoint.ts) can judge. */
export function urlOf(v: SharedValue | undefined): UrlValue | null {
  if (!v) return null;
  if (v.k === 'lit') return typeof v.value === 'string' ? { t: 'str', text: v.value } : v.value === null ? { t: 'none' } : { t: 'unknown' };
  if (v.k === 'text') return { t: 'str', text: v.text };
  if (v.k === 'env') return { t: 'env', name: v.name, def: v.def ? urlOf(v.def) : null };
  return { t: 'unknown' };
}

/** API or self-hosted: the client's base URL (or a per-call base URL), judged by endpoint.ts. */
export function endpointField(input: RequestInput, model: string | null): { endpoint: 'api' | 'self-hosted'; baseUrl: string | null } {
  const ctor = input.client?.opts ?? null;
  const fromClient = lookup(ctor, BASE_URL_KEYS);
  const base = fromClient ?? (input.client ? undefined : lookup(input.opts[0], CALL_BASE_URL_KEYS));
  const given = ctor?.k === 'object' ? BASE_URL_KEYS.find((k) => ctor.get(k) !== undefined) : undefined;
  const vendor = !!given && VENDOR_ENDPOINT_KEYS.includes(given);
  const selfHosted = input.selfHosted || SELF_HOSTED_MODEL_PREFIX.test(model ?? '');
  return endpointFor(urlOf(base), selfHosted, vendor);
}

/** The value at `path` (object keys, list indexes) inside `v`, or undefined. */
export function valueAt(v: SharedValue | null | undefined, path: readonly string[]): SharedValue | undefined {
  let cur: SharedValue | undefined = v ?? undefined;
  for (const step of path) {
    if (cur?.k === 'object') cur = cur.get(step);
    else if (cur?.k === 'list' && /^\d+$/.test(step)) cur = cur.items()[Number(step)];
    else return undefined;
  }
  return cur;
}

/**
 * The options of the request a call sends: the call's own options, or for a batch submission (MethodRow
 * requestPath) the first request it carries — its model, caps and prompt are what each request costs.
 */
export function ownRequest(input: RequestInput): SharedValue | null {
  const own = input.opts[0] ?? null;
  const path = input.method.requestPath;
  const inner = path ? valueAt(own, path) : undefined;
  return inner?.k === 'object' ? inner : own;
}

/** The input with the call's own options replaced by the request it sends (see ownRequest). */
export function forRequest(input: RequestInput): RequestInput {
  const inner = ownRequest(input);
  // the submission's own options stay behind it: Gemini names the model once for the whole batch
  return inner && inner !== input.opts[0] ? { ...input, opts: [inner, ...input.opts] } : input;
}

export function requestFields(raw: RequestInput): RequestFields {
  const input = forRequest(raw);
  const model = modelField(input);
  return {
    model,
    maxTokens: maxTokensField(input),
    reasoningTokens: reasoningField(input),
    streaming: streamingField(input),
    ...endpointField(input, model.model),
  };
}
