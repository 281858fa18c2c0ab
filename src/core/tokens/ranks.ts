// Rank files are NOT bundled: importing js-tiktoken (full) or js-tiktoken/ranks/* would put megabytes of
// base64 into dist/extension.js, parsed at every activation. The build copies them to dist/ranks/*.json and writes
// their binary form beside them (*.bin, rankTable.ts: the only form the VSIX ships); one of them is read here on the
// first count that needs it, then kept.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TiktokenBPE } from 'js-tiktoken/lite';
import type { EncodingName } from './types';
import { decodeRankTable, type RankTable } from './rankTable';

let ranksDir: string | null = null;
let generation = 0;

/** Where `<encoding>.json` rank files live; overrides the default (dist/ranks beside the bundle); null restores it. */
export function setRanksDir(dir: string | null): void {
  ranksDir = dir;
  generation++;
}

/** Changes whenever the rank location changes, so remembered load failures can be retried. */
export function ranksGeneration(): number {
  return generation;
}

function moduleDir(): string | null {
  return typeof __dirname === 'string' ? __dirname : null;
}

/** Reads the rank object for one encoding. Throws when no source has it. */
export function loadRanks(name: EncodingName): TiktokenBPE {
  const file = rankFile(name);
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as TiktokenBPE;
  if (ranksDir !== null) throw new Error(`tokenizer ranks not found: ${join(ranksDir, `${name}.json`)}`);
  // Running from source (unit tests, bench via tsx): take the package's CommonJS rank module. The specifier is
  // computed and `req` is not `require`, so esbuild leaves it out of the bundle.
  const req = createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'));
  const specifier = ['js-tiktoken', 'ranks', name].join('/');
  return req(specifier) as TiktokenBPE;
}

/** loadRanks with the file read asynchronously (the editor's background preload); the same sources, in order. */
export async function loadRanksAsync(name: EncodingName): Promise<TiktokenBPE> {
  const file = rankFile(name);
  return file ? (JSON.parse(await readFile(file, 'utf8')) as TiktokenBPE) : loadRanks(name);
}

/** The `<encoding><ext>` rank file to read: in the configured directory, else in dist/ranks beside the bundle. */
function rankFile(name: EncodingName, ext = '.json'): string | null {
  const dirs = ranksDir !== null ? [ranksDir] : [moduleDir()].filter((d): d is string => d !== null).map((d) => join(d, 'ranks'));
  for (const dir of dirs) {
    const file = join(dir, `${name}${ext}`);
    if (existsSync(file)) return file;
  }
  return null;
}

/**
 * The ranks in the build's binary form (rankTable.ts) when `<encoding>.bin` is in the rank folder (the VSIX ships
 * only these; a rank folder of JSON files only, e.g. one configured by hand, is read as JSON); null otherwise or when
 * the file is unusable, and the caller reads the JSON.
 */
export function loadRankTable(name: EncodingName): RankTable | null {
  const bin = rankFile(name, '.bin');
  if (!bin) return null;
  try {
    return decodeRankTable(readFileSync(bin));
  } catch {
    return null;
  }
}
