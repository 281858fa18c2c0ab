// GPU offers: what one GPU-hour costs at a given provider and commitment tier (on-demand, 1-year reserved, spot,
// serverless per-second billing), each with its source and date. `selfHosted.gpu.offer` picks one; without it the
// GPU catalog's own price (gpus.ts) is used, so existing scenarios keep their figures.
import data from './gpuOffers.json';
import { resolveGpu } from './gpus';
import { OFFER_TIERS } from '../config';

export { OFFER_TIERS };
export type OfferTier = (typeof OFFER_TIERS)[number];

export interface GpuOffer {
  provider: string;
  gpu: string;
  tier: OfferTier;
  hourlyUsd: number;
  source: string;
  asOf: string;
  unconfirmed: boolean;
}

const OFFERS: readonly GpuOffer[] = data.offers as GpuOffer[];

export function listGpuOffers(): readonly GpuOffer[] {
  return OFFERS;
}

export function offerProviders(): string[] {
  return [...new Set(OFFERS.map((o) => o.provider))].sort();
}

/** `tier` alone (the cheapest provider's) or `provider:tier`; every value the setting and the scenario accept. */
export function offerSpecs(): string[] {
  return [...OFFER_TIERS, ...[...new Set(OFFERS.map((o) => `${o.provider}:${o.tier}`))].sort()];
}

export class GpuOfferError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'GpuOfferError';
  }
}

/** Parses an offer spec; throws naming `field` when the provider or tier is unknown. */
export function parseOfferSpec(spec: string, field = 'selfHosted.gpu.offer'): { provider: string | null; tier: OfferTier } {
  const text = spec.trim().toLowerCase();
  const [a, b, ...rest] = text.split(':');
  const tierText = b === undefined ? a! : b;
  const provider = b === undefined ? null : a!;
  if (rest.length || !(OFFER_TIERS as readonly string[]).includes(tierText)) {
    throw new GpuOfferError(field, `"${spec}" is not an offer: use a tier (${OFFER_TIERS.join(', ')}) or provider:tier (e.g. runpod:on-demand)`);
  }
  if (provider !== null && !offerProviders().includes(provider)) {
    throw new GpuOfferError(field, `unknown provider "${provider}" (known: ${offerProviders().join(', ')})`);
  }
  return { provider, tier: tierText as OfferTier };
}

/** The offer for a catalog GPU: the named provider's, or the cheapest of the tier; throws when none is listed. */
export function resolveGpuOffer(gpuName: string, spec: string, field = 'selfHosted.gpu.offer'): GpuOffer {
  const { provider, tier } = parseOfferSpec(spec, field);
  const gpu = resolveGpu(gpuName, 'selfHosted.gpu.name');
  const matches = OFFERS.filter((o) => o.gpu === gpu.id && o.tier === tier && (provider === null || o.provider === provider));
  if (!matches.length) {
    const have = OFFERS.filter((o) => o.gpu === gpu.id).map((o) => `${o.provider}:${o.tier}`);
    throw new GpuOfferError(field, `no ${provider ? `${provider} ` : ''}${tier} offer for ${gpu.id} in the GPU-offer table${have.length ? ` (listed: ${have.join(', ')})` : ''}; give selfHosted.gpu.hourlyUsd instead`);
  }
  return matches.reduce((best, o) => (o.hourlyUsd < best.hourlyUsd ? o : best));
}

/** Like resolveGpuOffer, null instead of an error (the automatic GPU choice skips GPUs without the offer). */
export function findGpuOffer(gpuName: string, spec: string): GpuOffer | null {
  try {
    return resolveGpuOffer(gpuName, spec);
  } catch (e) {
    if (e instanceof GpuOfferError) return null;
    throw e;
  }
}
