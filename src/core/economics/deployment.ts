// Turns a scenario's self-hosted section into a deployment: how GPUs are counted at a volume, what a
// GPU-hour costs (rented, from the scenario or the GPU catalog; or owned: purchase + power), and what it
// can serve — from an explicit throughput (input + output tokens/s) or from the calibrated capacity model
// when `selfHosted.model` and a GPU are given. An explicit throughput wins over the capacity model.
import { DEFAULTS, type Scenario } from '../config';
import { resolveGpu, type Gpu } from '../catalog/gpus';
import { CatalogLookupError } from '../catalog/names';
import { CapacityInputError, estimateCapacity, type CapacityResult } from './capacity';
import { cheapestGpu, isAutoGpu } from './capacityChoice';
import { ownedMonthlyUsd } from './ownership';
import { servingPolicy } from './servingPolicy';
import { GpuOfferError, resolveGpuOffer } from '../catalog/gpuOffers';
import type { Sizing } from './sizing';

type AssumptionValue = number | string | boolean | null;

export interface Deployment {
  sizing: Sizing;
  gpuHourlyUsd: number;
  fits: boolean | null;
  /** Total (input + output) tokens/s at full load for a GPU count; null when unknown. */
  tokensPerSecond(gpus: number): number | null;
  outputTokensPerSecond(gpus: number): number | null;
  /** Requests/day served at the assumed utilization; null when unknown. */
  capacityRequestsPerDay(gpus: number): number | null;
  /** Share of the month's hours the GPUs run (rented hours bound capacity): hoursPerMonth ÷ (24 × daysPerMonth), ≤ 1. */
  hoursShare: number;
  /** GPUs a deployment of this shape needs for a volume (whole replicas); null when the capacity is unknown. */
  gpusFor(requestsPerDay: number): number | null;
  assumptions: Record<string, AssumptionValue>;
}

/**
 * The GPU "auto" lands on, or why none (pickGpu). Pure in the scenario's selfHosted and workload sections and the
 * three figures derived from them, so the engine context may remember it (engine/gpuPicks.ts).
 */
export type GpuPick = { ok: true; gpu: string; why: string; result: CapacityResult } | { ok: false; problem: string };
export type GpuPicker = (s: Scenario, hoursPerMonth: number, hoursShare: number, utilization: number) => GpuPick;

export function resolveDeployment(s: Scenario, problems: string[], notes: string[], picker: GpuPicker = pickGpu): Deployment | null {
  const sh = s.selfHosted ?? {};
  const gpu = sh.gpu;
  const w = s.workload;
  const tokensPerRequest = w.inputTokens + w.outputTokens;
  const outputShare = tokensPerRequest > 0 ? w.outputTokens / tokensPerRequest : 0;
  const utilization = sh.utilization ?? DEFAULTS.utilization;
  const hoursPerMonth = gpu?.hoursPerMonth ?? DEFAULTS.hoursPerMonth;
  // 200 rented hours serve 200 hours of traffic, not a month's: capacity scales with the hours the GPUs run.
  const hoursShare = Math.min(1, hoursPerMonth / (24 * (w.daysPerMonth ?? DEFAULTS.daysPerMonth)));
  if (hoursShare < 1 && gpu) notes.push(`the GPUs run ${hoursPerMonth} of the month's ${24 * (w.daysPerMonth ?? DEFAULTS.daysPerMonth)} hours: capacity is ${round(hoursShare * 100)} % of round-the-clock`);
  const perDay = (tps: number) => (tokensPerRequest > 0 ? (tps * utilization * 86_400 * hoursShare) / tokensPerRequest : null);

  const assumptions: Record<string, AssumptionValue> = {};
  const serving = servingPolicy(s);
  Object.assign(assumptions, serving.assumptions);
  let gpuName = gpu?.name;
  let picked: CapacityResult | null = null;
  if (isAutoGpu(gpuName)) {
    const pick = picker(s, hoursPerMonth, hoursShare, utilization);
    if (!pick.ok) {
      problems.push(pick.problem);
      return null;
    }
    assumptions.gpuChoice = pick.why;
    gpuName = pick.gpu;
    picked = pick.result;
  }
  let catalogGpu: Gpu | null = null;
  if (gpuName !== undefined) {
    try {
      catalogGpu = resolveGpu(gpuName, 'selfHosted.gpu.name');
    } catch (e) {
      if (!(e instanceof CatalogLookupError)) throw e;
      // Without the capacity model or a catalog price the name is only a label.
      if (sh.model !== undefined || (gpu!.hourlyUsd === undefined && gpu!.owned === undefined)) {
        problems.push(`${e.field}: ${e.message}`);
        return null;
      }
      notes.push(`GPU "${gpu!.name}" is not in the GPU catalog; the scenario's own price is used`);
    }
  }
  const hourly = gpuHourly(s, catalogGpu, hoursPerMonth, assumptions, notes, problems);
  if (hourly === null) return null;

  const tps = sh.throughputTokensPerSecond ?? null;
  if (tps !== null) return fromThroughput(tps);
  if (sh.model !== undefined) return fromCapacityModel();
  return fromThroughput(null);

  function fromThroughput(tps: number | null): Deployment | null {
    Object.assign(assumptions, { throughputTokensPerSecond: tps, throughputBasis: tps === null ? null : 'scenario' });
    if (sh.model !== undefined) notes.push('throughputTokensPerSecond is given: it wins over the capacity model for selfHosted.model');
    const base = { fits: null, assumptions, gpuHourlyUsd: hourly!, hoursShare };
    const fixed = (gpus: number | null): Deployment => ({
      ...base,
      // The stated throughput is the whole deployment's: per GPU it is that ÷ the count.
      gpusFor: (x) => (tps === null || gpus === null || perDay(tps)! <= 0 ? null : Math.max(1, Math.ceil((x / perDay(tps)!) * gpus))),
      sizing: gpus === null ? { kind: 'none' } : { kind: 'fixed', gpus, requestsPerDay: tps === null ? null : perDay(tps) },
      gpuHourlyUsd: gpus === null ? 0 : hourly!,
      tokensPerSecond: () => tps,
      outputTokensPerSecond: () => (tps === null ? null : tps * outputShare),
      capacityRequestsPerDay: () => (tps === null ? null : perDay(tps)),
    });
    // No GPU: flat infrastructure (a droplet, a colo bill); capacity is whatever throughput the user states.
    if (!gpu) return fixed(null);
    if (gpu.count !== undefined) return fixed(gpu.count);
    if (tps === null) {
      problems.push('selfHosted.gpu.count: required unless throughputTokensPerSecond (per GPU) or selfHosted.model lets the engine size the deployment');
      return null;
    }
    const perGpu = perDay(tps);
    if (perGpu === null || perGpu <= 0) {
      problems.push('workload.inputTokens: input + output tokens must be greater than 0 to size GPUs from throughput');
      return null;
    }
    notes.push(`gpu.count not given: sized for the workload at ${round(perGpu)} requests/day per GPU (throughputTokensPerSecond is per GPU)`);
    return {
      ...base,
      sizing: { kind: 'steps', gpusPerStep: 1, requestsPerDayPerStep: perGpu },
      gpusFor: (x) => Math.max(1, Math.ceil(x / perGpu)),
      tokensPerSecond: (g) => tps * g,
      outputTokensPerSecond: (g) => tps * g * outputShare,
      capacityRequestsPerDay: (g) => perGpu * g,
    };
  }

  function fromCapacityModel(): Deployment | null {
    let r: CapacityResult;
    try {
      // The picked GPU was sized with these same inputs (pickGpu): its result is this one.
      r = picked ?? estimateCapacity({
        model: sh.model!,
        precision: sh.precision ?? DEFAULTS.precision,
        gpu: catalogGpu!.id,
        gpuCount: gpu!.count,
        inputTokens: w.inputTokens,
        outputTokens: w.outputTokens,
        utilization,
        requestsPerDay: w.requestsPerDay,
        serving: serving.hook,
      });
    } catch (e) {
      if (e instanceof CapacityInputError || e instanceof CatalogLookupError) {
        problems.push(e instanceof CatalogLookupError ? `${e.field}: ${e.message}` : e.message);
        return null;
      }
      throw e;
    }
    if (!r.fits) {
      problems.push(`${gpu!.count !== undefined ? 'selfHosted.gpu.count' : 'selfHosted.model'}: ${r.reason ?? 'the model does not fit'}`);
      return null;
    }
    Object.assign(assumptions, { throughputBasis: r.basis, precision: sh.precision ?? DEFAULTS.precision, gpusPerReplica: r.gpusPerReplica, maxBatch: r.maxBatch });
    for (const [k, v] of Object.entries(r.assumptions)) assumptions[`capacity.${k}`] = v;
    const replicasIn = (g: number) => Math.floor(g / r.gpusPerReplica);
    const perReplica = r.requestsPerDayPerReplica * hoursShare;
    const base = { fits: true, assumptions, gpuHourlyUsd: hourly!, hoursShare, gpusFor: (x: number) => (perReplica > 0 ? Math.max(1, Math.ceil(x / perReplica)) * r.gpusPerReplica : null) };
    if (gpu!.count !== undefined) {
      return {
        ...base,
        sizing: { kind: 'fixed', gpus: gpu!.count, requestsPerDay: r.requestsPerDay * hoursShare },
        tokensPerSecond: () => r.tokensPerSecondPerReplica * r.replicas,
        outputTokensPerSecond: () => r.outputTokensPerSecond,
        capacityRequestsPerDay: () => r.requestsPerDay * hoursShare,
      };
    }
    return {
      ...base,
      sizing: { kind: 'steps', gpusPerStep: r.gpusPerReplica, requestsPerDayPerStep: perReplica },
      tokensPerSecond: (g) => replicasIn(g) * r.tokensPerSecondPerReplica,
      outputTokensPerSecond: (g) => replicasIn(g) * r.outputTokensPerSecondPerReplica,
      capacityRequestsPerDay: (g) => replicasIn(g) * perReplica,
    };
  }
}

/**
 * `gpu.name: "auto"`: the cheapest catalog GPU (and count) that holds `selfHosted.model` and serves the volume.
 * A rent or purchase price is per GPU type, so it needs a pinned GPU; so does a stated throughput.
 */
export function pickGpu(s: Scenario, hoursPerMonth: number, hoursShare: number, utilization: number): GpuPick {
  const sh = s.selfHosted ?? {};
  const gpu = sh.gpu!;
  const pinned = 'pin selfHosted.gpu.name to a catalog GPU';
  const fail = (problem: string): GpuPick => ({ ok: false, problem });
  if (sh.model === undefined || sh.throughputTokensPerSecond !== undefined) {
    return fail(`selfHosted.gpu.name: "auto" lets the capacity model pick the GPU, so it needs selfHosted.model and no throughputTokensPerSecond; ${pinned}`);
  }
  if (gpu.hourlyUsd !== undefined || gpu.owned?.purchaseUsd !== undefined) {
    return fail(`selfHosted.gpu.${gpu.hourlyUsd !== undefined ? 'hourlyUsd' : 'owned.purchaseUsd'}: a GPU price is per GPU type and the GPU is "auto"; ${pinned} to use it`);
  }
  const precision = sh.precision ?? DEFAULTS.precision;
  try {
    const serving = servingPolicy(s).hook;
    const input = { model: sh.model, precision, gpuCount: gpu.count, inputTokens: s.workload.inputTokens, outputTokens: s.workload.outputTokens, utilization, hoursShare, hoursPerMonth };
    const choice = cheapestGpu({
      model: sh.model, precision, gpuCount: gpu.count, inputTokens: s.workload.inputTokens, outputTokens: s.workload.outputTokens,
      utilization, requestsPerDay: s.workload.requestsPerDay, hoursShare, hoursPerMonth, serving,
      hourlyUsd: (g) => gpuHourly(s, g, hoursPerMonth, {}, [], []),
    });
    if (!choice && serving?.capBatch && cheapestGpu({ ...input, serving: undefined, requestsPerDay: s.workload.requestsPerDay, hourlyUsd: () => 0 })) {
      return fail(`selfHosted.slo: no catalog GPU layout (up to 16 GPUs per replica) serves ${sh.model} within the latency target ${servingPolicy(s).assumptions.latencyTarget}; loosen the target (llmCostLens.selfHosted.maxTpotMs / maxTtftMs in the editor) or pick a smaller model`);
    }
    if (!choice) {
      return fail(`selfHosted.model: no catalog GPU holds ${sh.model} in ${precision}${gpu.count !== undefined ? ` on ${gpu.count} GPU(s)` : ''} for ${s.workload.inputTokens + s.workload.outputTokens}-token requests; try a lighter precision or a smaller model`);
    }
    return { ok: true, gpu: choice.gpu.id, why: choice.why, result: choice.result };
  } catch (e) {
    if (e instanceof CapacityInputError || e instanceof CatalogLookupError) return fail(e instanceof CatalogLookupError ? `${e.field}: ${e.message}` : e.message);
    throw e;
  }
}

/** $/GPU-hour: the scenario's rent, else owned (purchase amortized + power), else the catalog's rent. */
function gpuHourly(s: Scenario, catalogGpu: Gpu | null, hoursPerMonth: number, assumptions: Record<string, AssumptionValue>, notes: string[], problems: string[]): number | null {
  const gpu = s.selfHosted?.gpu;
  if (!gpu) return 0;
  if (gpu.hourlyUsd !== undefined) {
    Object.assign(assumptions, { gpuPriceBasis: 'scenario' });
    return gpu.hourlyUsd;
  }
  if (gpu.offer !== undefined) return offerHourly(gpu.offer, catalogGpu, assumptions, notes, problems);
  if (gpu.owned) {
    const o = gpu.owned;
    const purchaseUsd = o.purchaseUsd ?? catalogGpu!.purchaseUsd;
    const owned = ownedMonthlyUsd({
      purchaseUsd,
      amortizationMonths: o.amortizationMonths ?? DEFAULTS.ownedAmortizationMonths,
      count: 1,
      tdpWatts: catalogGpu?.tdpWatts ?? 0,
      loadFactor: o.loadFactor,
      pue: o.pue,
      usdPerKWh: o.usdPerKWh ?? DEFAULTS.usdPerKWh,
      hoursPerMonth,
      overheadFraction: o.overheadFraction,
    });
    if (!catalogGpu) notes.push('owned GPU not in the catalog: its power draw is unknown and costed at $0');
    for (const [k, v] of Object.entries(owned.assumptions)) if (k !== 'count') assumptions[`owned.${k}`] = v;
    Object.assign(assumptions, {
      gpuPriceBasis: o.purchaseUsd !== undefined ? 'owned (scenario purchase price)' : `owned (catalog purchase price: ${catalogGpu!.sources.purchaseUsd}, ${catalogGpu!.asOf})`,
      'owned.amortizationMonthlyUsdPerGpu': owned.amortizationMonthlyUsd,
      'owned.powerMonthlyUsdPerGpu': owned.powerMonthlyUsd,
    });
    return owned.monthlyUsd / hoursPerMonth;
  }
  if (catalogGpu) {
    Object.assign(assumptions, { gpuPriceBasis: `catalog: ${catalogGpu.id} on-demand (${catalogGpu.sources.hourlyUsd}, as of ${catalogGpu.asOf})` });
    if (catalogGpu.unconfirmed.includes('hourlyUsd')) notes.push(`the ${catalogGpu.id} hourly price ($${catalogGpu.hourlyUsd}) has a single public source: check it against your provider`);
    return catalogGpu.hourlyUsd;
  }
  problems.push('selfHosted.gpu.hourlyUsd: required (no catalog GPU to price)');
  return null;
}

/** $/GPU-hour from the GPU-offer table (catalog/gpuOffers.ts), with its provider, tier, source and date. */
function offerHourly(spec: string, catalogGpu: Gpu | null, assumptions: Record<string, AssumptionValue>, notes: string[], problems: string[]): number | null {
  if (!catalogGpu) {
    problems.push('selfHosted.gpu.offer: needs a catalog GPU in selfHosted.gpu.name');
    return null;
  }
  try {
    const o = resolveGpuOffer(catalogGpu.id, spec);
    Object.assign(assumptions, { gpuOffer: `${o.provider}:${o.tier}`, gpuPriceBasis: `offer: ${o.provider} ${o.tier} ${catalogGpu.id} ($${o.hourlyUsd}/h; ${o.source}, ${o.asOf})` });
    if (o.unconfirmed) notes.push(`the ${o.provider} ${o.tier} price of ${catalogGpu.id} ($${o.hourlyUsd}/h) comes from a single or third-party source: check it against the provider`);
    return o.hourlyUsd;
  } catch (e) {
    if (e instanceof GpuOfferError) {
      problems.push(e.message);
      return null;
    }
    throw e;
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
