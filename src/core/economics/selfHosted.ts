// Self-hosted monthly cost: compute + per-token variable cost + ops + amortized setup.
import { DEFAULTS, type Scenario } from '../config';

export interface SelfHostedCostInputs {
  fixedMonthlyUsd: number;
  gpuHourlyUsd: number;
  hoursPerMonth: number;
  variableUsdPerMTok: number;
  opsHoursPerMonth: number;
  opsHourlyUsd: number;
  setupHours: number;
  setupAmortizationMonths: number;
}

export interface SelfHostedBreakdown {
  monthlyUsd: number;
  computeMonthlyUsd: number;
  variableMonthlyUsd: number;
  opsMonthlyUsd: number;
  setupMonthlyUsd: number;
  setupOneTimeUsd: number;
}

/** The scenario's self-hosted cost inputs with defaults applied (the GPU-hour price comes from the deployment). */
export function selfHostedCostInputs(s: Scenario, gpuHourlyUsd: number): SelfHostedCostInputs {
  const sh = s.selfHosted ?? {};
  return {
    fixedMonthlyUsd: sh.fixedMonthlyUsd ?? 0,
    gpuHourlyUsd,
    hoursPerMonth: sh.gpu?.hoursPerMonth ?? DEFAULTS.hoursPerMonth,
    variableUsdPerMTok: sh.variableUsdPerMTok ?? 0,
    opsHoursPerMonth: sh.opsHoursPerMonth ?? 0,
    opsHourlyUsd: sh.opsHourlyUsd ?? 0,
    setupHours: sh.setupHours ?? 0,
    setupAmortizationMonths: sh.setupAmortizationMonths ?? DEFAULTS.setupAmortizationMonths,
  };
}

export function variableCostPerRequest(c: SelfHostedCostInputs, tokensPerRequest: number): number {
  return (c.variableUsdPerMTok * tokensPerRequest) / 1e6;
}

/** Costs that do not move with volume once the GPU count is fixed. */
export function fixedMonthly(c: SelfHostedCostInputs, gpus: number, withOps: boolean): number {
  const compute = c.fixedMonthlyUsd + gpus * c.gpuHourlyUsd * c.hoursPerMonth;
  if (!withOps) return compute;
  return compute + c.opsHoursPerMonth * c.opsHourlyUsd + (c.setupHours * c.opsHourlyUsd) / c.setupAmortizationMonths;
}

/**
 * What self-hosting costs a month before any GPU or token: fixed infrastructure + ops + amortized setup. Never above
 * selfHostedMonthly(...).monthlyUsd for the same inputs, bit for bit: that total adds the same terms in the same order
 * with the GPUs' compute and the per-token cost in between, both ≥ 0 for valid inputs (the schemas bound every rate
 * and price below by 0), and rounding to nearest never makes a sum of larger terms smaller. The totals use it to skip
 * deployments that cannot beat a cheaper routing (scan/totals.ts).
 */
export function selfHostedFloorMonthly(c: SelfHostedCostInputs): number {
  return c.fixedMonthlyUsd + c.opsHoursPerMonth * c.opsHourlyUsd + (c.setupHours * c.opsHourlyUsd) / c.setupAmortizationMonths;
}

export function selfHostedMonthly(c: SelfHostedCostInputs, gpus: number, requestsPerMonth: number, tokensPerRequest: number): SelfHostedBreakdown {
  const computeMonthlyUsd = c.fixedMonthlyUsd + gpus * c.gpuHourlyUsd * c.hoursPerMonth;
  const variableMonthlyUsd = variableCostPerRequest(c, tokensPerRequest) * requestsPerMonth;
  const opsMonthlyUsd = c.opsHoursPerMonth * c.opsHourlyUsd;
  const setupOneTimeUsd = c.setupHours * c.opsHourlyUsd;
  const setupMonthlyUsd = setupOneTimeUsd / c.setupAmortizationMonths;
  return {
    monthlyUsd: computeMonthlyUsd + variableMonthlyUsd + opsMonthlyUsd + setupMonthlyUsd,
    computeMonthlyUsd,
    variableMonthlyUsd,
    opsMonthlyUsd,
    setupMonthlyUsd,
    setupOneTimeUsd,
  };
}
