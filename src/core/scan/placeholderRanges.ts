// Where the placeholders of a detected prompt sit in the source: `{name}` (f-strings, str.format, LangChain) and
// `${name}` (template literals) within the call's lines. `{{name}}` is left out: the injection grammar marks it.
import type { CallSiteReport } from './callSite';
import type { Settings } from '../settings';

export interface PlaceholderRange {
  /** 0-based line and UTF-16 columns [start, end) */
  line: number;
  start: number;
  end: number;
  name: string;
  /** tokens assumed for one occurrence */
  tokens: number;
  /** the setting that gave the size */
  setting: 'placeholders' | 'defaultPlaceholderTokens';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Occurrences of `names` on 1-based lines `fromLine..toLine` of `lines`. */
export function placeholderRanges(lines: readonly string[], fromLine: number, toLine: number, names: readonly string[], settings: Pick<Settings, 'placeholders' | 'defaultPlaceholderTokens'>): PlaceholderRange[] {
  const out: PlaceholderRange[] = [];
  if (!names.length) return out;
  const alternatives = [...new Set(names)].sort((a, b) => b.length - a.length).map(escape).join('|');
  // `{{…}}` is matched only to be skipped, so its inner `{name}` is not taken for a format field.
  const re = new RegExp(`\\{\\{\\s*(?:${alternatives})\\s*\\}\\}|\\$\\{\\s*(${alternatives})\\s*\\}|\\{(${alternatives})(?:![rsa])?(?::[^{}]*)?\\}`, 'g');
  for (let l = Math.max(1, fromLine); l <= Math.min(toLine, lines.length); l++) {
    const text = lines[l - 1]!;
    for (const m of text.matchAll(re)) {
      const name = m[1] ?? m[2];
      if (name === undefined) continue;
      const listed = settings.placeholders[name];
      out.push({ line: l - 1, start: m.index!, end: m.index! + m[0].length, name, tokens: listed ?? settings.defaultPlaceholderTokens, setting: listed !== undefined ? 'placeholders' : 'defaultPlaceholderTokens' });
    }
  }
  return out;
}

/** Every placeholder of every detected call in a document (calls in notebooks cells are skipped). */
export function callSitePlaceholderRanges(lines: readonly string[], callSites: readonly CallSiteReport[], settings: Pick<Settings, 'placeholders' | 'defaultPlaceholderTokens'>): PlaceholderRange[] {
  const seen = new Set<string>();
  const out: PlaceholderRange[] = [];
  for (const c of callSites) {
    if (c.cell !== undefined) continue;
    const names = c.tokens.parts.flatMap((p) => p.placeholders.map((x) => x.name));
    for (const r of placeholderRanges(lines, c.line, c.endLine, names, settings)) {
      const key = `${r.line}:${r.start}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(r);
      }
    }
  }
  return out;
}

export function placeholderHoverText(r: PlaceholderRange): string {
  return r.setting === 'placeholders'
    ? `prompt placeholder: ${r.tokens} tokens assumed (llmCostLens.placeholders["${r.name}"])`
    : `prompt placeholder: ${r.tokens} tokens assumed (llmCostLens.placeholders; default llmCostLens.defaultPlaceholderTokens)`;
}
