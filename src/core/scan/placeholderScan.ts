// Finds the occurrences of known placeholder names in prompt text — `${name}`, `{{name}}`, `{name}` with an
// optional `!r`/`!s`/`!a` conversion and `:format` spec — in one left-to-right pass. Placeholder names come from
// the scanned code (they can be long, or any text), so they are never compiled into a RegExp: a pattern built from
// them could be too large to compile, or slow, and one pass stays linear in the text whatever the number of names.

export interface PlaceholderMatch {
  /** [start, end) in UTF-16 code units */
  start: number;
  end: number;
  name: string;
  /** `{{name}}` (the editor's injection grammar marks those itself) */
  double: boolean;
}

const CONVERSION = /^![rsa]$/;

export function findPlaceholders(text: string, names: ReadonlySet<string>): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  if (!names.size) return out;
  // Next `}` / `{` / `}}` at or after a position, each advanced monotonically: linear over the whole text.
  const next = (needle: string) => {
    let at = -2;
    return (from: number) => {
      if (at !== -1 && at < from) at = text.indexOf(needle, from);
      return at;
    };
  };
  const nextClose = next('}');
  const nextOpen = next('{');
  const nextDoubleClose = next('}}');
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i)) {
    const m = matchAt(text, i, names, nextClose, nextOpen, nextDoubleClose);
    if (m) {
      out.push(m);
      i = m.end;
    } else {
      i++;
    }
  }
  return out;
}

function matchAt(text: string, i: number, names: ReadonlySet<string>, nextClose: (f: number) => number, nextOpen: (f: number) => number, nextDoubleClose: (f: number) => number): PlaceholderMatch | null {
  const close = nextClose(i + 1);
  if (close === -1) return null;
  if (text[i - 1] === '$') {
    const name = text.slice(i + 1, close).trim();
    if (names.has(name)) return { start: i - 1, end: close + 1, name, double: false };
  }
  if (text[i + 1] === '{') {
    const end = nextDoubleClose(i + 2);
    if (end !== -1) {
      const name = text.slice(i + 2, end).trim();
      if (names.has(name)) return { start: i, end: end + 2, name, double: true };
    }
  }
  const open = nextOpen(i + 1);
  if (open !== -1 && open < close) return null;
  const inner = text.slice(i + 1, close);
  if (names.has(inner)) return { start: i, end: close + 1, name: inner, double: false };
  // `{name!r}`, `{name:>10}`, `{name!r:>10}`: the name ends at the conversion or the first colon.
  const colon = inner.indexOf(':');
  const head = colon === -1 ? inner : inner.slice(0, colon);
  for (const name of [head, head.slice(0, -2)]) {
    if (name !== head && !CONVERSION.test(head.slice(-2))) continue;
    if (names.has(name)) return { start: i, end: close + 1, name, double: false };
  }
  return null;
}

/** Removes every occurrence of `names` from `text` and counts them per name. */
export function takePlaceholders(text: string, names: ReadonlySet<string>): { rest: string; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  let rest = '';
  let last = 0;
  for (const m of findPlaceholders(text, names)) {
    rest += text.slice(last, m.start);
    last = m.end;
    counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  }
  return { rest: rest + text.slice(last), counts };
}
