// The hosted open-model column: which catalog entries count as a host of an open model, the cheapest one for a
// request shape, the scenario's pins and overrides, and the three-way verdict — every figure recomputed by hand
// from the bundled price snapshot (@pydantic/genai-prices 0.1.8, 2026-09-23).
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hostedReleaseModels, normalizeHostedId, openModelOfHostedId, releaseOf } from '../../src/core/economics/hostedOpenMatch';
import { cheapestHostedOffer, hostedOffers } from '../../src/core/economics/hostedOpen';
import { estimateFromInput, type EstimateResult } from '../../src/core/economics/estimate';

const near = (a: number, b: number, msg?: string) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${msg ?? ''} ${a} ≠ ${b}`);

function ok(raw: unknown, options = {}): EstimateResult {
  const out = estimateFromInput(raw, { catalog: getSnapshotCatalog(), ...(options) });
  assert.ok(out.ok, out.ok ? '' : out.problems.join('\n'));
  return out.result;
}

function problems(raw: unknown): string[] {
  const out = estimateFromInput(raw, { catalog: getSnapshotCatalog() });
  assert.equal(out.ok, false);
  return out.ok ? [] : out.problems;
}

test('host model ids are matched to the exact open-model release, in every spelling hosts use', () => {
  const same: [string, string][] = [
    ['llama-3.3-70b-versatile', 'llama-3.3-70b'],                       // Groq
    ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'llama-3.3-70b'],       // Together
    ['meta.llama3-3-70b-instruct-v1:0', 'llama-3.3-70b'],               // Bedrock
    ['Meta-Llama-3_3-70B-Instruct', 'llama-3.3-70b'],                   // OVHcloud
    ['llama-v3p1-8b-instruct', 'llama-3.1-8b'],                         // Fireworks
    ['llama3.1-8b', 'llama-3.1-8b'],                                    // Cerebras
    ['qwen/qwen-2.5-72b-instruct', 'qwen2.5-72b'],
    ['mixtral-8x7b-32768', 'mixtral-8x7b'],
    ['deepseek/deepseek_v3', 'deepseek-v3'],
  ];
  for (const [id, model] of same) assert.equal(openModelOfHostedId(id), model, id);
  // Look-alikes: same family or architecture, a different model to buy.
  const other = [
    'llama-3.1-70b-versatile', 'llama3-70b-8192', 'meta-llama/Meta-Llama-3-70B-Instruct-Lite', 'deepseek-r1-distill-llama-70b',
    'tokyotech-llm/Llama-3.3-Swallow-70B-Instruct-v0.4', '@cf/meta/llama-3.1-8b-instruct-awq', 'meta-llama/llama-3.3-70b-instruct:free',
    'Qwen/Qwen3-30B-A3B-Thinking-2507', 'qwen3-coder-30b-a3b', 'llama-3.3-7b', 'deepseek-v3.2', 'mistral-7b-instruct-v0.1',
  ];
  for (const id of other) assert.equal(openModelOfHostedId(id), null, id);
});

test('the family prefilter changes no match: every release matches its own id, every catalog id as without it', () => {
  const models = hostedReleaseModels();
  assert.ok(models.length >= 16);
  for (const model of models) {
    assert.equal(openModelOfHostedId(model), model, model);
    assert.equal(openModelOfHostedId(`Org/${model.toUpperCase()}`), model, model);
  }
  let matched = 0;
  for (const p of getSnapshotCatalog().providers) {
    for (const e of p.entries) {
      const want = releaseOf(normalizeHostedId(e.price.modelId));
      assert.equal(openModelOfHostedId(e.price.modelId), want, e.price.modelId);
      if (want) matched++;
    }
  }
  assert.ok(matched > 50, `${matched} catalog ids are hosts of an open model`);
});

test('offers handed out are copies: editing one changes no later answer', () => {
  const catalog = getSnapshotCatalog();
  const shape = { inputTokens: 500, outputTokens: 100, cachedInputTokens: 0 };
  const before = cheapestHostedOffer(catalog, 'llama-3.3-70b', shape);
  const all = hostedOffers(catalog, 'llama-3.3-70b');
  assert.ok(before && all.length > 1);
  const edited = cheapestHostedOffer(catalog, 'llama-3.3-70b', shape)!;
  edited.inputUsdPerMTok = 0;
  edited.provider = 'edited';
  for (const o of hostedOffers(catalog, 'llama-3.3-70b')) o.outputUsdPerMTok = -1;
  assert.deepEqual(cheapestHostedOffer(catalog, 'llama-3.3-70b', shape), before);
  assert.deepEqual(hostedOffers(catalog, 'llama-3.3-70b'), all);
});

test('the cheapest host depends on the token mix, and hostedProviders restricts the hosts', () => {
  // Llama 3.3 70B in the snapshot: Novita $0.39/$0.39, Cloudflare $0.293/$2.253, Groq $0.59/$0.79 (and others).
  const chatty = cheapestHostedOffer(getSnapshotCatalog(), 'llama-3.3-70b', { inputTokens: 500, outputTokens: 100, cachedInputTokens: 0 });
  assert.equal(chatty?.provider, 'novita');
  // Input-heavy: 100,000 in / 10 out → Cloudflare 0.0293 + 0.0000225 < Novita 0.039 + 0.0000039.
  const rag = cheapestHostedOffer(getSnapshotCatalog(), 'llama-3.3-70b', { inputTokens: 100_000, outputTokens: 10, cachedInputTokens: 0 });
  assert.equal(rag?.provider, 'cloudflare');
  const groq = cheapestHostedOffer(getSnapshotCatalog(), 'llama-3.3-70b', { inputTokens: 500, outputTokens: 100, cachedInputTokens: 0 }, ['groq']);
  assert.equal(groq?.providerModelId, 'llama-3.3-70b-versatile'); // not the $0.99-output specdec SKU
  // Routers and deprecated entries are never offered (Cerebras' Llama 3.3 70B is deprecated in the snapshot).
  const hosts = new Set(hostedOffers(getSnapshotCatalog(), 'llama-3.3-70b').map((o) => o.provider));
  assert.ok(!hosts.has('openrouter') && ![...hosts].some((h) => h.startsWith('huggingface_')) && !hosts.has('cerebras'), [...hosts].join(','));
  assert.equal(cheapestHostedOffer(getSnapshotCatalog(), 'llama-3.3-70b', { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 }, ['anthropic']), null);
});

// Self-hosted at the seed's $20 flat + 3 ops hours × $60 = $200/month, so it is a real third option.
const SONNET = { workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100 }, api: { model: 'claude-sonnet-4-6' }, selfHosted: { fixedMonthlyUsd: 20, opsHoursPerMonth: 3, opsHourlyUsd: 60 } };

test('hostedOpen output: the counterpart at the cheapest host, per request and per month, with its price basis', () => {
  const r = ok(SONNET);
  assert.ok(r.hostedOpen);
  assert.equal(r.hostedOpen.model, 'llama-3.3-70b');
  assert.equal(r.hostedOpen.provider, 'novita');
  assert.deepEqual(r.hostedOpen.price, { inputUsdPerMTok: 0.39, outputUsdPerMTok: 0.39, cachedInputUsdPerMTok: null, source: '@pydantic/genai-prices 0.1.8', asOf: '2026-09-23' });
  near(r.hostedOpen.costPerRequestUsd, (500 * 0.39 + 100 * 0.39) / 1e6);   // $0.000234
  near(r.hostedOpen.monthlyUsd, 0.000234 * 1000 * 30);                      // $7.02
  // API: (500 × 3 + 100 × 15) / 1e6 = $0.003 → $90/month; hosted is cheaper per request at every volume.
  assert.equal(r.verdict, 'hosted-open');
  assert.equal(r.breakEven.apiVsHostedOpen?.cheaper, 'hosted-open');
  near(r.breakEven.apiVsHostedOpen!.savingPerRequestUsd, 0.003 - 0.000234);
  assert.equal(r.breakEven.apiVsHostedOpen?.requestsPerDay, null);
});

test('hostedOpen pins: provider, model, own prices; hostedProviders option', () => {
  const groq = ok({ ...SONNET, hostedOpen: { provider: 'groq' } });
  near(groq.hostedOpen!.costPerRequestUsd, (500 * 0.59 + 100 * 0.79) / 1e6);      // $0.000374
  near(groq.hostedOpen!.monthlyUsd, 0.000374 * 30_000);                            // $11.22
  const restricted = ok(SONNET, { hostedProviders: ['groq', 'together'] });
  assert.equal(restricted.hostedOpen?.provider, 'groq');                           // Together: 600 × 0.88 = $0.000528
  const small = ok({ ...SONNET, hostedOpen: { model: 'llama-3.1-8b' } });
  assert.equal(small.hostedOpen?.model, 'llama-3.1-8b');
  near(small.hostedOpen!.costPerRequestUsd, (500 * 0.05 + 100 * 0.05) / 1e6);     // Novita 3.1 8B $0.05/$0.05
  const own = ok({ ...SONNET, hostedOpen: { provider: 'acme', inputUsdPerMTok: 0.2, outputUsdPerMTok: 0.6 } });
  assert.deepEqual([own.hostedOpen?.provider, own.hostedOpen?.price.source, own.hostedOpen?.price.asOf], ['acme', 'scenario', null]);
  near(own.hostedOpen!.costPerRequestUsd, (500 * 0.2 + 100 * 0.6) / 1e6);
  const half = ok({ ...SONNET, hostedOpen: { outputUsdPerMTok: 1 } });
  near(half.hostedOpen!.costPerRequestUsd, (500 * 0.39 + 100 * 1) / 1e6);
  assert.match(half.hostedOpen!.price.source, /^scenario overrides \(hostedOpen\.outputUsdPerMTok\) over @pydantic/);
});

test('hostedOpen errors name the field; unknown keys stay errors; no counterpart = null column', () => {
  assert.deepEqual(problems({ ...SONNET, hostedOpen: { providr: 'groq' } }), ['hostedOpen.providr: unknown key']);
  assert.match(problems({ ...SONNET, hostedOpen: { provider: 'anthropic' } })[0], /^hostedOpen\.provider: "anthropic" does not serve llama-3\.3-70b/);
  assert.match(problems({ ...SONNET, hostedOpen: { model: 'llama-9' } })[0], /^hostedOpen\.model: unknown open model "llama-9"/);
  assert.deepEqual(problems({ ...SONNET, hostedOpen: { inputUsdPerMTok: -1 } }), ['hostedOpen.inputUsdPerMTok: must not be negative (got -1)']);
  const embed = ok({ workload: { requestsPerDay: 10, inputTokens: 100, outputTokens: 0 }, api: { model: 'text-embedding-3-small' } });
  assert.equal(embed.hostedOpen, null);
  assert.equal(embed.breakEven.apiVsHostedOpen, null);
  assert.equal(embed.breakEven.hostedOpenVsSelfHosted, null);
  const none = ok(SONNET, { hostedProviders: ['anthropic', 'nosuchhost'] });
  assert.equal(none.hostedOpen, null);
  assert.ok(none.notes.some((n) => /"nosuchhost" not in the price catalog/.test(n)), none.notes.join('\n'));
});

test('a tie between the API and the hosted open model goes to the API', () => {
  const r = ok({ ...SONNET, hostedOpen: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 } });
  near(r.hostedOpen!.monthlyUsd, r.api.monthlyUsd);
  assert.equal(r.verdict, 'api');
  assert.equal(r.breakEven.apiVsHostedOpen?.cheaper, 'equal');
});

test('break-even hosted open ↔ self-hosted, by hand (flat monthly deployment)', () => {
  // Self-hosted: $20 flat + 3 ops hours × $60 = $200/month; hosted $0.000234/request; 22 days.
  const r = ok({
    workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100, daysPerMonth: 22 },
    api: { model: 'claude-sonnet-4-6' },
    selfHosted: { fixedMonthlyUsd: 20, opsHoursPerMonth: 3, opsHourlyUsd: 60, model: 'llama-3.3-70b', throughputTokensPerSecond: 5000 },
  });
  near(r.breakEven.hostedOpenVsSelfHosted!.computeOnlyRequestsPerDay!, 20 / (0.000234 * 22));   // ≈ 3,885 req/day
  near(r.breakEven.hostedOpenVsSelfHosted!.withOpsRequestsPerDay!, 200 / (0.000234 * 22));      // ≈ 38,850 req/day
  near(r.breakEven.withOpsRequestsPerDay!, 200 / (0.003 * 22));                                 // unchanged API ↔ self-hosted
  assert.equal(r.verdict, 'hosted-open'); // $5.15 < $66 API < $200 self-hosted
});

test('hybrid can send the rest to the hosted open model; the fixed split keeps the API by default', () => {
  const base = {
    workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100, daysPerMonth: 22 },
    api: { model: 'claude-sonnet-4-6' },
    selfHosted: { fixedMonthlyUsd: 20, opsHoursPerMonth: 3, opsHourlyUsd: 60, model: 'llama-3.3-70b', throughputTokensPerSecond: 5000 },
  };
  const viaApi = ok({ ...base, hybrid: { selfHostedShare: 0.5 } });
  assert.equal(viaApi.hybrid?.rest, 'api');
  near(viaApi.hybrid!.apiMonthlyUsd, 0.003 * 500 * 22);          // $33
  near(viaApi.hybrid!.monthlyUsd, 33 + 200);
  const viaHosted = ok({ ...base, hybrid: { selfHostedShare: 0.5, rest: 'hosted-open' } });
  assert.equal(viaHosted.hybrid?.rest, 'hosted-open');
  assert.equal(viaHosted.hybrid?.apiMonthlyUsd, 0);
  near(viaHosted.hybrid!.hostedOpenMonthlyUsd, 0.000234 * 500 * 22);   // $2.574
  near(viaHosted.hybrid!.monthlyUsd, 2.574 + 200);
});

test('README worked three-way example (examples/scenarios/gpt4o-three-way.json), recomputed by hand', async () => {
  const { readFileSync } = await import('node:fs');
  const r = ok(JSON.parse(readFileSync('examples/scenarios/gpt4o-three-way.json', 'utf8')));
  const requestsPerMonth = 20_000 * 30;
  near(r.api.costPerRequestUsd, (1000 * 2.5 + 200 * 10) / 1e6);                 // $0.0045
  near(r.api.monthlyUsd, 0.0045 * requestsPerMonth);                               // $2,700
  assert.equal(r.hostedOpen?.provider, 'novita');
  near(r.hostedOpen!.costPerRequestUsd, (1000 + 200) * 0.39 / 1e6);               // $0.000468
  near(r.hostedOpen!.monthlyUsd, 0.000468 * requestsPerMonth);                     // $280.80
  near(r.selfHosted.computeMonthlyUsd, 2 * 3.29 * 730);                            // $4,803.40
  near(r.selfHosted.monthlyUsd, 2 * 3.29 * 730 + 10 * 100);                        // $5,803.40
  assert.equal(r.verdict, 'hosted-open');
  near(r.breakEven.withOpsRequestsPerDay!, 5803.4 / (0.0045 * 30));                // 42,988
  near(r.breakEven.computeOnlyRequestsPerDay!, 4803.4 / (0.0045 * 30));            // 35,581
  near(r.breakEven.hostedOpenVsSelfHosted!.withOpsRequestsPerDay!, 5803.4 / (0.000468 * 30));    // 413,348
  near(r.breakEven.hostedOpenVsSelfHosted!.computeOnlyRequestsPerDay!, 4803.4 / (0.000468 * 30)); // 342,123
  near(r.breakEven.apiVsHostedOpen!.savingPerRequestUsd, 0.0045 - 0.000468);      // $0.004032
  // "within the capacity of ≈464,000 requests/day" (vLLM, the default engine): the crossing is reachable on two GPUs.
  assert.ok(r.selfHosted.capacity.requestsPerDay! > 413_348 && Math.round(r.selfHosted.capacity.requestsPerDay! / 1000) === 464);
  const readme = readFileSync('README.md', 'utf8');
  for (const s of ['**$2,700**', '**$280.80**', '**$5,803.40**', '**42,988 requests/day**', '**413,348 requests/day**', '$0.004032']) assert.ok(readme.includes(s), `README lacks ${s}`);
});
