// Per-file analysis of a workspace file (read → content checks → prefilter → detect), with the two process-wide
// caches that make a re-scan cheap: a size+mtime memo of what each file was, and the detection results keyed by
// the file's text and the text of every workspace file its detection read. Shared by `scan`, the editor's
// workspace index and the per-document analyses, so a file detected once is not parsed again by another view.
import { join } from 'node:path';
import { detectCalls, mightContainLlmCalls, type DetectedCall, type DetectResult, type WorkspaceReader } from '../detect';
import { contentSkipReason } from './walk';

/** What one file contributes to a scan. */
export interface FileAnalysis {
  /** reported in `skipped` (never the silent "mentions no SDK") */
  skip: string | null;
  calls: DetectedCall[];
  /** other workspace files (posix, relative to the root) whose text the detection read or probed */
  deps: string[];
}

/** Per absolute path: what the last analysis saw, keyed by size + mtime (the heuristic git uses). */
const fileMemo = new Map<string, { size: number; mtimeMs: number; skip: string | null; text: string | null }>();

interface CacheEntry { text: string; deps: Map<string, string | null>; result: DetectResult }
const detectCache = new Map<string, CacheEntry>();
const DETECT_CACHE_LIMIT = 5_000;

/**
 * A walked file (its stat from the walk): unchanged since the last analysis in this process → no read, no prefilter.
 * `changed`: the caller knows the file was written (a watcher event), so the memo is not trusted — two writes
 * within the file system's timestamp granularity can leave size and mtime equal.
 */
export async function analyzeFile(root: string, file: string, stat: { size: number; mtimeMs: number }, reader: WorkspaceReader, changed = false): Promise<FileAnalysis> {
  const key = join(root, file);
  const memo = fileMemo.get(key);
  let text: string | null;
  if (!changed && memo && memo.size === stat.size && memo.mtimeMs === stat.mtimeMs) {
    if (memo.skip) return { skip: memo.skip === 'no SDK' ? null : memo.skip, calls: [], deps: [] };
    text = memo.text;
  } else {
    text = reader.readFile(file);
    if (text === null) return { skip: 'unreadable', calls: [], deps: [] };
    const skip = contentSkipReason(text, file) ?? (mightContainLlmCalls(text, file) ? null : 'no SDK');
    fileMemo.set(key, { ...stat, skip, text: skip ? null : text });
    if (skip) return { skip: skip === 'no SDK' ? null : skip, calls: [], deps: [] };
  }
  if (text === null) return { skip: null, calls: [], deps: [] };
  const { result, deps } = await detectCached(file, text, reader);
  return { skip: result.skipped ?? null, calls: result.calls, deps: [...deps.keys()] };
}

/**
 * Detection of one file's text. An entry is reused only when the text AND the text of every other workspace file
 * detection read for it (imported constants, prompt files) are unchanged. Detection does not depend on settings;
 * costing is always redone by the caller.
 */
export async function detectCached(relPath: string, text: string, reader?: WorkspaceReader): Promise<{ result: DetectResult; deps: ReadonlyMap<string, string | null> }> {
  const hit = detectCache.get(relPath);
  if (hit && hit.text === text && (!reader || [...hit.deps].every(([dep, seen]) => reader.readFile(dep) === seen))) return hit;
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
  const entry = { text, deps, result };
  detectCache.set(relPath, entry);
  return entry;
}

export function clearDetectionCache(): void {
  detectCache.clear();
  fileMemo.clear();
}
