// The call-site pass shared by the Go, Java, C# and Ruby front ends: calls whose method path matches a row of the
// language's SDK table (rows.ts), on a receiver that is (or may be) the SDK's client, become DetectedCall through the
// shared request interpreter. A language supplies only its syntax: calls, bindings, values and enclosing names.
import type { Node } from 'web-tree-sitter';
import type { AnalyzeContext, DetectedCall, PromptPart } from '../types';
import type { ClientRow } from '../sdks';
import { annotationFromLine, confidenceFor, inputRole, runtimePart, withInputRole } from '../promptParts';
import { requestFields, type RequestInput } from '../request/fields';
import { messagesToParts, partsFromOptions, textToParts } from '../request/prompts';
import type { SharedValue } from '../request/value';
import { newEvaluator, type Binding, type Evaluator } from './evaluator';
import type { ForeignClient, ForeignMethod, ForeignSdk } from './rows';
import { constructedArgs } from './values';
import { httpEndpoint, type HttpRequestSyntax } from './http';

/** One link of a call's chain: `client.Chat.Completions.New(...)` is client · Chat · Completions · New. */
export interface Link { name: string; node: Node }

export interface CallView {
  node: Node;
  /** the chain from the outermost receiver to the called method, the method last */
  chain: Link[];
  positional: Node[];
  /** keyword / named arguments (Ruby `model:`, C# `maxTokens:`), names as written */
  named: [string, Node][];
}

/** Links kept from the end of a chain: the longest SDK path plus its receiver, with room to spare. A longer chain
 *  starts with one link standing for the rest, so a 3,000-link chain costs no more than a short one. */
export const CHAIN_LINKS = 8;

export interface FrontEnd {
  sdks: ForeignSdk[];
  /** every call node of the file, cheap to list; `view` reads one when the pass gets to it */
  calls(root: Node): Node[];
  view(call: Node): CallView;
  bindings(root: Node): Binding[];
  evaluate(node: Node, ev: Evaluator): SharedValue;
  qualifiedName(node: Node): string;
  /** option keys as the request interpreter spells them (`MaxOutputTokenCount` → `maxOutputTokens`) */
  key(name: string): string;
  /** a model set outside the code for this SDK (Spring AI `application.properties`), when the code names none */
  configuredModel?(sdk: ForeignSdk, ctx: AnalyzeContext): SharedValue | null;
  /** raw HTTP: the URL and body of a call that sends a POST request (http.ts), for files naming `httpImports` */
  http?(call: CallView, ev: Evaluator): HttpRequestSyntax | null;
  httpImports?: string[];
}

const OPTION_CTOR = /(Options|Settings|Config|Configuration|Params|Request)$/;

interface Match { sdk: ForeignSdk; method: ForeignMethod; receiver: Node | null }

/** Every row whose path ends the call's chain, in table order: the first one whose request checks pass wins. */
function matchRows(call: CallView, sdks: ForeignSdk[]): Match[] {
  const names = call.chain.map((l) => l.name);
  const out: Match[] = [];
  for (const sdk of sdks) {
    for (const method of sdk.methods) {
      for (const path of method.paths) {
        const segs = path.split('.');
        if (segs.length >= names.length) continue;
        const start = names.length - segs.length;
        if (segs.every((s, i) => names[start + i] === s)) out.push({ sdk, method, receiver: call.chain[start - 1]!.node });
      }
    }
  }
  return out;
}

function clientRowFor(sdk: ForeignSdk, callee: string): ForeignClient | undefined {
  return sdk.clients.find((c) => callee === c.name || callee.endsWith(`.${c.name}`) || callee.endsWith(`::${c.name}`));
}

function asClientRow(c: ForeignClient): ClientRow {
  return { name: c.name, langs: [], ...(c.modelKeys ? { modelKeys: c.modelKeys } : {}), ...(c.modelPos !== undefined ? { modelPos: c.modelPos } : {}), ...(c.selfHosted ? { selfHosted: true } : {}) };
}

interface Client { row: ForeignClient; opts: SharedValue | null; positional: SharedValue[] }

function clientOf(sdk: ForeignSdk, v: SharedValue): Client | null {
  if (v.k === 'object' && v.ctor) {
    const row = clientRowFor(sdk, v.ctor);
    return row ? { row, opts: v, positional: [] } : null;
  }
  if (v.k !== 'call') return null;
  const row = clientRowFor(sdk, v.callee);
  const args = constructedArgs(v);
  // settings given as an options object (`new ChatClient(model, key, new OpenAIClientOptions { Endpoint = … })`)
  const options = args?.positional.find((o) => o.k === 'object' && !!o.ctor && OPTION_CTOR.test(o.ctor));
  return row ? { row, opts: args?.named ?? options ?? null, positional: args?.positional ?? [] } : null;
}

function hasKey(v: SharedValue | null, keys: string[]): boolean {
  return v?.k === 'object' && keys.some((k) => v.get(k) !== undefined);
}

function promptOf(method: ForeignMethod, request: SharedValue | null, positional: SharedValue[], role: 'input' | 'user'): PromptPart[] {
  const pos = method.promptPos;
  if (pos === 'all') {
    const out: PromptPart[] = [];
    for (const v of positional) {
      if (v.k === 'object' && v.ctor && OPTION_CTOR.test(v.ctor)) continue;
      if (v.k === 'lit' || v.k === 'text') out.push(...textToParts(v, role));
      else messagesToParts(v, role, out);
    }
    return out;
  }
  const prompt = pos !== undefined ? positional[pos] : undefined;
  if (prompt) {
    if (prompt.k === 'lit' || prompt.k === 'text') return textToParts(prompt, role);
    if (prompt.k === 'list' || prompt.k === 'object') return messagesToParts(prompt, role);
    return [runtimePart(role)];
  }
  if (request?.k === 'object') return partsFromOptions(request, role).parts;
  return [runtimePart(role)];
}

export function analyzeWith(fe: FrontEnd, ctx: AnalyzeContext): DetectedCall[] {
  const sdks = fe.sdks.filter((s) => s.imports.some((i) => ctx.text.includes(i)));
  const http = fe.http && fe.httpImports?.some((i) => ctx.text.includes(i)) ? fe.http : null;
  if (!sdks.length && !http) return [];
  const root = ctx.tree.rootNode;
  const ev = newEvaluator(fe.bindings(root), fe.evaluate, ctx.checkBudget);
  const lines = ctx.text.split('\n');
  const out: DetectedCall[] = [];
  fe.calls(root).forEach((node, i) => {
    if (i % 16 === 0) ctx.checkBudget();
    const call = fe.view(node);
    for (const m of matchRows(call, sdks)) {
      const found = detected(fe, ctx, ev, call, m, lines);
      if (found) {
        out.push(found);
        return;
      }
    }
    const request = http?.(call, ev);
    const site = request ? httpSite(fe, ctx, call, request, lines) : null;
    if (site) out.push(site);
  });
  return out;
}

/** A raw HTTP request to a model endpoint (http.ts), read like an SDK request whose options are its JSON body. */
function httpSite(fe: FrontEnd, ctx: AnalyzeContext, call: CallView, request: HttpRequestSyntax, lines: string[]): DetectedCall | null {
  const ep = httpEndpoint(request.url, request.envBase);
  if (!ep) return null;
  const body = request.body?.k === 'object' ? request.body : null;
  const fields = requestFields({ method: {}, opts: body ? [body] : [], positional: [], client: null, selfHosted: false });
  const role = inputRole(ep.kind);
  const own = body ? partsFromOptions(body, role).parts : [];
  const parts = withInputRole(ep.kind, own.length ? own : [runtimePart(role)]);
  return site(fe, ctx, call, lines, {
    sdk: 'http', api: ep.api, kind: ep.kind, model: fields.model.model, modelSource: fields.model.source, maxTokens: fields.maxTokens,
    reasoningTokens: fields.reasoningTokens, streaming: fields.streaming, endpoint: ep.endpoint, baseUrl: ep.baseUrl,
    promptParts: parts, confidence: confidenceFor(fields.model.source, parts),
  });
}

type SiteFields = Omit<DetectedCall, 'file' | 'line' | 'column' | 'endLine' | 'language' | 'qualifiedName' | 'annotation'>;

/** The call's position, enclosing name and annotation around what the row (or the URL) says. */
function site(fe: FrontEnd, ctx: AnalyzeContext, call: CallView, lines: string[], fields: SiteFields): DetectedCall {
  const row = call.node.startPosition.row;
  return {
    file: ctx.relPath, line: row + 1, column: call.node.startPosition.column + 1, endLine: call.node.endPosition.row + 1,
    language: ctx.language, ...fields,
    qualifiedName: fe.qualifiedName(call.node),
    annotation: row > 0 ? annotationFromLine(lines[row - 1]?.replace(/\r$/, '')) : null,
  };
}

/** The call as a request of row `m`, or null when the request checks fail (a look-alike). */
function detected(fe: FrontEnd, ctx: AnalyzeContext, ev: Evaluator, call: CallView, m: Match, lines: string[]): DetectedCall | null {
  const clientNode = m.method.clientPos !== undefined ? call.positional[m.method.clientPos] : m.receiver;
  const receiverValue = clientNode ? ev.value(clientNode) : null;
  const client = receiverValue ? clientOf(m.sdk, receiverValue) : null;
  if (m.method.strictReceiver && !client) return null;
  // a receiver known to be of another type (a repository, a websocket room) is not the SDK's client, unless the
  // request itself is one of the SDK's request objects
  const contradicted = receiverValue?.k === 'call' && !client;
  const positional = call.positional.map((n) => ev.value(n));
  const named = call.named.length ? namedObject(fe, call.named, ev) : null;
  const request = m.method.requestFromReceiver && receiverValue?.k === 'object' ? receiverValue : m.method.requestKey ? named?.k === 'object' ? named.get(m.method.requestKey) ?? null : null
    : m.method.requestPos !== undefined ? positional[m.method.requestPos] ?? null : named;
  if (contradicted && !(request?.k === 'object' && request.ctor)) return null;
  // a request object is never a plain string
  if (m.method.requestPos !== undefined && (request?.k === 'lit' || request?.k === 'text')) return null;
  // ruby-openai's `parameters:` hash is the request: a call without it is another method of the same name (a hash
  // built elsewhere, only known at run time, still is the request)
  if (m.method.requestKey && (!request || request.k === 'lit' || request.k === 'text')) return null;
  if (m.method.requireKeys && !hasKey(request, m.method.requireKeys) && !hasKey(named, m.method.requireKeys)) return null;
  const options = positional.filter((v) => v.k === 'object' && v !== request && !!v.ctor && OPTION_CTOR.test(v.ctor));
  const opts = [request, named, ...options].filter((v): v is SharedValue => !!v && v.k === 'object');
  const input: RequestInput = {
    method: { ...(m.method.modelPos !== undefined ? { modelPos: m.method.modelPos } : {}), ...(m.method.streaming ? { streaming: true } : {}) },
    opts: [...new Set(opts)], positional,
    client: client ? { opts: client.opts, positional: client.positional, row: asClientRow(client.row) } : null,
    selfHosted: !!client?.row.selfHosted,
  };
  const fields = requestFields(input);
  let model = fields.model;
  let modelBasis: string | undefined;
  if (!model.value && model.model === null) {
    const configured = fe.configuredModel?.(m.sdk, ctx) ?? null;
    if (configured?.k === 'lit' && typeof configured.value === 'string') model = { model: configured.value, source: 'constant', value: configured };
    else if (m.sdk.defaultModel) {
      model = { model: m.sdk.defaultModel.model, source: 'framework-default', value: undefined };
      modelBasis = m.sdk.defaultModel.basis;
    }
  }
  const role = inputRole(m.method.kind);
  const own = promptOf(m.method, request, positional, role);
  // a system prompt set on the client or chat object (RubyLLM with_instructions, a builder's system) comes first
  const sys = m.method.promptPos !== undefined && client?.opts?.k === 'object' ? client.opts.get('system') : undefined;
  const parts = withInputRole(m.method.kind, sys && !own.some((p) => p.role === 'system') ? [...textToParts(sys, 'system'), ...own] : own);
  return site(fe, ctx, call, lines, {
    sdk: m.sdk.sdk, api: m.method.api, kind: m.method.kind,
    model: model.model, modelSource: model.source, maxTokens: fields.maxTokens, reasoningTokens: fields.reasoningTokens,
    streaming: fields.streaming, endpoint: fields.endpoint, baseUrl: fields.baseUrl,
    promptParts: parts, confidence: confidenceFor(model.source, parts),
    ...(m.method.calls ? { callsPerRequest: m.method.calls } : {}),
    ...(modelBasis ? { modelBasis } : {}),
  });
}

function namedObject(fe: FrontEnd, named: [string, Node][], ev: Evaluator): SharedValue {
  const map = new Map<string, SharedValue>();
  for (const [k, n] of named) map.set(fe.key(k), ev.value(n));
  return { k: 'object', get: (key) => map.get(key), keys: () => [...map.keys()], partial: false };
}
