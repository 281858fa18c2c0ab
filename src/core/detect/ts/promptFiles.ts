// Prompt files read by the code (`readFileSync('prompts/x.txt')`, `path.join(__dirname, 'x.md')`): their text
// is the prompt, with its own placeholders.
import type { Node } from 'web-tree-sitter';
import { placeholdersIn } from '../promptParts';
import { dirOf, normalizePath, type FileCtx } from './context';
import { resolveName } from './scope';
import { argumentsOf, dottedName, unwrap } from './syntax';
import { evaluate, type Val } from './values';

const PATH_JOINERS = new Set(['join', 'resolve', 'path.join', 'path.resolve', 'posix.join', 'path.posix.join']);
const UNKNOWN: Val = { t: 'unknown' };

/** The text of a prompt file read with readFileSync/readFile (`'prompts/x.txt'`, `path.join(__dirname, 'x.md')`). */
export function readPromptFile(arg: Node | null, fc: FileCtx, depth: number): Val {
  const ws = fc.an.ws;
  if (!arg || !ws) return UNKNOWN;
  const p = pathOf(arg, fc, depth);
  if (p === null) return UNKNOWN;
  const candidates = p.fromDir ? [p.path] : [p.path, `${dirOf(fc.relPath)}/${p.path}`];
  for (const c of candidates) {
    const rel = normalizePath(c);
    if (rel === null || !ws.exists(rel)) continue;
    const text = ws.readFile(rel);
    if (text === null || text.length > 200_000) return UNKNOWN;
    return { t: 'str', value: text, src: 'file', placeholders: placeholdersIn(text), from: { file: rel, line: 1 } };
  }
  return UNKNOWN;
}

function pathOf(arg: Node, fc: FileCtx, depth: number): { path: string; fromDir: boolean } | null {
  const n = unwrap(arg);
  if (n.type === 'call_expression') {
    const name = dottedName(n.childForFieldName('function') ?? n);
    if (name && PATH_JOINERS.has(name)) {
      const segs: string[] = [];
      let fromDir = false;
      for (const a of argumentsOf(n)) {
        const inner = unwrap(a);
        if (inner.type === 'identifier' && inner.text === '__dirname' && !resolveName(fc, '__dirname', inner)) {
          segs.length = 0;
          segs.push(dirOf(fc.relPath));
          fromDir = true;
          continue;
        }
        if (dottedName(inner) === 'process.cwd') continue;
        const v = evaluate(inner, fc, depth + 1);
        if (v.t !== 'str' || v.placeholders.length) return null;
        segs.push(v.value);
      }
      return { path: segs.join('/'), fromDir };
    }
  }
  if (n.type === 'new_expression' && n.childForFieldName('constructor')?.text === 'URL') {
    const first = argumentsOf(n)[0];
    const v = first ? evaluate(first, fc, depth + 1) : UNKNOWN;
    return v.t === 'str' ? { path: `${dirOf(fc.relPath)}/${v.value}`, fromDir: true } : null;
  }
  const v = evaluate(n, fc, depth + 1);
  return v.t === 'str' && !v.placeholders.length ? { path: v.value, fromDir: false } : null;
}
