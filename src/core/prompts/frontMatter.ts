// The YAML subset that prompt files put in their front matter: nested block mappings by indentation,
// one-line flow mappings `{ a: 1, b: { c: x } }`, flow lists `[a, b]`, block lists `- x`, quoted and plain
// scalars with `#` comments. Not a YAML parser: enough to read model, parameters and volume hints. A line it does
// not understand is skipped; the one error is nesting deeper than MAX_FRONT_MATTER_DEPTH (an InputLimitError, which
// puts the file under `skipped`). Keys and comments are found by scanning, not by backtracking RegExps, so a long
// line costs linear time.
import { InputLimitError } from '../inputLimit';

/** Deepest nesting of mappings, lists and flow collections accepted in front matter (real files use 3–4). */
export const MAX_FRONT_MATTER_DEPTH = 64;

function checkDepth(depth: number): void {
  if (depth > MAX_FRONT_MATTER_DEPTH) throw new InputLimitError(`front matter: nested deeper than ${MAX_FRONT_MATTER_DEPTH} levels`);
}

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };
export type YamlMap = { [key: string]: YamlValue };

export interface FrontMatterSplit {
  /** the mapping between the `---` fences; {} when there is none */
  data: YamlMap;
  /** 0-based index of the first body line (after the closing fence) */
  bodyStart: number;
  /** true when the file opens with a front matter block */
  present: boolean;
}

/** Splits `---\n…\n---` off the start of a prompt file and reads it. */
export function splitFrontMatter(lines: string[]): FrontMatterSplit {
  if (lines[0]?.trim() !== '---') return { data: {}, bodyStart: 0, present: false };
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return { data: {}, bodyStart: 0, present: false };
  return { data: parseYamlBlock(lines.slice(1, end)), bodyStart: end + 1, present: true };
}

interface Line { indent: number; text: string }

export function parseYamlBlock(lines: string[]): YamlMap {
  const items: Line[] = [];
  for (const raw of lines) {
    if (/^\s*(#.*)?$/.test(raw)) continue;
    items.push({ indent: raw.length - raw.trimStart().length, text: raw.trim() });
  }
  const [value] = readBlock(items, 0, items[0]?.indent ?? 0, 1);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** Reads the mapping or list whose lines start at `indent`, from items[i]; returns it and the next index. */
function readBlock(items: Line[], i: number, indent: number, depth: number): [YamlValue, number] {
  checkDepth(depth);
  if (items[i]?.text.startsWith('- ') || items[i]?.text === '-') {
    const list: YamlValue[] = [];
    while (i < items.length && items[i]!.indent === indent && (items[i]!.text.startsWith('- ') || items[i]!.text === '-')) {
      const rest = items[i]!.text.slice(1).trim();
      i++;
      if (rest === '' && i < items.length && items[i]!.indent > indent) {
        const [v, next] = readBlock(items, i, items[i]!.indent, depth + 1);
        list.push(v);
        i = next;
      } else {
        list.push(scalar(rest));
        // `- key: value` entries with more keys below: skip them, prompt files do not need them
        while (i < items.length && items[i]!.indent > indent) i++;
      }
    }
    return [list, i];
  }
  const map: YamlMap = {};
  while (i < items.length && items[i]!.indent >= indent) {
    const item = items[i]!;
    if (item.indent > indent) { i++; continue; }
    const kv = keyValue(item.text);
    i++;
    if (!kv) continue;
    const [key, rest] = kv;
    if (rest === '' || rest.startsWith('#')) {
      if (i < items.length && items[i]!.indent > indent) {
        const [v, next] = readBlock(items, i, items[i]!.indent, depth + 1);
        map[key] = v;
        i = next;
      } else if (i < items.length && items[i]!.indent === indent && items[i]!.text.startsWith('-')) {
        const [v, next] = readBlock(items, i, indent, depth + 1);
        map[key] = v;
        i = next;
      } else {
        map[key] = null;
      }
    } else if (/^[|>][+-]?$/.test(rest)) {
      const text: string[] = [];
      while (i < items.length && items[i]!.indent > indent) text.push(items[i++]!.text);
      map[key] = text.join(rest.startsWith('|') ? '\n' : ' ');
    } else {
      map[key] = scalar(rest);
    }
  }
  return [map, i];
}

/** `key: value` (key quoted or plain, up to the first colon; the colon ends the line or is followed by a space). */
function keyValue(text: string): [string, string] | null {
  let colon: number;
  let key: string;
  if (text[0] === '"' || text[0] === "'") {
    const close = text.indexOf(text[0], 1);
    if (close < 0) return null;
    key = text.slice(1, close);
    colon = close + 1;
    while (text[colon] === ' ' || text[colon] === '\t') colon++;
    if (text[colon] !== ':') return null;
  } else {
    colon = text.indexOf(':');
    if (colon <= 0 || text[0] === '#') return null;
    key = text.slice(0, colon).trimEnd();
  }
  const after = text[colon + 1];
  if (after !== undefined && after !== ' ' && after !== '\t') return null;
  return [key, text.slice(colon + 1).trim()];
}

/** A one-line value: quoted string, flow mapping/list, number, boolean, null or plain string (comment removed). */
export function scalar(text: string): YamlValue {
  const s = text.trim();
  if (s.startsWith('"') || s.startsWith("'")) {
    const q = s[0]!;
    const end = s.indexOf(q, 1);
    return end > 0 ? s.slice(1, end) : s.slice(1);
  }
  if (s.startsWith('{') || s.startsWith('[')) {
    const parsed = flow(s, 0, 1);
    if (parsed) return parsed[0];
  }
  const comment = s.search(/\s#/);
  const plain = (comment < 0 ? s : s.slice(0, comment)).trim();
  if (plain === '' || plain === '~' || plain === 'null') return null;
  if (plain === 'true' || plain === 'false') return plain === 'true';
  if (/^[-+]?(\d[\d_]*)(\.\d+)?([eE][-+]?\d+)?$/.test(plain)) return Number(plain.replace(/_/g, ''));
  return plain;
}

/** Flow collections on one line; returns the value and the index after it, or null when unbalanced. */
function flow(s: string, i: number, depth: number): [YamlValue, number] | null {
  checkDepth(depth);
  const open = s[i];
  const close = open === '{' ? '}' : ']';
  const out: YamlMap = {};
  const list: YamlValue[] = [];
  i++;
  for (;;) {
    while (s[i] === ' ' || s[i] === ',') i++;
    if (i >= s.length) return null;
    if (s[i] === close) return [open === '{' ? out : list, i + 1];
    let key: string | null = null;
    if (open === '{') {
      const k = flowKey(s, i);
      if (!k) return null;
      [key, i] = k;
    }
    let value: YamlValue;
    if (s[i] === '{' || s[i] === '[') {
      const inner = flow(s, i, depth + 1);
      if (!inner) return null;
      [value, i] = inner;
    } else {
      let j = i;
      if (s[j] === '"' || s[j] === "'") j = s.indexOf(s[j]!, j + 1) + 1 || s.length;
      while (j < s.length && s[j] !== ',' && s[j] !== close) j++;
      const raw = s.slice(i, j).trim();
      value = raw === '' && key !== null ? null : scalar(raw);
      i = j;
    }
    if (key !== null) out[key] = value;
    else list.push(value);
  }
}

/** A flow mapping's key at s[i] and the index after its `:` (and spaces), or after the key before `,`/`}`. */
function flowKey(s: string, i: number): [string, number] | null {
  let j = i;
  let key: string;
  if (s[j] === '"' || s[j] === "'") {
    const close = s.indexOf(s[j]!, j + 1);
    if (close < 0) return null;
    key = s.slice(j + 1, close);
    j = close + 1;
  } else {
    while (j < s.length && !':,{}[]'.includes(s[j]!)) j++;
    key = s.slice(i, j).trim();
    if (key === '') return null;
  }
  while (s[j] === ' ' || s[j] === '\t') j++;
  if (s[j] === ':') {
    j++;
    while (s[j] === ' ' || s[j] === '\t') j++;
    return [key, j];
  }
  return s[j] === ',' || s[j] === '}' ? [key, j] : null;
}

/** `get(data, 'model', 'configuration', 'name')` without type noise. */
export function get(data: YamlValue | undefined, ...path: string[]): YamlValue | undefined {
  let v: YamlValue | undefined = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = v[p];
  }
  return v;
}
