// Per-file analysis of a workspace file (read → content checks → prefilter → detect) through the engine context's
// detection cache (src/core/engine/detections.ts): a size+mtime memo of what each file was, and the detection
// results keyed by the file's text and the text of every workspace file its detection read. Shared by `scan`, the
// editor's workspace index and the per-document analyses, so a file detected once is not parsed again by another view.
import { join } from 'node:path';
import { mightContainLlmCalls, type DetectedCall, type WorkspaceReader } from '../detect';
import type { EngineContext } from '../engine/context';
import { classifyBytes } from './bytePrefilter';
import { sourceAccess } from './reader';
import { contentSkipReason } from './walk';

/** What one file contributes to a scan. */
export interface FileAnalysis {
  /** reported in `skipped` (never the silent "mentions no SDK") */
  skip: string | null;
  calls: DetectedCall[];
  deps: string[];
}

/** A file read and prefiltered: done (skipped, or mentions no SDK), or its text to detect. */
export type PreparedFile = { done: FileAnalysis } | { text: string };

const NOTHING: FileAnalysis = { skip: null, calls: [], deps: [] };

/**
 * A walked file (its stat from the walk): unchanged since the engine last analysed it → no read, no prefilter.
 * `changed`: the caller knows the file was written (a watcher event), so the memo is not trusted — two writes
 * within the file system's timestamp granularity can leave size and mtime equal. A reader made by
 * workspaceReader / confinedReader reads the file as bytes and decodes only a file that passes (bytePrefilter.ts).
 */
export function prepareFile(engine: EngineContext, root: string, file: string, stat: { size: number; mtimeMs: number }, reader: WorkspaceReader, changed = false): PreparedFile {
  const key = join(root, file);
  const memo = engine.detections.file(key, stat, changed);
  if (memo) {
    if (memo.skip) return { done: { skip: memo.skip === 'no SDK' ? null : memo.skip, calls: [], deps: [] } };
    return memo.text === null ? { done: NOTHING } : { text: memo.text };
  }
  let skip: string | null;
  let text: string | null;
  const access = sourceAccess(reader);
  if (access) {
    const bytes = access.readBytes(file, stat.size);
    if (bytes === null) return { done: { skip: 'unreadable', calls: [], deps: [] } };
    ({ skip, text } = classifyBytes(bytes, file));
    if (text !== null) access.remember(file, text);
  } else {
    text = reader.readFile(file);
    if (text === null) return { done: { skip: 'unreadable', calls: [], deps: [] } };
    skip = contentSkipReason(text, file) ?? (mightContainLlmCalls(text, file) ? null : 'no SDK');
  }
  engine.detections.rememberFile(key, { ...stat, skip, text: skip ? null : text });
  if (skip) return { done: { skip: skip === 'no SDK' ? null : skip, calls: [], deps: [] } };
  return { text: text! };
}

/** prepareFile, then detection in this thread (through the detection cache). */
export async function analyzeFile(engine: EngineContext, root: string, file: string, stat: { size: number; mtimeMs: number }, reader: WorkspaceReader, changed = false): Promise<FileAnalysis> {
  const prepared = prepareFile(engine, root, file, stat, reader, changed);
  if ('done' in prepared) return prepared.done;
  const { result, deps } = await engine.detections.detect(file, prepared.text, reader);
  return detected(result, deps);
}

/** A detection (this thread's or a worker's) as the file's contribution. */
export function detected(result: { calls: DetectedCall[]; skipped?: string }, deps: ReadonlyMap<string, string | null>): FileAnalysis {
  return { skip: result.skipped ?? null, calls: result.calls, deps: [...deps.keys()] };
}
