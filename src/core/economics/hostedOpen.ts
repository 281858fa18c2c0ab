// The middle option: the call's open counterpart through a hosted API (Groq, Together, Fireworks, Novita, …),
// billed per token like the API, no GPUs and no ops. The cheapest host in the price catalog for the workload's
// token mix, or the one the scenario pins; every price keeps the catalog's source and date.
import type { PriceCatalog } from '../catalog/prices-resolve';
import { CatalogLookupError } from '../catalog/names';
import { openCounterpartFor } from '../catalog/counterparts';
import { resolveOpenModel } from '../catalog/openModels';
import type { Scenario } from '../config';
import { apiCostPerRequest, type RequestShape } from './apiCost';
import { isRouter, openModelOfHostedId } from './hostedOpenMatch';

export interface HostedOffer {
  /** Open model id (catalog/openModels.ts). */
  model: string;
  /** Price-catalog provider id, e.g. "groq"; "scenario" when the scenario prices it without naming one. */
  provider: string;
  providerName: string;
  /** The host's own model id (which SKU was priced), null when the scenario gave the price. */
  providerModelId: string | null;
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok: number | null;
  source: string;
  asOf: string | null;
}

export interface HostedOpenResult {
  model: string;
  provider: string;
  providerName: string;
  providerModelId: string | null;
  price: { inputUsdPerMTok: number; outputUsdPerMTok: number; cachedInputUsdPerMTok: number | null; source: string; asOf: string | null };
  costPerRequestUsd: number;
  monthlyUsd: number;
  /** How the open model was chosen (pinned, the self-hosted model, or the API model's counterpart). */
  modelFrom: string;
}

/** The key of the per-catalog index of priced entries by the open model they serve (PriceCatalog.derive). */
const OFFER_INDEX = Symbol('hosted offers by open model');

/** The catalog's priced entries by the open model they serve, in catalog order (built once per catalog). */
function offerIndex(catalog: PriceCatalog): Map<string, { providerId: string; offer: HostedOffer }[]> {
  return catalog.derive(OFFER_INDEX, buildOfferIndex);
}

function buildOfferIndex(catalog: PriceCatalog): Map<string, { providerId: string; offer: HostedOffer }[]> {
  const index = new Map<string, { providerId: string; offer: HostedOffer }[]>();
  for (const p of catalog.providers) {
    for (const e of p.entries) {
      const pr = e.price;
      if (pr.deprecated || pr.inputUsdPerMTok + pr.outputUsdPerMTok <= 0) continue;
      const model = openModelOfHostedId(pr.modelId);
      if (model === null) continue;
      const list = index.get(model) ?? [];
      list.push({
        providerId: p.id,
        offer: {
          model, provider: p.id, providerName: pr.providerName ?? p.name, providerModelId: pr.modelId,
          inputUsdPerMTok: pr.inputUsdPerMTok, outputUsdPerMTok: pr.outputUsdPerMTok, cachedInputUsdPerMTok: pr.cachedInputUsdPerMTok,
          source: pr.source, asOf: pr.asOf,
        },
      });
      index.set(model, list);
    }
  }
  return index;
}

/** Every non-deprecated, non-free offer of `model` in the active catalog, optionally only from `providers`. */
export function hostedOffers(catalog: PriceCatalog, model: string, providers?: readonly string[]): HostedOffer[] {
  return indexedOffers(catalog, model, providers).map((offer) => ({ ...offer }));
}

/** The index's own offer objects (never handed out: callers copy what they return). */
function indexedOffers(catalog: PriceCatalog, model: string, providers?: readonly string[]): readonly HostedOffer[] {
  const only = providers?.length ? new Set(providers.map((p) => p.toLowerCase())) : null;
  const out: HostedOffer[] = [];
  for (const { providerId, offer } of offerIndex(catalog).get(model) ?? []) {
    if (only ? !only.has(providerId) : isRouter(providerId)) continue;
    out.push(offer);
  }
  return out;
}

/** Cost of one request at an offer's rates (no batch discount: hosts' batch terms are not in the catalog). */
export function hostedCostPerRequest(shape: RequestShape, o: Pick<HostedOffer, 'inputUsdPerMTok' | 'outputUsdPerMTok' | 'cachedInputUsdPerMTok'>): number {
  return apiCostPerRequest(shape, { inputUsdPerMTok: o.inputUsdPerMTok, outputUsdPerMTok: o.outputUsdPerMTok, cachedInputUsdPerMTok: o.cachedInputUsdPerMTok, batchDiscount: 0 }, false);
}

/** The cheapest offer for this request shape; ties go to the provider id first in alphabetical order (stable output). */
export function cheapestHostedOffer(catalog: PriceCatalog, model: string, shape: RequestShape, providers?: readonly string[]): HostedOffer | null {
  let best: { offer: HostedOffer; usd: number } | null = null;
  for (const offer of indexedOffers(catalog, model, providers)) {
    const usd = hostedCostPerRequest(shape, offer);
    if (!best || usd < best.usd || (usd === best.usd && `${offer.provider}/${offer.providerModelId}` < `${best.offer.provider}/${best.offer.providerModelId}`)) best = { offer, usd };
  }
  return best ? { ...best.offer } : null;
}

/** Provider ids the catalog holds (for validating `llmCostLens.hostedProviders`). */
export function catalogProviderIds(catalog: PriceCatalog): Set<string> {
  return new Set(catalog.providers.map((p) => p.id));
}

export interface HostedOpenContext {
  catalog: PriceCatalog;
  shape: RequestShape;
  requestsPerMonth: number;
  /** `llmCostLens.hostedProviders`: empty = every host in the catalog except routers. */
  providers?: readonly string[];
}

/**
 * The scenario's hosted-open column, or null when there is no open model to host or no host serves it.
 * Problems are `hostedOpen.field: reason` lines (the scenario asked for something that cannot be priced).
 */
export function resolveHostedOpen(s: Scenario, ctx: HostedOpenContext, problems: string[], notes: string[]): HostedOpenResult | null {
  const h = s.hostedOpen ?? {};
  // `["none"]`: the folder does not want the column (unless the scenario pins a host or a price itself).
  if (s.hostedOpen === undefined && ctx.providers?.length === 1 && ctx.providers[0]!.toLowerCase() === 'none') return null;
  const picked = pickModel(s, problems);
  if (!picked) return null;
  const providers = h.provider !== undefined ? [h.provider] : ctx.providers;
  if (ctx.providers?.length && h.provider === undefined) {
    const known = catalogProviderIds(ctx.catalog);
    const unknown = ctx.providers.filter((p) => !known.has(p.toLowerCase()));
    if (unknown.length) notes.push(`hostedProviders: ${unknown.map((u) => `"${u}"`).join(', ')} not in the price catalog`);
  }
  const both = h.inputUsdPerMTok !== undefined && h.outputUsdPerMTok !== undefined;
  const offer = both ? null : cheapestHostedOffer(ctx.catalog, picked.model, ctx.shape, providers);
  if (!offer && !both) {
    if (h.provider !== undefined) {
      problems.push(`hostedOpen.provider: "${h.provider}" does not serve ${picked.model} in the price catalog (give inputUsdPerMTok and outputUsdPerMTok to price it yourself)`);
    } else if (s.hostedOpen !== undefined || ctx.providers?.length) {
      notes.push(`no hosted API in the price catalog serves ${picked.model}${ctx.providers?.length ? ` among hostedProviders (${ctx.providers.join(', ')})` : ''}: no hosted-open column`);
    }
    return null;
  }
  const overrides = (['inputUsdPerMTok', 'outputUsdPerMTok'] as const).filter((k) => h[k] !== undefined);
  const inputUsdPerMTok = h.inputUsdPerMTok ?? offer!.inputUsdPerMTok;
  const outputUsdPerMTok = h.outputUsdPerMTok ?? offer!.outputUsdPerMTok;
  // The scenario's own rates replace the catalog's cache price too: it was not what they quoted.
  const cachedInputUsdPerMTok = overrides.length ? null : offer!.cachedInputUsdPerMTok;
  const source = !offer ? 'scenario' : overrides.length ? `scenario overrides (${overrides.map((k) => `hostedOpen.${k}`).join(', ')}) over ${offer.source}` : offer.source;
  const costPerRequestUsd = hostedCostPerRequest(ctx.shape, { inputUsdPerMTok, outputUsdPerMTok, cachedInputUsdPerMTok });
  if (ctx.shape.cachedInputTokens > 0 && cachedInputUsdPerMTok === null) notes.push(`hosted open model: no cached-input price for ${offer?.providerName ?? 'the scenario\'s host'}; cached tokens are billed at the input price`);
  return {
    model: picked.model,
    provider: offer?.provider ?? h.provider ?? 'scenario',
    providerName: offer?.providerName ?? h.provider ?? 'scenario',
    providerModelId: offer?.providerModelId ?? null,
    price: { inputUsdPerMTok, outputUsdPerMTok, cachedInputUsdPerMTok, source, asOf: offer && !overrides.length ? offer.asOf : null },
    costPerRequestUsd,
    monthlyUsd: costPerRequestUsd * ctx.requestsPerMonth,
    modelFrom: picked.from,
  };
}

function pickModel(s: Scenario, problems: string[]): { model: string; from: string } | null {
  const pinned = s.hostedOpen?.model;
  const field = pinned !== undefined ? 'hostedOpen.model' : 'selfHosted.model';
  const name = pinned ?? s.selfHosted?.model;
  if (name !== undefined) {
    try {
      return { model: resolveOpenModel(name, field).id, from: pinned !== undefined ? 'hostedOpen.model' : 'selfHosted.model' };
    } catch (e) {
      if (!(e instanceof CatalogLookupError)) throw e;
      // An unknown selfHosted.model is already reported by the deployment; report only our own field.
      if (pinned !== undefined) problems.push(`${field}: ${e.message}`);
      return null;
    }
  }
  if (s.api.model === undefined) return null;
  const c = openCounterpartFor(s.api.model);
  return c.model ? { model: c.model, from: `counterpart of ${s.api.model} (${c.reason})` } : null;
}
