// instructor: `instructor.from_openai(OpenAI())`, `instructor.from_litellm(litellm.completion)`,
// `instructor.from_provider("openai/gpt-4o")` give a patched client whose `create*` methods send the provider's
// main chat request (receivers.ts INSTRUCTOR).
import { SDKS, type MethodRow, type SdkRow } from '../sdks';
import { INSTRUCTOR } from '../receivers';
import { str } from './strings';
import { UNKNOWN, type Value } from './value';

type Client = Extract<Value, { t: 'client' }>;

/** The patched client made by an instructor factory (`short` is the dotted callee), or null when it is none. */
export function instructorClient(short: string, positional: Value[], kwargs: Map<string, Value>): Value | null {
  const dot = short.lastIndexOf('.');
  if (short.slice(0, dot) !== INSTRUCTOR.module || !INSTRUCTOR.factories.includes(short.slice(dot + 1))) return null;
  // patch(create=client.messages.create): the patched function is that bound method
  const create = kwargs.get('create');
  if (create?.t === 'client' && create.path.length) return { ...create, instructor: true };
  const first = positional[0] ?? kwargs.get('client');
  // the factory's own request settings (`from_cohere(client, model=…, max_tokens=…)`) are defaults of every create
  if (first?.t === 'client') {
    const defaults = new Map(first.kwargs);
    for (const [k, v] of kwargs) if (k !== 'client' && k !== 'mode') defaults.set(k, v);
    return { ...first, kwargs: defaults, instructor: true };
  }
  // from_litellm(litellm.completion) / from_litellm(completion)
  if (first?.t === 'module' && first.name.startsWith('litellm')) return patched('litellm', new Map());
  const spec = short.endsWith('from_provider') ? positional[0] ?? kwargs.get('model') : undefined;
  if (spec?.t === 'str') {
    const slash = spec.text.indexOf('/');
    const sdk = slash > 0 ? INSTRUCTOR.providers[spec.text.slice(0, slash)] : undefined;
    if (sdk) return patched(sdk, new Map([['model', str(spec.text.slice(slash + 1), spec.src, spec.from)]]));
  }
  return UNKNOWN;
}

function patched(sdk: string, kwargs: Map<string, Value>): Client | null {
  const row = SDKS.find((s) => s.sdk === sdk);
  return row ? { t: 'client', sdk: row, row: null, path: [], kwargs, positional: [], instructor: true } : null;
}

/** The request an instructor method path (`create_partial`, `chat.completions.create_iterable`) sends. */
export function instructorMethod(sdk: SdkRow, path: string): MethodRow | undefined {
  const method = INSTRUCTOR.prefixes.map((p) => (path.startsWith(p) ? path.slice(p.length) : null)).find((m) => m !== null && INSTRUCTOR.methods.includes(m));
  if (!method) return undefined;
  return [...sdk.methods, ...(sdk.functions ?? [])].find((m) => m.kind === 'chat');
}
