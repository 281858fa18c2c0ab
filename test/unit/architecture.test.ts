// The house rules of docs/ARCHITECTURE.md, checked on the source itself: core never reaches up into the editor,
// the CLI or the webview (nor imports `vscode`); folders import each other without cycles; no source file grows past
// 400 lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SRC = resolve('src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** The folder a file belongs to for these rules: `cli`, `extension`, `webview`, `core` (its root files) or `core/<x>`. */
function unit(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts[0] === 'core' && parts.length > 2 ? `core/${parts[1]}` : parts[0]!;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

const files = sources(SRC);
const edges = new Map<string, Map<string, string>>(); // unit → unit → an example "file → import"
for (const f of files) {
  for (const spec of imports(f)) {
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(f), spec);
    const to = unit(target.endsWith('.ts') ? target : `${target}.ts`);
    const from = unit(f);
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${relative(SRC, f)} → ${spec}`);
  }
}

test('core imports neither vscode nor the CLI, the extension or the webview', () => {
  const bad: string[] = [];
  for (const f of files.filter((x) => unit(x).startsWith('core'))) {
    for (const spec of imports(f)) {
      if (spec === 'vscode') bad.push(`${relative(SRC, f)} imports vscode`);
      else if (spec.startsWith('.') && !unit(resolve(dirname(f), spec) + '.ts').startsWith('core')) bad.push(`${relative(SRC, f)} → ${spec}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('no import cycle between the folders of src/', () => {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (u: string): void => {
    state.set(u, 'open');
    path.push(u);
    for (const next of edges.get(u)?.keys() ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...path.slice(path.indexOf(next)), next];
        cycles.push(loop.map((x, i) => (i < loop.length - 1 ? `${x} (${edges.get(x)!.get(loop[i + 1]!)})` : x)).join(' → '));
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(u, 'done');
  };
  for (const u of [...edges.keys()].sort()) if (!state.has(u)) visit(u);
  assert.deepEqual(cycles, []);
});

// Files still over the limit, each with the issue that splits it; the test fails once one is split, so the entry
// is removed then and cannot hide a new long file.
const KNOWN_LONG = new Map<string, string>([]);

test('no source file over 400 lines (data tables belong in .json)', () => {
  const long = files.map((f) => ({ f: relative(SRC, f).split(sep).join('/'), n: readFileSync(f, 'utf8').split('\n').length })).filter((x) => x.n > 400);
  assert.deepEqual(long.filter((x) => !KNOWN_LONG.has(x.f)).map((x) => `${x.f}: ${x.n} lines`), []);
  for (const f of KNOWN_LONG.keys()) assert.ok(long.some((x) => x.f === f), `${f} is no longer over 400 lines: remove it from KNOWN_LONG`);
});
