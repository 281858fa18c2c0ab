// Workspace settings (`llmCostLens.*` in <root>/.vscode/settings.json): the zod schema is the single source of
// truth for keys, defaults and bounds. The editor and the CLI both read only folder-level values over these
// defaults, so they show the same numbers. A malformed value never fails the whole read: it is reported as a
// warning naming the key, and the default is used.
import * as z from 'zod'; // namespace import: lets esbuild drop zod's locales
import { bounded, DEFAULTS, ENGINES, humanMessage, LIMITS, offerSpecSchema, precisionSchema } from './config';
import { compileGlob } from './glob';

const nonNeg = bounded(LIMITS.usd);
const tokens = bounded(LIMITS.tokens);
const positive = z.number().finite().positive();

export const callSiteOverrideSchema = z.strictObject({
  requestsPerDay: bounded(LIMITS.requestsPerDay).optional(),
  outputTokens: tokens.optional(),
  model: z.string().trim().min(1).optional(),
  callsPerRequest: positive.max(LIMITS.callsPerRequest).optional(),
  reasoningTokens: tokens.optional(),
  /** Priced at the provider's Batch API price (the quick fix "Use the Batch API" writes it; the code is not changed). */
  batch: z.boolean().optional(),
});

export const priceOverrideSchema = z.strictObject({
  inputUsdPerMTok: bounded(LIMITS.usdPerMTok).optional(),
  outputUsdPerMTok: bounded(LIMITS.usdPerMTok).optional(),
  cachedInputUsdPerMTok: bounded(LIMITS.usdPerMTok).optional(),
});

/** An `openModelFor` key: an API model name or a glob of them (compiled by the linear-time matcher). */
const apiModelGlob = z.string().superRefine((k, ctx) => {
  try {
    compileGlob(k);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
  }
});

export const expectedOutputSchema = z.strictObject({
  chat: tokens.optional(),
  responses: tokens.optional(),
  completion: tokens.optional(),
  embedding: tokens.optional(),
  image: tokens.optional(),
  speech: tokens.optional(),
  transcription: tokens.optional(),
});

export interface SettingSpec<T> {
  schema: z.ZodType<T>;
  default: T;
  /** Shown in the Settings UI (package.json `markdownDescription`). */
  description: string;
  /** `resource` = per workspace folder; `window` = display preferences. */
  scope: 'resource' | 'window';
  category: 'Volume' | 'Tokens' | 'Prices' | 'Self-hosted' | 'Policy';
  /** record-valued settings: each entry is validated on its own (a bad one is dropped with a warning) */
  entry?: { key?: z.ZodType<string>; value: z.ZodType };
}

/**
 * Keeps each setting's own schema type, so `Settings` is inferred from the schemas (an enum stays a union, not
 * `string`) and the default is checked against it. Bounds, integer-ness and enums live only in the schema:
 * `scripts/configuration.ts` derives the Settings UI's from it.
 */
function spec<S extends z.ZodType>(s: Omit<SettingSpec<z.output<S>>, 'schema'> & { schema: S }): SettingSpec<z.output<S>> & { schema: S } {
  return s as SettingSpec<z.output<S>> & { schema: S };
}

/** Every setting, keyed without the `llmCostLens.` prefix, in display order. */
export const SETTINGS = {
  requestsPerDay: spec({ schema: bounded(LIMITS.requestsPerDay), default: 1000, scope: 'resource', category: 'Volume',
    description: 'Requests per day assumed for a call site that has no `llm-cost:` annotation and no entry in `llmCostLens.callSites`.' }),
  daysPerMonth: spec({ schema: positive.max(31), default: 30, scope: 'resource', category: 'Volume',
    description: 'Days of traffic per month: 30 for every day, 22 for working days only.' }),
  callSites: spec({ schema: z.record(z.string(), callSiteOverrideSchema), entry: { value: callSiteOverrideSchema }, default: {}, scope: 'resource', category: 'Volume',
    description: 'Per-call-site overrides keyed `relative/path.py#Class.method` (`<module>` for top-level code): `requestsPerDay`, `outputTokens`, `model`, `callsPerRequest`, `reasoningTokens` (hidden reasoning tokens per call, billed as output). An `llm-cost:` comment above the call wins over these.' }),
  usageFiles: spec({ schema: z.array(z.string().trim().min(1, 'must not be empty')), default: [] as string[], scope: 'resource', category: 'Volume',
    description: 'Usage exports to calibrate with, paths relative to the folder: OpenTelemetry GenAI spans (OTLP JSON or JSON Lines), OpenAI usage (API JSON or dashboard CSV), Anthropic usage report, Langfuse observations, LiteLLM spend logs. Matched call sites then use the measured requests/day and tokens (`llm-cost:` annotations and `llmCostLens.callSites` still win). In restricted mode only files inside the folder are read.' }),
  placeholders: spec({ schema: z.record(z.string(), tokens), entry: { value: tokens }, default: {}, scope: 'resource', category: 'Tokens',
    description: 'Expected size in tokens of prompt placeholders, by name (e.g. `{"ticket_text": 400}`).' }),
  defaultPlaceholderTokens: spec({ schema: tokens, default: 100, scope: 'resource', category: 'Tokens',
    description: 'Tokens assumed for a placeholder not listed in `llmCostLens.placeholders`.' }),
  runtimePartTokens: spec({ schema: tokens, default: 300, scope: 'resource', category: 'Tokens',
    description: 'Tokens assumed for a prompt part only known at run time (a variable, a function result).' }),
  expectedOutputTokens: spec({ schema: expectedOutputSchema, default: {}, scope: 'resource', category: 'Tokens',
    description: 'Expected output tokens per call, by kind (`chat`, `responses`, `completion`, …); capped by the call\'s `max_tokens`. Built-in: chat/responses 300, completion 200, others 0.' }),
  prices: spec({ schema: z.record(z.string(), priceOverrideSchema), entry: { value: priceOverrideSchema }, default: {}, scope: 'resource', category: 'Prices',
    description: 'Your own prices per model, USD per million tokens (`inputUsdPerMTok`, `outputUsdPerMTok`, `cachedInputUsdPerMTok`); they win over the catalog and are labelled as overrides.' }),
  defaultModel: spec({ schema: z.string().trim(), default: '', scope: 'resource', category: 'Prices',
    description: 'Model a call is priced at when the code does not say which (e.g. `model=os.environ["MODEL"]`); shown as *assumed*. Empty: the model most used by the workspace\'s resolved, priced call sites, else `gpt-4o-mini`.' }),
  hostedProviders: spec({ schema: z.array(z.string().trim().min(1, 'must not be empty')), default: [] as string[], scope: 'resource', category: 'Prices',
    description: 'Hosts the hosted open-model column may use, by price-catalog provider id (e.g. `["groq", "together", "fireworks"]`). Empty: every host in the catalog that serves the open counterpart, except routers (OpenRouter, Hugging Face routing); the cheapest for each call\'s token mix is shown. `["none"]` hides the column.' }),
  openModelFor: spec({ schema: z.record(apiModelGlob, z.string()), entry: { key: apiModelGlob, value: z.string() }, default: {}, scope: 'resource', category: 'Self-hosted',
    description: 'Which open model would replace an API model when self-hosted, e.g. `{"gpt-4o*": "qwen2.5-72b"}`. Built-in: OpenAI → gpt-oss-120b (GPT-4o/4.1/5, o-series) or gpt-oss-20b (mini/nano), DeepSeek → deepseek-v3/-r1, Qwen → Qwen3, other large (Sonnet, Gemini Pro) → llama-3.3-70b, other small (Haiku, Flash) → llama-3.1-8b.' }),
  'selfHosted.gpu': spec({ schema: z.string().trim().min(1), default: 'auto', scope: 'resource', category: 'Self-hosted',
    description: 'GPU the self-hosted deployment runs on (A100-40GB, A100-80GB, H100-SXM, H100-PCIe, H100-NVL, H200-SXM, L4, L40S, A10G, RTX-4090, MI300X). `auto`: the cheapest catalog GPU (and count) that holds the open model in `selfHosted.precision` and serves the call\'s volume; name a GPU to pin it (needed for `selfHosted.gpuHourlyUsd` / `gpuPurchaseUsd`).' }),
  'selfHosted.gpuCount': spec({ schema: z.number().int().nonnegative().max(LIMITS.gpus), default: 0, scope: 'resource', category: 'Self-hosted',
    description: 'GPUs per deployment; `0` sizes each deployment for its traffic with the capacity model.' }),
  'selfHosted.gpuHourlyUsd': spec({ schema: bounded(LIMITS.hourlyUsd).nullable(), default: null, scope: 'resource', category: 'Self-hosted',
    description: 'Rent per GPU-hour; `null` uses the GPU catalog\'s typical on-demand price.' }),
  'selfHosted.precision': spec({ schema: precisionSchema, default: 'fp8', scope: 'resource', category: 'Self-hosted',
    description: 'Weight precision of the self-hosted model.' }),
  'selfHosted.utilization': spec({ schema: z.number().finite().gt(0).max(1), default: 0.6, scope: 'resource', category: 'Self-hosted',
    description: 'Average share of its capacity a deployment really serves (traffic is uneven over a day).' }),
  'selfHosted.fixedMonthlyUsd': spec({ schema: nonNeg, default: 0, scope: 'resource', category: 'Self-hosted',
    description: 'Flat monthly infrastructure per deployment besides GPUs (load balancer, monitoring, storage).' }),
  'selfHosted.opsHoursPerMonth': spec({ schema: bounded(744), default: 10, scope: 'resource', category: 'Self-hosted',
    description: 'Engineering hours per month to keep one deployment running (upgrades, incidents, on-call): the ops tax.' }),
  'selfHosted.opsHourlyUsd': spec({ schema: bounded(LIMITS.hourlyUsd), default: 100, scope: 'resource', category: 'Self-hosted',
    description: 'Cost of one engineering hour, for ops and setup.' }),
  'selfHosted.setupHours': spec({ schema: bounded(LIMITS.hours), default: 40, scope: 'resource', category: 'Self-hosted',
    description: 'One-time hours to set up a deployment and migrate traffic.' }),
  'selfHosted.setupAmortizationMonths': spec({ schema: positive.max(LIMITS.months), default: 12, scope: 'resource', category: 'Self-hosted',
    description: 'Months over which the setup cost is spread.' }),
  'selfHosted.gpuOwnership': spec({ schema: z.enum(['rented', 'owned']), default: 'rented', scope: 'resource', category: 'Self-hosted',
    description: '`rented`: GPUs cost `selfHosted.gpuHourlyUsd` (or the catalog rent) per hour. `owned`: GPUs are bought — purchase price amortized over `selfHosted.gpuAmortizationMonths` plus power (TDP × 0.7 load × `selfHosted.pue` × `selfHosted.powerUsdPerKWh`); `selfHosted.gpuHourlyUsd` is then ignored.' }),
  'selfHosted.gpuPurchaseUsd': spec({ schema: nonNeg.nullable(), default: null, scope: 'resource', category: 'Self-hosted',
    description: 'Purchase price per owned GPU; `null` uses the GPU catalog\'s price. Used when `selfHosted.gpuOwnership` is `owned`.' }),
  'selfHosted.gpuAmortizationMonths': spec({ schema: positive.max(LIMITS.months), default: DEFAULTS.ownedAmortizationMonths, scope: 'resource', category: 'Self-hosted',
    description: 'Months over which an owned GPU\'s purchase price is spread. Used when `selfHosted.gpuOwnership` is `owned`.' }),
  'selfHosted.powerUsdPerKWh': spec({ schema: bounded(LIMITS.usdPerKWh), default: DEFAULTS.usdPerKWh, scope: 'resource', category: 'Self-hosted',
    description: 'Electricity price per kWh for owned GPUs. Used when `selfHosted.gpuOwnership` is `owned`.' }),
  'selfHosted.pue': spec({ schema: z.number().finite().min(1, 'must be at least 1').max(3, 'must be at most 3'), default: 1.3, scope: 'resource', category: 'Self-hosted',
    description: 'Power usage effectiveness of the room the owned GPUs run in (1.0 = no cooling overhead; 1.2–1.5 typical). Used when `selfHosted.gpuOwnership` is `owned`.' }),
  'selfHosted.engine': spec({ schema: z.enum(ENGINES), default: 'vllm', scope: 'resource', category: 'Self-hosted',
    description: 'Serving engine of the self-hosted deployment: its throughput relative to the calibrated capacity model (fitted to TensorRT-LLM\'s offline peak), from published head-to-head measurements (README ▸ Serving engines). `vllm` (default) 0.88, `sglang` 0.91, `tensorrt-llm` 1 (the model as fitted), `tgi` 0.71 (weak evidence), `llama.cpp` (incl. Ollama) 0.05.' }),
  'selfHosted.maxTpotMs': spec({ schema: z.number().finite().gt(0).max(1e6).nullable(), default: null, scope: 'resource', category: 'Self-hosted',
    description: 'Latency target: the longest time per output token (ms) a user may see. The capacity model then serves the largest batch per replica whose decode step meets it, instead of the peak-throughput batch; if even one sequence misses it, the call site says so. `null` = no target.' }),
  'selfHosted.maxTtftMs': spec({ schema: z.number().finite().gt(0).max(1e6).nullable(), default: null, scope: 'resource', category: 'Self-hosted',
    description: 'Latency target: the longest time to first token (ms): a request\'s own prefill plus one decode step. `null` = no target.' }),
  peakToAverage: spec({ schema: z.number().finite().min(1).max(1000), default: 1, scope: 'resource', category: 'Volume',
    description: 'Traffic shape: the busiest rate ÷ the average rate over the active hours. With a value other than 1 (or `activeHoursPerDay` below 24), self-hosted replicas are sized for the peak and `selfHosted.utilization` is replaced by what the shape implies.' }),
  activeHoursPerDay: spec({ schema: z.number().finite().gt(0).max(24), default: 24, scope: 'resource', category: 'Volume',
    description: 'Traffic shape: hours a day with traffic (e.g. 10 for office hours). Replicas are sized for the peak of those hours; with `selfHosted.scaleToZero` only those hours are billed.' }),
  'selfHosted.scaleToZero': spec({ schema: z.boolean(), default: false, scope: 'resource', category: 'Self-hosted',
    description: 'Serverless GPUs billed per second that scale to zero outside `activeHoursPerDay`: only the active hours are paid, at the serverless offer\'s price (unless `selfHosted.gpuOffer` or `gpuHourlyUsd` says otherwise). Cold starts are noted, not costed.' }),
  'selfHosted.gpuOffer': spec({ schema: offerSpecSchema.nullable(), default: null, scope: 'resource', category: 'Self-hosted',
    description: 'Price the GPUs from the GPU-offer table (README ▸ GPU offers): a tier — `on-demand`, `reserved-1y`, `spot`, `serverless` — for the cheapest provider listing it, or `provider:tier` (e.g. `runpod:on-demand`, `lambda:reserved-1y`). `null` = the GPU catalog\'s typical on-demand price. Not used with `selfHosted.gpuHourlyUsd` or owned GPUs.' }),
  'hybrid.selfHostedShare': spec({ schema: z.number().finite().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').nullable(), default: null, scope: 'resource', category: 'Self-hosted',
    description: 'Share of each call site\'s requests routed to self-hosting (0–1), the rest through the API; each call site\'s estimate then shows that split\'s monthly cost. `null` = no fixed split (only the cheapest whole-GPU split is suggested).' }),
  // Budget gates for `llm-cost-lens diff` (read from the base side's settings; the CLI's flags win). A negative
  // threshold gates a decrease larger than its size.
  'policy.failAboveUsd': spec({ schema: z.number().finite().nullable(), default: null, scope: 'resource', category: 'Policy',
    description: '`llm-cost-lens diff` fails (exit 3) when a change raises the monthly API bill by more than this many USD; a negative value fails on a decrease larger than its size. `null` = off. The flag `--fail-above-usd` wins.' }),
  'policy.failAbovePct': spec({ schema: z.number().finite().nullable(), default: null, scope: 'resource', category: 'Policy',
    description: '`llm-cost-lens diff` fails (exit 3) when a change raises the monthly API bill by more than this percentage of the base bill (negative: a decrease larger than it). `null` = off. The flag `--fail-above-pct` wins.' }),
  'policy.warnAboveUsd': spec({ schema: z.number().finite().nullable(), default: null, scope: 'resource', category: 'Policy',
    description: '`llm-cost-lens diff` warns (exit 0) when a change raises the monthly API bill by more than this many USD (negative: a decrease larger than it). `null` = off. The flag `--warn-above-usd` wins.' }),
  'policy.warnAbovePct': spec({ schema: z.number().finite().nullable(), default: null, scope: 'resource', category: 'Policy',
    description: '`llm-cost-lens diff` warns (exit 0) when a change raises the monthly API bill by more than this percentage (negative: a decrease larger than it). `null` = off. The flag `--warn-above-pct` wins.' }),
  'policy.maxCallSiteUsd': spec({ schema: nonNeg.nullable(), default: null, scope: 'resource', category: 'Policy',
    description: '`llm-cost-lens diff` fails (exit 3) when a call site the change adds or changes costs more than this many USD per month through the API. `null` = off. The flag `--max-call-site-usd` wins.' }),
  'policy.failOnUnpriced': spec({ schema: z.boolean(), default: false, scope: 'resource', category: 'Policy',
    description: '`llm-cost-lens diff` fails (exit 3) when a call site the change adds or changes names a model that is not in the price catalog. The flag `--fail-on-unpriced` turns it on.' }),
  'policy.failOnUnresolved': spec({ schema: z.boolean(), default: false, scope: 'resource', category: 'Policy',
    description: '`llm-cost-lens diff` fails (exit 3) when a call site the change adds or changes has a model the code does not state (unresolved, or priced at an assumed model). The flag `--fail-on-unresolved` turns it on.' }),
} as const;

export type SettingKey = keyof typeof SETTINGS;
/** The validated settings of one folder, inferred from the schemas above (no hand-written overrides). */
export type Settings = { -readonly [K in SettingKey]: z.output<(typeof SETTINGS)[K]['schema']> };

export const SETTINGS_PREFIX = 'llmCostLens.';

export interface SettingsRead {
  settings: Settings;
  /** Keys the user set explicitly (valid ones), so views can say "from settings" rather than "default". */
  explicit: Set<SettingKey>;
  warnings: string[];
}

/**
 * `record[key]` when `key` is the record's own property. Keys come from scanned code (model names, placeholder
 * names), so `record['constructor']` must not find Object.prototype's.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function defaultSettings(): Settings {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(SETTINGS)) out[k] = structuredClone(s.default);
  return out as Settings;
}

/**
 * Reads `llmCostLens.*` values from a flat settings object (settings.json content, or the editor's folder-level values).
 * Accepts both flat keys (`"llmCostLens.selfHosted.gpu": …`) and nested objects (`"llmCostLens": { "selfHosted": { "gpu": … } }`).
 */
export function readSettings(raw: Record<string, unknown>): SettingsRead {
  const settings = defaultSettings() as Record<string, unknown>;
  const explicit = new Set<SettingKey>();
  const warnings: string[] = [];
  const flat = flatten(raw);
  for (const [fullKey, value] of Object.entries(flat)) {
    if (!fullKey.startsWith(SETTINGS_PREFIX)) continue;
    const key = fullKey.slice(SETTINGS_PREFIX.length);
    // own keys only: `llmCostLens.constructor` / `__proto__` / `toString` are unknown settings, not prototype members
    if (!Object.hasOwn(SETTINGS, key)) {
      warnings.push(`${fullKey.slice(0, 120)}: unknown setting (ignored)`);
      continue;
    }
    const s = SETTINGS[key as SettingKey] as SettingSpec<unknown>;
    if (s.entry && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      settings[key] = readEntries(fullKey, value as Record<string, unknown>, s.entry, warnings);
      explicit.add(key as SettingKey);
      continue;
    }
    const parsed = (s.schema as z.ZodType).safeParse(value, { reportInput: true });
    if (!parsed.success) {
      warnings.push(`${fullKey}: ${describe(parsed.error)} — using the default (${JSON.stringify(s.default)})`);
      continue;
    }
    settings[key] = parsed.data;
    explicit.add(key as SettingKey);
  }
  return { settings: settings as Settings, explicit, warnings };
}

/** A record-valued setting entry by entry: good entries are kept, each bad one is dropped with a warning. */
function readEntries(fullKey: string, value: Record<string, unknown>, entry: NonNullable<SettingSpec<unknown>['entry']>, warnings: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const name = `${fullKey}[${JSON.stringify(k.length > 80 ? `${k.slice(0, 79)}…` : k)}]`;
    if (k === '__proto__') {
      warnings.push(`${name}: reserved name (entry ignored)`);
      continue;
    }
    const key = entry.key?.safeParse(k, { reportInput: true });
    if (key && !key.success) {
      warnings.push(`${name}: ${describe(key.error)} (entry ignored)`);
      continue;
    }
    const parsed = entry.value.safeParse(v, { reportInput: true });
    if (!parsed.success) {
      warnings.push(`${name}: ${describe(parsed.error)} (entry ignored)`);
      continue;
    }
    out[k] = parsed.data;
  }
  return out;
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + humanMessage(i)).join('; ');
}

function flatten(raw: Record<string, unknown>): Record<string, unknown> {
  // no prototype: a key named `__proto__` is just a key
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'llmCostLens' && v && typeof v === 'object' && !Array.isArray(v)) {
      // nested form: flatten one level at a time until a known key is reached
      const walk = (prefix: string, obj: Record<string, unknown>) => {
        for (const [k2, v2] of Object.entries(obj)) {
          const key = `${prefix}.${k2}`;
          if (Object.hasOwn(SETTINGS, key.slice(SETTINGS_PREFIX.length)) || !v2 || typeof v2 !== 'object' || Array.isArray(v2)) out[key] = v2;
          else walk(key, v2 as Record<string, unknown>);
        }
      };
      walk('llmCostLens', v as Record<string, unknown>);
    } else {
      out[k] = v;
    }
  }
  return out;
}
