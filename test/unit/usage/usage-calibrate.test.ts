// Usage joined back to call sites on test/usage/workspace: code location, function, unique model, proportional
// split (marked), unmatched records listed, precedence (annotation > callSites > measured > defaults), and the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanWorkspace } from '../../../src/core/scan/scan';
import { UsageSet } from '../../../src/core/usage';
import { estimateVsMeasured, measuredVolumeNote } from '../../../src/core/format/usageText';
import { matchGroup, modelKey } from '../../../src/core/usage/match';
import type { UsageGroup } from '../../../src/core/usage/aggregate';
import { Histogram } from '../../../src/core/usage/histogram';
import { main } from '../../../src/cli/main';

const WS = 'test/usage/workspace';

async function scanWith(files: string[], root = WS) {
  const set = new UsageSet();
  await set.load(files.map((f) => ({ path: `test/usage/${f}`, display: f })));
  return scanWorkspace(root, { calibrate: set.calibrate });
}

function site(r: Awaited<ReturnType<typeof scanWith>>, qn: string) {
  return r.callSites.find((c) => c.qualifiedName === qn)!;
}

test('model ids compare as the price catalog normalises them: dates, provider prefixes, case', () => {
  assert.equal(modelKey('gpt-4o-2024-08-06'), modelKey('gpt-4o'));
  assert.equal(modelKey('openai/GPT-4o'), modelKey('gpt-4o'));
  assert.equal(modelKey('claude-sonnet-4-5-20250929'), modelKey('claude-sonnet-4-5'));
  assert.notEqual(modelKey('gpt-4o-mini'), modelKey('gpt-4o'));
});

test('OTLP spans: matched by code location (line within the call), by function, and split by model; the unknown model is listed', async () => {
  const r = await scanWith(['otel-spans.jsonl']);
  const reply = site(r, 'Bot.reply');
  assert.equal(reply.volume.source, 'measured');
  assert.equal(reply.volume.requestsPerDay, 3, '21 spans over 7 days');
  assert.equal(reply.tokens.input, 400);
  assert.equal(reply.tokens.output, 110);
  assert.equal(reply.tokens.inputP90, 500);
  assert.equal(reply.tokens.cachedInputShare, 2100 / 8400);
  assert.equal(reply.tokens.estimated!.input, 226, 'the static estimate is kept');
  assert.equal(reply.tokens.inputBasis, 'measured (otel-spans.jsonl, 2025-03-01–2025-03-07, 21 records), mean');
  assert.deepEqual(reply.usage!.matchedBy, ['by code location app/bot.py:11']);
  assert.equal(reply.usage!.split, false);
  // summarize: 7 spans by function + half of the 7 spans without code location (equal assumed volumes)
  const summarize = site(r, 'summarize');
  assert.equal(summarize.usage!.records, 10.5);
  assert.equal(summarize.volume.requestsPerDay, 1.5);
  assert.equal(summarize.tokens.input, (7 * 900 + 3.5 * 200) / 10.5);
  assert.equal(summarize.usage!.split, true);
  assert.ok(summarize.usage!.matchedBy.includes('split by model gpt-4o-mini-2024-07-18 across 2 call sites in proportion to their assumed volume'));
  const classify = site(r, 'classify');
  assert.equal(classify.volume.requestsPerDay, 0.5);
  assert.deepEqual(r.usage!.unmatched, [{ model: 'gpt-3.5-turbo', code: null, records: 1, requests: 1, reason: 'no call site uses model gpt-3.5-turbo' }]);
  assert.equal(r.usage!.matched.records, 35);
  // the cost follows the measurement: 3 requests/day × 30 days of 400 in (100 cached) / 110 out on gpt-4o
  const price = reply.cost!.api!.price;
  const perRequest = (300 * price.inputUsdPerMTok + 100 * (price.cachedInputUsdPerMTok ?? price.inputUsdPerMTok) + 110 * price.outputUsdPerMTok) / 1e6;
  assert.ok(Math.abs(reply.cost!.api!.monthlyUsd - perRequest * 3 * 30) < 1e-9, `${reply.cost!.api!.monthlyUsd} vs ${perRequest * 90}`);
  assert.ok(Math.abs(r.totals.apiMonthlyUsd - r.callSites.reduce((t, c) => t + (c.cost?.api?.monthlyUsd ?? 0), 0)) < 1e-9, 'totals use the measured sites');
});

test('the annotation still wins over the measured volume, and says so; token totals without request counts imply a rate', async () => {
  const r = await scanWith(['anthropic-usage.json']);
  const draft = site(r, 'draft');
  assert.equal(draft.volume.source, 'annotation');
  assert.equal(draft.volume.requestsPerDay, 200);
  assert.equal(draft.volume.measured!.applied, false);
  // 2 days × (40,000 in + 150,000 out) ÷ (114 + 300 estimated tokens per request)
  assert.ok(Math.abs(draft.volume.measured!.requestsPerDay - 190_000 / 414) < 1e-9);
  assert.equal(measuredVolumeNote(draft), 'measured 459/day is not used: the llm-cost annotation wins over measurement');
  assert.ok(draft.cost!.notes.includes('measured 459/day is not used: the llm-cost annotation wins over measurement'));
  assert.equal(draft.tokens.input, 114, 'no request counts: the tokens stay estimated');
});

test('llmCostLens.callSites requestsPerDay and outputTokens win over measurement; the folder requestsPerDay does not', async () => {
  const root = mkdtempSync(join(tmpdir(), 'usage-prec-'));
  cpSync(WS, root, { recursive: true });
  mkdirSync(join(root, '.vscode'), { recursive: true });
  writeFileSync(join(root, '.vscode/settings.json'), JSON.stringify({ 'llmCostLens.requestsPerDay': 50, 'llmCostLens.callSites': { 'app/bot.py#Bot.reply': { requestsPerDay: 9000, outputTokens: 999 } } }));
  const set = new UsageSet();
  await set.load([{ path: 'test/usage/otel-spans.jsonl', display: 'otel-spans.jsonl' }]);
  const r = await scanWorkspace(root, { calibrate: set.calibrate });
  const reply = r.callSites.find((c) => c.qualifiedName === 'Bot.reply')!;
  assert.equal(reply.volume.requestsPerDay, 9000);
  assert.equal(reply.volume.measured!.hiddenBy, 'llmCostLens.callSites["app/bot.py#Bot.reply"].requestsPerDay');
  assert.equal(reply.tokens.output, 999, 'the output the user set wins');
  assert.equal(reply.tokens.input, 400, 'input is measured');
  const summarize = r.callSites.find((c) => c.qualifiedName === 'summarize')!;
  assert.equal(summarize.volume.source, 'measured', 'measurement wins over the folder default');
});

test('hover strings: estimate beside measurement', async () => {
  const r = await scanWith(['otel-spans.jsonl']);
  assert.equal(estimateVsMeasured(site(r, 'Bot.reply')), 'estimated 226 in, measured 400 in (p90 500) · estimated 300 out, measured 110 out (p90 120) · 25% of input cached');
  assert.equal(estimateVsMeasured(r.callSites.find((c) => !c.usage)!), null);
});

test('aggregated buckets: measured means without a p90; dated model ids and several sources add up', async () => {
  const r = await scanWith(['openai-usage.json', 'openai-usage.csv']);
  const reply = site(r, 'Bot.reply');
  // 3,600 requests over 4 days + 1,600 over 2 days
  assert.equal(reply.volume.requestsPerDay, 3600 / 4 + 1600 / 2);
  assert.equal(reply.tokens.input, (3600 * 450 + 1600 * 420) / 5200);
  assert.equal(reply.tokens.inputP90, null);
  assert.equal(reply.usage!.matchedBy[0], 'by model gpt-4o-2024-08-06 (the only call site using it)');
});

function group(over: Partial<UsageGroup>): UsageGroup {
  return { source: 0, model: null, file: null, line: null, function: null, records: 1, requests: 1, inputTokens: 1, outputTokens: 1,
    tokenOnly: { records: 0, inputTokens: 0, outputTokens: 0 }, cached: { tokens: 0, ofInput: 0 }, reasoning: { tokens: 0, ofRequests: 0 }, input: new Histogram(), output: new Histogram(), ...over };
}

test('matching look-alikes: a line outside every call, a file elsewhere, a function of another name, no model', async () => {
  const r = await scanWorkspace(WS);
  const sites = r.callSites;
  // line 18 is between calls in app/bot.py: the file's gpt-4o-mini calls share it
  const between = matchGroup(group({ file: 'app/bot.py', line: 18, model: 'gpt-4o-mini' }), sites);
  assert.ok(between.ok && between.assignment.sites.length === 2);
  // other/bot.py is not app/bot.py; "tools/app/bot.py" ends with it but "xapp/bot.py" does not
  assert.ok(matchGroup(group({ file: '/x/tools/app/bot.py', line: 11 }), sites).ok);
  const other = matchGroup(group({ file: 'xapp/bot.py', line: 11, model: 'gpt-4o' }), sites);
  assert.ok(other.ok && other.assignment.kind === 'model');
  assert.deepEqual(matchGroup(group({ function: 'summarize_all' }), sites), { ok: false, reason: 'its code location is not a call site in this workspace, and it names no model' });
  assert.deepEqual(matchGroup(group({}), sites), { ok: false, reason: 'no model and no code location' });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('CLI: scan --usage FILE --json adds `usage` and measured call sites; record problems go to stderr; a missing file exits 2', async () => {
  const r = await cli('scan', WS, '--usage', 'test/usage/otel-spans.jsonl', '--usage', 'test/usage/langfuse-observations.json', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.usage.sources.length, 2);
  assert.equal(j.usage.sources[1].format, 'Langfuse observations');
  assert.equal(j.callSites.filter((c: { volume: { source: string } }) => c.volume.source === 'measured').length, 3);
  assert.match(r.err, /warning: usage test\/usage\/otel-spans.jsonl: line 39: invalid JSON/);
  const missing = await cli('scan', WS, '--usage', 'test/usage/none.jsonl');
  assert.equal(missing.code, 2);
  assert.equal(missing.err, 'scan: --usage test/usage/none.jsonl: no such file');
  const report = await cli('scan', WS, '--usage', 'test/usage/otel-spans.jsonl', '--report', 'json');
  assert.equal(report.code, 0);
  assert.match(report.err, /warning: usage test\/usage\/otel-spans.jsonl: line 40: /, 'record problems are on stderr with --report too');
  const plain = await cli('scan', WS, '--json');
  assert.equal('usage' in JSON.parse(plain.out), false, 'no usage key without usage files');
});

test('CLI table lists sources, unmatched records and measured call sites; llmCostLens.usageFiles is read relative to the folder', async () => {
  const root = mkdtempSync(join(tmpdir(), 'usage-cli-'));
  cpSync(WS, root, { recursive: true });
  cpSync('test/usage/litellm-spend-logs.json', join(root, 'logs/spend.json'));
  mkdirSync(join(root, '.vscode'), { recursive: true });
  writeFileSync(join(root, '.vscode/settings.json'), JSON.stringify({ 'llmCostLens.usageFiles': ['logs/spend.json'] }));
  const r = await cli('scan', root);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /logs\/spend\.json \(LiteLLM spend logs\): 5 records, 5 requests, 2025-03-01 to 2025-03-05, 5 days; 2 not model calls; 5 times without a zone read as UTC; 1 unusable/);
  assert.match(r.out, /app\/bot\.py:10 Bot\.reply: 1\/day measured \(logs\/spend\.json, 2025-03-01–2025-03-05, 5 records\)/);
});

test('the README worked example is what the CLI prints', async () => {
  const { readFileSync } = await import('node:fs');
  const readme = readFileSync('README.md', 'utf8');
  const block = /\n(Usage measurements:\n[\s\S]*?)\n```/.exec(readme)![1]!;
  const r = await cli('scan', WS, '--usage', 'test/usage/otel-spans.jsonl', '--usage', 'test/usage/anthropic-usage.json');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.slice(r.out.indexOf('Usage measurements:')), block);
});
