// "What if we self-hosted this call?": maps an API model id to an open model of a similar class.
// The mapping is deliberately coarse (two classes); users refine it with `llmCostLens.openModelFor`.
import { CatalogLookupError } from './names';
import { findOpenModel, resolveOpenModel } from './openModels';
import { compileGlob } from '../glob';
import { benchmarkGap } from './counterpartQuality';

export interface Counterpart {
  /** Catalog id of the open model, or null when there is no sensible counterpart. */
  model: string | null;
  reason: string;
  source: 'override' | 'open-model' | 'rule' | 'none';
  /**
   * The capability gap between the API model and the counterpart, to read beside any self-hosting saving: a
   * benchmark comparison with its source and date where one is recorded, else "not compared" and why.
   */
  quality: string;
  /** Set when an override was ignored (e.g. it names an unknown open model); the rule result is used instead. */
  warning?: string;
}

export const OVERRIDE_SETTING = 'llmCostLens.openModelFor';
const LARGE = 'llama-3.3-70b';
const SMALL = 'llama-3.1-8b';

interface Rule { test: RegExp; model: string | null; why: string; quality?: string }

const NOT_COMPARED = 'not compared: no public benchmark comparison of this pair is recorded; check the counterpart on your own evaluation set before moving traffic';
const FRONTIER_GAP = 'not compared: a frontier/reasoning API model against a mid-size open model; expect a capability gap on hard reasoning and coding tasks, check on your own evaluation set';

// First match wins, so the small-class and non-chat rules come before the families they are named after.
const RULES: readonly Rule[] = [
  { test: /embed|embedding|voyage-|text-search|similarity/, model: null, why: 'embedding model: a chat model is no counterpart (self-host an embedding model such as bge or e5 and price it separately)' },
  { test: /dall-e|gpt-image|imagen|tts|whisper|transcribe|speech|audio|realtime|moderation|rerank/, model: null, why: 'not a text-generation model: no open chat-model counterpart' },
  // Same family first: the provider's own open weights are the closest counterpart.
  { test: /deepseek/, model: 'deepseek-v3', why: 'DeepSeek API → its open weights, DeepSeek-V3 (deepseek-reasoner = the same architecture with reasoning)', quality: 'same family: the API serves DeepSeek\'s own open weights (the API may run a newer point release than the catalog\'s DeepSeek-V3); not compared beyond that' },
  // OpenAI → its own open weights: small/fast class → gpt-oss-20b, the rest → gpt-oss-120b (the model card puts
  // 120b near o4-mini on reasoning benchmarks). Vendor families below keep Llama.
  { test: /^(gpt-4o-mini|gpt-4\.1-(mini|nano)|gpt-5(\.\d+)?-(mini|nano)|o[134]-mini|gpt-3\.5)/, model: 'gpt-oss-20b', why: 'OpenAI small class (mini, nano) → gpt-oss-20b, OpenAI\'s own open weights' },
  { test: /^(gpt-4|gpt-5|chatgpt-4o|o1|o3|o4)/, model: 'gpt-oss-120b', why: 'OpenAI large class (GPT-4o/4.1/5, o-series) → gpt-oss-120b, OpenAI\'s own open weights' },
  { test: /qwen.*(turbo|flash)|qwen3?-.*a3b/, model: 'qwen3-30b-a3b', why: 'Qwen small class → Qwen3-30B-A3B (same family)', quality: NOT_COMPARED },
  { test: /qwen/, model: 'qwen3-235b-a22b', why: 'Qwen large class (Max, Plus) → Qwen3-235B-A22B (same family)', quality: NOT_COMPARED },
  { test: /haiku|(^|[^a-z])(mini|nano|lite)($|[^a-z])|flash|gpt-3\.5|claude-instant|mistral-small|ministral|open-mistral-7b|command-r7b|command-light|gemma|(^|[^a-z])8b/, model: SMALL, why: 'small/fast class (Haiku, mini, nano, Flash) → Llama 3.1 8B' },
  { test: /sonnet|opus|claude|gpt-4|gpt-5|(^|[^a-z0-9])o[134]($|[^a-z0-9])|gemini.*pro|gemini-ultra|mistral-large|mistral-medium|pixtral-large|command-r|command-a|grok|deepseek|qwen-max|qwen-plus|sonar/, model: LARGE, why: 'frontier/large class (Sonnet, Opus, GPT-4o/4.1/5, Gemini Pro, Mistral Large) → Llama 3.3 70B', quality: FRONTIER_GAP },
];

/** Lower-case and drop provider prefixes: `openai/gpt-4o`, Bedrock `us.anthropic.claude-…-v1:0`, Vertex `…@2024…`. */
export function normalizeApiModelId(id: string): string {
  let s = id.trim().toLowerCase();
  s = s.slice(s.lastIndexOf('/') + 1);
  s = s.replace(/^(?:(?:us|eu|apac|global)\.)?(?:anthropic|meta|mistral|cohere|amazon|ai21)\./, '');
  s = s.replace(/@.*$/, '').replace(/-v\d+(?::\d+)?$/, '');
  return s;
}

/** Linear-time glob match (settings come from cloned repositories: a backtracking RegExp of 20 `*` took 100 s). */
function globMatches(glob: string, ...names: string[]): boolean {
  try {
    const g = compileGlob(glob, { caseInsensitive: true });
    return names.some((n) => g(n));
  } catch {
    return false; // reported when the settings were read
  }
}

/** The override that applies: exact key (case-insensitive, raw or normalised) first, then the most specific glob. */
function findOverride(apiModelId: string, overrides: Record<string, string>): [string, string] | undefined {
  const raw = apiModelId.trim().toLowerCase();
  const norm = normalizeApiModelId(apiModelId);
  const entries = Object.entries(overrides);
  const exact = entries.find(([k]) => !/[*?]/.test(k) && (k.toLowerCase() === raw || k.toLowerCase() === norm));
  if (exact) return exact;
  const globs = entries
    .filter(([k]) => /[*?]/.test(k) && globMatches(k, raw, norm))
    .sort((a, b) => b[0].replace(/[*?]/g, '').length - a[0].replace(/[*?]/g, '').length);
  return globs[0];
}

export function openCounterpartFor(apiModelId: string, overrides?: Record<string, string>): Counterpart {
  let warning: string | undefined;
  if (overrides) {
    const hit = findOverride(apiModelId, overrides);
    if (hit) {
      const [key, value] = hit;
      const field = `${OVERRIDE_SETTING}[${JSON.stringify(key)}]`;
      if (typeof value === 'string' && /^(none|null|)$/i.test(value.trim())) {
        return { model: null, reason: `${field} says no self-hosted counterpart`, source: 'override', quality: 'no counterpart' };
      }
      try {
        const m = resolveOpenModel(String(value), field);
        return { model: m.id, reason: `${field} → ${m.id}`, source: 'override', quality: `${NOT_COMPARED} (your choice, ${field})` };
      } catch (e) {
        if (!(e instanceof CatalogLookupError)) throw e;
        warning = `${field}: ${e.message}; using the built-in mapping`;
      }
    }
  }
  // Probe without throwing: this runs for every call site of a scan, and most API models are not open models.
  const open = findOpenModel(apiModelId);
  if (open) return { model: open.id, reason: `${apiModelId} is already the open model ${open.id}`, source: 'open-model', quality: 'the same model', ...(warning ? { warning } : {}) };
  const id = normalizeApiModelId(apiModelId);
  const rule = RULES.find((r) => r.test.test(id));
  if (!rule) {
    return { model: null, reason: `no built-in counterpart for "${apiModelId}"; set ${OVERRIDE_SETTING} to choose one`, source: 'none', quality: 'no counterpart', ...(warning ? { warning } : {}) };
  }
  const gapNote = rule.model ? benchmarkGap(id, rule.model) : null;
  const quality = !rule.model ? 'no counterpart' : rule.quality ? (gapNote ? `${rule.quality}. ${gapNote}` : rule.quality) : gapNote ?? NOT_COMPARED;
  return { model: rule.model, reason: rule.why, source: rule.model ? 'rule' : 'none', quality, ...(warning ? { warning } : {}) };
}
