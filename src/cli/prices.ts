// `llm-cost-lens prices [QUERY] [--json] [--all] [--dir D]` lists API prices with their source and date;
// `llm-cost-lens prices --update [--url U] [--dir D]` downloads fresh price data (the only network access, opt-in).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { listApiPrices, lookupApiPrice, priceCatalogInfo, type ApiPrice } from '../core/catalog/prices';
import { loadPriceCatalog, updatePrices } from '../core/catalog/prices-update';
import type { EngineContext } from '../core/engine/context';
import { formatCount } from '../core/money';
import { renderTable } from '../core/format/table';
import { EXIT, type Io, parseFlags, today, UsageError } from './args';

export const PRICES_USAGE = `usage: llm-cost-lens prices [QUERY] [--json] [--all] [--dir DIR]
       llm-cost-lens prices --update [--url URL] [--dir DIR]
  QUERY     a model name as written in code (e.g. gpt-4o, anthropic/claude-sonnet-4-6, us.anthropic.claude-…-v1:0)
            or words to search for; without it, all models
  --all     show every match in the table (default: the first 50)
  --dir     where downloaded price data is kept (default: $LLM_COST_LENS_PRICES_DIR or ~/.cache/llm-cost-lens)
  --update  download the latest pydantic/genai-prices data into --dir; later runs use it instead of the bundled snapshot`;

const TABLE_LIMIT = 50;

/** Where the CLI keeps downloaded price data unless told otherwise. */
export function defaultPriceDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['LLM_COST_LENS_PRICES_DIR']) return env['LLM_COST_LENS_PRICES_DIR'];
  return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'llm-cost-lens');
}

export async function pricesCommand(args: string[], io: Io, engine: EngineContext): Promise<number> {
  let flags;
  try {
    flags = parseFlags(args, { json: 'bool', all: 'bool', update: 'bool', url: 'string', dir: 'string', help: 'bool' });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`prices: ${e.message}`);
      return EXIT.invalidInput;
    }
    throw e;
  }
  if (flags.bool['help']) {
    io.out(PRICES_USAGE);
    return EXIT.ok;
  }
  const dir = flags.string['dir'] ?? defaultPriceDir();

  if (flags.bool['update']) {
    if (flags.positionals.length) {
      io.err('prices: --update takes no QUERY');
      return EXIT.invalidInput;
    }
    const url = flags.string['url'];
    if (url !== undefined && !/^https?:\/\//.test(url)) {
      io.err(`--url: expected an http(s) URL, got "${url}"`);
      return EXIT.invalidInput;
    }
    const r = await updatePrices({ dir, ...(url ? { url } : {}) });
    if (!r.ok) {
      io.err(`prices --update: ${r.error}; the previous price data stays in use`);
      return EXIT.internal;
    }
    if (flags.bool['json']) io.out(JSON.stringify(r, null, 2));
    else io.out(`downloaded ${formatCount(r.models)} model prices (prices as of ${r.asOf}) to ${r.file}`);
    return EXIT.ok;
  }
  if (flags.string['url'] !== undefined) {
    io.err('--url: only valid with --update');
    return EXIT.invalidInput;
  }

  engine.setCatalog(loadPriceCatalog(dir));
  const info = priceCatalogInfo(engine.catalog, today(io));
  const query = flags.positionals.join(' ').trim();
  const resolved = query ? lookupApiPrice(engine.catalog, query) : null;
  const models = listApiPrices(engine.catalog, query || undefined);

  if (flags.bool['json']) {
    io.out(JSON.stringify({
      ...info,
      query: query || null,
      resolved: resolved?.ok ? { modelId: resolved.price.modelId, provider: resolved.price.provider, matchedBy: resolved.matchedBy } : null,
      suggestions: resolved && !resolved.ok ? resolved.suggestions : [],
      models,
    }, null, 2));
    return models.length ? EXIT.ok : EXIT.invalidInput;
  }

  if (models.length === 0) {
    const hint = resolved && !resolved.ok && resolved.suggestions.length ? `; did you mean ${resolved.suggestions.map((s) => `"${s}"`).join(', ')}?` : '';
    io.err(`QUERY: no priced model matches "${query}"${hint}`);
    return EXIT.invalidInput;
  }
  const lines: string[] = [];
  if (resolved?.ok) lines.push(`"${query}" → ${resolved.price.provider}/${resolved.price.modelId} (${resolved.matchedBy})`);
  const shown = flags.bool['all'] ? models : models.slice(0, TABLE_LIMIT);
  lines.push(renderTable(['Model', 'Name', 'Input $/MTok', 'Output', 'Cache read', 'Cache write', 'Batch', 'Context'], shown.map(row)));
  if (shown.length < models.length) lines.push(`… ${models.length - shown.length} more (use --all, or a narrower QUERY)`);
  if (shown.some((p) => p.tiers?.length)) lines.push('* higher rate above a long-context threshold (see --json "tiers")');
  lines.push(`source: ${info.source} · prices as of ${info.asOf} · ${formatCount(models.length)} of ${formatCount(info.models)} models`);
  if (info.staleNote) lines.push(`note: ${info.staleNote}`);
  if (info.note) lines.push(`note: ${info.note}`);
  io.out(lines.join('\n'));
  return EXIT.ok;
}

function usd(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return '$' + (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));
}

function row(p: ApiPrice): string[] {
  const tier = p.tiers?.length ? '*' : '';
  const perMinute = p.audioUsdPerMinute !== undefined && p.inputUsdPerMTok === 0 && p.outputUsdPerMTok === 0;
  const name = p.displayName.length > 32 ? p.displayName.slice(0, 31) + '…' : p.displayName;
  return [
    `${p.provider}/${p.modelId}`,
    perMinute ? `${name} (${usd(p.audioUsdPerMinute)}/min audio)` : name,
    perMinute ? '—' : usd(p.inputUsdPerMTok) + tier,
    perMinute ? '—' : usd(p.outputUsdPerMTok) + tier,
    usd(p.cachedInputUsdPerMTok),
    usd(p.cacheWriteUsdPerMTok),
    p.batchDiscount ? `−${p.batchDiscount * 100}%` : '—',
    p.contextWindow ? formatCount(p.contextWindow) : '—',
  ];
}
