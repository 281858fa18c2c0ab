// The engine's estimate, memoized per scenario. A scan costs each call site with its own scenario, but many call
// sites share one (the same model, token counts, volume and settings), and sizing the self-hosted side — every
// catalog GPU through the capacity model — is the costly part of the cold scan's costing. The key is every input
// estimate() reads: the scenario (all of its fields), the price catalog (by identity: the memo's owner), "today"
// and the hosted-provider list. The stored outcome is never handed out: each caller, the first one too, gets its own
// copy, so a caller that edits its result (a report's notes, say) can never change what another call site, or a
// later scan, sees. (Deep-freezing the stored outcome as well cost ~10 ms a cold scan and guarded nothing more.)
import type { Scenario } from '../config';
import { estimate, type EstimateOptions, type EstimateOutcome } from '../economics/estimate';
import type { PriceCatalog } from '../catalog/prices-resolve';
import { valueKey, type KeyedMemo } from './memo';

export type EstimateMemo = KeyedMemo<PriceCatalog, EstimateOutcome>;

/** estimate(scenario, options), from the memo when an equal scenario was costed with the same catalog and options. */
export function memoEstimate(memo: EstimateMemo, scenario: Scenario, options: EstimateOptions): EstimateOutcome {
  const key = estimateKey(scenario, options);
  return structuredClone(memo.get(options.catalog, key, () => estimate(scenario, options)));
}

/**
 * Every input but the catalog, as one string. JSON alone would merge what estimate() tells apart: a field set to
 * undefined and a missing one are the same to it (it reads `?? default` / `!== undefined`), but NaN, ±Infinity and
 * null are not, so non-finite numbers are spelled out (valueKey). The GPU picker is not an input: any picker the
 * engine passes gives pickGpu's results.
 */
export function estimateKey(scenario: Scenario, options: Omit<EstimateOptions, 'catalog'>): string {
  return valueKey([scenario, options.today?.getTime() ?? null, options.hostedProviders ?? null]);
}
