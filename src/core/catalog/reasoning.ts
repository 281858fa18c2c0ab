// Hidden reasoning ("thinking") tokens: billed as output tokens by every provider, invisible in the reply. A
// reasoning model costed on its visible output alone is understated, often by several times. This table says,
// per model family, whether the model reasons when the request does not say (and at which effort), and how many
// reasoning tokens an effort level stands for. No provider publishes expected counts per effort; the figures are
// the thinking budgets Google documents for the same `reasoning_effort` values, used as the expectation and shown
// as ≈ with their source. An explicit budget in the request (Anthropic `thinking.budget_tokens`, Gemini
// `thinking_budget`) is used as written: an upper bound, so the estimate leans high.

export interface ReasoningFamily {
  family: string;
  /** Model ids this row covers (lower-case, provider prefix already stripped). */
  match: RegExp;
  /** The effort the provider applies when the request sets none; 'none' = no reasoning unless asked. */
  defaultEffort: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'dynamic';
  source: string;
  asOf: string;
}

/** Tokens an effort level stands for (ai.google.dev/gemini-api/docs/openai#thinking, checked 2026-09). */
export const EFFORT_TOKENS: Record<string, number> = { none: 0, minimal: 0, low: 1024, medium: 8192, high: 24576, dynamic: 8192 };
export const EFFORT_SOURCE = 'thinking budgets Google documents for reasoning_effort low/medium/high (ai.google.dev/gemini-api/docs/openai#thinking, 2026-09); OpenAI and Anthropic publish no per-effort counts';

/** First match wins: the more specific rows first. */
export const REASONING_FAMILIES: ReasoningFamily[] = [
  { family: 'gpt-5.1 and later', match: /^gpt-5\.[1-9]/, defaultEffort: 'none', source: 'OpenAI GPT-5.1 model guide: reasoning_effort defaults to none (platform.openai.com/docs/guides/latest-model)', asOf: '2025-11-13' },
  { family: 'gpt-5 chat', match: /^gpt-5(-mini|-nano)?-chat/, defaultEffort: 'none', source: 'OpenAI models page: gpt-5-chat-latest is the non-reasoning ChatGPT model', asOf: '2025-08-07' },
  { family: 'gpt-5', match: /^gpt-5(-mini|-nano|-pro|-codex)?(-\d{4}-\d{2}-\d{2})?$/, defaultEffort: 'medium', source: 'OpenAI reasoning guide: reasoning effort defaults to medium (platform.openai.com/docs/guides/reasoning)', asOf: '2025-08-07' },
  { family: 'OpenAI o-series', match: /^o[1-9](-mini|-pro)?(-\d{4}-\d{2}-\d{2})?$|^o[1-9]-(mini|pro)-/, defaultEffort: 'medium', source: 'OpenAI reasoning guide: reasoning effort defaults to medium (platform.openai.com/docs/guides/reasoning)', asOf: '2025-04-16' },
  { family: 'gpt-oss', match: /^(openai\/)?gpt-oss/, defaultEffort: 'medium', source: 'OpenAI gpt-oss model card: reasoning effort low/medium/high, medium by default', asOf: '2025-08-05' },
  { family: 'Gemini 2.5 Flash-Lite', match: /^gemini-2\.5-flash-lite/, defaultEffort: 'none', source: 'Gemini API thinking guide: 2.5 Flash-Lite does not think by default (ai.google.dev/gemini-api/docs/thinking)', asOf: '2025-07-22' },
  { family: 'Gemini 2.5 / 3 thinking', match: /^gemini-(2\.5|3)/, defaultEffort: 'dynamic', source: 'Gemini API thinking guide: 2.5 Pro and Flash think by default with a dynamic budget (ai.google.dev/gemini-api/docs/thinking)', asOf: '2025-07-22' },
  { family: 'DeepSeek reasoner', match: /^deepseek-(reasoner|r1)/, defaultEffort: 'medium', source: 'DeepSeek API docs: deepseek-reasoner always emits reasoning_content before the answer (api-docs.deepseek.com/guides/reasoning_model)', asOf: '2025-01-20' },
  { family: 'Claude', match: /^claude/, defaultEffort: 'none', source: 'Anthropic extended thinking docs: thinking is off unless the request sets thinking.budget_tokens (docs.anthropic.com/en/docs/build-with-claude/extended-thinking)', asOf: '2025-05-22' },
];

export interface ReasoningEstimate {
  tokens: number;
  /** e.g. "request budget 4,000" or "model default (medium) ≈ 8,192 — <source>" */
  basis: string;
  family: string | null;
}

function familyOf(model: string): ReasoningFamily | null {
  const id = model.toLowerCase().replace(/^.*\//, '');
  return REASONING_FAMILIES.find((f) => f.match.test(id)) ?? null;
}

/**
 * Expected reasoning tokens of one call: an override (annotation / callSites) wins, then what the request says
 * (a budget or an effort, as detection read it), then the model family's default. Zero for a model not listed.
 */
export function reasoningTokensFor(model: string, fromRequest: number | null, override?: { tokens: number; from: string }): ReasoningEstimate {
  const f = familyOf(model);
  if (override) return { tokens: override.tokens, basis: `${override.from}`, family: f?.family ?? null };
  if (fromRequest !== null) return { tokens: fromRequest, basis: fromRequest === 0 ? 'request turns reasoning off' : `request budget/effort ≈ ${fromRequest.toLocaleString('en-US')} (${EFFORT_SOURCE})`, family: f?.family ?? null };
  if (!f || f.defaultEffort === 'none') return { tokens: 0, basis: f ? `${f.family}: no reasoning unless the request asks (${f.source}, ${f.asOf})` : 'not a reasoning model', family: f?.family ?? null };
  const tokens = EFFORT_TOKENS[f.defaultEffort]!;
  return { tokens, basis: `${f.family} default effort ${f.defaultEffort} ≈ ${tokens.toLocaleString('en-US')} (${f.source}, ${f.asOf}; ${EFFORT_SOURCE})`, family: f.family };
}
