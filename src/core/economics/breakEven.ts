// Break-even daily volume: the lowest requests/day at which self-hosting costs no more than the API.
import type { Sizing } from './sizing';

export interface BreakEvenInputs {
  apiPerRequest: number;
  variablePerRequest: number;
  daysPerMonth: number;
  /** Monthly cost that does not move with volume, for a given GPU count. */
  fixedMonthlyFor: (gpus: number) => number;
  sizing: Sizing;
  /** Search bound for step curves: 100 × the workload (at least 100 requests/day). */
  workloadRequestsPerDay: number;
}

const MAX_STEPS = 1_000_000;

export function breakEvenRequestsPerDay(b: BreakEvenInputs): number | null {
  const marginPerRequestDay = (b.apiPerRequest - b.variablePerRequest) * b.daysPerMonth;
  if (!(marginPerRequestDay > 0)) return null;
  const s = b.sizing;
  if (s.kind !== 'steps') {
    const gpus = s.kind === 'fixed' ? s.gpus : 0;
    return b.fixedMonthlyFor(gpus) / marginPerRequestDay;
  }
  // Step curve: on step k (GPUs = k × gpusPerStep) volume lies in ((k−1)·cap, k·cap].
  const limit = 100 * Math.max(b.workloadRequestsPerDay, 1);
  const cap = s.requestsPerDayPerStep;
  for (let k = 1; k <= MAX_STEPS && (k - 1) * cap <= limit; k++) {
    const needed = b.fixedMonthlyFor(k * s.gpusPerStep) / marginPerRequestDay;
    const lo = (k - 1) * cap;
    const candidate = Math.max(needed, k === 1 ? 0 : lo);
    if (candidate <= k * cap && candidate <= limit) return candidate;
  }
  return null;
}

/**
 * Two per-token options (API, hosted open model) have no fixed cost, so their lines never cross: one is cheaper at
 * every volume. Which one, and by how much per request; `equal` within a billionth of a dollar.
 */
export interface PerTokenComparison {
  requestsPerDay: null;
  cheaper: 'api' | 'hosted-open' | 'equal';
  savingPerRequestUsd: number;
}

export function comparePerToken(apiPerRequest: number, hostedPerRequest: number): PerTokenComparison {
  const d = apiPerRequest - hostedPerRequest;
  if (Math.abs(d) <= 1e-9) return { requestsPerDay: null, cheaper: 'equal', savingPerRequestUsd: 0 };
  return { requestsPerDay: null, cheaper: d > 0 ? 'hosted-open' : 'api', savingPerRequestUsd: Math.abs(d) };
}
