// Detection of a cold scan's files in worker threads (node:worker_threads): each worker loads the parser and the
// detectors once and detects the files the scan hands it, reading other workspace files (imported constants,
// prompt files) with the same reader the scan would use, rebuilt in the worker from its description (reader.ts).
// The scan stores every result under its own file, so the order results arrive in changes nothing it reports.
// Nothing here can fail a scan: a worker that cannot start or dies hands its files to `fallback` (detection in
// the scan's own thread), and a file whose detection throws is a skip with its reason, as in-process.
import { existsSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import { Worker, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadGrammar, type DetectResult, type Undecided } from '../detect';
import { detectRecording } from '../engine/detections';
import { confinedReader } from './confinedReader';
import { skipReason } from './fileGuard';
import { workspaceReader } from './reader';

/** One file's detection and the other files it read (their text, null when missing): a detection cache entry. */
export interface Detected {
  result: DetectResult;
  deps: Map<string, string | null>;
}

export type Outcome = Detected | { skip: string };

/** What a worker needs to rebuild the scan's reader. */
export interface WorkerSetup {
  root: string;
  confined: boolean;
  /** grammars to load before the first file arrives (their wasm compiles off the worker's thread) */
  preload?: readonly string[];
}

/** `undecided`: what detectWithoutParsing found in this text in the scan's thread (DetectOptions.undecided). */
interface JobMessage { id: number; relPath: string; text: string; undecided: Undecided | undefined }
type ReplyMessage = { id: number; result: DetectResult; deps: [string, string | null][] } | { id: number; skip: string };

export interface PoolOptions extends WorkerSetup {
  /** worker threads; default defaultWorkerCount() */
  workers?: number;
  /** the worker entry; default scanWorker.js beside this bundle (dist/), else scanWorker.ts beside this file (tsx) */
  script?: string;
  /** detection in the calling thread: files of a worker that died, or every file when no worker could start */
  fallback(relPath: string, text: string, undecided: Undecided | undefined): Promise<Detected>;
}

const MAX_WORKERS = 4;
const CLOSED = 'scan stopped before this file was detected';
/**
 * Files handed to one worker ahead of its replies. The scan's thread reads and prefilters every file before it
 * takes a reply (the CLI never yields in that loop), then costs each result: a worker holding only the next file
 * or two sat idle through both (on the bench tree it waited ~250 ms for its third file). Enough for that, few
 * enough that several workers share a scan's files evenly.
 */
const IN_FLIGHT = 32;

interface Job {
  id: number;
  relPath: string;
  text: string;
  undecided: Undecided | undefined;
  resolve(o: Outcome): void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  dead: boolean;
}

/**
 * One worker per available core beside the scan's own thread, which stays busy reading, prefiltering and costing
 * what the workers send back (at most MAX_WORKERS, at least one). Each worker also pays a fixed start (its bundle,
 * the parser and grammars, its own JIT warm-up: ~0.3-0.5 s CPU): on 2 cores one worker measured ~1 s less CPU per
 * cold scan of the bench tree than two, for the same main-thread time.
 */
export function defaultWorkerCount(): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  return Math.max(1, Math.min(MAX_WORKERS, cores - 1));
}

/** The worker entry shipped beside this code: scanWorker.js in dist/, scanWorker.ts in the sources; null when absent. */
export function defaultWorkerScript(): string | null {
  const here = typeof __dirname === 'string' ? __dirname : null;
  if (here === null) return null;
  for (const name of ['scanWorker.js', 'scanWorker.ts']) if (existsSync(join(here, name))) return join(here, name);
  return null;
}

/**
 * A bundled worker (dist/scanWorker.js) runs as it is, without this process's flags. The source entry (tests, the
 * bench's in-process figures) is TypeScript: a worker does not inherit the `--import tsx` hooks, so it registers
 * tsx's require hook itself (resolved from the working directory, the repository in those runs).
 */
function startWorker(script: string, workerData: WorkerSetup): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, { workerData, execArgv: [] });
  return new Worker(`require('tsx/cjs');require(${JSON.stringify(script)});`, { eval: true, workerData, execArgv: [] });
}

export class DetectPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;
  /** files whose detection a worker sent back (the others went to the fallback) */
  answered = 0;

  constructor(private readonly options: PoolOptions) {
    const script = options.script ?? defaultWorkerScript();
    const count = options.workers ?? defaultWorkerCount();
    if (script === null) return;
    const setup: WorkerSetup = { root: options.root, confined: options.confined, ...(options.preload?.length ? { preload: options.preload } : {}) };
    for (let i = 0; i < count; i++) {
      let worker: Worker;
      try {
        worker = startWorker(script, setup);
      } catch {
        continue;
      }
      const slot: Slot = { worker, jobs: new Map(), dead: false };
      worker.on('message', (m: ReplyMessage) => this.reply(slot, m));
      worker.on('error', () => this.lose(slot));
      worker.on('exit', () => this.lose(slot));
      this.slots.push(slot);
    }
  }

  /** Workers alive (0: every file is detected by `fallback`). */
  get workers(): number {
    return this.slots.filter((s) => !s.dead).length;
  }

  /** One file's detection; never rejects (a throw is `{ skip }` with its one-line reason). */
  run(relPath: string, text: string, undecided?: Undecided): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, relPath, text, undecided, resolve });
      this.dispatch();
    });
  }

  /** Stops the workers; a file still queued or in flight is answered with a skip (its scan is over or cancelled). */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve({ skip: CLOSED });
    await Promise.all(this.slots.map((s) => s.worker.terminate().catch(() => 0)));
  }

  private dispatch(): void {
    while (this.queue.length) {
      const live = this.slots.filter((s) => !s.dead && s.jobs.size < IN_FLIGHT);
      if (live.length === 0) break;
      const slot = live.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const job = this.queue.shift()!;
      slot.jobs.set(job.id, job);
      slot.worker.postMessage({ id: job.id, relPath: job.relPath, text: job.text, undecided: job.undecided } satisfies JobMessage);
    }
    if (this.workers === 0) for (const job of this.queue.splice(0)) this.fallback(job);
  }

  private reply(slot: Slot, m: ReplyMessage): void {
    const job = slot.jobs.get(m.id);
    if (!job) return;
    slot.jobs.delete(m.id);
    this.answered++;
    job.resolve('skip' in m ? { skip: m.skip } : { result: m.result, deps: new Map(m.deps) });
    this.dispatch();
  }

  /** A worker that failed to start, threw outside a job, or exited: its files go to the fallback. */
  private lose(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    for (const job of slot.jobs.values()) {
      if (this.closed) job.resolve({ skip: CLOSED });
      else this.fallback(job);
    }
    slot.jobs.clear();
    if (!this.closed) this.dispatch();
  }

  private fallback(job: Job): void {
    this.options.fallback(job.relPath, job.text, job.undecided).then(job.resolve, (e: unknown) => job.resolve({ skip: skipReason(e) }));
  }
}

/**
 * The worker side: answers each file's message with its detection, one file at a time. `beforeJob` is a test seam
 * (a worker that throws or exits on a given file).
 */
export function serveDetection(port: MessagePort | null = parentPort, setup = workerData as WorkerSetup, beforeJob?: (relPath: string) => void): void {
  if (!port) throw new Error('serveDetection: not in a worker thread');
  const base = workspaceReader(setup.root);
  const reader = setup.confined ? confinedReader(setup.root, base) : base;
  for (const grammar of setup.preload ?? []) loadGrammar(grammar).catch(() => undefined); // a failure shows on the file that needs it
  let chain = Promise.resolve();
  port.on('message', (job: JobMessage) => {
    chain = chain.then(async () => {
      beforeJob?.(job.relPath);
      let reply: ReplyMessage;
      try {
        const { result, deps } = await detectRecording(job.relPath, job.text, reader, { undecided: job.undecided });
        reply = { id: job.id, result, deps: [...deps] };
      } catch (e) {
        reply = { id: job.id, skip: skipReason(e) };
      }
      port.postMessage(reply);
    });
  });
}
