// One detected call → the `scan` contract's call-site record: tokens (with basis), volume (with source),
// and `cost`, which is exactly the engine's `estimate` output for this call alone.
import type { CallKind, DetectedCall } from '../detect/types';
import { sumCounts, TokenCounter, type TokenCount } from '../tokens';
import { estimate, type EstimateOptions, type EstimateOutcome, type EstimateResult } from '../economics/estimate';
import type { Scenario } from '../config';
import { callScenario } from '../economics/callScenario';
import { lookupApiPrice } from '../catalog/prices';
import type { PriceCatalog } from '../catalog/prices-resolve';
import { openCounterpartFor } from '../catalog/counterparts';
import { own, type Settings, type SettingKey } from '../settings';
import { takePlaceholders } from './placeholderScan';
import { parseAnnotation, type Annotation } from './annotation';
import type { MeasuredTokens, MeasuredVolume, SiteUsage } from './measured';
import { assumedModel, type AssumedModel } from './assumedModel';
import { unknownNamedChars } from '../tokens/pythonEscapes';
import { reasoningTokensFor } from '../catalog/reasoning';
import { promptCacheFor, type PromptCacheTokens } from './promptCache';
import type { EngineContext } from '../engine/context';

/** The engine's notes about break-even (estimate.ts), meaningless where one side of the comparison is missing. */
export const BREAK_EVEN_NOTE = /^self-hosting (never breaks even|does not break even)/;

export const BUILT_IN_OUTPUT: Record<CallKind, number> = { chat: 300, responses: 300, completion: 200, embedding: 0, image: 0, speech: 0, transcription: 0, agent: 300, rag: 300, batch: 300 };

export interface PartReport { role: string; source: string; tokens: number; placeholders: { name: string; tokens: number }[] }

export interface CallSiteReport {
  file: string; line: number; column: number; endLine: number; cell?: number;
  language: string; sdk: string; api: string; kind: CallKind;
  model: string | null; modelSource: 'literal' | 'constant' | 'env-default' | 'framework-default' | 'annotation' | 'settings' | 'default' | 'unresolved' | 'assumed';
  /** The model an unresolved call is priced at (`model` stays null: the code does not say), and why that one. */
  assumedModel: string | null; assumedFrom: AssumedModel['from'] | null;
  maxTokens: number | null; streaming: boolean; endpoint: 'api' | 'self-hosted';
  qualifiedName: string; key: string;
  tokens: { input: number; output: number; reasoning: number; reasoningBasis: string; outputMax: number | null; inputBasis: string; outputBasis: string; inputLow: number; inputHigh: number; parts: PartReport[] } & MeasuredTokens & PromptCacheTokens;
  volume: { requestsPerDay: number; callsPerRequest: number; source: 'annotation' | 'settings' | 'default' | 'measured'; hidden: string | null } & MeasuredVolume;
  /** present when usage files were given and some of their records matched this call site (src/core/usage) */
  usage?: SiteUsage;
  openModel: { model: string | null; reason: string; quality: string };
  cost: (Omit<EstimateResult, 'api' | 'selfHosted' | 'verdict'> & { api: EstimateResult['api'] | null; selfHosted: EstimateResult['selfHosted'] | null; verdict: EstimateResult['verdict'] | 'unpriced'; suggestions: string[] }) | null;
  problems: string[];
  confidence: number;
  /** a framework run's documented calls-per-request default, when it is the figure used */
  callsBasis?: string;
  /** where a framework-default model comes from */
  modelBasis?: string;
  /** how an unresolved receiver was recognised (the request's shape) */
  receiver?: string;
  /** the keyword whose Azure deployment name is the model (`azure_deployment=`): no model id is named in the code */
  deploymentKey?: string;
  /** the setting that prices this call at the Batch API price, when one does (`llmCostLens.callSites[key].batch`) */
  pricedAsBatch?: string;
}

export interface CallSiteContext {
  settings: Settings;
  explicit: ReadonlySet<SettingKey>;
  /** The workspace's most used priced model (scan-wide, see assumedModel.ts): what unresolved calls are priced at. */
  workspaceModel?: string | null;
}

/**
 * A call's report, from the engine context's memo while its inputs are the same: the detected call (the same object
 * while its file and the files it read are unchanged, see detectCache.ts), the settings snapshot, the price catalog
 * and the tokenizer's rank generation. Reports are never mutated after they are built, so one can be handed out again.
 */
export function buildCallSite(engine: EngineContext, d: DetectedCall, ctx: CallSiteContext): CallSiteReport {
  // Only an unresolved call depends on the workspace's model; keying the others on it would re-cost every call.
  const inputs = [engine.settingsKey(ctx), d.model === null ? ctx.workspaceModel ?? null : null, engine.catalog, engine.tokenizerGeneration];
  return engine.reports.get(d, inputs, () => buildCallSiteUncached(d, ctx, engine.catalog, engine.tokens, engine.estimate)) as CallSiteReport;
}

function buildCallSiteUncached(d: DetectedCall, ctx: CallSiteContext, catalog: PriceCatalog, counter: TokenCounter, estimator: Estimator): CallSiteReport {
  const { settings } = ctx;
  const problems: string[] = [...(d.problems ?? [])];
  const key = `${d.file}#${d.qualifiedName}`;
  // A prompt file's volume hint travels as an annotation (same precedence); messages name what the user wrote.
  const annotationName = d.language === 'prompt' ? "the front matter's requestsPerDay" : 'the llm-cost annotation';
  let annotation: Annotation = {};
  if (d.annotation !== null) {
    const a = parseAnnotation(d.annotation);
    if (a.ok) annotation = a.value;
    else problems.push(`llm-cost annotation at ${d.file}:${d.line - 1}: ${a.error} (ignored)`);
  }
  const site = own(settings.callSites, key);

  // model: annotation > callSites setting > what the code says
  let model = d.model;
  let modelSource: CallSiteReport['modelSource'] = d.modelSource;
  if (annotation.model) [model, modelSource] = [annotation.model, 'annotation'];
  else if (site?.model) [model, modelSource] = [site.model, 'settings'];
  const assumed = model === null ? assumedModel(settings.defaultModel, ctx.workspaceModel) : null;
  if (assumed) modelSource = 'assumed';
  /** The model the tokens, the price and the counterpart are for. */
  const costedModel = model ?? assumed!.model;

  // volume: annotation > callSites > folder default > built-in default
  // a framework run's documented default (several model turns) unless the annotation or settings say otherwise
  const callsPerRequest = annotation.callsPerRequest ?? site?.callsPerRequest ?? d.callsPerRequest?.n ?? 1;
  let volume: CallSiteReport['volume'];
  if (annotation.requestsPerDay !== undefined) {
    const hidden = site?.requestsPerDay !== undefined ? `llmCostLens.callSites["${key}"].requestsPerDay (${site.requestsPerDay}) is hidden by ${annotationName}` : null;
    volume = { requestsPerDay: annotation.requestsPerDay, callsPerRequest, source: 'annotation', hidden };
  } else if (site?.requestsPerDay !== undefined) {
    volume = { requestsPerDay: site.requestsPerDay, callsPerRequest, source: 'settings', hidden: null };
  } else {
    volume = { requestsPerDay: settings.requestsPerDay, callsPerRequest, source: ctx.explicit.has('requestsPerDay') ? 'settings' : 'default', hidden: null };
  }

  const tokens = countInput(d, costedModel, settings, counter);
  // the setting names the request kinds of the SDKs; framework kinds (agent, rag, batch) use the built-in figure
  const perKind = (settings.expectedOutputTokens as Partial<Record<CallKind, number>>)[d.kind];
  const expected = annotation.outputTokens ?? site?.outputTokens ?? perKind ?? BUILT_IN_OUTPUT[d.kind];
  const expectedFrom = annotation.outputTokens !== undefined ? 'annotation' : site?.outputTokens !== undefined ? 'callSites setting' : perKind !== undefined ? 'expectedOutputTokens setting' : `built-in default for ${d.kind}`;
  const capped = d.maxTokens !== null && expected > d.maxTokens;
  const visible = capped ? d.maxTokens! : expected;
  const reasoningOverride = annotation.reasoningTokens !== undefined ? { tokens: annotation.reasoningTokens, from: `${annotationName} (reasoning=)` }
    : site?.reasoningTokens !== undefined ? { tokens: site.reasoningTokens, from: `llmCostLens.callSites["${key}"].reasoningTokens` } : undefined;
  const r = reasoningTokensFor(costedModel, d.reasoningTokens, reasoningOverride);
  // The providers' output cap (max_completion_tokens, max_tokens with thinking, maxOutputTokens) covers reasoning
  // and visible output together: both fit under it.
  const reasoning = d.maxTokens !== null ? Math.max(0, Math.min(r.tokens, d.maxTokens - visible)) : r.tokens;
  const output = visible + reasoning;
  const outputBasis = `expected ${expected} (${expectedFrom})` + (capped ? `, capped by max_tokens ${d.maxTokens}` : '')
    + (reasoning ? ` + ≈${reasoning.toLocaleString('en-US')} reasoning${reasoning < r.tokens ? ` (under max_tokens ${d.maxTokens})` : ''}` : '');

  const counterpart = openCounterpartFor(costedModel, settings.openModelFor);
  const report: CallSiteReport = {
    file: d.file, line: d.line, column: d.column, endLine: d.endLine, ...(d.cell !== undefined ? { cell: d.cell } : {}),
    language: d.language, sdk: d.sdk, api: d.api, kind: d.kind,
    model, modelSource, assumedModel: assumed?.model ?? null, assumedFrom: assumed?.from ?? null, maxTokens: d.maxTokens, streaming: d.streaming, endpoint: d.endpoint,
    qualifiedName: d.qualifiedName, key,
    tokens: { input: tokens.total.tokens, output, reasoning, reasoningBasis: r.basis, outputMax: d.maxTokens, inputBasis: basisLabel(tokens.total), outputBasis, inputLow: tokens.total.low, inputHigh: tokens.total.high, parts: tokens.parts },
    volume,
    openModel: { model: counterpart.model, reason: counterpart.reason, quality: counterpart.quality },
    cost: null,
    problems,
    confidence: d.confidence,
    ...(d.callsPerRequest && annotation.callsPerRequest === undefined && site?.callsPerRequest === undefined ? { callsBasis: d.callsPerRequest.basis } : {}),
    ...(d.modelBasis && modelSource === 'framework-default' ? { modelBasis: d.modelBasis } : {}),
    ...(d.receiver ? { receiver: d.receiver } : {}),
    ...(d.deploymentKey && model !== null && model === d.model ? { deploymentKey: d.deploymentKey } : {}),
    ...(site?.batch === true && d.kind !== 'batch' ? { pricedAsBatch: `llmCostLens.callSites["${key}"].batch` } : {}),
  };
  // cache_control in the code: the cached prefix at the cache-read price, writes amortised (promptCache.ts)
  const cache = promptCacheFor(d.promptParts, report.tokens.parts, costedModel, volume.requestsPerDay * callsPerRequest);
  if (cache) Object.assign(report.tokens, { ...(cache.readTokens ? { cachedInputTokens: cache.readTokens } : {}), ...(cache.writeTokens ? { cacheWriteTokens: cache.writeTokens } : {}), promptCache: cache.note });
  report.cost = costFor(catalog, report, settings, problems, estimator);
  return report;
}

/** The engine's estimate, or the engine context's memo of it (EngineContext.estimate). */
export type Estimator = (scenario: Scenario, options: EstimateOptions) => EstimateOutcome;

/** The engine's estimate for a call-site record as it stands (also run again after usage measurements change it). */
export function costFor(catalog: PriceCatalog, r: CallSiteReport, settings: Settings, problems: string[], estimator: Estimator = estimate): CallSiteReport['cost'] {
  const requestsPerDay = r.volume.requestsPerDay * r.volume.callsPerRequest;
  const model = r.model ?? r.assumedModel!;
  const override = own(settings.prices, model);
  const fullOverride = override?.inputUsdPerMTok !== undefined && override?.outputUsdPerMTok !== undefined;
  let suggestions: string[] = [];
  let priced = true;
  if (!fullOverride) {
    const found = lookupApiPrice(catalog, model);
    if (!found.ok) {
      priced = false;
      // Names close to a deployment's own name ("triage", "support-bot-prod") are noise, not what it runs.
      suggestions = r.deploymentKey ? [] : found.suggestions;
    }
  }
  const scenario = callScenario(settings, priced ? model : null, r.openModel.model, requestsPerDay, r.tokens.input, r.tokens.output, r.tokens.cachedInputTokens, r.kind === 'batch' || r.pricedAsBatch !== undefined, r.tokens.cacheWriteTokens);
  const share = settings['hybrid.selfHostedShare'];
  if (share !== null) scenario.hybrid = { selfHostedShare: share };
  const out = estimator(scenario, { catalog, hostedProviders: settings.hostedProviders });
  if (!out.ok) {
    problems.push(...out.problems.map((p) => `self-hosted estimate: ${p}`));
    return null;
  }
  const res = out.result;
  const comparable = priced && r.openModel.model !== null;
  // Without an API price (run at $0) or an open counterpart the engine's break-even notes compare with nothing.
  const notes = comparable ? [...res.notes] : res.notes.filter((n) => !BREAK_EVEN_NOTE.test(n));
  const nameIt = r.language === 'prompt' ? 'name it in the front matter (`model:`, or `model.configuration.name` in Prompty) or in llmCostLens.callSites' : 'add `model=…` to an llm-cost annotation or llmCostLens.callSites';
  if (r.assumedModel !== null) notes.push(`model unresolved: priced at ${r.assumedModel} (assumed: ${r.assumedFrom}); ${nameIt}, or set llmCostLens.defaultModel, to pin it`);
  if (!priced) {
    notes.push(r.deploymentKey
      ? `"${model}" is an Azure deployment name (${r.deploymentKey}), not a model id: unpriced; ${nameIt} with the model it runs, or price "${model}" in llmCostLens.prices`
      : `model "${model}" is not in the price catalog: unpriced (add it to llmCostLens.prices)`);
  }
  if (r.openModel.model === null) notes.push(`no self-hosted counterpart: ${r.openModel.reason}`);
  if (r.endpoint === 'self-hosted') notes.push('this call already goes to a self-hosted endpoint: the API figures show what the API would cost instead');
  if (settings['selfHosted.gpuOwnership'] === 'owned' && settings['selfHosted.gpuHourlyUsd'] !== null && r.openModel.model !== null) {
    notes.push(`llmCostLens.selfHosted.gpuHourlyUsd (${settings['selfHosted.gpuHourlyUsd']}) is not used: the GPUs are owned (llmCostLens.selfHosted.gpuOwnership)`);
  }
  if (r.volume.callsPerRequest !== 1) notes.push(`${r.volume.callsPerRequest} calls per request: ${r.volume.requestsPerDay} requests/day make ${requestsPerDay} calls/day`);
  if (r.callsBasis) notes.push(`calls per request: ${r.callsBasis} (override with llm-cost: calls=N or llmCostLens.callSites)`);
  if (r.modelBasis) notes.push(`model: ${r.modelBasis}`);
  if (r.tokens.promptCache) notes.push(r.tokens.promptCache);
  const batchOff = res.api.price.batchDiscount ?? 0;
  if (r.kind === 'batch' && priced && batchOff > 0) notes.push(`batch submission: priced at the provider's batch price (${Math.round(batchOff * 100)} % off, catalog/batch.ts)`);
  if (r.pricedAsBatch && priced && batchOff > 0) notes.push(`priced at the Batch API price (${Math.round(batchOff * 100)} % off, catalog/batch.ts) because ${r.pricedAsBatch} is true: the code sends interactive requests; the figure holds once they are submitted as a batch (results within 24 h)`);
  // Echo the fixed split with the figures it produced, so every view can say where the hybrid cost comes from.
  const assumptions = share !== null ? { ...res.assumptions, 'hybrid.selfHostedShare': share } : res.assumptions;
  const selfHosted = r.openModel.model === null ? null : res.selfHosted;
  const api = priced ? { ...res.api, price: { ...res.api.price, source: override ? res.api.price.source.replace(/^scenario/, 'override (llmCostLens.prices)') : res.api.price.source } } : null;
  return {
    ...res,
    assumptions,
    api,
    selfHosted,
    breakEven: comparable ? res.breakEven : { computeOnlyRequestsPerDay: null, withOpsRequestsPerDay: null, hostedOpenVsSelfHosted: null, apiVsHostedOpen: null },
    hybrid: comparable ? res.hybrid : null,
    // No counterpart (llmCostLens.openModelFor may say "none"): no open model to host either.
    hostedOpen: r.openModel.model === null ? null : res.hostedOpen,
    verdict: !priced ? 'unpriced' : comparable ? res.verdict : 'api',
    notes,
    suggestions,
  };
}

interface InputCount { total: TokenCount; parts: PartReport[] }

/** Input tokens: each part through the model's tokenizer, placeholders and runtime parts at their configured sizes, plus chat framing. */
export function countInput(d: Pick<DetectedCall, 'promptParts' | 'kind'>, model: string | null, settings: Settings, counter = new TokenCounter()): InputCount {
  const parts: PartReport[] = [];
  const extras: TokenCount[] = [];
  const messages: { role: string; content: string; name?: string }[] = [];
  for (const p of d.promptParts) {
    if (p.text === null) {
      const t = settings.runtimePartTokens;
      parts.push({ role: p.role, source: 'runtime', tokens: t, placeholders: [] });
      extras.push({ tokens: t, basis: 'approx', tokenizer: 'runtimePartTokens setting', low: t, high: t });
      messages.push({ role: p.role, content: '', ...(p.name ? { name: p.name } : {}) });
      continue;
    }
    // A `\N{NAME}` outside the bundled name table: the character is unknown, 1–4 tokens each (≈).
    const unknown = unknownNamedChars(p.text);
    if (unknown.count) extras.push({ tokens: 2 * unknown.count, basis: 'approx', tokenizer: 'unknown \\N{…} characters', low: unknown.count, high: 4 * unknown.count });
    const ph: PartReport['placeholders'] = [];
    const names = new Set(p.placeholders);
    const { rest: text, counts } = takePlaceholders(unknown.text, names);
    for (const name of names) {
      const size = own(settings.placeholders, name) ?? settings.defaultPlaceholderTokens;
      const occurrences = counts.get(name) || 1;
      ph.push({ name, tokens: size * occurrences });
      extras.push({ tokens: size * occurrences, basis: 'approx', tokenizer: 'placeholder size', low: size * occurrences, high: size * occurrences });
    }
    const textTokens = counter.countTokens(text, model).tokens;
    parts.push({ role: p.role, source: p.source, tokens: textTokens + 2 * unknown.count + ph.reduce((s, x) => s + x.tokens, 0), placeholders: ph });
    messages.push({ role: p.role, content: text, ...(p.name ? { name: p.name } : {}) });
  }
  // a batch submission carries chat requests: each is framed as one
  const chatLike = d.kind === 'chat' || d.kind === 'responses' || d.kind === 'batch';
  const base = chatLike && messages.length ? counter.countChatTokens(messages, model) : sumCounts(messages.map((m) => counter.countTokens(m.content, model)));
  return { total: sumCounts([base, ...extras]), parts };
}

export function basisLabel(c: TokenCount): string {
  if (c.basis === 'exact') return `exact (${c.tokenizer})`;
  // Text counted exactly, but placeholder / runtime sizes are assumed: no tokenizer band to show, say what is assumed.
  if (c.low === c.high) return `≈ (${c.tokenizer}; placeholder and runtime sizes are assumptions)`;
  return `≈ ${c.low.toLocaleString('en-US')}–${c.high.toLocaleString('en-US')} (${c.tokenizer})`;
}
