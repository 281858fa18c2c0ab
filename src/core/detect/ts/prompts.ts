// Prompt parts of a TS/JS request: messages/system/input/prompt/contents from literals, template literals,
// constants (same file or imported), prompt files, LangChain prompt templates and tool schemas.
import type { Node } from 'web-tree-sitter';
import type { PromptPart } from '../types';
import type { FileCtx } from './context';
import { elements, entries, evaluate, getMember, pkgPath, propNode, toJson, type Ref, type Val } from './values';
import { normalizeRole, placeholdersIn, runtimePart } from '../promptParts';

/** Request keys carrying prompt text, and the role their text plays. */
const PROMPT_KEYS: Record<string, 'messages' | 'contents' | 'tools' | 'system' | 'user'> = {
  messages: 'messages', contents: 'contents', tools: 'tools', functions: 'tools',
  system: 'system', instructions: 'system', systemInstruction: 'system', system_instruction: 'system', preamble: 'system',
  prompt: 'user', input: 'user', value: 'user', values: 'user', texts: 'user', query: 'user', message: 'user',
};
/** Nested option objects whose prompt keys count too (Google `config`, Bedrock InvokeModel `body`). */
const CONTAINERS = new Set(['config', 'body']);
const MAX_PARTS = 200;

/** A part from an evaluated value: literal/template/constant/imported/file text, or runtime. */
export function partFromVal(v: Val, role: string): PromptPart {
  if (v.t !== 'str') return runtimePart(role);
  const part: PromptPart = {
    role,
    source: v.src === 'file' ? 'file' : v.src === 'imported' ? 'imported' : v.placeholders.length ? 'template' : v.src === 'literal' ? 'literal' : 'constant',
    text: v.value,
    placeholders: v.placeholders,
  };
  if (v.from && (v.src === 'constant' || v.src === 'imported' || v.src === 'file')) part.from = v.from;
  return part;
}

function push(out: PromptPart[], p: PromptPart): void {
  if (out.length < MAX_PARTS) out.push(p);
}

/** Parts of the request options object, in source order. */
export function partsFromOptions(opts: Ref, out: PromptPart[] = [], depth = 0): PromptPart[] {
  if (depth > 3) return out;
  for (const { key, value } of entries(opts)) {
    if (CONTAINERS.has(key)) {
      const inner = evaluate(value.node, value.fc);
      if (inner.t === 'obj') partsFromOptions(inner.ref, out, depth + 1);
      continue;
    }
    const what = PROMPT_KEYS[key];
    if (!what) continue;
    const v = evaluate(value.node, value.fc);
    if (what === 'messages' || what === 'contents') partsFromMessages(v, out);
    else if (what === 'tools') partsFromTools(v, out);
    else if (v.t === 'arr') partsFromMessages(v, out, what);
    else if (v.t === 'obj') partsFromMessages(v, out, what);
    else push(out, partFromVal(v, what));
  }
  return out;
}

/** `[{ role, content }]`, `[{ role, parts: [{ text }] }]`, `[["system", "…"]]`, strings, or one message object. */
export function partsFromMessages(v: Val, out: PromptPart[], defaultRole = 'user'): void {
  if (v.t === 'arr') {
    for (const el of elements(v.ref)) {
      if (el.node.type === 'spread_element') {
        push(out, runtimePart(defaultRole));
        continue;
      }
      partsFromMessage(evaluate(el.node, el.fc), el.node, out, defaultRole);
    }
    return;
  }
  partsFromMessage(v, null, out, defaultRole);
}

function partsFromMessage(v: Val, node: Node | null, out: PromptPart[], defaultRole: string): void {
  if (v.t === 'obj') {
    const roleVal = getMember(v, 'role', v.ref.fc, 0);
    const role = roleVal.t === 'str' ? normalizeRole(roleVal.value) : defaultRole;
    const content = propNode(v.ref, 'content') ?? propNode(v.ref, 'parts') ?? propNode(v.ref, 'text');
    if (!content) return;
    // OpenAI's `name` is sent in the turn header: it rides on the message's first part (counted as framing).
    const nameVal = getMember(v, 'name', v.ref.fc, 0);
    const first = out.length;
    const c = evaluate(content.node, content.fc);
    if (c.t === 'arr') {
      for (const block of elements(c.ref)) {
        const b = evaluate(block.node, block.fc);
        if (b.t === 'obj') {
          const text = propNode(b.ref, 'text');
          if (text) push(out, partFromVal(evaluate(text.node, text.fc), role));
        } else if (b.t === 'str') push(out, partFromVal(b, role));
        else push(out, runtimePart(role));
      }
    } else push(out, partFromVal(c, role));
    if (nameVal.t === 'str' && out[first]) out[first] = { ...out[first]!, name: nameVal.value };
    return;
  }
  if (v.t === 'arr') {
    // LangChain tuple: ["system", "text"]
    const [r, t] = elements(v.ref).map((e) => evaluate(e.node, e.fc));
    if (r?.t === 'str' && t) {
      push(out, langChainPart(t, normalizeRole(r.value)));
      return;
    }
  }
  if (v.t === 'pkg') {
    // new SystemMessage("…"), HumanMessagePromptTemplate.fromTemplate("…"), new MessagesPlaceholder("history")
    const name = pkgPath(v).split('.')[0] ?? '';
    const step = v.steps.at(-1);
    const arg = step && step.k !== 'get' ? step.args[0] : undefined;
    if (name === 'MessagesPlaceholder') push(out, runtimePart(defaultRole));
    else if (arg && step && step.k !== 'get') {
      const inner = evaluate(arg, step.fc);
      const text = inner.t === 'obj' ? getMember(inner, 'content', step.fc, 0) : inner;
      push(out, langChainPart(text, normalizeRole(name.replace(/PromptTemplate$/, '').replace(/Message$/, '') || defaultRole)));
    } else push(out, runtimePart(defaultRole));
    return;
  }
  if (node && v.t === 'unknown' && node.type === 'comment') return;
  push(out, partFromVal(v, defaultRole));
}

/** Text of a LangChain template: `{name}` placeholders count even in plain string literals. */
function langChainPart(v: Val, role: string): PromptPart {
  const part = partFromVal(v, role);
  if (part.text === null) return part;
  const placeholders = placeholdersIn(part.text);
  if (!placeholders.length) return part;
  return { ...part, source: part.source === 'literal' ? 'template' : part.source, placeholders };
}

function partsFromTools(v: Val, out: PromptPart[]): void {
  if (v.t !== 'arr') return;
  for (const el of elements(v.ref)) {
    const json = toJson(evaluate(el.node, el.fc));
    push(out, json === undefined ? runtimePart('tool') : { role: 'tool', source: 'tool-schema', text: JSON.stringify(json), placeholders: [] });
  }
}

/** Parts of a positional prompt argument (`llm.invoke("…")`, `model.generateContent(prompt)`). */
export function partsFromArgument(node: Node | undefined, fc: FileCtx): PromptPart[] {
  if (!node) return [];
  const out: PromptPart[] = [];
  const v = evaluate(node, fc);
  if (v.t === 'obj' && (propNode(v.ref, 'messages') || propNode(v.ref, 'contents') || propNode(v.ref, 'prompt') || propNode(v.ref, 'input'))) return partsFromOptions(v.ref, out);
  partsFromMessages(v, out);
  return out;
}

/** Parts of a LangChain prompt template value (`ChatPromptTemplate.fromMessages([...])`, `PromptTemplate.fromTemplate("…")`). */
export function partsFromTemplate(v: Extract<Val, { t: 'pkg' }>): PromptPart[] {
  const step = v.steps.at(-1);
  if (!step || step.k === 'get') return [];
  const first = step.args[0];
  if (!first) return [];
  const arg = evaluate(first, step.fc);
  const out: PromptPart[] = [];
  if (arg.t === 'arr') partsFromMessages(arg, out);
  else if (arg.t === 'obj') {
    const t = propNode(arg.ref, 'template');
    push(out, t ? langChainPart(evaluate(t.node, t.fc), 'user') : runtimePart('user'));
  } else push(out, langChainPart(arg, 'user'));
  return out;
}
