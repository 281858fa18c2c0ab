// zod schemas: the single source of truth for scenario files, settings (src/core/settings.ts builds on them) and annotations.
// Defaults live here and are echoed by the engine under `assumptions`.
import * as z from 'zod'; // namespace import: lets esbuild drop zod's locales (≈90 KB instead of ≈450 KB)

export const DEFAULTS = {
  daysPerMonth: 30,
  hoursPerMonth: 730,
  setupAmortizationMonths: 12,
  utilization: 0.6,
  batch: false,
  batchDiscount: 0.5,
  precision: 'fp8',
  ownedAmortizationMonths: 36,
  usdPerKWh: 0.1,
} as const;

/**
 * Upper bounds on every input number (issue #17): generous for any real workload, small enough that no product
 * or sum of them overflows to Infinity, so every money figure stays finite. Documented in README ▸ Limits.
 */
export const LIMITS = {
  requestsPerDay: 1e9,
  tokens: 1e8,
  usdPerMTok: 10_000,
  usd: 1e9,
  hourlyUsd: 10_000,
  hours: 1e5,
  months: 1_200,
  gpus: 100_000,
  throughputTokensPerSecond: 1e9,
  callsPerRequest: 1_000,
  usdPerKWh: 100,
} as const;

/** A finite number in [0, max] whose error names the bound. */
export function bounded(max: number): z.ZodNumber {
  return z.number().finite().nonnegative().max(max, `must be at most ${max.toLocaleString('en-US')}`);
}

const money = bounded(LIMITS.usd);
const count = bounded(LIMITS.tokens);
const positive = z.number().finite().positive();
const rate = bounded(LIMITS.usdPerMTok);

export const workloadSchema = z.strictObject({
  requestsPerDay: bounded(LIMITS.requestsPerDay),
  inputTokens: count,
  outputTokens: count,
  cachedInputTokens: count.optional(),
  /** the part of inputTokens written to the provider's cache per request (mean), at the cache-write price */
  cacheWriteTokens: count.optional(),
  daysPerMonth: positive.max(31, 'must be at most 31').optional(),
  /** Traffic shape (trafficShape.ts): peak rate ÷ average rate over the active hours, and hours with traffic per day. */
  peakToAverage: z.number().finite().min(1, 'must be at least 1 (the peak is never below the average)').max(1000, 'must be at most 1,000').optional(),
  activeHoursPerDay: z.number().finite().gt(0, 'must be greater than 0').max(24, 'must be at most 24').optional(),
});

export const apiSchema = z.strictObject({
  model: z.string().trim().min(1, 'must not be empty').optional(),
  inputUsdPerMTok: rate.optional(),
  outputUsdPerMTok: rate.optional(),
  cachedInputUsdPerMTok: rate.optional(),
  batch: z.boolean().optional(),
});

export const precisionSchema = z.enum(['bf16', 'fp8', 'int4']);

/** Owned hardware instead of rental: purchase amortized over months + power at the wall, per GPU. */
export const ownedSchema = z.strictObject({
  purchaseUsd: money.optional(),                 // per GPU; default: the GPU catalog's purchase price
  amortizationMonths: positive.max(LIMITS.months).optional(),       // default 36
  usdPerKWh: bounded(LIMITS.usdPerKWh).optional(),                   // default 0.10
  pue: z.number().finite().min(1, 'must be at least 1').max(10, 'must be at most 10').optional(),              // default 1.3
  loadFactor: z.number().finite().min(0).max(1, 'must be at most 1').optional(), // average draw / TDP, default 0.7
  overheadFraction: bounded(100).optional(),     // server, network, rack as a fraction of the purchase; default 0
});

/** GPU-offer tiers (catalog/gpuOffers.ts holds the prices); an offer is a tier or `provider:tier`. */
export const OFFER_TIERS = ['on-demand', 'reserved-1y', 'spot', 'serverless'] as const;
export const offerSpecSchema = z.string().trim().toLowerCase()
  .regex(new RegExp(`^([a-z0-9.-]+:)?(${OFFER_TIERS.join('|')})$`), `must be a tier (${OFFER_TIERS.join(', ')}) or provider:tier, e.g. runpod:on-demand`);

export const gpuSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').optional(),
  count: z.number().int().positive().max(LIMITS.gpus).optional(),
  hourlyUsd: bounded(LIMITS.hourlyUsd).optional(),
  hoursPerMonth: positive.max(744, 'a month has at most 744 hours').optional(),
  owned: ownedSchema.optional(),
  /** A GPU offer (catalog/gpuOffers.ts): a tier (`on-demand`, `reserved-1y`, `spot`, `serverless`) or `provider:tier`. */
  offer: offerSpecSchema.optional(),
});

/** Serving engines with a measured efficiency (economics/servingEngines.ts holds the figures). */
export const ENGINES = ['vllm', 'sglang', 'tensorrt-llm', 'tgi', 'llama.cpp'] as const;
export const engineSchema = z.enum(ENGINES);
const milliseconds = z.number().finite().gt(0, 'must be greater than 0').max(1e6, 'must be at most 1,000,000');
export const sloSchema = z.strictObject({ maxTpotMs: milliseconds.optional(), maxTtftMs: milliseconds.optional() });

export const selfHostedSchema = z.strictObject({
  fixedMonthlyUsd: money.optional(),
  gpu: gpuSchema.optional(),
  variableUsdPerMTok: rate.optional(),
  opsHoursPerMonth: bounded(744).optional(),
  opsHourlyUsd: bounded(LIMITS.hourlyUsd).optional(),
  setupHours: bounded(LIMITS.hours).optional(),
  setupAmortizationMonths: positive.max(LIMITS.months).optional(),
  throughputTokensPerSecond: positive.max(LIMITS.throughputTokensPerSecond).optional(),
  utilization: z.number().finite().gt(0, 'must be greater than 0').max(1, 'must be at most 1').optional(),
  model: z.string().trim().min(1, 'must not be empty').optional(),
  precision: precisionSchema.optional(),
  /** Serving engine (servingEngines.ts); absent = vLLM (DEFAULT_ENGINE), the engine most self-hosted deployments run. */
  engine: engineSchema.optional(),
  /** Latency target: throughput at the largest batch that meets it instead of the peak. */
  slo: sloSchema.optional(),
  /** Serverless GPUs billed per second: only the active hours of the day are paid (needs workload.activeHoursPerDay). */
  scaleToZero: z.boolean().optional(),
});

export const hybridSchema = z.strictObject({
  selfHostedShare: z.number().finite().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  /** Where the requests not self-hosted go; default api (the figures before the hosted-open column existed). */
  rest: z.enum(['api', 'hosted-open']).optional(),
});

/** The open counterpart through a hosted API (Groq, Together, …): pin the model or provider, or price it yourself. */
export const hostedOpenSchema = z.strictObject({
  provider: z.string().trim().min(1, 'must not be empty').optional(),
  model: z.string().trim().min(1, 'must not be empty').optional(),
  inputUsdPerMTok: rate.optional(),
  outputUsdPerMTok: rate.optional(),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    description: z.string().optional(),
    workload: workloadSchema,
    api: apiSchema,
    selfHosted: selfHostedSchema.optional(),
    hybrid: hybridSchema.optional(),
    hostedOpen: hostedOpenSchema.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.workload.cachedInputTokens !== undefined && s.workload.cachedInputTokens > s.workload.inputTokens) {
      ctx.addIssue({ code: 'custom', path: ['workload', 'cachedInputTokens'], message: `must be at most inputTokens (${s.workload.inputTokens})` });
    }
    const written = s.workload.cacheWriteTokens;
    if (written !== undefined && written + (s.workload.cachedInputTokens ?? 0) > s.workload.inputTokens) {
      ctx.addIssue({ code: 'custom', path: ['workload', 'cacheWriteTokens'], message: `with cachedInputTokens must be at most inputTokens (${s.workload.inputTokens})` });
    }
    if (s.api.model === undefined && (s.api.inputUsdPerMTok === undefined || s.api.outputUsdPerMTok === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['api', 'model'], message: 'required unless both inputUsdPerMTok and outputUsdPerMTok are given' });
    }
    const gpu = s.selfHosted?.gpu;
    if (gpu && gpu.hourlyUsd === undefined && gpu.name === undefined && !(gpu.owned?.purchaseUsd !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['selfHosted', 'gpu', 'hourlyUsd'], message: 'required when gpu.name is not given (no catalog price to fall back on)' });
    }
    if (gpu?.owned && gpu.hourlyUsd !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['selfHosted', 'gpu', 'owned'], message: 'give either hourlyUsd (rented) or owned (purchased), not both' });
    }
    if (gpu?.owned && gpu.owned.purchaseUsd === undefined && gpu.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['selfHosted', 'gpu', 'owned', 'purchaseUsd'], message: 'required when gpu.name is not given' });
    }
    const sh = s.selfHosted;
    if (sh?.model !== undefined && sh.throughputTokensPerSecond === undefined && gpu?.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['selfHosted', 'gpu', 'name'], message: 'required with selfHosted.model (the capacity model needs a GPU: a catalog id, or "auto" for the cheapest that fits), unless throughputTokensPerSecond is given' });
    }
    const shaped = s.workload.peakToAverage !== undefined || s.workload.activeHoursPerDay !== undefined;
    if (shaped && sh?.utilization !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['selfHosted', 'utilization'], message: 'give either utilization or the traffic shape (workload.peakToAverage / activeHoursPerDay): with a shape, replicas are sized for the peak and utilization follows' });
    }
    if (gpu?.offer !== undefined && (gpu.hourlyUsd !== undefined || gpu.owned !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['selfHosted', 'gpu', 'offer'], message: `give either offer or ${gpu.hourlyUsd !== undefined ? 'hourlyUsd' : 'owned'}, not both` });
    }
    if (sh?.scaleToZero && (gpu?.hoursPerMonth !== undefined || gpu?.owned !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['selfHosted', 'scaleToZero'], message: gpu?.owned !== undefined ? 'owned GPUs cannot scale to zero (their cost does not stop)' : 'give either scaleToZero (billed hours follow workload.activeHoursPerDay) or gpu.hoursPerMonth, not both' });
    }
    if (sh?.scaleToZero && s.workload.activeHoursPerDay === undefined) {
      ctx.addIssue({ code: 'custom', path: ['workload', 'activeHoursPerDay'], message: 'required with selfHosted.scaleToZero (the hours a day the GPUs run and are billed)' });
    }
    if ((sh?.engine !== undefined || sh?.slo !== undefined) && sh?.model === undefined) {
      ctx.addIssue({ code: 'custom', path: ['selfHosted', 'model'], message: `required with selfHosted.${sh?.engine !== undefined ? 'engine' : 'slo'} (the capacity model applies them)` });
    }
    if (sh?.precision !== undefined && sh.model === undefined) {
      ctx.addIssue({ code: 'custom', path: ['selfHosted', 'model'], message: 'required with selfHosted.precision' });
    }
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type Precision = z.infer<typeof precisionSchema>;

/** One `path.to.field: reason` line per zod issue; unknown keys get their own path. */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${[...base, key].join('.')}: unknown key`);
    } else {
      lines.push(`${base.join('.') || '(root)'}: ${humanMessage(issue)}`);
    }
  }
  return lines;
}

/** One zod issue in words (without its path). */
export function humanMessage(issue: z.core.$ZodIssue): string {
  // JSON.parse turns 1e400 into Infinity: say so instead of "expected number, got number"
  if (issue.code === 'invalid_type' && typeof issue.input === 'number' && !Number.isFinite(issue.input)) return `too large (${issue.input > 0 ? '' : '-'}beyond the largest number)`;
  if (issue.code === 'invalid_type' && issue.expected === 'int' && typeof issue.input === 'number') return `must be a whole number (got ${issue.input})`;
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `required (${issue.expected})` : `expected ${issue.expected}, got ${describe(issue.input)}`;
  }
  if (issue.code === 'too_small' && issue.minimum === 0 && issue.origin === 'number') {
    return issue.inclusive ? `must not be negative (got ${String(issue.input)})` : `must be greater than 0 (got ${String(issue.input)})`;
  }
  return issue.message;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return typeof v;
}
