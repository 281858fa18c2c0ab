// Detection results and what each walked file was, owned by one engine context. Detection depends on the file's
// path and text and on the text of every other workspace file it read (imported constants, prompt files); it does
// not depend on settings or prices, so one entry serves every folder snapshot and catalog.
import { detectCalls, type DetectOptions, type DetectResult, type WorkspaceReader } from '../detect';

/** What a walked file was at a size + mtime (the heuristic git uses): its prefilter verdict and, when kept, its text. */
export interface FileMemoEntry { size: number; mtimeMs: number; skip: string | null; text: string | null }

export interface Entry { text: string; deps: Map<string, string | null>; result: DetectResult }

const DETECT_LIMIT = 5_000;

export class DetectionCache {
  private readonly files = new Map<string, FileMemoEntry>();
  private readonly entries = new Map<string, Entry>();
  readonly stats = { fileHits: 0, fileMisses: 0, hits: 0, misses: 0 };

  /** The memo of `absPath` when its size and mtime are the ones given; `changed` (a watcher saw a write) never trusts it. */
  file(absPath: string, stat: { size: number; mtimeMs: number }, changed: boolean): FileMemoEntry | undefined {
    const memo = this.files.get(absPath);
    if (!changed && memo && memo.size === stat.size && memo.mtimeMs === stat.mtimeMs) {
      this.stats.fileHits++;
      return memo;
    }
    this.stats.fileMisses++;
    return undefined;
  }

  rememberFile(absPath: string, entry: FileMemoEntry): void {
    this.files.set(absPath, entry);
  }

  /**
   * Detection of one file's text. An entry is reused only when the path, the text AND the text of every other
   * workspace file detection read for it are unchanged; without a reader, only an entry that read no other file.
   */
  async detect(relPath: string, text: string, reader?: WorkspaceReader): Promise<{ result: DetectResult; deps: ReadonlyMap<string, string | null> }> {
    const hit = this.cached(relPath, text, reader);
    if (hit) return hit;
    const { result, deps } = await detectRecording(relPath, text, reader);
    return this.store(relPath, text, deps, result);
  }

  /** The entry detect() would reuse, counted as a hit; undefined (not counted) when it would detect again. */
  cached(relPath: string, text: string, reader?: WorkspaceReader): Entry | undefined {
    const hit = this.entries.get(relPath);
    if (hit && hit.text === text && (reader ? [...hit.deps].every(([dep, seen]) => reader.readFile(dep) === seen) : hit.deps.size === 0)) {
      this.stats.hits++;
      return hit;
    }
    return undefined;
  }

  /** A detection made elsewhere (a scan's worker thread, with the reads it recorded in `deps`), counted as a miss. */
  store(relPath: string, text: string, deps: Map<string, string | null>, result: DetectResult): Entry {
    this.stats.misses++;
    if (this.entries.size >= DETECT_LIMIT) this.entries.delete(this.entries.keys().next().value!);
    const entry = { text, deps, result };
    this.entries.set(relPath, entry);
    return entry;
  }

  clear(): void {
    this.entries.clear();
    this.files.clear();
  }
}

/**
 * Detection of one file, not stored, with what it read through `reader`: each other file's text (null when missing,
 * also for exists()). What the cache stores as an entry's deps; a scan's worker threads detect the same way.
 */
export async function detectRecording(relPath: string, text: string, reader?: WorkspaceReader, options?: DetectOptions): Promise<{ result: DetectResult; deps: Map<string, string | null> }> {
  const { reader: recording, deps } = recordingReader(reader);
  return { result: await detectCalls(relPath, text, recording, options), deps };
}

function recordingReader(reader?: WorkspaceReader): { reader: WorkspaceReader | undefined; deps: Map<string, string | null> } {
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
  return { reader: recording, deps };
}
