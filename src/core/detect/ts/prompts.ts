// Prompt parts of a TS/JS request: the arguments converted to shared values (ts/shared.ts) and walked by
// request/prompts.ts; what is TS-only here is which argument holds the prompt and LangChain prompt templates.
import type { Node } from 'web-tree-sitter';
import type { PromptPart } from '../types';
import type { FileCtx } from './context';
import { propNode } from './objects';
import { evaluate, getMember, pkgPath, type Ref, type Val } from './values';
import { placeholdersIn, runtimePart } from '../promptParts';
import * as shared from '../request/prompts';
import { objectRef, toShared } from './shared';

/** A part from an evaluated value: literal/template/constant/imported/file text, or runtime. */
export function partFromVal(v: Val, role: string): PromptPart {
  const s = toShared(v);
  return s.k === 'text' || (s.k === 'lit' && typeof s.value === 'string') ? shared.textPart(role, s) : runtimePart(role);
}

/** Parts of the request options object. */
export function partsFromOptions(opts: Ref): PromptPart[] {
  return shared.partsFromOptions(objectRef(opts), 'user').parts;
}

/** Parts of a positional prompt argument (`llm.invoke("…")`, `model.generateContent(prompt)`). */
export function partsFromArgument(node: Node | undefined, fc: FileCtx): PromptPart[] {
  if (!node) return [];
  const v = evaluate(node, fc);
  if (v.t === 'obj' && (propNode(v.ref, 'messages') || propNode(v.ref, 'contents') || propNode(v.ref, 'prompt') || propNode(v.ref, 'input'))) return partsFromOptions(v.ref);
  return shared.messagesToParts(toShared(v), 'user');
}

/** Text of a LangChain template: `{name}` placeholders count even in plain string literals. */
function asTemplate(part: PromptPart): PromptPart {
  if (part.text === null) return part;
  const placeholders = placeholdersIn(part.text);
  if (!placeholders.length) return part;
  return { ...part, source: part.source === 'literal' ? 'template' : part.source, placeholders };
}

/** Parts of a LangChain prompt template value (`ChatPromptTemplate.fromMessages([...])`, `PromptTemplate.fromTemplate("…")`). */
export function partsFromTemplate(v: Extract<Val, { t: 'pkg' }>): PromptPart[] {
  const step = v.steps.at(-1);
  if (!step || step.k === 'get') return [];
  const first = step.args[0];
  if (!first) return [];
  const arg = evaluate(first, step.fc);
  if (arg.t === 'arr') return shared.messagesToParts(toShared(arg), 'user').map(asTemplate);
  if (arg.t === 'obj') {
    const t = propNode(arg.ref, 'template');
    return [t ? asTemplate(partFromVal(evaluate(t.node, t.fc), 'user')) : runtimePart('user')];
  }
  return [asTemplate(partFromVal(arg, 'user'))];
}

/** A LangChain message class value (`new SystemMessage("…")`, `HumanMessagePromptTemplate.fromTemplate("…")`) as a message. */
export function langChainMessage(v: Extract<Val, { t: 'pkg' }>): { role: string | null; content: Val } | null {
  const name = pkgPath(v).split('.')[0] ?? '';
  if (!/Message|PromptTemplate$/.test(name)) return null;
  const step = v.steps.at(-1);
  const arg = step && step.k !== 'get' ? step.args[0] : undefined;
  if (name === 'MessagesPlaceholder' || !arg || !step || step.k === 'get') return { role: null, content: { t: 'unknown' } };
  const inner = evaluate(arg, step.fc);
  const content = inner.t === 'obj' ? getMember(inner, 'content', step.fc, 0) : inner;
  return { role: name.replace(/PromptTemplate$/, '').replace(/Message$/, '') || null, content };
}
