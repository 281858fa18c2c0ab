import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { calcPrice, waitForUpdate, type Provider } from '@pydantic/genai-prices';
import {
  applyPriceOverrides, catalogFromData, getSnapshotCatalog, listApiPrices, lookupApiPrice, priceCatalogInfo, priceForInputTokens, SNAPSHOT,
} from '../../src/core/catalog/prices';
import { compactProviders, priceDataFileSchema, upstreamDataSchema } from '../../src/core/catalog/prices-data';
import { pricesAt } from '../../src/core/catalog/prices-compile';

const require = createRequire(__filename);

test('the snapshot records the installed @pydantic/genai-prices version (regenerate with scripts/build-price-snapshot.mjs)', () => {
  const pkgJson = join(dirname(require.resolve('@pydantic/genai-prices')), '..', 'package.json');
  const installed = JSON.parse(readFileSync(pkgJson, 'utf8')).version as string;
  assert.equal(SNAPSHOT.version, installed, `snapshot is from ${SNAPSHOT.version}, installed is ${installed}: run node --import tsx scripts/build-price-snapshot.mjs`);
  assert.equal(SNAPSHOT.source, '@pydantic/genai-prices');
  assert.equal(SNAPSHOT.asOf, '2026-09-23', '0.1.8 was published on npm on 2026-09-23');
});

test('the snapshot is exactly the package data (no hand-typed prices) and passes the schema', async () => {
  const upstream = upstreamDataSchema.parse(await waitForUpdate());
  assert.deepEqual(SNAPSHOT.providers, JSON.parse(JSON.stringify(compactProviders(upstream))));
  assert.equal(priceDataFileSchema.safeParse(SNAPSHOT).success, true);
});

test('every compiled price equals what genai-prices itself computes at the snapshot date', async () => {
  const providers = (await waitForUpdate())!;
  const at = new Date(`${SNAPSHOT.asOf}T00:00:00Z`);
  let compared = 0;
  for (const p of getSnapshotCatalog().providers) {
    const up = providers.find((x) => x.id === p.id)!;
    for (const e of p.entries) {
      const m = up.models.find((x) => x.id === e.price.modelId)!;
      if (Array.isArray(m.prices) && m.prices.some((c) => c.constraint && 'start_time' in c.constraint)) continue; // time of day
      const only: Provider = { ...up, models: [{ ...m, match: { equals: m.id } }] };
      const perMTok = (usage: Record<string, number>) => calcPrice(usage, m.id, { provider: only, timestamp: at });
      const keys = Object.keys(Array.isArray(m.prices) ? m.prices[0]!.prices : m.prices);
      if (keys.includes('input_mtok')) {
        const r = perMTok({ input_tokens: 1000 })!;
        assert.ok(Math.abs(r.input_price * 1000 - e.price.inputUsdPerMTok) < 1e-9, `${p.id}/${m.id} input`);
      }
      if (keys.includes('output_mtok')) {
        const r = perMTok({ input_tokens: 1000, output_tokens: 1000 })!;
        assert.ok(Math.abs(r.output_price * 1000 - e.price.outputUsdPerMTok) < 1e-9, `${p.id}/${m.id} output`);
      }
      if (keys.includes('cache_read_mtok')) {
        const r = perMTok({ input_tokens: 1000, cache_read_tokens: 1000 })!;
        assert.ok(Math.abs(r.input_price * 1000 - e.price.cachedInputUsdPerMTok!) < 1e-9, `${p.id}/${m.id} cache read`);
      }
      if (e.price.tiers?.length && keys.includes('input_mtok')) {
        const t = e.price.tiers.at(-1)!;
        const n = t.aboveInputTokens + 1000;
        const r = perMTok({ input_tokens: n, output_tokens: 1000 })!;
        assert.ok(Math.abs((r.input_price * 1e6) / n - t.inputUsdPerMTok) < 1e-9, `${p.id}/${m.id} tier input`);
        assert.ok(Math.abs(r.output_price * 1000 - t.outputUsdPerMTok) < 1e-9, `${p.id}/${m.id} tier output`);
      }
      compared++;
    }
  }
  assert.ok(compared > 1500, `compared ${compared} models`);
});

// [spelling as written in code or config, provider, model id in the data, input, output, cache read]
const SPELLINGS: [string, string, string, number, number, number | null][] = [
  // Anthropic SDK: aliases and dated ids
  ['claude-sonnet-4-6', 'anthropic', 'claude-sonnet-4-6', 3, 15, 0.3],
  ['claude-haiku-4-5', 'anthropic', 'claude-haiku-4-5', 1, 5, 0.1],
  ['claude-haiku-4-5-20251001', 'anthropic', 'claude-haiku-4-5', 1, 5, 0.1],
  ['claude-3-5-haiku-20241022', 'anthropic', 'claude-3-5-haiku-latest', 0.8, 4, 0.08],
  ['claude-3-5-haiku-latest', 'anthropic', 'claude-3-5-haiku-latest', 0.8, 4, 0.08],
  ['claude-opus-4-5', 'anthropic', 'claude-opus-4-5', 5, 25, 0.5],
  ['claude-sonnet-4-20250514', 'anthropic', 'claude-sonnet-4-0', 3, 15, 0.3],
  ['claude-opus-4-1-20250805', 'anthropic', 'claude-opus-4-1', 15, 75, 1.5],
  ['claude-3-opus-20240229', 'anthropic', 'claude-3-opus-latest', 15, 75, 1.5],
  ['claude-3-7-sonnet-latest', 'anthropic', 'claude-3-7-sonnet-latest', 3, 15, 0.3],
  ['Claude-3-5-Sonnet-20241022', 'anthropic', 'claude-3-5-sonnet', 3, 15, 0.3],
  // OpenAI SDK (and Azure model names)
  ['gpt-4o', 'openai', 'gpt-4o', 2.5, 10, 1.25],
  ['gpt-4o-mini', 'openai', 'gpt-4o-mini', 0.15, 0.6, 0.075],
  ['gpt-4o-2024-08-06', 'openai', 'gpt-4o', 2.5, 10, 1.25],
  ['gpt-4.1', 'openai', 'gpt-4.1', 2, 8, 0.5],
  ['gpt-4.1-2025-04-14', 'openai', 'gpt-4.1', 2, 8, 0.5],
  ['gpt-5', 'openai', 'gpt-5', 1.25, 10, 0.125],
  ['gpt-5-mini', 'openai', 'gpt-5-mini', 0.25, 2, 0.025],
  ['o3-mini', 'openai', 'o3-mini', 1.1, 4.4, 0.55],
  ['GPT-4o-mini', 'openai', 'gpt-4o-mini', 0.15, 0.6, 0.075],
  ['gpt-35-turbo', 'openai', 'gpt-3.5-turbo', 0.5, 1.5, null],
  ['text-embedding-3-small', 'openai', 'text-embedding-3-small', 0.02, 0, null],
  ['azure/gpt-4o', 'openai', 'gpt-4o', 2.5, 10, 1.25],
  ['my-gpt-4o-mini-deployment', 'openai', 'gpt-4o-mini', 0.15, 0.6, 0.075],
  ['gpt4o', 'openai', 'gpt-4o', 2.5, 10, 1.25],
  // LiteLLM / pydantic-ai / Vercel AI provider prefixes
  ['openai/gpt-4o', 'openai', 'gpt-4o', 2.5, 10, 1.25],
  ['openai:gpt-4o', 'openai', 'gpt-4o', 2.5, 10, 1.25],
  ['anthropic/claude-3-5-sonnet-20240620', 'anthropic', 'claude-3-5-sonnet', 3, 15, 0.3],
  ['anthropic:claude-3-5-sonnet-latest', 'anthropic', 'claude-3-5-sonnet', 3, 15, 0.3],
  ['gemini/gemini-1.5-flash', 'google', 'gemini-1.5-flash', 0.075, 0.3, 0.01875],
  ['google-gla:gemini-1.5-flash', 'google', 'gemini-1.5-flash', 0.075, 0.3, 0.01875],
  ['vertex_ai/gemini-2.5-pro', 'google', 'gemini-2.5-pro', 1.25, 10, 0.125],
  ['groq/llama-3.3-70b-versatile', 'groq', 'llama-3.3-70b-versatile', 0.59, 0.79, null],
  // corrected over the snapshot by the provider's page (catalog/price-corrections.ts, issue #11)
  ['mistral/mistral-large-latest', 'mistral', 'mistral-large-2512', 0.5, 1.5, 0.05],
  ['deepseek/deepseek-chat', 'deepseek', 'deepseek-chat', 0.28, 0.42, 0.028],
  // Google GenAI SDK
  ['gemini-2.5-flash', 'google', 'gemini-2.5-flash', 0.3, 2.5, 0.03],
  ['models/gemini-2.0-flash', 'google', 'gemini-2.0-flash', 0.1, 0.4, 0.025],
  ['gemini-1.5-pro-002', 'google', 'gemini-1.5-pro', 1.25, 5, null],
  // Bedrock model ids, cross-region inference profiles and ARNs
  ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'aws', 'regional.anthropic.claude-3-5-sonnet-20240620-v1:0', 3, 15, 0.3],
  ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'aws', 'regional.anthropic.claude-3-5-sonnet-20241022-v2:0', 3, 15, 0.3],
  ['bedrock/anthropic.claude-3-haiku-20240307-v1:0', 'aws', 'regional.anthropic.claude-3-haiku-20240307-v1:0', 0.25, 1.25, null],
  ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'aws', 'regional.anthropic.claude-3-7-sonnet-20250219-v1:0', 3, 15, 0.3],
  ['amazon.nova-pro-v1:0', 'aws', 'amazon.nova-pro-v1:0', 0.8, 3.2, 0.2],
  ['meta.llama3-1-70b-instruct-v1:0', 'aws', 'meta.llama3-1-70b-instruct-v1:0', 0.72, 0.72, null],
  // Vertex AI publisher models
  ['claude-3-5-sonnet-v2@20241022', 'google', 'claude-3-5-sonnet', 3, 15, 0.3],
  ['vertex_ai/claude-3-5-sonnet@20240620', 'google', 'claude-3-5-sonnet', 3, 15, 0.3],
  // OpenRouter ids
  ['openrouter/anthropic/claude-3.5-sonnet', 'openrouter', 'anthropic/claude-3.5-sonnet', 3, 15, null],
  ['anthropic/claude-3.5-sonnet', 'anthropic', 'claude-3-5-sonnet', 3, 15, 0.3],
  // Other first-party SDKs
  ['command-r-plus', 'cohere', 'command-r-plus', 2.5, 10, null],
  ['llama-3.3-70b-versatile', 'groq', 'llama-3.3-70b-versatile', 0.59, 0.79, null],
];

test(`resolves ${SPELLINGS.length} real-world spellings to the right entry and prices`, () => {
  assert.ok(SPELLINGS.length >= 30);
  for (const [q, provider, id, input, output, cached] of SPELLINGS) {
    const r = lookupApiPrice(getSnapshotCatalog(), q);
    assert.ok(r.ok, `${q}: not resolved (suggestions ${!r.ok && r.suggestions.join(', ')})`);
    assert.equal(`${r.price.provider}/${r.price.modelId}`, `${provider}/${id}`, q);
    assert.deepEqual([r.price.inputUsdPerMTok, r.price.outputUsdPerMTok, r.price.cachedInputUsdPerMTok], [input, output, cached], q);
    const corrected = /mistral-large-latest|deepseek-chat/.test(q);
    if (corrected) assert.match(r.price.source, /\(read 2026-12-02[;:].*@pydantic\/genai-prices 0\.1\.8\)$/, q);
    else assert.equal(r.price.source, '@pydantic/genai-prices 0.1.8', q);
    assert.equal(r.price.asOf, corrected ? '2026-12-02' : '2026-09-23', q);
  }
});

test('matchedBy says how a name was found', () => {
  const kind = (q: string) => {
    const r = lookupApiPrice(getSnapshotCatalog(), q);
    return r.ok ? r.matchedBy : 'unpriced';
  };
  assert.equal(kind('gpt-4o'), 'exact');
  assert.equal(kind('claude-3-5-haiku-20241022'), 'alias');
  assert.equal(kind('openai/gpt-4o'), 'normalized');
  assert.equal(kind('GPT-4O'), 'normalized');
});

test('unknown and self-hosted names are unpriced with suggestions, never $0', () => {
  const r = lookupApiPrice(getSnapshotCatalog(), 'claude-sonet-4-6');
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.suggestions.includes('claude-sonnet-4-6'), JSON.stringify(r));
  const g = lookupApiPrice(getSnapshotCatalog(), 'gpt-4o-minii');
  assert.ok(!g.ok && g.suggestions.slice(0, 3).includes('gpt-4o-mini'), JSON.stringify(g));
  for (const q of ['', '   ', 'ollama/llama3', 'totally-made-up-model-9000']) assert.equal(lookupApiPrice(getSnapshotCatalog(), q).ok, false, q);
  // Every suggestion resolves when fed back.
  for (const s of g.ok ? [] : g.suggestions) assert.ok(lookupApiPrice(getSnapshotCatalog(), s).ok, s);
});

test('batch discount, cache write and reasoning-as-output fields', () => {
  const s = lookupApiPrice(getSnapshotCatalog(), 'claude-sonnet-4-6');
  assert.ok(s.ok);
  assert.equal(s.price.batchDiscount, 0.5);
  assert.equal(s.price.cacheWriteUsdPerMTok, 3.75);
  assert.equal(s.price.cacheWrite1hUsdPerMTok, 6);
  assert.equal(s.price.reasoningUsdPerMTok, 15, 'thinking tokens are billed as output');
  const groqBedrock = lookupApiPrice(getSnapshotCatalog(), 'amazon.nova-pro-v1:0');
  assert.ok(groqBedrock.ok);
  assert.equal(groqBedrock.price.batchDiscount, null);
});

test('long-context tiers: Gemini 2.5 Pro doubles input above 200K tokens', () => {
  const r = lookupApiPrice(getSnapshotCatalog(), 'gemini-2.5-pro');
  assert.ok(r.ok);
  assert.deepEqual(r.price.tiers, [{ aboveInputTokens: 200_000, inputUsdPerMTok: 2.5, outputUsdPerMTok: 15, cachedInputUsdPerMTok: 0.25 }]);
  assert.equal(priceForInputTokens(r.price, 200_000).inputUsdPerMTok, 1.25, 'threshold itself is the base rate');
  const above = priceForInputTokens(r.price, 200_001);
  assert.deepEqual([above.inputUsdPerMTok, above.outputUsdPerMTok, above.cachedInputUsdPerMTok], [2.5, 15, 0.25]);
});

test('date-dependent prices are evaluated at the snapshot date, not the clock', () => {
  // claude-sonnet-4-6 had a long-context tier until 2026-03-13; at the snapshot date (2026-09-23) the flat price applies.
  const r = lookupApiPrice(getSnapshotCatalog(), 'claude-sonnet-4-6');
  assert.ok(r.ok);
  assert.equal(r.price.tiers, undefined);
  const conditional = [
    { prices: { input_mtok: 1, output_mtok: 2 } },
    { constraint: { start_date: '2026-10-01' }, prices: { input_mtok: 9, output_mtok: 9 } },
  ];
  assert.equal(pricesAt(conditional, '2026-09-23').prices['input_mtok'], 1);
  assert.equal(pricesAt(conditional, '2026-10-01').prices['input_mtok'], 9);
});

test('time-of-day prices use the rate in effect for most of the day, with a note', () => {
  // A catalog newer than the corrections is used as it is (the snapshot's deepseek-chat is corrected, see above).
  const r = catalogFromData({ ...SNAPSHOT, asOf: '2027-01-01' }, { origin: 'snapshot', file: null, note: null }).lookup('deepseek-chat');
  assert.ok(r.ok);
  assert.equal(r.price.inputUsdPerMTok, 0.27, 'the 00:30–16:30 UTC rate covers 16 of 24 hours');
  assert.match(r.price.notes?.join(' ') ?? '', /time-of-day pricing/);
  const corrected = lookupApiPrice(getSnapshotCatalog(), 'deepseek-chat');
  assert.ok(corrected.ok);
  assert.doesNotMatch(corrected.price.notes?.join(' ') ?? '', /time-of-day pricing/, 'the corrected list price has no off-peak rate');
});

test('transcription priced per minute; embeddings have no output price', () => {
  const w = lookupApiPrice(getSnapshotCatalog(), 'whisper-1');
  assert.ok(w.ok);
  assert.ok(Math.abs(w.price.audioUsdPerMinute! - 0.006) < 1e-12);
  assert.match(w.price.notes!.join(' '), /other units/);
  const e = lookupApiPrice(getSnapshotCatalog(), 'text-embedding-3-large');
  assert.ok(e.ok);
  assert.match(e.price.notes!.join(' '), /no output-token price/);
});

test('listApiPrices filters by words and puts the resolved model first', () => {
  assert.equal(listApiPrices(getSnapshotCatalog()).length, getSnapshotCatalog().models);
  const sonnet = listApiPrices(getSnapshotCatalog(), 'anthropic sonnet');
  assert.ok(sonnet.length >= 5 && sonnet.every((p) => `${p.provider}/${p.modelId} ${p.displayName}`.toLowerCase().includes('sonnet')));
  const dated = listApiPrices(getSnapshotCatalog(), 'claude-3-5-haiku-20241022');
  assert.equal(dated[0]!.modelId, 'claude-3-5-haiku-latest');
  assert.deepEqual(listApiPrices(getSnapshotCatalog(), 'no-such-model-zzz'), []);
});

test('priceCatalogInfo reports source, date and staleness after 90 days', () => {
  const fresh = priceCatalogInfo(getSnapshotCatalog(), new Date('2026-10-01T00:00:00Z'));
  assert.equal(fresh.source, '@pydantic/genai-prices 0.1.8');
  assert.equal(fresh.asOf, '2026-09-23');
  assert.equal(fresh.models, getSnapshotCatalog().models);
  assert.ok(fresh.models > 1000);
  assert.equal(fresh.stale, false);
  assert.equal(fresh.staleNote, null);
  assert.equal(priceCatalogInfo(getSnapshotCatalog(), new Date('2026-12-22T00:00:00Z')).stale, false, 'day 90');
  const old = priceCatalogInfo(getSnapshotCatalog(), new Date('2026-12-23T00:00:00Z'));
  assert.equal(old.stale, true);
  assert.match(old.staleNote!, /91 days old/);
});

test('overrides win field by field and are labelled', () => {
  const base = lookupApiPrice(getSnapshotCatalog(), 'gemini-2.5-pro');
  assert.ok(base.ok);
  const o = applyPriceOverrides(base.price, { inputUsdPerMTok: 1 }, 'settings')!;
  assert.equal(o.inputUsdPerMTok, 1);
  assert.equal(o.outputUsdPerMTok, 10);
  assert.equal(o.source, 'override (settings) over @pydantic/genai-prices 0.1.8');
  assert.equal(o.tiers, undefined, 'catalog tiers no longer describe an overridden base price');
  assert.equal(base.price.inputUsdPerMTok, 1.25, 'the catalog entry is not mutated');
  assert.equal(applyPriceOverrides(base.price, {}, 'settings'), base.price);
  const cacheOnly = applyPriceOverrides(base.price, { cachedInputUsdPerMTok: 0.1 }, 'scenario')!;
  assert.equal(cacheOnly.tiers?.length, 1);
  assert.equal(cacheOnly.cachedInputUsdPerMTok, 0.1);

  assert.equal(applyPriceOverrides(null, { inputUsdPerMTok: 1 }, 'scenario'), null, 'half a price is not a price');
  const full = applyPriceOverrides(null, { inputUsdPerMTok: 0.5, outputUsdPerMTok: 1.5 }, 'scenario')!;
  assert.deepEqual([full.inputUsdPerMTok, full.outputUsdPerMTok, full.cachedInputUsdPerMTok, full.source], [0.5, 1.5, null, 'override (scenario)']);
  assert.throws(() => applyPriceOverrides(base.price, { outputUsdPerMTok: -1 }, 'settings'), /outputUsdPerMTok: must be a finite number ≥ 0/);
  assert.throws(() => applyPriceOverrides(base.price, { inputUsdPerMTok: Number.NaN }, 'settings'), /inputUsdPerMTok/);
});

test('the buffered edit distance used for suggestions agrees with the shared one', async () => {
  const { editDistance } = await import('../../src/core/catalog/prices-resolve');
  const { editDistance: reference } = await import('../../src/core/catalog/names');
  for (const [a, b] of [['kitten', 'sitting'], ['', 'abc'], ['abc', ''], ['claude-sonet-4-6', 'claude-sonnet-4-6'], ['gpt-4o-minii', 'gpt-4o-mini'], ['gemini-2.5-pro', 'gemini-2.5-flash']] as const) {
    assert.equal(editDistance(a, b), reference(a, b), `${a} / ${b}`);
  }
});
