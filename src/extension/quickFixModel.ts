// Quick fixes for a call site, as plain data (no `vscode`, unit-tested): what to change, the text edit in the
// call's own syntax, and the monthly saving — always the difference of two runs of the engine (`estimate`) on the
// call's scenario, before and after the change, at the call's volume. codeActions.ts turns them into CodeActions.
import type { CallSiteReport } from '../core/scan/callSite';
import { callScenario } from '../core/scan/callSite';
import { estimate } from '../core/economics/estimate';
import { lookupApiPrice } from '../core/catalog/prices';
import type { Settings } from '../core/settings';
import { formatCount, formatUsd } from '../core/format/money';

/** A text edit in document coordinates (0-based lines and characters). */
export interface TextEditSpec { line: number; character: number; endLine: number; endCharacter: number; text: string }

export interface QuickFix {
  kind: 'switch-model' | 'cap-max-tokens';
  title: string;
  /** API $/mo before and after, each from the engine; saving = before − after (> 0). */
  beforeUsd: number; afterUsd: number; savingUsd: number;
  edits: TextEditSpec[];
  /** The basis and caveats of the saving (quality, the worst case assumed), shown in the action's tooltip/log. */
  note: string;
}

/** The change a fix makes to the call's scenario. */
export interface Variant { model?: string; outputTokens?: number }

/**
 * The engine's API $/mo for the call as it stands, or with `variant` applied; null when unpriced. The scenario is
 * the one the scan costs the call with (callScenario, volume × calls per request), so `apiMonthlyUsd(c, s, {})`
 * equals the figure in the lens.
 */
export function apiMonthlyUsd(c: CallSiteReport, settings: Settings, variant: Variant): number | null {
  const model = variant.model ?? c.model ?? c.assumedModel;
  if (!model) return null;
  const own = settings.prices[model];
  const fullOverride = own?.inputUsdPerMTok !== undefined && own.outputUsdPerMTok !== undefined;
  if (!fullOverride && !lookupApiPrice(model).ok) return null;
  const perDay = c.volume.requestsPerDay * c.volume.callsPerRequest;
  const scenario = callScenario(settings, model, null, perDay, c.tokens.input, variant.outputTokens ?? c.tokens.output, c.tokens.cachedInputTokens);
  const out = estimate(scenario);
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

/** Where the model literal sits inside the call's lines (the first quoted occurrence), as an edit of its text. */
function literalEdit(lines: readonly string[], c: CallSiteReport, model: string, replacement: string): TextEditSpec | null {
  for (let i = c.line - 1; i < Math.min(lines.length, c.endLine); i++) {
    const m = new RegExp(`(["'\`])${model.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\1`).exec(lines[i]!);
    if (m) return { line: i, character: m.index + 1, endLine: i, endCharacter: m.index + 1 + model.length, text: replacement };
  }
  return null;
}

/** `max_tokens` as the first argument: keyword in Python, object property in TS/JS (after the `({`). */
function maxTokensEdit(lines: readonly string[], c: CallSiteReport, cap: number): TextEditSpec | null {
  const python = c.language === 'python';
  for (let i = c.line - 1; i < Math.min(lines.length, c.endLine); i++) {
    const text = lines[i]!;
    const from = i === c.line - 1 ? Math.max(0, c.column - 1) : 0;
    const open = python ? text.indexOf('(', from) : text.indexOf('({', from);
    if (open < 0) continue;
    const at = open + (python ? 1 : 2);
    const rest = text.slice(at).trim();
    const arg = python ? `max_tokens=${cap}` : `max_tokens: ${cap}`;
    if (rest === '') {
      // arguments one per line: a line of its own, indented like the next one
      const indent = /^\s*/.exec(lines[i + 1] ?? '')![0];
      return { line: i, character: text.length, endLine: i, endCharacter: text.length, text: `\n${indent}${arg},` };
    }
    return { line: i, character: at, endLine: i, endCharacter: at, text: python ? `${arg}, ` : ` ${arg},` };
  }
  return null;
}

/** Every fix that applies to `c`, costliest saving first. `lines`: the document's text, split on line breaks. */
export function quickFixesFor(c: CallSiteReport, settings: Settings, lines: readonly string[]): QuickFix[] {
  const before = apiMonthlyUsd(c, settings, {});
  if (before === null || c.endpoint === 'self-hosted' || c.cell !== undefined) return [];
  const fixes: QuickFix[] = [];

  const sibling = c.model !== null && c.modelSource === 'literal' ? cheaperSibling(c.model) : null;
  if (sibling && lookupApiPrice(sibling.model).ok) {
    const after = apiMonthlyUsd(c, settings, { model: sibling.model });
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
    const worst = apiMonthlyUsd(c, settings, { outputTokens: RUNAWAY_REPLY_TOKENS + c.tokens.reasoning });
    const capped = apiMonthlyUsd(c, settings, { outputTokens: cap + c.tokens.reasoning });
    const edit = maxTokensEdit(lines, c, cap);
    if (worst !== null && capped !== null && worst > capped && edit && cap < RUNAWAY_REPLY_TOKENS) {
      fixes.push({
        kind: 'cap-max-tokens', title: `Cap max_tokens at ${formatCount(cap)} (${minus(worst - capped)} worst case, vs ${formatCount(RUNAWAY_REPLY_TOKENS)}-token replies)`,
        beforeUsd: worst, afterUsd: capped, savingUsd: worst - capped, edits: [edit],
        note: `expected reply ${formatCount(expected)} tokens; the cap leaves a quarter of headroom; the worst case assumes every reply runs to ${formatCount(RUNAWAY_REPLY_TOKENS)} tokens`,
      });
    }
  }
  return fixes.sort((a, b) => b.savingUsd - a.savingUsd);
}
