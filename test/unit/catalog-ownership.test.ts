// The price catalog is passed explicitly (issue #18 part 3): every lookup takes the engine context's catalog, so two
// contexts with different catalogs cost side by side, interleaved across awaits, each with its own prices. The only
// module-level catalog left is the process's loaded default (usePriceCatalogDir), read only to construct a context.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { catalogFromData, getSnapshotCatalog, lookupApiPrice, priceCatalogInfo, SNAPSHOT } from '../../src/core/catalog/prices';
import { estimate } from '../../src/core/economics/estimate';
import { createEngineContext } from '../../src/core/engine/context';
import { quickFixesFor, apiMonthlyUsd } from '../../src/core/fixes/quickFixModel';
import { scanWorkspace } from '../../src/core/scan/scan';
import { hostedOffers } from '../../src/core/economics/hostedOpen';

/** The snapshot with gpt-4o-mini at `factor` × its price, dated `asOf`: another catalog, as Update Prices loads. */
function scaledCatalog(factor: number, asOf: string) {
  const data = structuredClone(SNAPSHOT);
  const mini = data.providers.find((p) => p.id === 'openai')!.models.find((m) => m.id === 'gpt-4o-mini')!;
  const p = lookupApiPrice(getSnapshotCatalog(), 'gpt-4o-mini');
  assert.ok(p.ok);
  mini.prices = { input_mtok: p.price.inputUsdPerMTok * factor, output_mtok: p.price.outputUsdPerMTok * factor };
  return catalogFromData({ ...data, version: null, asOf }, { origin: 'downloaded', file: null, note: null });
}

const PY = 'from openai import OpenAI\nclient = OpenAI()\n\ndef run(q):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n';

test('two engine contexts with different catalogs cost at the same time, each with its own prices', async () => {
  const root = mkdtempSync(join(tmpdir(), 'llmcl-two-catalogs-'));
  try {
    mkdirSync(join(root, 'app'));
    for (let i = 0; i < 12; i++) writeFileSync(join(root, 'app', `m${i}.py`), PY);
    const base = createEngineContext({ catalog: getSnapshotCatalog() });
    const tenfold = createEngineContext({ catalog: scaledCatalog(10, '2026-10-05') });
    // Interleaved: both scans yield to each other (every 0 ms) while they cost.
    const [a, b] = await Promise.all([
      new Promise((r) => setImmediate(r)).then(() => scanWorkspace(root, { engine: base })),
      scanWorkspace(root, { engine: tenfold }),
    ]);
    assert.equal(a.callSites.length, 12);
    assert.equal(b.callSites.length, 12);
    for (let i = 0; i < 12; i++) {
      const [x, y] = [a.callSites[i]!.cost!.api!, b.callSites[i]!.cost!.api!];
      assert.ok(x.monthlyUsd > 0);
      assert.ok(Math.abs(y.monthlyUsd - 10 * x.monthlyUsd) < 1e-9 * y.monthlyUsd, `${a.callSites[i]!.file}: ${y.monthlyUsd} vs 10 × ${x.monthlyUsd}`);
    }
    assert.ok(Math.abs(b.totals.apiMonthlyUsd - 10 * a.totals.apiMonthlyUsd) < 1e-9 * b.totals.apiMonthlyUsd);
    // The basis each figure carries names its own catalog.
    assert.equal(a.callSites[0]!.cost!.api!.price.asOf, SNAPSHOT.asOf);
    assert.equal(b.callSites[0]!.cost!.api!.price.asOf, '2026-10-05');

    // The same for the entry points that take the catalog directly: estimate, quick fixes, catalog info.
    const scenario = { workload: { requestsPerDay: 1000, inputTokens: 500, outputTokens: 100 }, api: { model: 'gpt-4o-mini' } };
    const ea = estimate(scenario, { catalog: base.catalog });
    const eb = estimate(scenario, { catalog: tenfold.catalog });
    assert.ok(ea.ok && eb.ok);
    assert.ok(Math.abs(eb.result.api.monthlyUsd - 10 * ea.result.api.monthlyUsd) < 1e-9 * eb.result.api.monthlyUsd);
    const site = a.callSites[0]!;
    const settings = (await import('../../src/core/settings')).readSettings({}).settings;
    assert.equal(apiMonthlyUsd(base.catalog, site, settings, {}), site.cost!.api!.monthlyUsd);
    assert.ok(Math.abs(apiMonthlyUsd(tenfold.catalog, site, settings, {})! - 10 * site.cost!.api!.monthlyUsd) < 1e-9 * site.cost!.api!.monthlyUsd * 10);
    assert.ok(Array.isArray(quickFixesFor(tenfold.catalog, b.callSites[0]!, settings, PY.split('\n'))));
    const day = new Date('2027-06-01T00:00:00Z');
    assert.notEqual(priceCatalogInfo(base.catalog, day).asOf, priceCatalogInfo(tenfold.catalog, day).asOf);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

const SRC = resolve('src');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}
const texts = sources(SRC).map((f) => ({ file: relative(SRC, f).split(sep).join('/'), text: readFileSync(f, 'utf8') }));
const users = (word: string) => texts.filter((t) => new RegExp(`\\b${word}\\(`).test(t.text)).map((t) => t.file).sort();

test('the loaded default catalog is set only by the CLI entry and read only to construct an engine context', () => {
  assert.deepEqual(users('usePriceCatalogDir'), ['cli/main.ts', 'core/catalog/prices-update.ts']);
  assert.deepEqual(users('loadedPriceCatalog'), ['core/catalog/prices-update.ts', 'core/engine/context.ts']);
  for (const gone of ['getActivePriceCatalog', 'setActivePriceCatalog', 'withPriceCatalog', 'priced']) {
    assert.deepEqual(texts.filter((t) => new RegExp(`\\b${gone}\\(`).test(t.text)).map((t) => t.file), [], `${gone}(): no ambient catalog`);
  }
  // The one mutable catalog binding at module level is the loaded default in prices-update.ts (the bundled snapshot,
  // compiled on first use, is a constant: assigned once, never replaced).
  const lets = texts.filter((t) => /^let (?!snapshotCatalog\b)\w+: PriceCatalog\b/m.test(t.text)).map((t) => t.file);
  assert.deepEqual(lets, ['core/catalog/prices-update.ts']);
});

test('indexes built from a catalog live on that catalog: built once, rebuilt for a new catalog, never shared', () => {
  const key = Symbol('test index');
  let builds = 0;
  const build = (c: ReturnType<typeof getSnapshotCatalog>) => ({ n: ++builds, models: c.models });
  const snap = getSnapshotCatalog();
  const other = scaledCatalog(2, '2026-10-05');
  const a = snap.derive(key, build);
  assert.equal(snap.derive(key, build), a, 'the second ask returns the same index');
  const b = other.derive(key, build);
  assert.notEqual(b, a, 'another catalog builds its own');
  assert.equal(builds, 2);
  // The hosted-offer index goes through it: two catalogs with different prices give each their own offers.
  const offers = (c: typeof snap) => hostedOffers(c, 'llama-3.3-70b').map((o) => o.inputUsdPerMTok);
  assert.ok(offers(snap).length > 0);
  assert.deepEqual(offers(other), offers(snap), 'gpt-4o-mini scaled, the Llama offers are unchanged');
});
