// The extension ⇄ webview protocol: one discriminated union each way, validated with zod on receipt.
import * as z from 'zod'; // namespace import: lets esbuild drop zod's locales (≈90 KB instead of ≈450 KB)

export const costCurveSchema = z.strictObject({
  volumes: z.array(z.number()),
  api: z.array(z.number()),
  selfHostedWithOps: z.array(z.number()),
  selfHostedComputeOnly: z.array(z.number()),
  gpus: z.array(z.number().nullable()),
  steps: z.array(z.number()),
  markers: z.strictObject({ breakEvenComputeOnly: z.number().nullable(), breakEvenWithOps: z.number().nullable(), current: z.number() }),
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

export const hostToWebviewSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('scenarios'), rows: z.array(scenarioRowSchema) }),
]);
export type HostToWebview = z.infer<typeof hostToWebviewSchema>;

export const webviewToHostSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('openFile'), file: z.string().min(1) }),
]);
export type WebviewToHost = z.infer<typeof webviewToHostSchema>;
