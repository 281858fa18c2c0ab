// evidence.ts's question — does the file name an SDK outside comments and Python docstrings? — answered before
// parsing, for the files where a small lexer can be sure: Python and JS/TS without JSX. It only ever answers "only
// in comments" when it tracked every string, comment, template and regular expression up to each name; anything
// it does not follow (JSX, an unterminated string, unbalanced brackets, a file ending inside a literal) is "not
// sure", and the file is parsed as before. test/unit/detect-silent-text.test.ts checks it never claims a file the
// syntax tree would analyse.
import type { NeedleMatch } from './evidence';

/**
 * The needle matches, in order, consumed as the lexer goes: a comment (or Python bare string) takes the matches
 * inside it; a match the lexer passes in code or in any other literal means "no" at once, so a file that names an
 * SDK in code is not lexed further.
 */
class Matches {
  private next = 0;
  constructor(private readonly at: readonly NeedleMatch[]) {}
  /** False when a match starts before `i` outside the silent ranges seen so far (the lexer is in code at `i`). */
  before(i: number): boolean {
    return this.next >= this.at.length || this.at[this.next]![0] >= i;
  }
  /** A silent range [a, b): false when a match starts before it, or starts inside it and runs past its end. */
  silent(a: number, b: number): boolean {
    if (!this.before(a)) return false;
    while (this.next < this.at.length && this.at[this.next]![0] < b) {
      if (this.at[this.next]![1] > b) return false;
      this.next++;
    }
    return true;
  }
  get done(): boolean {
    return this.next >= this.at.length;
  }
}

/** true: every match is silent; false: one is not; null: the lexer cannot be sure of the file. */
type Verdict = boolean | null;

const SPACE = /[ \t\f\r]/;
const WORD = /[A-Za-z0-9_$]/;

/**
 * Whether every needle match (evidence.ts needleMatches, asked for only when a lexer reads the language) lies in a
 * comment or, in Python, a string that is a statement by itself. False when the lexer is not sure (the caller parses
 * the file) or when a match is anywhere else.
 */
export function sdkNamesOnlyInComments(text: string, language: string, matches: () => readonly NeedleMatch[]): boolean {
  const lex = language === 'python' ? lexPython : language === 'typescript' || language === 'tsx' || language === 'javascript' ? lexScript : null;
  if (!lex) return false;
  const at = matches();
  return at.length > 0 && lex(text, new Matches(at), language) === true;
}

const PY_PREFIX = /[rRbBuUfFtT]/;

/**
 * Where the prefix (r, b, u, f, t and their pairs) of the Python string whose opening quote is at `q` starts, looking
 * no further back than `from`; `q` itself when there is none or those letters end a longer name.
 */
function pyPrefixStart(text: string, q: number, from: number): number {
  let p = q;
  while (p > from && q - p < 2 && PY_PREFIX.test(text[p - 1]!)) p--;
  return p > 0 && WORD.test(text[p - 1]!) ? q : p;
}

/** Whether the prefix text[p, q) makes an f-string (or a t-string): its `{…}` fields hold code. */
const isFormatted = (text: string, p: number, q: number): boolean => /[fFtT]/.test(text.slice(p, q));

/** Index after a Python string starting at `i` (its opening quote), or -1 when it does not end. */
function pyString(text: string, i: number, isF: boolean): number {
  const q = text[i]!;
  const triple = text.startsWith(q.repeat(3), i);
  let j = i + (triple ? 3 : 1);
  while (j < text.length) {
    const c = text[j]!;
    if (c === '\\') { j += 2; continue; }
    if (!triple && c === '\n') return -1;
    if (triple ? text.startsWith(q.repeat(3), j) : c === q) return j + (triple ? 3 : 1);
    if (isF && c === '{') {
      if (text[j + 1] === '{') { j += 2; continue; }
      j = pyReplacementField(text, j + 1);
      if (j < 0) return -1;
      continue;
    }
    j++;
  }
  return -1;
}

/** Index after the `}` closing an f-string replacement field whose expression starts at `i`; -1 when unsure. */
function pyReplacementField(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text[j]!;
    if (c === '\n' || c === '#' || c === '\\') return -1; // multi-line fields, comments, escapes: let the parser read it
    if (c === '"' || c === "'") {
      j = pyString(text, j, isFormatted(text, pyPrefixStart(text, j, i), j));
      if (j < 0) return -1;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === '}') {
      if (depth === 0) return j + 1;
      depth--;
    }
    if (depth < 0) return -1;
    j++;
  }
  return -1;
}

/** What the lexers stop at: everything between is code they need not look at (names, numbers, operators). */
const PY_STOP = /[\n#'"\\()[\]{}]/g;
const BLANK_ONLY = /^[ \t\f\r]*$/;
function lexPython(text: string, matches: Matches): Verdict {
  const n = text.length;
  let depth = 0;
  /** where the current logical line starts (after a newline outside brackets); -1 after a backslash continuation */
  let lineAt = 0;
  let i = 0;
  while (i < n) {
    PY_STOP.lastIndex = i;
    const stop = PY_STOP.exec(text);
    const j = stop ? stop.index : n;
    if (!matches.before(j)) return false; // a name in the code before j
    if (!stop) break;
    const c = text[j]!;
    if (c === '\n') {
      if (depth === 0) lineAt = j + 1;
      i = j + 1;
    } else if (c === '#') {
      const eol = text.indexOf('\n', j);
      const end = eol < 0 ? n : eol;
      if (!matches.silent(j, end)) return false;
      i = end;
    } else if (c === '\\') {
      const next = text[j + 1] === '\r' ? j + 2 : j + 1;
      if (text[next] !== '\n') return null;
      lineAt = -1;
      i = next + 1;
    } else if (c === '"' || c === "'") {
      const p = pyPrefixStart(text, j, i);
      const end = pyString(text, j, isFormatted(text, p, j));
      if (end < 0) return null;
      // a string alone on its logical line (a docstring or any bare string): its value is discarded
      let k = end;
      while (k < n && SPACE.test(text[k]!)) k++;
      const alone = depth === 0 && lineAt >= 0 && lineAt <= p && BLANK_ONLY.test(text.slice(lineAt, p)) && (k >= n || text[k] === '\n' || text[k] === '#');
      if (alone && !matches.silent(p, end)) return false;
      i = end;
    } else {
      depth += c === '(' || c === '[' || c === '{' ? 1 : -1;
      if (depth < 0) return null;
      i = j + 1;
    }
  }
  return depth === 0 ? matches.done : null;
}

/** Keywords after which `/` starts a regular expression. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
const JS_STOP = /[\n'"`/{}()[\]]/g;
const NOT_BLANK = /[^ \t\f\r\n]/;

/**
 * The token before a `/` at `j`, from the code between `from` and `j` when there is any, else `prev` (the last
 * literal, bracket or operator the lexer stopped at): 'v' a value (division follows), 'r' a regex may follow.
 */
function before(text: string, from: number, j: number, prev: string): string {
  let k = j - 1;
  while (k >= from && !NOT_BLANK.test(text[k]!)) k--;
  if (k < from) return prev;
  if (!WORD.test(text[k]!)) return text[k] === ')' || text[k] === ']' ? 'v' : 'r';
  let w = k;
  while (w > from && WORD.test(text[w - 1]!)) w--;
  return REGEX_AFTER_WORD.has(text.slice(w, k + 1)) ? 'r' : 'v';
}

function lexScript(text: string, matches: Matches, language: string): Verdict {
  // JSX text (apostrophes, slashes) is not JavaScript: files that may hold it are parsed.
  if (language !== 'typescript' && (text.includes('</') || text.includes('/>'))) return null;
  const n = text.length;
  /** open braces: 'b' a block or object, 't' a template's ${ … } */
  const braces: string[] = [];
  let prev = 'r'; // at the start a `/` begins a regex
  let i = 0;
  /** From just after a ` (or the } closing a ${…}): the index after the closing `, or after a ${ (pushed); -1 unsure. */
  const template = (from: number): number => {
    for (let j = from; j < n; j++) {
      const c = text[j]!;
      if (c === '\\') j++;
      else if (c === '`') return j + 1;
      else if (c === '$' && text[j + 1] === '{') {
        braces.push('t');
        return j + 2;
      }
    }
    return -1;
  };
  while (i < n) {
    JS_STOP.lastIndex = i;
    const stop = JS_STOP.exec(text);
    const j = stop ? stop.index : n;
    if (!matches.before(j)) return false;
    if (!stop) break;
    const c = text[j]!;
    if (c === '\n') {
      i = j + 1;
      continue;
    }
    if (c === '/' && (text[j + 1] === '/' || text[j + 1] === '*')) {
      const line = text[j + 1] === '/';
      const close = line ? text.indexOf('\n', j) : text.indexOf('*/', j + 2);
      if (!line && close < 0) return null;
      const end = line ? (close < 0 ? n : close) : close + 2;
      if (!matches.silent(j, end)) return false;
      prev = before(text, i, j, prev); // a comment keeps the token before it
      i = end;
      continue;
    }
    const kind = c === '/' ? before(text, i, j, prev) : '';
    if (c === '"' || c === "'") {
      let k = j + 1;
      while (k < n && text[k] !== c) {
        if (text[k] === '\n') return null;
        k += text[k] === '\\' ? 2 : 1;
      }
      if (k >= n) return null;
      i = k + 1;
      prev = 'v';
    } else if (c === '`' || (c === '}' && braces[braces.length - 1] === 't')) {
      if (c === '}') braces.pop();
      const end = template(j + 1);
      if (end < 0) return null;
      i = end;
      prev = text[end - 1] === '{' ? 'r' : 'v';
    } else if (c === '/' && kind === 'r') {
      let k = j + 1, cls = false;
      for (; k < n; k++) {
        const d = text[k]!;
        if (d === '\n') return null;
        if (d === '\\') k++;
        else if (d === '[') cls = true;
        else if (d === ']') cls = false;
        else if (d === '/' && !cls) break;
      }
      if (k >= n) return null;
      i = k + 1;
      while (i < n && WORD.test(text[i]!)) i++;
      prev = 'v';
    } else {
      if (c === '{') braces.push('b');
      else if (c === '}' && braces.pop() !== 'b') return null;
      prev = c === ')' || c === ']' ? 'v' : 'r';
      i = j + 1;
    }
  }
  return braces.length === 0 ? matches.done : null;
}
