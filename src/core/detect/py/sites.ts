// Call-site detection for one Python file: each call is classified as an SDK request, a LangChain invocation or
// a raw HTTP request (or nothing), and turned into a DetectedCall with its model, parameters and prompt parts.
import type { Node } from 'web-tree-sitter';
import type { CallKind, DetectedCall, Sdk } from '../types';
import { HTTP_CLIENTS, SDKS, findMethod, sdkForModule, type MethodRow, type SdkRow } from '../sdks';
import { ownRequest, requestFields, type RequestFields } from '../request/fields';
import { dictToShared, toShared } from './shared';
import { annotationFromLine, confidenceFor, inputRole, runtimePart } from '../promptParts';
import { partsFromOptions } from '../request/prompts';
import { messagesToParts } from './prompts';
import { PASSTHROUGH, isSelf, type PyFile } from './file';
import { args } from './calls';
import { httpSite } from './http';
import { instructorMethod } from './instructor';
import { inferredCrewRun, inferredSite } from './inferred';
import { agentOf, applyFramework } from './framework';
import { pipelineSite } from './pipelines';
import { branchClient } from './branches';
import { FRAMEWORKS } from '../frameworks';

const FRAMEWORK_SDKS = new Set(FRAMEWORKS.map((r) => r.sdk));
/** functions that run the bound request method given as their first argument with the call's keywords */
export const BOUND_METHOD_RUNNERS = ['asyncio.to_thread'];
import { LC_METHODS, lcSite } from './langchain';
import { UNKNOWN, type Value } from './value';
import { parentOf } from '../ancestors';

/** `candidate(call)`: false for a call that cannot be a call site (py/candidates.ts); it is not classified. */
export function detectSites(f: PyFile, candidate: (call: Node) => boolean = () => true): DetectedCall[] {
  const out: DetectedCall[] = [];
  let i = 0;
  for (const call of f.calls) {
    if (++i % 200 === 0) f.shared.ctx.checkBudget();
    if (!candidate(call)) continue;
    const site = classify(f, call);
    if (site) out.push(site);
  }
  for (const [id, node] of f.lcCtors) {
    if (f.lcUsed.has(id)) continue;
    const v = f.eval(node);
    if (v.t !== 'lc') continue;
    const { modelFrom: _itself, ...site } = lcSite(f, node, v, v.ctorName, 'chat', false, []);
    out.push({ ...site, constructorOnly: true });
  }
  return out;
}

export function mocked(f: PyFile, call: Node): boolean {
  for (let p = parentOf(call); p; p = parentOf(p)) {
    if (p.type === 'function_definition') {
      const params = p.childForFieldName('parameters')?.text ?? '';
      if (/\b(monkeypatch|mocker)\b/.test(params)) return true;
      if (parentOf(p)?.type === 'decorated_definition' && parentOf(p)!.namedChildren.some((d) => d?.type === 'decorator' && /\bpatch\b|mock/.test(d.text))) return true;
    } else if (p.type === 'class_definition') {
      if (parentOf(p)?.type === 'decorated_definition' && parentOf(p)!.namedChildren.some((d) => d?.type === 'decorator' && /\bpatch\b/.test(d.text))) return true;
    } else if (p.type === 'with_statement') {
      const clause = p.namedChildren.find((c) => c?.type === 'with_clause');
      if (clause && /\bpatch(\.object|\.dict)?\s*\(|\bmock_/.test(clause.text)) return true;
    }
  }
  return false;
}

export function classify(f: PyFile, call: Node): DetectedCall | null {
  const fn = f.callee(call);
  if (!fn) return null;
  const pipeline = pipelineSite(f, call, sdkSite);
  if (pipeline) return mocked(f, call) ? null : pipeline;
  if (f.typeOf(fn) === 'attribute') {
    const { object: objNode, name: attr } = f.attr(fn);
    if (!objNode || !attr) return null;
    const obj = isSelf(f, objNode) ? UNKNOWN : f.eval(objNode);
    if (obj.t === 'client') {
      const path = [...obj.path, attr].filter((s) => !PASSTHROUGH.has(s)).join('.');
      const method = findMethod('py', obj.sdk, path) ?? (obj.instructor ? instructorMethod(obj.sdk, path) : undefined);
      if (method && !mocked(f, call)) return sdkSite(f, call, obj.sdk, method, obj);
      return null;
    }
    if (obj.t === 'lc') {
      const method = findMethod('py', SDKS.find((s) => s.sdk === 'langchain')!, attr);
      if (method && LC_METHODS.includes(method) && !mocked(f, call)) {
        for (const c of [{ file: obj.ctorFile, node: obj.ctorNode }, ...(obj.via ?? [])]) if (c.file === f.relPath) f.lcUsed.add(c.node.id);
        let input: Value | undefined = args(f, call).positional[0];
        // agents take {"messages": [...]}; chains take a dict filling the template
        if (input?.t === 'dict' && input.entries.has('messages')) input = input.entries.get('messages');
        return lcSite(f, call, obj, method.api, method.kind, !!method.streaming, input ? messagesToParts(input) : []);
      }
      return null;
    }
    if (obj.t === 'http') return HTTP_CLIENTS.py.methods.includes(attr) && !mocked(f, call) ? httpSite(f, call, attr) : null;
    if (obj.t === 'unknown') {
      const inferred = inferredSite(f, call, fn, sdkSite) ?? inferredCrewRun(f, call, fn, sdkSite);
      if (inferred) return mocked(f, call) ? null : inferred;
    }
    // the receiver was an SDK client in another if/elif branch: its request method decides
    const other = branchClient(f, objNode);
    const method = other ? findMethod('py', other.sdk, [...other.path, attr].join('.')) : undefined;
    if (other && method && !mocked(f, call)) return sdkSite(f, call, other.sdk, method, other);
  }
  const callee = f.eval(fn);
  if (callee.t === 'client') {
    // calling the object itself runs it (a DSPy program: `qa(question=...)`); a bound request method kept in a
    // variable (`create = client.messages.create`, `functools.partial(...)`, instructor.patch(create=...)) sends it
    const path = callee.path.filter((s) => !PASSTHROUGH.has(s)).join('.');
    const method = (path ? findMethod('py', callee.sdk, path) : undefined) ?? findMethod('py', callee.sdk, [...callee.path, '__call__'].join('.'));
    return method && !mocked(f, call) ? sdkSite(f, call, callee.sdk, method, callee) : null;
  }
  if (callee.t !== 'module') return null;
  // `await asyncio.to_thread(client.chat.completions.create, model=…, messages=…)`: the bound method runs with these keywords
  if (BOUND_METHOD_RUNNERS.includes(callee.name)) {
    const bound = args(f, call).positional[0];
    const method = bound?.t === 'client' && bound.path.length ? findMethod('py', bound.sdk, bound.path.filter((s) => !PASSTHROUGH.has(s)).join('.')) : undefined;
    return bound?.t === 'client' && method && !mocked(f, call) ? sdkSite(f, call, bound.sdk, method, bound) : null;
  }
  const made = f.eval(call);
  if (made.t === 'lc' && made.ctorNode.id === call.id && made.what === 'model') {
    if (!mocked(f, call)) f.lcCtors.set(call.id, call);
    return null;
  }
  const name = callee.name;
  const root = name.split('.')[0]!;
  const last = name.slice(name.lastIndexOf('.') + 1);
  if ((root === 'requests' || root === 'httpx') && (HTTP_CLIENTS.py.methods.includes(last)) && name.split('.').length === 2) return mocked(f, call) ? null : httpSite(f, call, last);
  const sdk = sdkForModule('py', name);
  if (!sdk) return null;
  const pkg = (sdk.packages.py ?? []).filter((p) => name.startsWith(p + '.')).sort((a, b) => b.length - a.length)[0];
  if (!pkg) return null;
  const rest = name.slice(pkg.length + 1);
  const method = findMethod('py', sdk, rest, true) ?? (sdk.moduleClient?.includes('py') ? findMethod('py', sdk, rest) : undefined);
  if (!method || mocked(f, call)) return null;
  return sdkSite(f, call, sdk, method, null);
}

/** Line `row` (0-based) of the analysed text as `text.split('\n')[row]` has it, without splitting the file per site. */
function lineOf(f: PyFile, row: number): string | undefined {
  const text = f.shared.ctx.text;
  let starts = f.shared.lineStarts;
  if (!starts) {
    starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    f.shared.lineStarts = starts;
  }
  if (row < 0 || row >= starts.length) return undefined;
  return text.slice(starts[row]!, row + 1 < starts.length ? starts[row + 1]! - 1 : text.length);
}

export function siteBase(f: PyFile, call: Node, sdk: Sdk, api: string, kind: CallKind): DetectedCall {
  return {
    file: f.relPath, line: call.startPosition.row + 1, column: call.startPosition.column + 1, endLine: call.endPosition.row + 1,
    language: 'python', sdk, api, kind, model: null, modelSource: 'unresolved', maxTokens: null, reasoningTokens: null,
    streaming: false, endpoint: 'api', baseUrl: null, qualifiedName: qualifiedName(f, call),
    annotation: annotationFromLine(lineOf(f, call.startPosition.row - 1)), promptParts: [], confidence: 1,
  };
}

/** The call's keyword arguments as the request's options. */
function requestOptions(kwargs: Map<string, Value>, partial: boolean) {
  return dictToShared(kwargs, partial);
}

export function qualifiedName(f: PyFile, node: Node): string {
  const names: string[] = [];
  for (let p = parentOf(node); p; p = parentOf(p)) {
    if (p.type === 'function_definition' || p.type === 'class_definition') {
      const n = p.childForFieldName('name')?.text;
      if (n) names.unshift(n);
    }
  }
  return names.length ? names.join('.') : '<module>';
}

export function sdkSite(f: PyFile, call: Node, sdk: SdkRow, method: MethodRow, receiver: Extract<Value, { t: 'client' }> | null): DetectedCall {
  const site = siteBase(f, call, sdk.sdk, method.api, method.kind);
  const { positional, kwargs, partial } = args(f, call);
  const client = agentOf(method, positional, kwargs, receiver);
  const fields = requestFields({
    method, opts: [requestOptions(kwargs, partial)], positional: positional.map(toShared),
    client: client ? { opts: dictToShared(client.kwargs), positional: client.positional.map(toShared), row: client.row } : null,
    selfHosted: !!client?.row?.selfHosted || sdk.sdk === 'ollama',
  });
  applyFields(site, fields);
  if (FRAMEWORK_SDKS.has(sdk.sdk)) applyFramework(f, site, sdk, method, client, call);
  else if (method.calls) site.callsPerRequest = method.calls;
  // ollama/litellm put model/messages positionally
  const promptPos = method.promptPos ?? (sdk.sdk === 'litellm' && method.kind === 'chat' ? 1 : sdk.sdk === 'ollama' ? 1 : undefined);
  // prompt parts: the call's options, then what the client / agent was built with (a system instruction, a
  // framework agent's instructions) and the positional prompt
  const role = inputRole(method.kind);
  const clientSystem = client?.kwargs.get('system_instruction')
    ?? (FRAMEWORK_SDKS.has(sdk.sdk) ? client?.kwargs.get('instructions') ?? client?.kwargs.get('system_prompt') : undefined);
  const positionalPrompt = promptPos !== undefined ? positional[promptPos]
    // Google / Voyage take the contents as the first argument
    : (sdk.sdk === 'google' || sdk.sdk === 'voyage') && method.modelPos !== 0 ? positional[0] : undefined;
  const own = ownRequest({ method, opts: [requestOptions(kwargs, partial)], positional: [], selfHosted: false });
  const found = partsFromOptions(own, role, {
    ...(clientSystem ? { system: toShared(clientSystem) } : {}),
    ...(positionalPrompt ? { messages: toShared(positionalPrompt) } : {}),
  });
  const parts = found.parts;
  if (!parts.length && !['image', 'speech', 'transcription'].includes(method.kind)) parts.push(runtimePart(role));
  else if (partial && !found.messages && !found.input) parts.push(runtimePart('user'));
  site.promptParts = parts;
  site.confidence = confidenceFor(site.modelSource, parts);
  return site;
}

/** Writes the request interpreter's fields (request/fields.ts) onto a site. */
export function applyFields(site: DetectedCall, r: RequestFields): void {
  site.model = r.model.model;
  site.modelSource = r.model.source;
  site.maxTokens = r.maxTokens;
  site.reasoningTokens = r.reasoningTokens;
  site.streaming = r.streaming;
  site.endpoint = r.endpoint;
  site.baseUrl = r.baseUrl;
}
