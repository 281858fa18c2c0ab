// Issue #17, item 1: the walk never leaves the folder through a link, lists each folder and file once, and
// survives entries vanishing while it runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { walkWorkspace } from '../../src/core/scan/walk';
import { scanWorkspace } from '../../src/core/scan/scan';
import { mulberry32 } from './helpers/prng';
import { tempTree } from './helpers/tempTree';

const CALL = 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])\n';

const tree = (files: Record<string, string>) => tempTree(files, 'llm-cost-lens-walk-');

test('walk: `ln -s . loop` twice lists each file once and reports both links', async () => {
  const root = tree({ 'app/main.py': CALL });
  symlinkSync('.', join(root, 'loop1'));
  symlinkSync('.', join(root, 'loop2'));
  const w = walkWorkspace(root);
  assert.deepEqual(w.files, ['app/main.py']);
  assert.deepEqual(w.skipped.map((s) => [s.file, s.reason]), [['loop1', 'link to the folder itself (not followed)'], ['loop2', 'link to the folder itself (not followed)']]);
  const r = await scanWorkspace(root);
  assert.equal(r.callSites.length, 1);
});

test('walk: a link to a parent, to `/` or dangling is not followed; a link inside to inside is listed once', () => {
  const root = tree({ 'app/main.py': CALL, 'lib/util.py': CALL });
  symlinkSync('..', join(root, 'app', 'up'));
  symlinkSync('/', join(root, 'rootlink'));
  symlinkSync('nowhere', join(root, 'dangling.py'));
  symlinkSync('lib', join(root, 'alias'));           // walked before lib/: listed there, lib/ reported
  symlinkSync('app/main.py', join(root, 'zlink.py')); // walked after app/main.py: reported
  const w = walkWorkspace(root);
  assert.deepEqual(w.files, ['alias/util.py', 'app/main.py']);
  const reasons = Object.fromEntries(w.skipped.map((s) => [s.file, s.reason]));
  assert.equal(reasons['app/up'], 'link to the folder itself (not followed)');
  assert.equal(reasons['rootlink'], 'link to outside the folder (not followed)');
  assert.equal(reasons['dangling.py'], 'broken link (not followed)');
  assert.equal(reasons['lib/'], 'folder already listed as alias/');
  assert.equal(reasons['zlink.py'], 'link to a file already listed as app/main.py');
});

test('walk: a link up out of a subfolder (`ln -s .. app/sub/up`) does not copy the tree', async () => {
  const root = tree({ 'app/main.py': CALL });
  mkdirSync(join(root, 'app', 'sub'));
  symlinkSync('../..', join(root, 'app', 'sub', 'up'));
  symlinkSync('..', join(root, 'app', 'sub', 'up2'));
  const r = await scanWorkspace(root);
  assert.equal(r.callSites.length, 1);
  assert.deepEqual(r.skipped.map((s) => [s.file, s.reason]), [['app/sub/up', 'link to the folder itself (not followed)'], ['app/sub/up2/', 'link to a folder already listed as app/']]);
});

test('walk: files.exclude takes VS Code globs (braces, **, ?, classes); an unreadable .gitignore is a warning', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
  const root = tree({ 'a/x.py': CALL, 'b/x.py': CALL, 'c/x.py': CALL, 'd1.py': CALL, 'keep/.gitignore': '*.py\n', 'keep/k.py': CALL });
  chmodSync(join(root, 'keep', '.gitignore'), 0o000);
  const w = walkWorkspace(root, { '**/{a,b}': true, 'd[0-9].py': true });
  assert.deepEqual(w.files, ['c/x.py', 'keep/k.py']);
  assert.deepEqual(w.warnings, ['keep/.gitignore: unreadable (EACCES); its rules are not applied']);
});

test('walk: files.exclude braces and a bad glob', () => {
  const root = tree({ 'a/x.py': CALL, 'b/x.py': CALL, 'c/x.py': CALL, 'd1.py': CALL });
  const w = walkWorkspace(root, { '**/{a,b}': true, 'd[0-9].py': true, '{oops': true });
  assert.deepEqual(w.files, ['c/x.py']);
  assert.deepEqual(w.skipped.map((s) => s.file), ['a/', 'b/', 'd1.py']);
  assert.deepEqual(w.warnings, ['files.exclude: "{oops": unbalanced "{" in glob (ignored)']);
});

test('walk: seeded symlink trees never list a file twice nor anything outside the root', () => {
  const outside = tree({ 'secret.py': CALL });
  for (let seed = 1; seed <= 20; seed++) {
    const r = mulberry32(seed);
    const dirs = ['', 'a', 'a/b', 'c', 'c/d/e'];
    const files: Record<string, string> = {};
    for (const d of dirs) files[`${d ? `${d}/` : ''}f${Math.floor(r() * 3)}.py`] = CALL;
    const root = tree(files);
    const targets = ['.', '..', '../..', outside, '/', 'a', 'a/b', 'c/d', 'nope', 'a/f0.py'];
    for (let i = 0; i < 8; i++) {
      const at = dirs[Math.floor(r() * dirs.length)]!;
      mkdirSync(join(root, at), { recursive: true });
      try {
        symlinkSync(targets[Math.floor(r() * targets.length)]!, join(root, at, `l${i}`));
      } catch { /* name taken */ }
    }
    const w = walkWorkspace(root);
    assert.equal(new Set(w.files).size, w.files.length, `seed ${seed}`);
    assert.ok(w.files.length <= Object.keys(files).length, `seed ${seed}: ${w.files.length} files listed from ${Object.keys(files).length}`);
    assert.ok(!w.files.some((f) => f.includes('secret')), `seed ${seed}`);
  }
});

test('walk: files and folders vanishing during the walk are left out, the scan completes', async () => {
  for (let seed = 1; seed <= 15; seed++) {
    const r = mulberry32(seed);
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`d${i % 6}/f${i}.py`] = i % 5 ? 'x = 1\n' : CALL;
    const root = tree(files);
    const names = Object.keys(files);
    // Churn: delete files and folders on every turn of the event loop while the scan runs.
    let stop = false;
    const churn = async () => {
      while (!stop && names.length) {
        const victim = names.splice(Math.floor(r() * names.length), 1)[0]!;
        rmSync(join(root, r() < 0.2 ? dirname(victim) : victim), { recursive: true, force: true });
        await new Promise((res) => setImmediate(res));
      }
    };
    const running = churn();
    const result = await scanWorkspace(root);
    stop = true;
    await running;
    assert.ok(Array.isArray(result.callSites), `seed ${seed}`);
  }
});
