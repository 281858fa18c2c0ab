// The pure parts of `diff`: alignment within a function, the changed-field list, policy gates in both directions,
// flags over settings, and the headline / comment / SARIF shapes — on hand-made call sites, no git.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallSiteReport } from '../../src/core/scan/callSite';
import type { Totals } from '../../src/core/scan/totals';
import type { ScanResult } from '../../src/core/scan/workspaceScanner';
import { align, matchCallSites } from '../../src/core/diff/match';
import { comparePair } from '../../src/core/diff/compare';
import { mergePolicy, policyFromSettings, type Policy } from '../../src/core/diff/policy';
import { buildDiff } from '../../src/core/diff/build';
import { renderMarkdown, COMMENT_MARKER } from '../../src/core/diff/markdown';
import { renderSarif } from '../../src/core/diff/sarif';
import { readSettings } from '../../src/core/settings';
import { changesView } from '../../src/core/diff/view';
import { hostToWebviewSchema } from '../../src/core/protocol/messages';

function site(file: string, fn: string, line: number, model: string | null, monthly: number | null, extra: Partial<CallSiteReport> = {}): CallSiteReport {
  return {
    file, line, column: 5, endLine: line, language: 'python', sdk: 'openai', api: 'chat.completions.create', kind: 'chat',
    model, modelSource: model ? 'literal' : 'unresolved', assumedModel: null, assumedFrom: null, maxTokens: null, streaming: false, endpoint: 'api', qualifiedName: fn, key: `${file}#${fn}`,
    tokens: { input: 100, output: 300, reasoning: 0, reasoningBasis: 'none', outputMax: null, inputBasis: 'exact (o200k_base)', outputBasis: 'expected 300', inputLow: 100, inputHigh: 100, parts: [] },
    volume: { requestsPerDay: 1000, callsPerRequest: 1, source: 'default', hidden: null },
    openModel: { model: null, reason: 'x', quality: 'not compared' },
    cost: { api: monthly === null ? null : { monthlyUsd: monthly }, selfHosted: null } as unknown as CallSiteReport['cost'],
    problems: [], confidence: 1, ...extra,
  };
}

const NO_POLICY: Policy = { failAboveUsd: null, failAbovePct: null, warnAboveUsd: null, warnAbovePct: null, maxCallSiteUsd: null, failOnUnpriced: false, failOnUnresolved: false };

function scan(sites: CallSiteReport[]): ScanResult {
  const api = sites.reduce((s, c) => s + (c.cost?.api?.monthlyUsd ?? 0), 0);
  const totals = { daysPerMonth: 30, callSites: sites.length, unpriced: sites.filter((c) => !c.cost?.api).length, unpricedModels: [], assumed: 0, selfHostedEndpoints: 0, apiMonthlyUsd: api, selfHostedMonthlyUsd: api, hostedOpenMonthlyUsd: api, deployments: [], routing: { monthlyUsd: api, selfHosted: [], api: [], hostedOpen: [], savingsVsApiUsd: 0 }, verdict: 'api' } as Totals;
  return { root: '/x', callSites: sites, totals, skipped: [], settings: { file: null, warnings: [] } };
}

function diffOf(before: CallSiteReport[], after: CallSiteReport[], policy: Partial<Policy> = {}, renames = new Map<string, string>()) {
  return buildDiff({ base: { ref: 'main', commit: 'a'.repeat(40), scan: scan(before) }, head: { ref: 'working tree', commit: null, scan: scan(after) }, renames, policy: { ...NO_POLICY, ...policy }, prices: { source: 'test prices', asOf: '2026-01-01' } });
}

test('alignment: identical calls anchor, the calls between anchors pair by position, the rest are added/removed', () => {
  const a = site('f.py', 'fn', 1, 'gpt-4o', 10);
  const b = site('f.py', 'fn', 2, 'gpt-4o-mini', 1);
  const c = site('f.py', 'fn', 3, 'o3', 50);
  // inserted at the front
  const ins = site('f.py', 'fn', 1, 'gpt-4.1', 20);
  assert.deepEqual(align([a, b], [ins, { ...a, line: 2 }, { ...b, line: 3 }]).map((p) => [p.before?.model ?? null, p.after?.model ?? null]), [[null, 'gpt-4.1'], ['gpt-4o', 'gpt-4o'], ['gpt-4o-mini', 'gpt-4o-mini']]);
  // one changed in the middle: paired by position, not removed + added
  const changed = { ...b, model: 'gpt-4.1-mini' };
  assert.deepEqual(align([a, b, c], [a, changed, c]).map((p) => [p.before?.model, p.after?.model]), [['gpt-4o', 'gpt-4o'], ['gpt-4o-mini', 'gpt-4.1-mini'], ['o3', 'o3']]);
  // the last one deleted
  assert.deepEqual(align([a, b, c], [a, b]).map((p) => [p.before?.model ?? null, p.after?.model ?? null]), [['gpt-4o', 'gpt-4o'], ['gpt-4o-mini', 'gpt-4o-mini'], ['o3', null]]);
});

test('matching follows renames (head path → base path) and keeps other files apart', () => {
  const old = site('old.py', 'fn', 3, 'gpt-4o', 10);
  const moved = site('new.py', 'fn', 7, 'gpt-4o', 10);
  const pairs = matchCallSites([old], [moved], new Map([['new.py', 'old.py']]));
  assert.equal(pairs.length, 1);
  assert.equal(comparePair(pairs[0]!).status, 'unchanged');
  // without the rename it is a remove and an add
  assert.deepEqual(matchCallSites([old], [moved], new Map()).map((p) => comparePair(p).status).sort(), ['added', 'removed']);
});

test('changes: the fields that differ, by their scan --json path; position alone is not a change', () => {
  const b = site('f.py', 'fn', 3, 'gpt-4o', 10);
  const a = { ...b, line: 9, column: 1, model: 'gpt-4.1', volume: { ...b.volume, requestsPerDay: 2000 }, tokens: { ...b.tokens, input: 120 }, cost: { api: { monthlyUsd: 30 }, selfHosted: null } as unknown as CallSiteReport['cost'] };
  const d = comparePair({ before: b, after: a });
  assert.equal(d.status, 'changed');
  assert.deepEqual(d.changes, ['model', 'tokens.input', 'volume.requestsPerDay', 'cost.api.monthlyUsd']);
  assert.equal(d.deltaMonthlyUsd, 20);
  assert.deepEqual(comparePair({ before: b, after: { ...b, line: 40 } }).changes, []);
  // a self-hosted endpoint or an unpriced call adds nothing to the API bill
  assert.equal(comparePair({ before: null, after: site('f.py', 'g', 1, 'llama3', null) }).deltaMonthlyUsd, 0);
  assert.equal(comparePair({ before: null, after: site('f.py', 'g', 1, 'gpt-4o', 10, { endpoint: 'self-hosted' }) }).deltaMonthlyUsd, 0);
});

test('$ and % thresholds in both directions: positive gates an increase above it, negative a decrease beyond it', () => {
  const b = [site('f.py', 'fn', 1, 'gpt-4o', 100)];
  const up = [site('f.py', 'fn', 1, 'gpt-4.1', 150)];
  const down = [site('f.py', 'fn', 1, 'gpt-4o-mini', 20)];
  assert.equal(diffOf(b, up, { failAboveUsd: 49 }).policy.status, 'fail');
  assert.equal(diffOf(b, up, { failAboveUsd: 50 }).policy.status, 'pass', 'equal to the threshold is not above it');
  assert.equal(diffOf(b, up, { warnAbovePct: 49.9 }).policy.status, 'warn');
  assert.equal(diffOf(b, up, { failAbovePct: 50 }).policy.status, 'pass');
  assert.equal(diffOf(b, down, { failAboveUsd: 10 }).policy.status, 'pass', 'a saving never trips a positive threshold');
  assert.equal(diffOf(b, down, { warnAboveUsd: -50 }).policy.status, 'warn');
  assert.equal(diffOf(b, down, { failAbovePct: -90 }).policy.status, 'pass');
  assert.equal(diffOf(b, down, { failAbovePct: -75 }).policy.status, 'fail');
  const v = diffOf(b, up, { failAboveUsd: 10, warnAbovePct: 5 }).policy;
  assert.deepEqual(v.violations.map((x) => [x.rule, x.level]), [['fail-above-usd', 'fail'], ['warn-above-pct', 'warn']]);
  assert.match(v.violations[0]!.message, /\+\$50\/mo is above the fail threshold of \+\$10\/mo/);
});

test('percentages from a $0 base: any increase trips a positive % gate; deltaPct is null, not Infinity', () => {
  const d = diffOf([], [site('f.py', 'fn', 1, 'gpt-4o', 5)], { failAbovePct: 1000, warnAbovePct: -10 });
  assert.equal(d.totals.deltaPct, null);
  assert.deepEqual(d.policy.violations.map((v) => v.rule), ['fail-above-pct']);
  assert.match(d.policy.violations[0]!.message, /from \$0/);
  assert.equal(JSON.parse(JSON.stringify(d)).totals.deltaPct, null);
  assert.equal(diffOf([], []).totals.deltaPct, 0);
});

test('per-call-site gates look only at added and changed call sites', () => {
  const pricey = site('f.py', 'old', 1, 'o1', 900);
  const unresolved = site('f.py', 'env', 2, null, null);
  const unpriced = site('f.py', 'custom', 3, 'acme-model', null);
  const selfHosted = site('f.py', 'local', 4, 'llama3', null, { endpoint: 'self-hosted' });
  const p = { maxCallSiteUsd: 500, failOnUnpriced: true, failOnUnresolved: true };
  assert.equal(diffOf([pricey, unresolved, unpriced], [pricey, unresolved, unpriced], p).policy.status, 'pass', 'already there before the change');
  const added = diffOf([], [pricey, unresolved, unpriced, selfHosted], p).policy;
  assert.deepEqual(added.violations.map((v) => [v.rule, v.key]), [['max-call-site-usd', 'f.py#old'], ['fail-on-unresolved', 'f.py#env'], ['fail-on-unpriced', 'f.py#custom']]);
  // a call priced at an assumed model counts as unresolved
  const assumed = { ...site('f.py', 'guess', 5, null, 3), assumedModel: 'gpt-4o-mini' } as CallSiteReport;
  const v = diffOf([], [assumed], p).policy.violations;
  assert.deepEqual(v.map((x) => x.rule), ['fail-on-unresolved']);
  assert.match(v[0]!.message, /priced at an assumed gpt-4o-mini/);
});

test('policy settings: llmCostLens.policy.* read through the zod schema; flags win; a bad value is a warning naming the key', () => {
  const r = readSettings({ 'llmCostLens.policy.failAboveUsd': 500, llmCostLens: { policy: { failOnUnpriced: true } }, 'llmCostLens.policy.warnAbovePct': 'ten' });
  const p = policyFromSettings(r.settings);
  assert.equal(p.failAboveUsd, 500);
  assert.equal(p.failOnUnpriced, true);
  assert.equal(p.warnAbovePct, null);
  assert.deepEqual(r.warnings.map((w) => w.split(':')[0]), ['llmCostLens.policy.warnAbovePct']);
  const m = mergePolicy(p, { failAboveUsd: 100, failOnUnresolved: true, failOnUnpriced: false });
  assert.equal(m.failAboveUsd, 100);
  assert.equal(m.failOnUnresolved, true);
  assert.equal(m.failOnUnpriced, true, 'a boolean flag only turns a gate on');
});

test('the PR comment: marker first, headline, only changed rows with escaped cells and links, verdict, basis collapsed', () => {
  const b = [site('a|b.py', 'fn', 3, 'gpt-4o', 1000), site('k.py', 'same', 1, 'gpt-4o', 5)];
  const a = [site('a|b.py', 'fn', 4, 'gpt-4.1', 2240), site('k.py', 'same', 1, 'gpt-4o', 5), site('n.py', 'added', 2, 'gpt-4o-mini', 0)];
  const d = diffOf(b, a, { warnAboveUsd: 1000 });
  const md = renderMarkdown(d, { linkBase: 'https://example.com/blob/sha/', pathPrefix: 'svc/' });
  const lines = md.split('\n');
  assert.equal(lines[0], COMMENT_MARKER);
  assert.equal(lines[1], '### LLM cost: +$1,240/mo (+123 %), 1 call site changed, 1 added');
  assert.equal(d.summary.headline, 'LLM cost: +$1,240/mo (+123 %), 1 call site changed, 1 added');
  assert.ok(md.includes('[`a|b.py:4`](https://example.com/blob/sha/svc/a%7Cb.py#L4)'), md);
  assert.ok(md.includes('gpt-4o → gpt-4.1'));
  assert.ok(!md.includes('`same`'), 'unchanged call sites are not listed');
  assert.match(md, /\*\*Policy: ⚠️ warn\*\*/);
  assert.match(md, /<details><summary>Totals, prices and assumptions<\/summary>[\s\S]*test prices, as of 2026-01-01[\s\S]*<\/details>$/);
  for (const row of lines.filter((l) => l.startsWith('| `') || l.startsWith('| ['))) assert.equal(row.replace(/\\\|/g, '').replace(/`[^`]*`/g, '').split('|').length, 9, row);
});

test('SARIF: one result per added or changed call site on its line, error where a fail gate names it', () => {
  const d = diffOf([site('f.py', 'fn', 3, 'gpt-4o', 10)], [site('f.py', 'fn', 3, 'o1', 900), site('g.py', 'new', 8, 'gpt-4o', 10)], { maxCallSiteUsd: 100 });
  const s = JSON.parse(renderSarif(d, 'svc/', '0.0.0'));
  assert.equal(s.version, '2.1.0');
  const r = s.runs[0].results;
  assert.deepEqual(r.map((x: { ruleId: string; level: string }) => [x.ruleId, x.level]), [['llm-cost/changed', 'error'], ['llm-cost/added', 'note']]);
  assert.deepEqual(r[0].locations[0].physicalLocation, { artifactLocation: { uri: 'svc/f.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5, endLine: 3 } });
  assert.match(r[0].message.text, /\+\$890\/mo/);
});

test('the panel\'s "Changes vs base" rows: changed, added and removed only, removed ones not openable; valid as a webview message', () => {
  const d = diffOf([site('f.py', 'fn', 3, 'gpt-4o', 10), site('f.py', 'gone', 9, 'gpt-4o', 5), site('k.py', 'same', 1, 'gpt-4o', 5)], [site('f.py', 'fn', 4, 'gpt-4.1', 20), site('k.py', 'same', 1, 'gpt-4o', 5), site('n.py', 'new', 2, 'o3', 30)]);
  const v = changesView(d);
  assert.deepEqual(v.rows.map((r) => [r.file, r.status, r.line, r.change, r.delta]), [['f.py', 'changed', 4, 'model', '+$10'], ['n.py', 'added', 2, 'added', '+$30'], ['f.py', 'removed', null, 'removed', '−$5.00']]);
  assert.equal(v.base, 'main @ aaaaaaa');
  assert.ok(hostToWebviewSchema.safeParse({ type: 'changes', view: v }).success);
  assert.ok(hostToWebviewSchema.safeParse({ type: 'changes', view: null }).success);
});
