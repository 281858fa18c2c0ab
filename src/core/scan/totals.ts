// Workspace totals: the API bill, the self-hosted alternative as SHARED deployments (one per open model, sized for
// the summed volume, ops counted once — twenty call sites are not twenty GPU boxes), and the cheapest routing of
// whole call sites between the API and those deployments.
import { estimate } from '../economics/estimate';
import type { Settings } from '../settings';
import { BREAK_EVEN_NOTE, type CallSiteReport } from './callSite';
import { callScenario } from '../economics/callScenario';
import { selfHostedCostInputs, selfHostedFloorMonthly } from '../economics/selfHosted';
import type { EngineContext } from '../engine/context';

export interface Deployment {
  openModel: string;
  callSites: string[];
  requestsPerDay: number;
  inputTokens: number;
  outputTokens: number;
  gpus: number | null;
  /** The catalog GPU the deployment runs on (null: flat infrastructure or not a catalog GPU). */
  gpu: string | null;
  /** Why that GPU, when llmCostLens.selfHosted.gpu is "auto" ("1× L4: cheapest catalog GPU that holds …"). */
  gpuChoice: string | null;
  monthlyUsd: number;
  computeMonthlyUsd: number;
  opsMonthlyUsd: number;
  setupMonthlyUsd: number;
  /** What these call sites cost through the API today. */
  apiMonthlyUsd: number;
  notes: string[];
}

export interface Totals {
  daysPerMonth: number;
  callSites: number;
  unpriced: number;
  /** The models of the unpriced call sites (not in the catalog nor in llmCostLens.prices): never counted as $0. */
  unpricedModels: string[];
  /** Call sites whose model the code does not say, priced at an assumed model (see each call's assumedModel). */
  assumed: number;
  /** Calls that already go to a self-hosted endpoint (not in the API total). */
  selfHostedEndpoints: number;
  apiMonthlyUsd: number;
  /** All self-hostable traffic on shared deployments, the rest (no counterpart) still on the API. */
  selfHostedMonthlyUsd: number;
  /** Every call with a hosted open counterpart through its cheapest host, the rest still on the API. */
  hostedOpenMonthlyUsd: number;
  deployments: Deployment[];
  /** Whole call sites on the cheapest of: the API, the hosted open model, a shared self-hosted deployment. */
  routing: { monthlyUsd: number; selfHosted: string[]; api: string[]; hostedOpen: string[]; savingsVsApiUsd: number };
  verdict: 'api' | 'hosted-open' | 'self-hosted' | 'hybrid';
}

type Priced = CallSiteReport & { cost: NonNullable<CallSiteReport['cost']> & { api: NonNullable<NonNullable<CallSiteReport['cost']>['api']> } };

const idOf = (c: CallSiteReport) => `${c.file}:${c.line}`;
const callsPerDay = (c: CallSiteReport) => c.volume.requestsPerDay * c.volume.callsPerRequest;

/** The option every routed call site uses, else hybrid (api when nothing is routed); sumTotals names a sum alike. */
export function routedVerdict(r: { api: readonly string[]; hostedOpen: readonly string[]; selfHosted: readonly string[] }): Totals['verdict'] {
  const used = ([['api', r.api], ['hosted-open', r.hostedOpen], ['self-hosted', r.selfHosted]] as const).filter(([, ids]) => ids.length > 0);
  return used.length === 1 ? used[0]![0] : used.length === 0 ? 'api' : 'hybrid';
}

/**
 * From the engine context's memo while its inputs are the same: the report objects (a re-scan that changed nothing
 * hands out the same ones), the settings and the price catalog.
 */
export function computeTotals(engine: EngineContext, sites: CallSiteReport[], settings: Settings): Totals {
  const inputs = [JSON.stringify(settings), engine.catalog, ...sites];
  return engine.totals.get(inputs, () => computeTotalsUncached(engine, sites, settings)) as Totals;
}

function computeTotalsUncached(engine: EngineContext, sites: CallSiteReport[], settings: Settings): Totals {
  const priced = sites.filter((c): c is Priced => c.endpoint === 'api' && c.cost !== null && c.cost.api !== null);
  const apiMonthlyUsd = priced.reduce((s, c) => s + c.cost.api.monthlyUsd, 0);

  const groups = new Map<string, Priced[]>();
  const stayOnApi: Priced[] = [];
  for (const c of priced) {
    if (c.openModel.model === null) stayOnApi.push(c);
    else groups.set(c.openModel.model, [...(groups.get(c.openModel.model) ?? []), c]);
  }
  const fixedApi = stayOnApi.reduce((s, c) => s + c.cost.api.monthlyUsd, 0);
  const hostedOpenMonthlyUsd = priced.reduce((s, c) => s + perTokenMonthly(c), 0);

  const deployments: Deployment[] = [];
  let routingCost = fixedApi;
  const routedSelf: string[] = [];
  const routedApi: string[] = stayOnApi.map(idOf);
  const routedHosted: string[] = [];
  for (const [openModel, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    // Cheapest routing inside the group: self-host the calls with the highest API price per token first.
    // The last prefix is the whole group: that deployment is also the group's self-hosted alternative.
    const order = [...members].sort((a, b) => perToken(b) - perToken(a));
    let best = { cost: members.reduce((s, c) => s + perTokenMonthly(c), 0), n: 0 };
    // A deployment costs at least its floor (ops, setup, fixed): a prefix whose floor plus the rest's per-token cost
    // is no cheaper than the best so far cannot win, and is not sized (sizing runs the capacity model per GPU).
    const floor = selfHostedFloorMonthly(selfHostedCostInputs(callScenario(settings, null, openModel, 0, 0, 0), 0));
    for (let n = 1; n <= order.length; n++) {
      const whole = n === order.length;
      const rest = order.slice(n).reduce((s, c) => s + perTokenMonthly(c), 0);
      if (!whole && floor + rest >= best.cost) continue;
      const d = deployment(engine, openModel, whole ? members : order.slice(0, n), settings);
      if (whole && d) deployments.push(d);
      if (!d) continue;
      const cost = d.monthlyUsd + rest;
      if (cost < best.cost) best = { cost, n };
    }
    routingCost += best.cost;
    routedSelf.push(...order.slice(0, best.n).map(idOf));
    for (const c of order.slice(best.n)) (hostedIsCheaper(c) ? routedHosted : routedApi).push(idOf(c));
  }
  const unpriced = sites.filter((c) => c.cost?.api == null && c.endpoint === 'api');
  const selfHostedMonthlyUsd = fixedApi + deployments.reduce((s, d) => s + d.monthlyUsd, 0);
  const verdict = routedVerdict({ api: routedApi, hostedOpen: routedHosted, selfHosted: routedSelf });
  return {
    daysPerMonth: settings.daysPerMonth,
    callSites: sites.length,
    unpriced: unpriced.length,
    unpricedModels: [...new Set(unpriced.map((c) => c.model ?? c.assumedModel ?? '(unknown)'))].sort(),
    assumed: sites.filter((c) => c.modelSource === 'assumed').length,
    selfHostedEndpoints: sites.filter((c) => c.endpoint === 'self-hosted').length,
    apiMonthlyUsd,
    selfHostedMonthlyUsd,
    hostedOpenMonthlyUsd,
    deployments,
    routing: { monthlyUsd: routingCost, selfHosted: routedSelf.sort(), api: routedApi.sort(), hostedOpen: routedHosted.sort(), savingsVsApiUsd: settledDifference(apiMonthlyUsd, routingCost) },
    verdict: routingCost < apiMonthlyUsd ? verdict : 'api',
  };
}

/**
 * a − b for two sums of the same terms added in different orders: a float residue (−2.8e-14) is not a saving,
 * and was shown as "saves -$0.00/mo". Never negative: routing everything to the API is always a candidate.
 */
function settledDifference(a: number, b: number): number {
  const d = a - b;
  return Math.abs(d) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) ? 0 : Math.max(0, d);
}

/** What the call costs without GPUs: the cheaper of the API and its hosted open counterpart (a tie stays on the API). */
function perTokenMonthly(c: Priced): number {
  return hostedIsCheaper(c) ? c.cost.hostedOpen!.monthlyUsd : c.cost.api.monthlyUsd;
}

function hostedIsCheaper(c: Priced): boolean {
  return c.cost.hostedOpen != null && c.cost.hostedOpen.monthlyUsd < c.cost.api.monthlyUsd;
}

/** Monthly cost per token of the call's per-token option: the most expensive traffic is self-hosted first. */
function perToken(c: Priced): number {
  const tokens = callsPerDay(c) * (c.tokens.input + c.tokens.output);
  return tokens > 0 ? perTokenMonthly(c) / tokens : 0;
}

function deployment(engine: EngineContext, openModel: string, members: Priced[], settings: Settings): Deployment | null {
  const volume = members.reduce((s, c) => s + callsPerDay(c), 0);
  const weighted = (f: (c: Priced) => number) => (volume > 0 ? members.reduce((s, c) => s + callsPerDay(c) * f(c), 0) / volume : 0);
  const inputTokens = weighted((c) => c.tokens.input);
  const outputTokens = weighted((c) => c.tokens.output);
  const out = estimate(callScenario(settings, null, openModel, volume, inputTokens, outputTokens), { catalog: engine.catalog, pickGpu: engine.pickGpu });
  if (!out.ok) return null;
  const s = out.result.selfHosted;
  return {
    openModel,
    callSites: members.map(idOf),
    requestsPerDay: volume,
    inputTokens,
    outputTokens,
    gpus: s.capacity.gpusNeeded,
    gpu: typeof out.result.assumptions['capacity.gpu'] === 'string' ? out.result.assumptions['capacity.gpu'] : null,
    gpuChoice: typeof out.result.assumptions.gpuChoice === 'string' ? out.result.assumptions.gpuChoice : null,
    monthlyUsd: s.monthlyUsd,
    computeMonthlyUsd: s.computeMonthlyUsd,
    opsMonthlyUsd: s.opsMonthlyUsd,
    setupMonthlyUsd: s.setupMonthlyUsd,
    apiMonthlyUsd: members.reduce((t, c) => t + c.cost.api.monthlyUsd, 0),
    // The deployment's scenario prices the API at $0 (the members' API cost is summed above): no break-even to note.
    notes: out.result.notes.filter((n) => !BREAK_EVEN_NOTE.test(n)),
  };
}
