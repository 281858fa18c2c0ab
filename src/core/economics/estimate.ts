// The engine: scenario in, the `estimate` contract out (see DESIGN.md "CLI contracts").
// Pure: no I/O, no clock. Every default it applies is echoed in `assumptions`, every fallback in `notes`.
import { DEFAULTS, formatZodIssues, scenarioSchema, type Scenario } from '../config';
import { lookupApiPrice, priceCatalogInfo, priceForInputTokens, type ApiPrice } from '../catalog/prices';
import type { PriceCatalog } from '../catalog/prices-resolve';
import { apiCostPerRequest, type ApiRates } from './apiCost';
import { breakEvenRequestsPerDay, comparePerToken, type PerTokenComparison } from './breakEven';
import { resolveHostedOpen, type HostedOpenResult } from './hostedOpen';
import { bestHybrid, hybridAt, type HybridInputs, type HybridPoint } from './hybrid';
import { fixedMonthly, selfHostedCostInputs, selfHostedMonthly, variableCostPerRequest, type SelfHostedBreakdown, type SelfHostedCostInputs } from './selfHosted';
import { gpusAt, type Sizing } from './sizing';
import { resolveDeployment, type GpuPicker } from './deployment';
import { applyTrafficShape, averageUtilization } from './trafficShape';

export type Verdict = 'api' | 'hosted-open' | 'self-hosted' | 'hybrid';

export interface PriceBasis {
  model: string | null;
  displayName: string | null;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number | null;
  batchDiscount: number | null;
  /** "scenario" when every rate used came from the scenario; otherwise the catalog source, possibly with overrides. */
  source: string;
  asOf: string | null;
  overrides: string[];
}

export interface EstimateResult {
  api: { costPerRequestUsd: number; monthlyUsd: number; price: PriceBasis };
  selfHosted: SelfHostedBreakdown & {
    /** monthlyUsd ÷ the tokens the deployment could serve at the utilization (full capacity). */
    effectiveUsdPerMTok: number | null;
    /** monthlyUsd ÷ the workload's own tokens per month: what self-hosting this traffic costs per Mtok. */
    servedUsdPerMTok: number | null;
    capacity: { outputTokensPerSecond: number | null; requestsPerDay: number | null; gpusNeeded: number | null; fits: boolean | null };
  };
  /** The open counterpart through the cheapest hosted API (or the scenario's); null when none serves it. */
  hostedOpen: HostedOpenResult | null;
  /** API ↔ self-hosted (the two top-level figures) and the pairs with the hosted open model. */
  breakEven: {
    computeOnlyRequestsPerDay: number | null;
    withOpsRequestsPerDay: number | null;
    /** Self-hosting against the hosted open model: the volume where the GPUs cost no more than its per-token bill. */
    hostedOpenVsSelfHosted: { computeOnlyRequestsPerDay: number | null; withOpsRequestsPerDay: number | null } | null;
    /** Both per token: no crossing volume, one is cheaper at every volume. */
    apiVsHostedOpen: PerTokenComparison | null;
  };
  hybrid: null | (HybridPoint & { best: HybridPoint | null });
  verdict: Verdict;
  assumptions: Record<string, number | string | boolean | null>;
  notes: string[];
}

export type EstimateOutcome = { ok: true; result: EstimateResult } | { ok: false; problems: string[] };

/** Validate raw (parsed JSON) input and estimate. Problems are `path.to.field: reason` lines. */
export interface EstimateOptions {
  /** The price catalog to cost with (the engine context's). */
  catalog: PriceCatalog;
  /** "Today", for the price-staleness note only; absent = no staleness check (keeps the engine clock-free). */
  today?: Date;
  /** `llmCostLens.hostedProviders`: the hosts the hosted-open column may use; empty/absent = all but routers. */
  hostedProviders?: readonly string[];
  /** Where "auto" GPU choices come from: default pickGpu; the engine context passes its memo of it (same results). */
  pickGpu?: GpuPicker;
}

export function estimateFromInput(raw: unknown, options: EstimateOptions): EstimateOutcome {
  const parsed = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: formatZodIssues(parsed.error.issues) };
  return estimate(parsed.data, options);
}

export function estimate(input: Scenario, options: EstimateOptions): EstimateOutcome {
  const notes: string[] = [];
  const problems: string[] = [];
  const traffic = applyTrafficShape(input, notes);
  const s = traffic.scenario;

  const price = resolvePrice(s, options.catalog, problems, notes);
  if (price && price.asOf !== null && options.today) {
    const info = priceCatalogInfo(options.catalog, options.today);
    if (info.staleNote) notes.push(info.staleNote);
  }
  const deployment = resolveDeployment(s, problems, notes, options.pickGpu);
  const w = s.workload;
  const daysPerMonth = w.daysPerMonth ?? DEFAULTS.daysPerMonth;
  const shape = { inputTokens: w.inputTokens, outputTokens: w.outputTokens, cachedInputTokens: w.cachedInputTokens ?? 0, ...(w.cacheWriteTokens ? { cacheWriteTokens: w.cacheWriteTokens } : {}) };
  const hostedOpen = resolveHostedOpen(s, { catalog: options.catalog, shape, requestsPerMonth: w.requestsPerDay * daysPerMonth, providers: options.hostedProviders }, problems, notes);
  if (problems.length || !price || !deployment) return { ok: false, problems };

  const sh = s.selfHosted ?? {};
  const cachedInputTokens = w.cachedInputTokens ?? 0;
  const batch = s.api.batch ?? DEFAULTS.batch;
  const tokensPerRequest = w.inputTokens + w.outputTokens;

  const rates: ApiRates = {
    inputUsdPerMTok: price.inputUsdPerMTok,
    outputUsdPerMTok: price.outputUsdPerMTok,
    cachedInputUsdPerMTok: price.cachedInputUsdPerMTok,
    // Scenario prices are the user's: their batch flag gets the usual 50 %. A catalog price gets a discount only
    // where the provider sells a batch API (catalog/batch.ts).
    batchDiscount: price.batchDiscount ?? (price.source === 'scenario' ? DEFAULTS.batchDiscount : 0),
    cacheWriteUsdPerMTok: w.cacheWriteTokens ? cacheWritePrice(s, options.catalog, notes) : null,
  };
  if (cachedInputTokens > 0 && price.cachedInputUsdPerMTok === null) {
    notes.push(`no cached-input price for ${price.model ?? 'this model'}: the ${cachedInputTokens} cached input tokens are billed at the input price`);
  }
  if (batch && price.source !== 'scenario' && price.batchDiscount === null) {
    notes.push(`batch: no batch API recorded for ${price.model ?? 'this model'}'s provider (catalog/batch.ts): no discount applied`);
  }
  const apiPerRequest = apiCostPerRequest(shape, rates, batch);
  const apiMonthly = apiPerRequest * w.requestsPerDay * daysPerMonth;

  const cost: SelfHostedCostInputs = selfHostedCostInputs(s, deployment.gpuHourlyUsd);
  if (cost.setupHours > 0 && cost.opsHourlyUsd === 0) notes.push('setupHours is set but opsHourlyUsd is 0: setup is costed at $0');

  const sizing: Sizing = deployment.sizing;
  const gpus = gpusAt(sizing, w.requestsPerDay);
  const selfBreakdown = selfHostedMonthly(cost, gpus, w.requestsPerDay * daysPerMonth, tokensPerRequest);
  const variablePerRequest = variableCostPerRequest(cost, tokensPerRequest);

  const common = { apiPerRequest, variablePerRequest, daysPerMonth, sizing, workloadRequestsPerDay: w.requestsPerDay };
  const hostedPerRequest = hostedOpen?.costPerRequestUsd ?? null;
  const breakEven: EstimateResult['breakEven'] = {
    computeOnlyRequestsPerDay: breakEvenRequestsPerDay({ ...common, fixedMonthlyFor: (g) => fixedMonthly(cost, g, false) }),
    withOpsRequestsPerDay: breakEvenRequestsPerDay({ ...common, fixedMonthlyFor: (g) => fixedMonthly(cost, g, true) }),
    hostedOpenVsSelfHosted: hostedPerRequest === null ? null : {
      computeOnlyRequestsPerDay: breakEvenRequestsPerDay({ ...common, apiPerRequest: hostedPerRequest, fixedMonthlyFor: (g) => fixedMonthly(cost, g, false) }),
      withOpsRequestsPerDay: breakEvenRequestsPerDay({ ...common, apiPerRequest: hostedPerRequest, fixedMonthlyFor: (g) => fixedMonthly(cost, g, true) }),
    },
    apiVsHostedOpen: hostedPerRequest === null ? null : comparePerToken(apiPerRequest, hostedPerRequest),
  };
  if (breakEven.withOpsRequestsPerDay === null) {
    notes.push(
      apiPerRequest <= variablePerRequest
        ? 'self-hosting never breaks even: its per-request variable cost is at least the API price'
        : 'self-hosting does not break even within 100× the workload volume',
    );
  }

  const capacityRequestsPerDay = deployment.capacityRequestsPerDay(gpus);
  if (capacityRequestsPerDay !== null && w.requestsPerDay > capacityRequestsPerDay) {
    notes.push(`the workload (${w.requestsPerDay} requests/day) exceeds the deployment's capacity (${round(capacityRequestsPerDay)} requests/day at the assumed utilization)`);
  }
  const totalTps = deployment.tokensPerSecond(gpus);
  const utilization = sh.utilization ?? DEFAULTS.utilization;
  // Full capacity at the utilization, over the hours the GPUs run (the deployment's own $/Mtok)...
  const effectiveUsdPerMTok = totalTps === null ? null : selfBreakdown.monthlyUsd / ((totalTps * utilization * 86_400 * deployment.hoursShare * daysPerMonth) / 1e6);
  // ...and what the workload's own tokens cost on it: the figure to put next to an API price.
  const workloadMTok = (w.requestsPerDay * daysPerMonth * tokensPerRequest) / 1e6;
  const servedUsdPerMTok = workloadMTok > 0 ? selfBreakdown.monthlyUsd / workloadMTok : null;
  if (sizing.kind === 'fixed' && capacityRequestsPerDay !== null) {
    const be = breakEven.withOpsRequestsPerDay;
    if (w.requestsPerDay > capacityRequestsPerDay) notes.push(`${deployment.gpusFor(w.requestsPerDay) ?? '?'} GPUs would serve the workload`);
    if (be !== null && be > capacityRequestsPerDay) {
      notes.push(`the break-even (${round(be)} requests/day) is beyond the capacity of ${sizing.gpus} GPU${sizing.gpus === 1 ? '' : 's'} (${round(capacityRequestsPerDay)} requests/day): it would take ${deployment.gpusFor(be) ?? '?'} GPUs, which cost more`);
    }
  }

  const hybridInputs: HybridInputs = { requestsPerDay: w.requestsPerDay, daysPerMonth, apiPerRequest, hostedPerRequest, variablePerRequest, fixedMonthlyFor: (g) => fixedMonthly(cost, g, true), sizing };
  const best = bestHybrid(hybridInputs);
  if (s.hybrid?.rest === 'hosted-open' && hostedPerRequest === null) notes.push('hybrid.rest is hosted-open but there is no hosted open model: the rest goes through the API');
  const hybrid = s.hybrid ? { ...hybridAt(hybridInputs, s.hybrid.selfHostedShare, s.hybrid.rest), best } : best ? { ...best, best } : null;

  // Cheapest at the scenario's volume; ties go to the option with less to run (api, then hosted-open).
  let verdict: Verdict = 'api';
  let cheapest = apiMonthly;
  if (hostedOpen && hostedOpen.monthlyUsd < cheapest) {
    verdict = 'hosted-open';
    cheapest = hostedOpen.monthlyUsd;
  }
  if (selfBreakdown.monthlyUsd < cheapest) {
    verdict = 'self-hosted';
    cheapest = selfBreakdown.monthlyUsd;
  }
  if (hybrid && hybrid.selfHostedShare > 0 && hybrid.selfHostedShare < 1 && hybrid.monthlyUsd < cheapest) verdict = 'hybrid';

  return {
    ok: true,
    result: {
      api: { costPerRequestUsd: apiPerRequest, monthlyUsd: apiMonthly, price },
      selfHosted: {
        ...selfBreakdown,
        effectiveUsdPerMTok,
        servedUsdPerMTok,
        capacity: {
          outputTokensPerSecond: totalTps === null ? null : deployment.outputTokensPerSecond(gpus),
          requestsPerDay: capacityRequestsPerDay,
          gpusNeeded: sizing.kind === 'none' ? null : gpus,
          fits: deployment.fits,
        },
      },
      hostedOpen,
      breakEven,
      hybrid,
      verdict,
      assumptions: {
        daysPerMonth,
        hoursPerMonth: cost.hoursPerMonth,
        setupAmortizationMonths: cost.setupAmortizationMonths,
        utilization,
        batch,
        cachedInputTokens,
        ...(w.cacheWriteTokens ? { cacheWriteTokens: w.cacheWriteTokens } : {}),
        fixedMonthlyUsd: cost.fixedMonthlyUsd,
        gpuHourlyUsd: sizing.kind === 'none' ? null : cost.gpuHourlyUsd,
        variableUsdPerMTok: cost.variableUsdPerMTok,
        opsHoursPerMonth: cost.opsHoursPerMonth,
        opsHourlyUsd: cost.opsHourlyUsd,
        setupHours: cost.setupHours,
        ...deployment.assumptions,
        ...traffic.assumptions,
        ...(traffic.shape ? { averageUtilization: averageUtilization(traffic.shape, w.requestsPerDay, capacityRequestsPerDay) } : {}),
      },
      notes,
    },
  };
}

function resolvePrice(s: Scenario, prices: PriceCatalog, problems: string[], notes: string[]): PriceBasis | null {
  const a = s.api;
  let catalog: ApiPrice | null = null;
  if (a.model !== undefined) {
    const found = lookupApiPrice(prices, a.model);
    if (found.ok) {
      catalog = found.price;
    } else if (a.inputUsdPerMTok !== undefined && a.outputUsdPerMTok !== undefined) {
      notes.push(`model "${a.model}" is not in the price catalog; the scenario's own prices are used`);
    } else {
      const hint = found.suggestions.length ? `; did you mean ${found.suggestions.map((x) => `"${x}"`).join(', ')}?` : '';
      problems.push(`api.model: unknown model "${a.model}" (not in the price catalog; give inputUsdPerMTok and outputUsdPerMTok to price it yourself)${hint}`);
      return null;
    }
  }
  const overrides = (['inputUsdPerMTok', 'outputUsdPerMTok', 'cachedInputUsdPerMTok'] as const).filter((k) => a[k] !== undefined);
  const usesCached = (s.workload.cachedInputTokens ?? 0) > 0;
  const allFromScenario = a.inputUsdPerMTok !== undefined && a.outputUsdPerMTok !== undefined && (!usesCached || a.cachedInputUsdPerMTok !== undefined);
  // Long-context tiers (e.g. > 200K input tokens) apply per request.
  const tiered = catalog ? priceForInputTokens(catalog, s.workload.inputTokens) : null;
  if (tiered?.tier && !allFromScenario) notes.push(`${catalog!.modelId}: requests above ${tiered.tier.aboveInputTokens.toLocaleString('en-US')} input tokens are billed at the long-context tier`);
  const inputUsdPerMTok = a.inputUsdPerMTok ?? tiered!.inputUsdPerMTok;
  const outputUsdPerMTok = a.outputUsdPerMTok ?? tiered!.outputUsdPerMTok;
  // When every rate used is the scenario's, the catalog's cache price is not shown either: it was not used.
  const cachedInputUsdPerMTok = a.cachedInputUsdPerMTok ?? (allFromScenario ? null : tiered?.cachedInputUsdPerMTok ?? null);
  return {
    model: catalog?.modelId ?? a.model ?? null,
    displayName: catalog?.displayName ?? null,
    inputUsdPerMTok,
    outputUsdPerMTok,
    cachedInputUsdPerMTok,
    batchDiscount: catalog ? catalog.batchDiscount : null,
    source: allFromScenario || !catalog ? 'scenario' : overrides.length ? `scenario overrides (${overrides.join(', ')}) over ${catalog.source}` : catalog.source,
    asOf: allFromScenario || !catalog ? null : catalog.asOf,
    overrides: overrides.map((k) => `api.${k}`),
  };
}

/** The catalog's cache-write price for the scenario's model (a scenario's own rates have none: input price, noted). */
function cacheWritePrice(s: Scenario, prices: PriceCatalog, notes: string[]): number | null {
  const found = s.api.model !== undefined && s.api.inputUsdPerMTok === undefined ? lookupApiPrice(prices, s.api.model) : null;
  const usd = found?.ok ? found.price.cacheWriteUsdPerMTok : null;
  if (usd === null) notes.push(`no cache-write price for ${s.api.model ?? 'this model'}: the ${s.workload.cacheWriteTokens} tokens written to the cache are billed at the input price`);
  return usd;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
