// Issue #11 (4): the batch discount only where the provider sells a batch API (dated table), else none + a note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimate } from '../../src/core/economics/estimate';
import { BATCH_OFFERS } from '../../src/core/catalog/batch';
import { lookupApiPrice, getSnapshotCatalog } from '../../src/core/catalog/prices';

const run = (model: string, batch: boolean) => {
  const r = estimate({ workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100, daysPerMonth: 30 }, api: { model, batch } }, { catalog: getSnapshotCatalog() });
  assert.ok(r.ok);
  return r.result;
};

test('every batch offer has a source and a date', () => {
  for (const [p, o] of Object.entries(BATCH_OFFERS)) {
    assert.ok(o.discount > 0 && o.discount < 1, p);
    assert.match(o.asOf, /^\d{4}-\d{2}-\d{2}$/, p);
    assert.ok(o.source.length > 20, p);
  }
});

test('OpenAI batch: half price, recomputed by hand', () => {
  const p = lookupApiPrice(getSnapshotCatalog(), 'gpt-4o');
  assert.ok(p.ok);
  const full = (500 * p.price.inputUsdPerMTok + 100 * p.price.outputUsdPerMTok) / 1e6;
  assert.ok(Math.abs(run('gpt-4o', true).api.costPerRequestUsd - full * 0.5) < 1e-15);
  assert.ok(Math.abs(run('gpt-4o', false).api.costPerRequestUsd - full) < 1e-15);
});

test('DeepSeek has no batch API: batch=true changes nothing and says so', () => {
  const off = run('deepseek-chat', false);
  const on = run('deepseek-chat', true);
  assert.equal(on.api.costPerRequestUsd, off.api.costPerRequestUsd);
  assert.ok(on.notes.some((n) => /batch: no batch API recorded/.test(n)), on.notes.join('\n'));
});

test('scenario prices with batch keep the 50 % the user asked for', () => {
  const r = estimate({ workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100 }, api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15, batch: true } }, { catalog: getSnapshotCatalog() });
  assert.ok(r.ok);
  assert.ok(Math.abs(r.result.api.costPerRequestUsd - 0.0015) < 1e-15);
});

test('price corrections: the provider page wins over an older snapshot, and the source names it', async () => {
  const { PRICE_CORRECTIONS } = await import('../../src/core/catalog/price-corrections');
  const d = lookupApiPrice(getSnapshotCatalog(), 'deepseek-chat');
  assert.ok(d.ok);
  assert.deepEqual([d.price.inputUsdPerMTok, d.price.outputUsdPerMTok, d.price.cachedInputUsdPerMTok], [0.28, 0.42, 0.028]);
  assert.match(d.price.source, /^api-docs\.deepseek\.com\/quick_start\/pricing \(read 2026-12-02; corrects @pydantic\/genai-prices/);
  assert.equal(d.price.asOf, '2026-12-02');
  const m = lookupApiPrice(getSnapshotCatalog(), 'mistral-large-latest');
  assert.ok(m.ok);
  assert.deepEqual([m.price.inputUsdPerMTok, m.price.outputUsdPerMTok, m.price.modelId], [0.5, 1.5, 'mistral-large-2512']);
  assert.match(m.price.source, /^mistral\.ai\/pricing#api-pricing \(read 2026-12-02: mistral-large-latest = mistral-large-2512/);
  const pinned = lookupApiPrice(getSnapshotCatalog(), 'mistral-large-2411');
  assert.ok(pinned.ok && pinned.price.inputUsdPerMTok === 2, 'look-alike: the pinned Large 2 keeps its price');
  const g = lookupApiPrice(getSnapshotCatalog(), 'gpt-4o');
  assert.ok(g.ok && !/corrects/.test(g.price.source), 'look-alike: an uncorrected model keeps the snapshot source');
  for (const c of PRICE_CORRECTIONS) assert.match(c.checked, /^\d{4}-\d{2}-\d{2}$/);
  // deepseek-chat at 500 in / 100 out: (500 × 0.28 + 100 × 0.42) / 1e6 = 0.000182 per request
  assert.ok(Math.abs(run('deepseek-chat', false).api.costPerRequestUsd - 0.000182) < 1e-15);
});
