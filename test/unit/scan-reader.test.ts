import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceReader } from '../../src/core/scan/reader';

test("workspaceReader.exists answers as existsSync, and readFile agrees with it, in either order", () => {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-reader-'));
  try {
    writeFileSync(join(root, 'config.py'), 'MODEL = "gpt-4o"\n');
    mkdirSync(join(root, 'pkg'));
    writeFileSync(join(root, 'pkg', '__init__.py'), '');
    symlinkSync('config.py', join(root, 'alias.py'));
    symlinkSync('nowhere.py', join(root, 'dangling.py'));
    symlinkSync('pkg', join(root, 'pkglink'));
    const paths = ['config.py', 'pkg', 'pkg/__init__.py', 'alias.py', 'dangling.py', 'pkglink', 'missing.py', 'config.py/x.py', 'pkg/missing/__init__.py', 'a\u0000b.py'];
    for (const order of ['exists first', 'readFile first'] as const) {
      const r = workspaceReader(root);
      for (const p of paths) {
        const expectedExists = !p.includes('\u0000') && existsSync(join(root, p));
        const expectedText = p === 'config.py' || p === 'alias.py' ? 'MODEL = "gpt-4o"\n' : p === 'pkg/__init__.py' ? '' : null;
        if (order === 'readFile first') assert.equal(r.readFile(p), expectedText, `${order}: readFile ${p}`);
        for (let k = 0; k < 2; k++) assert.equal(r.exists(p), expectedExists, `${order}: exists ${p} (probe ${k + 1})`);
        assert.equal(r.readFile(p), expectedText, `${order}: readFile ${p} after exists`);
      }
      assert.equal(r.exists('../outside.py'), false);
      assert.equal(r.exists('/etc/passwd'), false);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a reader answers for one scan: what it found stays its answer (a new scan makes a new reader)', () => {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-reader-'));
  try {
    const r = workspaceReader(root);
    assert.equal(r.exists('late.py'), false);
    writeFileSync(join(root, 'late.py'), 'x = 1\n');
    assert.equal(r.exists('late.py'), false);
    assert.equal(r.readFile('late.py'), null);
    const next = workspaceReader(root);
    assert.equal(next.exists('late.py'), true);
    assert.equal(next.readFile('late.py'), 'x = 1\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
