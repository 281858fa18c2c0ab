// Self-hosted monthly cost: compute + per-token variable cost + ops + amortized setup.

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

export function variableCostPerRequest(c: SelfHostedCostInputs, tokensPerRequest: number): number {
  return (c.variableUsdPerMTok * tokensPerRequest) / 1e6;
}

/** Costs that do not move with volume once the GPU count is fixed. */
export function fixedMonthly(c: SelfHostedCostInputs, gpus: number, withOps: boolean): number {
  const compute = c.fixedMonthlyUsd + gpus * c.gpuHourlyUsd * c.hoursPerMonth;
  if (!withOps) return compute;
  return compute + c.opsHoursPerMonth * c.opsHourlyUsd + (c.setupHours * c.opsHourlyUsd) / c.setupAmortizationMonths;
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
