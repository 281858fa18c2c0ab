// The workspace index: one WorkspaceScanner for one workspace folder (the first unless told; folderIndexes.ts indexes the others), shared by the status bar and the cost
// panel (one scan for both, the same result as `llm-cost-lens scan` of the folder on disk).
//
// - The first scan runs after activate() has returned, in slices (the extension host yields every ~20 ms so
//   CodeLens and hover requests are served meanwhile), with a cancellable progress notification the first time a
//   workspace is indexed (shown only when the scan is still running after a second) and a status-bar spinner after.
// - Afterwards a file system watcher feeds changes in: only the changed files and the files whose detection read
//   them are detected again; new or deleted files, .gitignore and files.exclude changes walk again (metadata only).
// - The index reflects the files as SAVED on disk, like the CLI: the panel and status bar show what `scan` shows
//   and what CI would report. Unsaved edits show in the lenses and hovers of the open document (DocumentAnalyses).
import * as vscode from 'vscode';
import { preloadEncoder } from '../core/tokens';
import { posix } from 'node:path';
import { ScanCancelled, WorkspaceScanner, type ScanResult } from '../core/scan/workspaceScanner';
import type { EngineContext } from '../core/engine/context';
import type { WorkspaceSettings } from '../core/scan/folderSettings';
import { readerFor, readFolderScanSettings, type FolderSettings } from './analysis';
import { UsageSet, usageFilesFromSettings } from '../core/usage';
import { extensionLog } from './log';

export type IndexState =
  | { kind: 'no-folder'; reason: string | null }
  | { kind: 'scanning'; done: number; total: number }
  | { kind: 'ready'; result: ScanResult; settings: WorkspaceSettings }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: string };

const UPDATE_DEBOUNCE_MS = 300;
const YIELD_EVERY_MS = 20;
const NOTIFICATION_DELAY_MS = 1_000;
const INDEXED_ONCE_KEY = 'llmCostLens.workspaceIndexedOnce';
/** Folders the walk never enters: their churn (npm install, git) is not worth a walk. */
const NEVER_WALKED = /(^|\/)(node_modules|\.git)(\/|$)/;

export class WorkspaceIndex implements vscode.Disposable {
  private scanner: WorkspaceScanner | null = null;
  private folder: vscode.WorkspaceFolder | undefined;
  private stateValue: IndexState = { kind: 'no-folder', reason: null };
  private readonly changed = new vscode.EventEmitter<IndexState>();
  /** Fires when the state or the result changes (scan progress is not an event: see the progress UI). */
  readonly onDidChange = this.changed.event;
  /** Operations run one after another: the first scan, then batches of changes. */
  private queue: Promise<void> = Promise.resolve();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watcher: vscode.Disposable | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** llmCostLens.usageFiles, read before each scan and again when the settings or one of the files change. */
  readonly usage = new UsageSet();
  private usagePaths = new Set<string>();

  /** `pick`: the folder this index scans (the first workspace folder unless told; folderIndexes.ts adds the others). */
  constructor(private readonly context: vscode.ExtensionContext, private readonly settings: FolderSettings, readonly engine: EngineContext, private readonly pick: () => vscode.WorkspaceFolder | undefined = () => vscode.workspace.workspaceFolders?.[0]) {
    this.disposables.push(
      // llmCostLens.* and files.exclude changes, the settings file itself: re-cost (walk again if files.exclude moved).
      settings.onDidChange(() => this.enqueue('.vscode/settings.json')),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.start()),
      // Restricted mode read less (nothing resolving outside the folder): everything is read again.
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.start()),
    );
  }

  get state(): IndexState {
    return this.stateValue;
  }

  /** The folder this index scans (undefined before start() or without a folder). */
  get workspaceFolder(): vscode.WorkspaceFolder | undefined {
    return this.folder;
  }

  /** Starts (or restarts) indexing its workspace folder, after the current call stack (never inside activate). */
  start(): void {
    const generation = ++this.generation;
    clearTimeout(this.timer);
    this.pending.clear();
    this.watcher?.dispose();
    this.watcher = undefined;
    this.folder = this.pick();
    const folder = this.folder;
    if (!folder || folder.uri.scheme !== 'file') {
      this.scanner = null;
      this.setState({ kind: 'no-folder', reason: folder ? 'Only folders on disk can be scanned.' : null });
      return;
    }
    const root = folder.uri.fsPath;
    this.scanner = new WorkspaceScanner(root, { engine: this.engine, reader: readerFor, settings: readFolderScanSettings, calibrate: this.usage.calibrate });
    this.watcher = this.watch(folder);
    this.setState({ kind: 'scanning', done: 0, total: 0 });
    this.queue = this.queue.then(() => new Promise((r) => setTimeout(r, 0))).then(() => this.firstScan(generation));
  }

  /** The indexed folders' scans (the call-site tree's input); empty until a scan is ready. */
  folderScans(): { name: string; result: ScanResult }[] {
    const s = this.stateValue;
    return s.kind === 'ready' && this.folder ? [{ name: this.folder.name, result: s.result }] : [];
  }

  /** Waits for the first scan and any queued changes; then the current state. */
  async current(): Promise<IndexState> {
    let seen: Promise<void>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
    return this.stateValue;
  }

  /** Reads the folder settings again now (e.g. the panel just wrote one) and waits for the result. */
  async refresh(): Promise<IndexState> {
    this.enqueue('.vscode/settings.json', 'now');
    return this.current();
  }

  private async firstScan(generation: number): Promise<void> {
    const scanner = this.scanner;
    if (!scanner || generation !== this.generation) return;
    const firstTime = !this.context.workspaceState.get<boolean>(INDEXED_ONCE_KEY);
    const started = Date.now();
    let cancelled = false;
    let done = 0;
    let total = 0;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let over = false;
    const reporters: ((done: number, total: number) => void)[] = [];
    // The status bar spinner always; the notification the first time, and only when the scan is not over in a second.
    const progressUi = (location: vscode.ProgressLocation) =>
      vscode.window.withProgress({ location, title: 'LLM Cost Lens', cancellable: location === vscode.ProgressLocation.Notification }, (progress, token) => {
        token.onCancellationRequested(() => (cancelled = true));
        let last = 0;
        let reported = 0;
        const report = (d: number, t: number) => {
          const now = Date.now();
          if (now - last < 100 && d < t) return; // at most ten updates a second
          last = now;
          const percent = t ? (100 * d) / t : 0;
          progress.report({ message: `indexing workspace: ${d.toLocaleString('en-US')} / ${t.toLocaleString('en-US')} files`, increment: percent - reported });
          reported = percent;
        };
        report(done, total);
        reporters.push(report);
        return finished;
      });
    void progressUi(vscode.ProgressLocation.Window);
    const notify = firstTime ? setTimeout(() => !over && void progressUi(vscode.ProgressLocation.Notification), NOTIFICATION_DELAY_MS) : undefined;
    try {
      // o200k_base (OpenAI's current models, and the base of the Claude estimate) loads in slices first, so the
      // scan's first token count does not block the extension host for the whole parse of its ~200k ranks.
      await preloadEncoder('o200k_base', YIELD_EVERY_MS);
      await this.loadUsage(scanner.root);
      const summary = await scanner.scan({
        yieldEveryMs: YIELD_EVERY_MS,
        isCancelled: () => cancelled || generation !== this.generation,
        onProgress: (d, t) => {
          [done, total] = [d, t];
          for (const r of reporters) r(d, t);
        },
      });
      if (generation !== this.generation) return;
      const result = scanner.result();
      const workers = summary.inWorkers ? `, ${summary.inWorkers} of them parsed in worker threads` : '';
      const line = `workspace index: ${total} files analysed (${result.callSites.length} call sites${workers}) in ${Date.now() - started} ms`;
      extensionLog().info(line);
      void this.context.workspaceState.update(INDEXED_ONCE_KEY, true);
      this.setState({ kind: 'ready', result, settings: scanner.settings });
    } catch (e) {
      if (generation !== this.generation) return;
      if (e instanceof ScanCancelled) {
        extensionLog().info(`workspace index cancelled after ${done} of ${total} files`);
        this.setState({ kind: 'cancelled' });
      } else {
        extensionLog().error('workspace scan failed', e);
        this.setState({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
      }
    } finally {
      over = true;
      clearTimeout(notify);
      finish();
    }
  }

  private watch(folder: vscode.WorkspaceFolder): vscode.Disposable {
    // Every file: detection may read any of them (prompt files, imported modules), and .gitignore / settings
    // change what is scanned. Irrelevant paths are dropped cheaply when the batch runs.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
    const onEvent = (uri: vscode.Uri) => {
      const rel = posix.relative(folder.uri.path, uri.path);
      if (!rel || rel.startsWith('..') || NEVER_WALKED.test(rel)) return;
      this.enqueue(rel);
    };
    return vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
  }

  /** Collects changed paths; the batch runs after a quiet UPDATE_DEBOUNCE_MS (or at once). */
  private enqueue(rel: string, when: 'debounced' | 'now' = 'debounced'): void {
    if (!this.scanner) return;
    this.pending.add(rel);
    clearTimeout(this.timer);
    const generation = this.generation;
    const run = () => (this.queue = this.queue.then(() => this.flush(generation)));
    if (when === 'now') run();
    else this.timer = setTimeout(run, UPDATE_DEBOUNCE_MS);
  }

  private async flush(generation: number): Promise<void> {
    const scanner = this.scanner;
    if (!scanner || generation !== this.generation || this.pending.size === 0) return;
    if (!scanner.ready) {
      // The first scan was cancelled or failed: changes wait for "Rescan Workspace".
      return;
    }
    const usageChanged = [...this.pending].some((p) => p === '.vscode/settings.json' || this.usagePaths.has(p)) && (await this.loadUsage(scanner.root));
    const paths = [...this.pending].filter((p) => scanner.isRelevant(p));
    this.pending.clear();
    if (paths.length === 0 && !usageChanged) return;
    // Compared with what the views were sent, not with scanner.result() now: that would already be a new result
    // after a price catalog switch (Update Prices), and the views would keep the old prices.
    const before = this.stateValue.kind === 'ready' ? this.stateValue.result : null;
    const started = Date.now();
    try {
      const u = await scanner.update(paths, { yieldEveryMs: YIELD_EVERY_MS });
      if (generation !== this.generation) return;
      const result = scanner.result();
      if (result === before) return;
      extensionLog().info(`workspace index updated (${paths.length} changed path${paths.length === 1 ? '' : 's'}, ${u.analysed} file${u.analysed === 1 ? '' : 's'} detected again${u.walked ? ', walked again' : ''}) in ${Date.now() - started} ms`);
      this.setState({ kind: 'ready', result, settings: scanner.settings });
    } catch (e) {
      if (generation !== this.generation) return;
      extensionLog().error('workspace index update failed', e);
      this.setState({ kind: 'failed', error: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Reads the usage files again if their list or contents changed; true when the next result differs. */
  private async loadUsage(root: string): Promise<boolean> {
    const files = usageFilesFromSettings(root, readFolderScanSettings(root).settings.usageFiles, !vscode.workspace.isTrusted);
    this.usagePaths = new Set(files.refs.map((r) => posix.relative(root.replace(/\\/g, '/'), r.path.replace(/\\/g, '/'))));
    const changed = await this.usage.load(files.refs, files.refused);
    if (changed) this.scanner?.recalibrate();
    return changed;
  }

  private setState(state: IndexState): void {
    // Unresolved calls are priced at the workspace's most used model: the lenses learn it from the scan.
    if (state.kind === 'ready' && this.folder && this.scanner) this.settings.setWorkspaceModel(this.folder, this.scanner.workspaceModel);
    this.stateValue = state;
    this.changed.fire(state);
  }

  dispose(): void {
    this.generation++;
    clearTimeout(this.timer);
    this.watcher?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
