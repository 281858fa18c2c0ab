// Per-analysis state for TS/JS: the file being analysed plus the workspace files it imports from
// (loaded lazily through the WorkspaceReader, parsed with the same grammar, cached for the analysis).
import type { Node, Tree } from 'web-tree-sitter';
import type { WorkspaceReader } from '../types';
import type { Decl } from './scope';
import type { Val } from './values';

export interface Analysis {
  ws?: WorkspaceReader;
  parseSibling(text: string): Tree | null;
  checkBudget(): void;
  files: Map<string, FileCtx | null>;
}

export interface FileCtx {
  relPath: string;
  text: string;
  root: Node;
  an: Analysis;
  scopes: Map<number, Map<string, Decl>>;
  evals: Map<number, Val>;
  /** `x = …` assignments by identifier name (for `let x; … x = new OpenAI()`), built on first use */
  assignments: Map<string, Node[]> | null;
  /** `obj.key = …` / `obj['key'] = …` by the object literal `obj` is bound to (node id), built on first use */
  memberAssignments: Map<number, Map<string, Node>> | null;
  /** every assignment expression of the file in document order (the analysed file's come with its calls) */
  assignmentNodes: Node[] | null;
  /** packages replaced by test doubles in this file (`jest.mock('openai')`, `vi.mock('openai', …)`) */
  mocked: Set<string>;
}

export function newFileCtx(an: Analysis, relPath: string, text: string, root: Node): FileCtx {
  const fc: FileCtx = { relPath, text, root, an, scopes: new Map(), evals: new Map(), assignments: null, memberAssignments: null, assignmentNodes: null, mocked: new Set() };
  an.files.set(relPath, fc);
  return fc;
}

/** The file's assignment expressions in document order (analyzeFile fills them in from its one walk, candidates.ts). */
export function assignmentExpressions(fc: FileCtx): Node[] {
  fc.assignmentNodes ??= fc.root.descendantsOfType('assignment_expression').filter((n): n is Node => !!n);
  return fc.assignmentNodes;
}

export function dirOf(relPath: string): string {
  const i = relPath.lastIndexOf('/');
  return i < 0 ? '' : relPath.slice(0, i);
}

/** Normalises a posix path relative to the root ('a/./b/../c' → 'a/c'); null when it leaves the root. */
export function normalizePath(p: string): string | null {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

const SOURCE_EXTS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '/index.ts', '/index.tsx', '/index.js', '/index.mjs'];

/** Workspace-relative candidates for an import specifier: relative paths, and `@/x` / `~/x` (src/ or root). */
function importCandidates(from: string, spec: string): string[] {
  let bases: string[] = [];
  if (spec.startsWith('./') || spec.startsWith('../')) bases = [`${dirOf(from)}/${spec}`];
  else if (spec.startsWith('@/') || spec.startsWith('~/')) bases = [`src/${spec.slice(2)}`, spec.slice(2)];
  else return [];
  const out: string[] = [];
  for (const b of bases) {
    // `./x.js` in TS sources refers to x.ts
    const stripped = b.replace(/\.(js|mjs|cjs|jsx)$/, '');
    for (const base of stripped === b ? [b] : [stripped, b]) {
      for (const ext of SOURCE_EXTS) {
        const n = normalizePath(base + ext);
        if (n !== null) out.push(n);
      }
    }
  }
  return out;
}

/** The analysed context of a workspace module imported by `from`, or null (package import, missing, unparsable). */
export function loadImported(fc: FileCtx, spec: string): FileCtx | null {
  const { an } = fc;
  if (!an.ws) return null;
  for (const cand of importCandidates(fc.relPath, spec)) {
    if (an.files.has(cand)) return an.files.get(cand) ?? null;
    if (!/\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/.test(cand) || !an.ws.exists(cand)) continue;
    const text = an.ws.readFile(cand);
    if (text === null || text.length > 500_000) {
      an.files.set(cand, null);
      continue;
    }
    const tree = an.parseSibling(text);
    if (!tree) {
      an.files.set(cand, null);
      return null;
    }
    return newFileCtx(an, cand, text, tree.rootNode);
  }
  return null;
}
