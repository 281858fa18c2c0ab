// Settings → engine input: the scenario the cost engine runs for one call site (and for a shared deployment in the
// totals, and for the panel's chart). It lives with the engine so data flows one way: scan and format call it.
import type { Scenario } from '../config';
import { own, type Settings } from '../settings';

/** The scenario the engine is run on for one call site (also used for shared deployments in totals). */
export function callScenario(settings: Settings, model: string | null, openModel: string | null, requestsPerDay: number, inputTokens: number, outputTokens: number, cachedInputTokens?: number, batch = false, cacheWriteTokens?: number): Scenario {
  const price = model ? own(settings.prices, model) : undefined;
  return {
    workload: { requestsPerDay, inputTokens, outputTokens, ...(cachedInputTokens ? { cachedInputTokens } : {}), ...(cacheWriteTokens ? { cacheWriteTokens } : {}), daysPerMonth: settings.daysPerMonth },
    // a batch submission (DetectedCall kind 'batch') is billed at the provider's batch price (catalog/batch.ts)
    api: model ? { model, ...(price ?? {}), ...(batch ? { batch: true } : {}) } : { inputUsdPerMTok: 0, outputUsdPerMTok: 0 },
    selfHosted: {
      // Without an open counterpart there is nothing to size; the caller reports selfHosted as null.
      ...(openModel ? {
        model: openModel,
        precision: settings['selfHosted.precision'],
        gpu: {
          name: settings['selfHosted.gpu'],
          ...(settings['selfHosted.gpuCount'] > 0 ? { count: settings['selfHosted.gpuCount'] } : {}),
          ...gpuPrice(settings),
        },
      } : {}),
      utilization: settings['selfHosted.utilization'],
      fixedMonthlyUsd: settings['selfHosted.fixedMonthlyUsd'],
      opsHoursPerMonth: settings['selfHosted.opsHoursPerMonth'],
      opsHourlyUsd: settings['selfHosted.opsHourlyUsd'],
      setupHours: settings['selfHosted.setupHours'],
      setupAmortizationMonths: settings['selfHosted.setupAmortizationMonths'],
    },
  };
}

/** Rent (the folder's $/hour, else the catalog's) or ownership (purchase amortized + power): the engine's `gpu.owned`. */
function gpuPrice(settings: Settings): { hourlyUsd?: number; owned?: NonNullable<NonNullable<NonNullable<Scenario['selfHosted']>['gpu']>['owned']> } {
  if (settings['selfHosted.gpuOwnership'] === 'owned') {
    return {
      owned: {
        ...(settings['selfHosted.gpuPurchaseUsd'] !== null ? { purchaseUsd: settings['selfHosted.gpuPurchaseUsd'] } : {}),
        amortizationMonths: settings['selfHosted.gpuAmortizationMonths'],
        usdPerKWh: settings['selfHosted.powerUsdPerKWh'],
        pue: settings['selfHosted.pue'],
      },
    };
  }
  return settings['selfHosted.gpuHourlyUsd'] !== null ? { hourlyUsd: settings['selfHosted.gpuHourlyUsd'] } : {};
}
