// The extension ⇄ webview protocol: one discriminated union each way, validated with zod on receipt.
import * as z from 'zod'; // namespace import: lets esbuild drop zod's locales (≈90 KB instead of ≈450 KB)
import { SETTINGS, type SettingKey } from '../settings';

export const costCurveSchema = z.strictObject({
  volumes: z.array(z.number()),
  api: z.array(z.number()),
  selfHostedWithOps: z.array(z.number()),
  selfHostedComputeOnly: z.array(z.number()),
  hostedOpen: z.array(z.number()).nullable(),
  gpus: z.array(z.number().nullable()),
  steps: z.array(z.number()),
  markers: z.strictObject({ breakEvenComputeOnly: z.number().nullable(), breakEvenWithOps: z.number().nullable(), current: z.number(), breakEvenHostedWithOps: z.number().nullable() }),
  sampler: z.string().optional(),
});

export const scenarioRowSchema = z.strictObject({
  file: z.string(),
  ok: z.boolean(),
  problems: z.array(z.string()),
  apiMonthlyUsd: z.number().nullable(),
  selfHostedMonthlyUsd: z.number().nullable(),
  breakEvenWithOps: z.number().nullable(),
  breakEvenComputeOnly: z.number().nullable(),
  verdict: z.string().nullable(),
  priceSource: z.string().nullable(),
  priceAsOf: z.string().nullable(),
  daysPerMonth: z.number().nullable(),
  curve: costCurveSchema.nullable(),
});
export type ScenarioRow = z.infer<typeof scenarioRowSchema>;

/** One call site of the workspace scan, as the panel's table shows it (figures unrounded, formatting in the view). */
export const callSiteRowSchema = z.strictObject({
  id: z.string(),
  file: z.string(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  cell: z.number().int().nonnegative().nullable(),
  key: z.string(),
  api: z.string(),
  model: z.string().nullable(),
  modelSource: z.string(),
  /** What this folder's llmCostLens.callSites[key] sets (null = not set there). */
  override: z.strictObject({ requestsPerDay: z.number().nullable(), model: z.string().nullable() }),
  /** llmCostLens.openModelFor's exact entry for `model` (null = built-in mapping or a glob). */
  openModelOverride: z.string().nullable(),
  openModelReason: z.string(),
  endpoint: z.enum(['api', 'self-hosted']),
  inputTokens: z.number(),
  outputTokens: z.number(),
  approximate: z.boolean(),
  requestsPerDay: z.number(),
  callsPerRequest: z.number(),
  volumeSource: z.enum(['annotation', 'settings', 'default', 'measured']),
  volumeHidden: z.string().nullable(),
  apiMonthlyUsd: z.number().nullable(),
  /** The open counterpart through its cheapest hosted API: cost, host, model and the price's date. */
  hostedOpen: z.strictObject({ monthlyUsd: z.number(), provider: z.string(), model: z.string(), priceSource: z.string(), asOf: z.string().nullable() }).nullable(),
  selfHostedMonthlyUsd: z.number().nullable(),
  openModel: z.string().nullable(),
  breakEvenWithOps: z.number().nullable(),
  /** Monthly cost at llmCostLens.hybrid.selfHostedShare; null when that setting is not given or there is no split. */
  hybridMonthlyUsd: z.number().nullable(),
  verdict: z.string().nullable(),
  /** The workspace folder of a multi-root workspace (file, key and id then start with `<folder>/`); absent with one folder. */
  folder: z.string().optional(),
});
export type CallSiteRow = z.infer<typeof callSiteRowSchema>;

export const workspaceTotalsSchema = z.strictObject({
  callSites: z.number(),
  unpriced: z.number(),
  daysPerMonth: z.number(),
  apiMonthlyUsd: z.number(),
  selfHostedMonthlyUsd: z.number(),
  hostedOpenMonthlyUsd: z.number(),
  deployments: z.number(),
  routingMonthlyUsd: z.number(),
  routedSelfHosted: z.number(),
  routedHostedOpen: z.number(),
  savingsVsApiUsd: z.number(),
  verdict: z.string(),
});
export type WorkspaceTotals = z.infer<typeof workspaceTotalsSchema>;

/** The assumption controls: every key the panel can write, each one of the SETTINGS keys. */
export const ASSUMPTION_KEYS = [
  'requestsPerDay', 'daysPerMonth',
  'selfHosted.gpu', 'selfHosted.gpuCount', 'selfHosted.gpuHourlyUsd', 'selfHosted.precision', 'selfHosted.utilization', 'selfHosted.fixedMonthlyUsd',
  'selfHosted.opsHoursPerMonth', 'selfHosted.opsHourlyUsd', 'selfHosted.setupHours', 'selfHosted.setupAmortizationMonths',
  'selfHosted.gpuOwnership', 'selfHosted.gpuPurchaseUsd', 'selfHosted.gpuAmortizationMonths', 'selfHosted.powerUsdPerKWh', 'selfHosted.pue',
  'hybrid.selfHostedShare',
  'selfHosted.engine', 'selfHosted.maxTpotMs', 'selfHosted.maxTtftMs', 'peakToAverage', 'activeHoursPerDay', 'selfHosted.gpuOffer', 'selfHosted.scaleToZero',
] as const satisfies readonly SettingKey[];

/** The selected call site's controls: not settings of their own but entries of llmCostLens.callSites / openModelFor. */
export const CALL_SITE_CONTROLS = ['callSite.requestsPerDay', 'callSite.model', 'openModelFor'] as const;
export type CallSiteControl = (typeof CALL_SITE_CONTROLS)[number];
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

const settingKeySchema = z.enum(Object.keys(SETTINGS) as [SettingKey, ...SettingKey[]]);
const jsonValue = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const assumptionsSchema = z.strictObject({
  /** Effective values (folder settings over defaults), exactly what the scan used. */
  values: z.record(z.string(), jsonValue),
  /** Keys set in the folder's .vscode/settings.json. */
  explicit: z.array(z.string()),
  gpus: z.array(z.strictObject({ id: z.string(), hourlyUsd: z.number(), purchaseUsd: z.number(), memoryGb: z.number() })),
  openModels: z.array(z.strictObject({ id: z.string(), paramsB: z.number() })),
  warnings: z.array(z.string()),
});
export type Assumptions = z.infer<typeof assumptionsSchema>;

export const workspaceViewSchema = z.strictObject({
  folder: z.string().nullable(),
  callSites: z.array(callSiteRowSchema),
  totals: workspaceTotalsSchema.nullable(),
  assumptions: assumptionsSchema,
  prices: z.array(z.strictObject({ source: z.string(), asOf: z.string().nullable() })),
  problem: z.string().nullable(),
  /** Usage measurements (llmCostLens.usageFiles): sources, coverage, unmatched records, one line each; absent without usage files. */
  usage: z.array(z.string().max(2000)).max(500).optional(),
  /** A multi-root workspace: each folder's totals at its own settings (`totals` is their sum); absent with one folder. */
  folders: z.array(z.strictObject({ name: z.string(), totals: workspaceTotalsSchema })).optional(),
});
export type WorkspaceView = z.infer<typeof workspaceViewSchema>;

export const chartViewSchema = z.strictObject({
  /** 'workspace' or a call-site id. */
  target: z.string(),
  title: z.string(),
  curve: costCurveSchema.nullable(),
  note: z.string().nullable(),
});
export type ChartView = z.infer<typeof chartViewSchema>;

/** "Changes vs base" (core/diff/view.ts): what the saved files change against the default branch. */
export const changesViewSchema = z.strictObject({
  headline: z.string(),
  base: z.string(),
  policy: z.enum(['pass', 'warn', 'fail']),
  prices: z.string(),
  rows: z.array(z.strictObject({
    file: z.string(), line: z.number().int().positive().nullable(), column: z.number().int().positive().nullable(), qualifiedName: z.string(),
    status: z.enum(['added', 'removed', 'changed']), change: z.string(), model: z.string(), tokens: z.string(), volume: z.string(), cost: z.string(), delta: z.string(),
  })),
});
export type ChangesViewMessage = z.infer<typeof changesViewSchema>;

export const hostToWebviewSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('scenarios'), rows: z.array(scenarioRowSchema) }),
  z.strictObject({ type: z.literal('workspace'), view: workspaceViewSchema }),
  z.strictObject({ type: z.literal('chart'), chart: chartViewSchema }),
  z.strictObject({ type: z.literal('settingResult'), key: settingKeySchema, error: z.string().nullable() }),
  z.strictObject({ type: z.literal('controlResult'), control: z.enum(CALL_SITE_CONTROLS), error: z.string().nullable() }),
  z.strictObject({ type: z.literal('exportResult'), file: z.string().nullable(), error: z.string().nullable() }),
  z.strictObject({ type: z.literal('changes'), view: changesViewSchema.nullable() }),
  /** The host selects a call site (the tree's "Open in Cost Panel"); the webview asks for its chart as on a click. */
  z.strictObject({ type: z.literal('select'), target: z.string().min(1).max(2000) }),
]);
export type HostToWebview = z.infer<typeof hostToWebviewSchema>;

export const webviewToHostSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('openFile'), file: z.string().min(1), line: z.number().int().positive().optional(), column: z.number().int().positive().optional() }),
  z.strictObject({ type: z.literal('selectChart'), target: z.string().min(1).max(2000) }),
  z.strictObject({ type: z.literal('setSetting'), key: settingKeySchema, value: z.unknown() }),
  z.strictObject({ type: z.literal('resetSettings'), keys: z.array(settingKeySchema).min(1).max(50) }),
  /** Writes (or with null removes) one field of llmCostLens.callSites[key]. */
  z.strictObject({ type: z.literal('setCallSite'), key: z.string().min(1).max(2000), field: z.enum(['requestsPerDay', 'model']), value: z.union([z.number(), z.string(), z.null()]) }),
  /** Writes (or with null removes) llmCostLens.openModelFor[apiModel]. */
  // `key`: the selected row's call-site key, so a multi-root workspace writes the mapping to that row's folder
  z.strictObject({ type: z.literal('setOpenModel'), apiModel: z.string().min(1).max(500), openModel: z.string().min(1).max(200).nullable(), key: z.string().min(1).max(2000).optional() }),
  /** "Reset to defaults" for the selected call site: its requestsPerDay and model, and the exact openModelFor entry. */
  z.strictObject({ type: z.literal('resetCallSite'), key: z.string().min(1).max(2000), apiModel: z.string().min(1).max(500).nullable() }),
  /** Without a format, the host asks for one (as the command does). */
  z.strictObject({ type: z.literal('exportReport'), format: z.enum(['markdown', 'csv', 'json']).optional() }),
  /** The webview rejected a message from the host; the host writes the reason to its log (the webview has none). */
  z.strictObject({ type: z.literal('rejected'), reason: z.string().max(4000) }),
]);
export type WebviewToHost = z.infer<typeof webviewToHostSchema>;
