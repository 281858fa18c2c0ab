// Model-name resolution over a compiled catalog: the names developers actually write (dated ids, aliases,
// `provider/model`, `provider:model`, Bedrock ids and ARNs, Vertex `@` versions, Azure deployment names,
// OpenRouter suffixes, case) land on one priced entry, or on an explicit "unpriced" with suggestions.
import { aliasCorrectionFor } from './price-corrections';
import type { ApiPrice, PriceLookup } from './prices';
import type { CatalogEntry, CompiledProvider } from './prices-compile';

/** Prefixes people put before a model name (LiteLLM, pydantic-ai, OpenRouter, Vercel AI SDK …) → provider id. */
const PREFIX_ALIASES: Record<string, string> = {
  openai: 'openai', 'openai-chat': 'openai', 'openai-responses': 'openai', text_completion_openai: 'openai',
  anthropic: 'anthropic', claude: 'anthropic',
  azure: 'azure', azure_ai: 'azure', 'azure-openai': 'azure', azure_openai: 'azure',
  bedrock: 'aws', bedrock_converse: 'aws', aws: 'aws', 'amazon-bedrock': 'aws', amazon_bedrock: 'aws', sagemaker: 'aws',
  google: 'google', gemini: 'google', 'google-gla': 'google', 'google-vertex': 'google', vertex_ai: 'google',
  vertex_ai_beta: 'google', vertex: 'google', vertexai: 'google', google_genai: 'google', 'google-genai': 'google', googleai: 'google',
  mistral: 'mistral', mistralai: 'mistral', codestral: 'mistral',
  cohere: 'cohere', cohere_chat: 'cohere',
  deepseek: 'deepseek', xai: 'x-ai', grok: 'x-ai',
  together: 'together', together_ai: 'together', togethercomputer: 'together', 'together-ai': 'together',
  fireworks: 'fireworks', fireworks_ai: 'fireworks', 'fireworks-ai': 'fireworks',
  moonshot: 'moonshotai', kimi: 'moonshotai', zhipu: 'zhipuai', voyage: 'voyageai',
  workers_ai: 'cloudflare', cloudflare_ai: 'cloudflare', copilot: 'github-copilot',
};

/** Prefixes that mean a self-hosted endpoint: no API price applies, so they are never matched to a reseller's price. */
const SELF_HOSTED_PREFIXES = new Set(['ollama', 'ollama_chat', 'lm_studio', 'lmstudio', 'vllm', 'hosted_vllm', 'llamafile', 'llama.cpp', 'local', 'tgi', 'xinference']);

const BEDROCK_ID = /^(?:(?:us|eu|apac|au|jp|ca|global|us-gov)\.)?(?:anthropic|amazon|meta|mistral|cohere|ai21|deepseek|openai|qwen|google|nvidia|writer|moonshot|minimax|twelvelabs|stability)\.[a-z0-9]/;
const BEDROCK_ARN = /^arn:aws[a-z-]*:bedrock:[^:]*:[^:]*:[a-z-]+\/(.+)$/;
const MAX_SUGGESTION_DISTANCE = 0.5;
const ROUTER_SUFFIX = /:(free|beta|extended|thinking|nitro|floor|online|exacto)$/;

export interface CatalogMeta {
  source: string;
  version: string | null;
  asOf: string;
  origin: 'snapshot' | 'downloaded';
  file: string | null;
  note: string | null;
}

type Found = { entry: CatalogEntry; how: 'id' | 'rule' };

export class PriceCatalog {
  readonly providers: CompiledProvider[];
  readonly meta: CatalogMeta;
  readonly models: number;
  private readonly byProvider = new Map<string, CompiledProvider>();
  private readonly byId = new Map<string, CatalogEntry[]>();
  private readonly prefixes: Record<string, string>;
  private readonly cache = new Map<string, PriceLookup>();
  private containable: { key: string; entry: CatalogEntry }[] | null = null;
  private readonly derived = new Map<symbol, unknown>();

  constructor(providers: CompiledProvider[], meta: CatalogMeta) {
    this.providers = providers;
    this.meta = meta;
    this.prefixes = { ...PREFIX_ALIASES };
    let n = 0;
    for (const p of providers) {
      this.byProvider.set(p.id, p);
      this.prefixes[p.id] ??= p.id;
      this.prefixes[p.id.replace(/-/g, '_')] ??= p.id;
      for (const e of p.entries) {
        n++;
        const list = this.byId.get(e.idLower);
        if (list) list.push(e);
        else this.byId.set(e.idLower, [e]);
      }
    }
    this.models = n;
  }

  /** The same compiled entries with different metadata (e.g. a fallback note). */
  withMeta(meta: Partial<CatalogMeta>): PriceCatalog {
    return new PriceCatalog(this.providers, { ...this.meta, ...meta });
  }

  /** Forgets resolved names and derived indexes (benchmarks; a new catalog starts empty anyway). */
  clearCache(): void {
    this.cache.clear();
    this.derived.clear();
  }

  /**
   * A value another module builds once from this catalog's entries (e.g. the hosted-offer index by open model):
   * kept here, so it lives and dies with the catalog it was built from — a new catalog (Update Prices) starts
   * without it, and no module keeps a cache of its own beside the engine context's.
   */
  derive<T>(key: symbol, build: (catalog: PriceCatalog) => T): T {
    if (this.derived.has(key)) return this.derived.get(key) as T;
    const value = build(this);
    this.derived.set(key, value);
    return value;
  }

  lookup(model: string): PriceLookup {
    const cached = this.cache.get(model);
    if (cached) return cached;
    const result = this.resolveCorrected(model);
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(model, result);
    return result;
  }

  /** A moving alias corrected by price-corrections.ts resolves to its current model, and the source says so. */
  private resolveCorrected(model: string): PriceLookup {
    const a = aliasCorrectionFor(model, this.meta.asOf);
    if (!a) return this.resolve(model);
    const r = this.resolve(a.target);
    if (!r.ok) return this.resolve(model);
    const price = { ...r.price, source: `${a.page} (read ${a.checked}: ${a.alias} = ${a.target}; prices from ${r.price.source})`, asOf: a.checked, notes: [...(r.price.notes ?? []), `alias corrected: ${a.why}`] };
    return { ok: true, price, matchedBy: 'alias' };
  }

  list(query?: string): ApiPrice[] {
    const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const all = this.providers.flatMap((p) => p.entries);
    const hits = all.filter((e) => {
      const hay = `${e.price.provider}/${e.idLower} ${e.price.displayName.toLowerCase()} ${e.aliases.join(' ')}`;
      return words.every((w) => hay.includes(w));
    });
    if (query?.trim()) {
      const r = this.lookup(query.trim());
      if (r.ok && !hits.some((e) => e.price === r.price)) {
        const e = all.find((x) => x.price === r.price);
        if (e) hits.unshift(e);
      }
    }
    return hits.map((e) => e.price);
  }

  private resolve(raw: string): PriceLookup {
    const q = raw.trim();
    const lower = q.toLowerCase();
    if (!lower) return { ok: false, query: raw, suggestions: [] };
    const ok = (f: Found, normalized: boolean): PriceLookup => ({
      ok: true,
      price: f.entry.price,
      matchedBy: normalized || (f.how === 'id' && q !== f.entry.price.modelId) ? 'normalized' : f.how === 'id' ? 'exact' : 'alias',
    });

    let hint: string | null = null;
    let name = lower;
    const arn = BEDROCK_ARN.exec(lower);
    const prefix = /^([a-z0-9_.-]+)[/:](.+)$/.exec(lower);
    if (arn) {
      hint = 'aws';
      name = arn[1]!;
    } else if (prefix && SELF_HOSTED_PREFIXES.has(prefix[1]!)) {
      return { ok: false, query: raw, suggestions: [] };
    } else if (prefix && this.prefixes[prefix[1]!]) {
      hint = this.prefixes[prefix[1]!]!;
      name = prefix[2]!;
    } else if (BEDROCK_ID.test(lower)) {
      hint = 'aws';
    } else if (/@(\d{8}|latest|\d{3})$/.test(lower) && lower.startsWith('claude')) {
      hint = 'google'; // Vertex AI publisher-model version syntax
    }

    if (hint === null) {
      const f = this.findAnywhere(lower);
      if (f) return ok(f, false);
    } else {
      const f = this.findInProvider(hint, name, new Set());
      if (f) return ok(f, name !== lower);
      const whole = this.byId.get(lower)?.[0]; // e.g. groq's `meta-llama/llama-4-scout-17b-16e-instruct`
      if (whole) return ok({ entry: whole, how: 'id' }, false);
    }

    for (const v of variants(name)) {
      const f = (hint && this.findInProvider(hint, v, new Set())) || this.findAnywhere(v);
      if (f) return ok(f, true);
    }
    const contained = this.findContained(variants(name).at(-1) ?? name);
    if (contained) return ok({ entry: contained, how: 'rule' }, true);
    return { ok: false, query: raw, suggestions: this.suggest(name) };
  }

  /** Providers whose own model rule claims the name first (as genai-prices does), then any exact id, then any rule. */
  private findAnywhere(name: string): Found | null {
    for (const p of this.providers) {
      if (p.modelMatch?.(name)) {
        const f = this.findInProvider(p.id, name, new Set());
        if (f) return f;
      }
    }
    const exact = this.byId.get(name)?.[0];
    if (exact) return { entry: exact, how: 'id' };
    for (const p of this.providers) {
      const e = p.entries.find((x) => x.matches(name));
      if (e) return { entry: e, how: 'rule' };
    }
    return null;
  }

  private findInProvider(providerId: string, name: string, seen: Set<string>): Found | null {
    const p = this.byProvider.get(providerId);
    if (!p || seen.has(providerId)) return null;
    seen.add(providerId);
    const byId = p.entries.find((e) => e.idLower === name);
    if (byId) return { entry: byId, how: 'id' };
    const byRule = p.entries.find((e) => e.matches(name));
    if (byRule) return { entry: byRule, how: 'rule' };
    for (const fb of p.fallbacks) {
      const f = this.findInProvider(fb, name, seen);
      if (f) return f;
    }
    return null;
  }

  /**
   * Azure deployment names and the like: the longest first-party model name contained at word boundaries.
   * A typo of a longer model (`gpt-4o-minii`) must not land on the shorter one (`gpt-4o`): the word after the
   * contained name may not be close to a word that follows that name in any catalog id.
   */
  private findContained(name: string): CatalogEntry | null {
    if (!this.containable) {
      const all = this.providers.flatMap((p) => p.entries.flatMap((e) => [e.idLower, ...e.aliases]));
      this.containable = this.providers
        .filter((p) => p.rank < 100)
        .flatMap((p) => p.entries.flatMap((e) => [e.idLower, ...e.aliases].filter((k) => k.length >= 5).map((key) => ({ key, entry: e }))))
        .sort((a, b) => b.key.length - a.key.length);
      this.allNames = all;
    }
    for (const c of this.containable) {
      const at = name.indexOf(c.key);
      if (at < 0) continue;
      const before = at === 0 ? '' : name[at - 1]!;
      const after = name[at + c.key.length] ?? '';
      if (!/^[^a-z0-9]?$/.test(before) || !/^[^a-z0-9.]?$/.test(after)) continue;
      const next = /^[^a-z0-9]([a-z]+)/.exec(name.slice(at + c.key.length))?.[1];
      if (next && this.nextWords(c.key).some((w) => w === next || editDistance(w, next) <= Math.max(1, Math.floor(w.length / 3)))) continue;
      return c.entry;
    }
    return null;
  }

  private allNames: string[] = [];
  private readonly nextWordCache = new Map<string, string[]>();
  private nextWords(key: string): string[] {
    let words = this.nextWordCache.get(key);
    if (!words) {
      const set = new Set<string>();
      for (const n of this.allNames) {
        if (n.length > key.length + 1 && n.startsWith(key) && /[^a-z0-9]/.test(n[key.length]!)) {
          const w = /^[a-z]+/.exec(n.slice(key.length + 1))?.[0];
          if (w) set.add(w);
        }
      }
      words = [...set];
      this.nextWordCache.set(key, words);
    }
    return words;
  }

  private suggest(name: string, limit = 5): string[] {
    const key = name.slice(name.lastIndexOf('/') + 1).replace(ROUTER_SUFFIX, '');
    const scored: { e: CatalogEntry; score: number }[] = [];
    for (const p of this.providers) {
      for (const e of p.entries) {
        const id = e.idLower.slice(e.idLower.lastIndexOf('/') + 1);
        const longest = Math.max(key.length, id.length);
        // Names more than half different are not worth suggesting; the length gap bounds the distance from below.
        if (Math.abs(key.length - id.length) / longest > MAX_SUGGESTION_DISTANCE) continue;
        const base = id.includes(key) || key.includes(id) ? 0.1 : editDistance(key, id) / longest;
        if (base > MAX_SUGGESTION_DISTANCE) continue;
        scored.push({ e, score: base + (p.rank >= 100 ? 0.08 : 0) + (e.price.deprecated ? 0.02 : 0) });
      }
    }
    scored.sort((a, b) => a.score - b.score || a.e.providerRank - b.e.providerRank);
    const out: string[] = [];
    for (const { e } of scored) {
      if (out.length >= limit) break;
      const plain = this.resolveQuietly(e.price.modelId);
      const s = plain === e.price ? e.price.modelId : `${e.price.provider}/${e.price.modelId}`;
      if (!out.includes(s)) out.push(s);
    }
    return out;
  }

  private resolveQuietly(name: string): ApiPrice | null {
    const f = this.findAnywhere(name.toLowerCase());
    return f ? f.entry.price : null;
  }
}

/** Progressively normalised spellings of a name, most specific first. */
export function variants(name: string): string[] {
  const out: string[] = [];
  const push = (s: string) => {
    if (s && s !== name && !out.includes(s)) out.push(s);
  };
  let s = name.replace(/^projects\/.+?\/models\//, '').replace(/^publishers\/[^/]+\/models\//, '').replace(/^models\//, '');
  push(s);
  s = s.replace(ROUTER_SUFFIX, '');
  push(s);
  // Bedrock: region and vendor prefixes, version suffixes.
  s = s.replace(/^(?:us|eu|apac|au|jp|ca|global|us-gov)\./, '').replace(/^[a-z0-9]+\.(?=[a-z])/, '').replace(/-v\d+(?::\d+)?$/, '').replace(/:\d+$/, '');
  push(s);
  // Vertex: claude-3-5-sonnet-v2@20241022 → claude-3-5-sonnet-20241022.
  s = s.replace(/-v\d+@(\d{8})$/, '-$1').replace(/@(\d{8})$/, '-$1').replace(/@[a-z0-9-]+$/, '');
  push(s);
  s = s.replace(/[_\s]+/g, '-').replace(/^gpt-?35/, 'gpt-3.5').replace(/^gpt(?=\d)/, 'gpt-');
  push(s);
  s = s.slice(s.lastIndexOf('/') + 1);
  push(s);
  s = s.replace(/-\d{4}-\d{2}-\d{2}$/, '').replace(/-\d{8}$/, '').replace(/-(latest|\d{3,4})$/, '');
  push(s);
  return out;
}

const row = new Uint16Array(256);
/** Levenshtein distance with a reused buffer (suggestions compare a name with ~1,700 ids). */
export function editDistance(a: string, b: string): number {
  if (b.length > 255) b = b.slice(0, 255);
  for (let j = 0; j <= b.length; j++) row[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + cost);
      diag = up;
    }
  }
  return row[b.length]!;
}
