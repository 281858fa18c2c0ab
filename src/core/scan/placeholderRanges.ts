// Where the placeholders of a detected prompt sit in the source: `{name}` (f-strings, str.format, LangChain) and
// `${name}` (template literals) within the call's lines. `{{name}}` is left out: the injection grammar marks it.
import type { CallSiteReport } from './callSite';
import { own, type Settings } from '../settings';
import { findPlaceholders } from './placeholderScan';

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

/** Occurrences of `names` on 1-based lines `fromLine..toLine` of `lines`. */
export function placeholderRanges(lines: readonly string[], fromLine: number, toLine: number, names: readonly string[], settings: Pick<Settings, 'placeholders' | 'defaultPlaceholderTokens'>): PlaceholderRange[] {
  const out: PlaceholderRange[] = [];
  if (!names.length) return out;
  const set = new Set(names);
  for (let l = Math.max(1, fromLine); l <= Math.min(toLine, lines.length); l++) {
    // `{{…}}` is matched only to be skipped, so its inner `{name}` is not taken for a format field.
    for (const m of findPlaceholders(lines[l - 1]!, set)) {
      if (m.double) continue;
      const listed = own(settings.placeholders, m.name);
      out.push({ line: l - 1, start: m.start, end: m.end, name: m.name, tokens: listed ?? settings.defaultPlaceholderTokens, setting: listed !== undefined ? 'placeholders' : 'defaultPlaceholderTokens' });
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
