// Issue #17, items 2–3: one pathological file never aborts a scan, never hangs it, and long concatenations are
// evaluated whole (no arbitrary depth limit changing the answer, no text compiled into a RegExp).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCalls } from '../../src/core/detect';
import { scanWorkspace } from '../../src/core/scan/scan';
import { takePlaceholders } from '../../src/core/scan/placeholderScan';
import { parseYamlBlock, MAX_FRONT_MATTER_DEPTH } from '../../src/core/prompts/frontMatter';
import * as h from './helpers/hostile';
import { tempTree } from './helpers/tempTree';

const workspace = (files: Record<string, string>) => tempTree(files, 'llm-cost-lens-hostile-');

const joined = (terms: number, word = 'hello world ') => Array.from({ length: terms }, (_, i) => `${word}${i} `).join('');

test('front matter nested deeper than the limit: that file is skipped with the reason, the others are scanned', async () => {
  const root = workspace({
    'flow.prompt': h.deepFlowFrontMatter(5_000),
    'block.prompty': h.deepFrontMatter(MAX_FRONT_MATTER_DEPTH + 5),
    'ok.prompty': h.deepFrontMatter(8),
    'app.py': h.pyConcat(3),
  });
  const r = await scanWorkspace(root);
  assert.deepEqual(r.skipped, [
    { file: 'block.prompty', reason: `front matter: nested deeper than ${MAX_FRONT_MATTER_DEPTH} levels` },
    { file: 'flow.prompt', reason: `front matter: nested deeper than ${MAX_FRONT_MATTER_DEPTH} levels` },
  ]);
  assert.deepEqual(r.callSites.map((c) => c.file), ['app.py', 'ok.prompty']);
});

test('front matter: keys and comments on long lines are read in linear time', () => {
  const t0 = performance.now();
  const v = parseYamlBlock([`model: ${'a '.repeat(200_000)}b # note`, `x${' '.repeat(200_000)}y: 1`, 'ok: 2']);
  assert.ok(performance.now() - t0 < 1_000);
  assert.equal(v['ok'], 2);
  assert.equal((v['model'] as string).endsWith('a b'), true);
});

test('TS concatenation of 40 and of 200 literals is evaluated whole (was: one 100-token placeholder)', async () => {
  for (const terms of [40, 200]) {
    const r = await detectCalls('a.ts', h.tsConcat(terms), undefined, { timeBudgetMs: 60_000 });
    assert.equal(r.calls.length, 1, `${terms} terms`);
    const part = r.calls[0]!.promptParts.find((p) => p.role === 'user')!;
    assert.equal(part.text, joined(terms), `${terms} terms`);
    assert.deepEqual(part.placeholders, []);
  }
});

test('Python concatenation of 2,000 literals is evaluated whole; a runtime part is one placeholder named by its code', async () => {
  const r = await detectCalls('a.py', h.pyConcat(2_000), undefined, { timeBudgetMs: 60_000 });
  const part = r.calls[0]!.promptParts.find((p) => p.role === 'user')!;
  assert.equal(part.text, joined(2_000));
  const mixed = await detectCalls('b.py', 'from openai import OpenAI\nclient = OpenAI()\np = "a" + x + "b" + "c"\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": p}])\n');
  const m = mixed.calls[0]!.promptParts.find((p) => p.role === 'user')!;
  assert.equal(m.text, 'a{x}bc');
  assert.deepEqual(m.placeholders, ['x']);
});

test('a long concatenation in a scan: no RegExp error, no input echoed, the call is costed or skipped in one line', async () => {
  const root = workspace({ 'big.py': h.pyConcat(20_000), 'big.ts': h.tsConcat(2_000) });
  const r = await scanWorkspace(root);
  for (const s of r.skipped) assert.ok(!s.reason.includes('\n') && s.reason.length < 200, s.reason);
  assert.equal(r.callSites.length + r.skipped.length, 2);
});

test('placeholders are found without RegExps: any name, any count, prototype names', () => {
  const names = new Set(['p', 'a.b', 'constructor', '(x) => y', 'toString']);
  const { rest, counts } = takePlaceholders('{{p}} ${ a.b } {constructor!r:>10} {(x) => y} {{ toString }} {q} {p', names);
  assert.equal(rest, '     {q} {p');
  assert.deepEqual([...counts], [['p', 1], ['a.b', 1], ['constructor', 1], ['(x) => y', 1], ['toString', 1]]);
  const t0 = performance.now();
  const many = takePlaceholders('{{p}} '.repeat(50_000), new Set(['p']));
  assert.equal(many.counts.get('p'), 50_000);
  assert.ok(performance.now() - t0 < 1_000);
});

test('a prompt file with 50,000 {{p}} on one line is costed at 50,000 placeholders, quickly', async () => {
  const root = workspace({ 'many.prompt': h.manyPlaceholders(50_000) });
  const r = await scanWorkspace(root);
  assert.equal(r.callSites.length, 1);
  assert.equal(r.callSites[0]!.tokens.parts[0]!.placeholders[0]!.tokens, 50_000 * 100);
});

test('deep syntax trees (20,000 nested arrows, 50,000 nested Python calls) finish within the budget or are skipped', async () => {
  const root = workspace({ 'arrows.ts': h.tsNestedArrows(20_000), 'calls.py': h.pyNestedCalls(50_000), 'lists.py': h.pyNestedLists(50_000) });
  const t0 = performance.now();
  const r = await scanWorkspace(root);
  // three files × the 3 s budget, with room for a loaded machine; before the fix this took minutes
  assert.ok(performance.now() - t0 < 30_000, `${performance.now() - t0} ms`);
  for (const s of r.skipped) assert.equal(s.reason, 'over the time budget');
  assert.equal(r.callSites.length + r.skipped.length, 3);
});

test('hostile fuzz corpus (seeded): every file is costed or skipped with a one-line reason, the scan completes', async () => {
  for (const seed of [1, 2, 3]) {
    const files = h.hostileCorpus(seed, 12, 0.1);
    const root = workspace(Object.fromEntries(files.map((f) => [f.path, f.text])));
    const r = await scanWorkspace(root);
    const seen = new Set([...r.callSites.map((c) => c.file), ...r.skipped.map((s) => s.file)]);
    for (const f of files) assert.ok(seen.has(f.path), `seed ${seed}: ${f.path} (${f.kind}) neither costed nor skipped`);
    for (const s of r.skipped) assert.ok(!s.reason.includes('\n') && s.reason.length < 200, `seed ${seed}: ${s.reason}`);
    for (const c of r.callSites) assert.ok(Number.isFinite(c.cost?.api?.monthlyUsd ?? 0) && (c.cost?.api?.monthlyUsd ?? 0) >= 0);
  }
});
