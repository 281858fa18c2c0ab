// Lazy, cached web-tree-sitter runtime and grammars. Nothing loads until the first file that needs parsing.
// Wasm files live in dist/wasm when bundled (scripts/build.mjs copies them); in tests and tsx runs they are
// found in node_modules. Paths are computed at runtime so esbuild does not try to bundle them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser, Language } from 'web-tree-sitter';

let wasmDir: string | null = null;
let initPromise: Promise<void> | null = null;
const grammars = new Map<string, Promise<Language>>();
const parsers = new Map<string, Parser>();

/** Directory holding web-tree-sitter.wasm and tree-sitter-<grammar>.wasm; call before the first parse. */
export function setWasmDir(dir: string): void {
  wasmDir = dir;
}

function hereDir(): string {
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

function findUp(start: string, rel: string): string | null {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, rel);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

interface WasmLocations { runtime: string; grammar(name: string): string }

function locations(): WasmLocations {
  const dir = wasmDir ?? (fs.existsSync(path.join(hereDir(), 'wasm')) ? path.join(hereDir(), 'wasm') : null);
  if (dir) return { runtime: path.join(dir, 'web-tree-sitter.wasm'), grammar: (n) => path.join(dir, `tree-sitter-${n}.wasm`) };
  const nm = ['node_modules'].join('');
  const grammarDir = findUp(hereDir(), path.join(nm, '@vscode', 'tree-sitter-wasm', 'wasm')) ?? findUp(process.cwd(), path.join(nm, '@vscode', 'tree-sitter-wasm', 'wasm'));
  const runtimeDir = findUp(hereDir(), path.join(nm, 'web-tree-sitter')) ?? findUp(process.cwd(), path.join(nm, 'web-tree-sitter'));
  if (!grammarDir || !runtimeDir) throw new Error('tree-sitter wasm files not found; call setWasmDir()');
  return { runtime: path.join(runtimeDir, 'web-tree-sitter.wasm'), grammar: (n) => path.join(grammarDir, `tree-sitter-${n}.wasm`) };
}

function init(): Promise<void> {
  if (!initPromise) {
    const runtime = locations().runtime;
    initPromise = Parser.init({ locateFile: () => runtime });
    initPromise.catch(() => { initPromise = null; }); // a later setWasmDir() may fix it
  }
  return initPromise;
}

/** Loads (once) the grammar `name` (e.g. 'python', 'typescript', 'tsx', 'javascript'). */
export function loadGrammar(name: string): Promise<Language> {
  let p = grammars.get(name);
  if (!p) {
    p = init().then(() => Language.load(fs.readFileSync(locations().grammar(name))));
    grammars.set(name, p);
    p.catch(() => grammars.delete(name));
  }
  return p;
}

/** A parser for `grammar`, created once and reused (parsing is synchronous, so sharing is safe). */
export async function getParser(grammar: string): Promise<Parser> {
  const existing = parsers.get(grammar);
  if (existing) return existing;
  const language = await loadGrammar(grammar);
  const again = parsers.get(grammar);
  if (again) return again;
  const parser = new Parser();
  parser.setLanguage(language);
  parsers.set(grammar, parser);
  return parser;
}
