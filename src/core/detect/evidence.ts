// Does a parsed file name an SDK anywhere a detector can use it? The text prefilter (index.ts) lets a file through
// when any needle occurs in it, comments included: "group the rows together", "a coherent cache", "a mistral
// breeze". Detectors read comments only for `llm-cost:` annotations, which attach to a call found from code, so a
// file whose needles all sit in comments (or, in Python, in bare string statements: docstrings, whose value is
// discarded) has nothing to find. Answering that from the syntax tree is exact, and much cheaper than analysing a
// file of ordinary code whose names (`run`, `query`, `complete`, `invoke`) look like framework calls.
import type { Node } from 'web-tree-sitter';

/** Node types a match may sit in, inside a string literal (tree-sitter-python and the JS/TS grammars). */
const STRING_PART = new Set(['string_content', 'string_start', 'string_end', 'escape_sequence', 'string_fragment']);

/** Whether the match [start, end) is in a comment, or in a Python string that is a statement by itself. */
function silent(root: Node, start: number, end: number, language: string): boolean {
  let node: Node | null = root.descendantForIndex(start, end);
  if (!node) return false;
  if (node.type.includes('comment')) return true;
  if (language !== 'python') return false;
  while (node && STRING_PART.has(node.type)) node = node.parent;
  if (!node || node.type !== 'string') return false;
  let statement = node.parent;
  if (statement?.type === 'concatenated_string') statement = statement.parent;
  return statement?.type === 'expression_statement' && statement.namedChildCount === 1;
}

/** A needle match: [start, end) in UTF-16 offsets, as the parser's. */
export type NeedleMatch = readonly [start: number, end: number];

/** Every match of `needles` (a global RegExp) in `text`, in order: what both this check and silentText.ts read. */
export function needleMatches(text: string, needles: RegExp): NeedleMatch[] {
  const at: NeedleMatch[] = [];
  needles.lastIndex = 0;
  for (let m = needles.exec(text); m; m = needles.exec(text)) {
    at.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) needles.lastIndex++;
  }
  return at;
}

/**
 * Whether any of `matches` (needleMatches of the prefilter's needles) lies outside comments and Python bare strings.
 * `root` is the parse of the text they were found in.
 */
export function namesSdkInCode(root: Node, language: string, matches: readonly NeedleMatch[]): boolean {
  return matches.some(([start, end]) => !silent(root, start, end, language));
}
