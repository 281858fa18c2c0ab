// Quick fixes that change the estimate, not the code: they write `llmCostLens.callSites[key]` in the folder's
// settings, and say plainly that the code still has to follow (a batch submission, a client pointed at another
// host). Each saving is the difference of two engine estimates at the call's volume, like the code fixes.
import type { CallSiteReport } from '../scan/callSite';
import type { Settings } from '../settings';
import { lookupApiPrice } from '../catalog/prices';
import type { PriceCatalog } from '../catalog/prices-resolve';
import { formatUsd } from '../money';
import type { QuickFix, Variant } from './quickFixModel';

/** What a settings fix writes into `llmCostLens.callSites[key]`. */
export interface CallSitePatch { batch?: true; model?: string }

export type ApiMonthly = (catalog: PriceCatalog, c: CallSiteReport, settings: Settings, variant: Variant) => number | null;

const minus = (usd: number) => `−${formatUsd(usd)}/mo`;
const entry = (c: CallSiteReport) => `llmCostLens.callSites["${c.key}"]`;

/** Batch APIs take chat-style requests (OpenAI also embeddings; not every provider does): these kinds only. */
const BATCHABLE = new Set(['chat', 'responses']);

/**
 * `Use the Batch API if this is an offline job (−50 %, −$X/mo)`: where the call's provider sells a batch API
 * (catalog/batch.ts), the call is not streamed (a streamed reply has someone waiting) and not already batched.
 * Whether the job can wait up to 24 h is the user's call: the title asks, it does not assume.
 */
export function batchFix(catalog: PriceCatalog, c: CallSiteReport, settings: Settings, before: number, apiMonthly: ApiMonthly): QuickFix | null {
  if (!BATCHABLE.has(c.kind) || c.streaming || c.pricedAsBatch !== undefined) return null;
  const model = c.model ?? c.assumedModel;
  if (!model) return null;
  const found = lookupApiPrice(catalog, model);
  const discount = found.ok ? found.price.batchDiscount ?? 0 : 0;
  if (discount <= 0) return null;
  const after = apiMonthly(catalog, c, settings, { batch: true });
  if (after === null || after >= before) return null;
  const pct = `${Math.round(discount * 100)} %`;
  return {
    kind: 'batch-api',
    title: `Use the Batch API if this is an offline job (−${pct}, ${minus(before - after)})`,
    beforeUsd: before, afterUsd: after, savingUsd: before - after, edits: [],
    settings: { key: c.key, patch: { batch: true } },
    note: `Sets ${entry(c)}.batch = true: the call is priced at ${found.ok ? found.price.providerName ?? found.price.provider : 'its provider'}'s Batch API price (${pct} off input and output; catalog/batch.ts). The code is not changed: the figure holds once these requests are submitted through the provider's batch API (results within 24 h), which suits offline jobs only (backfills, evaluations, nightly reports), not a user waiting for the reply.`,
  };
}

/** "MMLU 90.0 vs 88.7" from the counterpart's quality note, or "not compared" when no shared benchmark is recorded. */
export function qualityShort(quality: string): string {
  const m = /: (MMLU [\d.]+ vs [\d.]+)/.exec(quality);
  return m ? m[1]! : 'quality not compared';
}

/**
 * `Route to hosted <open model> on <host> (−$X/mo; MMLU a vs b: check on your evals)`: the call's open counterpart
 * through the cheapest hosted API the engine found (the lens's "hosted" column). Applying pins the host's model in
 * `llmCostLens.callSites[key].model`, so the call is priced as that host's model from then on; the code has to be
 * pointed at the host (its OpenAI-compatible endpoint and model id) for the figure to hold, which the note says.
 */
export function hostedOpenFix(catalog: PriceCatalog, c: CallSiteReport, settings: Settings, before: number, apiMonthly: ApiMonthly): QuickFix | null {
  const h = c.cost?.hostedOpen;
  if (!h || h.providerModelId === null || c.openModel.model === null) return null;
  const pinned = `${h.provider}/${h.providerModelId}`;
  const found = lookupApiPrice(catalog, pinned);
  // The pin must price as the same offer the hosted column showed, or the saving would be for another SKU.
  if (!found.ok || found.price.provider !== h.provider || found.price.modelId !== h.providerModelId) return null;
  const after = apiMonthly(catalog, c, settings, { model: pinned, batch: false });
  if (after === null || after >= before) return null;
  return {
    kind: 'hosted-open',
    title: `Route to hosted ${h.model} on ${h.providerName} (${minus(before - after)}; ${qualityShort(c.openModel.quality)}: check on your evals)`,
    beforeUsd: before, afterUsd: after, savingUsd: before - after, edits: [],
    settings: { key: c.key, patch: { model: pinned } },
    note: `Sets ${entry(c)}.model = "${pinned}": the call is priced as ${h.providerName}'s ${h.providerModelId} (${h.price.source}${h.price.asOf ? `, ${h.price.asOf}` : ''}) at the same tokens and volume. The code is not changed: point the client at ${h.providerName}'s API and that model id for the figure to hold. Quality: ${c.openModel.quality}`,
  };
}
