// Owned GPUs (purchase + power) and a fixed hybrid share from workspace settings reach each call site's estimate
// exactly as the equivalent scenario file would (the `estimate` engine's gpu.owned and hybrid.selfHostedShare).
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettings } from '../../src/core/settings';
import { buildCallSite } from '../../src/core/scan/callSite';
import { callScenario } from '../../src/core/economics/callScenario';
import { estimate } from '../../src/core/economics/estimate';
import { ownedMonthlyUsd } from '../../src/core/economics/ownership';
import { resolveGpu } from '../../src/core/catalog/gpus';
import type { DetectedCall } from '../../src/core/detect/types';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

const call: DetectedCall = {
  file: 'app/x.py', line: 10, column: 5, endLine: 14, language: 'python', sdk: 'anthropic', api: 'messages.create', kind: 'chat',
  model: 'claude-sonnet-4-6', modelSource: 'literal', maxTokens: null, reasoningTokens: null, streaming: false, endpoint: 'api', baseUrl: null,
  qualifiedName: 'handle', annotation: '40000/day', confidence: 1,
  promptParts: [{ role: 'user', source: 'literal', text: 'Classify this ticket into one of five queues.', placeholders: [] }],
};

// A purchase price is per GPU type: these tests pin the GPU (the default, "auto", picks the cheapest that fits).
const pinned = { 'llmCostLens.selfHosted.gpu': 'H100-SXM' };

test('owned GPUs: the GPU-hour is purchase ÷ amortization months + power, per hour; rent is ignored with a note', () => {
  const raw = {
    'llmCostLens.selfHosted.gpuOwnership': 'owned', 'llmCostLens.selfHosted.gpuPurchaseUsd': 24000, 'llmCostLens.selfHosted.gpuAmortizationMonths': 24,
    'llmCostLens.selfHosted.powerUsdPerKWh': 0.2, 'llmCostLens.selfHosted.pue': 1.5, 'llmCostLens.selfHosted.gpuHourlyUsd': 9, ...pinned,
  };
  const ws = readSettings(raw);
  assert.deepEqual(ws.warnings, []);
  const site = buildCallSite(engine, call, ws);
  const a = site.cost!.assumptions;
  const gpu = resolveGpu('H100-SXM');
  const perGpu = ownedMonthlyUsd({ purchaseUsd: 24000, amortizationMonths: 24, count: 1, tdpWatts: gpu.tdpWatts, usdPerKWh: 0.2, pue: 1.5 });
  assert.equal(perGpu.amortizationMonthlyUsd, 1000);
  assert.equal(a['owned.amortizationMonthlyUsdPerGpu'], 1000);
  assert.equal(a['owned.powerMonthlyUsdPerGpu'], perGpu.powerMonthlyUsd);
  assert.equal(a.gpuHourlyUsd, perGpu.monthlyUsd / 730);
  assert.equal(a.gpuPriceBasis, 'owned (scenario purchase price)');
  const gpus = site.cost!.selfHosted!.capacity.gpusNeeded!;
  assert.ok(Math.abs(site.cost!.selfHosted!.computeMonthlyUsd - gpus * perGpu.monthlyUsd) < 1e-9);
  assert.ok(site.cost!.notes.some((n) => /gpuHourlyUsd \(9\) is not used/.test(n)));

  // Same as a scenario file with gpu.owned, and cheaper than renting at the catalog price.
  const rented = buildCallSite(engine, call, readSettings(pinned));
  assert.ok(site.cost!.selfHosted!.computeMonthlyUsd < rented.cost!.selfHosted!.computeMonthlyUsd);
  const catalogPrice = buildCallSite(engine, call, readSettings({ 'llmCostLens.selfHosted.gpuOwnership': 'owned', ...pinned }));
  assert.match(String(catalogPrice.cost!.assumptions.gpuPriceBasis), /^owned \(catalog purchase price/);
  assert.equal(catalogPrice.cost!.assumptions['owned.purchaseUsd'], gpu.purchaseUsd);
});

test('owned-GPU settings: bounds give a warning naming the key and the default is used', () => {
  const r = readSettings({ 'llmCostLens.selfHosted.pue': 0.9, 'llmCostLens.selfHosted.gpuOwnership': 'leased', 'llmCostLens.hybrid.selfHostedShare': 1.2 });
  assert.equal(r.settings['selfHosted.pue'], 1.3);
  assert.equal(r.settings['selfHosted.gpuOwnership'], 'rented');
  assert.equal(r.settings['hybrid.selfHostedShare'], null);
  assert.equal(r.warnings.length, 3);
  assert.match(r.warnings.join('\n'), /^llmCostLens\.selfHosted\.pue: must be at least 1/m);
  assert.match(r.warnings.join('\n'), /^llmCostLens\.hybrid\.selfHostedShare: must be between 0 and 1/m);
});

test('hybrid share: each call site is costed at that split (API for the rest), as estimate does with hybrid.selfHostedShare', () => {
  const ws = readSettings({ 'llmCostLens.hybrid.selfHostedShare': 0.5 });
  const site = buildCallSite(engine, call, ws);
  assert.equal(site.volume.requestsPerDay, 40000);
  const h = site.cost!.hybrid!;
  assert.equal(h.selfHostedShare, 0.5);
  const scenario = callScenario(ws.settings, 'claude-sonnet-4-6', 'llama-3.3-70b', 40000, site.tokens.input, site.tokens.output);
  const direct = estimate({ ...scenario, hybrid: { selfHostedShare: 0.5 } }, { catalog: getSnapshotCatalog() });
  assert.ok(direct.ok);
  assert.equal(h.monthlyUsd, direct.result.hybrid!.monthlyUsd);
  assert.ok(Math.abs(h.apiMonthlyUsd - site.cost!.api!.monthlyUsd / 2) < 1e-9);
  // Without the setting there is no fixed split: the call site carries the engine's own (best) split, exactly.
  const none = buildCallSite(engine, call, readSettings({}));
  const free = estimate(callScenario(readSettings({}).settings, 'claude-sonnet-4-6', 'llama-3.3-70b', 40000, none.tokens.input, none.tokens.output), { catalog: getSnapshotCatalog() });
  assert.ok(free.ok);
  assert.deepEqual(none.cost!.hybrid ?? null, free.result.hybrid ?? null);
});

test('hybrid share: echoed in the call site\'s assumptions and shown in the hover with its split', async () => {
  const { hoverMarkdown } = await import('../../src/core/format/hoverText');
  const site = buildCallSite(engine, call, readSettings({ 'llmCostLens.hybrid.selfHostedShare': 0.25 }));
  assert.equal(site.cost!.assumptions['hybrid.selfHostedShare'], 0.25);
  const text = hoverMarkdown(site, { openPanel: 'llmCostLens.openPanel' });
  const row = text.split('\n').find((l) => l.startsWith('| Hybrid 25% |'));
  assert.ok(row, text);
  const h = site.cost!.hybrid!;
  assert.match(row, new RegExp(`\\*\\*\\$${Math.round(h.monthlyUsd).toLocaleString('en-US')}/mo\\*\\* = API`));
  const plain = hoverMarkdown(buildCallSite(engine, call, readSettings({})), { openPanel: 'llmCostLens.openPanel' });
  assert.ok(!/\| Hybrid \d+% \|/.test(plain));
});
