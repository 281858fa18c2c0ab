// Monthly cost against requests/day, for the break-even chart. A point is what `estimate` reports with
// the workload's volume replaced, so the chart cannot disagree with the CLI, hover or CodeLens.
// Samples are log-spaced; where the GPU count changes between two samples the step is located
// (capacity hint, else bisection) and sampled on both sides so it draws as a cliff.
//
// Speed: a full `estimate` also searches both break-evens and the best hybrid split, which for a step
// curve that never pays off walks up to 10⁶ steps per call (seconds for a 1,000-point curve). So the
// points come from the same building blocks estimate uses (deployment sizing, selfHostedMonthly, the
// API cost per request) minus the searches; that shortcut is checked against `estimate` at two volumes
// on every call and, should the engine ever price differently, the curve falls back to `estimate` per point.
import type { PriceCatalog } from '../catalog/prices-resolve';
import { DEFAULTS, formatZodIssues, scenarioSchema, type Scenario } from '../config';
import { resolveDeployment } from './deployment';
import { estimate, type EstimateOptions, type EstimateResult } from './estimate';
import { selfHostedCostInputs, selfHostedMonthly, type SelfHostedCostInputs } from './selfHosted';
import { gpusAt } from './sizing';

export interface CostCurve {
  /** Requests/day, strictly increasing. */
  volumes: number[];
  /** Monthly USD at each volume. */
  api: number[];
  selfHostedWithOps: number[];
  /** Self-hosted without ops and amortized setup: infrastructure + GPUs + per-token variable cost. */
  selfHostedComputeOnly: number[];
  /** The open counterpart through its hosted API (the third line); null when no host serves it. */
  hostedOpen: number[] | null;
  /** GPUs at each volume; null where the deployment has no GPUs (flat infrastructure only). */
  gpus: (number | null)[];
  /** From the estimate at the scenario's own volume (break-evens as the engine reports them). */
  markers: {
    breakEvenComputeOnly: number | null; breakEvenWithOps: number | null; current: number;
    /** Self-hosting against the hosted open model (with ops); null without one or without a crossing. */
    breakEvenHostedWithOps: number | null;
  };
  /** Volumes where the GPU count steps up: the highest volume the lower count still serves. */
  steps: number[];
}

export interface CostCurveOptions {
  /** The price catalog to cost with (the engine context's). */
  catalog: PriceCatalog;
  /** Log-spaced samples across the range (default 200, at least 2); located steps add two samples each. */
  points?: number;
  minRequestsPerDay?: number;
  maxRequestsPerDay?: number;
  /** `llmCostLens.hostedProviders`, as the estimate it draws uses it. */
  hostedProviders?: readonly string[];
}

export type CostCurveOutcome = { ok: true; curve: CostCurve } | { ok: false; problems: string[] };

/** The scenario is invalid (the engine's `path.to.field: reason` lines) or the options are. */
export class CostCurveError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'CostCurveError';
  }
}

const DEFAULT_POINTS = 200;
const MAX_POINTS = 10_000;
/** Beyond this many located steps the staircase is denser than a pixel on a log axis: sampled only. */
const MAX_LOCATED_STEPS = 400;
/** Relative width to which a step is located. */
const STEP_TOLERANCE = 1e-9;
const MAX_BISECTIONS = 200;

export interface Sample {
  v: number;
  api: number;
  /** The hosted open model's monthly cost; null when there is none. */
  hosted: number | null;
  withOps: number;
  computeOnly: number;
  gpus: number | null;
  /** Requests/day the current GPU count serves (for auto-sized GPUs: the top of the current step). */
  capacity: number | null;
}

/** Validate raw (parsed JSON) input like `estimateFromInput`, then build the curve. */
export function costCurveFromInput(raw: unknown, opts: CostCurveOptions): CostCurveOutcome {
  const parsed = scenarioSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: formatZodIssues(parsed.error.issues) };
  try {
    return { ok: true, curve: costCurve(parsed.data, opts) };
  } catch (e) {
    if (e instanceof CostCurveError) return { ok: false, problems: e.problems };
    throw e;
  }
}

/** Throws CostCurveError for a scenario the engine rejects or for an invalid range/point count. */
export function costCurve(scenario: Scenario, opts: CostCurveOptions): CostCurve {
  const current = scenario.workload.requestsPerDay;
  const engineOptions = { catalog: opts.catalog, hostedProviders: opts.hostedProviders };
  const base = estimate(scenario, engineOptions);
  if (!base.ok) throw new CostCurveError(base.problems);
  const sampleAt = sampler(scenario, base.result, engineOptions);
  const markers = {
    breakEvenComputeOnly: base.result.breakEven.computeOnlyRequestsPerDay,
    breakEvenWithOps: base.result.breakEven.withOpsRequestsPerDay,
    current,
    breakEvenHostedWithOps: base.result.breakEven.hostedOpenVsSelfHosted?.withOpsRequestsPerDay ?? null,
  };

  const points = opts.points ?? DEFAULT_POINTS;
  const [lo, hi] = range(markers, opts);
  const problems: string[] = [];
  if (!Number.isInteger(points) || points < 2 || points > MAX_POINTS) problems.push(`points: must be an integer from 2 to ${MAX_POINTS} (got ${points})`);
  if (!(Number.isFinite(lo) && lo > 0)) problems.push(`minRequestsPerDay: must be a finite number > 0 on a log scale (got ${lo})`);
  if (!(Number.isFinite(hi) && hi > lo)) problems.push(`maxRequestsPerDay: must be a finite number > minRequestsPerDay (got ${hi}, min ${lo})`);
  if (problems.length) throw new CostCurveError(problems);

  const grid: Sample[] = [];
  const ratio = Math.log(hi / lo);
  for (let i = 0; i < points; i++) grid.push(sampleAt(i === points - 1 ? hi : lo * Math.exp((ratio * i) / (points - 1))));

  const samples: Sample[] = [grid[0]!];
  const steps: number[] = [];
  const last = () => samples[samples.length - 1]!;
  for (const b of grid.slice(1)) {
    let a = last();
    while (a.gpus !== null && b.gpus !== null && a.gpus !== b.gpus && steps.length < MAX_LOCATED_STEPS) {
      const [below, above] = locateStep(sampleAt, a, b);
      if (below.v > last().v) samples.push(below);
      steps.push(below.v);
      if (above.v >= b.v) break;
      samples.push(above);
      a = above;
    }
    if (b.v > last().v) samples.push(b);
  }

  return {
    volumes: samples.map((s) => s.v),
    api: samples.map((s) => s.api),
    selfHostedWithOps: samples.map((s) => s.withOps),
    selfHostedComputeOnly: samples.map((s) => s.computeOnly),
    hostedOpen: base.result.hostedOpen ? samples.map((s) => s.hosted ?? 0) : null,
    gpus: samples.map((s) => s.gpus),
    markers,
    steps,
  };
}

/**
 * Default range: from 1/100 of the smallest of (workload, break-evens) to 100× the largest,
 * always reaching down to 1 request/day and up to 10× the workload.
 */
function range(m: CostCurve['markers'], opts: CostCurveOptions): [number, number] {
  const anchors = [m.current, m.breakEvenComputeOnly, m.breakEvenWithOps, m.breakEvenHostedWithOps].filter((x): x is number => x !== null && x > 0);
  if (anchors.length === 0) anchors.push(100);
  const lo = opts.minRequestsPerDay ?? Math.min(1, Math.min(...anchors) / 100);
  let hi = opts.maxRequestsPerDay ?? Math.max(10 * m.current, Math.max(...anchors) * 100);
  if (opts.maxRequestsPerDay === undefined && opts.minRequestsPerDay !== undefined && hi <= lo) hi = lo * 1000;
  return [lo, hi];
}

type Sampler = (requestsPerDay: number) => Sample;

/** The shortcut when it matches the engine at the workload and at a second volume; the engine otherwise. */
export function sampler(s: Scenario, base: EstimateResult, options: EstimateOptions): Sampler & { source: 'shortcut' | 'engine' } {
  const reference = Object.assign((v: number) => engineSample(s, v, options), { source: 'engine' as const });
  const fast = fastSampler(s, base);
  if (!fast) return reference;
  const v0 = s.workload.requestsPerDay;
  // Below the workload: the engine's break-even search, and so the check, is cheapest there.
  const probe = v0 > 0 ? v0 * 0.37 : 3.7;
  const agrees = same(fast(v0), fromResult(v0, base)) && same(fast(probe), reference(probe));
  return agrees ? Object.assign(fast, { source: 'shortcut' as const }) : reference;
}

/** Reference: the whole engine at this volume. */
export function engineSample(s: Scenario, v: number, options: EstimateOptions): Sample {
  const out = estimate({ ...s, workload: { ...s.workload, requestsPerDay: v } }, options);
  if (!out.ok) throw new CostCurveError(out.problems.map((p) => `at ${v} requests/day: ${p}`));
  return fromResult(v, out.result);
}

function fromResult(v: number, r: EstimateResult): Sample {
  const sh = r.selfHosted;
  return {
    v,
    api: r.api.monthlyUsd,
    hosted: r.hostedOpen?.monthlyUsd ?? null,
    withOps: sh.monthlyUsd,
    computeOnly: sh.monthlyUsd - sh.opsMonthlyUsd - sh.setupMonthlyUsd,
    gpus: sh.capacity.gpusNeeded,
    capacity: sh.capacity.requestsPerDay,
  };
}

/** Same arithmetic as `estimate`, in the same order, without the break-even and hybrid searches. */
export function fastSampler(s: Scenario, base: EstimateResult): Sampler | null {
  const deployment = resolveDeployment(s, [], []);
  if (!deployment) return null;
  const w = s.workload;
  const daysPerMonth = w.daysPerMonth ?? DEFAULTS.daysPerMonth;
  const tokensPerRequest = w.inputTokens + w.outputTokens;
  const apiPerRequest = base.api.costPerRequestUsd;
  // The host was chosen for the token mix, which does not move with volume: the same host at every volume.
  const hostedPerRequest = base.hostedOpen?.costPerRequestUsd ?? null;
  const cost: SelfHostedCostInputs = selfHostedCostInputs(s, deployment.gpuHourlyUsd);
  return (v) => {
    const gpus = gpusAt(deployment.sizing, v);
    const b = selfHostedMonthly(cost, gpus, v * daysPerMonth, tokensPerRequest);
    return {
      v,
      api: apiPerRequest * v * daysPerMonth,
      hosted: hostedPerRequest === null ? null : hostedPerRequest * v * daysPerMonth,
      withOps: b.monthlyUsd,
      computeOnly: b.monthlyUsd - b.opsMonthlyUsd - b.setupMonthlyUsd,
      gpus: deployment.sizing.kind === 'none' ? null : gpus,
      capacity: deployment.capacityRequestsPerDay(gpus),
    };
  };
}

function same(a: Sample, b: Sample): boolean {
  const close = (x: number | null, y: number | null) => x === y || (x !== null && y !== null && Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y)));
  return close(a.api, b.api) && close(a.hosted, b.hosted) && close(a.withOps, b.withOps) && close(a.computeOnly, b.computeOnly) && a.gpus === b.gpus && close(a.capacity, b.capacity);
}

/**
 * The first GPU step above `a` (a.gpus ≠ b.gpus): the last sample on a's count and the first past it,
 * at most STEP_TOLERANCE apart. Auto-sized GPUs step exactly where the current count's capacity runs out,
 * so that is tried first (two evaluations); bisection covers anything else.
 */
function locateStep(sampleAt: Sampler, a: Sample, b: Sample): [Sample, Sample] {
  let lo = a;
  let hi = b;
  if (a.capacity !== null && a.capacity > a.v && a.capacity < b.v) {
    const edge = sampleAt(a.capacity);
    if (edge.gpus === a.gpus) {
      lo = edge;
      const past = sampleAt(edge.v + Math.max(edge.v * STEP_TOLERANCE * 1e-3, Number.MIN_VALUE));
      if (past.gpus !== a.gpus) return [lo, past];
      lo = past;
    } else {
      hi = edge;
    }
  }
  for (let i = 0; i < MAX_BISECTIONS && hi.v - lo.v > STEP_TOLERANCE * hi.v; i++) {
    const mid = sampleAt((lo.v + hi.v) / 2);
    if (mid.v <= lo.v || mid.v >= hi.v) break;
    if (mid.gpus === lo.gpus) lo = mid;
    else hi = mid;
  }
  return [lo, hi];
}
