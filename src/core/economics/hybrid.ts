// Hybrid routing: a share of requests on the self-hosted deployment, the rest through the API.
import { gpusAt, type Sizing } from './sizing';

export interface HybridInputs {
  requestsPerDay: number;
  daysPerMonth: number;
  apiPerRequest: number;
  variablePerRequest: number;
  fixedMonthlyFor: (gpus: number) => number;
  sizing: Sizing;
}

export interface HybridPoint {
  selfHostedShare: number;
  gpus: number;
  monthlyUsd: number;
  apiMonthlyUsd: number;
  selfHostedMonthlyUsd: number;
}

export function hybridAt(h: HybridInputs, share: number): HybridPoint {
  const selfRequests = h.requestsPerDay * share;
  const apiMonthlyUsd = h.apiPerRequest * (h.requestsPerDay - selfRequests) * h.daysPerMonth;
  if (share === 0) return { selfHostedShare: 0, gpus: 0, monthlyUsd: apiMonthlyUsd, apiMonthlyUsd, selfHostedMonthlyUsd: 0 };
  const gpus = gpusAt(h.sizing, selfRequests);
  const selfHostedMonthlyUsd = h.fixedMonthlyFor(gpus) + h.variablePerRequest * selfRequests * h.daysPerMonth;
  return { selfHostedShare: share, gpus, monthlyUsd: apiMonthlyUsd + selfHostedMonthlyUsd, apiMonthlyUsd, selfHostedMonthlyUsd };
}

/**
 * Cheapest split over whole-GPU steps: fill k replicas completely, overflow to the API.
 * Only meaningful when capacity per step is known; null otherwise or when no split beats both ends.
 */
export function bestHybrid(h: HybridInputs): HybridPoint | null {
  const s = h.sizing;
  if (s.kind !== 'steps' || h.requestsPerDay <= 0) return null;
  const allApi = hybridAt(h, 0);
  const allSelf = hybridAt(h, 1);
  let best: HybridPoint | null = null;
  const fullSteps = Math.floor(h.requestsPerDay / s.requestsPerDayPerStep);
  for (let k = 1; k <= Math.min(fullSteps, 10_000); k++) {
    const point = hybridAt(h, Math.min(1, (k * s.requestsPerDayPerStep) / h.requestsPerDay));
    if (point.selfHostedShare < 1 && (!best || point.monthlyUsd < best.monthlyUsd)) best = point;
  }
  if (!best || best.monthlyUsd >= Math.min(allApi.monthlyUsd, allSelf.monthlyUsd)) return null;
  return best;
}
