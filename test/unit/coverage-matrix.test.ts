// The committed coverage matrix (test/fixtures/COVERAGE.md) is what scripts/coverage-matrix.mjs generates from the
// fixtures' expected.json files, and every claimed (SDK, language) cell has a positive and a look-alike negative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

interface Model {
  summary: { sdk: string; language: string; positives: number; negatives: number }[];
  gaps: { sdk: string; language: string }[];
  cells: { sdk: string; language: string; shape: string; positives: number; negatives: number }[];
}

function runScript(flag: string): string {
  const r = spawnSync(process.execPath, ['scripts/coverage-matrix.mjs', flag], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

// Claimed cells that still lack a look-alike negative fixture. This list may only shrink: a new gap fails the test,
// and so does a gap that has been filled but is still listed here (remove it). The goal is an empty list.
const KNOWN_GAPS: string[] = [];

test('test/fixtures/COVERAGE.md is up to date (regenerate with `node scripts/coverage-matrix.mjs`)', () => {
  const committed = readFileSync('test/fixtures/COVERAGE.md', 'utf8');
  assert.equal(committed, runScript('--stdout'));
});

test('every claimed (SDK, language) cell has at least one positive and one look-alike negative', () => {
  const model = JSON.parse(runScript('--json')) as Model;
  assert.ok(model.summary.length > 0, 'no cells: the fixtures were not found');
  const claimed = model.summary.filter((s) => s.positives > 0);
  for (const s of claimed) assert.ok(s.positives >= 1, `${s.sdk} × ${s.language}`);
  const missing = claimed.filter((s) => s.negatives === 0).map((s) => `${s.sdk} × ${s.language}`);
  assert.deepEqual(missing.sort(), [...KNOWN_GAPS].sort(), 'claimed cells without a look-alike negative (see test/fixtures/COVERAGE.md, Gaps)');
  assert.deepEqual(model.gaps.map((g) => `${g.sdk} × ${g.language}`).sort(), missing.sort());
});

test('the core SDKs are claimed in Python and TypeScript, each with positives', () => {
  const model = JSON.parse(runScript('--json')) as Model;
  for (const sdk of ['openai', 'anthropic', 'google', 'bedrock', 'langchain', 'http'])
    for (const language of ['python', 'typescript']) {
      const s = model.summary.find((x) => x.sdk === sdk && x.language === language);
      assert.ok(s && s.positives > 0, `${sdk} × ${language} has no positive fixture`);
    }
});
