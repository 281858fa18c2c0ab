// One test per cache the engine context owns (and per cache keyed on it): an unchanged input hits, a change to
// each input misses, and what comes back after the miss is what a fresh computation gives. Counters, never timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEngineContext } from '../../src/core/engine/context';
import { catalogFromData, getSnapshotCatalog, SNAPSHOT } from '../../src/core/catalog/prices';
import { readSettings } from '../../src/core/settings';
import { buildCallSite } from '../../src/core/scan/callSite';
import { computeTotals } from '../../src/core/scan/totals';
import { analyzeFile } from '../../src/core/scan/detectCache';
import { workspaceReader, WorkspaceScanner } from '../../src/core/scan/workspaceScanner';
import { setRanksDir, TokenCountCache, TokenCounter } from '../../src/core/tokens';
import { AnalysisCache } from '../../src/extension/analysisCache';
import type { DetectedCall, WorkspaceReader } from '../../src/core/detect';

const PY = (model: string) => `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="${model}", messages=[{"role": "user", "content": "Hi"}])\n`;

function call(over: Partial<DetectedCall> = {}): DetectedCall {
  return {
    file: 'app/x.py', line: 10, column: 5, endLine: 14, language: 'python', sdk: 'openai', api: 'chat.completions.create', kind: 'chat',
    model: 'gpt-4o-mini', modelSource: 'literal', maxTokens: null, reasoningTokens: null, streaming: false, endpoint: 'api', baseUrl: null,
    qualifiedName: 'handle', annotation: null, confidence: 1,
    promptParts: [{ role: 'user', source: 'literal', text: 'Summarize the ticket in one line.', placeholders: [] }],
    ...over,
  };
}

/** The snapshot with gpt-4o-mini at a tenth of its price: another catalog, as Update Prices would load. */
function cheaperCatalog() {
  const data = structuredClone(SNAPSHOT);
  const mini = data.providers.find((p) => p.id === 'openai')!.models.find((m) => m.id === 'gpt-4o-mini')!;
  mini.prices = { input_mtok: 0.015, output_mtok: 0.06 };
  return catalogFromData({ ...data, version: null, asOf: '2026-10-05' }, { origin: 'downloaded', file: null, note: null });
}

function memoryReader(files: Record<string, string>): WorkspaceReader {
  return { readFile: (rel) => files[rel] ?? null, exists: (rel) => rel in files };
}

test('detection cache: same path, text and read files hit; a change to any of them detects again', async () => {
  const engine = createEngineContext();
  const s = engine.detections.stats;
  const files: Record<string, string> = { 'app/prompts.py': 'SYSTEM = "You are terse."\n' };
  const text = `from openai import OpenAI\nfrom app.prompts import SYSTEM\nOpenAI().chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}])\n`;
  const first = await engine.detections.detect('app/main.py', text, memoryReader(files));
  assert.equal(first.result.calls.length, 1);
  assert.ok(first.deps.has('app/prompts.py'), 'the imported constant was read, so it is an input');
  assert.deepEqual([s.hits, s.misses], [0, 1]);
  assert.equal(await engine.detections.detect('app/main.py', text, memoryReader(files)), first, 'unchanged: the same entry');
  assert.deepEqual([s.hits, s.misses], [1, 1]);

  await engine.detections.detect('app/main.py', text.replace('gpt-4o', 'gpt-4o-mini'), memoryReader(files));
  assert.equal(s.misses, 2, 'the text changed');
  await engine.detections.detect('app/main.py', text, memoryReader(files));
  assert.equal(s.misses, 3, 'back to the first text: the entry held the other one');
  const changedDep = await engine.detections.detect('app/main.py', text, memoryReader({ 'app/prompts.py': 'SYSTEM = "You are verbose and thorough."\n' }));
  assert.equal(s.misses, 4, 'a file detection read changed');
  assert.notEqual(changedDep.result.calls[0]!.promptParts[0]!.text, first.result.calls[0]!.promptParts[0]!.text);
  await engine.detections.detect('app/other.py', text, memoryReader(files));
  assert.equal(s.misses, 5, 'another path');
  await engine.detections.detect('app/other.py', text);
  assert.equal(s.misses, 6, 'no reader: an entry that read other files is not reused');
  assert.equal(s.hits, 1);
});

test('file memo: the same size and mtime skip the read; a new mtime, a new size or a watcher event read again', async () => {
  const engine = createEngineContext();
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-engine-'));
  const file = 'app/a.py';
  mkdirSync(dirname(join(root, file)), { recursive: true });
  const write = (text: string, second: number) => {
    writeFileSync(join(root, file), text);
    utimesSync(join(root, file), second, second);
    const st = statSync(join(root, file));
    return { size: st.size, mtimeMs: st.mtimeMs };
  };
  const s = engine.detections.stats;
  let stat = write(PY('gpt-4o'), 1_000);
  let reads = 0;
  const reader = (): WorkspaceReader => {
    const r = workspaceReader(root);
    return { readFile: (rel) => ((reads += rel === file ? 1 : 0), r.readFile(rel)), exists: r.exists };
  };
  assert.equal((await analyzeFile(engine, root, file, stat, reader())).calls[0]!.model, 'gpt-4o');
  assert.equal((await analyzeFile(engine, root, file, stat, reader())).calls[0]!.model, 'gpt-4o');
  assert.deepEqual([s.fileHits, s.fileMisses, reads], [1, 1, 1], 'unchanged: not read again');

  stat = write(PY('gpt-4.1'), 2_000);
  assert.equal((await analyzeFile(engine, root, file, stat, reader())).calls[0]!.model, 'gpt-4.1', 'a new size and mtime');
  stat = write(PY('gpt-4.2'), 3_000);
  assert.equal((await analyzeFile(engine, root, file, stat, reader())).calls[0]!.model, 'gpt-4.2', 'same size, new mtime');
  // Two writes within the timestamp granularity: same size and mtime, only the watcher knows.
  stat = write(PY('gpt-4.3'), 3_000);
  assert.equal((await analyzeFile(engine, root, file, stat, reader(), true)).calls[0]!.model, 'gpt-4.3', 'a watcher event');
  assert.deepEqual([s.fileHits, s.fileMisses, reads], [1, 4, 4]);
});

test('report memo: the same call, settings, catalog and ranks hit; each of them changed costs again', () => {
  const engine = createEngineContext({ catalog: getSnapshotCatalog() });
  const s = engine.reports.stats;
  const d = call();
  const ws = readSettings({});
  const first = buildCallSite(engine, d, ws);
  assert.equal(buildCallSite(engine, d, ws), first);
  assert.deepEqual([s.hits, s.misses], [1, 1]);

  // settings: a new snapshot with another value; the same values in a new snapshot still hit
  assert.equal(buildCallSite(engine, d, readSettings({})), first, 'equal settings, new snapshot');
  const busier = buildCallSite(engine, d, readSettings({ 'llmCostLens.requestsPerDay': 5000 }));
  assert.equal(busier.volume.requestsPerDay, 5000);
  assert.equal(s.misses, 2);
  // two entries per call (a scan asks before and after it knows the workspace's model): back to the first settings
  // hits; a third settings snapshot evicts the least recently used entry
  const back = buildCallSite(engine, d, ws);
  assert.equal(back, first);
  assert.equal(s.misses, 2);
  buildCallSite(engine, d, readSettings({ 'llmCostLens.requestsPerDay': 7000 }));
  assert.equal(s.misses, 3);
  assert.equal(buildCallSite(engine, d, ws), first, 'the most recent two are kept');
  assert.notEqual(buildCallSite(engine, d, readSettings({ 'llmCostLens.requestsPerDay': 5000 })), busier, 'the oldest is evicted');
  assert.equal(s.misses, 4);

  // the workspace's most used model: an input of unresolved calls only
  const unresolved = call({ model: null, modelSource: 'unresolved' });
  const a = buildCallSite(engine, unresolved, { ...ws, workspaceModel: 'gpt-4o' });
  const b = buildCallSite(engine, unresolved, { ...ws, workspaceModel: 'gpt-4o-mini' });
  assert.deepEqual([a.assumedModel, b.assumedModel], ['gpt-4o', 'gpt-4o-mini']);
  const misses = s.misses;
  assert.equal(buildCallSite(engine, d, { ...ws, workspaceModel: 'claude-sonnet-4-6' }), back, 'a resolved call ignores it');
  assert.equal(s.misses, misses);

  // the catalog
  engine.setCatalog(cheaperCatalog());
  const cheaper = buildCallSite(engine, d, ws);
  assert.equal(s.misses, misses + 1);
  assert.ok(Math.abs(cheaper.cost!.api!.monthlyUsd - first.cost!.api!.monthlyUsd / 10) < 1e-9, 'costed with the new catalog');
  engine.setCatalog(getSnapshotCatalog());
  assert.equal(buildCallSite(engine, d, ws), first, 'the snapshot catalog again: its entry is still kept');
  assert.equal(s.misses, misses + 1);

  // the tokenizer's rank location
  setRanksDir(null);
  assert.deepEqual(buildCallSite(engine, d, ws), first);
  assert.equal(s.misses, misses + 2);
  // the detected call itself (a file detected again is new objects)
  buildCallSite(engine, call(), ws);
  assert.equal(s.misses, misses + 3);
});

test('totals memo: the same reports, settings and catalog hit; each of them changed computes again', () => {
  const engine = createEngineContext({ catalog: getSnapshotCatalog() });
  const s = engine.totals.stats;
  const ws = readSettings({});
  const sites = [buildCallSite(engine, call(), ws), buildCallSite(engine, call({ line: 40, model: 'gpt-4o' }), ws)];
  const first = computeTotals(engine, sites, ws.settings);
  assert.equal(computeTotals(engine, [...sites], ws.settings), first, 'the same report objects in a new array');
  assert.deepEqual([s.hits, s.misses], [1, 1]);

  const fewer = computeTotals(engine, sites.slice(0, 1), ws.settings);
  assert.equal(fewer.callSites, 1);
  const recosted = computeTotals(engine, [buildCallSite(engine, call(), ws), sites[1]!], ws.settings);
  assert.equal(s.misses, 3, 'another report object for a call site');
  assert.equal(recosted.apiMonthlyUsd, first.apiMonthlyUsd);
  const shortMonth = readSettings({ 'llmCostLens.daysPerMonth': 28 });
  assert.equal(computeTotals(engine, sites, shortMonth.settings).daysPerMonth, 28);
  assert.equal(s.misses, 4, 'the settings');
  engine.setCatalog(cheaperCatalog());
  const cheaper = computeTotals(engine, sites, ws.settings);
  assert.equal(s.misses, 5, 'the catalog');
  assert.notEqual(cheaper, first);
  engine.setCatalog(getSnapshotCatalog());
  assert.equal(computeTotals(engine, sites, ws.settings), first, 'kept among the recent ones');
});

test('token count cache: the same text, encoding and rank generation hit; each changed counts again', () => {
  const cache = new TokenCountCache(100);
  const counter = new TokenCounter(cache);
  const text = 'Summarize the ticket in one line.';
  const exact = counter.countTokens(text, 'gpt-4o').tokens;
  assert.equal(counter.countTokens(text, 'gpt-4o').tokens, exact);
  assert.deepEqual([cache.stats().hits, cache.stats().misses], [1, 1]);
  counter.countTokens(`${text}!`, 'gpt-4o');
  assert.equal(cache.stats().misses, 2, 'the text');
  counter.countTokens(text, 'gpt-4');
  assert.equal(cache.stats().misses, 3, 'the encoding (cl100k_base)');
  counter.countTokens(text, 'gpt-4.1');
  assert.equal(cache.stats().hits, 2, 'another model on the same encoding (o200k_base) is the same count');
  setRanksDir(null);
  assert.equal(counter.countTokens(text, 'gpt-4o').tokens, exact);
  assert.equal(cache.stats().misses, 4, 'the rank generation');
});

test('the engine context is the costing catalog; the process default does not leak into it', () => {
  const engine = createEngineContext({ catalog: cheaperCatalog() });
  const other = createEngineContext({ catalog: getSnapshotCatalog() });
  const d = call();
  const ws = readSettings({});
  const cheap = buildCallSite(engine, d, ws);
  const full = buildCallSite(other, d, ws);
  assert.equal(cheap.cost!.api!.price.asOf, '2026-10-05');
  assert.notEqual(full.cost!.api!.price.asOf, '2026-10-05');
  assert.ok(Math.abs(cheap.cost!.api!.monthlyUsd - full.cost!.api!.monthlyUsd / 10) < 1e-9);
});

test('scanner result: kept while nothing changed; the catalog or the rank generation re-costs it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-engine-'));
  mkdirSync(join(root, 'app'));
  writeFileSync(join(root, 'app/a.py'), PY('gpt-4o-mini'));
  const engine = createEngineContext({ catalog: getSnapshotCatalog() });
  const scanner = new WorkspaceScanner(root, { engine });
  await scanner.scan();
  const first = scanner.result();
  assert.equal(scanner.result(), first);
  setRanksDir(null);
  const again = scanner.result();
  assert.notEqual(again, first, 'a new rank generation');
  assert.deepEqual(JSON.parse(JSON.stringify(again)), JSON.parse(JSON.stringify(first)));
  engine.setCatalog(cheaperCatalog());
  assert.equal(scanner.result().callSites[0]!.cost!.api!.price.asOf, '2026-10-05', 'the catalog');
});

test('document analysis cache: the same version and inputs hit; a new version or any input misses', async () => {
  const cache = new AnalysisCache();
  const engine = createEngineContext({ catalog: getSnapshotCatalog() });
  const inputs = () => [0, engine.catalog, engine.tokenizerGeneration];
  await cache.start('k', 1, inputs(), async () => ({ callSites: [], skipped: null }));
  assert.ok(cache.current('k', 1, inputs()));
  assert.equal(cache.current('k', 2, inputs()), undefined, 'the document version');
  assert.equal(cache.current('k', 1, [1, engine.catalog, engine.tokenizerGeneration]), undefined, 'the settings generation');
  engine.setCatalog(cheaperCatalog());
  assert.equal(cache.current('k', 1, inputs()), undefined, 'the catalog');
  engine.setCatalog(getSnapshotCatalog());
  assert.ok(cache.current('k', 1, inputs()));
  setRanksDir(null);
  assert.equal(cache.current('k', 1, inputs()), undefined, 'the rank generation');
  assert.deepEqual(cache.stats, { hits: 2, misses: 4 });
});

test('a re-scan of an unchanged tree with one engine reuses every report and the totals, unresolved calls included', async () => {
  const root = mkdtempSync(join(tmpdir(), 'engine-rescan-'));
  writeFileSync(join(root, 'a.py'), PY('gpt-4o'));
  // model chosen at run time: priced at the workspace's most used model, known only after every file is analysed
  writeFileSync(join(root, 'b.py'), 'import os\nfrom openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model=os.environ["M"], messages=[{"role": "user", "content": "Hi"}])\n');
  const engine = createEngineContext({ catalog: getSnapshotCatalog() });
  const scan = async () => {
    const s = new WorkspaceScanner(root, { engine });
    await s.scan();
    return s.result();
  };
  const first = await scan();
  assert.deepEqual(first.callSites.map((c) => c.assumedModel ?? '(resolved)').sort(), ['(resolved)', 'gpt-4o']);
  const [reports, totals] = [{ ...engine.reports.stats }, { ...engine.totals.stats }];
  const second = await scan();
  assert.deepEqual(second.callSites, first.callSites);
  assert.equal(engine.reports.stats.misses, reports.misses, 'no call costed again');
  assert.equal(engine.totals.stats.misses, totals.misses, 'totals not computed again');
  assert.equal(second.totals, first.totals);
});
