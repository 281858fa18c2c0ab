import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('src/core never imports vscode', () => {
  const offenders = walk('src/core').filter((f) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});

test('every command in src/extension/commands.ts is contributed in package.json, and vice versa', () => {
  const ids = [...readFileSync('src/extension/commands.ts', 'utf8').matchAll(/'(llmCostLens\.[A-Za-z.]+)'/g)].map((m) => m[1]).sort();
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(contributed, ids);
});

test('package.json: engines.vscode and @types/vscode agree (vsce rejects newer types), both ≤ 1.139', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const engine = String(pkg.engines.vscode).replace(/^\^/, '');
  const types = String(pkg.devDependencies['@types/vscode']).replace(/^\^/, '');
  assert.equal(types.split('.').slice(0, 2).join('.'), engine.split('.').slice(0, 2).join('.'));
  assert.ok(Number(engine.split('.')[1]) <= 139);
  assert.equal(pkg.bin['llm-cost-lens'], 'dist/cli.js');
  assert.ok(!pkg.activationEvents.includes('*'), 'activation must be late, never "*"');
});

test("zod is imported as a namespace (`import * as z from 'zod'`): `import { z }` bundles every locale (~360 KB more)", () => {
  const offenders = walk('src').filter((f) => /import\s*\{\s*z\s*\}\s*from\s*['"]zod['"]/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(offenders, []);
});
