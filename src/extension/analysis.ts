// Per-document analysis cache: one `analyzeDocument` result per document URI + version, recomputed after a
// pause in typing (debounced), with the folder's own `.vscode/settings.json` read exactly as the CLI reads it.
// Providers are thin: they ask `get(document)` and format. Grammars and tokenizer ranks load on the first call.
// A notebook cell is analysed as part of its whole notebook (one analysis per notebook version), and gets the
// call sites of its own code cell, with lines inside the cell.
import * as vscode from 'vscode';
import { preloadEncoder } from '../core/tokens';
import { dirname, posix } from 'node:path';
import { analyzeDocument, readWorkspaceSettings, workspaceReader, type WorkspaceSettings } from '../core/scan/scan';
import { confinedReader } from '../core/scan/confinedReader';
import { readSettings, type SettingsRead } from '../core/settings';
import { AnalysisCache, type Analysis, type AnalysisInputs, type SourceVersion } from './analysisCache';
import type { EngineContext } from '../core/engine/context';
import { extensionLog } from './log';
import type { WorkspaceReader } from '../core/detect';
import type { CallSiteReport } from '../core/scan/callSite';
import { NOTEBOOK_CELL_SCHEME, codeCellIndex, notebookCellOf, notebookJson, notebookVersion } from './notebookCells';

export { LANGUAGES, DOCUMENT_SELECTOR } from './selectors';
const DEBOUNCE_MS = 300;
const SETTINGS_FILE = '.vscode/settings.json';

export type { Analysis } from './analysisCache';

/** Folder settings (JSONC), read once per folder until the file or the `llmCostLens` configuration changes. */
export class FolderSettings implements vscode.Disposable {
  private readonly cache = new Map<string, SettingsRead & { workspaceModel: string | null }>();
  /** Per folder, the workspace index's most used model (what `scan` prices unresolved calls at). */
  private readonly workspaceModels = new Map<string, string | null>();
  private readonly warned = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** Bumped on every change so cached analyses made with older settings are recomputed. */
  generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.vscode/settings.json');
    const invalidate = () => this.invalidate();
    this.disposables.push(
      watcher,
      watcher.onDidChange(invalidate),
      watcher.onDidCreate(invalidate),
      watcher.onDidDelete(invalidate),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('llmCostLens') || e.affectsConfiguration('files.exclude')) invalidate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(invalidate),
      vscode.workspace.onDidGrantWorkspaceTrust(invalidate),
    );
  }

  forFolder(folder: vscode.WorkspaceFolder | undefined): SettingsRead & { workspaceModel?: string | null } {
    if (!folder) return readSettings({});
    const key = folder.uri.toString();
    let read = this.cache.get(key);
    if (!read) {
      read = { ...readFolderScanSettings(folder.uri.fsPath), workspaceModel: this.workspaceModels.get(key) ?? null };
      this.cache.set(key, read);
      this.warn(folder, read.warnings);
    }
    return read;
  }

  /**
   * One notification per problem while it lasts: a problem still there after the file changed is not repeated,
   * one that was fixed and comes back is shown again.
   */
  private warn(folder: vscode.WorkspaceFolder, warnings: string[]): void {
    const prefix = `${folder.uri.toString()}\n`;
    const current = new Set(warnings.map((w) => prefix + w));
    for (const id of this.warned) if (id.startsWith(prefix) && !current.has(id)) this.warned.delete(id);
    for (const w of warnings) {
      const id = prefix + w;
      if (this.warned.has(id)) continue;
      this.warned.add(id);
      // The subject first, so a collapsed notification still shows it (VS Code names the extension as its source):
      // the setting, or the file for core's file-level warnings (they start with its path).
      const file = `${folder.name}/${SETTINGS_FILE}`;
      void vscode.window.showWarningMessage(w.startsWith(SETTINGS_FILE) ? `${folder.name}/${w}` : `${w} (${file})`);
    }
  }

  /** The index found another most used model: the lenses of unresolved calls change with it. */
  setWorkspaceModel(folder: vscode.WorkspaceFolder, model: string | null): void {
    const key = folder.uri.toString();
    if ((this.workspaceModels.get(key) ?? null) === model) return;
    this.workspaceModels.set(key, model);
    this.invalidate();
  }

  /** Recompute every view (e.g. after new price data was loaded). */
  refresh(): void {
    this.invalidate();
  }

  private invalidate(): void {
    this.cache.clear();
    this.generation++;
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * The folder settings as every editor feature reads them (files.exclude included): the core's one reader, with
 * restricted mode (an untrusted workspace) applied by it. Restricted mode keeps estimating (the folder's settings
 * and its own files are data, nothing runs) but reads nothing that resolves outside the folder.
 */
export function readFolderScanSettings(root: string): WorkspaceSettings {
  return readWorkspaceSettings(root, { restricted: !vscode.workspace.isTrusted });
}

/** How detection reads other workspace files: confined to the folder in restricted mode. */
export function readerFor(root: string): WorkspaceReader {
  return vscode.workspace.isTrusted ? workspaceReader(root) : confinedReader(root, workspaceReader(root));
}

/** What is analysed: a text document, or a whole notebook for its cells. */
interface Source {
  key: string;
  version: SourceVersion;
  /** the file on disk (the notebook for a cell): folder, relative path */
  uri: vscode.Uri;
  text(): string;
  isClosed(): boolean;
}

function documentSource(doc: vscode.TextDocument): Source {
  return { key: doc.uri.toString(), version: doc.version, uri: doc.uri, text: () => doc.getText(), isClosed: () => doc.isClosed };
}

function notebookSource(notebook: vscode.NotebookDocument): Source {
  return { key: notebook.uri.toString(), version: notebookVersion(notebook), uri: notebook.uri, text: () => notebookJson(notebook), isClosed: () => notebook.isClosed };
}

export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new AnalysisCache();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document's (for cells: the notebook's) URI when a newer analysis is ready. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Measured usage for a document's call sites (the workspace index's calibration); identity when none. */
  /** Measured usage of the document's folder (each folder calibrates with its own llmCostLens.usageFiles). */
  measure: (callSites: CallSiteReport[], ws: SettingsRead, folder: vscode.WorkspaceFolder | undefined) => CallSiteReport[] = (c) => c;

  constructor(readonly settings: FolderSettings, readonly engine: EngineContext) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!e.contentChanges.length) return;
        if (e.document.uri.scheme === NOTEBOOK_CELL_SCHEME) {
          const notebook = notebookCellOf(e.document)?.notebook;
          if (notebook && this.cache.has(notebook.uri.toString())) this.schedule(() => (notebook.isClosed ? undefined : notebookSource(notebook)));
        } else if (this.cache.has(e.document.uri.toString())) this.schedule(() => documentSource(e.document));
      }),
      // Cells added, removed, moved, or changed between code and markdown.
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.contentChanges.length && this.cache.has(e.notebook.uri.toString())) this.schedule(() => notebookSource(e.notebook));
      }),
      vscode.workspace.onDidCloseTextDocument((d) => d.uri.scheme !== NOTEBOOK_CELL_SCHEME && this.forget(d.uri)),
      vscode.workspace.onDidCloseNotebookDocument((n) => this.forget(n.uri)),
      settings.onDidChange(() => {
        for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme !== NOTEBOOK_CELL_SCHEME && this.cache.has(doc.uri.toString())) this.schedule(() => documentSource(doc), 0);
        for (const nb of vscode.workspace.notebookDocuments) if (this.cache.has(nb.uri.toString())) this.schedule(() => notebookSource(nb), 0);
      }),
    );
  }

  /**
   * The analysis of this document version. While the user types, the last finished analysis is returned
   * (lenses stay put) and a fresh one follows after the debounce; the first request computes at once.
   * For a notebook cell: the call sites of that cell (lines within the cell), from its notebook's analysis.
   */
  async get(doc: vscode.TextDocument): Promise<Analysis> {
    if (doc.uri.scheme !== NOTEBOOK_CELL_SCHEME) return this.getSource(documentSource(doc));
    const owner = notebookCellOf(doc);
    const index = owner && codeCellIndex(owner.notebook, owner.cell);
    if (!owner || index === undefined) return { version: doc.version, callSites: [], skipped: null };
    const a = await this.getSource(notebookSource(owner.notebook));
    return { version: doc.version, callSites: a.callSites.filter((c) => c.cell === index), skipped: a.skipped };
  }

  private async getSource(source: Source): Promise<Analysis> {
    const current = this.cache.current(source.key, source.version, this.inputs());
    if (current) return current;
    const settled = this.cache.settled(source.key);
    // While the user types (a newer version), the last lenses stay until the debounced analysis; when only the
    // settings changed, analyse now: returning the old figures and relying on a later change event left a stale lens
    // for many seconds when VS Code did not ask again soon (seen in the e2e settings test).
    if (settled && !this.cache.isVersion(source.key, source.version)) {
      this.schedule(() => source);
      return settled;
    }
    return this.compute(source);
  }

  /** The last finished analysis, without waiting (status bar, commands). */
  peek(uri: vscode.Uri): Analysis | undefined {
    return this.cache.settled(uri.toString());
  }

  /** `current()` gives the source as it is when the timer fires (undefined: gone). */
  private schedule(current: () => Source | undefined, delay = DEBOUNCE_MS): void {
    const first = current();
    if (!first) return;
    const key = first.key;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const source = current();
        if (!source || source.isClosed()) return;
        // Even when a provider already started this analysis, the views that did not ask (lenses, decorations)
        // are told once it is ready.
        const analysis = this.cache.current(key, source.version, this.inputs()) ?? this.compute(source);
        void analysis.then(() => this.changed.fire(source.uri));
      }, delay),
    );
  }

  /** What an analysis depends on besides the text: the folder settings (and measured usage), the prices, the tokenizer. */
  private inputs(): AnalysisInputs {
    return [this.settings.generation, this.engine.catalog, this.engine.tokenizerGeneration];
  }

  private compute(source: Source): Promise<Analysis> {
    const folder = vscode.workspace.getWorkspaceFolder(source.uri);
    const inputs = this.inputs();
    const ws = this.settings.forFolder(folder);
    const root = folder ? folder.uri.fsPath : dirname(source.uri.fsPath);
    const rel = folder ? posix.relative(folder.uri.path, source.uri.path) : posix.basename(source.uri.path);
    const text = source.text();
    return this.cache.start(source.key, source.version, inputs, async () => {
      // Shares the index's background load of the common tokenizer instead of loading it again synchronously.
      await preloadEncoder('o200k_base');
      const a = await analyzeDocument(this.engine, rel, text, ws, readerFor(root));
      return { ...a, callSites: this.measure(a.callSites, ws, folder) };
    }, {
      // One line per document's first analysis (cold loads of grammar and ranks show here), none while typing.
      first: (a, ms) => extensionLog().info(`analysed ${rel} (${a.callSites.length} call sites) in ${ms} ms`),
      failed: (e) => extensionLog().error(`analysis of ${rel} failed`, e),
    });
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
