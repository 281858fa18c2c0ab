// evidence.ts's question — does the file name an SDK outside comments and Python docstrings? — answered before
// parsing, for the files where a small lexer can be sure: Python and JS/TS without JSX. It only ever answers "only
// in comments" when it tracked every string, comment, template and regular expression up to each name; anything
// it does not follow (JSX, an unterminated string, unbalanced brackets, a file ending inside a literal) is "not
// sure", and the file is parsed as before. test/unit/detect-silent-text.test.ts checks it never claims a file the
// syntax tree would analyse.

type Range = [start: number, end: number];

/** Comment and Python bare-string ranges, or null when the lexer cannot be sure of the file. */
type Lexed = Range[] | null;

const SPACE = /[ \t\f\r]/;
const WORD = /[A-Za-z0-9_$]/;

/**
 * Whether every match of `needles` (global RegExp) lies in a comment or, in Python, a string that is a statement by
 * itself. False when the lexer is not sure (the caller parses the file) or when a match is anywhere else.
 */
export function sdkNamesOnlyInComments(text: string, language: string, needles: RegExp): boolean {
  const silent = language === 'python' ? lexPython(text) : language === 'typescript' || language === 'tsx' || language === 'javascript' ? lexScript(text, language) : null;
  if (!silent) return false;
  let r = 0;
  needles.lastIndex = 0;
  let any = false;
  for (let m = needles.exec(text); m; m = needles.exec(text)) {
    const start = m.index, end = start + m[0].length;
    while (r < silent.length && silent[r]![1] <= start) r++;
    const range = silent[r];
    if (!range || range[0] > start || range[1] < end) return false;
    any = true;
    if (m[0].length === 0) needles.lastIndex++;
  }
  return any;
}

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
      const prefixF = /[fFtT]/.test(text[j - 1] ?? '') && !WORD.test(text[j - 2] ?? '');
      j = pyString(text, j, prefixF);
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

function lexPython(text: string): Lexed {
  const silent: Range[] = [];
  let depth = 0;
  let lineStart = true; // only blanks since the start of a logical line, outside brackets
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      if (depth === 0) lineStart = true;
      i++;
      continue;
    }
    if (SPACE.test(c)) { i++; continue; }
    if (c === '\\') {
      if (text[i + 1] !== '\n' && !(text[i + 1] === '\r' && text[i + 2] === '\n')) return null;
      lineStart = false;
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === '#') {
      const eol = text.indexOf('\n', i);
      const end = eol < 0 ? n : eol;
      silent.push([i, end]);
      i = end;
      continue;
    }
    // a string, with its prefix (r, b, u, f, t and their pairs)
    let p = i;
    while (p < n && p - i < 3 && /[rRbBuUfFtT]/.test(text[p]!)) p++;
    if ((text[p] === '"' || text[p] === "'") && (p === i || !WORD.test(text[i - 1] ?? ''))) {
      const isF = /[fFtT]/.test(text.slice(i, p));
      const end = pyString(text, p, isF);
      if (end < 0) return null;
      // a string alone on its logical line (a docstring or any bare string): its value is discarded
      let k = end;
      while (k < n && SPACE.test(text[k]!)) k++;
      if (lineStart && depth === 0 && (k >= n || text[k] === '\n' || text[k] === '#')) silent.push([i, end]);
      lineStart = false;
      i = end;
      continue;
    }
    lineStart = false;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth < 0) return null;
    }
    // identifiers and numbers in one step (a prefix letter is not a string start inside a word)
    if (WORD.test(c)) {
      while (i < n && WORD.test(text[i]!)) i++;
      continue;
    }
    i++;
  }
  return depth === 0 ? silent : null;
}

/** Keywords after which `/` starts a regular expression. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

function lexScript(text: string, language: string): Lexed {
  // JSX text (apostrophes, slashes) is not JavaScript: files that may hold it are parsed.
  if (language !== 'typescript' && (text.includes('</') || text.includes('/>'))) return null;
  const silent: Range[] = [];
  const n = text.length;
  /** open braces: 'b' a block/object, 't' a template's ${ … } */
  const braces: string[] = [];
  let prev = ''; // the last significant token: a punctuator character, or 'w:<word>', or 'v' for a literal
  let i = 0;
  const template = (from: number): number => {
    // from is just after a ` or a } closing ${…}; returns the index after the closing `, or of the ${ (pushing 't')
    let j = from;
    while (j < n) {
      const c = text[j]!;
      if (c === '\\') { j += 2; continue; }
      if (c === '`') return j + 1;
      if (c === '$' && text[j + 1] === '{') {
        braces.push('t');
        return -(j + 2) - 1; // negative: inside ${
      }
      j++;
    }
    return Number.NaN;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '\n' || SPACE.test(c)) { i++; continue; }
    if (c === '/' && text[i + 1] === '/') {
      const eol = text.indexOf('\n', i);
      const end = eol < 0 ? n : eol;
      silent.push([i, end]);
      i = end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return null;
      silent.push([i, close + 2]);
      i = close + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < n && text[j] !== c) {
        if (text[j] === '\n') return null;
        j += text[j] === '\\' ? 2 : 1;
      }
      if (j >= n) return null;
      i = j + 1;
      prev = 'v';
      continue;
    }
    if (c === '`' || (c === '}' && braces[braces.length - 1] === 't')) {
      if (c === '}') braces.pop();
      const r = template(i + 1);
      if (Number.isNaN(r)) return null;
      if (r < 0) { i = -r - 1; prev = '{'; continue; }
      i = r;
      prev = 'v';
      continue;
    }
    if (c === '/') {
      const regex = prev === '' || (prev.startsWith('w:') ? REGEX_AFTER_WORD.has(prev.slice(2)) : prev !== 'v' && prev !== ')' && prev !== ']');
      if (regex) {
        let j = i + 1, cls = false;
        for (; j < n; j++) {
          const d = text[j]!;
          if (d === '\n') return null;
          if (d === '\\') { j++; continue; }
          if (d === '[') cls = true;
          else if (d === ']') cls = false;
          else if (d === '/' && !cls) break;
        }
        if (j >= n) return null;
        i = j + 1;
        while (i < n && WORD.test(text[i]!)) i++;
        prev = 'v';
        continue;
      }
      prev = '/';
      i++;
      continue;
    }
    if (WORD.test(c)) {
      let j = i;
      while (j < n && WORD.test(text[j]!)) j++;
      const word = text.slice(i, j);
      prev = /^[0-9]/.test(word) ? 'v' : `w:${word}`;
      i = j;
      continue;
    }
    if (c === '{') braces.push('b');
    else if (c === '}') {
      if (braces.pop() !== 'b') return null;
    }
    prev = c;
    i++;
  }
  return braces.length === 0 ? silent : null;
}
