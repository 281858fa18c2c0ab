// The totals' routing skips deployments whose floor (fixed + ops + setup) already loses to the best routing found:
// these tests pin that the floor is a true lower bound and that a partial deployment that does win is still found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { estimate } from '../../src/core/economics/estimate';
import { selfHostedCostInputs, selfHostedFloorMonthly } from '../../src/core/economics/selfHosted';
import type { Scenario } from '../../src/core/config';
import { readSettings } from '../../src/core/settings';
import { buildCallSite } from '../../src/core/scan/callSite';
import { computeTotals } from '../../src/core/scan/totals';
import { createEngineContext } from '../../src/core/engine/context';
import { openAiChatCall } from './helpers/detectedCall';

test('the self-hosted floor never exceeds the monthly self-hosted cost, bit for bit', () => {
  const gpus = [{ name: 'auto' }, { name: 'L4', count: 3 }, { name: 'H100', hourlyUsd: 0 }, { name: 'A100', owned: { usdPerKWh: 0.2 } }, { name: 'auto', offer: 'serverless' }];
  let checked = 0;
  for (const gpu of gpus) {
    for (const requestsPerDay of [0, 1, 1234.5, 3e6]) {
      for (const [fixed, opsHours, opsHourly, setupHours, months, variable] of [[0, 0, 0, 0, 12, 0], [20, 10, 100, 40, 12, 0], [0.1, 3, 60.7, 7, 7, 0.3], [1e6, 744, 1e3, 1e4, 1, 1e3]]) {
        for (const shape of [{}, { peakToAverage: 3, activeHoursPerDay: 10 }]) {
          const s = {
            workload: { requestsPerDay, inputTokens: 700, outputTokens: 300, daysPerMonth: 30, ...shape },
            api: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
            selfHosted: { model: 'llama-3.1-8b', precision: 'fp8', gpu, fixedMonthlyUsd: fixed, opsHoursPerMonth: opsHours, opsHourlyUsd: opsHourly, setupHours, setupAmortizationMonths: months, variableUsdPerMTok: variable, ...(gpu.offer ? { scaleToZero: true } : {}) },
          } as Scenario;
          const out = estimate(s, { catalog: getSnapshotCatalog() });
          if (!out.ok) continue;
          const floor = selfHostedFloorMonthly(selfHostedCostInputs(s, 0));
          const b = out.result.selfHosted;
          assert.ok(floor <= b.monthlyUsd, `${floor} > ${b.monthlyUsd} for ${JSON.stringify(s)}`);
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 100, `only ${checked} scenarios estimated`);
});

test('routing inside one group still finds the cheapest prefix when a partial deployment wins', () => {
  const engine = createEngineContext();
  // Four-thousand-token requests on pinned L4s: the last light call would need another GPU step that costs more
  // than its API bill, so the cheapest routing self-hosts five of the six calls of one open model (gpt-oss-20b).
  const settings = readSettings({ 'llmCostLens.hostedProviders': ['none'], 'llmCostLens.runtimePartTokens': 4000, 'llmCostLens.selfHosted.gpu': 'L4' });
  const runtime = { promptParts: [{ role: 'user', source: 'runtime' as const, text: null, placeholders: [] }] };
  const heavy = [1, 2, 3].map((i) => buildCallSite(engine, openAiChatCall({ line: i * 10, annotation: '40000/day', ...runtime }), settings));
  const light = [4, 5, 6].map((i) => buildCallSite(engine, openAiChatCall({ line: i * 10, model: 'gpt-4.1-nano', annotation: '10000/day', ...runtime }), settings));
  const sites = [...heavy, ...light];
  assert.equal(new Set(sites.map((c) => c.openModel.model)).size, 1);
  const t = computeTotals(engine, [...light, ...heavy], settings.settings);
  // Every prefix in the routing's order (highest API price per token first), each sized on its own.
  const options = sites.map((_, n) => (n === 0 ? 0 : computeTotals(createEngineContext(), sites.slice(0, n), settings.settings).deployments[0]!.monthlyUsd)
    + sites.slice(n).reduce((s, c) => s + c.cost!.api!.monthlyUsd, 0));
  const cheapest = Math.min(...options);
  assert.ok(options.indexOf(cheapest) > 0 && options.indexOf(cheapest) < sites.length, `a partial deployment wins here: ${options.join(', ')}`);
  assert.ok(Math.abs(t.routing.monthlyUsd - cheapest) <= 1e-9 * cheapest, `${t.routing.monthlyUsd} vs ${cheapest}`);
  assert.equal(t.routing.selfHosted.length, options.indexOf(cheapest));
  assert.equal(t.verdict, 'hybrid');
  assert.equal(t.deployments.length, 1);
  assert.equal(t.deployments[0]!.callSites.length, 6, 'the whole group is still the reported deployment');
});

test('routing: a group whose GPUs can never pay still reports its whole deployment and routes every call per token', () => {
  const engine = createEngineContext();
  const settings = readSettings({ 'llmCostLens.hostedProviders': ['none'] });
  const light = [1, 2, 3, 4].map((i) => buildCallSite(engine, openAiChatCall({ line: i * 10, annotation: '5/day' }), settings));
  const t = computeTotals(engine, light, settings.settings);
  assert.equal(t.deployments.length, 1);
  assert.equal(t.deployments[0]!.callSites.length, 4);
  assert.deepEqual(t.routing.selfHosted, []);
  assert.equal(t.verdict, 'api');
  assert.ok(t.deployments[0]!.monthlyUsd >= t.deployments[0]!.opsMonthlyUsd + t.deployments[0]!.setupMonthlyUsd);
});
