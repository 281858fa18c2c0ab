// `scan`: walk → prefilter → detect → tokens/volume/cost per call site → shared-deployment totals.
// The editor runs the same per-file path on open documents, so lenses and the CLI agree.
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectCalls, dropInvokedConstructors, mightContainLlmCalls, type DetectedCall, type DetectResult, type WorkspaceReader } from '../detect';
import { parseJsonc } from '../io/json';
import { readSettings, type SettingsRead } from '../settings';
import { buildCallSite, type CallSiteReport } from './callSite';
import { computeTotals, type Totals } from './totals';
import { contentSkipReason, walkWorkspace } from './walk';

export interface ScanResult {
  root: string;
  callSites: CallSiteReport[];
  totals: Totals;
  skipped: { file: string; reason: string }[];
  settings: { file: string | null; warnings: string[] };
}

/** `<root>/.vscode/settings.json` (JSONC): the llmCostLens.* values and files.exclude. */
export function readWorkspaceSettings(root: string): SettingsRead & { file: string | null; filesExclude: Record<string, unknown> } {
  const file = join(root, '.vscode', 'settings.json');
  if (!existsSync(file)) return { ...readSettings({}), file: null, filesExclude: {} };
  const parsed = parseJsonc(readFileSync(file, 'utf8'));
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    const r = readSettings({});
    r.warnings.push(`.vscode/settings.json: ${parsed.ok ? 'expected an object' : parsed.error} — using defaults`);
    return { ...r, file: '.vscode/settings.json', filesExclude: {} };
  }
  const raw = parsed.value as Record<string, unknown>;
  const fe = raw['files.exclude'];
  return { ...readSettings(raw), file: '.vscode/settings.json', filesExclude: fe && typeof fe === 'object' ? (fe as Record<string, unknown>) : {} };
}

export function workspaceReader(root: string): WorkspaceReader {
  const cache = new Map<string, string | null>();
  const safe = (rel: string) => !rel.split('/').includes('..') && !rel.startsWith('/');
  return {
    readFile(rel) {
      if (!safe(rel)) return null;
      if (!cache.has(rel)) {
        try {
          cache.set(rel, readFileSync(join(root, rel), 'utf8'));
        } catch {
          cache.set(rel, null);
        }
      }
      return cache.get(rel)!;
    },
    exists: (rel) => safe(rel) && existsSync(join(root, rel)),
  };
}

export function sortCallSites(sites: CallSiteReport[]): CallSiteReport[] {
  return sites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.cell ?? -1) - (b.cell ?? -1) || a.line - b.line || a.column - b.column));
}

export async function scanWorkspace(dir: string): Promise<ScanResult> {
  const root = resolve(dir);
  const ws = readWorkspaceSettings(root);
  const { files, skipped, stats } = walkWorkspace(root, ws.filesExclude);
  const reader = workspaceReader(root);
  const detected: DetectedCall[] = [];
  for (const file of files) {
    // Unchanged since the last scan in this process (same size and mtime): reuse the prefilter verdict,
    // and for the files that mention an SDK, their text — no read, no prefilter pass.
    const key = join(root, file);
    const stat = stats.get(file)!;
    const memo = fileMemo.get(key);
    let text: string | null;
    if (memo && memo.size === stat.size && memo.mtimeMs === stat.mtimeMs) {
      if (memo.skip) {
        if (memo.skip !== 'no SDK') skipped.push({ file, reason: memo.skip });
        continue;
      }
      text = memo.text;
    } else {
      text = reader.readFile(file);
      if (text === null) {
        skipped.push({ file, reason: 'unreadable' });
        continue;
      }
      const skip = contentSkipReason(text) ?? (mightContainLlmCalls(text) ? null : 'no SDK');
      fileMemo.set(key, { ...stat, skip, text: skip ? null : text });
      if (skip) {
        if (skip !== 'no SDK') skipped.push({ file, reason: skip });
        continue;
      }
    }
    if (text === null) continue;
    const r = await detectCached(file, text, reader);
    if (r.skipped) skipped.push({ file, reason: r.skipped });
    detected.push(...r.calls);
  }
  const callSites = dropInvokedConstructors(detected).map((d) => buildCallSite(d, ws));
  sortCallSites(callSites);
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return { root, callSites, totals: computeTotals(callSites, ws.settings), skipped, settings: { file: ws.file, warnings: ws.warnings } };
}

/** One document (the editor's path: open, unsaved text), costed exactly as `scan` would cost it. */
export async function analyzeDocument(relPath: string, text: string, ws: SettingsRead, reader?: WorkspaceReader): Promise<{ callSites: CallSiteReport[]; skipped: string | null }> {
  const reason = contentSkipReason(text);
  if (reason) return { callSites: [], skipped: reason };
  if (!mightContainLlmCalls(text)) return { callSites: [], skipped: null };
  const r = await detectCached(relPath, text, reader);
  return { callSites: sortCallSites(r.calls.map((d) => buildCallSite(d, ws))), skipped: r.skipped ?? null };
}

/**
 * Detection results of this process, per file. An entry is reused only when the file's text AND the text of every
 * other workspace file detection read for it (imported constants, prompt files) are unchanged, so a re-scan after
 * a save re-parses only what changed. Detection does not depend on settings; costing is always redone.
 */
/** Per absolute path: what the last scan saw, keyed by size + mtime (the heuristic git uses). */
const fileMemo = new Map<string, { size: number; mtimeMs: number; skip: string | null; text: string | null }>();

interface CacheEntry { text: string; deps: Map<string, string | null>; result: DetectResult }
const detectCache = new Map<string, CacheEntry>();
const DETECT_CACHE_LIMIT = 5_000;

async function detectCached(relPath: string, text: string, reader?: WorkspaceReader): Promise<DetectResult> {
  const hit = detectCache.get(relPath);
  if (hit && hit.text === text && (!reader || [...hit.deps].every(([dep, seen]) => reader.readFile(dep) === seen))) return hit.result;
  const deps = new Map<string, string | null>();
  const recording: WorkspaceReader | undefined = reader && {
    readFile(rel) {
      const t = reader.readFile(rel);
      deps.set(rel, t);
      return t;
    },
    exists(rel) {
      const e = reader.exists(rel);
      if (!deps.has(rel)) deps.set(rel, reader.readFile(rel));
      return e;
    },
  };
  const result = await detectCalls(relPath, text, recording);
  if (detectCache.size >= DETECT_CACHE_LIMIT) detectCache.delete(detectCache.keys().next().value!);
  detectCache.set(relPath, { text, deps, result });
  return result;
}

export function clearDetectionCache(): void {
  detectCache.clear();
  fileMemo.clear();
}
