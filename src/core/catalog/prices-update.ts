// Opt-in price update: the only code in the product that touches the network, and only when the user asks
// ("Update prices" command / `llm-cost-lens prices --update`). Downloads the same data genai-prices publishes,
// validates it, and keeps it in a user storage directory with its date. Loading prefers that file when valid
// and falls back to the bundled snapshot on any problem, saying why.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactProviders, describeIssues, priceDataFileSchema, upstreamDataSchema, UPSTREAM_DATA_URL, type PriceDataFile } from './prices-data';
import { catalogFromData, getSnapshotCatalog, priceCatalogInfo, SNAPSHOT, type PriceCatalogInfo } from './prices';
import type { PriceCatalog } from './prices-resolve';
import { catalogProblem, MAX_PRICE_DATA_BYTES, rawPriceDataProblem } from './priceDataChecks';

export const PRICE_FILE_NAME = 'genai-prices-data.json';

export interface UpdatePricesOptions {
  url?: string;
  dir: string;
  fetchImpl?: typeof fetch;
  /** The date recorded as "prices as of"; defaults to today (UTC). */
  today?: Date;
  timeoutMs?: number;
  /** Largest body accepted; default MAX_PRICE_DATA_BYTES (20 MB). */
  maxBytes?: number;
}

export type UpdatePricesResult = { ok: true; asOf: string; models: number; file: string } | { ok: false; error: string };

export async function updatePrices(opts: UpdatePricesOptions): Promise<UpdatePricesResult> {
  const url = opts.url ?? UPSTREAM_DATA_URL;
  const doFetch = opts.fetchImpl ?? fetch;
  let text: string;
  try {
    const res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000), headers: { accept: 'application/json' } });
    if (!res.ok) return { ok: false, error: `download failed: HTTP ${res.status} ${res.statusText} from ${url}` };
    const body = await readCapped(res, opts.maxBytes ?? MAX_PRICE_DATA_BYTES);
    if (body === null) return { ok: false, error: `downloaded data is larger than ${((opts.maxBytes ?? MAX_PRICE_DATA_BYTES) / 1e6).toLocaleString('en-US')} MB (not read further)` };
    text = body;
  } catch (e) {
    return { ok: false, error: `download failed from ${url}: ${e instanceof Error ? e.message : String(e)}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `downloaded data is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  // before the schema: a matcher regex is compiled while checking it, and a backtracking one would hang later scans
  const risky = rawPriceDataProblem(json);
  if (risky) return { ok: false, error: `downloaded data rejected: ${risky}` };
  let parsed;
  try {
    parsed = upstreamDataSchema.safeParse(json);
  } catch (e) {
    return { ok: false, error: `downloaded data could not be checked: ${e instanceof RangeError ? 'nested too deeply' : String(e)}` };
  }
  if (!parsed.success) return { ok: false, error: `downloaded data does not match the price data schema: ${describeIssues(parsed.error)}` };
  const asOf = (opts.today ?? new Date()).toISOString().slice(0, 10);
  const data: PriceDataFile = { format: 1, source: url, version: null, asOf, providers: compactProviders(parsed.data) };
  let catalog: PriceCatalog;
  try {
    catalog = catalogFromData(data, { origin: 'downloaded', file: null, note: null });
  } catch (e) {
    return { ok: false, error: `downloaded data could not be compiled: ${e instanceof Error ? e.message : String(e)}` };
  }
  const problem = catalogProblem(catalog);
  if (problem) return { ok: false, error: `downloaded data rejected: ${problem}` };
  const file = join(opts.dir, PRICE_FILE_NAME);
  try {
    mkdirSync(opts.dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file); // atomic: a reader never sees half a file
  } catch (e) {
    return { ok: false, error: `could not write ${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { ok: true, asOf, models: catalog.models, file };
}

/**
 * The catalog to use: the downloaded file in `dir` when present and valid and not older than the snapshot,
 * otherwise the bundled snapshot (with `meta.note` saying why the file was ignored).
 */
export function loadPriceCatalog(dir?: string): PriceCatalog {
  if (!dir) return getSnapshotCatalog();
  const file = join(dir, PRICE_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return getSnapshotCatalog();
    return fallback(`could not read ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fallback(`${file} is not valid JSON (${(e as Error).message})`);
  }
  const risky = rawPriceDataProblem(json);
  if (risky) return fallback(`${file} is not used: ${risky}`);
  let parsed;
  try {
    parsed = priceDataFileSchema.safeParse(json);
  } catch {
    return fallback(`${file} is not valid price data (nested too deeply)`);
  }
  if (!parsed.success) return fallback(`${file} is not valid price data (${describeIssues(parsed.error, 3)})`);
  const data = parsed.data as PriceDataFile;
  if (data.asOf < SNAPSHOT.asOf) return fallback(`${file} (prices as of ${data.asOf}) is older than the bundled snapshot (${SNAPSHOT.asOf})`);
  try {
    const catalog = catalogFromData(data, { origin: 'downloaded', file, note: null });
    const problem = catalogProblem(catalog);
    return problem ? fallback(`${file} is not used: ${problem}`) : catalog;
  } catch (e) {
    return fallback(`${file} could not be compiled (${(e as Error).message})`);
  }
}

/** The body as text, or null past `max` bytes (read as a stream, so a 100 MB body never sits in memory whole). */
async function readCapped(res: Response, max: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    return null;
  }
  if (!res.body) {
    const whole = await res.text();
    return whole.length > max ? null : whole;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function fallback(reason: string): PriceCatalog {
  const snap = getSnapshotCatalog();
  const note = `${reason}; using the bundled snapshot (${snap.meta.source}, prices as of ${snap.meta.asOf})`;
  return snap.withMeta({ note });
}

/** The price data this process loaded (usePriceCatalogDir): what a new engine context starts from. Read only there. */
let loaded: PriceCatalog | null = null;

/**
 * Loads `loadPriceCatalog(dir)` (the snapshot when `dir` is undefined) as this process's default catalog — the one
 * createEngineContext starts from — and reports it. Called once by the CLI entry; the editor sets its engine's
 * catalog directly.
 */
export function usePriceCatalogDir(dir: string | undefined, today?: Date): PriceCatalogInfo {
  loaded = loadPriceCatalog(dir);
  return priceCatalogInfo(loaded, today);
}

/** The catalog usePriceCatalogDir loaded, else the snapshot: only engine/context.ts reads it (architecture test). */
export function loadedPriceCatalog(): PriceCatalog {
  return loaded ?? getSnapshotCatalog();
}
