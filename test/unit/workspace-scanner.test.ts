// WorkspaceScanner (the editor's incremental index): after files are created, changed and deleted, its result must
// equal a fresh `scanWorkspace` of the same tree — ignored and excluded files, settings and dependencies included —
// while detecting only what changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { scanWorkspace, type ScanResult } from '../../src/core/scan/scan';
import { ScanCancelled, WorkspaceScanner } from '../../src/core/scan/workspaceScanner';
import { catalogFromData, getSnapshotCatalog, SNAPSHOT } from '../../src/core/catalog/prices';

const CALL_PY = (model: string) =>
  `from openai import OpenAI\nclient = OpenAI()\ndef ask(q):\n    return client.chat.completions.create(model="${model}", messages=[{"role": "user", "content": q}])\n`;
const CALL_TS = `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport async function tag(t: string) {\n  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: t }] });\n}\n`;

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-scanner-'));
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  return root;
}

let tick = 0;
function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
  // A distinct mtime per write, as a real edit seconds apart would have.
  const t = new Date(Date.UTC(2026, 0, 1) + ++tick * 1000);
  utimesSync(join(root, rel), t, t);
}

/** A fresh scan of the same tree: a new engine context, so no detection is reused. */
async function fresh(root: string): Promise<ScanResult> {
  return scanWorkspace(root);
}

async function assertSameAsFresh(scanner: WorkspaceScanner, what: string): Promise<ScanResult> {
  const r = scanner.result();
  assert.deepEqual(JSON.parse(JSON.stringify(r)), JSON.parse(JSON.stringify(await fresh(scanner.root))), what);
  return r;
}

test('after creating, changing and deleting files the incremental result equals a fresh scan', async () => {
  const root = workspace({
    '.gitignore': 'ignored/\n',
    '.vscode/settings.json': '{ "files.exclude": { "excluded/**": true }, "llmCostLens.requestsPerDay": 500 }',
    'app/config.py': 'MODEL = "gpt-4o"\n',
    'app/main.py': 'from openai import OpenAI\nfrom app.config import MODEL\nclient = OpenAI()\ndef f(q):\n    return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": q}])\n',
    'app/review.py': 'from openai import OpenAI\nclient = OpenAI()\ndef review(sql):\n    with open("prompts/review.txt") as f:\n        instructions = f.read()\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": instructions}, {"role": "user", "content": sql}])\n',
    'prompts/review.txt': 'Review this SQL.\n',
    'app/plain.py': 'print("no llm here")\n',
    'ignored/hidden.py': CALL_PY('gpt-4o'),
    'excluded/gone.py': CALL_PY('gpt-4o'),
  });
  const scanner = new WorkspaceScanner(root);
  const first = await scanner.scan();
  assert.equal(first.walked, true);
  let r = await assertSameAsFresh(scanner, 'first scan');
  assert.deepEqual(r.callSites.map((c) => c.file), ['app/main.py', 'app/review.py']);
  assert.deepEqual(r.skipped.map((s) => [s.file, s.reason]), [['excluded/gone.py', 'files.exclude'], ['ignored/', '.gitignore']]);

  // A new file: walks (metadata only) and detects just that file.
  write(root, 'web/tag.ts', CALL_TS);
  let u = await scanner.update(['web/tag.ts']);
  assert.deepEqual(u, { analysed: 1, walked: true });
  r = await assertSameAsFresh(scanner, 'after creating web/tag.ts');
  assert.ok(r.callSites.some((c) => c.file === 'web/tag.ts'));

  // An imported constant changes: the importer is detected again, nothing is walked.
  write(root, 'app/config.py', 'MODEL = "gpt-4o-mini"\n');
  u = await scanner.update(['app/config.py']);
  assert.deepEqual(u, { analysed: 2, walked: false });
  r = await assertSameAsFresh(scanner, 'after changing app/config.py');
  assert.equal(r.callSites.find((c) => c.file === 'app/main.py')!.model, 'gpt-4o-mini');

  // A prompt file read at run time (not itself scanned) changes: its reader is detected again.
  const before = r.callSites.find((c) => c.file === 'app/review.py')!.tokens.input;
  write(root, 'prompts/review.txt', 'Review this SQL for injection, correctness and performance; explain every finding in detail.\n');
  u = await scanner.update(['prompts/review.txt']);
  assert.deepEqual(u, { analysed: 1, walked: false });
  r = await assertSameAsFresh(scanner, 'after changing prompts/review.txt');
  assert.ok(r.callSites.find((c) => c.file === 'app/review.py')!.tokens.input > before);

  // A content change with no dependents: one file.
  write(root, 'web/tag.ts', CALL_TS.replace('gpt-4o-mini', 'gpt-4o'));
  u = await scanner.update(['web/tag.ts']);
  assert.deepEqual(u, { analysed: 1, walked: false });
  await assertSameAsFresh(scanner, 'after editing web/tag.ts');

  // Deleting a file.
  rmSync(join(root, 'web/tag.ts'));
  u = await scanner.update(['web/tag.ts']);
  assert.equal(u.walked, true);
  r = await assertSameAsFresh(scanner, 'after deleting web/tag.ts');
  assert.ok(!r.callSites.some((c) => c.file === 'web/tag.ts'));

  // A file created inside a .gitignore'd folder stays out; un-ignoring the folder brings both in.
  write(root, 'ignored/more.py', CALL_PY('gpt-4o-mini'));
  await scanner.update(['ignored/more.py']);
  r = await assertSameAsFresh(scanner, 'after creating ignored/more.py');
  assert.ok(!r.callSites.some((c) => c.file.startsWith('ignored/')));
  write(root, '.gitignore', '# nothing ignored\n');
  await scanner.update(['.gitignore']);
  r = await assertSameAsFresh(scanner, 'after emptying .gitignore');
  assert.deepEqual(r.callSites.filter((c) => c.file.startsWith('ignored/')).map((c) => c.file), ['ignored/hidden.py', 'ignored/more.py']);

  // Settings: a volume change re-costs without detecting; a files.exclude change walks again.
  write(root, '.vscode/settings.json', '{ "files.exclude": { "excluded/**": true }, "llmCostLens.requestsPerDay": 2000 }');
  u = await scanner.update(['.vscode/settings.json']);
  assert.deepEqual(u, { analysed: 0, walked: false });
  r = await assertSameAsFresh(scanner, 'after changing requestsPerDay');
  assert.ok(r.callSites.every((c) => c.volume.requestsPerDay === 2000));
  write(root, '.vscode/settings.json', '{ "files.exclude": { "ignored/**": true }, "llmCostLens.requestsPerDay": 2000 }');
  u = await scanner.update(['.vscode/settings.json']);
  assert.equal(u.walked, true);
  r = await assertSameAsFresh(scanner, 'after changing files.exclude');
  assert.ok(r.callSites.some((c) => c.file === 'excluded/gone.py'));
  assert.ok(!r.callSites.some((c) => c.file.startsWith('ignored/')));

  // A deleted folder is one event for the folder.
  rmSync(join(root, 'excluded'), { recursive: true });
  u = await scanner.update(['excluded']);
  assert.equal(u.walked, true);
  r = await assertSameAsFresh(scanner, 'after deleting the folder excluded/');
  assert.ok(!r.callSites.some((c) => c.file.startsWith('excluded/')));

  // Unrelated files do not count as changes at all.
  write(root, 'notes.md', '# notes\n');
  assert.equal(scanner.isRelevant('notes.md'), false);
  assert.equal(scanner.isRelevant('prompts/review.txt'), true);
  assert.equal(scanner.isRelevant('app/new.py'), true);
});

test('a notebook is indexed and updated like any other file', async () => {
  const nb = (model: string) => JSON.stringify({
    metadata: { language_info: { name: 'python' } },
    cells: [
      { cell_type: 'markdown', source: ['# Notes\n'] },
      { cell_type: 'code', source: ['from openai import OpenAI\n', 'client = OpenAI()\n'] },
      { cell_type: 'code', source: [`r = client.chat.completions.create(model="${model}", messages=[{"role": "user", "content": "hi"}])\n`] },
    ],
  }, null, 1);
  const root = workspace({ 'nb/eval.ipynb': nb('gpt-4o') });
  const scanner = new WorkspaceScanner(root);
  await scanner.scan();
  let r = await assertSameAsFresh(scanner, 'notebook, first scan');
  assert.deepEqual(r.callSites.map((c) => [c.file, c.cell, c.line, c.model]), [['nb/eval.ipynb', 1, 1, 'gpt-4o']]);
  write(root, 'nb/eval.ipynb', nb('gpt-4o-mini'));
  await scanner.update(['nb/eval.ipynb']);
  r = await assertSameAsFresh(scanner, 'notebook, after a change');
  assert.equal(r.callSites[0]!.model, 'gpt-4o-mini');
});

test('a cancelled scan throws ScanCancelled; progress counts the files; a later scan completes with the same result', async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 6; i++) files[`app/f${i}.py`] = CALL_PY(i % 2 ? 'gpt-4o' : 'gpt-4o-mini');
  const root = workspace(files);
  const scanner = new WorkspaceScanner(root);
  let seen = 0;
  await assert.rejects(scanner.scan({ isCancelled: () => seen >= 3, onProgress: (done) => (seen = done), yieldEveryMs: 0 }), ScanCancelled);
  assert.equal(scanner.ready, false);
  const progress: [number, number][] = [];
  await scanner.scan({ onProgress: (done, total) => progress.push([done, total]) });
  assert.equal(scanner.ready, true);
  // The three files analysed before the cancel keep their results (same size and mtime): three are left.
  assert.deepEqual(progress, [[0, 3], [1, 3], [2, 3], [3, 3]]);
  const r = await assertSameAsFresh(scanner, 'after a cancelled then completed scan');
  assert.equal(r.callSites.length, 6);
});

test('a walk also re-detects files whose size or mtime changed without an event (e.g. a missed watcher event)', async () => {
  const root = workspace({ 'app/a.py': CALL_PY('gpt-4o'), 'app/b.py': 'print(1)\n' });
  const scanner = new WorkspaceScanner(root);
  await scanner.scan();
  write(root, 'app/b.py', CALL_PY('gpt-4o-mini')); // no update() for it
  write(root, 'app/c.py', CALL_PY('gpt-4o'));
  const u = await scanner.update(['app/c.py']);
  assert.deepEqual(u, { analysed: 2, walked: true });
  const r = await assertSameAsFresh(scanner, 'after a walk');
  assert.deepEqual(r.callSites.map((c) => c.file), ['app/a.py', 'app/b.py', 'app/c.py']);
});

test('reading unchanged settings again keeps the result (views are not re-rendered for nothing)', async () => {
  const root = workspace({ '.vscode/settings.json': '{ "llmCostLens.requestsPerDay": 10 }', 'app/a.py': CALL_PY('gpt-4o') });
  const scanner = new WorkspaceScanner(root);
  await scanner.scan();
  const r = scanner.result();
  assert.deepEqual(await scanner.update(['.vscode/settings.json']), { analysed: 0, walked: false });
  assert.equal(scanner.result(), r);
  write(root, '.vscode/settings.json', '{ "llmCostLens.requestsPerDay": 20 }');
  await scanner.update(['.vscode/settings.json']);
  assert.notEqual(scanner.result(), r);
  assert.equal(scanner.result().callSites[0]!.volume.requestsPerDay, 20);
});

test('a price catalog switched after the scan (Update Prices, downloaded prices loaded at start-up) re-costs the result', async () => {
  const root = workspace({ 'app/a.py': CALL_PY('gpt-4o-mini') });
  const scanner = new WorkspaceScanner(root);
  await scanner.scan();
  const before = scanner.result();
  const cheaper = structuredClone(SNAPSHOT);
  const mini = cheaper.providers.find((p) => p.id === 'openai')!.models.find((m) => m.id === 'gpt-4o-mini')!;
  mini.prices = { input_mtok: 0.015, output_mtok: 0.06 };
  try {
    scanner.engine.setCatalog(catalogFromData({ ...cheaper, version: null, asOf: '2026-10-05' }, { origin: 'downloaded', file: null, note: null }));
    const after = scanner.result();
    assert.notEqual(after, before, 'a new result for the new prices');
    assert.ok(Math.abs(after.callSites[0]!.cost!.api!.monthlyUsd - before.callSites[0]!.cost!.api!.monthlyUsd / 10) < 1e-9);
    assert.equal(after.callSites[0]!.cost!.api!.price.asOf, '2026-10-05');
    assert.ok(Math.abs(after.totals.apiMonthlyUsd - after.callSites[0]!.cost!.api!.monthlyUsd) < 1e-12);
    assert.equal(scanner.result(), after, 'and kept while the catalog stays');
  } finally {
    scanner.engine.setCatalog(getSnapshotCatalog());
  }
  assert.deepEqual(JSON.parse(JSON.stringify(scanner.result())), JSON.parse(JSON.stringify(before)));
});
