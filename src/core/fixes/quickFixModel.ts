// Quick fixes for a call site, as plain data (no `vscode`, unit-tested): what to change, the text edit in the
// call's own syntax, and the monthly saving — always the difference of two runs of the engine (`estimate`) on the
// call's scenario, before and after the change, at the call's volume. codeActions.ts turns them into CodeActions.
import type { CallSiteReport } from '../scan/callSite';
import { callScenario } from '../economics/callScenario';
import { estimate } from '../economics/estimate';
import { lookupApiPrice } from '../catalog/prices';
import type { PriceCatalog } from '../catalog/prices-resolve';
import type { Settings } from '../settings';
import { formatCount, formatUsd } from '../money';
import { literalEdit, maxTokensEdit, systemCacheEdit, type TextEditSpec } from './quickFixEdits';
import { batchFix, hostedOpenFix, type CallSitePatch } from './settingsFixes';
import { minCacheableTokens, promptCacheFor } from '../scan/promptCache';

export type { TextEditSpec };

export interface QuickFix {
  kind: 'switch-model' | 'cap-max-tokens' | 'cache-system-prompt' | 'openai-prefix-cache' | 'batch-api' | 'hosted-open';
  title: string;
  /** API $/mo before and after, each from the engine; saving = before − after (> 0). */
  beforeUsd: number; afterUsd: number; savingUsd: number;
  /** Empty for a fix that is advice (the OpenAI prefix-cache note) or a settings fix: the action then shows `note`. */
  edits: TextEditSpec[];
  /** A fix that changes the estimate, not the code: fields written into `llmCostLens.callSites[key]` (settingsFixes.ts). */
  settings?: { key: string; patch: CallSitePatch };
  /** The basis and caveats of the saving (quality, the worst case assumed), shown in the action's tooltip/log. */
  note: string;
}

/** The change a fix makes to the call's scenario. */
export interface Variant { model?: string; outputTokens?: number; cachedInputTokens?: number; cacheWriteTokens?: number; batch?: boolean }

/**
 * The engine's API $/mo for the call as it stands, or with `variant` applied; null when unpriced. The scenario is
 * the one the scan costs the call with (callScenario, volume × calls per request), so `apiMonthlyUsd(c, s, {})`
 * equals the figure in the lens.
 */
export function apiMonthlyUsd(catalog: PriceCatalog, c: CallSiteReport, settings: Settings, variant: Variant): number | null {
  const model = variant.model ?? c.model ?? c.assumedModel;
  if (!model) return null;
  const own = settings.prices[model];
  const fullOverride = own?.inputUsdPerMTok !== undefined && own.outputUsdPerMTok !== undefined;
  if (!fullOverride && !lookupApiPrice(catalog, model).ok) return null;
  const perDay = c.volume.requestsPerDay * c.volume.callsPerRequest;
  const batch = variant.batch ?? (c.kind === 'batch' || c.pricedAsBatch !== undefined);
  const scenario = callScenario(settings, model, null, perDay, c.tokens.input, variant.outputTokens ?? c.tokens.output, variant.cachedInputTokens ?? c.tokens.cachedInputTokens, batch, variant.cacheWriteTokens ?? c.tokens.cacheWriteTokens);
  const out = estimate(scenario, { catalog });
  return out.ok ? out.result.api.monthlyUsd : null;
}

/**
 * A cheaper sibling from the same provider and family: the usual "mini/small" step down. Only ids of the price
 * catalog are offered, and only when the engine prices the sibling lower at this call's tokens and volume.
 */
const CHEAPER: [RegExp, string, string][] = [
  [/^gpt-4\.1$/, 'gpt-4.1-mini', 'smaller GPT-4.1 model'],
  [/^gpt-4\.1-mini$/, 'gpt-4.1-nano', 'smallest GPT-4.1 model'],
  [/^gpt-4o(-\d{4}-\d{2}-\d{2})?$/, 'gpt-4o-mini', 'smaller GPT-4o model'],
  [/^gpt-5(\.\d)?$/, 'gpt-5-mini', 'smaller GPT-5 model'],
  [/^gpt-5-mini$/, 'gpt-5-nano', 'smallest GPT-5 model'],
  [/^o3$/, 'o4-mini', 'smaller reasoning model'],
  [/^claude-opus-4/, 'claude-sonnet-4-6', 'Sonnet tier of the same generation'],
  [/^claude-sonnet-4/, 'claude-haiku-4-5', 'Haiku tier'],
  [/^gemini-2\.5-pro/, 'gemini-2.5-flash', 'Flash tier'],
  [/^gemini-2\.5-flash$/, 'gemini-2.5-flash-lite', 'Flash-Lite tier'],
];

export function cheaperSibling(model: string): { model: string; why: string } | null {
  const hit = CHEAPER.find(([re]) => re.test(model));
  return hit ? { model: hit[1], why: hit[2] } : null;
}

/** The reply a call without an output cap may run to: the figure the worst case is computed at (stated in the title). */
export const RUNAWAY_REPLY_TOKENS = 4_096;

/** The cap offered: the expected reply plus a quarter, rounded up to 100 tokens (300 → 400). */
export function suggestedCap(expectedOutput: number): number {
  return Math.max(100, Math.ceil((expectedOutput * 1.25) / 100) * 100);
}

const minus = (usd: number) => `−${formatUsd(usd)}/mo`;

/** Every fix that applies to `c`, costliest saving first. `lines`: the document's text, split on line breaks. */
export function quickFixesFor(catalog: PriceCatalog, c: CallSiteReport, settings: Settings, lines: readonly string[]): QuickFix[] {
  const before = apiMonthlyUsd(catalog, c, settings, {});
  if (before === null || c.endpoint === 'self-hosted' || c.cell !== undefined) return [];
  const fixes: QuickFix[] = [];

  const sibling = c.model !== null && c.modelSource === 'literal' ? cheaperSibling(c.model) : null;
  if (sibling && lookupApiPrice(catalog, sibling.model).ok) {
    const after = apiMonthlyUsd(catalog, c, settings, { model: sibling.model });
    const edit = literalEdit(lines, c, c.model!, sibling.model);
    if (after !== null && after < before && edit) {
      fixes.push({
        kind: 'switch-model', title: `Switch to ${sibling.model} (${minus(before - after)}; ${sibling.why}: check quality on your evals)`,
        beforeUsd: before, afterUsd: after, savingUsd: before - after, edits: [edit],
        note: `${c.model} → ${sibling.model} at the same tokens and ${formatCount(c.volume.requestsPerDay)}/day; the quality of the smaller model is not compared on this task`,
      });
    }
  }

  // Anthropic requires max_tokens; a chat call elsewhere without one can reply at length.
  if (c.maxTokens === null && (c.kind === 'chat' || c.kind === 'responses') && (c.language === 'python' || c.language === 'typescript' || c.language === 'javascript')) {
    const expected = c.tokens.output - c.tokens.reasoning;
    const cap = suggestedCap(expected);
    const worst = apiMonthlyUsd(catalog, c, settings, { outputTokens: RUNAWAY_REPLY_TOKENS + c.tokens.reasoning });
    const capped = apiMonthlyUsd(catalog, c, settings, { outputTokens: cap + c.tokens.reasoning });
    const edit = maxTokensEdit(lines, c, cap);
    if (worst !== null && capped !== null && worst > capped && edit && cap < RUNAWAY_REPLY_TOKENS) {
      fixes.push({
        kind: 'cap-max-tokens', title: `Cap max_tokens at ${formatCount(cap)} (${minus(worst - capped)} worst case, vs ${formatCount(RUNAWAY_REPLY_TOKENS)}-token replies)`,
        beforeUsd: worst, afterUsd: capped, savingUsd: worst - capped, edits: [edit],
        note: `expected reply ${formatCount(expected)} tokens; the cap leaves a quarter of headroom; the worst case assumes every reply runs to ${formatCount(RUNAWAY_REPLY_TOKENS)} tokens`,
      });
    }
  }
  const cache = cacheFix(catalog, c, settings, lines, before) ?? openAiPrefixNote(catalog, c, settings, before);
  if (cache) fixes.push(cache);
  for (const f of [batchFix(catalog, c, settings, before, apiMonthlyUsd), hostedOpenFix(catalog, c, settings, before, apiMonthlyUsd)]) if (f) fixes.push(f);
  return fixes.sort((a, b) => b.savingUsd - a.savingUsd);
}

/** Below Anthropic's minimum prefix length `cache_control` does nothing, so no fix is offered (scan/promptCache.ts). */
export { minCacheableTokens };

/** The static system prompt's tokens when it is one part without placeholders, else null. */
function staticSystemTokens(c: CallSiteReport): number | null {
  const system = c.tokens.parts.filter((p) => p.role === 'system');
  return system.length === 1 && system[0]!.placeholders.length === 0 ? system[0]!.tokens : null;
}

/**
 * OpenAI caches a prompt prefix of 1,024 tokens or more by itself (no code change): the saving is there when the
 * static system prompt stays first and unchanged, so this is advice with its figure, not an edit.
 */
function openAiPrefixNote(catalog: PriceCatalog, c: CallSiteReport, settings: Settings, before: number): QuickFix | null {
  const model = c.model ?? c.assumedModel;
  const tokens = staticSystemTokens(c);
  if (c.sdk !== 'openai' || !model || tokens === null || tokens < 1_024 || (c.tokens.cachedInputTokens ?? 0) >= tokens) return null;
  const after = apiMonthlyUsd(catalog, c, settings, { cachedInputTokens: tokens });
  if (after === null || after >= before) return null;
  return {
    kind: 'openai-prefix-cache', title: `Keep the ${formatCount(tokens)}-token system prompt first and unchanged: OpenAI caches it (${minus(before - after)})`,
    beforeUsd: before, afterUsd: after, savingUsd: before - after, edits: [],
    note: `OpenAI caches prompt prefixes of 1,024 tokens or more automatically (no code change). The saving holds when every request starts with the same ${formatCount(tokens)}-token system prompt: keep it static and first, put per-request content (user input, retrieved text, dates) after it.`,
  };
}

/** A static system prompt (no placeholders) long enough to cache, on an Anthropic call: read from the cache after the first request. */
function cacheFix(catalog: PriceCatalog, c: CallSiteReport, settings: Settings, lines: readonly string[], before: number): QuickFix | null {
  const model = c.model ?? c.assumedModel;
  if (c.sdk !== 'anthropic' || !model) return null;
  const tokens = staticSystemTokens(c);
  if (tokens === null || tokens < minCacheableTokens(model) || c.tokens.promptCache !== undefined) return null;
  // the lens after the edit: the same pricing of the cached prefix the scan applies to a cache_control it reads
  const marks = c.tokens.parts.map((p) => (p.role === 'system' ? { cacheBreakpoint: true as const } : {}));
  const cache = promptCacheFor(marks, c.tokens.parts, model, c.volume.requestsPerDay * c.volume.callsPerRequest);
  if (!cache || cache.readTokens <= 0) return null;
  const after = apiMonthlyUsd(catalog, c, settings, { cachedInputTokens: cache.readTokens, cacheWriteTokens: cache.writeTokens });
  const edit = systemCacheEdit(lines, c);
  if (after === null || after >= before || !edit) return null;
  return {
    kind: 'cache-system-prompt', title: `Cache the ${formatCount(tokens)}-token system prompt (${minus(before - after)})`,
    beforeUsd: before, afterUsd: after, savingUsd: before - after, edits: [edit],
    note: cache.note,
  };
}
