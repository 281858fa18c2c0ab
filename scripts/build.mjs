// One esbuild script, the entry points (extension, its services, CLI, scan worker, webview) plus the runtime assets
// that are loaded lazily from dist/ instead of being bundled: tokenizer rank files and tree-sitter wasm.
import * as esbuild from 'esbuild';
import { mkdirSync, copyFileSync, writeFileSync, existsSync, readFileSync, rmSync, openSync, readSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Large JSON data (the price snapshot, ~340 KB; the Unicode character names, ~100 KB, in every detection worker's
// bundle) as a JSON.parse of a string literal rather than an object literal: V8 scans a string and JSON.parse far
// faster than it compiles and runs a large literal (the names: ~9 → ~4 ms per bundle load).
// The Unicode names are read only for a Python `\N{NAME}` escape, which most scans never meet: their module parses the
// string on the first read of one of its keys (pythonEscapes.ts reads `names` when it needs it), not when it loads.
const jsonAsString = {
  name: 'json-as-string',
  setup(build) {
    const read = (path) => JSON.parse(readFileSync(path, 'utf8'));
    /** the data as a JS string literal holding its compact JSON */
    const literal = (data) => JSON.stringify(JSON.stringify(data));
    build.onLoad({ filter: /[\\/]snapshot[\\/][^\\/]+\.json$/ }, (args) => ({ contents: `module.exports = JSON.parse(${literal(read(args.path))});`, loader: 'js' }));
    build.onLoad({ filter: /[\\/]unicodeNames\.json$/ }, (args) => {
      const data = read(args.path);
      const getters = Object.keys(data).map((k) => `get ${JSON.stringify(k)}() { return load()[${JSON.stringify(k)}]; }`).join(', ');
      return { contents: `let data;\nconst load = () => (data ??= JSON.parse(${literal(data)}));\nmodule.exports = { ${getters} };`, loader: 'js' };
    });
  },
};

// Test hooks (the e2e harness's LLM_COST_LENS_E2E_BREAK switch, which proves its tests can fail) are compiled in only
// when LLM_COST_LENS_E2E_HOOKS=1 (test/e2e/run.mjs sets it); otherwise esbuild folds them away.
const e2eHooks = process.env.LLM_COST_LENS_E2E_HOOKS === '1';

const common = {
  define: { __E2E_HOOKS__: JSON.stringify(e2eHooks) },
  plugins: [jsonAsString],
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD entry hides its requires from esbuild; its ESM file bundles cleanly. (Only this package:
  // preferring `module` everywhere would pick web-tree-sitter's ESM build, which needs import.meta.url.)
  // web-tree-sitter's ESM build needs import.meta.url, which a CJS bundle lacks: use its CJS build.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js', 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};

const targets = [
  // The activation entry stays small; the engine side of the editor is a second bundle it requires on first need.
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/services.ts'], outfile: 'dist/services.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  // The scan's detection worker thread (src/core/scan/detectPool.ts), started by the CLI and the editor's services
  // bundle from beside them: dist/scanWorker.js.
  { ...common, entryPoints: ['src/core/scan/scanWorker.ts'], outfile: 'dist/scanWorker.js', platform: 'node', format: 'cjs', target: 'node20' },
  { ...common, entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
];

/** Bundles `contents` (TypeScript re-exports from src/) on its own and returns its exports, to run them here. */
async function sourceExports(contents) {
  const out = await esbuild.build({
    ...common, stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    platform: 'node', format: 'cjs', target: 'node20', write: false, sourcemap: false, minify: false, logLevel: 'error',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', '__filename', '__dirname', out.outputFiles[0].text)(mod, mod.exports, require, join(process.cwd(), 'registry.js'), process.cwd());
  return mod.exports;
}

/** Bundles the detect registry alone (a few hundred ms) and asks it which grammars its front ends parse with. */
async function registeredGrammars() {
  const names = (await sourceExports("export { registeredGrammars } from './src/core/detect/index';")).registeredGrammars();
  if (!Array.isArray(names) || names.length === 0) throw new Error('build: the detect registry names no grammar');
  return names;
}

/** The `format` in a rank file's header line (rankTable.ts), or null. */
function binFormat(file) {
  try {
    const head = Buffer.alloc(4096);
    const fd = openSync(file, 'r');
    let n;
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    const eol = head.subarray(0, n).indexOf(10);
    return eol < 0 ? null : JSON.parse(head.toString('utf8', 0, eol)).format ?? null;
  } catch {
    return null;
  }
}

/**
 * The tokenizer ranks beside the bundles, loaded on first use (see src/core/tokens): `<name>.bin`, the build's binary
 * table with its hash index (src/core/tokens/rankTable.ts), which is all the VSIX ships, and `<name>.json`, its
 * source, which a development build reads when a .bin is missing or unusable.
 */
async function copyAssets() {
  mkdirSync('dist/ranks', { recursive: true });
  let tables = null;
  for (const name of ['o200k_base', 'cl100k_base']) {
    const out = join('dist/ranks', `${name}.json`);
    const bpe = require(`js-tiktoken/ranks/${name}`);
    if (!existsSync(out)) writeFileSync(out, JSON.stringify(bpe));
    const bin = join('dist/ranks', `${name}.bin`);
    tables ??= await sourceExports("export { encodeRankTable, RANK_TABLE_FORMAT } from './src/core/tokens/rankTable'; export { parseRanks } from './src/core/tokens/bpe';");
    if (existsSync(bin) && binFormat(bin) === tables.RANK_TABLE_FORMAT) continue; // an older layout is rebuilt
    writeFileSync(bin, tables.encodeRankTable(bpe, tables.parseRanks(bpe.bpe_ranks)));
  }
  // Only the grammars the registered language front ends use (derived from the detect registry, not listed here):
  // each unused grammar would add ~1 MB to the VSIX. The folder is emptied first so a dropped grammar does not linger.
  rmSync('dist/wasm', { recursive: true, force: true });
  mkdirSync('dist/wasm', { recursive: true });
  const grammarDir = join(require.resolve('@vscode/tree-sitter-wasm/package.json'), '..', 'wasm');
  for (const name of await registeredGrammars()) copyFileSync(join(grammarDir, `tree-sitter-${name}.wasm`), join('dist/wasm', `tree-sitter-${name}.wasm`));
  const runtimeWasm = join(require.resolve('web-tree-sitter'), '..', 'web-tree-sitter.wasm');
  if (existsSync(runtimeWasm)) copyFileSync(runtimeWasm, 'dist/wasm/web-tree-sitter.wasm');
}

await copyAssets();
if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching for changes…');
} else {
  await Promise.all(targets.map((t) => esbuild.build(t)));
}
