// Interprets evaluated TS/JS values against the SDK table (sdks.ts): which package values are SDK clients,
// LangChain models/chains, Vercel AI SDK model factories, and which calls on them make a model request.
import type { Node } from 'web-tree-sitter';
import type { CallKind, Sdk } from '../types';
import { findClient, findMethod, sdkForModule, AI_SDK_PROVIDERS, composers, type ClientRow, type MethodRow, type SdkRow } from '../sdks';
import type { FileCtx } from './context';
import { addStep, evaluate, isLangChainPkg, pkgPath, type Ref, type Step, type Val } from './values';
import { registeredAgent } from './mastra';
import { memberObject, memberProperty, unwrap } from './syntax';

type PkgVal = Extract<Val, { t: 'pkg' }>;
type CallStep = Exclude<Step, { k: 'get' }>;

export interface Request {
  sdk: Sdk;
  api: string;
  kind: CallKind;
  method: MethodRow;
  /** option objects, most specific first: the call's own argument, then intermediate calls, then the constructor */
  opts: Ref[];
  /** the request's own options object (the call's first argument, or the AWS command's input) */
  own: Ref | null;
  /** the constructor / factory options, where the base URL lives */
  ctorOpts: Ref | null;
  /** positional arguments of the request call */
  args: { nodes: Node[]; fc: FileCtx };
  selfHostedClient: boolean;
  /** frameworks: the agent / LLM object's constructor row (its documented default model) */
  agentRow?: ClientRow | null;
  /** LangChain: the constructor node of the model and its row (model keys), and the chain's prompt template */
  lcModel?: { ctor: Node; row: ClientRow; args: Node[]; fc: FileCtx };
  lcPrompt?: PkgVal;
}

function objRef(node: Node | undefined, fc: FileCtx): Ref | null {
  if (!node) return null;
  const v = evaluate(node, fc);
  return v.t === 'obj' ? v.ref : null;
}

interface ClientShape { row: SdkRow; client: ClientRow | null; path: string[]; opts: Ref[]; ctorOpts: Ref | null; calls: Step[] }

/** An SDK client (or module-level SDK object) and the member path taken from it. */
export function asClient(v: PkgVal): ClientShape | null {
  const row = sdkForModule('js', v.pkg);
  if (!row) return null;
  const newAt = v.steps.findIndex((s) => s.k === 'new');
  const path: string[] = [];
  const opts: Ref[] = [];
  const calls: Step[] = [];
  let client: ClientRow | null = null;
  let ctorOpts: Ref | null = null;
  let rest = v.steps;
  if (newAt >= 0) {
    const names = [v.name, ...v.steps.slice(0, newAt).map((s) => (s.k === 'get' ? s.name : null))].filter((x): x is string => !!x);
    const className = names.at(-1);
    const jsClients = row.clients.filter((c) => c.langs.includes('js'));
    client = className ? findClient('js', row.sdk, className) ?? null : jsClients[0] ?? null;
    if (!client || client.role === 'model') return null;
    const ctor = v.steps[newAt] as CallStep;
    ctorOpts = objRef(ctor.args[0], ctor.fc);
    rest = v.steps.slice(newAt + 1);
  } else {
    if (v.name) path.push(v.name);
  }
  for (const s of rest) {
    if (s.k === 'get') path.push(s.name);
    else if (s.k === 'call') {
      calls.push(s);
      const r = objRef(s.args[0], s.fc);
      if (r) opts.unshift(r);
    } else return null;
  }
  if (ctorOpts) opts.push(ctorOpts);
  return { row, client, path, opts, ctorOpts, calls };
}

/** `new ChatOpenAI({...})` / `initChatModel("…")`: a LangChain chat model, with its constructor. */
export function asLangChainModel(v: Val): Request['lcModel'] | null {
  if (v.t !== 'pkg') return null;
  const row = sdkForModule('js', v.pkg);
  if (!row || row.sdk !== 'langchain') return null;
  const first = v.steps.findIndex((s) => s.k !== 'get');
  if (first < 0 || first !== v.steps.length - 1) return null;
  const step = v.steps[first] as CallStep;
  const name = pkgPath(v).split('.').at(-1) ?? '';
  const client = findClient('js', 'langchain', name);
  if (!client || client.role !== 'model') return null;
  return { ctor: step.node, row: client, args: step.args, fc: step.fc };
}

export function asPromptTemplate(v: Val): PkgVal | null {
  if (v.t !== 'pkg' || !isLangChainPkg(v.pkg)) return null;
  return composers('js').promptTemplates.includes(pkgPath(v)) && v.steps.at(-1)?.k === 'call' ? v : null;
}

/** Vercel AI SDK model value (`openai('gpt-4o')`, `createOpenAI({ baseURL })('…')`, `openai.embedding('…')`). */
export function asAiSdkModel(v: Val): { model: Node | null; fc: FileCtx; providerOpts: Ref | null; selfHosted: boolean; prefixed?: boolean } | null {
  if (v.t !== 'pkg') return null;
  const registry = registryModel(v);
  if (registry) return registry;
  const provider = AI_SDK_PROVIDERS.find((p) => v.pkg === p.pkg || (p.pkg.endsWith('/') && v.pkg.startsWith(p.pkg)));
  if (!provider) return null;
  const calls = v.steps.filter((s): s is CallStep => s.k === 'call');
  const last = calls.at(-1);
  if (!last) return null;
  const creator = v.name && /^create[A-Z]/.test(v.name) && calls.length >= 2 ? calls[0]! : null;
  return { model: last.args[0] ?? null, fc: last.fc, providerOpts: creator ? objRef(creator.args[0], creator.fc) : null, selfHosted: !!provider.selfHosted };
}

const REGISTRIES = ['createProviderRegistry', 'experimental_createProviderRegistry'];
const REGISTRY_MODELS = ['languageModel', 'textEmbeddingModel', 'imageModel'];

/** `createProviderRegistry({ openai, anthropic }).languageModel('anthropic:claude-…')`: the id names provider and model. */
function registryModel(v: PkgVal): ReturnType<typeof asAiSdkModel> {
  if (v.pkg !== 'ai' || !REGISTRIES.includes(v.name ?? '') || v.steps.length < 3) return null;
  const [ctor, get, call] = v.steps.slice(-3);
  if (ctor?.k !== 'call' || get?.k !== 'get' || !REGISTRY_MODELS.includes(get.name) || call?.k !== 'call') return null;
  return { model: call.args[0] ?? null, fc: call.fc, providerOpts: null, selfHosted: false, prefixed: true };
}

/** The model request made by calling `callee(args)`, when the callee is an SDK method or a LangChain runnable method. */
export function matchRequest(callee: Node, args: Node[], fc: FileCtx): Request | null {
  const v = evaluate(callee, fc);
  if (v.t === 'pkg') return matchPkgCall(v, args, fc) ?? matchRegistered(callee, args, fc);
  return matchCommandSend(callee, args, fc) ?? matchRegistered(callee, args, fc);
}

/** `mastra.getAgent('x').generate(…)`: a method of an agent looked up from the Mastra registry (ts/mastra.ts). */
function matchRegistered(callee: Node, args: Node[], fc: FileCtx): Request | null {
  const c = unwrap(callee);
  const method = c.type === 'member_expression' ? memberProperty(c) : null;
  const obj = c.type === 'member_expression' ? memberObject(c) : null;
  if (!method || !obj || !fc.text.includes('@mastra/')) return null;
  const agent = registeredAgent(obj, fc);
  const v = agent?.t === 'pkg' ? addStep(agent, { k: 'get', name: method }) : null;
  return v?.t === 'pkg' ? matchPkgCall(v, args, fc) : null;
}

/**
 * `client.send(new ConverseCommand(input))` where the client itself is not resolved (injected, memoised behind a
 * promise) but the command class comes from a Bedrock runtime package: the command alone names the request.
 */
function matchCommandSend(callee: Node, args: Node[], fc: FileCtx): Request | null {
  const c = unwrap(callee);
  if (c.type !== 'member_expression' || memberProperty(c) !== 'send' || !args[0] || unwrap(args[0]).type !== 'new_expression') return null;
  const cmd = evaluate(args[0], fc);
  if (cmd.t !== 'pkg' || cmd.steps.at(-1)?.k !== 'new' || cmd.steps.slice(0, -1).some((st) => st.k !== 'get')) return null;
  const row = sdkForModule('js', cmd.pkg);
  const name = pkgPath(cmd).split('.').at(-1) ?? '';
  const method = row && /Command$/.test(name) ? findMethod('js', row, name) : undefined;
  if (!row || !method) return null;
  const step = cmd.steps.at(-1) as CallStep;
  const cmdOpts = objRef(step.args[0], step.fc);
  return { sdk: row.sdk, api: method.api, kind: method.kind, method, opts: cmdOpts ? [cmdOpts] : [], own: cmdOpts, ctorOpts: null, args: { nodes: args, fc }, selfHostedClient: false };
}

function matchPkgCall(v: PkgVal, args: Node[], fc: FileCtx): Request | null {
  const shape = asClient(v);
  if (!shape) return null;
  const { row, path } = shape;
  const isModuleLevel = !shape.client;
  const selfHostedClient = shape.client ? !!shape.client.selfHosted
    : row.clients.some((c) => c.langs.includes('js')) && row.clients.filter((c) => c.langs.includes('js')).every((c) => c.selfHosted);
  const joined = path.join('.');
  let method = findRouted(row, joined, isModuleLevel, v);
  if (!method && isModuleLevel && row.sdk === 'langchain') return null;
  let own = method?.optionsPos === undefined ? objRef(args[0], fc) : null;
  const later = method?.optionsPos !== undefined ? objRef(args[method.optionsPos], fc) : null;
  let opts = own ? [own, ...shape.opts] : later ? [later, ...shape.opts] : shape.opts;
  if (!method && path.at(-1) === 'send' && args[0]) {
    // AWS-SDK style: client.send(new XCommand({...})), the command class names the operation
    const cmd = evaluate(args[0], fc);
    if (cmd.t === 'pkg' && sdkForModule('js', cmd.pkg) === row && cmd.steps.at(-1)?.k === 'new') {
      const name = pkgPath(cmd).split('.').at(-1) ?? '';
      method = findMethod('js', row, [...path.slice(0, -1), name].join('.')) ?? findMethod('js', row, name);
      const step = cmd.steps.at(-1) as CallStep;
      const cmdOpts = objRef(step.args[0], step.fc);
      opts = cmdOpts ? [cmdOpts, ...shape.opts] : shape.opts;
      own = cmdOpts;
    }
  }
  if (!method) return null;
  if (method.agentPos !== undefined) {
    // `run(agent, input)`: the agent argument was constructed with the model and instructions
    const agent = args[method.agentPos] ? evaluate(args[method.agentPos]!, fc) : null;
    const shapeOfAgent = agent?.t === 'pkg' ? asClient(agent) : null;
    return {
      sdk: row.sdk, api: method.api, kind: method.kind, method, opts: shapeOfAgent?.opts ?? [], own: null, ctorOpts: shapeOfAgent?.ctorOpts ?? null,
      args: { nodes: args, fc }, selfHostedClient, agentRow: shapeOfAgent?.client ?? row.clients.find((c) => c.langs.includes('js')) ?? null,
    };
  }
  return { sdk: row.sdk, api: method.api, kind: method.kind, method, opts, own, ctorOpts: shape.ctorOpts, args: { nodes: args, fc }, selfHostedClient, agentRow: shape.client };
}

/**
 * The method row for a member path; REST-style rows (MethodRow.route) also need the route string given to the
 * path's first call (`client.path("/chat/completions").post(…)`), so `path("/info").get()` is no request.
 */
function findRouted(row: SdkRow, joined: string, moduleLevel: boolean, v: PkgVal): MethodRow | undefined {
  const rows = (moduleLevel ? row.functions ?? [] : row.methods).filter((m) => (m.js ?? []).includes(joined));
  const plain = rows.find((m) => m.route === undefined);
  if (plain || !rows.length) return plain;
  const first = joined.split('.')[0];
  const at = v.steps.findIndex((s, i) => s.k === 'call' && i > 0 && v.steps[i - 1]!.k === 'get' && (v.steps[i - 1] as { name: string }).name === first);
  const step = at >= 0 ? v.steps[at] as CallStep : null;
  const route = step?.args[0] ? evaluate(step.args[0], step.fc) : null;
  return route?.t === 'str' ? rows.find((m) => m.route === route.value) : undefined;
}

/** `llm.invoke(…)` / `chain.stream(…)` / `agent.invoke(…)` where the runnable holds a LangChain chat model. */
export function matchRunnable(objectNode: Node, method: string, args: Node[], fc: FileCtx): Request | null {
  const row = sdkForModule('js', '@langchain/openai');
  const m = row ? findMethod('js', row, method) : undefined;
  if (!row || !m) return null;
  const v = evaluate(objectNode, fc);
  const parts = v.t === 'chain' ? v.parts : [v];
  let lcModel: Request['lcModel'] | null = null;
  let lcPrompt: PkgVal | null = null;
  for (const p of parts) {
    lcModel ??= asLangChainModel(p);
    lcPrompt ??= asPromptTemplate(p);
  }
  if (!lcModel) return null;
  const ctorOpts = objRef(lcModel.args[0], lcModel.fc);
  return {
    sdk: 'langchain', api: m.api, kind: m.kind, method: m, opts: ctorOpts ? [ctorOpts] : [], own: null, ctorOpts,
    args: { nodes: args, fc }, selfHostedClient: !!lcModel.row.selfHosted, lcModel, ...(lcPrompt ? { lcPrompt } : {}),
  };
}
