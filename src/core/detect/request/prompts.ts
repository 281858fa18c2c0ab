// Prompt parts of a request, from shared values (request/value.ts): the one walk over messages, content blocks,
// LangChain-style tuples, system texts and tool schemas, for every language front end. Which argument holds
// the prompt (a positional prompt, a LangChain template) is the front end's business; what text it holds is this.
import type { PromptPart, PromptSource } from '../types';
import { normalizeRole, runtimePart } from '../promptParts';
import type { SharedValue } from './value';
import { markCacheBreakpoint } from './cacheControl';

/** Request keys carrying prompt text, by what they hold; within a group the first key present counts. */
export const PROMPT_KEYS = {
  system: ['system', 'instructions', 'system_instruction', 'systemInstruction', 'preamble'],
  messages: ['messages', 'contents', 'history'],
  input: ['input', 'prompt', 'inputText', 'message', 'texts', 'inputs', 'query', 'value', 'values'],
  tools: ['tools', 'functions', 'toolConfig'],
};
/** Nested option objects whose prompt keys count too (Google `config`, Bedrock InvokeModel `body`). */
const PROMPT_CONTAINERS = ['config', 'body'];
const MAX_PARTS = 200;

export function textPart(role: string, v: Extract<SharedValue, { k: 'lit' | 'text' }>): PromptPart {
  const holes = v.k === 'text' ? v.holes : [];
  const text = v.k === 'text' ? v.text : String(v.value);
  const source: PromptSource = v.src === 'file' || v.src === 'imported' ? v.src : holes.length ? 'template' : v.src === 'literal' ? 'literal' : 'constant';
  return { role, source, text, placeholders: [...holes], ...(v.from && v.src !== 'literal' ? { from: v.from } : {}) };
}

function push(out: PromptPart[], p: PromptPart): void {
  if (out.length < MAX_PARTS) out.push(p);
}

const isText = (v: SharedValue): v is Extract<SharedValue, { k: 'lit' | 'text' }> => v.k === 'text' || (v.k === 'lit' && typeof v.value === 'string');

/** Text of a message `content`: a string, a list of content blocks ({type:'text', text}, {text}), or parts. */
export function contentParts(role: string, v: SharedValue | undefined, out: PromptPart[]): void {
  if (!v || (v.k === 'lit' && v.value === null)) return;
  if (isText(v)) return push(out, textPart(role, v));
  if (v.k === 'list') {
    for (const item of v.items()) contentParts(role, item, out);
    if (v.partial) push(out, runtimePart(role));
    return;
  }
  if (v.k === 'object') {
    const text = v.get('text') ?? v.get('content') ?? v.get('parts');
    const first = out.length;
    if (text) contentParts(role, text, out);
    if (text) markCacheBreakpoint(v, out, first);
    else if (v.get('image_url') || (v.get('type') && isText(v.get('type')!))) return; // images/files: not text tokens
    else push(out, runtimePart(role));
    return;
  }
  push(out, runtimePart(role));
}

/** One message: {role, content}, ("role", "text"), SystemMessage(content=...), Content(role, parts). */
function messageParts(v: SharedValue, defaultRole: string, out: PromptPart[]): void {
  if (v.k === 'object') {
    const roleV = v.get('role');
    const ctorRole = v.ctor && /message/i.test(v.ctor) ? normalizeRole(v.ctor.replace(/^.*\./, '')) : null;
    const role = roleV && isText(roleV) && roleV.k === 'lit' ? normalizeRole(String(roleV.value)) : ctorRole ?? defaultRole;
    const first = out.length;
    const content = v.get('content') ?? v.get('parts') ?? v.get('text');
    if (content) contentParts(role, content, out);
    else if (!v.get('tool_call_id')) push(out, runtimePart(role));
    markCacheBreakpoint(v, out, first);
    const name = v.get('name');
    if (name?.k === 'lit' && typeof name.value === 'string' && out[first]) out[first] = { ...out[first]!, name: name.value };
    return;
  }
  if (v.k === 'list') {
    const items = v.items();
    const r = items[0];
    if (items.length === 2 && r?.k === 'lit' && typeof r.value === 'string') return contentParts(normalizeRole(r.value), items[1], out);
  }
  contentParts(defaultRole, v, out);
}

/** Parts of a `messages`-like value: a list of messages, one message, a string, or something only known at runtime. */
export function messagesToParts(v: SharedValue, defaultRole = 'user', out: PromptPart[] = []): PromptPart[] {
  if (v.k === 'list') {
    for (const item of v.items()) messageParts(item, defaultRole, out);
    if (v.partial) push(out, runtimePart('messages'));
  } else if (v.k === 'object' && !v.get('role') && !v.ctor && !v.get('content')) {
    // a dict filling a template (LangChain input): the template carries the text
  } else messageParts(v, defaultRole, out);
  return out;
}

/** Plain prompt text (`system=`, `prompt=`, `input=` as a string). */
export function textToParts(v: SharedValue, role: string): PromptPart[] {
  const out: PromptPart[] = [];
  contentParts(role, v, out);
  return out;
}

/** JSON of a fully static value (tool schemas); undefined when any piece is only known at run time. */
export function toJson(v: SharedValue, depth = 0): unknown {
  if (depth > 16) return undefined;
  switch (v.k) {
    case 'lit': return v.value;
    case 'list': {
      if (v.partial) return undefined;
      const items = v.items().map((i) => toJson(i, depth + 1));
      return items.some((i) => i === undefined) ? undefined : items;
    }
    case 'object': {
      if (v.partial) return undefined;
      const o: Record<string, unknown> = {};
      for (const k of v.keys()) {
        const j = toJson(v.get(k)!, depth + 1);
        if (j === undefined) return undefined;
        o[k] = j;
      }
      return o;
    }
    default: return undefined;
  }
}

/** The tool list is sent as one block (rendered into the system prompt / a tools namespace): one part. */
export function toolParts(v: SharedValue): PromptPart[] {
  const json = toJson(v);
  if (json === undefined) return [runtimePart('tools')];
  return [{ role: 'tools', source: 'tool-schema', text: JSON.stringify(json), placeholders: [] }];
}

function firstOf(opts: SharedValue, keys: string[]): SharedValue | undefined {
  if (opts.k !== 'object') return undefined;
  for (const k of keys) {
    const v = opts.get(k);
    if (v && !(v.k === 'lit' && v.value === null)) return v;
  }
  for (const c of PROMPT_CONTAINERS) {
    const inner = opts.get(c);
    const v = inner ? firstOf(inner, keys) : undefined;
    if (v) return v;
  }
  return undefined;
}

export interface OptionParts { parts: PromptPart[]; system: boolean; messages: boolean; input: boolean }

/**
 * Parts of a request's options object (keyword arguments / options literal), in the order the request sends
 * them: system text, the conversation, the main input, the tool schemas. `inputRole` labels the conversation's
 * default role and the main input; `fallback` fills a group the options do not name (a system instruction given
 * to the client's constructor, a positional prompt).
 */
export function partsFromOptions(opts: SharedValue | null, inputRole: string, fallback: { system?: SharedValue; messages?: SharedValue } = {}): OptionParts {
  const out: PromptPart[] = [];
  const own = opts ? firstOf(opts, PROMPT_KEYS.system) : undefined;
  const sys = own ?? fallback.system;
  if (sys) {
    if (sys.k === 'list') messagesToParts(sys, 'system', out);
    else contentParts('system', sys, out);
  }
  const msgs = (opts ? firstOf(opts, PROMPT_KEYS.messages) : undefined) ?? fallback.messages;
  if (msgs) messagesToParts(msgs, inputRole, out);
  const main = opts ? firstOf(opts, PROMPT_KEYS.input) : undefined;
  if (main) {
    if (main.k === 'list' || main.k === 'object') messagesToParts(main, inputRole, out);
    else contentParts(inputRole, main, out);
  }
  const tools = opts ? firstOf(opts, PROMPT_KEYS.tools) : undefined;
  if (tools) out.push(...toolParts(tools));
  return { parts: out, system: !!sys, messages: !!msgs, input: !!main };
}
