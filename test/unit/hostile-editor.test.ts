// Issue #17, item 7: the editor's tooltip escapes workspace names, settings writes are serialized, and keys
// named like Object.prototype members are refused (pure modules; the vscode wrappers only call them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statusTooltipMarkdown } from '../../src/core/format/statusTooltip';
import { createWriteQueue, reservedKeyError, withCallSiteFields, withOpenModelFor, type Entries } from '../../src/extension/settingsEdits';
import type { ScanResult } from '../../src/core/scan/scan';

test('status tooltip: file paths and model names are escaped (no link, no broken table)', () => {
  const r = { totals: {
    callSites: 2, daysPerMonth: 30, unpriced: 0, apiMonthlyUsd: 100, selfHostedMonthlyUsd: 50, verdict: 'hybrid',
    deployments: [{ openModel: 'x|y', gpus: 1, requestsPerDay: 10, apiMonthlyUsd: 5, monthlyUsd: 3 }],
    routing: { monthlyUsd: 50, selfHosted: ['[x](command:evil)#f', 'a|b.py#<module>'], api: [], hostedOpen: ['c|d.py#<module>'], savingsVsApiUsd: 50 },
  } } as unknown as ScanResult;
  const text = statusTooltipMarkdown(r);
  assert.ok(!text.includes('](command:'), text);
  assert.ok(text.includes('\\[x\\]\\(command:evil\\)\\#f'), text);
  assert.ok(text.includes('a\\|b.py\\#\\<module\\>'), text);
  assert.ok(text.includes('| · x\\|y: 1 GPU,'), text);
  assert.ok(text.includes('c\\|d.py\\#\\<module\\> to a hosted open model'), text);
});

test('settings writes: two quick read-modify-write edits through the queue both land', async () => {
  let stored: Entries = {};
  const enqueue = createWriteQueue();
  const edit = (key: string, value: number) => enqueue(async () => {
    const current = structuredClone(stored);
    await new Promise((r) => setTimeout(r, 10)); // the editor's config.update is asynchronous
    stored = withCallSiteFields(current, key, { requestsPerDay: value });
  });
  await Promise.all([edit('a.py#f', 1), edit('b.py#g', 2), enqueue(async () => { throw new Error('one failed write'); }).catch(() => {}), edit('a.py#f', 3)]);
  assert.deepEqual(stored, { 'a.py#f': { requestsPerDay: 3 }, 'b.py#g': { requestsPerDay: 2 } });
});

test('settings edits: prototype-named keys are refused; edits use own properties only', () => {
  assert.match(reservedKeyError('llmCostLens.openModelFor["__proto__"]', '__proto__') ?? '', /cannot be used as a key/);
  assert.equal(reservedKeyError('x', 'gpt-4o'), null);
  assert.deepEqual(withOpenModelFor({ 'GPT-4O': 'a' }, 'gpt-4o', 'llama-3.1-8b'), { 'gpt-4o': 'llama-3.1-8b' });
  assert.deepEqual(withOpenModelFor({ 'gpt-4o': 'a' }, 'gpt-4o', null), {});
  // `constructor` is not an entry of {}: the edit starts from an empty entry, not Object's constructor
  assert.deepEqual(withCallSiteFields({}, 'toString', { model: 'gpt-4o' }), { toString: { model: 'gpt-4o' } });
  assert.deepEqual(withCallSiteFields({ 'a.py#f': { requestsPerDay: 1, model: 'm' } }, 'a.py#f', { requestsPerDay: null, model: null }), {});
});
