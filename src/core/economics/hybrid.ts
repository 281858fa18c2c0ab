// Hybrid routing: a share of requests on the self-hosted deployment, the rest per token — through the API, or
// through the open counterpart's hosted API when that is the cheaper per-token option.
import { gpusAt, type Sizing } from './sizing';

export type HybridRest = 'api' | 'hosted-open';

export interface HybridInputs {
  requestsPerDay: number;
  daysPerMonth: number;
  apiPerRequest: number;
  /** The hosted open model's cost per request; null when there is no hosted-open option. */
  hostedPerRequest?: number | null;
  variablePerRequest: number;
  fixedMonthlyFor: (gpus: number) => number;
  sizing: Sizing;
}

export interface HybridPoint {
  selfHostedShare: number;
  /** Where the requests not self-hosted go. */
  rest: HybridRest;
  gpus: number;
  monthlyUsd: number;
  apiMonthlyUsd: number;
  hostedOpenMonthlyUsd: number;
  selfHostedMonthlyUsd: number;
}

export function hybridAt(h: HybridInputs, share: number, rest: HybridRest = 'api'): HybridPoint {
  const to: HybridRest = rest === 'hosted-open' && h.hostedPerRequest != null ? 'hosted-open' : 'api';
  const selfRequests = h.requestsPerDay * share;
  const restMonthly = (to === 'api' ? h.apiPerRequest : h.hostedPerRequest!) * (h.requestsPerDay - selfRequests) * h.daysPerMonth;
  const apiMonthlyUsd = to === 'api' ? restMonthly : 0;
  const hostedOpenMonthlyUsd = to === 'api' ? 0 : restMonthly;
  if (share === 0) return { selfHostedShare: 0, rest: to, gpus: 0, monthlyUsd: restMonthly, apiMonthlyUsd, hostedOpenMonthlyUsd, selfHostedMonthlyUsd: 0 };
  const gpus = gpusAt(h.sizing, selfRequests);
  const selfHostedMonthlyUsd = h.fixedMonthlyFor(gpus) + h.variablePerRequest * selfRequests * h.daysPerMonth;
  return { selfHostedShare: share, rest: to, gpus, monthlyUsd: restMonthly + selfHostedMonthlyUsd, apiMonthlyUsd, hostedOpenMonthlyUsd, selfHostedMonthlyUsd };
}

/** The cheaper per-token destination for overflow: hosted-open only when it exists and costs less per request. */
export function cheaperRest(h: Pick<HybridInputs, 'apiPerRequest' | 'hostedPerRequest'>): HybridRest {
  return h.hostedPerRequest != null && h.hostedPerRequest < h.apiPerRequest ? 'hosted-open' : 'api';
}

/**
 * Cheapest split over whole-GPU steps: fill k replicas completely, overflow to the cheaper per-token option.
 * Only meaningful when capacity per step is known; null otherwise or when no split beats every single option.
 */
export function bestHybrid(h: HybridInputs): HybridPoint | null {
  const s = h.sizing;
  if (s.kind !== 'steps' || h.requestsPerDay <= 0) return null;
  const rest = cheaperRest(h);
  const allPerToken = hybridAt(h, 0, rest);
  const allSelf = hybridAt(h, 1);
  let best: HybridPoint | null = null;
  const fullSteps = Math.floor(h.requestsPerDay / s.requestsPerDayPerStep);
  for (let k = 1; k <= Math.min(fullSteps, 10_000); k++) {
    const point = hybridAt(h, Math.min(1, (k * s.requestsPerDayPerStep) / h.requestsPerDay), rest);
    if (point.selfHostedShare < 1 && (!best || point.monthlyUsd < best.monthlyUsd)) best = point;
  }
  if (!best || best.monthlyUsd >= Math.min(allPerToken.monthlyUsd, allSelf.monthlyUsd)) return null;
  return best;
}
