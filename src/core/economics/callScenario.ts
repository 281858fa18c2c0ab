// Settings → engine input: the scenario the cost engine runs for one call site (and for a shared deployment in the
// totals, and for the panel's chart). It lives with the engine so data flows one way: scan and format call it.
import { DEFAULT_ENGINE } from './servingEngines';
import type { Scenario } from '../config';
import { own, type Settings } from '../settings';

/** The scenario the engine is run on for one call site (also used for shared deployments in totals). */
export function callScenario(settings: Settings, model: string | null, openModel: string | null, requestsPerDay: number, inputTokens: number, outputTokens: number, cachedInputTokens?: number, batch = false, cacheWriteTokens?: number): Scenario {
  const price = model ? own(settings.prices, model) : undefined;
  const shape = trafficShape(settings);
  return {
    workload: { requestsPerDay, inputTokens, outputTokens, ...(cachedInputTokens ? { cachedInputTokens } : {}), ...(cacheWriteTokens ? { cacheWriteTokens } : {}), daysPerMonth: settings.daysPerMonth, ...shape },
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
        ...servingSettings(settings),
      } : {}),
      // A traffic shape sizes replicas for the peak: utilization then follows from it (trafficShape.ts).
      ...(shape ? {} : { utilization: settings['selfHosted.utilization'] }),
      fixedMonthlyUsd: settings['selfHosted.fixedMonthlyUsd'],
      opsHoursPerMonth: settings['selfHosted.opsHoursPerMonth'],
      opsHourlyUsd: settings['selfHosted.opsHourlyUsd'],
      setupHours: settings['selfHosted.setupHours'],
      setupAmortizationMonths: settings['selfHosted.setupAmortizationMonths'],
    },
  };
}

/** Rent (the folder's $/hour, else the catalog's) or ownership (purchase amortized + power): the engine's `gpu.owned`. */
function gpuPrice(settings: Settings): Pick<NonNullable<NonNullable<Scenario['selfHosted']>['gpu']>, 'hourlyUsd' | 'owned' | 'offer'> {
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
  if (settings['selfHosted.gpuHourlyUsd'] !== null) return { hourlyUsd: settings['selfHosted.gpuHourlyUsd'] };
  return settings['selfHosted.gpuOffer'] !== null ? { offer: settings['selfHosted.gpuOffer'] } : {};
}

/** The traffic-shape settings as workload fields; undefined while both are at their defaults (no shape). */
function trafficShape(settings: Settings): { peakToAverage: number; activeHoursPerDay: number } | undefined {
  const shaped = settings.peakToAverage !== 1 || settings.activeHoursPerDay !== 24 || settings['selfHosted.scaleToZero'];
  return shaped ? { peakToAverage: settings.peakToAverage, activeHoursPerDay: settings.activeHoursPerDay } : undefined;
}

/** Engine, latency target and scale-to-zero: only what differs from the default (vLLM), always-on deployment. */
function servingSettings(settings: Settings): Pick<NonNullable<Scenario['selfHosted']>, 'engine' | 'slo' | 'scaleToZero'> {
  const engine = settings['selfHosted.engine'];
  const tpot = settings['selfHosted.maxTpotMs'];
  const ttft = settings['selfHosted.maxTtftMs'];
  const owned = settings['selfHosted.gpuOwnership'] === 'owned';
  return {
    ...(engine !== DEFAULT_ENGINE ? { engine } : {}), // the default applies where the scenario names none
    ...(tpot !== null || ttft !== null ? { slo: { ...(tpot !== null ? { maxTpotMs: tpot } : {}), ...(ttft !== null ? { maxTtftMs: ttft } : {}) } } : {}),
    ...(settings['selfHosted.scaleToZero'] && !owned ? { scaleToZero: true } : {}),
  };
}
