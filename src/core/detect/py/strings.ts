// String values: literals as the analyser sees them, escapes, dedent, and template placeholders.
import { placeholdersIn } from '../promptParts';
import type { Value, Where } from './value';
import { decodePythonEscapes } from '../../tokens/pythonEscapes';

export function str(text: string, src: Extract<Value, { t: 'str' }>['src'], from?: Where): Value {
  return { t: 'str', text, placeholders: placeholdersIn(text), src, ...(from ? { from } : {}) };
}

/** Every escape Python decodes (\xhh, \uXXXX, \N{NAME}, octal, …): the tokenizer must see the real characters. */
export const decodeEscapes = decodePythonEscapes;

export function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const min = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(min, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

export function asTemplate(v: Value): Value {
  return v.t === 'str' ? { ...v, placeholders: placeholdersIn(v.text) } : v;
}
