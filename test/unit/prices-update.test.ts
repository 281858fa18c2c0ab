import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { waitForUpdate } from '@pydantic/genai-prices';
import { lookupApiPrice, priceCatalogInfo } from '../../src/core/catalog/prices';
import { loadPriceCatalog, PRICE_FILE_NAME, updatePrices, usePriceCatalogDir } from '../../src/core/catalog/prices-update';
import { createEngineContext } from '../../src/core/engine/context';
import { pricesCommand } from '../../src/cli/prices';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'llmcl-prices-'));
  dirs.push(d);
  return d;
}

/** Upstream-shaped data (with descriptions and extractors, as published) where gpt-4o costs $2 / $7 instead of $2.50 / $10. */
async function upstreamWithChangedGpt4o(): Promise<string> {
  const providers = structuredClone((await waitForUpdate())!) as unknown as { id: string; models: { id: string; prices: unknown }[] }[];
  const gpt4o = providers.find((p) => p.id === 'openai')!.models.find((m) => m.id === 'gpt-4o')!;
  gpt4o.prices = { input_mtok: 2, output_mtok: 7, cache_read_mtok: 1 };
  return JSON.stringify(providers);
}

let server: Server;
let base = '';
const hits: string[] = [];

async function startServer(good: string): Promise<void> {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/good.json') res.writeHead(200, { 'content-type': 'application/json' }).end(good);
    else if (req.url === '/malformed.json') res.writeHead(200).end('[{"id": "openai", "models": [');
    else if (req.url === '/invalid.json') res.writeHead(200).end(JSON.stringify([{ id: 'openai', name: 'OpenAI', models: [{ id: 'gpt-4o', match: { equals: 'gpt-4o' }, prices: { input_mtok: -1 } }] }]));
    else if (req.url === '/empty.json') res.writeHead(200).end('[]');
    else res.writeHead(500, 'Internal Server Error').end('boom');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

after(() => {
  usePriceCatalogDir(undefined);
  server?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('update: good data is validated, stored with its date, and then preferred over the snapshot', async () => {
  await startServer(await upstreamWithChangedGpt4o());
  const dir = tempDir();
  const r = await updatePrices({ url: `${base}/good.json`, dir, today: new Date('2026-10-05T12:00:00Z') });
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.asOf, '2026-10-05');
  assert.equal(r.file, join(dir, PRICE_FILE_NAME));
  assert.ok(r.models > 1000);
  const stored = JSON.parse(readFileSync(r.file, 'utf8'));
  assert.equal(stored.asOf, '2026-10-05');
  assert.equal(stored.source, `${base}/good.json`);
  assert.equal(JSON.stringify(stored).includes('"description"'), false, 'stored compactly');

  const before = createEngineContext();
  assert.equal((lookupApiPrice(before.catalog, 'gpt-4o') as { price: { inputUsdPerMTok: number } }).price.inputUsdPerMTok, 2.5, 'snapshot until the dir is used');
  const info = usePriceCatalogDir(dir, new Date('2026-10-06T00:00:00Z'));
  assert.deepEqual([info.origin, info.asOf, info.file, info.note, info.stale], ['downloaded', '2026-10-05', r.file, null, false]);
  // The loaded data is what a new engine context starts from; a context made before keeps its own catalog.
  const p = lookupApiPrice(createEngineContext().catalog, 'openai/gpt-4o');
  assert.equal(before.catalog.meta.origin, 'snapshot');
  assert.ok(p.ok);
  assert.deepEqual([p.price.inputUsdPerMTok, p.price.outputUsdPerMTok, p.price.asOf], [2, 7, '2026-10-05']);
  assert.equal(p.price.source, 'pydantic/genai-prices data downloaded 2026-10-05');
  usePriceCatalogDir(undefined);
  assert.equal(priceCatalogInfo(createEngineContext().catalog).origin, 'snapshot');
});

test('update: malformed JSON, schema-invalid data, empty data and HTTP 500 fail clearly and keep the previous file', async () => {
  const dir = tempDir();
  const good = await updatePrices({ url: `${base}/good.json`, dir, today: new Date('2026-10-05T00:00:00Z') });
  assert.ok(good.ok);
  const before = readFileSync(good.file, 'utf8');

  const malformed = await updatePrices({ url: `${base}/malformed.json`, dir });
  assert.ok(!malformed.ok && /not valid JSON/.test(malformed.error), JSON.stringify(malformed));
  const invalid = await updatePrices({ url: `${base}/invalid.json`, dir });
  assert.ok(!invalid.ok && /0\.models\.0\.prices/.test(invalid.error) && /schema/.test(invalid.error), JSON.stringify(invalid));
  const empty = await updatePrices({ url: `${base}/empty.json`, dir });
  assert.ok(!empty.ok && /at least one provider/.test(empty.error), JSON.stringify(empty));
  const down = await updatePrices({ url: `${base}/missing`, dir });
  assert.ok(!down.ok && /HTTP 500/.test(down.error), JSON.stringify(down));
  const refused = await updatePrices({ url: 'http://127.0.0.1:1/nothing', dir, timeoutMs: 2000 });
  assert.ok(!refused.ok && /download failed/.test(refused.error), JSON.stringify(refused));

  assert.equal(readFileSync(good.file, 'utf8'), before, 'a failed update never replaces good data');
});

test('load: a corrupt, invalid or outdated file falls back to the snapshot with a note', () => {
  const missing = loadPriceCatalog(tempDir());
  assert.deepEqual([missing.meta.origin, missing.meta.note], ['snapshot', null]);

  const corrupt = tempDir();
  writeFileSync(join(corrupt, PRICE_FILE_NAME), '{"format": 1, "sou');
  const c = loadPriceCatalog(corrupt);
  assert.equal(c.meta.origin, 'snapshot');
  assert.match(c.meta.note!, /is not valid JSON.*using the bundled snapshot \(@pydantic\/genai-prices 0\.1\.8, prices as of 2026-09-23\)/);

  const invalid = tempDir();
  writeFileSync(join(invalid, PRICE_FILE_NAME), JSON.stringify({ format: 1, source: 'x', version: null, asOf: '2026-13-45x', providers: [] }));
  assert.match(loadPriceCatalog(invalid).meta.note!, /asOf: expected YYYY-MM-DD/);

  const old = tempDir();
  writeFileSync(join(old, PRICE_FILE_NAME), JSON.stringify({ format: 1, source: 'x', version: null, asOf: '2025-01-01', providers: [{ id: 'openai', name: 'OpenAI', models: [{ id: 'gpt-4o', match: { equals: 'gpt-4o' }, prices: { input_mtok: 99, output_mtok: 99 } }] }] }));
  const o = loadPriceCatalog(old);
  assert.match(o.meta.note!, /older than the bundled snapshot/);
  const info = usePriceCatalogDir(old);
  assert.equal(info.origin, 'snapshot');
  const p = lookupApiPrice(createEngineContext().catalog, 'gpt-4o');
  assert.ok(p.ok && p.price.inputUsdPerMTok === 2.5);
  usePriceCatalogDir(undefined);
});

test('CLI: prices --update against the local server, then the table shows the downloaded date', async () => {
  const dir = tempDir();
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
  assert.equal(await pricesCommand(['--update', '--url', `${base}/good.json`, '--dir', dir], io, createEngineContext()), 0, err.join('\n'));
  assert.match(out.join('\n'), /downloaded [\d,]+ model prices \(prices as of \d{4}-\d{2}-\d{2}\)/);
  assert.ok(existsSync(join(dir, PRICE_FILE_NAME)));

  out.length = 0;
  assert.equal(await pricesCommand(['--update', '--url', `${base}/malformed.json`, '--dir', dir], io, createEngineContext()), 1);
  assert.match(err.join('\n'), /not valid JSON.*; the previous price data stays in use/);

  out.length = 0;
  assert.equal(await pricesCommand(['gpt-4o', '--dir', dir], io, createEngineContext()), 0);
  assert.match(out.join('\n'), /source: pydantic\/genai-prices data downloaded \d{4}-\d{2}-\d{2} · prices as of/);
  assert.match(out.join('\n'), /openai\/gpt-4o .* \$2 +\$7 /);
  usePriceCatalogDir(undefined);
  assert.ok(hits.length >= 7, 'all downloads went to the local server');
});
