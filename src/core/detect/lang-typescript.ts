// TypeScript / JavaScript / JSX / TSX call-site detection. Every call expression is checked against the SDK
// table through a static evaluation of its callee (ts/values.ts): SDK client methods, module-level SDK
// functions, LangChain runnables built from a chat model, and raw HTTP requests to model endpoints.
import type { Node } from 'web-tree-sitter';
import type { AnalyzeContext, LanguageModule } from './types';
import type { DetectedCall, PromptPart, SourcePos } from './types';
import { annotationFromLine, confidenceFor, runtimePart, stripProviderPrefix, withInputRole } from './promptParts';
import { partFromVal, partsFromArgument, partsFromOptions, partsFromTemplate } from './ts/prompts';
import { newFileCtx, type Analysis, type FileCtx } from './ts/context';
import { matchHttp } from './ts/http';
import { inferRequest } from './ts/inferred';
import { INFERRED_FACTOR } from './receivers';
import { partsFromOptions as sharedParts } from './request/prompts';
import { deploymentKeyOf, endpointField, forRequest, maxTokensField, modelField, modelFrom, reasoningField, streamingField, type ModelField, type RequestInput } from './request/fields';
import { objectRef, refToShared, toShared } from './ts/shared';
import { asAiSdkModel, asClient, asLangChainModel, matchRequest, matchRunnable, type Request } from './ts/sdk-match';
import { argumentsOf, dottedName, isClassLike, keyName, memberObject, memberProperty, unwrap } from './ts/syntax';
import { propNode } from './ts/objects';
import { evaluate, type Val } from './ts/values';
import { SDKS, findMethod, sdkForModule } from './sdks';
import { FRAMEWORKS } from './frameworks';
import { parentOf } from './ancestors';
import { callsAndNews, requestCandidates } from './ts/candidates';

const FRAMEWORK_SDKS = new Set(FRAMEWORKS.map((r) => r.sdk));
const NO_MODEL: ModelField = { model: null, source: 'unresolved', value: undefined };

/** Calls that replace a package by a test double for the whole file. */
const MOCK_MODULE_CALLS = new Set(['jest.mock', 'jest.doMock', 'jest.unstable_mockModule', 'vi.mock', 'vi.doMock', 'mock.module']);
/** Calls that replace one method of an object by a stub: the object's package counts as mocked in this file. */
const STUB_CALLS = new Set(['sinon.stub', 'sinon.replace', 'jest.spyOn', 'vi.spyOn', 'stub', 'spyOn']);

/** Enclosing `Class.method` / function name for the call-site key; '<module>' at top level. */
export function qualifiedName(node: Node): string {
  let fn: string | null = null;
  for (let cur = parentOf(node); cur; cur = parentOf(cur)) {
    let name: string | null = null;
    let isMember = false;
    switch (cur.type) {
      case 'function_declaration':
      case 'generator_function_declaration':
        name = cur.childForFieldName('name')?.text ?? null;
        break;
      case 'method_definition':
        name = keyName(cur.childForFieldName('name'));
        isMember = true;
        break;
      case 'arrow_function':
      case 'function_expression':
      case 'function': {
        const p = parentOf(cur);
        if (p?.type === 'variable_declarator') name = p.childForFieldName('name')?.text ?? null;
        else if (p?.type === 'pair') name = keyName(p.childForFieldName('key'));
        else if (p?.type === 'public_field_definition' || p?.type === 'field_definition') {
          name = keyName(p.childForFieldName('name') ?? p.childForFieldName('property'));
          isMember = true;
        } else if (p?.type === 'assignment_expression') name = memberProperty(p.childForFieldName('left') ?? p) ?? p.childForFieldName('left')?.text ?? null;
        break;
      }
      default:
    }
    if (!name) continue;
    if (fn === null) fn = name;
    if (!isMember) return fn;
    for (let c = parentOf(cur); c; c = parentOf(c)) {
      if (isClassLike(c)) {
        const cls = c.childForFieldName('name')?.text ?? (parentOf(c)?.type === 'variable_declarator' ? parentOf(c)!.childForFieldName('name')?.text : null);
        return cls ? `${cls}.${fn}` : fn;
      }
    }
    return fn;
  }
  return fn ?? '<module>';
}

function collectMocks(fc: FileCtx, calls: Node[]): void {
  for (const call of calls) {
    const name = dottedName(call.childForFieldName('function') ?? call);
    if (!name) continue;
    const args = argumentsOf(call);
    if (MOCK_MODULE_CALLS.has(name)) {
      const spec = args[0] ? evaluate(args[0], fc) : null;
      if (spec?.t === 'str') fc.mocked.add(spec.value);
    } else if (STUB_CALLS.has(name) && args[0]) {
      const target = evaluate(args[0], fc);
      if (target.t === 'pkg') fc.mocked.add(target.pkg);
    }
  }
  if (fc.mocked.size) fc.evals.clear();
}

interface Built {
  node: Node;
  callsPerRequest?: { n: number; basis: string };
  modelBasis?: string;
  req: Pick<Request, 'sdk' | 'api' | 'kind'>;
  model: ModelField | null;
  maxTokens: number | null;
  reasoningTokens: number | null;
  streaming: boolean;
  endpoint: 'api' | 'self-hosted';
  baseUrl: string | null;
  parts: PromptPart[];
  modelFrom?: SourcePos[];
  constructorOnly?: boolean;
  /** the Azure deployment key the model came from (DetectedCall.deploymentKey) */
  deploymentKey?: string;
  /** why a receiver that is not resolved is taken for an SDK client (its request shape); lowers confidence */
  receiver?: string;
}

/** The request interpreter's input for a matched request (request/fields.ts). */
function inputOf(req: Request): RequestInput {
  const opts = req.ctorOpts && req.opts.at(-1) === req.ctorOpts ? req.opts.slice(0, -1) : req.opts;
  const lc = req.lcModel;
  return forRequest({
    method: req.method,
    opts: opts.map((r) => objectRef(r)),
    positional: lc ? [] : req.args.nodes.map((n) => toShared(evaluate(n, req.args.fc))),
    client: {
      opts: refToShared(req.ctorOpts),
      positional: lc ? lc.args.map((n) => toShared(evaluate(n, lc.fc))) : [],
      row: lc?.row ?? req.agentRow ?? null,
    },
    selfHosted: req.selfHostedClient,
  });
}

function fromRequest(node: Node, req: Request): Built {
  const own = req.own;
  let input = inputOf(req);
  let model = modelField(input);
  let endpoint = endpointField(input, model.model);
  const native = model.value?.k === 'call' ? model.value.native as Val : null;
  const ai = !req.lcModel && native ? asAiSdkModel(native) : null;
  const wrapped = !req.lcModel && !ai && native ? wrappedModel(native) : null;
  if (wrapped) model = wrapped;
  if (ai) {
    // a Vercel AI SDK model object: the model is its factory's argument, the endpoint its provider's
    model = ai.model ? modelFrom(toShared(evaluate(ai.model, ai.fc))) : NO_MODEL;
    if (ai.prefixed && model.model) model = { ...model, model: stripProviderPrefix(model.model) };
    input = { ...input, client: { opts: refToShared(ai.providerOpts), positional: [], row: null }, selfHosted: ai.selfHosted };
    endpoint = endpointField(input, model.model);
  }
  if (req.lcModel && model.model) model = { ...model, model: stripProviderPrefix(model.model) };
  const deploymentKey = req.lcModel && model.model ? deploymentKeyOf(input) : null;
  const framework = FRAMEWORK_SDKS.has(req.sdk);
  let modelBasis: string | undefined;
  if (framework && !model.model && model.source === 'unresolved' && !model.value && req.agentRow?.defaultModel) {
    model = { model: req.agentRow.defaultModel.model, source: 'framework-default', value: undefined };
    modelBasis = req.agentRow.defaultModel.basis;
  }
  if (framework && model.model && SDKS.find((s) => s.sdk === req.sdk)?.providerPrefix) model = { ...model, model: stripProviderPrefix(model.model) };
  let parts: PromptPart[];
  if (req.lcPrompt) parts = partsFromTemplate(req.lcPrompt);
  else if (req.lcModel) parts = partsFromArgument(req.args.nodes[0], req.args.fc);
  else if (req.method.promptPos !== undefined && req.args.nodes[req.method.promptPos] && !own) parts = partsFromArgument(req.args.nodes[req.method.promptPos], req.args.fc);
  else if (own) parts = req.method.requestPath ? sharedParts(input.opts[0] ?? null, 'user').parts : partsFromOptions(own);
  else parts = partsFromArgument(req.args.nodes[req.method.promptPos ?? 0], req.args.fc);
  return {
    node, req, model,
    maxTokens: maxTokensField(input),
    reasoningTokens: reasoningField(input),
    streaming: streamingField(input),
    endpoint: endpoint.endpoint, baseUrl: endpoint.baseUrl, parts: withInputRole(req.kind, framework ? [...instructionsOf(req), ...parts] : parts),
    ...(req.method.calls ? { callsPerRequest: req.method.calls } : {}),
    ...(modelBasis ? { modelBasis } : {}),
    ...(deploymentKey ? { deploymentKey } : {}),
  };
}

/** A model object of the SDK table given as an agent's model (`new OpenAIChatCompletionsModel(client, 'gpt-5')`): its model argument. */
function wrappedModel(v: Val): ReturnType<typeof modelField> | null {
  const shape = v.t === 'pkg' ? asClient(v) : null;
  const ctor = v.t === 'pkg' ? v.steps.find((s) => s.k === 'new') : undefined;
  const pos = shape?.client?.modelPos;
  if (pos === undefined || !ctor || ctor.k === 'get' || !ctor.args[pos]) return null;
  return modelFrom(toShared(evaluate(ctor.args[pos], ctor.fc)));
}

/** A framework agent's `instructions` (its system prompt), from the agent's constructor options. */
function instructionsOf(req: Request): PromptPart[] {
  const p = req.ctorOpts ? propNode(req.ctorOpts, 'instructions') : null;
  return p ? [partFromVal(evaluate(p.node, p.fc), 'system')] : [];
}

function analyzeFile(ctx: AnalyzeContext): DetectedCall[] {
  const an: Analysis = { ws: ctx.ws, parseSibling: ctx.parseSibling, checkBudget: ctx.checkBudget, files: new Map() };
  const fc = newFileCtx(an, ctx.relPath, ctx.text, ctx.tree.rootNode);
  const { calls, news, assigns } = callsAndNews(fc.root);
  fc.assignmentNodes = assigns;
  // every mocking / stubbing call's name spells one of these words
  if (/mock|sinon|spyOn|stub/i.test(ctx.text)) collectMocks(fc, calls);
  const built: Built[] = [];
  const usedModels = new Set<number>();
  const candidate = requestCandidates(fc, calls);
  const skipped = new Set<number>();
  calls.forEach((call, i) => {
    if (i % 64 === 0) ctx.checkBudget();
    const fromText = candidate.byText(call);
    if (fromText === false) {
      skipped.add(call.id);
      return;
    }
    const callee = call.childForFieldName('function');
    if (!callee || callee.type === 'import' || callee.type === 'super') return;
    if (fromText === undefined && !candidate.byCallee(callee)) {
      skipped.add(call.id);
      return;
    }
    const args = argumentsOf(call);
    let req = matchRequest(callee, args, fc);
    const c = unwrap(callee);
    if (!req && c.type === 'member_expression') {
      const method = memberProperty(c);
      const obj = memberObject(c);
      if (method && obj) req = matchRunnable(obj, method, args, fc);
    }
    if (req) {
      const lc = req.lcModel;
      if (lc) usedModels.add(lc.ctor.id);
      // where the invoked model is constructed (not when it is only a typed parameter or field)
      const ctorAt = lc && (lc.ctor.type === 'new_expression' || lc.ctor.type === 'call_expression')
        ? { modelFrom: [{ file: lc.fc.relPath, line: lc.ctor.startPosition.row + 1, column: lc.ctor.startPosition.column + 1 }] } : {};
      built.push({ ...fromRequest(call, req), ...ctorAt });
      return;
    }
    const inferred = inferRequest(callee, args, fc);
    if (inferred) {
      built.push({ ...fromRequest(call, inferred.req), receiver: inferred.why });
      return;
    }
    const http = matchHttp(callee, args, fc);
    if (http) {
      const input: RequestInput = { method: {}, opts: http.body ? [objectRef(http.body)] : [], positional: [], client: null, selfHosted: false };
      built.push({
        node: call, req: { sdk: 'http', api: http.api, kind: http.kind },
        model: modelField(input), maxTokens: maxTokensField(input), reasoningTokens: reasoningField(input), streaming: streamingField(input),
        endpoint: http.endpoint, baseUrl: http.url, parts: withInputRole(http.kind, http.body ? partsFromOptions(http.body) : []),
      });
    }
  });
  built.push(...unusedLangChainModels(fc, usedModels, news, calls.filter((c) => !skipped.has(c.id))));
  const lines = ctx.text.split('\n');
  return built.map((b) => toDetected(b, ctx, lines));
}

/** LangChain chat models never invoked in this file: the constructor is reported once so the model still shows. */
function unusedLangChainModels(fc: FileCtx, used: Set<number>, news: Node[], calls: Node[]): Built[] {
  const out: Built[] = [];
  const row = sdkForModule('js', '@langchain/openai');
  const invoke = row ? findMethod('js', row, 'invoke') : undefined;
  if (!invoke) return out;
  // a call constructs a LangChain model only when its callee is a LangChain package value (evaluated already)
  const candidates = [...news, ...calls.filter(callsLangChain(fc))];
  for (const node of candidates) {
    if (used.has(node.id)) continue;
    const lc = asLangChainModel(evaluate(node, fc));
    if (!lc || lc.ctor.id !== node.id) continue;
    used.add(node.id);
    const req: Request = {
      // named after its class, as in Python: nothing invokes it
      sdk: 'langchain', api: lc.row.name, kind: invoke.kind, method: invoke, opts: [], own: null, ctorOpts: null,
      args: { nodes: [], fc }, selfHostedClient: !!lc.row.selfHosted, lcModel: lc,
    };
    const first = lc.args[0] ? evaluate(lc.args[0], lc.fc) : null;
    if (first?.t === 'obj') {
      req.opts = [first.ref];
      req.ctorOpts = first.ref;
    }
    const b = fromRequest(node, req);
    out.push({ ...b, parts: [runtimePart('user')], constructorOnly: true });
  }
  return out;
}

function callsLangChain(fc: FileCtx): (call: Node) => boolean {
  return (call) => {
    const callee = call.childForFieldName('function');
    if (!callee || callee.type === 'import' || callee.type === 'super') return false;
    const v = evaluate(callee, fc);
    return v.t === 'pkg' && sdkForModule('js', v.pkg)?.sdk === 'langchain';
  };
}

function toDetected(b: Built, ctx: AnalyzeContext, lines: string[]): DetectedCall {
  const row = b.node.startPosition.row;
  const model = b.model ?? { model: null, source: 'unresolved' as const };
  return {
    file: ctx.relPath,
    line: row + 1,
    column: b.node.startPosition.column + 1,
    endLine: b.node.endPosition.row + 1,
    language: ctx.language,
    sdk: b.req.sdk,
    api: b.req.api,
    kind: b.req.kind,
    model: model.model,
    modelSource: model.source,
    maxTokens: b.maxTokens,
    reasoningTokens: b.reasoningTokens,
    streaming: b.streaming,
    endpoint: b.endpoint,
    baseUrl: b.baseUrl,
    qualifiedName: qualifiedName(b.node),
    annotation: row > 0 ? annotationFromLine(lines[row - 1]?.replace(/\r$/, '')) : null,
    promptParts: b.parts,
    confidence: b.receiver ? Math.round(confidenceFor(model.source, b.parts) * INFERRED_FACTOR * 100) / 100 : confidenceFor(model.source, b.parts),
    ...(b.modelFrom ? { modelFrom: b.modelFrom } : {}),
    ...(b.callsPerRequest ? { callsPerRequest: b.callsPerRequest } : {}),
    ...(b.modelBasis ? { modelBasis: b.modelBasis } : {}),
    ...(b.constructorOnly ? { constructorOnly: true } : {}),
    ...(b.deploymentKey ? { deploymentKey: b.deploymentKey } : {}),
    ...(b.receiver ? { receiver: b.receiver } : {}),
  };
}

/**
 * A `<` where an expression starts (after an operator, a bracket, a keyword or a line break): in a .ts file a type
 * assertion (`<T>x`) or a generic arrow function (`<T>(x) => …`), which the TSX grammar would read as JSX.
 */
const ANGLE_CAST = /(?:\b(?:return|yield|await|async|typeof|void|delete|throw|case|in|of|new|else|do)|^|[^\w$)\]\s])\s*<\s*[A-Za-z_$([{]/m;

// TypeScript and JavaScript are parsed with the TSX grammar, a superset of both (JSX included) but for TypeScript's
// angle-bracket casts and generic arrow functions: a .ts file that may have one keeps the TypeScript grammar. A
// workspace of .ts, .tsx and .js files compiles and warms one grammar instead of three, and each file is parsed once
// (a fallback after a TSX syntax error parsed every broken file twice, and files are broken while being typed).
export const typescriptModule: LanguageModule = {
  extensions: {
    '.ts': { language: 'typescript', grammar: 'typescript', firstTry: 'tsx', ownGrammarIf: ANGLE_CAST },
    '.mts': { language: 'typescript', grammar: 'typescript', firstTry: 'tsx', ownGrammarIf: ANGLE_CAST },
    '.cts': { language: 'typescript', grammar: 'typescript', firstTry: 'tsx', ownGrammarIf: ANGLE_CAST },
    '.tsx': { language: 'tsx', grammar: 'tsx' },
    '.js': { language: 'javascript', grammar: 'javascript', firstTry: 'tsx' },
    '.jsx': { language: 'javascript', grammar: 'javascript', firstTry: 'tsx' },
    '.mjs': { language: 'javascript', grammar: 'javascript', firstTry: 'tsx' },
    '.cjs': { language: 'javascript', grammar: 'javascript', firstTry: 'tsx' },
  },
  analyze: analyzeFile,
};

