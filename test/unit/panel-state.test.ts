import { test } from 'node:test';
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import assert from 'node:assert/strict';
import { scanWorkspace, readWorkspaceSettings } from '../../src/core/scan/scan';
import { callSiteId, chartFor, validateSetting, workspaceView, WORKSPACE_TARGET } from '../../src/core/format/panelState';
import { ASSUMPTION_KEYS, workspaceViewSchema } from '../../src/core/protocol/messages';
import { SETTINGS } from '../../src/core/settings';
import { parseControl } from '../../src/webview/assumptions';
import { sortRows } from '../../src/webview/callSiteTable';

test('workspace view: one row per scanned call site with the scan\'s own figures, and the totals', async () => {
  const scan = await scanWorkspace('examples');
  const ws = readWorkspaceSettings('examples');
  const view = workspaceViewSchema.parse(workspaceView(scan, ws, 'examples'));
  assert.equal(view.callSites.length, scan.callSites.length);
  for (const [i, c] of scan.callSites.entries()) {
    const r = view.callSites[i]!;
    assert.equal(r.id, callSiteId(c));
    assert.equal(r.apiMonthlyUsd, c.cost?.api?.monthlyUsd ?? null);
    assert.equal(r.selfHostedMonthlyUsd, c.cost?.selfHosted?.monthlyUsd ?? null);
    assert.equal(r.requestsPerDay, c.volume.requestsPerDay);
    assert.equal(r.inputTokens, c.tokens.input);
  }
  assert.equal(view.totals?.apiMonthlyUsd, scan.totals.apiMonthlyUsd);
  assert.equal(view.totals?.routingMonthlyUsd, scan.totals.routing.monthlyUsd);
  assert.deepEqual(Object.keys(view.assumptions.values), [...ASSUMPTION_KEYS]);
  assert.ok(view.assumptions.gpus.some((g) => g.id === 'H100-SXM'));
});

test('chart of a call site: its current-volume marker is its calls/day; the workspace chart prices the deployment\'s API total', async () => {
  const scan = await scanWorkspace('examples');
  const ws = readWorkspaceSettings('examples');
  const c = scan.callSites.find((x) => x.cost?.api && x.cost.selfHosted)!;
  const chart = chartFor(getSnapshotCatalog(), scan, ws, callSiteId(c));
  assert.ok(chart.curve, chart.note ?? '');
  assert.equal(chart.curve.markers.current, c.volume.requestsPerDay * c.volume.callsPerRequest);
  assert.equal(chart.curve.markers.breakEvenWithOps, c.cost!.breakEven.withOpsRequestsPerDay);
  const whole = chartFor(getSnapshotCatalog(), scan, ws, WORKSPACE_TARGET);
  assert.ok(whole.curve, whole.note ?? '');
  const d = [...scan.totals.deployments].sort((a, b) => b.apiMonthlyUsd - a.apiMonthlyUsd)[0]!;
  // The workspace line is the busiest deployment at its blended API price: today's volume is marked, and the API
  // line (linear in volume, no fixed part) passes through that deployment's API total at today's volume.
  assert.equal(whole.curve.markers.current, d.requestsPerDay);
  const i = whole.curve.volumes.findIndex((v) => v > 0);
  assert.ok(i >= 0, 'the workspace curve has a positive volume');
  const atToday = (whole.curve.api[i]! / whole.curve.volumes[i]!) * d.requestsPerDay;
  assert.ok(Math.abs(atToday - d.apiMonthlyUsd) <= 1e-9 * d.apiMonthlyUsd, `${atToday} vs ${d.apiMonthlyUsd}`);
  assert.equal(chartFor(getSnapshotCatalog(), scan, ws, 'nope.py:1:1').curve, null);
});

test('validateSetting: the setting\'s zod schema, and an error naming the key', () => {
  assert.deepEqual(validateSetting('requestsPerDay', 2500), { ok: true, value: 2500 });
  const bad = validateSetting('selfHosted.utilization', 1.5);
  assert.equal(bad.ok, false);
  assert.match(!bad.ok ? bad.error : '', /^llmCostLens\.selfHosted\.utilization: /);
  assert.equal(validateSetting('selfHosted.gpuCount', 1.5).ok, false);
  assert.equal(validateSetting('daysPerMonth', 22).ok, true);
  assert.equal(validateSetting('selfHosted.precision', 'fp4').ok, false);
});

test('webview controls: text → value with the same schema; empty $/hour resets to the catalog price', () => {
  assert.deepEqual(parseControl('requestsPerDay', ' 2,500 '), { ok: true, value: 2500, reset: false });
  assert.deepEqual(parseControl('selfHosted.gpuHourlyUsd', ''), { ok: true, value: undefined, reset: true });
  assert.deepEqual(parseControl('selfHosted.gpuHourlyUsd', '$2.5'), { ok: true, value: 2.5, reset: false });
  assert.match(String((parseControl('requestsPerDay', '-5') as { error: string }).error), /^llmCostLens\.requestsPerDay: /);
  assert.match(String((parseControl('selfHosted.opsHoursPerMonth', 'abc') as { error: string }).error), /not a number/);
  assert.equal(parseControl('requestsPerDay', '').ok, false);
  assert.deepEqual(parseControl('selfHosted.gpu', 'L40S'), { ok: true, value: 'L40S', reset: false });
  for (const k of ASSUMPTION_KEYS) assert.ok(k in SETTINGS);
});

test('sortRows: numeric columns by value, missing values last in both directions, ties in scan order', () => {
  const base = { file: 'a.py', line: 1, column: 1, cell: null, key: 'k', api: 'x', model: 'm', modelSource: 'literal', override: { requestsPerDay: null, model: null }, openModelOverride: null, openModelReason: '', hybridMonthlyUsd: null, endpoint: 'api' as const, inputTokens: 1, outputTokens: 1, approximate: false, requestsPerDay: 1, callsPerRequest: 1, volumeSource: 'default' as const, volumeHidden: null, selfHostedMonthlyUsd: null, hostedOpen: null, openModel: null, breakEvenWithOps: null, verdict: null };
  const rows = [{ ...base, id: 'a', apiMonthlyUsd: 5 }, { ...base, id: 'b', apiMonthlyUsd: null }, { ...base, id: 'c', apiMonthlyUsd: 50 }];
  assert.deepEqual(sortRows(rows, { column: 'api', descending: true }).map((r) => r.id), ['c', 'a', 'b']);
  assert.deepEqual(sortRows(rows, { column: 'api', descending: false }).map((r) => r.id), ['a', 'c', 'b']);
  assert.deepEqual(sortRows(rows, { column: 'site', descending: true }).map((r) => r.id), ['c', 'b', 'a']);
  const hosted = (id: string, usd: number | null) => ({ ...base, id, apiMonthlyUsd: 1, hostedOpen: usd === null ? null : { monthlyUsd: usd, provider: 'Groq', model: 'llama-3.3-70b', priceSource: 's', asOf: null } });
  assert.deepEqual(sortRows([hosted('x', 2), hosted('y', null), hosted('z', 9)], { column: 'hosted', descending: true }).map((r) => r.id), ['z', 'x', 'y']);
});

test('call-site controls: overrides and the exact openModelFor entry reach the row; the hybrid figure only at the fixed share', async () => {
  const { readSettings } = await import('../../src/core/settings');
  const { callSiteRow } = await import('../../src/core/format/panelState');
  const scan = await scanWorkspace('examples');
  const c = scan.callSites.find((x) => x.model === 'claude-sonnet-4-6')!;
  const ws = readSettings({ 'llmCostLens.callSites': { [c.key]: { requestsPerDay: 7 } }, 'llmCostLens.openModelFor': { 'CLAUDE-SONNET-4-6': 'qwen2.5-72b', 'gpt-*': 'none' }, 'llmCostLens.hybrid.selfHostedShare': 0.5 });
  const r = callSiteRow(c, ws.settings);
  assert.deepEqual(r.override, { requestsPerDay: 7, model: null });
  assert.equal(r.openModelOverride, 'qwen2.5-72b');
  assert.equal(r.hybridMonthlyUsd, null, 'the scan was costed without the share: no figure at 50%');
  assert.equal(callSiteRow(c).openModelOverride, null);
});

test('validateCallSiteField / validateOpenModel: key from the scan, schema bounds, priced models, catalog open models', async () => {
  const { readSettings } = await import('../../src/core/settings');
  const { validateCallSiteField, validateOpenModel } = await import('../../src/core/format/panelState');
  const settings = readSettings({ 'llmCostLens.prices': { 'in-house-7b': { inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.2 } } }).settings;
  const keys = new Set(['app/a.py#f']);
  assert.deepEqual(validateCallSiteField(getSnapshotCatalog(), keys, settings, 'app/a.py#f', 'requestsPerDay', 4000), { ok: true, value: 4000 });
  assert.deepEqual(validateCallSiteField(getSnapshotCatalog(), keys, settings, 'app/a.py#f', 'requestsPerDay', null), { ok: true, value: null });
  const neg = validateCallSiteField(getSnapshotCatalog(), keys, settings, 'app/a.py#f', 'requestsPerDay', -1);
  assert.match(!neg.ok ? neg.error : '', /^llmCostLens\.callSites\["app\/a\.py#f"\]\.requestsPerDay: /);
  const other = validateCallSiteField(getSnapshotCatalog(), keys, settings, 'app/b.py#g', 'requestsPerDay', 5);
  assert.match(!other.ok ? other.error : '', /no call site with this key/);
  assert.deepEqual(validateCallSiteField(getSnapshotCatalog(), keys, settings, 'app/a.py#f', 'model', 'gpt-4o-mini'), { ok: true, value: 'gpt-4o-mini' });
  assert.deepEqual(validateCallSiteField(getSnapshotCatalog(), keys, settings, 'app/a.py#f', 'model', 'in-house-7b'), { ok: true, value: 'in-house-7b' });
  const unknown = validateCallSiteField(getSnapshotCatalog(), keys, settings, 'app/a.py#f', 'model', 'claude-sonet-4-6');
  assert.match(!unknown.ok ? unknown.error : '', /\.model: "claude-sonet-4-6" is not in the price catalog; did you mean .*claude-sonnet-4/);
  assert.deepEqual(validateOpenModel('gpt-4o', 'qwen2.5-72b'), { ok: true, value: 'qwen2.5-72b' });
  assert.deepEqual(validateOpenModel('gpt-4o', 'None'), { ok: true, value: 'none' });
  assert.deepEqual(validateOpenModel('gpt-4o', null), { ok: true, value: null });
  const bad = validateOpenModel('gpt-4o', 'gpt-5');
  assert.match(!bad.ok ? bad.error : '', /^llmCostLens\.openModelFor\["gpt-4o"\]: "gpt-5" is not in the open-model catalog/);
});

test('webview call-site fields: empty removes, numbers with separators, negative is an inline error naming the entry', async () => {
  const { parseCallSiteField } = await import('../../src/webview/callSiteControls');
  assert.deepEqual(parseCallSiteField('requestsPerDay', 'a.py#f', ' 4,000 '), { ok: true, value: 4000 });
  assert.deepEqual(parseCallSiteField('requestsPerDay', 'a.py#f', ''), { ok: true, value: null });
  assert.match(String((parseCallSiteField('requestsPerDay', 'a.py#f', '-3') as { error: string }).error), /^llmCostLens\.callSites\["a\.py#f"\]\.requestsPerDay: /);
  assert.match(String((parseCallSiteField('requestsPerDay', 'a.py#f', 'lots') as { error: string }).error), /not a number/);
  assert.deepEqual(parseCallSiteField('model', 'a.py#f', ' gpt-4o '), { ok: true, value: 'gpt-4o' });
  assert.deepEqual(parseControl('hybrid.selfHostedShare', ''), { ok: true, value: undefined, reset: true });
  assert.deepEqual(parseControl('hybrid.selfHostedShare', '0.4'), { ok: true, value: 0.4, reset: false });
  assert.equal(parseControl('hybrid.selfHostedShare', '1.5').ok, false);
  assert.equal(parseControl('selfHosted.pue', '0.9').ok, false);
  assert.deepEqual(parseControl('selfHosted.gpuOwnership', 'owned'), { ok: true, value: 'owned', reset: false });
});
