// The upstream price data of pydantic/genai-prices (the same `Provider[]` the npm package embeds and
// publishes as prices/new_data/v2/data.json), validated with zod, and the compact file format we keep:
// the bundled snapshot and a downloaded update share this one shape.
import * as z from 'zod';

export const UPSTREAM_DATA_URL = 'https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json';
export const UPSTREAM_PACKAGE = '@pydantic/genai-prices';

export type MatchLogic =
  | { and: MatchLogic[] }
  | { or: MatchLogic[] }
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string };

const matchLogic: z.ZodType<MatchLogic> = z.lazy(() =>
  z.union([
    z.strictObject({ and: z.array(matchLogic).min(1) }),
    z.strictObject({ or: z.array(matchLogic).min(1) }),
    z.strictObject({ equals: z.string() }),
    z.strictObject({ starts_with: z.string() }),
    z.strictObject({ ends_with: z.string() }),
    z.strictObject({ contains: z.string() }),
    z.strictObject({
      regex: z.string().refine((r) => {
        try {
          new RegExp(r);
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression'),
    }),
  ]),
);

const nonNegative = z.number().finite().nonnegative();
const tiered = z.looseObject({
  base: nonNegative,
  tiers: z.array(z.looseObject({ start: z.number().int().nonnegative(), price: nonNegative })),
});
export type TieredPrice = z.infer<typeof tiered>;

/** Price keys are `<unit>_mtok`, `<unit>_kcount`, `<unit>_hours`, … ; unknown keys are kept, not rejected. */
const modelPrice = z.record(z.string(), z.union([nonNegative, tiered]));
export type ModelPrice = z.infer<typeof modelPrice>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const timeOfDay = z.string().regex(/^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'expected HH:MM:SS with a zone');
const constraint = z.union([
  z.looseObject({ type: z.literal('start_date').optional(), start_date: isoDate }),
  z.looseObject({ type: z.literal('time_of_date').optional(), start_time: timeOfDay, end_time: timeOfDay }),
]);
export type PriceConstraint = z.infer<typeof constraint>;

const conditional = z.looseObject({ constraint: constraint.optional(), prices: modelPrice });
export type ConditionalPrice = z.infer<typeof conditional>;

const model = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  match: matchLogic,
  context_window: z.number().int().positive().optional(),
  deprecated: z.boolean().optional(),
  prices: z.union([modelPrice, z.array(conditional).min(1)]),
});

const provider = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  model_match: matchLogic.optional(),
  provider_match: matchLogic.optional(),
  fallback_model_providers: z.array(z.string()).optional(),
  models: z.array(model),
});

/** What upstream publishes: a non-empty provider list. */
export const upstreamDataSchema = z.array(provider).min(1, 'expected at least one provider');
export type UpstreamProvider = z.infer<typeof provider>;
export type UpstreamModel = z.infer<typeof model>;

/** Provider and model fields we keep (descriptions, extractors and URLs are dropped to keep the bundle small). */
export interface CompactModel {
  id: string;
  name?: string;
  match: MatchLogic;
  context_window?: number;
  deprecated?: boolean;
  prices: ModelPrice | ConditionalPrice[];
}
export interface CompactProvider {
  id: string;
  name: string;
  model_match?: MatchLogic;
  provider_match?: MatchLogic;
  fallback_model_providers?: string[];
  models: CompactModel[];
}

export interface PriceDataFile {
  format: 1;
  /** e.g. "@pydantic/genai-prices" (snapshot) or the URL the data was downloaded from. */
  source: string;
  /** package version of the snapshot; null for a download. */
  version: string | null;
  /** "prices as of": the package publish date, or the download date. */
  asOf: string;
  providers: CompactProvider[];
}

export const priceDataFileSchema = z.strictObject({
  format: z.literal(1),
  source: z.string().min(1),
  version: z.string().min(1).nullable(),
  asOf: isoDate,
  providers: upstreamDataSchema,
});

export function compactProviders(providers: readonly UpstreamProvider[]): CompactProvider[] {
  return providers.map((p) => ({
    id: p.id,
    name: p.name,
    ...(p.model_match ? { model_match: p.model_match } : {}),
    ...(p.provider_match ? { provider_match: p.provider_match } : {}),
    ...(p.fallback_model_providers?.length ? { fallback_model_providers: p.fallback_model_providers } : {}),
    models: p.models.map((m) => ({
      id: m.id,
      ...(m.name ? { name: m.name } : {}),
      match: m.match,
      ...(m.context_window ? { context_window: m.context_window } : {}),
      ...(m.deprecated ? { deprecated: true } : {}),
      prices: Array.isArray(m.prices)
        ? m.prices.map((c) => ({ ...(c.constraint ? { constraint: c.constraint } : {}), prices: c.prices }))
        : m.prices,
    })),
  }));
}

/** zod issues as `path.to.field: reason` lines (at most `limit`). */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const lines = error.issues.slice(0, limit).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines.join('; ');
}
