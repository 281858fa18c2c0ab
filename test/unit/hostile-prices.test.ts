// Issue #17, item 6: `prices --update` refuses data that would hang a scan, price everything at $0, overflow
// money figures, or fill memory; the catalog in use stays as it was. Served from a local 127.0.0.1 server.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { waitForUpdate } from '@pydantic/genai-prices';
import { loadPriceCatalog, PRICE_FILE_NAME, updatePrices, usePriceCatalogDir } from '../../src/core/catalog/prices-update';
import { regexRisk, MIN_PRICED_MODELS } from '../../src/core/catalog/priceDataChecks';

type Providers = { id: string; models: { id: string; match: unknown; prices: unknown }[] }[];
let server: Server;
let base = '';
const bodies = new Map<string, string>();
const dir = mkdtempSync(join(tmpdir(), 'llmcl-hostile-prices-'));

before(async () => {
  const good = structuredClone((await waitForUpdate())!) as unknown as Providers;
  const variant = (change: (p: Providers) => void) => {
    const p = structuredClone(good);
    change(p);
    return JSON.stringify(p);
  };
  bodies.set('/good.json', JSON.stringify(good));
  bodies.set('/backtracking.json', variant((p) => { p[0]!.models[0]!.match = { regex: '^(a+)+$' }; }));
  bodies.set('/zero.json', variant((p) => { for (const prov of p) for (const m of prov.models) m.prices = { input_mtok: 0, output_mtok: 0 }; }));
  bodies.set('/huge.json', variant((p) => { p.find((x) => x.id === 'openai')!.models[0]!.prices = { input_mtok: 1e308, output_mtok: 1 }; }));
  bodies.set('/big.json', `[${' '.repeat(3_000_000)}]`);
  server = createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (req.url === '/declared.json') res.writeHead(200, { 'content-length': String(50_000_000) }).end();
    else if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  usePriceCatalogDir(undefined);
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('regexRisk: nested repetition, repeated groups with quantifiers, back-references; plain matchers pass', () => {
  for (const r of ['(a+)+$', '(a|a)*b', '^(\\w+\\s?)*$', '(.*a){20}', '(x)\\1', 'a'.repeat(600)]) assert.notEqual(regexRisk(r), null, r);
  for (const r of ['^claude-opus-5-\\d{8}$', '^gpt-5\\.4-\\d{4}-\\d{2}-\\d{2}$', '^(?!.*-[tT][tT][sS](?:$|-))', '^gpt-4o(-mini)?$', '[(+)*]+']) assert.equal(regexRisk(r), null, r);
});

test('prices --update: each hostile catalog is rejected with its reason and the stored catalog is kept', async () => {
  const ok = await updatePrices({ url: `${base}/good.json`, dir, today: new Date('2026-10-05T12:00:00Z') });
  assert.ok(ok.ok, JSON.stringify(ok));
  const stored = readFileSync(join(dir, PRICE_FILE_NAME), 'utf8');
  const cases: [string, RegExp][] = [
    ['/backtracking.json', /matcher regex "\^\(a\+\)\+\$" is unsafe \(nested repetition/],
    ['/zero.json', new RegExp(`only 0 models with a token price above \\$0 \\(at least ${MIN_PRICED_MODELS} expected\\)`)],
    ['/huge.json', /price 1e\+308 \$\/MTok is outside 0–10,000/],
    ['/big.json', /larger than 1 MB/],
    ['/declared.json', /larger than 1 MB/],
  ];
  for (const [path, why] of cases) {
    const r = await updatePrices({ url: `${base}${path}`, dir, maxBytes: 1_000_000 });
    assert.equal(r.ok, false, path);
    assert.match((r as { error: string }).error, why);
    assert.equal(readFileSync(join(dir, PRICE_FILE_NAME), 'utf8'), stored, `${path}: the stored catalog changed`);
  }
});

test('a stored price file with an unsafe regex or out-of-bound prices is not used (snapshot, with a note)', async () => {
  const file = JSON.parse(readFileSync(join(dir, PRICE_FILE_NAME), 'utf8'));
  const first = file.providers[0].models[0];
  first.match = { regex: '(a|a)*$' };
  const bad = mkdtempSync(join(tmpdir(), 'llmcl-hostile-prices-file-'));
  writeFileSync(join(bad, PRICE_FILE_NAME), JSON.stringify(file));
  const c = loadPriceCatalog(bad);
  assert.match(c.meta.note ?? '', /is not used: matcher regex .* is unsafe/);
  rmSync(bad, { recursive: true, force: true });
});
