// The YAML subset that prompt files put in their front matter: nested block mappings by indentation,
// one-line flow mappings `{ a: 1, b: { c: x } }`, flow lists `[a, b]`, block lists `- x`, quoted and plain
// scalars with `#` comments. Not a YAML parser: enough to read model, parameters and volume hints, and it
// never throws (a line it does not understand is skipped).

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
  const [value] = readBlock(items, 0, items[0]?.indent ?? 0);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** Reads the mapping or list whose lines start at `indent`, from items[i]; returns it and the next index. */
function readBlock(items: Line[], i: number, indent: number): [YamlValue, number] {
  if (items[i]?.text.startsWith('- ') || items[i]?.text === '-') {
    const list: YamlValue[] = [];
    while (i < items.length && items[i]!.indent === indent && (items[i]!.text.startsWith('- ') || items[i]!.text === '-')) {
      const rest = items[i]!.text.slice(1).trim();
      i++;
      if (rest === '' && i < items.length && items[i]!.indent > indent) {
        const [v, next] = readBlock(items, i, items[i]!.indent);
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
    const m = /^("[^"]*"|'[^']*'|[^:#][^:]*?)\s*:(?:\s+(.*))?$/.exec(item.text);
    i++;
    if (!m) continue;
    const key = unquote(m[1]!);
    const rest = m[2]?.trim() ?? '';
    if (rest === '' || rest.startsWith('#')) {
      if (i < items.length && items[i]!.indent > indent) {
        const [v, next] = readBlock(items, i, items[i]!.indent);
        map[key] = v;
        i = next;
      } else if (i < items.length && items[i]!.indent === indent && items[i]!.text.startsWith('-')) {
        const [v, next] = readBlock(items, i, indent);
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

function unquote(s: string): string {
  return (s.startsWith('"') && s.endsWith('"')) || (s.startsWith("'") && s.endsWith("'")) ? s.slice(1, -1) : s;
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
    const parsed = flow(s, 0);
    if (parsed) return parsed[0];
  }
  const plain = s.replace(/\s+#.*$/, '').trim();
  if (plain === '' || plain === '~' || plain === 'null') return null;
  if (plain === 'true' || plain === 'false') return plain === 'true';
  if (/^[-+]?(\d[\d_]*)(\.\d+)?([eE][-+]?\d+)?$/.test(plain)) return Number(plain.replace(/_/g, ''));
  return plain;
}

/** Flow collections on one line; returns the value and the index after it, or null when unbalanced. */
function flow(s: string, i: number): [YamlValue, number] | null {
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
      const m = /^("[^"]*"|'[^']*'|[^:,{}[\]]+?)\s*(?::\s*|(?=[,}]))/.exec(s.slice(i));
      if (!m) return null;
      key = unquote(m[1]!.trim());
      i += m[0].length;
    }
    let value: YamlValue;
    if (s[i] === '{' || s[i] === '[') {
      const inner = flow(s, i);
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

/** `get(data, 'model', 'configuration', 'name')` without type noise. */
export function get(data: YamlValue | undefined, ...path: string[]): YamlValue | undefined {
  let v: YamlValue | undefined = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = v[p];
  }
  return v;
}
