// The editor's CodeLens and hover text (pure modules of src/extension) over the demo workspace's call sites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeDocument, readWorkspaceSettings, workspaceReader } from '../../src/core/scan/scan';
import { lensTitle, setVolumeTitle } from '../../src/core/format/lensText';
import { codeLensSpecs, parseVolume } from '../../src/extension/codeLensSpecs';
import { AnalysisCache } from '../../src/extension/analysisCache';
import { hoverMarkdown, md } from '../../src/core/format/hoverText';
import { formatUsd } from '../../src/core/money';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

const root = 'examples';
async function site(file: string) {
  const r = await analyzeDocument(engine, file, readFileSync(`${root}/${file}`, 'utf8'), readWorkspaceSettings(root), workspaceReader(root));
  assert.equal(r.callSites.length, 1);
  return r.callSites[0];
}

test('lens: ≈ for approximate counts, API and self-hosted monthly cost, break-even, volume', async () => {
  const c = await site('app/summarize.py');
  const title = lensTitle(c);
  // Money first, details last: a lens too wide for the editor loses its end.
  assert.match(title, /^API \$[\d,]+\/mo · hosted \$[\d.,]+\/mo · self-host \$[\d,]+\/mo · break-even [\d,]+\/day · at 1,000\/day · ≈\d+ → 300 tok$/);
  assert.ok(title.includes(`hosted ${formatUsd(c.cost!.hostedOpen!.monthlyUsd)}/mo`));
  assert.equal(c.modelSource, 'literal', 'the model is in the call, so the lens leaves it out');
  assert.ok(title.includes(formatUsd(c.cost!.api!.monthlyUsd)));
  assert.equal(setVolumeTitle(c), 'Set volume…');
});

test('lens: unpriced model with suggestions; self-hosted endpoint shows what the API would cost', async () => {
  const c = structuredClone(await site('app/classify.ts'));
  c.model = 'gpt-4o-minii';
  c.cost = { ...c.cost!, api: null, suggestions: ['gpt-4o-mini', 'gpt-4o'] };
  assert.match(lensTitle(c), /unpriced model "gpt-4o-minii" \(did you mean gpt-4o-mini, gpt-4o\?\)/);
  const d = structuredClone(await site('app/classify.ts'));
  d.endpoint = 'self-hosted';
  assert.match(lensTitle(d), /^self-hosted endpoint · via API \$58\/mo · at 50,000\/day · gpt-4o-mini · ≈?[\d,]+ → 5 tok$/);
});

test('lens and hover: a model that is only an Azure deployment name says so and how to name the model, with no "did you mean"', async () => {
  for (const [dir, file, line, key] of [['test/fixtures/python', 'langchain_azure_deployment_named.py', 13, 'deployment_name'], ['test/fixtures/parity', 'langchain-azure-deployment.ts', 9, 'azureOpenAIApiDeploymentName']] as const) {
    const r = await analyzeDocument(engine, file, readFileSync(`${dir}/${file}`, 'utf8'), readWorkspaceSettings(dir), workspaceReader(dir));
    const c = r.callSites.find((x) => x.line === line)!;
    assert.equal(c.deploymentKey, key, file);
    assert.equal(c.cost!.verdict, 'unpriced');
    assert.deepEqual(c.cost!.suggestions, [], 'names close to "support-bot-prod" are not what the deployment runs');
    assert.match(lensTitle(c), /^unpriced Azure deployment "support-bot-prod" \(name its model: llm-cost: model=…\)/);
    assert.ok(hoverMarkdown(c, { openPanel: 'x' }).includes(`**unpriced** — an Azure deployment name (\`${key}\`), not a model id`));
    assert.ok(c.cost!.notes.some((n) => n.startsWith(`"support-bot-prod" is an Azure deployment name (${key}), not a model id: unpriced;`)));
    // The model named beside a deployment, or by an llm-cost comment, is what is priced: no deployment left to mention.
    const named = r.callSites.filter((x) => x.model === 'gpt-4o-mini' && x.modelSource === 'literal');
    for (const n of named) assert.equal(n.deploymentKey, undefined);
  }
  const annotated = readFileSync('test/fixtures/python/langchain_azure_deployment_named.py', 'utf8').split('\n').map((l, i) => (i === 12 ? `    # llm-cost: model=gpt-4o\n${l}` : l)).join('\n');
  const a = await analyzeDocument(engine, 'named.py', annotated, readWorkspaceSettings('test/fixtures/python'), workspaceReader('test/fixtures/python'));
  const invoked = a.callSites.find((x) => x.api === 'invoke')!;
  assert.equal(invoked.model, 'gpt-4o');
  assert.equal(invoked.deploymentKey, undefined);
  assert.notEqual(invoked.cost!.verdict, 'unpriced');
});

test('hover: table with basis, parts, prices as of, both break-evens, verdict; command link to the panel only', async () => {
  const c = await site('app/summarize.py');
  const text = hoverMarkdown(c, { openPanel: 'llmCostLens.openPanel' });
  for (const s of ['| Input |', 'ticket\\_text', 'prices as of ', 'with ops', 'compute only', '| Verdict | **hosted-open** |', '| Hosted open | llama-3.3-70b via Novita', '| · vs hosted open |', '(command:llmCostLens.openPanel)']) assert.ok(text.includes(s), `missing ${s}\n${text}`);
  assert.equal([...text.matchAll(/\(command:/g)].length, 1);
});

test('hover: the answer (API and self-hosted per month, break-even, which is cheaper) precedes the table', async () => {
  const c = await site('app/summarize.py');
  const lines = hoverMarkdown(c, { openPanel: 'llmCostLens.openPanel' }).split('\n');
  const be = c.cost!.breakEven.withOpsRequestsPerDay!;
  assert.equal(lines[2], `API **${formatUsd(c.cost!.api!.monthlyUsd)}/mo** · hosted open **${formatUsd(c.cost!.hostedOpen!.monthlyUsd)}/mo** · self-hosted **${formatUsd(c.cost!.selfHosted!.monthlyUsd)}/mo** · break-even **${be.toLocaleString('en-US', { maximumFractionDigits: 0 })}/day** → the hosted open model is cheapest at 1,000/day`);
  assert.ok(lines.indexOf('| | |') > 2);
});

test('codeLensSpecs: per call site the summary (opens the panel) and Set volume (with its arguments), on the call\'s first line', async () => {
  const c = await site('app/classify.ts');
  const specs = codeLensSpecs([c], 'file:///w/app/classify.ts', 100);
  assert.deepEqual(specs.map((s) => [s.line, s.command]), [[c.line - 1, 'llmCostLens.openPanel'], [c.line - 1, 'llmCostLens.setVolume']]);
  assert.equal(specs[0].title, lensTitle(c));
  assert.deepEqual(specs[1].arguments, [{ uri: 'file:///w/app/classify.ts', key: c.key, requestsPerDay: 50000, source: 'annotation', line: c.line }]);
  // A call past the end of a shorter (edited) document, or in a notebook cell, gets no lens.
  assert.deepEqual(codeLensSpecs([c], 'file:///w/app/classify.ts', c.line - 1), []);
  assert.deepEqual(codeLensSpecs([{ ...c, cell: 0 }], 'file:///w/app/classify.ts', 100), []);
});

test('AnalysisCache: the same version is one analysis; a newer version keeps the last finished one until it settles', async () => {
  const cache = new AnalysisCache();
  let runs = 0;
  const c = await site('app/classify.ts');
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const first = await cache.start('k', 1, [0], async () => ((runs++), { callSites: [c], skipped: null }));
  assert.equal(await cache.current('k', 1, [0]), first);
  assert.equal(cache.current('k', 2, [0]), undefined, 'another version');
  assert.equal(cache.current('k', 1, [1]), undefined, 'other inputs (settings generation, catalog, rank generation)');
  const second = cache.start('k', 2, [0], async () => { await gate; runs++; return { callSites: [], skipped: null }; });
  assert.equal(cache.settled('k'), first, 'while version 2 runs, version 1 stays');
  release();
  assert.equal((await second).callSites.length, 0);
  assert.equal(cache.settled('k')?.version, 2);
  assert.equal(runs, 2);
  const failed = await cache.start('k', 3, [0], () => Promise.reject(new Error('boom')));
  assert.deepEqual([failed.callSites, failed.skipped], [[], 'analysis failed: boom']);
});

test('md() escapes table-breaking and link characters', () => {
  assert.equal(md('a|b [x](command:evil) <b>'), 'a\\|b \\[x\\]\\(command:evil\\) \\<b\\>');
});

test('parseVolume: numbers ≥ 0, separators allowed, clear errors otherwise', () => {
  assert.deepEqual(parseVolume('2,500'), { ok: true, value: 2500 });
  assert.deepEqual(parseVolume(' 0 '), { ok: true, value: 0 });
  assert.deepEqual(parseVolume('1_000/day'), { ok: true, value: 1000 });
  assert.deepEqual(parseVolume('-5'), { ok: false, error: 'Requests per day: must not be negative (got -5).' });
  assert.equal(parseVolume('abc').ok, false);
  assert.equal(parseVolume('').ok, false);
  assert.equal(parseVolume('Infinity').ok, false);
  // The settings' own bound (what llmCostLens.callSites[…].requestsPerDay accepts), not a second rule.
  const tooBig = parseVolume('2e9');
  assert.equal(tooBig.ok, false);
  assert.match(!tooBig.ok ? tooBig.error : '', /^Requests per day: /);
  assert.deepEqual(parseVolume('1e9'), { ok: true, value: 1e9 });
});
