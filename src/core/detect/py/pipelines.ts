// Haystack pipelines: `pipe.run(...)` / `run_async(...)` (and hayhooks' `streaming_generator(pipeline=pipe)`) run
// every generator added to the pipeline with `pipe.add_component(name, OpenAIChatGenerator(model=…))`. The run is
// the call site when the file adds at least one generator of the SDK table to that same pipeline; a pipeline
// without one (indexing, retrieval) or loaded from YAML is not reported. The model is the first generator's.
import type { Node } from 'web-tree-sitter';
import type { DetectedCall } from '../types';
import { SDKS, type MethodRow } from '../sdks';
import type { PyFile } from './file';
import { args } from './calls';
import type { Value } from './value';

type Client = Extract<Value, { t: 'client' }>;
type SdkSite = (f: PyFile, call: Node, sdk: (typeof SDKS)[number], method: MethodRow, receiver: Client | null) => DetectedCall;

export const RUNS = ['run', 'run_async'];
/** hayhooks helpers that run a pipeline and stream its generators' output */
export const HAYHOOKS = ['hayhooks.streaming_generator', 'hayhooks.async_streaming_generator'];
const PIPELINE_CTOR = /^haystack(\.core\.pipeline)?\.(Async)?Pipeline$/;

function enclosingFunction(n: Node): number {
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_definition') return p.id;
  return -1;
}

/** The generators the file adds to the pipeline written `receiver` (same text: `self.x` in the same class, else in the same function or at module level). */
function generatorsOf(f: PyFile, receiver: Node): Client[] {
  const cls = receiver.text.startsWith('self.') ? f.enclosingClass(receiver) : null;
  const scope = cls ? null : enclosingFunction(receiver);
  const out: Client[] = [];
  for (const call of f.calls) {
    const fn = f.callee(call);
    if (!fn || f.typeOf(fn) !== 'attribute' || f.attr(fn).name !== 'add_component') continue;
    const obj = f.attr(fn).object;
    if (obj?.text !== receiver.text || (cls ? f.enclosingClass(call)?.id !== cls.id : ![scope, -1].includes(enclosingFunction(call)))) continue;
    const a = args(f, call);
    const component = a.kwargs.get('instance') ?? a.positional[1];
    if (component?.t === 'client' && component.sdk.sdk === 'haystack') out.push(component);
  }
  return out;
}

/** A pipeline run (or hayhooks streaming helper) that runs generators of the SDK table, as a call site. */
export function pipelineSite(f: PyFile, call: Node, sdkSite: SdkSite): DetectedCall | null {
  const fn = f.callee(call);
  if (!fn) return null;
  let pipeline: Node | null = null;
  let streaming = false;
  const type = f.typeOf(fn);
  if (type === 'attribute' && RUNS.includes(f.attr(fn).name ?? '')) {
    pipeline = f.attr(fn).object;
  } else if (type === 'identifier' || type === 'attribute') {
    const callee = f.eval(fn);
    if (callee.t !== 'module' || !HAYHOOKS.includes(callee.name)) return null;
    const list = call.childForFieldName('arguments')?.namedChildren ?? [];
    const kw = list.find((a) => a?.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'pipeline');
    pipeline = kw ? kw.childForFieldName('value') : list[0]?.type !== 'keyword_argument' ? list[0] ?? null : null;
    streaming = true;
  }
  if (!pipeline) return null;
  const made = f.eval(pipeline);
  if (made.t !== 'dict' || !made.ctor || !PIPELINE_CTOR.test(made.ctor)) return null;
  const generators = generatorsOf(f, pipeline);
  const sdk = SDKS.find((s) => s.sdk === 'haystack');
  const method = sdk?.methods.find((m) => m.api === (streaming ? 'streaming_generator' : 'Pipeline.run'));
  if (!generators.length || !sdk || !method) return null;
  const site = sdkSite(f, call, sdk, method, generators[0]!);
  if (generators.length > 1) site.callsPerRequest = { n: generators.length, basis: `one model request per generator added to the pipeline (${generators.length})` };
  return site;
}
