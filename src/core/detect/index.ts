// Call-site detection entry point: prefilter → parse (tree-sitter) → language module → DetectedCall[].
//
// Registering a language module (how a new language is added):
//   1. Write `lang-<name>.ts` exporting a `LanguageModule`:
//        export const typescriptModule: LanguageModule = {
//          extensions: { '.ts': { language: 'typescript', grammar: 'typescript' }, '.tsx': { language: 'tsx', grammar: 'tsx' }, ... },
//          analyze(ctx) { ... return DetectedCall[] },   // may be async
//        };
//      `grammar` is the wasm name: tree-sitter-<grammar>.wasm (see parser.ts); `language` is DetectedCall.language.
//   2. Add one row to `registry` below.
//   The module gets the parsed tree and must not delete it; trees from ctx.parseSibling() are freed by index.ts too.
//   Call ctx.checkBudget() inside long loops: it throws BudgetExceeded past the per-file time budget, which
//   detectCalls turns into `skipped`. SDK knowledge belongs in sdks.ts (shared by all languages), not in the module.
import type { Tree } from 'web-tree-sitter';
import type { DetectResult, LanguageModule, WorkspaceReader } from './types';
import { getParser } from './parser';
import { namesSdkInCode, needleMatches, type NeedleMatch } from './evidence';
import { sdkNamesOnlyInComments } from './silentText';
import { PREFILTER_NEEDLES } from './sdks';
import { pythonModule } from './lang-python';
import { typescriptModule } from './lang-typescript';
import { goModule } from './go';
import { javaModule } from './java';
import { csharpModule } from './csharp';
import { rubyModule } from './ruby';
import { extractNotebook } from './notebook';
import { detectPromptFile, isPromptFilePath } from './promptFile';

export type { AnalyzeContext, DetectedCall, DetectResult, LanguageModule, WorkspaceReader } from './types';
export { dropInvokedConstructors, dropPromptFilesUsedByCode } from './workspace';
export { loadGrammar, setWasmDir } from './parser';

const registry: LanguageModule[] = [
  pythonModule,
  typescriptModule,
  goModule,
  javaModule,
  csharpModule,
  rubyModule,
];

/** The tree-sitter grammars the registered front ends parse with: the build ships exactly these wasm files. */
export function registeredGrammars(): string[] {
  return [...new Set(registry.flatMap((m) => Object.values(m.extensions).flatMap((row) => (row.firstTry ? [row.grammar, row.firstTry] : [row.grammar]))))].sort();
}

export class BudgetExceeded extends Error {
  constructor() {
    super('over the time budget');
  }
}

export interface DetectOptions {
  /** files larger than this (UTF-16 length) are skipped; default 1,000,000 */
  maxChars?: number;
  /** per-file analysis budget in ms (parse + analysis); default 2,500 */
  timeBudgetMs?: number;
  /**
   * detectWithoutParsing already left this text undecided with these options (the scan asks it on its own thread
   * before handing the file to a worker): its checks, which read the whole text, are not run again, and the needle
   * matches it found are reused.
   */
  undecided?: Undecided;
}

/** What the checks before parsing found in a text they could not decide: its needle matches, when they got that far. */
export interface Undecided {
  matches?: readonly NeedleMatch[];
}

const DEFAULT_MAX_CHARS = 1_000_000;
// Detection's share of the 3 s a file may take in all (front matter, tokenizing and costing run after it, in the
// same guard): with a 3 s detection budget the worst hostile file took 3,045 ms in all, so detection stops at 2.5 s.
const DEFAULT_BUDGET_MS = 2_500;

function extensionOf(relPath: string): string {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

interface LanguageRow { module: LanguageModule; language: string; grammar: string; firstTry?: string; ownGrammarIf?: RegExp }

function rowFor(relPath: string): LanguageRow | null {
  const ext = extensionOf(relPath);
  for (const module of registry) {
    const row = module.extensions[ext];
    if (row) return { module, ...row };
  }
  return null;
}

/** The grammar a file is parsed with first (notebooks: Python's), null when it is not parsed with tree-sitter. */
export function grammarForPath(relPath: string): string | null {
  if (extensionOf(relPath) === '.ipynb') return rowFor('cell.py')?.grammar ?? null;
  const row = isPromptFilePath(relPath) ? null : rowFor(relPath);
  return row ? row.firstTry ?? row.grammar : null;
}

/** 'python' | 'typescript' | 'tsx' | 'javascript' | 'notebook' | 'prompt' for supported files, null otherwise. */
export function languageForPath(relPath: string): string | null {
  if (extensionOf(relPath) === '.ipynb') return 'notebook';
  if (isPromptFilePath(relPath)) return 'prompt';
  return rowFor(relPath)?.language ?? null;
}

/**
 * Cheap text prefilter: does the file mention any SDK package, client or provider endpoint at all? A prompt file
 * (`relPath` given) always passes: it is a request by itself and need not name an SDK.
 */
// One case-insensitive pass instead of lower-casing the file and scanning it once per needle (≈2× faster on large trees).
const NEEDLES = [...new Set([...PREFILTER_NEEDLES, ...registry.flatMap((m) => m.needles ?? [])])];
const PREFILTER = new RegExp(NEEDLES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
/** The same needles, for needleMatches (evidence.ts): every occurrence, not only the first. */
const NEEDLES_GLOBAL = new RegExp(PREFILTER.source, 'gi');

/** The prefilter's needles (matched case-insensitively): the scan's byte prefilter checks they are all ASCII. */
export function prefilterNeedles(): readonly string[] {
  return NEEDLES;
}

export function mightContainLlmCalls(text: string, relPath?: string): boolean {
  return (relPath !== undefined && isPromptFilePath(relPath)) || PREFILTER.test(text);
}

/**
 * Average line length when a file looks minified (≥ 5,000 characters, lines over 500 on average once string
 * literals are left out), else null. Size alone is not minification: a 21 KB prompt on one line of a `.py` file is
 * a long string, and the call that sends it must not disappear from the totals; minified code is long lines of code.
 */
export function minifiedLineLength(text: string): number | null {
  if (text.length < 5_000) return null;
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  const average = text.length / lines;
  if (average <= 500) return null;
  const code = text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""').length;
  return code / lines > 500 ? average : null;
}

/**
 * The detection of one file when it is decided without parsing (`done`): too large, binary, no SDK named, minified,
 * a prompt file (read without tree-sitter), or SDK names only in comments where the lexer is sure (silentText.ts).
 * Else `undecided`, with what the checks found, for detectCalls' `options.undecided`. Synchronous and cheap: the
 * scan asks it before sending a file to a worker thread. Notebooks are left to detectCalls, unless they name no SDK.
 */
export function detectWithoutParsing(relPath: string, text: string, options: DetectOptions = {}): { done: DetectResult } | { undecided: Undecided } {
  const pre = preParse(relPath, text, options);
  if (pre.done) return { done: pre.done };
  const matches = 'found' in pre ? pre.found() : undefined;
  return { undecided: matches ? { matches } : {} };
}

type PreParse =
  | { done: DetectResult }
  | { done?: undefined; row: LanguageRow; matches: () => readonly NeedleMatch[]; found: () => readonly NeedleMatch[] | undefined }
  | { done?: undefined; notebook: true };

function preParse(relPath: string, text: string, options: DetectOptions): PreParse {
  const checked = options.undecided !== undefined;
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!checked && text.length > maxChars) return { done: { calls: [], skipped: `larger than ${maxChars} characters` } };
  if (!checked && text.includes('\u0000')) return { done: { calls: [], skipped: 'binary' } };
  if (extensionOf(relPath) === '.ipynb') return checked || mightContainLlmCalls(text) ? { notebook: true } : { done: { calls: [] } };
  // No tree-sitter: the front matter and role sections are read by promptFile.ts.
  if (isPromptFilePath(relPath)) return { done: detectPromptFile(relPath, text) };
  const row = rowFor(relPath);
  if (!row) return { done: { calls: [] } };
  // SDK names only in comments (evidence.ts): answered without parsing where the lexer is sure, else after parsing;
  // the needles are matched once for both
  let found = options.undecided?.matches;
  const matches = () => (found ??= needleMatches(text, NEEDLES_GLOBAL));
  const pre = { row, matches, found: () => found };
  if (checked) return pre;
  if (!mightContainLlmCalls(text)) return { done: { calls: [] } };
  if (minifiedLineLength(text) !== null) return { done: { calls: [], skipped: 'minified' } };
  if (sdkNamesOnlyInComments(text, row.language, matches)) return { done: { calls: [] } };
  return pre;
}

/** Finds the LLM call sites in one file. Never throws for bad input: problems come back as `skipped`. */
export async function detectCalls(relPath: string, text: string, ws?: WorkspaceReader, options: DetectOptions = {}): Promise<DetectResult> {
  const pre = preParse(relPath, text, options);
  if (pre.done) return pre.done;
  if ('notebook' in pre) {
    const nb = extractNotebook(text);
    if (nb.skipped) return { calls: [], skipped: nb.skipped };
    const pseudoPath = relPath.replace(/\.ipynb$/i, '.py');
    const result = await detectCalls(pseudoPath, nb.source, ws, { ...options, undecided: undefined });
    return { calls: result.calls.map((c) => nb.mapCall(c, pseudoPath, relPath)), ...(result.skipped ? { skipped: result.skipped } : {}) };
  }
  const { row, matches } = pre;
  const budgetMs = options.timeBudgetMs ?? DEFAULT_BUDGET_MS;
  let deadline = Infinity;
  const overBudget = () => Date.now() > deadline;
  const trees: Tree[] = [];
  try {
    const parser = await getParser(row.firstTry && !row.ownGrammarIf?.test(text) ? row.firstTry : row.grammar);
    // The budget is for this file's work; loading the runtime and grammar (once per process) is not part of it.
    deadline = Date.now() + budgetMs;
    const parse = (source: string): Tree | null => {
      if (overBudget()) return null;
      const tree = parser.parse(source, null, { progressCallback: () => overBudget() });
      if (tree) trees.push(tree);
      return tree;
    };
    const tree = parse(text);
    if (!tree) return { calls: [], skipped: overBudget() ? 'over the time budget' : 'parse failed' };
    if (!namesSdkInCode(tree.rootNode, row.language, matches())) return { calls: [] };
    const calls = await row.module.analyze({
      relPath, text, language: row.language, tree, ws,
      parseSibling: parse,
      checkBudget: () => { if (overBudget()) throw new BudgetExceeded(); },
    });
    calls.sort((a, b) => a.line - b.line || a.column - b.column);
    return { calls };
  } catch (err) {
    if (err instanceof BudgetExceeded) return { calls: [], skipped: 'over the time budget' };
    return { calls: [], skipped: `analysis error: ${err instanceof Error ? err.message : String(err)}` };
  } finally {
    for (const t of trees) t.delete();
  }
}
