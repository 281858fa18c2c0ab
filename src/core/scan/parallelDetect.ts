// The detections of one scan pass: files are held until enough need detecting to pay for worker threads
// (POOL_MIN_FILES), then all go to a DetectPool; a smaller scan detects them in this thread, one after another, as
// before. Either way each result goes into the engine's detection cache, where later scans and the editor find it.
import { detectWithoutParsing, type Undecided, type WorkspaceReader } from '../detect';
import type { EngineContext } from '../engine/context';
import { detectRecording } from '../engine/detections';
import { DetectPool, type Detected, type Outcome } from './detectPool';
import { detected, type FileAnalysis } from './detectCache';
import { skipReason } from './fileGuard';
import { sourceAccess } from './reader';

export interface ParallelOptions {
  /** worker threads; default one per available core besides this thread's (detectPool.ts defaultWorkerCount) */
  workers?: number;
  /** the worker entry (detectPool.ts defaultWorkerScript) */
  script?: string;
  /** files to detect before a pool starts, and files to analyse before the scan even counts them; default POOL_MIN_FILES */
  minFiles?: number;
}

/** Below this many files to detect, starting workers (each loads the parser and grammars) costs more than it saves. */
export const POOL_MIN_FILES = 24;

/**
 * A first walk that has listed this many files starts the workers before it ends: at the 2–4 % of files an
 * application repository has that mention an SDK, that is POOL_MIN_FILES files to detect or more.
 */
export const POOL_EAGER_FILES = 600;

interface Held {
  file: string;
  text: string;
  undecided: Undecided | undefined;
  resolve(a: FileAnalysis): void;
}

/**
 * detectWithoutParsing's verdict; when undecided, what its checks found goes with the file, so the detection that
 * follows skips those checks and reuses their needle matches (DetectOptions.undecided). A throw is neither: the full
 * detection then runs them again and reports the error as the file's skip.
 */
function decideWithoutParsing(file: string, text: string): ReturnType<typeof detectWithoutParsing> | null {
  try {
    return detectWithoutParsing(file, text);
  } catch {
    return null;
  }
}

export class DetectionRun {
  private pool: DetectPool | null = null;
  private held: Held[] = [];
  private closed = false;

  /** `parallel` false, or a reader the workers cannot rebuild (not from reader.ts): always in this thread. */
  constructor(private readonly engine: EngineContext, private readonly reader: WorkspaceReader, private readonly parallel: ParallelOptions | false = {}) {}

  /** The file's detection, from the cache, in this thread or in a worker. Never rejects. */
  detect(file: string, text: string): Promise<FileAnalysis> {
    const hit = this.engine.detections.cached(file, text, this.reader);
    if (hit) return Promise.resolve(detected(hit.result, hit.deps));
    // Files decided without a parse (SDK names only in comments, minified, a prompt file…) never wait for a worker:
    // on the bench tree a third of the files the prefilter lets through, ~60 ms of a cold worker's time.
    const decided = decideWithoutParsing(file, text);
    if (decided && 'done' in decided) return Promise.resolve(this.analysis({ result: decided.done, deps: new Map() }, file, text));
    const undecided = decided?.undecided;
    if (this.pool) return this.viaPool(file, text, undecided);
    return new Promise((resolve) => {
      this.held.push({ file, text, undecided, resolve });
      if (this.parallel !== false && this.held.length >= (this.parallel.minFiles ?? POOL_MIN_FILES)) this.start();
    });
  }

  /**
   * Starts the workers now, e.g. during a walk so large that enough files to detect are expected: each worker loads
   * its bundle and the `preload` grammars while this thread walks and reads, instead of after the minFiles-th file
   * to detect. Held files go to them.
   */
  start(preload: readonly string[] = []): void {
    const access = sourceAccess(this.reader);
    if (this.pool || this.parallel === false || !access) return;
    this.pool = new DetectPool({ root: access.root, confined: access.confined, workers: this.parallel.workers, script: this.parallel.script, preload, fallback: (f, t, u) => this.inThread(f, t, u) });
    for (const h of this.held.splice(0)) void this.viaPool(h.file, h.text, h.undecided).then(h.resolve);
  }

  /** No more files: the held ones (too few for a pool) are detected here, in order. */
  async flush(): Promise<void> {
    for (let h = this.held.shift(); h && !this.closed; h = this.held.shift()) {
      const o: Outcome = await this.inThread(h.file, h.text, h.undecided).catch((e: unknown) => ({ skip: skipReason(e) }));
      h.resolve(this.analysis(o, h.file, h.text));
    }
  }

  /** Stops the workers (after the last result, or on cancellation). */
  async close(): Promise<void> {
    this.closed = true;
    await this.pool?.close();
  }

  /** Files a worker thread detected (0: all in this thread). */
  get inWorkers(): number {
    return this.pool?.answered ?? 0;
  }

  private async viaPool(file: string, text: string, undecided: Undecided | undefined): Promise<FileAnalysis> {
    return this.analysis(await this.pool!.run(file, text, undecided), file, text);
  }

  /** Detection in this thread, not yet stored (the pool's fallback shares it): what DetectionCache.detect does. */
  private inThread(file: string, text: string, undecided: Undecided | undefined): Promise<Detected> {
    return detectRecording(file, text, this.reader, { undecided });
  }

  /** A detection into the engine's cache, and as the file's contribution; a skip as the file's skip. */
  private analysis(o: Outcome, file: string, text: string): FileAnalysis {
    if ('skip' in o) return { skip: o.skip, calls: [], deps: [] };
    this.engine.detections.store(file, text, o.deps, o.result);
    return detected(o.result, o.deps);
  }
}
