import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanWorkspace, readWorkspaceSettings } from '../../src/core/scan/scan';
import { callSiteId, chartFor, validateSetting, workspaceView, WORKSPACE_TARGET } from '../../src/extension/panelState';
import { ASSUMPTION_KEYS, workspaceViewSchema } from '../../src/shared/messages';
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
  const chart = chartFor(scan, ws, callSiteId(c));
  assert.ok(chart.curve, chart.note ?? '');
  assert.equal(chart.curve.markers.current, c.volume.requestsPerDay * c.volume.callsPerRequest);
  assert.equal(chart.curve.markers.breakEvenWithOps, c.cost!.breakEven.withOpsRequestsPerDay);
  const whole = chartFor(scan, ws, WORKSPACE_TARGET);
  assert.ok(whole.curve, whole.note ?? '');
  const d = [...scan.totals.deployments].sort((a, b) => b.apiMonthlyUsd - a.apiMonthlyUsd)[0]!;
  const i = whole.curve.volumes.findIndex((v) => Math.abs(v - d.requestsPerDay) < 1e-9);
  if (i >= 0) assert.ok(Math.abs(whole.curve.api[i]! - d.apiMonthlyUsd) < 1e-6);
  assert.equal(chartFor(scan, ws, 'nope.py:1:1').curve, null);
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
  const base = { file: 'a.py', line: 1, column: 1, cell: null, key: 'k', api: 'x', model: 'm', endpoint: 'api' as const, inputTokens: 1, outputTokens: 1, approximate: false, requestsPerDay: 1, callsPerRequest: 1, volumeSource: 'default' as const, volumeHidden: null, selfHostedMonthlyUsd: null, openModel: null, breakEvenWithOps: null, verdict: null };
  const rows = [{ ...base, id: 'a', apiMonthlyUsd: 5 }, { ...base, id: 'b', apiMonthlyUsd: null }, { ...base, id: 'c', apiMonthlyUsd: 50 }];
  assert.deepEqual(sortRows(rows, { column: 'api', descending: true }).map((r) => r.id), ['c', 'a', 'b']);
  assert.deepEqual(sortRows(rows, { column: 'api', descending: false }).map((r) => r.id), ['a', 'c', 'b']);
  assert.deepEqual(sortRows(rows, { column: 'site', descending: true }).map((r) => r.id), ['c', 'b', 'a']);
});
