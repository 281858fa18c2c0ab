// The capability gap between an API model and its open counterpart, from published benchmark figures: every
// number carries the document it comes from and its date. A gap is only stated where both sides were measured on
// the same benchmark by a named source; elsewhere the counterpart's own figures are given and the pair is
// "not compared". Read beside any self-hosting saving: a cheaper model that fails the task saves nothing.

interface Score { mmlu?: number; gpqaDiamond?: number; source: string }

/** Published scores of the open counterparts (MMLU: Meta reports 0-shot CoT; GPQA Diamond 0-shot). */
const OPEN: Record<string, Score> = {
  'gpt-oss-120b': { mmlu: 90.0, gpqaDiamond: 80.1, source: 'OpenAI gpt-oss model card, arXiv 2508.10925, 2025-08-08' },
  'gpt-oss-20b': { mmlu: 85.3, gpqaDiamond: 71.5, source: 'OpenAI gpt-oss model card, arXiv 2508.10925, 2025-08-08' },
  'llama-3.3-70b': { mmlu: 86.0, gpqaDiamond: 50.5, source: 'Meta Llama 3.3 70B Instruct model card, 2024-12-06' },
  'llama-3.1-8b': { mmlu: 73.0, gpqaDiamond: 31.8, source: 'Meta Llama 3.3 model card table (Llama 3.1 8B Instruct column), 2024-12-06' },
};

/** Published scores of API models, matched on the normalised id (first match wins). */
const API: readonly { test: RegExp; name: string; score: Score }[] = [
  { test: /^gpt-4o-mini/, name: 'GPT-4o mini', score: { mmlu: 82.0, source: 'OpenAI, "GPT-4o mini: advancing cost-efficient intelligence", 2024-07-18' } },
  { test: /^gpt-4\.1($|-20)/, name: 'GPT-4.1', score: { mmlu: 90.2, source: 'OpenAI GPT-4.1 announcement, 2025-04-14' } },
  { test: /^(gpt-4o($|-20)|chatgpt-4o)/, name: 'GPT-4o', score: { mmlu: 88.7, source: 'OpenAI GPT-4o announcement, 2024-05-13' } },
  { test: /^o3-mini/, name: 'o3-mini', score: { mmlu: 86.9, gpqaDiamond: 77.2, source: 'OpenAI o3-mini figures as listed by benchlm.ai (read 2026-12-02)' } },
];

const REASONS = 'gpt-oss is a reasoning model: its hidden reasoning tokens are extra output on your GPUs (not in the capacity figure)';

function figures(s: Score): string {
  return [s.mmlu !== undefined ? `MMLU ${s.mmlu.toFixed(1)}` : null, s.gpqaDiamond !== undefined ? `GPQA Diamond ${s.gpqaDiamond.toFixed(1)}` : null].filter(Boolean).join(', ');
}

function gap(open: number, api: number): string {
  const d = open - api;
  return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pts`;
}

/** The quality note for `apiId` (normalised) → `openId`, or null when neither side has a recorded score. */
export function benchmarkGap(apiId: string, openId: string): string | null {
  const open = OPEN[openId];
  if (!open) return null;
  const oss = openId.startsWith('gpt-oss') ? `; ${REASONS}` : '';
  const api = API.find((a) => a.test.test(apiId));
  const pairs = api ? (['mmlu', 'gpqaDiamond'] as const).filter((k) => api.score[k] !== undefined && open[k] !== undefined) : [];
  if (!api || pairs.length === 0) {
    return `not compared on a shared benchmark: ${openId} scores ${figures(open)} (${open.source}); no figure for ${apiId} on the same benchmarks is recorded${oss}`;
  }
  const label = { mmlu: 'MMLU', gpqaDiamond: 'GPQA Diamond' } as const;
  const rows = pairs.map((k) => `${label[k]} ${open[k]!.toFixed(1)} vs ${api.score[k]!.toFixed(1)} (${gap(open[k]!, api.score[k]!)})`);
  return `${openId} vs ${api.name}: ${rows.join(', ')} — ${openId}: ${open.source}; ${api.name}: ${api.score.source}. Each vendor's own evaluation setup, and one benchmark is not your task: check on your own evaluation set${oss}`;
}
