// Frameworks (frameworks.ts) in Python: the agent / LLM object a run uses, the model it was built with (possibly
// nested: Agent(llm=LLM(model=...)), Crew(agents=[...])), the framework default, and DSPy's dspy.configure(lm=...).
import type { Node } from 'web-tree-sitter';
import type { DetectedCall } from '../types';
import { MODEL_KEYS, SDKS, type MethodRow, type SdkRow } from '../sdks';
import { stripProviderPrefix } from '../promptParts';
import type { PyFile } from './file';
import { args } from './calls';
import { modelFrom } from '../request/fields';
import { toShared } from './shared';
import type { Value } from './value';

type Client = Extract<Value, { t: 'client' }>;
/** what the model was found in, when it is a LangChain model object */
interface Via { selfHosted?: boolean; lc?: Extract<Value, { t: 'lc' }> }
const MAX_NESTING = 3;

/** The object holding the model: the receiver, or the agent passed to a runner function (`Runner.run(agent, …)`). */
export function agentOf(method: MethodRow, positional: Value[], kwargs: Map<string, Value>, receiver: Client | null): Client | null {
  if (method.agentKey) {
    const a = kwargs.get(method.agentKey);
    return a?.t === 'client' ? a : receiver;
  }
  if (method.agentPos === undefined) return receiver;
  const a = positional[method.agentPos] ?? kwargs.get('agent') ?? kwargs.get('starting_agent');
  return a?.t === 'client' ? a : receiver;
}

/** The model value a framework object was built with, following nested LLM objects and agent lists. */
export function modelValue(c: Client, depth = 0, via: Via = {}): Value | undefined {
  if (depth > MAX_NESTING) return undefined;
  const keys = [...(c.row?.modelKeys ?? []), ...MODEL_KEYS];
  for (const k of keys) {
    const v = c.kwargs.get(k);
    if (!v || v.t === 'none') continue;
    const items = v.t === 'list' ? v.items : [v];
    for (const item of items) {
      if (item.t === 'client') {
        const inner = modelValue(item, depth + 1, via);
        if (inner) return inner;
      } else if (item.t === 'lc' && item.what === 'model') {
        // a LangChain model object given as the LLM (`Agent(llm=Ollama(model="openhermes"))`)
        const inner = [...MODEL_KEYS, 'model'].map((m) => item.kwargs.get(m)).find((x) => x?.t === 'str') ?? item.positional[0];
        if (inner?.t === 'str' || inner?.t === 'env') {
          via.selfHosted = item.selfHosted;
          via.lc = item;
          return inner;
        }
      } else if (item.t === 'str' || item.t === 'env') return item;
    }
    // given but not resolved (`llm=llm` from a parameter): some model, not the framework default
    if (v.t !== 'list') return v;
  }
  const pos = c.row?.modelPos !== undefined ? c.positional[c.row.modelPos] : undefined;
  return pos && pos.t !== 'client' ? pos : pos?.t === 'client' ? modelValue(pos, depth + 1) : undefined;
}

/** DSPy: the LM configured for the file (`dspy.configure(lm=dspy.LM("openai/gpt-4o-mini"))`). */
export function configuredLm(f: PyFile, sdk: SdkRow): Client | null {
  if (sdk.sdk !== 'dspy') return null;
  for (const call of f.calls) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== 'attribute' || !/configure$/.test(fn.text)) continue;
    const callee = f.eval(fn);
    if (callee.t !== 'module' || !/^dspy\.(settings\.)?configure$/.test(callee.name)) continue;
    const lm = args(f, call).kwargs.get('lm');
    if (lm?.t === 'client') return lm;
  }
  return null;
}

/** LlamaIndex: the LLM set for the file at module level (`Settings.llm = OpenAI(model=...)`), imported from llama_index. */
function settingsLlm(f: PyFile, sdk: SdkRow): Client | null {
  if (sdk.sdk !== 'llamaindex') return null;
  const node = f.moduleAttrs.get('Settings.llm');
  const settings = f.lookupModuleLevel('Settings');
  if (!node || settings.t !== 'module' || !settings.name.startsWith('llama_index')) return null;
  const v = f.eval(node);
  return v.t === 'client' ? v : null;
}

/** Model, default and calls-per-request of a framework run, written onto the site. */
export function applyFramework(f: PyFile, site: DetectedCall, sdk: SdkRow, method: MethodRow, agent: Client | null, call: Node): void {
  if (method.calls) site.callsPerRequest = method.calls;
  // a run configuration that names a model overrides the agent's (`Runner.run(agent, q, run_config=RunConfig(model=…))`);
  // one that is known and names none leaves the agent's model or the default in place
  const kwargs = args(f, call).kwargs;
  const overrides = (method.modelOverrides ?? []).map((k) => kwargs.get(k)).filter((v): v is Value => !!v && v.t !== 'none');
  const override = overrides.map((o) => (o.t === 'dict' ? o.entries.get('model') : o.t === 'client' ? o.kwargs.get('model') : undefined)).find((m) => m && m.t !== 'none');
  const opaque = overrides.some((o) => o.t !== 'dict' && o.t !== 'client');
  if (site.model === null && override) {
    const r = modelFrom(toShared(override));
    [site.model, site.modelSource] = [r.model, r.source];
  } else if (site.model === null && agent) {
    const lm = configuredLm(f, sdk) ?? settingsLlm(f, sdk);
    const via: Via = {};
    const v = modelValue(agent, 0, via) ?? (lm ? modelValue(lm, 0, via) : undefined);
    const r = modelFrom(v ? toShared(v) : undefined);
    if (r.model !== null) [site.model, site.modelSource] = [r.model, r.source];
    if (r.model !== null && via.selfHosted) site.endpoint = 'self-hosted';
    // the LangChain model is used by this run: not a constructor-only site of its own
    if (via.lc?.ctorFile === f.relPath) f.lcUsed.add(via.lc.ctorNode.id);
    else if (agent.row?.defaultModel && !v && !opaque) {
      [site.model, site.modelSource] = [agent.row.defaultModel.model, 'framework-default'];
      site.modelBasis = agent.row.defaultModel.basis;
    }
  }
  if (site.model && sdk.providerPrefix) site.model = stripProviderPrefix(site.model);
}

/** LlamaIndex's engine builders: the method names alone say what the object is, in a file that imports llama_index. */
const ENGINE_BUILDERS = ['as_query_engine', 'as_chat_engine'];

/**
 * `index.as_query_engine(llm=…)` on an index that is not resolved (a parameter, a loader in another package): a
 * query engine all the same, so its `.query(...)` is found.
 */
export function unresolvedEngine(f: PyFile, attr: string, kwargs: Map<string, Value>): Value | null {
  if (!ENGINE_BUILDERS.includes(attr) || !f.shared.ctx.text.includes('llama_index')) return null;
  const sdk = SDKS.find((s) => s.sdk === 'llamaindex');
  const row = sdk?.clients.find((c) => c.name === 'VectorStoreIndex') ?? null;
  return sdk ? { t: 'client', sdk, row, path: [attr], kwargs, positional: [] } : null;
}
