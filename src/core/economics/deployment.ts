// Turns a scenario's self-hosted section into a deployment: how GPUs are counted at a volume,
// what it costs per GPU-hour, and what it can serve. Capacity comes from an explicit throughput
// (total input + output tokens/s) or, when `selfHosted.model` is given, from the capacity model.
import type { Scenario } from '../config';
import { DEFAULTS } from '../config';
import type { Sizing } from './sizing';

export interface Deployment {
  sizing: Sizing;
  gpuHourlyUsd: number;
  fits: boolean | null;
  /** Total (input + output) tokens/s at full load for a GPU count; null when unknown. */
  tokensPerSecond(gpus: number): number | null;
  outputTokensPerSecond(gpus: number): number | null;
  /** Requests/day served at the assumed utilization; null when unknown. */
  capacityRequestsPerDay(gpus: number): number | null;
  assumptions: Record<string, number | string | boolean | null>;
}

export function resolveDeployment(s: Scenario, problems: string[], notes: string[]): Deployment | null {
  const sh = s.selfHosted ?? {};
  const gpu = sh.gpu;
  const w = s.workload;
  const tokensPerRequest = w.inputTokens + w.outputTokens;
  const outputShare = tokensPerRequest > 0 ? w.outputTokens / tokensPerRequest : 0;
  const utilization = sh.utilization ?? DEFAULTS.utilization;
  const perDay = (tps: number) => (tokensPerRequest > 0 ? (tps * utilization * 86_400) / tokensPerRequest : null);

  if (sh.model !== undefined || sh.precision !== undefined) {
    problems.push('selfHosted.model: capacity from an open model needs the model/GPU catalogs, which are not available yet; give throughputTokensPerSecond instead');
    return null;
  }
  if (gpu?.name !== undefined && gpu.hourlyUsd === undefined) {
    problems.push(`selfHosted.gpu.hourlyUsd: required (no GPU price catalog yet for "${gpu.name}")`);
    return null;
  }
  const tps = sh.throughputTokensPerSecond ?? null;
  const base = { fits: null, assumptions: { throughputTokensPerSecond: tps, throughputBasis: tps === null ? null : 'scenario' } };

  if (!gpu) {
    // Flat infrastructure (a droplet, a colo bill): capacity is whatever throughput the user states.
    return {
      ...base,
      sizing: { kind: 'none' },
      gpuHourlyUsd: 0,
      tokensPerSecond: () => tps,
      outputTokensPerSecond: () => (tps === null ? null : tps * outputShare),
      capacityRequestsPerDay: () => (tps === null ? null : perDay(tps)),
    };
  }
  const hourly = gpu.hourlyUsd ?? 0;
  if (gpu.count !== undefined) {
    return {
      ...base,
      sizing: { kind: 'fixed', gpus: gpu.count, requestsPerDay: tps === null ? null : perDay(tps) },
      gpuHourlyUsd: hourly,
      tokensPerSecond: () => tps,
      outputTokensPerSecond: () => (tps === null ? null : tps * outputShare),
      capacityRequestsPerDay: () => (tps === null ? null : perDay(tps)),
    };
  }
  if (tps === null) {
    problems.push('selfHosted.gpu.count: required unless throughputTokensPerSecond (per GPU) lets the engine size the deployment');
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
    gpuHourlyUsd: hourly,
    tokensPerSecond: (g) => tps * g,
    outputTokensPerSecond: (g) => tps * g * outputShare,
    capacityRequestsPerDay: (g) => perGpu * g,
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
