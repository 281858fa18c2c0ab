// Issue #17, items 4–5: hostile settings files and numbers. Own-property lookups, linear-time globs, BOM,
// unreadable settings, per-entry validation, schema bounds, "too large" for 1e400, no "-$0.00".
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings, own } from '../../src/core/settings';
import { readWorkspaceSettings } from '../../src/core/scan/scan';
import { openCounterpartFor } from '../../src/core/catalog/counterparts';
import { estimateFromInput } from '../../src/core/economics/estimate';
import { parseAnnotation } from '../../src/core/scan/annotation';
import { formatUsd } from '../../src/core/money';
import { LIMITS } from '../../src/core/config';

function folder(settings: string | null): string {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-settings-'));
  mkdirSync(join(root, '.vscode'));
  if (settings !== null) writeFileSync(join(root, '.vscode', 'settings.json'), settings);
  return root;
}

test('settings: keys named like Object.prototype members are unknown settings, not a crash', () => {
  const raw = JSON.parse('{"llmCostLens.constructor": 1, "llmCostLens.__proto__": 2, "llmCostLens.toString": 3, "llmCostLens": {"hasOwnProperty": 4, "valueOf": {"x": 1}}}');
  const r = readSettings(raw);
  assert.equal(r.warnings.length, 5, r.warnings.join('\n'));
  assert.ok(r.warnings.every((w) => w.endsWith('unknown setting (ignored)')));
  assert.equal(r.settings.requestsPerDay, 1000);
  assert.equal(own({ a: 1 }, 'constructor'), undefined);
});

test('settings: one bad entry in a record setting is dropped with a warning, the good ones are kept', () => {
  const r = readSettings({
    'llmCostLens.callSites': { 'a.py#f': { requestsPerDay: 5 }, 'b.py#g': { requestsPerDay: -1 }, __proto__: { requestsPerDay: 1 } },
    'llmCostLens.placeholders': { doc: 400, bad: 'lots', constructor: 7 },
    'llmCostLens.prices': { 'my-model': { inputUsdPerMTok: 1, outputUsdPerMTok: 2 }, broken: { inputUsdPerMTok: 1e6 } },
    'llmCostLens.openModelFor': { 'gpt-4o*': 'llama-3.1-8b', '{oops': 'llama-3.1-8b' },
  });
  assert.deepEqual(r.settings.callSites, { 'a.py#f': { requestsPerDay: 5 } });
  assert.deepEqual(r.settings.placeholders, { doc: 400, constructor: 7 });
  assert.deepEqual(Object.keys(r.settings.prices), ['my-model']);
  assert.deepEqual(r.settings.openModelFor, { 'gpt-4o*': 'llama-3.1-8b' });
  assert.deepEqual(r.warnings, [
    'llmCostLens.callSites["b.py#g"]: requestsPerDay: must not be negative (got -1) (entry ignored)',
    'llmCostLens.placeholders["bad"]: expected number, got string "lots" (entry ignored)',
    `llmCostLens.prices["broken"]: inputUsdPerMTok: must be at most ${LIMITS.usdPerMTok.toLocaleString('en-US')} (entry ignored)`,
    'llmCostLens.openModelFor["{oops"]: unbalanced "{" in glob (entry ignored)',
  ]);
});

test('settings file: a byte-order mark is accepted; a folder or an unreadable file gives defaults and one warning', () => {
  const bom = readWorkspaceSettings(folder('\ufeff{ "llmCostLens.requestsPerDay": 7 }'));
  assert.equal(bom.settings.requestsPerDay, 7);
  assert.deepEqual(bom.warnings, []);
  const dir = folder(null);
  mkdirSync(join(dir, '.vscode', 'settings.json'));
  const asFolder = readWorkspaceSettings(dir);
  assert.equal(asFolder.settings.requestsPerDay, 1000);
  assert.deepEqual(asFolder.warnings, ['.vscode/settings.json: unreadable (EISDIR) — using defaults']);
  if (process.getuid?.() !== 0) {
    const locked = folder('{ "llmCostLens.requestsPerDay": 7 }');
    chmodSync(join(locked, '.vscode', 'settings.json'), 0o000);
    assert.deepEqual(readWorkspaceSettings(locked).warnings, ['.vscode/settings.json: unreadable (EACCES) — using defaults']);
  }
});

test('openModelFor: a glob with 20 stars matches in linear time (was: a backtracking RegExp, 100 s)', () => {
  const t0 = performance.now();
  const c = openCounterpartFor(`gpt-4o-${'a'.repeat(3_000)}`, { [`${'*a'.repeat(20)}*b`]: 'llama-3.1-8b' });
  assert.ok(performance.now() - t0 < 2_000);
  assert.notEqual(c.source, 'override');
  assert.equal(openCounterpartFor('gpt-4o-mini', { 'GPT-4O*': 'llama-3.1-8b' }).model, 'llama-3.1-8b');
});

test('numbers: bounds in every schema, 1e400 is "too large", annotations are bounded, no "-$0.00"', () => {
  const scenario = (over: object) => ({ workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100 }, api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 }, ...over });
  const inf = estimateFromInput(JSON.parse('{"workload": {"requestsPerDay": 1e400, "inputTokens": 500, "outputTokens": 100}, "api": {"inputUsdPerMTok": 3, "outputUsdPerMTok": 15}}'), { catalog: getSnapshotCatalog() });
  assert.deepEqual(inf.ok ? [] : inf.problems, ['workload.requestsPerDay: too large (beyond the largest number)']);
  const huge = estimateFromInput(scenario({ api: { inputUsdPerMTok: 1e308, outputUsdPerMTok: 15 } }), { catalog: getSnapshotCatalog() });
  assert.deepEqual(huge.ok ? [] : huge.problems, [`api.inputUsdPerMTok: must be at most ${LIMITS.usdPerMTok.toLocaleString('en-US')}`]);
  // the largest values every bound allows still give finite money
  const max = estimateFromInput({
    workload: { requestsPerDay: LIMITS.requestsPerDay, inputTokens: LIMITS.tokens, outputTokens: LIMITS.tokens, daysPerMonth: 31 },
    api: { inputUsdPerMTok: LIMITS.usdPerMTok, outputUsdPerMTok: LIMITS.usdPerMTok },
    selfHosted: { fixedMonthlyUsd: LIMITS.usd, opsHoursPerMonth: 744, opsHourlyUsd: LIMITS.hourlyUsd, setupHours: LIMITS.hours, gpu: { hourlyUsd: LIMITS.hourlyUsd, count: LIMITS.gpus } },
  }, { catalog: getSnapshotCatalog() });
  assert.ok(max.ok);
  for (const v of [max.result.api.monthlyUsd, max.result.api.costPerRequestUsd, max.result.selfHosted!.monthlyUsd]) assert.ok(Number.isFinite(v) && v >= 0, String(v));
  assert.equal(parseAnnotation(`${'9'.repeat(400)}/day`).ok, false);
  assert.match((parseAnnotation(`calls=${'9'.repeat(400)}`) as { error: string }).error, /must be a number|at most/);
  assert.equal(parseAnnotation('calls=5000').ok, false);
  assert.equal(formatUsd(-2.8e-14), '$0');
  assert.equal(formatUsd(0.004), '$0');
  assert.equal(formatUsd(6.6), '$6.60');
});

test('restricted mode is applied by the one folder-settings reader: a settings file linked from outside is ignored', () => {
  const outside = mkdtempSync(join(tmpdir(), 'lcl-outside-'));
  writeFileSync(join(outside, 'settings.json'), '{ "llmCostLens.requestsPerDay": 7 }');
  const root = mkdtempSync(join(tmpdir(), 'lcl-linked-'));
  mkdirSync(join(root, '.vscode'));
  symlinkSync(join(outside, 'settings.json'), join(root, '.vscode', 'settings.json'));
  // Trusted (and the CLI): the linked file is the folder's settings.
  assert.equal(readWorkspaceSettings(root).settings.requestsPerDay, 7);
  const restricted = readWorkspaceSettings(root, { restricted: true });
  assert.equal(restricted.settings.requestsPerDay, 1000);
  assert.equal(restricted.file, null);
  assert.deepEqual(restricted.warnings, ['.vscode/settings.json resolves outside the workspace folder: ignored in restricted mode, using defaults']);
  // A file inside the folder is read in restricted mode too.
  assert.equal(readWorkspaceSettings(folder('{ "llmCostLens.requestsPerDay": 9 }'), { restricted: true }).settings.requestsPerDay, 9);
});
