// LangChain in Python: prompt templates, composition into chains and agents, and the call site of a model,
// chain or agent (`.invoke` / `.stream` / `.batch` ...). Model classes themselves are rows of sdks.ts.
import type { Node } from 'web-tree-sitter';
import type { CallKind, DetectedCall, PromptPart, SourcePos } from '../types';
import { composers, findClient, LANGCHAIN_DEPLOYMENT_KEYS, SDKS, type ClientRow } from '../sdks';
import { deploymentKeyOf, requestFields, type RequestInput } from '../request/fields';
import { dictToShared, toShared } from './shared';
import { confidenceFor, runtimePart, stripProviderPrefix } from '../promptParts';
import { messagesToParts } from './prompts';
import type { PyFile } from './file';
import { applyFields, siteBase } from './sites';
import { asTemplate, str } from './strings';
import { UNKNOWN, type Value } from './value';

export const LC_METHODS = SDKS.find((s) => s.sdk === 'langchain')!.methods;

/** A model class the table does not list (a provider package's chat model): the usual keys, or a positional model. */
const UNLISTED_MODEL: ClientRow = { name: '', langs: ['py'], role: 'model', deploymentKeys: LANGCHAIN_DEPLOYMENT_KEYS, modelPos: 0 };

/** Calling a LangChain builder: prompt templates, RunnableSequence, agents; null when `short` names none. */
export function langchainValue(f: PyFile, short: string, last: string, positional: Value[], kwargs: Map<string, Value>, call: Node): Value | null {
  const tail2 = short.split('.').slice(-2).join('.');
  if (composers('py').promptTemplates.includes(tail2) || composers('py').promptTemplates.includes(last)) return template(tail2, positional, kwargs);
  if (composers('py').sequences.includes(tail2) || composers('py').sequences.includes(last)) {
    const items = positional[0]?.t === 'list' ? positional[0].items : [...kwargs.values(), ...positional].flatMap((v) => (v.t === 'list' ? v.items : [v]));
    const lc = items.find((i): i is Extract<Value, { t: 'lc' }> => i.t === 'lc');
    const tpl = items.find((i) => i.t === 'template') ?? null;
    return lc ? { ...lc, what: 'chain', template: tpl ?? lc.template } : UNKNOWN;
  }
  if (composers('py').agents.includes(last) || composers('py').agents.includes(tail2)) {
    const all = [...kwargs.values(), ...positional];
    const lc = all.find((i): i is Extract<Value, { t: 'lc' }> => i.t === 'lc');
    const tpl = kwargs.get('prompt') ?? all.find((i) => i.t === 'template');
    if (lc) return { ...lc, what: lc.what === 'model' ? (/agent/i.test(last) ? 'agent' : 'chain') : lc.what, template: tpl?.t === 'template' ? tpl : lc.template };
    const modelArg = kwargs.get('model') ?? positional[0];
    if (modelArg?.t === 'str' && /agent/i.test(last)) {
      return { t: 'lc', what: 'agent', ctorNode: call, ctorFile: f.relPath, ctorName: last, kwargs: new Map([['model', modelArg]]), positional: [], template: null, selfHosted: false };
    }
    return UNKNOWN;
  }
  return null;
}

/** `prompt | llm | parser`: the model's value, now a chain that carries the template. */
export function composeRunnables(lv: Value, rv: Value): Value {
  const lc = lv.t === 'lc' ? lv : rv.t === 'lc' ? rv : null;
  if (!lc) return lv.t === 'template' ? lv : UNKNOWN;
  const template = lv.t === 'template' ? lv : lc.template;
  return { ...lc, what: lc.what === 'model' ? 'chain' : lc.what, template };
}

function template(tail2: string, positional: Value[], kwargs: Map<string, Value>): Value {
  if (/from_messages/.test(tail2)) {
    const msgs = positional[0] ?? kwargs.get('messages');
    if (msgs?.t !== 'list') return { t: 'template', parts: [{ role: 'user', value: UNKNOWN }] };
    const parts = msgs.items.map((m) => {
      if (m.t === 'list' && m.items.length === 2 && m.items[0]!.t === 'str') return { role: m.items[0]!.text, value: asTemplate(m.items[1]!) };
      if (m.t === 'dict' && m.ctor && /Placeholder/.test(m.ctor)) return { role: 'messages', value: UNKNOWN };
      if (m.t === 'dict') {
        const role = m.ctor ? m.ctor.replace(/^.*\./, '').replace(/PromptTemplate|MessagePromptTemplate/, 'Message') : 'user';
        return { role, value: asTemplate(m.entries.get('content') ?? m.entries.get('prompt') ?? m.entries.get('template') ?? UNKNOWN) };
      }
      return { role: 'user', value: asTemplate(m) };
    });
    if (msgs.partial) parts.push({ role: 'messages', value: UNKNOWN });
    return { t: 'template', parts };
  }
  const text = positional[0] ?? kwargs.get('template');
  return { t: 'template', parts: [{ role: 'user', value: text ? asTemplate(text) : UNKNOWN }] };
}

/** The request input of a LangChain model, chain or agent: what its model was constructed with. */
export function lcInput(lc: Extract<Value, { t: 'lc' }>, streaming: boolean): RequestInput {
  const provider = lc.kwargs.get('model_provider');
  const row = findClient('py', 'langchain', lc.ctorName) ?? null;
  return {
    method: { streaming }, opts: [], positional: [],
    client: { opts: dictToShared(lc.kwargs), positional: lc.positional.map(toShared), row: row ?? UNLISTED_MODEL },
    selfHosted: lc.selfHosted || (provider?.t === 'str' && /^ollama/.test(provider.text)),
  };
}

export function lcSite(f: PyFile, call: Node, lc: Extract<Value, { t: 'lc' }>, api: string, kind: CallKind, streaming: boolean, inputParts: PromptPart[]): DetectedCall {
  const site = siteBase(f, call, 'langchain', api, kind);
  const input = lcInput(lc, streaming);
  const fields = requestFields(input);
  applyFields(site, fields);
  if (site.model) site.model = stripProviderPrefix(site.model);
  const deployment = site.model ? deploymentKeyOf(input) : null;
  if (deployment) site.deploymentKey = deployment;
  const parts: PromptPart[] = [];
  if (lc.template?.t === 'template') parts.push(...messagesToParts({ t: 'list', items: lc.template.parts.map((p) => ({ t: 'list', items: [str(p.role, 'literal'), p.value] })) }));
  parts.push(...inputParts);
  if (!parts.length) parts.push(runtimePart('user'));
  site.promptParts = parts;
  site.confidence = confidenceFor(site.modelSource, parts);
  // constructor calls only: an injected model's ctorNode is its type annotation
  const ctors = new Map<string, SourcePos>();
  for (const c of [{ file: lc.ctorFile, node: lc.ctorNode }, ...(lc.via ?? [])]) {
    if (c.node.type === 'call') ctors.set(`${c.file}:${c.node.id}`, { file: c.file, line: c.node.startPosition.row + 1, column: c.node.startPosition.column + 1 });
  }
  if (ctors.size) site.modelFrom = [...ctors.values()];
  return site;
}
