// Traffic shape: requests arrive during `activeHoursPerDay` hours, peaking at `peakToAverage` × the average rate of
// those hours. Replicas are sized for the peak, so the deployment's average utilization follows from the shape
// instead of being assumed. With `scaleToZero`, serverless GPUs run (and bill per second) only in the active hours.
//
// Implemented as a rewrite of the scenario the engine already understands: a replica serving r requests/s at full
// load carries r × 3,600 × H ÷ P requests a day when sized for the peak, which is the engine's
// r × 86,400 × utilization × hoursShare with utilization = H ÷ (24 P) always-on (hoursShare 1), or
// utilization = 1 ÷ P with scaleToZero (billed hours H × days, hoursShare H ÷ 24).
import { DEFAULTS, type Scenario } from '../config';

type AssumptionValue = number | string | boolean | null;

export interface TrafficShape {
  scenario: Scenario;
  /** null when the scenario has no traffic shape (the engine runs exactly as before). */
  shape: { peakToAverage: number; activeHoursPerDay: number; scaleToZero: boolean; sizingUtilization: number } | null;
  assumptions: Record<string, AssumptionValue>;
}

/** Cold start of a large LLM on a serverless GPU: the load time of the weights (spheron.network, 2026). */
export const COLD_START_NOTE = 'the first request after an idle spell waits for a cold start (6–60 s for a large LLM on serverless GPUs, per spheron.network 2026): not in these figures';

export function applyTrafficShape(s: Scenario, notes: string[]): TrafficShape {
  const w = s.workload;
  const sh = s.selfHosted;
  if (w.peakToAverage === undefined && w.activeHoursPerDay === undefined && !sh?.scaleToZero) return { scenario: s, shape: null, assumptions: {} };
  const peakToAverage = w.peakToAverage ?? 1;
  const activeHoursPerDay = w.activeHoursPerDay ?? 24;
  const scaleToZero = sh?.scaleToZero === true;
  const days = w.daysPerMonth ?? DEFAULTS.daysPerMonth;
  const sizingUtilization = scaleToZero ? 1 / peakToAverage : activeHoursPerDay / (24 * peakToAverage);
  notes.push(`replicas are sized for the peak: ${fmt(peakToAverage)}× the average rate of ${fmt(activeHoursPerDay)} active hours a day (capacity counted at ${fmt(sizingUtilization * 100)} % of full load${scaleToZero ? ' over the billed hours' : ''})`);
  let gpu = sh?.gpu;
  if (scaleToZero && gpu) {
    gpu = { ...gpu, hoursPerMonth: activeHoursPerDay * days, ...(gpu.hourlyUsd === undefined && gpu.offer === undefined ? { offer: 'serverless' } : {}) };
    notes.push(`scale to zero: GPUs are billed per second for ${fmt(activeHoursPerDay)} h a day × ${fmt(days)} days = ${fmt(activeHoursPerDay * days)} h a month; ${COLD_START_NOTE}`);
  }
  const scenario: Scenario = { ...s, ...(sh ? { selfHosted: { ...sh, utilization: sizingUtilization, ...(gpu ? { gpu } : {}) } } : {}) };
  return {
    scenario,
    shape: { peakToAverage, activeHoursPerDay, scaleToZero, sizingUtilization },
    assumptions: { peakToAverage, activeHoursPerDay, scaleToZero, sizingUtilization },
  };
}

/** The deployment's real average load: the workload ÷ what its GPUs serve at full load over the billed hours. */
export function averageUtilization(shape: NonNullable<TrafficShape['shape']>, requestsPerDay: number, capacityRequestsPerDay: number | null): number | null {
  if (capacityRequestsPerDay === null || capacityRequestsPerDay <= 0) return null;
  return (requestsPerDay * shape.sizingUtilization) / capacityRequestsPerDay;
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
