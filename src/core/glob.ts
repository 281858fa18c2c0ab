// Globs as VS Code writes them (`files.exclude`, `llmCostLens.openModelFor`): `*`, `?`, `**` (whole segments),
// `[a-z]` / `[!x]` classes and `{a,b}` alternatives, nested. Matched by simulating a Thompson NFA, so a match costs
// O(path length × pattern length) whatever the pattern: the glob libraries (picomatch, minimatch) compile to
// backtracking RegExps, where `*a*a*a…b` against a long name takes exponential time — a settings file in a cloned
// repository must not be able to hang a scan. The unit tests compare it with picomatch on a seeded corpus.

/** Longest pattern accepted; longer ones are reported and ignored by the caller (see `compileGlob`). */
export const MAX_GLOB_LENGTH = 1_000;

type Test = (c: string) => boolean;
interface State { edges: { test: Test; to: number }[]; eps: number[] }

export interface Glob {
  (path: string): boolean;
  readonly source: string;
}

const anyChar: Test = () => true;
const notSlash: Test = (c) => c !== '/';

/** Compiles `pattern`; throws with a one-line reason for a pattern that is too long or has unbalanced `{}`. */
export function compileGlob(pattern: string, options: { caseInsensitive?: boolean } = {}): Glob {
  if (pattern.length > MAX_GLOB_LENGTH) throw new Error(`glob longer than ${MAX_GLOB_LENGTH} characters`);
  const fold = options.caseInsensitive ? (s: string) => s.toLowerCase() : (s: string) => s;
  const states: State[] = [];
  const add = (): number => states.push({ edges: [], eps: [] }) - 1;
  const src = fold(pattern);
  let i = 0;

  // Builds the fragment for src[i…] up to a `,` or `}` at this brace depth; returns its start and end states.
  const sequence = (depth: number): [number, number] => {
    const start = add();
    let cur = start;
    const step = (test: Test) => {
      const next = add();
      states[cur]!.edges.push({ test, to: next });
      cur = next;
    };
    while (i < src.length) {
      const c = src[i]!;
      if (depth > 0 && (c === ',' || c === '}')) break;
      const atSegmentStart = i === 0 || src[i - 1] === '/';
      if (c === '*' && src[i + 1] === '*' && atSegmentStart && (i + 2 === src.length || src[i + 2] === '/' || (depth > 0 && (src[i + 2] === ',' || src[i + 2] === '}')))) {
        const loop = add();
        const end = add();
        states[cur]!.eps.push(end, loop);
        states[loop]!.edges.push({ test: anyChar, to: loop });
        if (src[i + 2] === '/') {
          // `**/`: zero or more whole segments, i.e. "" or anything ending in "/"
          states[cur]!.edges.push({ test: (x) => x === '/', to: end });
          states[loop]!.edges.push({ test: (x) => x === '/', to: end });
          i += 3;
        } else {
          states[loop]!.eps.push(end);
          i += 2;
        }
        cur = end;
        continue;
      }
      if (c === '/' && src.slice(i + 1, i + 3) === '**' && (i + 3 === src.length || (depth > 0 && (src[i + 3] === ',' || src[i + 3] === '}')))) {
        // trailing `/**`: anything below the folder (not the folder itself: the walk then reports each file, as
        // .gitignore's `dir/**` does)
        const loop = add();
        const end = add();
        states[cur]!.edges.push({ test: (x) => x === '/', to: loop });
        states[loop]!.edges.push({ test: anyChar, to: loop });
        states[loop]!.eps.push(end);
        cur = end;
        i += 3;
        continue;
      }
      if (c === '*') {
        while (src[i] === '*') i++;
        const loop = add();
        states[cur]!.eps.push(loop);
        states[loop]!.edges.push({ test: notSlash, to: loop });
        cur = loop;
        continue;
      }
      if (c === '?') {
        step(notSlash);
        i++;
        continue;
      }
      if (c === '[') {
        const cls = charClass(src, i);
        if (cls) {
          step(cls.test);
          i = cls.next;
          continue;
        }
      }
      if (c === '{') {
        i++;
        const end = add();
        for (;;) {
          const [s, e] = sequence(depth + 1);
          states[cur]!.eps.push(s);
          states[e]!.eps.push(end);
          if (src[i] === ',') { i++; continue; }
          if (src[i] === '}') { i++; break; }
          throw new Error('unbalanced "{" in glob');
        }
        cur = end;
        continue;
      }
      const lit = c === '\\' && i + 1 < src.length ? src[++i]! : c;
      step((x) => x === lit);
      i++;
    }
    return [start, cur];
  };

  const [start, accept] = sequence(0);
  if (i < src.length) throw new Error(`unbalanced "${src[i]}" in glob`);
  const closure = (set: Set<number>, s: number) => {
    if (set.has(s)) return;
    set.add(s);
    for (const e of states[s]!.eps) closure(set, e);
  };
  const match = ((path: string) => {
    const p = fold(path);
    let current = new Set<number>();
    closure(current, start);
    for (let k = 0; k < p.length && current.size; k++) {
      const ch = p[k]!;
      const next = new Set<number>();
      for (const s of current) for (const edge of states[s]!.edges) if (edge.test(ch)) closure(next, edge.to);
      current = next;
    }
    return current.has(accept);
  }) as Glob;
  Object.defineProperty(match, 'source', { value: pattern });
  return match;
}

/** `[abc]`, `[a-z]`, `[!x]` / `[^x]` at src[i]; null when there is no closing `]` (then `[` is a literal). */
function charClass(src: string, i: number): { test: Test; next: number } | null {
  let j = i + 1;
  const negate = src[j] === '!' || src[j] === '^';
  if (negate) j++;
  const ranges: [string, string][] = [];
  let first = true;
  while (j < src.length && (src[j] !== ']' || first)) {
    first = false;
    let lo = src[j]!;
    if (lo === '\\' && j + 1 < src.length) lo = src[++j]!;
    if (src[j + 1] === '-' && j + 2 < src.length && src[j + 2] !== ']') {
      ranges.push([lo, src[j + 2]!]);
      j += 3;
    } else {
      ranges.push([lo, lo]);
      j++;
    }
  }
  if (src[j] !== ']') return null;
  const inSet = (c: string) => ranges.some(([a, b]) => c >= a && c <= b);
  return { test: (c) => c !== '/' && inSet(c) !== negate, next: j + 1 };
}
