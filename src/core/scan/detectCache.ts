// Per-file analysis of a workspace file (read → content checks → prefilter → detect) through the engine context's
// detection cache (src/core/engine/detections.ts): a size+mtime memo of what each file was, and the detection
// results keyed by the file's text and the text of every workspace file its detection read. Shared by `scan`, the
// editor's workspace index and the per-document analyses, so a file detected once is not parsed again by another view.
import { join } from 'node:path';
import { mightContainLlmCalls, type DetectedCall, type WorkspaceReader } from '../detect';
import type { EngineContext } from '../engine/context';
import { contentSkipReason } from './walk';

/** What one file contributes to a scan. */
export interface FileAnalysis {
  /** reported in `skipped` (never the silent "mentions no SDK") */
  skip: string | null;
  calls: DetectedCall[];
  /** other workspace files (posix, relative to the root) whose text the detection read or probed */
  deps: string[];
}

/**
 * A walked file (its stat from the walk): unchanged since the engine last analysed it → no read, no prefilter.
 * `changed`: the caller knows the file was written (a watcher event), so the memo is not trusted — two writes
 * within the file system's timestamp granularity can leave size and mtime equal.
 */
export async function analyzeFile(engine: EngineContext, root: string, file: string, stat: { size: number; mtimeMs: number }, reader: WorkspaceReader, changed = false): Promise<FileAnalysis> {
  const key = join(root, file);
  const memo = engine.detections.file(key, stat, changed);
  let text: string | null;
  if (memo) {
    if (memo.skip) return { skip: memo.skip === 'no SDK' ? null : memo.skip, calls: [], deps: [] };
    text = memo.text;
  } else {
    text = reader.readFile(file);
    if (text === null) return { skip: 'unreadable', calls: [], deps: [] };
    const skip = contentSkipReason(text, file) ?? (mightContainLlmCalls(text, file) ? null : 'no SDK');
    engine.detections.rememberFile(key, { ...stat, skip, text: skip ? null : text });
    if (skip) return { skip: skip === 'no SDK' ? null : skip, calls: [], deps: [] };
  }
  if (text === null) return { skip: null, calls: [], deps: [] };
  const { result, deps } = await engine.detections.detect(file, text, reader);
  return { skip: result.skipped ?? null, calls: result.calls, deps: [...deps.keys()] };
}
