import { test } from 'node:test';
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { parseAnnotation } from '../../src/core/scan/annotation';
import { readSettings } from '../../src/core/settings';
import { buildCallSite, type CallSiteReport } from '../../src/core/scan/callSite';
import { computeTotals } from '../../src/core/scan/totals';
import { scanWorkspace } from '../../src/core/scan/scan';
import { estimate } from '../../src/core/economics/estimate';
import type { DetectedCall } from '../../src/core/detect/types';
import { main } from '../../src/cli/main';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

function call(over: Partial<DetectedCall> = {}): DetectedCall {
  return {
    file: 'app/x.py', line: 10, column: 5, endLine: 14, language: 'python', sdk: 'openai', api: 'chat.completions.create', kind: 'chat',
    model: 'gpt-4o-mini', modelSource: 'literal', maxTokens: null, reasoningTokens: null, streaming: false, endpoint: 'api', baseUrl: null,
    qualifiedName: 'handle', annotation: null, confidence: 1,
    promptParts: [{ role: 'system', source: 'literal', text: 'You are terse.', placeholders: [] }, { role: 'user', source: 'template', text: 'Summarize {doc}', placeholders: ['doc'] }],
    ...over,
  };
}
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-scan-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

test('annotations: volume units, output, model, calls; bad tokens are errors', () => {
  assert.deepEqual(parseAnnotation('5000/day output=400 model=gpt-4o-mini calls=3'), { ok: true, value: { requestsPerDay: 5000, outputTokens: 400, model: 'gpt-4o-mini', callsPerRequest: 3 } });
  assert.deepEqual(parseAnnotation('2k/hour'), { ok: true, value: { requestsPerDay: 48000 } });
  assert.deepEqual(parseAnnotation('30,000/month'), { ok: true, value: { requestsPerDay: 1000 } });
  assert.equal(parseAnnotation('lots/day').ok, false);
  assert.equal(parseAnnotation('5000/day colour=red').ok, false);
  assert.equal(parseAnnotation('calls=0').ok, false);
});

test('settings: defaults, explicit values, nested form, and a warning naming a malformed key', () => {
  const r = readSettings({ 'llmCostLens.requestsPerDay': 250, 'llmCostLens.selfHosted.gpu': 'L4', 'llmCostLens.daysPerMonth': 'often', 'llmCostLens.colour': 1, 'editor.fontSize': 12 });
  assert.equal(r.settings.requestsPerDay, 250);
  assert.equal(r.settings['selfHosted.gpu'], 'L4');
  assert.equal(r.settings.daysPerMonth, 30);
  assert.ok(r.explicit.has('requestsPerDay') && !r.explicit.has('daysPerMonth'));
  assert.equal(r.warnings.length, 2);
  assert.match(r.warnings.join('\n'), /^llmCostLens\.daysPerMonth: .* — using the default \(30\)$/m);
  assert.match(r.warnings.join('\n'), /^llmCostLens\.colour: unknown setting/m);
  const nested = readSettings({ llmCostLens: { selfHosted: { opsHoursPerMonth: 4 }, callSites: { 'a.py#f': { requestsPerDay: 9 } } } });
  assert.equal(nested.settings['selfHosted.opsHoursPerMonth'], 4);
  assert.equal(nested.settings.callSites['a.py#f']!.requestsPerDay, 9);
});

test('volume precedence: annotation > callSites > folder default > built-in default; a hidden setting is reported', () => {
  const key = 'app/x.py#handle';
  const plain = buildCallSite(engine, call(), readSettings({}));
  assert.deepEqual(plain.volume, { requestsPerDay: 1000, callsPerRequest: 1, source: 'default', hidden: null });
  const folder = buildCallSite(engine, call(), readSettings({ 'llmCostLens.requestsPerDay': 300 }));
  assert.equal(folder.volume.source, 'settings');
  assert.equal(folder.volume.requestsPerDay, 300);
  const site = buildCallSite(engine, call(), readSettings({ 'llmCostLens.requestsPerDay': 300, 'llmCostLens.callSites': { [key]: { requestsPerDay: 7000, callsPerRequest: 2 } } }));
  assert.deepEqual(site.volume, { requestsPerDay: 7000, callsPerRequest: 2, source: 'settings', hidden: null });
  const ann = buildCallSite(engine, call({ annotation: '50/day' }), readSettings({ 'llmCostLens.callSites': { [key]: { requestsPerDay: 7000 } } }));
  assert.equal(ann.volume.source, 'annotation');
  assert.equal(ann.volume.requestsPerDay, 50);
  assert.match(String(ann.volume.hidden), /hidden by the llm-cost annotation/);
  const bad = buildCallSite(engine, call({ annotation: 'many/day' }), readSettings({}));
  assert.match(bad.problems.join(), /llm-cost annotation at app\/x\.py:9: "many\/day"/);
  assert.equal(bad.volume.source, 'default');
});

test('tokens: placeholders at configured sizes, runtime parts at the default, output capped by max_tokens plus reasoning', () => {
  const s = readSettings({ 'llmCostLens.placeholders': { doc: 800 } });
  const c = buildCallSite(engine, call({ maxTokens: 120, reasoningTokens: 1000, promptParts: [...call().promptParts, { role: 'user', source: 'runtime', text: null, placeholders: [] }] }), s);
  const doc = c.tokens.parts[1]!.placeholders[0]!;
  assert.deepEqual(doc, { name: 'doc', tokens: 800 });
  assert.equal(c.tokens.parts[2]!.tokens, 300);
  assert.ok(c.tokens.input > 800 + 300 && c.tokens.input < 800 + 300 + 40, `input ${c.tokens.input}`);
  assert.match(c.tokens.inputBasis, /^≈/, 'placeholders make the count approximate');
  // The output cap covers reasoning and visible output together (max_completion_tokens, Anthropic max_tokens > budget).
  assert.equal(c.tokens.output, 120);
  assert.equal(c.tokens.reasoning, 0);
  assert.equal(c.tokens.outputMax, 120);
  assert.match(c.tokens.outputBasis, /capped by max_tokens 120$/);
  const roomy = buildCallSite(engine, call({ maxTokens: 1500, reasoningTokens: 1000 }), s);
  assert.deepEqual([roomy.tokens.output, roomy.tokens.reasoning], [300 + 1000, 1000]);
  assert.match(roomy.tokens.outputBasis, /expected 300 .* \+ ≈1,000 reasoning$/);
  // no placeholders, no runtime parts on an OpenAI model: exact
  const exact = buildCallSite(engine, call({ promptParts: [{ role: 'user', source: 'literal', text: 'Hello there', placeholders: [] }] }), readSettings({}));
  assert.match(exact.tokens.inputBasis, /^exact \(o200k_base\)/);
});

test("a call site's cost is exactly the engine's estimate for that call alone", () => {
  const c = buildCallSite(engine, call({ annotation: '20000/day' }), readSettings({}));
  assert.ok(c.cost?.api && c.cost.selfHosted);
  assert.ok(Math.abs(c.cost.api.costPerRequestUsd - (c.tokens.input * c.cost.api.price.inputUsdPerMTok + c.tokens.output * c.cost.api.price.outputUsdPerMTok) / 1e6) < 1e-12);
  assert.equal(c.openModel.model, 'gpt-oss-20b', 'gpt-4o-mini → OpenAI\'s own small open model');
  assert.match(c.cost.api.price.source, /genai-prices/);
});

test('unpriced and unresolved models are explicit, never $0', () => {
  const u = buildCallSite(engine, call({ model: 'gpt-4o-minii' }), readSettings({}));
  assert.equal(u.cost?.api, null);
  assert.equal(u.cost?.verdict, 'unpriced');
  assert.ok(u.cost!.suggestions.includes('gpt-4o-mini') || u.cost!.suggestions.some((s) => s.includes('gpt-4o-mini')), u.cost!.suggestions.join());
  // An unresolved model is priced at an assumed one (issue #11), an unknown catalog model stays unpriced.
  const n = buildCallSite(engine, call({ model: null, modelSource: 'unresolved' }), readSettings({}));
  assert.deepEqual([n.model, n.modelSource, n.assumedModel, n.assumedFrom], [null, 'assumed', 'gpt-4o-mini', 'built-in fallback']);
  assert.match(n.cost!.notes.join(), /model unresolved: priced at gpt-4o-mini/);
  const t = computeTotals(engine, [u, n], readSettings({}).settings);
  assert.deepEqual([t.unpriced, t.unpricedModels, t.assumed], [1, ['gpt-4o-minii'], 1]);
  assert.equal(t.apiMonthlyUsd, n.cost!.api!.monthlyUsd, 'the assumed call is in the API total, the unpriced one is named instead of $0');
  const priced = buildCallSite(engine, call({ model: 'our-ft' }), readSettings({ 'llmCostLens.prices': { 'our-ft': { inputUsdPerMTok: 1, outputUsdPerMTok: 2 } } }));
  assert.ok(priced.cost?.api);
  assert.match(priced.cost.api.price.source, /^override \(llmCostLens\.prices\)/);
});

test('totals: call sites mapped to one open model share one deployment (ops once), and routing picks whole call sites', () => {
  // Two-way (API ↔ self-hosted) here; the hosted open-model column is off, the three-way routing is tested below.
  const settings = readSettings({ 'llmCostLens.hostedProviders': ['none'] });
  const sites: CallSiteReport[] = [];
  for (let i = 0; i < 20; i++) sites.push(buildCallSite(engine, call({ line: 10 + i * 10, annotation: '200/day' }), settings));
  const t = computeTotals(engine, sites, settings.settings);
  assert.equal(t.deployments.length, 1, 'twenty call sites are one deployment');
  const d = t.deployments[0]!;
  assert.equal(d.requestsPerDay, 4000);
  assert.equal(d.opsMonthlyUsd, settings.settings['selfHosted.opsHoursPerMonth'] * settings.settings['selfHosted.opsHourlyUsd']);
  const separate = sites.reduce((s, c) => s + c.cost!.selfHosted!.monthlyUsd, 0);
  assert.ok(d.monthlyUsd < separate / 10, `shared ${d.monthlyUsd} vs separate ${separate}`);
  assert.ok(Math.abs(t.apiMonthlyUsd - sites.reduce((s, c) => s + c.cost!.api!.monthlyUsd, 0)) < 1e-9);
  assert.equal(t.routing.monthlyUsd, Math.min(t.apiMonthlyUsd, d.monthlyUsd));
  // a heavy call makes self-hosting pay; the light Sonnet call stays on the API
  const heavy = buildCallSite(engine, call({ annotation: '3000000/day' }), settings);
  const light = buildCallSite(engine, call({ line: 99, model: 'claude-sonnet-4-6', annotation: '10/day' }), settings);
  const mixed = computeTotals(engine, [heavy, light], settings.settings);
  assert.deepEqual(mixed.routing.selfHosted, ['app/x.py:10']);
  assert.deepEqual(mixed.routing.api, ['app/x.py:99']);
  assert.equal(mixed.verdict, 'hybrid');
  const heavyAlone = estimate({ workload: { requestsPerDay: 3_000_000, inputTokens: heavy.tokens.input, outputTokens: heavy.tokens.output, daysPerMonth: 30 }, api: { model: 'gpt-4o-mini' }, selfHosted: { model: 'gpt-oss-20b', precision: 'fp8', gpu: { name: 'auto' }, utilization: 0.6, fixedMonthlyUsd: 0, opsHoursPerMonth: 10, opsHourlyUsd: 100, setupHours: 40, setupAmortizationMonths: 12 } }, { catalog: getSnapshotCatalog() });
  assert.ok(heavyAlone.ok);
  assert.ok(Math.abs(mixed.routing.monthlyUsd - (heavyAlone.result.selfHosted.monthlyUsd + light.cost!.api!.monthlyUsd)) < 1e-6);
});

test('totals, three-way: each call site goes to the cheapest of API, hosted open model and its shared deployment', () => {
  const settings = readSettings({});
  const heavy = buildCallSite(engine, call({ annotation: '3000000/day' }), settings);
  const light = buildCallSite(engine, call({ line: 99, model: 'claude-sonnet-4-6', annotation: '10/day' }), settings);
  const t = computeTotals(engine, [heavy, light], settings.settings);
  // Different open models (llama-3.1-8b, llama-3.3-70b): two one-member groups, each on its own cheapest option.
  const cheapest = (c: CallSiteReport) => Math.min(c.cost!.api!.monthlyUsd, c.cost!.hostedOpen!.monthlyUsd, c.cost!.selfHosted!.monthlyUsd);
  assert.ok(Math.abs(t.routing.monthlyUsd - (cheapest(heavy) + cheapest(light))) < 1e-6, `${t.routing.monthlyUsd}`);
  // Sonnet at 10/day: Llama 3.3 70B hosted is cheaper than the API and far cheaper than GPUs.
  assert.deepEqual(t.routing.hostedOpen.includes('app/x.py:99'), true);
  assert.ok(Math.abs(t.hostedOpenMonthlyUsd - (heavy.cost!.hostedOpen!.monthlyUsd + light.cost!.hostedOpen!.monthlyUsd)) < 1e-9);
  const kinds = new Set([...(t.routing.selfHosted.length ? ['self-hosted'] : []), ...(t.routing.hostedOpen.length ? ['hosted-open'] : []), ...(t.routing.api.length ? ['api'] : [])]);
  assert.equal(t.verdict, kinds.size === 1 ? [...kinds][0] : 'hybrid');
});

test('scan: .gitignore, files.exclude, dependency folders, minified and oversized files are skipped with reasons', async () => {
  const py = 'from openai import OpenAI\nclient = OpenAI()\ndef f(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": q}])\n';
  const root = workspace({
    'app/main.py': py,
    'generated/out.py': py,
    'node_modules/openai/index.js': 'module.exports = {}',
    '.venv/lib/x.py': py,
    'legacy/old.py': py,
    'web/bundle.min.js': 'var a=1;',
    'web/huge.js': 'x'.repeat(1_100_000),
    '.gitignore': 'generated/\n',
    '.vscode/settings.json': '{\n  // JSONC\n  "files.exclude": { "legacy": true },\n  "llmCostLens.requestsPerDay": 123,\n}\n',
  });
  const r = await scanWorkspace(root);
  assert.deepEqual(r.callSites.map((c) => [c.file, c.line, c.column, c.model, c.volume.requestsPerDay, c.volume.source]), [['app/main.py', 4, 12, 'gpt-4o', 123, 'settings']]);
  const reasons = Object.fromEntries(r.skipped.map((s) => [s.file, s.reason]));
  assert.equal(reasons['generated/'], '.gitignore');
  assert.equal(reasons['legacy/'], 'files.exclude');
  assert.equal(reasons['node_modules/'], 'dependency folder (node_modules)');
  assert.equal(reasons['.venv/'], 'Python virtualenv');
  assert.equal(reasons['web/bundle.min.js'], 'minified (.min.js)');
  assert.match(reasons['web/huge.js']!, /^over 1,000,000 bytes/);
});

test('scan --json on the example workspace matches test/fixtures/examples-scan.expected.json', async () => {
  const out: string[] = [];
  const code = await main(['scan', 'examples', '--json'], { out: (s) => out.push(s), err: () => {} });
  assert.equal(code, 0);
  const r = JSON.parse(out.join(''));
  const summary = {
    callSites: r.callSites.map((c: CallSiteReport) => ({
      file: c.file, line: c.line, column: c.column, sdk: c.sdk, api: c.api, kind: c.kind, model: c.model, modelSource: c.modelSource,
      maxTokens: c.maxTokens, endpoint: c.endpoint, tokens: { input: c.tokens.input, output: c.tokens.output, inputBasis: c.tokens.inputBasis },
      volume: c.volume, openModel: c.openModel.model, apiMonthlyUsd: c.cost?.api?.monthlyUsd ?? null, selfHostedMonthlyUsd: c.cost?.selfHosted?.monthlyUsd ?? null, verdict: c.cost?.verdict,
    })),
    totals: { apiMonthlyUsd: r.totals.apiMonthlyUsd, selfHostedMonthlyUsd: r.totals.selfHostedMonthlyUsd, routing: r.totals.routing, verdict: r.totals.verdict },
  };
  const file = 'test/fixtures/examples-scan.expected.json';
  if (process.env.UPDATE_EXPECTED === '1') writeFileSync(file, JSON.stringify(summary, null, 2) + '\n');
  assert.deepEqual(summary, JSON.parse(readFileSync(file, 'utf8')));
});

test('re-scans reuse detection only while the file and the files it imports are unchanged', async () => {
  const root = workspace({
    'app/config.py': 'MODEL = "gpt-4o"\n',
    'app/main.py': 'from openai import OpenAI\nfrom app.config import MODEL\nclient = OpenAI()\ndef f(q):\n    return client.chat.completions.create(model=MODEL, messages=[{"role": "user", "content": q}])\n',
  });
  const first = await scanWorkspace(root);
  assert.deepEqual(first.callSites.map((c) => [c.model, c.modelSource]), [['gpt-4o', 'constant']]);
  writeFileSync(join(root, 'app/config.py'), 'MODEL = "gpt-4o-mini"\n');
  const second = await scanWorkspace(root);
  assert.deepEqual(second.callSites.map((c) => c.model), ['gpt-4o-mini'], 'a changed imported constant must be seen');
  writeFileSync(join(root, '.vscode-settings-unrelated.txt'), 'x');
  const third = await scanWorkspace(root);
  assert.deepEqual(third.callSites, second.callSites);
});

test('a malformed setting is reported once per output: in the table itself, on stderr for --json', async () => {
  const root = workspace({ '.vscode/settings.json': '{ "llmCostLens.selfHosted.pue": 0.5 }', 'a.py': 'x = 1\n' });
  const run = async (...extra: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['scan', root, ...extra], { out: (s) => out.push(s), err: (s) => err.push(s) });
    assert.equal(code, 0);
    const count = (s: string) => s.split('\n').filter((l) => l.includes('llmCostLens.selfHosted.pue')).length;
    return { out: count(out.join('\n')), err: count(err.join('\n')) };
  };
  assert.deepEqual(await run(), { out: 1, err: 0 });
  assert.deepEqual(await run('--json'), { out: 0, err: 1 });
});

test('no break-even note or "never" where one side is missing (unpriced model, no open counterpart, shared deployments)', async () => {
  const unpriced = buildCallSite(engine, call({ model: 'gpt-9-ultra' }), readSettings({}));
  assert.deepEqual(unpriced.cost!.notes.filter((n) => /break/.test(n)), [], unpriced.cost!.notes.join(' | '));
  const settings = readSettings({});
  const t = computeTotals(engine, [buildCallSite(engine, call(), settings)], settings.settings);
  assert.deepEqual(t.deployments[0]!.notes.filter((n) => /break/.test(n)), []);
  const root = workspace({
    'a.py': 'import voyageai\nvo = voyageai.Client()\ndef f(t):\n    return vo.embed([t], model="voyage-3")\n',
    '.vscode/settings.json': '{ "llmCostLens.callSites": { "b.py#g": { "requestsPerDay": 7 } } }',
    'b.py': 'from openai import OpenAI\nclient = OpenAI()\ndef g(q):\n    # llm-cost: 500/day\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n',
  });
  const out: string[] = [];
  assert.equal(await main(['scan', root], { out: (s) => out.push(s), err: () => {} }), 0);
  const text = out.join('\n');
  const embedRow = text.split('\n').find((l) => l.includes('embed'))!;
  assert.ok(embedRow && / — +api$/.test(embedRow), embedRow);
  assert.match(text, /note: b\.py:5: llmCostLens\.callSites\["b\.py#g"\]\.requestsPerDay \(7\) is hidden by the llm-cost annotation/);
});
