// Which price-catalog entries are a hosted API serving one of our open models. Hosts spell the same weights many
// ways (`llama-3.3-70b-versatile`, `meta-llama/Llama-3.3-70B-Instruct-Turbo`, `llama-v3p1-8b-instruct`,
// Bedrock `meta.llama3-3-70b-instruct-v1:0`); the patterns below match the exact release, not the family: Llama
// 3 70B shares Llama 3.3 70B's architecture (the capacity model treats them alike) but is a different model to
// buy, so its price is not offered as the 3.3 price.

/** Open model id (catalog/openModels.ts) → the release as it appears in a normalized host model id. */
const RELEASES: Readonly<Record<string, RegExp>> = {
  'llama-3.1-8b': /(^|[^a-z0-9])llama-?3[._-]1-8b($|[^a-z0-9])/,
  'llama-3.3-70b': /(^|[^a-z0-9])llama-?3[._-]3-70b($|[^a-z0-9])/,
  'llama-3.2-90b-vision': /(^|[^a-z0-9])llama-?3[._-]2-90b-vision/,
  'qwen2.5-7b': /(^|[^a-z0-9])qwen-?2[._-]5-7b($|[^a-z0-9])/,
  'qwen2.5-72b': /(^|[^a-z0-9])qwen-?2[._-]5-72b($|[^a-z0-9])/,
  'mistral-7b': /(^|[^a-z0-9])mistral-7b(-instruct)?(-v0[._-]3)?$/,
  'mixtral-8x7b': /(^|[^a-z0-9])mixtral-8x7b($|[^a-z0-9])/,
  'mixtral-8x22b': /(^|[^a-z0-9])mixtral-8x22b($|[^a-z0-9])/,
  'gemma-2-9b': /(^|[^a-z0-9])gemma-?2-9b($|[^a-z0-9])/,
  'gemma-2-27b': /(^|[^a-z0-9])gemma-?2-27b($|[^a-z0-9])/,
  'qwen3-30b-a3b': /(^|[^a-z0-9])qwen-?3-30b-a3b($|[^a-z0-9])/,
  'qwen3-235b-a22b': /(^|[^a-z0-9])qwen-?3-235b-a22b($|[^a-z0-9])/,
  'deepseek-v3': /(^|[^a-z0-9])deepseek[-_]?v3(-0324)?$|^deepseek-chat$/,
  'deepseek-r1': /(^|[^a-z0-9])deepseek[-_]?r1(-0528)?$|^deepseek-reasoner$/,
  'gpt-oss-20b': /(^|[^a-z0-9])gpt-oss-20b($|[^a-z0-9])/,
  'gpt-oss-120b': /(^|[^a-z0-9])gpt-oss-120b($|[^a-z0-9])/,
};

/** The open models a host id can be matched to (tests: each one's own id must match it). */
export function hostedReleaseModels(): string[] {
  return Object.keys(RELEASES);
}

/**
 * Every pattern in RELEASES names one of these families, and normalizeHostedId never writes one into an id that
 * lacks it (it drops prefixes, turns `_` into `-`, `3p1` into `3.1`): an id without any is no release, and the ~1,700
 * catalog ids are sorted out without normalizing each one and trying sixteen patterns on it. A new family in
 * RELEASES goes here too (test/unit/hosted-open.test.ts checks that every release matches its own id).
 */
const FAMILIES = /llama|qwen|mistral|mixtral|gemma|deepseek|gpt[-_]oss/;

/**
 * Variants that are not the model a self-hoster would run: free tiers (rate-limited, no production price),
 * quantized "lite" and AWQ SKUs, reasoning ("thinking") variants that write far more output, fine-tunes and distillations.
 */
const NOT_THE_SAME = /:free|(^|[^a-z])(lite|awq|thinking|distill|guard|tool-use|coder|vl|base)($|[^a-z])|swallow|hermes|nemotron|dolphin|eva-/;

/** Routers that resell other hosts' prices (their entries duplicate the real host's, sometimes with a margin). */
export const ROUTERS: readonly RegExp[] = [/^openrouter$/, /^huggingface_/, /^github-copilot$/, /^cursor$/];

/** Lower case, the part after an org prefix, `3p1` → `3.1` (Fireworks), `llama-v3` / `llama3` → `llama-3`. */
export function normalizeHostedId(id: string): string {
  let s = id.trim().toLowerCase();
  s = s.slice(s.lastIndexOf('/') + 1).replace(/^(meta|mistral|qwen|deepseek|google)\./, '');
  s = s.replace(/(\d)p(\d)/g, '$1.$2').replace(/llama-?v?(\d)/g, 'llama-$1').replace(/^meta-llama/, 'llama').replace(/_/g, '-');
  return s;
}

/** The open model a host's catalog id serves, or null. */
export function openModelOfHostedId(id: string): string | null {
  return FAMILIES.test(id.toLowerCase()) ? releaseOf(normalizeHostedId(id)) : null;
}

/** The open model a normalized host id is a release of, or null (the match itself, without the family prefilter). */
export function releaseOf(n: string): string | null {
  if (NOT_THE_SAME.test(n)) return null;
  for (const [model, re] of Object.entries(RELEASES)) if (re.test(n)) return model;
  return null;
}

/**
 * Catalog providers whose rows for open weights are not an offer of their own: OpenAI's API does not serve
 * gpt-oss (the snapshot's `openai/gpt-oss-*` rows carry a reseller's price), so they are not a hosted option.
 */
const NOT_HOSTS: readonly RegExp[] = [/^openai$/];

export function isRouter(providerId: string): boolean {
  return ROUTERS.some((r) => r.test(providerId)) || NOT_HOSTS.some((r) => r.test(providerId));
}
