// The code edits of the quick fixes (pure): each in the call's own syntax — a Python keyword argument or a TS/JS
// object property — located within the call's lines; null when the code does not have the expected shape, in
// which case the fix is not offered (never a guessed edit).
import type { CallSiteReport } from '../scan/callSite';

/** A text edit in document coordinates (0-based lines and characters). */
export interface TextEditSpec { line: number; character: number; endLine: number; endCharacter: number; text: string }

/** Where the model literal sits inside the call's lines (the first quoted occurrence), as an edit of its text. */
export function literalEdit(lines: readonly string[], c: CallSiteReport, model: string, replacement: string): TextEditSpec | null {
  for (let i = c.line - 1; i < Math.min(lines.length, c.endLine); i++) {
    const m = new RegExp(`(["'\`])${model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`).exec(lines[i]!);
    if (m) return { line: i, character: m.index + 1, endLine: i, endCharacter: m.index + 1 + model.length, text: replacement };
  }
  return null;
}

/** `max_tokens` as the first argument: keyword in Python, object property in TS/JS (after the `({`). */
export function maxTokensEdit(lines: readonly string[], c: CallSiteReport, cap: number): TextEditSpec | null {
  const python = c.language === 'python';
  for (let i = c.line - 1; i < Math.min(lines.length, c.endLine); i++) {
    const text = lines[i]!;
    const from = i === c.line - 1 ? Math.max(0, c.column - 1) : 0;
    const open = python ? text.indexOf('(', from) : text.indexOf('({', from);
    if (open < 0) continue;
    const at = open + (python ? 1 : 2);
    const rest = text.slice(at).trim();
    const arg = python ? `max_tokens=${cap}` : `max_tokens: ${cap}`;
    if (rest === '') {
      // arguments one per line: a line of its own, indented like the next one
      const indent = /^\s*/.exec(lines[i + 1] ?? '')![0];
      return { line: i, character: text.length, endLine: i, endCharacter: text.length, text: `\n${indent}${arg},` };
    }
    return { line: i, character: at, endLine: i, endCharacter: at, text: python ? `${arg}, ` : ` ${arg},` };
  }
  return null;
}

/**
 * Anthropic prompt caching: `system=X` / `system: X` (X a name or a one-line string) becomes a one-block list with
 * `cache_control`, so the static system prompt is read from the cache after the first request.
 */
export function systemCacheEdit(lines: readonly string[], c: CallSiteReport): TextEditSpec | null {
  const python = c.language === 'python';
  const value = String.raw`([A-Za-z_$][\w.$]*|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')`;
  // the whole argument, nothing after it but a separator: `system=build(x)` is not a name to wrap
  const end = String.raw`(?=\s*(?:,|\)|\}|$))`;
  const re = new RegExp((python ? String.raw`\bsystem\s*=\s*` : String.raw`\bsystem\s*:\s*`) + value + end);
  const last = Math.min(lines.length, c.endLine);
  for (let i = c.line - 1; i < last; i++) if (lines[i]!.includes('cache_control')) return null;
  for (let i = c.line - 1; i < last; i++) {
    const m = re.exec(lines[i]!);
    if (!m) continue;
    const at = m.index + m[0].length - m[1]!.length;
    const text = python
      ? `[{"type": "text", "text": ${m[1]}, "cache_control": {"type": "ephemeral"}}]`
      : `[{ type: 'text', text: ${m[1]}, cache_control: { type: 'ephemeral' } }]`;
    return { line: i, character: at, endLine: i, endCharacter: at + m[1]!.length, text };
  }
  return null;
}
