// Language-independent prompt helpers: placeholder names, roles, annotations, confidence.
import type { CallKind, ModelSource, PromptPart } from './types';

/**
 * Placeholder names in a prompt text, in order of first appearance: `{name}` (Python format / LangChain),
 * `{{ name }}` (Jinja / Mustache) and `${name}` (template literals). `{{`/`}}` escapes in format strings with
 * nothing name-like inside are ignored.
 */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  const re = /\$\{\s*([^{}]+?)\s*\}|\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|[^{}]*)?\}\}|\{([A-Za-z_][\w.]*)(?:![rsa])?(?::[^{}]*)?\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

const ROLE_ALIASES: Record<string, string> = {
  human: 'user', ai: 'assistant', model: 'assistant', bot: 'assistant', developer: 'system',
  systemmessage: 'system', humanmessage: 'user', aimessage: 'assistant', toolmessage: 'tool',
  systemmessageprompttemplate: 'system', humanmessageprompttemplate: 'user', aimessageprompttemplate: 'assistant',
};

/** Normalises a role name: LangChain's human/ai and message class names map to user/assistant/system. */
export function normalizeRole(role: string): string {
  const key = role.toLowerCase();
  return ROLE_ALIASES[key] ?? key;
}

/** The raw text after `llm-cost:` in a `#` or `//` comment line, or null. */
export function annotationFromLine(line: string | undefined): string | null {
  if (line === undefined) return null;
  const m = /^\s*(?:#|\/\/|\/\*+|\*)\s*llm-cost:\s*(.*?)\s*(?:\*\/)?\s*$/.exec(line);
  return m ? m[1]! : null;
}

export function runtimePart(role: string): PromptPart {
  return { role, source: 'runtime', text: null, placeholders: [] };
}

/** 1 when everything is known statically; lowered by an unresolved model and by runtime prompt parts. */
export function confidenceFor(modelSource: ModelSource, parts: PromptPart[]): number {
  let c = 1;
  if (modelSource === 'unresolved') c -= 0.4;
  else if (modelSource === 'env-default') c -= 0.1;
  else if (modelSource === 'framework-default') c -= 0.2;
  const runtime = parts.filter((p) => p.source === 'runtime').length;
  c -= Math.min(0.4, runtime * 0.15);
  return Math.max(0.1, Math.round(c * 100) / 100);
}

/** `openai:gpt-4o` (init_chat_model / LangGraph provider prefix) → `gpt-4o`. */
export function stripProviderPrefix(model: string): string {
  const m = /^([a-z_-]+):(.+)$/.exec(model);
  return m && !m[2]!.startsWith('//') ? m[2]! : model;
}

/** The role of a request's main input: an embedding's text is 'input' (not a conversation turn), else 'user'. */
export function inputRole(kind: CallKind): 'input' | 'user' {
  return kind === 'embedding' ? 'input' : 'user';
}

/** Parts built with the conversational default role, re-labelled for the request kind (embeddings: 'input'). */
export function withInputRole(kind: CallKind, parts: PromptPart[]): PromptPart[] {
  return kind === 'embedding' ? parts.map((p) => (p.role === 'user' ? { ...p, role: 'input' } : p)) : parts;
}
