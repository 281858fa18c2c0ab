// Prompt parts from the abstract values the Python analyser computes for a call's arguments.
import type { PromptPart } from '../types';
import type { Value } from './value';
import { normalizeRole, runtimePart } from '../promptParts';

function strPart(role: string, v: Extract<Value, { t: 'str' }>): PromptPart {
  const source = v.placeholders.length && (v.src === 'literal' || v.src === 'constant') ? 'template' : v.src;
  return { role, source, text: v.text, placeholders: [...v.placeholders], ...(v.from ? { from: v.from } : {}) };
}

/** Text of a message `content`: a string, a list of content blocks ({type:'text', text}, {text}), or parts. */
function contentParts(role: string, v: Value | undefined, out: PromptPart[]): void {
  if (!v) return;
  switch (v.t) {
    case 'str': out.push(strPart(role, v)); return;
    case 'list':
      for (const item of v.items) contentParts(role, item, out);
      if (v.partial) out.push(runtimePart(role));
      return;
    case 'dict': {
      const text = v.entries.get('text') ?? v.entries.get('content') ?? v.entries.get('parts');
      if (text) contentParts(role, text, out);
      else if (v.entries.has('image_url') || v.entries.get('type')?.t === 'str') return; // images/files: not text tokens
      else out.push(runtimePart(role));
      return;
    }
    case 'template': for (const p of v.parts) contentParts(normalizeRole(p.role), p.value, out); return;
    case 'none': return;
    default: out.push(runtimePart(role));
  }
}

/** One message: {"role": ..., "content": ...}, ("role", "text"), SystemMessage(content=...), types.Content(role, parts). */
function messageParts(v: Value, defaultRole: string, out: PromptPart[]): void {
  if (v.t === 'dict') {
    const roleV = v.entries.get('role');
    const ctorRole = v.ctor && /message/i.test(v.ctor) ? normalizeRole(v.ctor.replace(/^.*\./, '')) : null;
    const role = roleV?.t === 'str' ? normalizeRole(roleV.text) : ctorRole ?? defaultRole;
    const first = out.length;
    if (v.entries.has('content') || v.entries.has('parts') || v.entries.has('text')) contentParts(role, v.entries.get('content') ?? v.entries.get('parts') ?? v.entries.get('text'), out);
    else if (!v.entries.has('tool_call_id')) out.push(runtimePart(role));
    const name = v.entries.get('name');
    if (name?.t === 'str' && out[first]) out[first] = { ...out[first]!, name: name.text };
    return;
  }
  if (v.t === 'list' && v.items.length === 2 && v.items[0]!.t === 'str') {
    contentParts(normalizeRole(v.items[0]!.text), v.items[1], out);
    return;
  }
  contentParts(defaultRole, v, out);
}

/** Parts of a `messages`-like value: a list of messages, a single string, or something only known at runtime. */
export function messagesToParts(v: Value, defaultRole = 'user'): PromptPart[] {
  const out: PromptPart[] = [];
  if (v.t === 'list') {
    for (const item of v.items) messageParts(item, defaultRole, out);
    if (v.partial) out.push(runtimePart('messages'));
  } else if (v.t === 'dict' && !v.entries.has('role') && !v.ctor) {
    // LangChain input dict filling a template: the template carries the text
  } else {
    messageParts(v, defaultRole, out);
  }
  return out;
}

/** Plain prompt text (`system=`, `prompt=`, `input=` as string, `contents=`). */
export function textToParts(v: Value, role: string): PromptPart[] {
  const out: PromptPart[] = [];
  contentParts(role, v, out);
  return out;
}

/** Converts a resolved value to JSON (tool schemas); undefined when any piece is unknown. */
export function toJson(v: Value): unknown {
  switch (v.t) {
    case 'str': return v.text;
    case 'num': return v.value;
    case 'bool': return v.value;
    case 'none': return null;
    case 'list': {
      if (v.partial) return undefined;
      const items = v.items.map(toJson);
      return items.some((i) => i === undefined) ? undefined : items;
    }
    case 'dict': {
      if (v.partial) return undefined;
      const o: Record<string, unknown> = {};
      for (const [k, val] of v.entries) {
        const j = toJson(val);
        if (j === undefined) return undefined;
        o[k] = j;
      }
      return o;
    }
    default: return undefined;
  }
}

export function toolParts(v: Value): PromptPart[] {
  const json = toJson(v);
  if (json === undefined) return [runtimePart('tools')];
  return [{ role: 'tools', source: 'tool-schema', text: JSON.stringify(json), placeholders: [] }];
}
