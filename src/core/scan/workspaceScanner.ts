// The scan of one workspace root, kept between changes: per-file detections, the walk's file list and skips, and
// each file's dependencies (the workspace files its detection read). After files are created, changed or deleted,
// `update()` detects again only those files and the files whose detection read them; a settings change re-costs
// without detecting. `scanWorkspace` (the CLI) is a fresh scanner's first `scan()`, so both give the same result.
import type { PriceCatalog } from '../catalog/prices-resolve';
import { join, resolve } from 'node:path';
import { dropInvokedConstructors, dropPromptFilesUsedByCode, grammarForPath, languageForPath, type DetectedCall, type WorkspaceReader } from '../detect';
import { unpricedDeploymentReason } from '../detect/workspace';
import { readWorkspaceSettings, type WorkspaceSettings } from './folderSettings';
import { buildCallSite, type CallSiteContext, type CallSiteReport } from './callSite';
import { mostUsedModel } from './assumedModel';
import { computeTotals, type Totals } from './totals';
import { MAX_FILE_BYTES, walkWorkspace, type WalkResult } from './walk';
import { detected, prepareFile, type FileAnalysis } from './detectCache';
import { DetectionRun, POOL_EAGER_FILES, POOL_MIN_FILES, type ParallelOptions } from './parallelDetect';
import { guardFile, skipReason } from './fileGuard';
import { createEngineContext, type EngineContext } from '../engine/context';
import { own } from '../settings';
import type { UsageReport } from './measured';
import { statOrNull, workspaceReader } from './reader';

export { workspaceReader } from './reader';

export interface ScanResult {
  root: string;
  callSites: CallSiteReport[];
  totals: Totals;
  skipped: { file: string; reason: string }[];
  settings: { file: string | null; warnings: string[] };
  /** present when usage files calibrate the scan (src/core/usage) */
  usage?: UsageReport;
}

export function sortCallSites(sites: CallSiteReport[]): CallSiteReport[] {
  return sites.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : (a.cell ?? -1) - (b.cell ?? -1) || a.line - b.line || a.column - b.column));
}

export interface ScanProgress {
  /** after each analysed file: how many of the files to analyse are done */
  onProgress?(done: number, total: number): void;
  /** checked between files; when true the scan stops with ScanCancelled */
  isCancelled?(): boolean;
  /** give the event loop a turn (setImmediate) after this many ms of uninterrupted work; default: never */
  yieldEveryMs?: number;
}

export class ScanCancelled extends Error {
  constructor() {
    super('scan cancelled');
  }
}

export interface ScannerOptions {
  /** the engine context that owns the price catalog and the caches; default a new one of its own (no shared state) */
  engine?: EngineContext;
  /** how other workspace files are read (restricted mode confines it to the root); default workspaceReader */
  reader?(root: string): WorkspaceReader;
  /** the folder settings; default readWorkspaceSettings (what the CLI reads) */
  settings?(root: string): WorkspaceSettings;
  /** measured usage applied to the costed call sites (src/core/usage); null = nothing to apply */
  calibrate?(callSites: CallSiteReport[], settings: WorkspaceSettings, catalog: PriceCatalog): { callSites: CallSiteReport[]; usage: UsageReport } | null;
  /** Detection in worker threads when a scan pass has many files to detect (parallelDetect.ts); false: never. */
  parallel?: ParallelOptions | false;
}

interface FileEntry {
  size: number;
  mtimeMs: number;
  skip: string | null;
  calls: DetectedCall[];
  deps: string[];
}

export interface UpdateSummary {
  /** files detected again (changed, created, or reading a changed file) */
  analysed: number;
  /** whether the walk ran again (a file appeared or vanished, a .gitignore or files.exclude changed) */
  walked: boolean;
  /** of the files detected, how many a worker thread detected (parallelDetect.ts) */
  inWorkers?: number;
}

/** Not re-entrant: the caller runs one scan()/update()/reloadSettings() at a time. */
export class WorkspaceScanner {
  readonly root: string;
  private ws: WorkspaceSettings;
  /** the walk's files, in walk order (result() lists skips and call sites in that order before sorting) */
  private files: string[] = [];
  private walkSkipped: WalkResult['skipped'] = [];
  private walkWarnings: string[] = [];
  private readonly entries = new Map<string, FileEntry>();
  private scanned = false;
  private cached: ScanResult | null = null;
  /** The price catalog and rank generation `cached` was costed with: Update Prices (or downloaded prices loaded after start-up) re-costs. */
  private cachedWith: readonly unknown[] = [];
  readonly engine: EngineContext;
  private ctx: { ws: WorkspaceSettings; value: CallSiteContext } | null = null;

  constructor(dir: string, private readonly options: ScannerOptions = {}) {
    this.root = resolve(dir);
    this.engine = options.engine ?? createEngineContext();
    this.ws = this.readSettings();
  }

  /** Whether a first scan() has completed. */
  get ready(): boolean {
    return this.scanned;
  }

  /** Walks the whole root and analyses every file not analysed yet with its current size and mtime. */
  async scan(progress: ScanProgress = {}): Promise<UpdateSummary> {
    this.ws = this.readSettings();
    this.cached = null;
    const pass = await this.rewalk(new Set(), progress);
    this.scanned = true;
    return { ...pass, walked: true };
  }

  /**
   * Files (posix, relative to the root) that were created, changed or deleted on disk. A content change of an
   * indexed file re-detects that file and its dependents only; anything that can change what the walk lists
   * (a new or deleted source file or folder, a .gitignore, a pyvenv.cfg, a file crossing the size limit) walks
   * again — a metadata-only pass — and then detects only the files that are new or whose size/mtime changed.
   */
  async update(paths: Iterable<string>, progress: ScanProgress = {}): Promise<UpdateSummary> {
    if (!this.scanned) return this.scan(progress);
    const changed = new Set(paths);
    if (changed.has('.vscode/settings.json') && this.reloadSettings()) return { ...(await this.rewalk(changed, progress)), walked: true };
    if ([...changed].some((p) => this.affectsWalk(p))) return { ...(await this.rewalk(changed, progress)), walked: true };
    const todo = new Set<string>();
    for (const p of changed) if (this.entries.has(p)) todo.add(p);
    for (const d of this.dependentsOf(changed)) todo.add(d);
    if (todo.size) this.cached = null;
    const reader = this.reader();
    const budget = slicer(progress);
    let done = 0;
    for (const file of todo) {
      const st = statOrNull(join(this.root, file));
      if (!st) return { ...(await this.rewalk(changed, progress)), walked: true }; // deleted meanwhile
      await this.analyse(file, { size: st.size, mtimeMs: st.mtimeMs }, reader, changed.has(file));
      progress.onProgress?.(++done, todo.size);
      if (budget) await budget();
    }
    return { analysed: todo.size, walked: false };
  }

  /**
   * Re-reads the folder settings. Costs are recomputed on the next result(); returns true when files.exclude
   * changed, in which case the caller must update() or scan() for the file list to follow.
   */
  reloadSettings(): boolean {
    const next = this.readSettings();
    if (fingerprint(next) === fingerprint(this.ws)) return false; // unchanged: keep the costs already computed
    const excludeChanged = JSON.stringify(next.filesExclude) !== JSON.stringify(this.ws.filesExclude);
    this.ws = next;
    this.cached = null;
    return excludeChanged;
  }

  /** The scan as `llm-cost-lens scan` reports it for the same tree and settings. */
  result(): ScanResult {
    const costedWith = [this.engine.catalog, this.engine.tokenizerGeneration];
    if (this.cached && costedWith.every((x, i) => x === this.cachedWith[i])) return this.cached;
    const skipped = [...this.walkSkipped];
    const callSites: CallSiteReport[] = [];
    // Workspace-wide decisions: a LangChain constructor invoked from another file, and a prompt file that code
    // already sends, are not call sites of their own.
    const kept = new Set(dropPromptFilesUsedByCode(dropInvokedConstructors(this.files.flatMap((f) => this.entries.get(f)!.calls))));
    const ctx = this.context(kept);
    for (const file of this.files) {
      const e = this.entries.get(file)!;
      // buildCallSite reuses a call's report while the settings and the price catalog are unchanged.
      const costed = e.skip ? { skip: e.skip } : guardFile(() => e.calls.filter((d) => kept.has(d)).map((d) => ({ d, site: buildCallSite(this.engine, d, ctx) })));
      if ('skip' in costed) skipped.push({ file, reason: costed.skip });
      else {
        for (const { d, site } of costed.value) {
          // a constructor nothing invokes whose model is an unpriced Azure deployment name (detect/workspace.ts)
          const why = site.cost?.verdict === 'unpriced' ? unpricedDeploymentReason(d) : null;
          if (why) skipped.push({ file, reason: why });
          else callSites.push(site);
        }
      }
    }
    sortCallSites(callSites);
    skipped.sort((a, b) => a.file.localeCompare(b.file));
    const ws = this.ws;
    const calibrate = this.options.calibrate;
    const calibrated = calibrate ? calibrate(callSites, ws, this.engine.catalog) : null;
    const sites = calibrated?.callSites ?? callSites;
    this.cached = { root: this.root, callSites: sites, totals: computeTotals(this.engine, sites, ws.settings), skipped, settings: { file: ws.file, warnings: [...ws.warnings, ...this.walkWarnings] }, ...(calibrated ? { usage: calibrated.usage } : {}) };
    this.cachedWith = costedWith;
    return this.cached;
  }

  /** The measured usage changed (files read again): the next result() applies it. */
  recalibrate(): void {
    this.cached = null;
  }

  /** The costing context: the folder settings plus the workspace's most used model (what unresolved calls assume). */
  private context(calls: Iterable<DetectedCall>): CallSiteContext {
    const sites = this.ws.settings.callSites;
    const models = [...calls].map((d) => own(sites, `${d.file}#${d.qualifiedName}`)?.model ?? d.model);
    const workspaceModel = mostUsedModel(this.engine.catalog, models);
    if (this.ctx?.ws !== this.ws || this.ctx.value.workspaceModel !== workspaceModel) this.ctx = { ws: this.ws, value: { ...this.ws, workspaceModel } };
    return this.ctx.value;
  }

  /** The workspace's most used priced model (null before the first scan, or when no call names a priced model). */
  get workspaceModel(): string | null {
    return this.ctx?.value.workspaceModel ?? null;
  }

  /** The settings the current result is costed with. */
  get settings(): WorkspaceSettings {
    return this.ws;
  }

  /** Indexed files whose detection read one of `paths`. */
  dependentsOf(paths: ReadonlySet<string>): string[] {
    const out: string[] = [];
    for (const [file, e] of this.entries) if (e.deps.some((d) => paths.has(d))) out.push(file);
    return out;
  }

  /** Whether a change at `path` is one the scan cares about at all (indexed, read by detection, or walk-relevant). */
  isRelevant(path: string): boolean {
    return this.entries.has(path) || path === '.vscode/settings.json' || this.affectsWalk(path) || [...this.entries.values()].some((e) => e.deps.includes(path));
  }

  private affectsWalk(path: string): boolean {
    const st = statOrNull(join(this.root, path));
    if (this.entries.has(path)) return !st || !st.isFile() || st.size > MAX_FILE_BYTES;
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (base === '.gitignore' || base === 'pyvenv.cfg' || languageForPath(path) !== null) return true;
    if (st) return st.isDirectory();
    // A deleted folder is reported once, as the folder.
    const prefix = `${path}/`;
    return this.files.some((f) => f.startsWith(prefix)) || this.walkSkipped.some((s) => s.file.startsWith(prefix));
  }

  private async rewalk(changed: ReadonlySet<string>, progress: ScanProgress): Promise<{ analysed: number; inWorkers?: number }> {
    this.cached = null;
    const reader = this.reader();
    const parallel = this.options.parallel ?? {};
    let run = null as DetectionRun | null;
    // A first walk that lists many files starts the workers while it goes on, with the grammars seen so far.
    const grammars = new Set<string>();
    const early = parallel === false || this.entries.size > 0 ? undefined : (file: string, count: number) => {
      if (count > POOL_EAGER_FILES) return; // started: the grammars seen are no longer needed
      const grammar = grammarForPath(file);
      if (grammar) grammars.add(grammar);
      if (count !== POOL_EAGER_FILES) return;
      run = new DetectionRun(this.engine, reader, parallel);
      run.start([...grammars]);
    };
    const walk = walkWorkspace(this.root, this.ws.filesExclude, early);
    const dependents = new Set(this.dependentsOf(changed));
    const todo = walk.files.filter((f) => {
      const e = this.entries.get(f);
      const st = walk.stats.get(f)!;
      return !e || e.size !== st.size || e.mtimeMs !== st.mtimeMs || changed.has(f) || dependents.has(f);
    });
    const budget = slicer(progress);
    let done = 0;
    progress.onProgress?.(0, todo.length);
    if (!run && parallel !== false && todo.length >= (parallel.minFiles ?? POOL_MIN_FILES)) run = new DetectionRun(this.engine, reader, parallel);
    if (!run) {
      // Too few files for worker threads: each file read and detected in turn.
      for (const file of todo) {
        if (progress.isCancelled?.()) throw new ScanCancelled();
        await this.analyse(file, walk.stats.get(file)!, reader, changed.has(file));
        progress.onProgress?.(++done, todo.length);
        if (budget) await budget();
      }
    } else {
      // Every file is read and prefiltered first; detections run meanwhile (worker threads) or after (this thread).
      const pending: Promise<void>[] = [];
      try {
        for (const file of todo) {
          if (progress.isCancelled?.()) throw new ScanCancelled();
          pending.push(this.analyse(file, walk.stats.get(file)!, reader, changed.has(file), run).then(() => progress.onProgress?.(++done, todo.length)));
          if (budget) await budget();
        }
        const flushed = run.flush();
        for (const p of pending) {
          if (progress.isCancelled?.()) throw new ScanCancelled();
          await p;
          if (budget) await budget();
        }
        await flushed;
      } finally {
        // Not awaited: a worker's exit (its wasm memory and isolate freed) takes 50-80 ms that no result waits for.
        void run.close();
      }
    }
    const listed = new Set(walk.files);
    for (const f of [...this.entries.keys()]) if (!listed.has(f)) this.entries.delete(f);
    this.files = walk.files;
    this.walkSkipped = walk.skipped;
    this.walkWarnings = walk.warnings;
    return { analysed: todo.length, ...(run?.inWorkers ? { inWorkers: run.inWorkers } : {}) };
  }

  /**
   * One file, inside one guard: whatever goes wrong while reading, detecting or costing it (a stack overflow on a
   * pathological file, an exhausted budget, a file deleted meanwhile) puts that file under `skipped` with a one-line
   * reason, and the scan goes on.
   */
  private async analyse(file: string, stat: { size: number; mtimeMs: number }, reader: WorkspaceReader, changed: boolean, run?: DetectionRun): Promise<void> {
    let a: FileAnalysis;
    try {
      // Read and prefiltered now (synchronously: the caller's loop goes on to the next file); detected when `run` says.
      const prepared = prepareFile(this.engine, this.root, file, stat, reader, changed);
      if ('done' in prepared) a = prepared.done;
      else if (run) a = await run.detect(file, prepared.text);
      else {
        const { result, deps } = await this.engine.detections.detect(file, prepared.text, reader);
        a = detected(result, deps);
      }
    } catch (e) {
      a = { skip: skipReason(e), calls: [], deps: [] };
    }
    // Costed here as well as in result(): the tokenizer work happens within the scan's time slices, and result()
    // then gets the memoized reports.
    const costed = guardFile(() => a.calls.map((d) => buildCallSite(this.engine, d, this.ctx?.ws === this.ws ? this.ctx.value : this.ws)));
    if ('skip' in costed) a = { skip: costed.skip, calls: [], deps: a.deps };
    this.entries.set(file, { ...stat, ...a });
  }

  private reader(): WorkspaceReader {
    return this.options.reader?.(this.root) ?? workspaceReader(this.root);
  }

  private readSettings(): WorkspaceSettings {
    return this.options.settings?.(this.root) ?? readWorkspaceSettings(this.root);
  }
}

function fingerprint(ws: WorkspaceSettings): string {
  return JSON.stringify([ws.settings, [...ws.explicit].sort(), ws.warnings, ws.file, ws.filesExclude]);
}


/**
 * Returns an awaitable that yields to the event loop once `yieldEveryMs` of work has passed since the last yield;
 * null when the caller never yields (the CLI), so the loops do not await a no-op once or twice per file.
 */
function slicer(progress: ScanProgress): (() => Promise<void>) | null {
  const every = progress.yieldEveryMs;
  if (every === undefined) return null;
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < every) return;
    await new Promise<void>((r) => setImmediate(r));
    sliceStart = performance.now();
  };
}
