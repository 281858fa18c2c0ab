// What the cost panel shows, computed on the host from the workspace scan: table rows, totals, the
// assumption values, and the chart of a call site or of the workspace. Pure (no `vscode`), so unit-tested.
import { renderUsageReport } from './usageText';
import * as z from 'zod';
import type { ScanResult } from '../scan/scan';
import type { CallSiteReport } from '../scan/callSite';
import { callScenario } from '../economics/callScenario';
import { costCurve, CostCurveError } from '../economics/curve';
import type { Scenario } from '../config';
import { callSiteOverrideSchema, SETTINGS, type SettingKey, type Settings, type SettingsRead } from '../settings';
import { listGpus } from '../catalog/gpus';
import { findOpenModel, listOpenModels } from '../catalog/openModels';
import { lookupApiPrice } from '../catalog/prices';
import type { PriceCatalog } from '../catalog/prices-resolve';
import { ASSUMPTION_KEYS, type CallSiteRow, type ChartView, type WorkspaceTotals, type WorkspaceView } from '../protocol/messages';

export const WORKSPACE_TARGET = 'workspace';

export function callSiteId(c: Pick<CallSiteReport, 'file' | 'line' | 'column' | 'cell'>): string {
  return `${c.file}:${c.cell !== undefined ? `cell${c.cell + 1}:` : ''}${c.line}:${c.column}`;
}

/** The exact (non-glob) llmCostLens.openModelFor entry for an API model, matched case-insensitively as the lookup does. */
export function exactOpenModelEntry(openModelFor: Record<string, string>, apiModel: string | null): [string, string] | null {
  if (apiModel === null) return null;
  const want = apiModel.trim().toLowerCase();
  return Object.entries(openModelFor).find(([k]) => k.toLowerCase() === want) ?? null;
}

export function callSiteRow(c: CallSiteReport, settings?: Settings): CallSiteRow {
  const site = settings?.callSites[c.key];
  const share = settings?.['hybrid.selfHostedShare'] ?? null;
  return {
    id: callSiteId(c),
    file: c.file,
    line: c.line,
    column: c.column,
    cell: c.cell ?? null,
    key: c.key,
    api: c.api,
    model: c.model,
    modelSource: c.modelSource,
    override: { requestsPerDay: site?.requestsPerDay ?? null, model: site?.model ?? null },
    openModelOverride: settings ? exactOpenModelEntry(settings.openModelFor, c.model)?.[1] ?? null : null,
    openModelReason: c.openModel.reason,
    endpoint: c.endpoint,
    inputTokens: c.tokens.input,
    outputTokens: c.tokens.output,
    approximate: !c.tokens.inputBasis.startsWith('exact'),
    requestsPerDay: c.volume.requestsPerDay,
    callsPerRequest: c.volume.callsPerRequest,
    volumeSource: c.volume.source,
    volumeHidden: c.volume.hidden,
    apiMonthlyUsd: c.cost?.api?.monthlyUsd ?? null,
    hostedOpen: c.cost?.hostedOpen ? { monthlyUsd: c.cost.hostedOpen.monthlyUsd, provider: c.cost.hostedOpen.providerName, model: c.cost.hostedOpen.model, priceSource: c.cost.hostedOpen.price.source, asOf: c.cost.hostedOpen.price.asOf } : null,
    selfHostedMonthlyUsd: c.cost?.selfHosted?.monthlyUsd ?? null,
    openModel: c.openModel.model,
    breakEvenWithOps: c.cost?.breakEven.withOpsRequestsPerDay ?? null,
    hybridMonthlyUsd: share !== null && c.cost?.hybrid?.selfHostedShare === share ? c.cost.hybrid.monthlyUsd : null,
    verdict: c.cost?.verdict ?? null,
  };
}

/** The scan's totals as the panel's totals row shows them. */
export function totalsView(t: ScanResult['totals']): WorkspaceTotals {
  return {
    callSites: t.callSites, unpriced: t.unpriced, daysPerMonth: t.daysPerMonth,
    apiMonthlyUsd: t.apiMonthlyUsd, selfHostedMonthlyUsd: t.selfHostedMonthlyUsd, hostedOpenMonthlyUsd: t.hostedOpenMonthlyUsd, deployments: t.deployments.length,
    routingMonthlyUsd: t.routing.monthlyUsd, routedSelfHosted: t.routing.selfHosted.length, routedHostedOpen: t.routing.hostedOpen.length, savingsVsApiUsd: t.routing.savingsVsApiUsd, verdict: t.verdict,
  };
}

export function workspaceView(scan: ScanResult | null, ws: SettingsRead, folder: string | null, problem: string | null = null): WorkspaceView {
  const t = scan?.totals;
  const prices = new Map<string, { source: string; asOf: string | null }>();
  for (const c of scan?.callSites ?? []) {
    const p = c.cost?.api?.price;
    if (p) prices.set(`${p.source}\n${p.asOf}`, { source: p.source, asOf: p.asOf });
  }
  return {
    folder,
    callSites: (scan?.callSites ?? []).map((c) => callSiteRow(c, ws.settings)),
    totals: t ? totalsView(t) : null,
    assumptions: {
      values: Object.fromEntries(ASSUMPTION_KEYS.map((k) => [k, ws.settings[k] as number | string | null])),
      explicit: ASSUMPTION_KEYS.filter((k) => ws.explicit.has(k)),
      gpus: listGpus().map((g) => ({ id: g.id, hourlyUsd: g.hourlyUsd, purchaseUsd: g.purchaseUsd, memoryGb: g.memoryGb })),
      openModels: listOpenModels().map((m) => ({ id: m.id, paramsB: m.totalParamsB })),
      warnings: [...ws.warnings, ...(scan?.settings.warnings.filter((w) => !ws.warnings.includes(w)) ?? [])],
    },
    prices: [...prices.values()],
    problem,
    // The lines the CLI table prints under "Usage measurements:" (the heading is the panel's own).
    ...(scan?.usage ? { usage: renderUsageReport(scan.usage).split('\n').slice(1, 501) } : {}),
  };
}

/** Host-side check of a value the panel asks to write: the setting's own zod schema, an error naming the key. */
export function validateSetting(key: SettingKey, value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  const parsed = (SETTINGS[key].schema as z.ZodType).safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: `llmCostLens.${key}: ${parsed.error.issues.map((i) => i.message).join('; ')} (not saved)` };
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A value for one field of llmCostLens.callSites[key] (null removes the field): the key must be a call site of the
 * last scan, requestsPerDay passes the setting's schema, and a model must be priced (the catalog, or a full
 * llmCostLens.prices entry) — an unpriced override would only turn the call's cost into "unpriced".
 */
export function validateCallSiteField(catalog: PriceCatalog, keys: ReadonlySet<string>, settings: Settings, key: string, field: 'requestsPerDay' | 'model', value: unknown): Checked<number | string | null> {
  const name = `llmCostLens.callSites[${JSON.stringify(key)}].${field}`;
  if (!keys.has(key)) return { ok: false, error: `${name}: no call site with this key in the workspace scan (not saved)` };
  if (value === null) return { ok: true, value: null };
  const parsed = callSiteOverrideSchema.shape[field].safeParse(value);
  if (!parsed.success || parsed.data === undefined) return { ok: false, error: `${name}: ${parsed.success ? 'required' : parsed.error.issues.map((i) => i.message).join('; ')} (not saved)` };
  if (field === 'model') {
    const model = parsed.data as string;
    const own = settings.prices[model];
    if (own?.inputUsdPerMTok !== undefined && own.outputUsdPerMTok !== undefined) return { ok: true, value: model };
    const found = lookupApiPrice(catalog, model);
    if (!found.ok) {
      const hint = found.suggestions.length ? `; did you mean ${found.suggestions.slice(0, 3).join(', ')}?` : '';
      return { ok: false, error: `${name}: "${model}" is not in the price catalog${hint} (not saved; price it in llmCostLens.prices first)` };
    }
    return { ok: true, value: model };
  }
  return { ok: true, value: parsed.data as number };
}

/** An open model for llmCostLens.openModelFor: a catalog id (aliases resolve to it), "none", or null to remove. */
export function validateOpenModel(apiModel: string, openModel: string | null): Checked<string | null> {
  if (openModel === null) return { ok: true, value: null };
  if (/^none$/i.test(openModel.trim())) return { ok: true, value: 'none' };
  const m = findOpenModel(openModel);
  if (!m) return { ok: false, error: `llmCostLens.openModelFor[${JSON.stringify(apiModel)}]: "${openModel}" is not in the open-model catalog (${listOpenModels().map((x) => x.id).join(', ')}) (not saved)` };
  return { ok: true, value: m.id };
}

const callsPerDay = (c: CallSiteReport) => c.volume.requestsPerDay * c.volume.callsPerRequest;

/** The chart for one call site (its own scenario, as `scan` costs it) or for the workspace. */
export function chartFor(catalog: PriceCatalog, scan: ScanResult, ws: SettingsRead, target: string): ChartView {
  if (target === WORKSPACE_TARGET) return workspaceChart(catalog, scan, ws);
  const c = scan.callSites.find((x) => callSiteId(x) === target);
  const title = c ? `${c.file}:${c.line} — ${c.model ?? 'unresolved model'}` : target;
  if (!c) return { target, title, curve: null, note: 'This call site is no longer in the workspace scan.' };
  if (!c.cost?.api) return { target, title, curve: null, note: 'No chart: the model is unpriced.' };
  if (!c.cost.selfHosted || !c.openModel.model) return { target, title, curve: null, note: `No chart: no self-hosted counterpart (${c.openModel.reason}).` };
  const scenario = callScenario(ws.settings, c.model, c.openModel.model, callsPerDay(c), c.tokens.input, c.tokens.output, undefined, c.kind === 'batch');
  return curveView(catalog, target, `${title} vs ${c.openModel.model} self-hosted`, scenario, ws.settings.hostedProviders);
}

/**
 * The workspace as one deployment: the call sites mapped to the busiest open model, summed volume, volume-weighted
 * tokens (as `scan` sizes shared deployments) and their blended API price per token, so the API line at today's
 * volume is their API total.
 */
function workspaceChart(catalog: PriceCatalog, scan: ScanResult, ws: SettingsRead): ChartView {
  const deployment = [...scan.totals.deployments].sort((a, b) => b.apiMonthlyUsd - a.apiMonthlyUsd)[0];
  if (!deployment) return { target: WORKSPACE_TARGET, title: 'Whole workspace', curve: null, note: 'No chart: no priced call site has a self-hosted counterpart.' };
  const tokens = deployment.inputTokens + deployment.outputTokens;
  const perCall = deployment.apiMonthlyUsd / (deployment.requestsPerDay * scan.totals.daysPerMonth);
  if (!(tokens > 0) || !(deployment.requestsPerDay > 0)) return { target: WORKSPACE_TARGET, title: 'Whole workspace', curve: null, note: 'No chart: the workspace has no token volume.' };
  const scenario = callScenario(ws.settings, null, deployment.openModel, deployment.requestsPerDay, deployment.inputTokens, deployment.outputTokens);
  const usdPerMTok = (perCall * 1e6) / tokens;
  scenario.api = { inputUsdPerMTok: usdPerMTok, outputUsdPerMTok: usdPerMTok };
  const others = scan.totals.deployments.length - 1;
  const title = `Whole workspace — ${deployment.callSites.length} call site${deployment.callSites.length === 1 ? '' : 's'} on one ${deployment.openModel} deployment (blended API price)${others > 0 ? `; ${others} other deployment${others === 1 ? '' : 's'} not shown` : ''}`;
  return curveView(catalog, WORKSPACE_TARGET, title, scenario, ws.settings.hostedProviders);
}

function curveView(catalog: PriceCatalog, target: string, title: string, scenario: Scenario, hostedProviders: readonly string[]): ChartView {
  try {
    return { target, title, curve: costCurve(scenario, { catalog, points: 160, hostedProviders }), note: null };
  } catch (e) {
    if (e instanceof CostCurveError) return { target, title, curve: null, note: `No chart: ${e.problems.join('; ')}` };
    throw e;
  }
}
