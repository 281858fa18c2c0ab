// Per-document analysis cache: one `analyzeDocument` result per document URI + version, recomputed after a
// pause in typing (debounced), with the folder's own `.vscode/settings.json` read exactly as the CLI reads it.
// Providers are thin: they ask `get(document)` and format. Grammars and tokenizer ranks load on the first call.
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { analyzeDocument, readWorkspaceSettings, workspaceReader } from '../core/scan/scan';
import { confinedReader, resolvesInside } from '../core/scan/confinedReader';
import { readSettings, type SettingsRead } from '../core/settings';
import { AnalysisCache, type Analysis } from './analysisCache';
import { extensionLog } from './log';

export const LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'] as const;
export const DOCUMENT_SELECTOR: vscode.DocumentSelector = LANGUAGES.map((language) => ({ language, scheme: 'file' }));
const DEBOUNCE_MS = 300;
const SETTINGS_FILE = '.vscode/settings.json';

export type { Analysis } from './analysisCache';

/** Folder settings (JSONC), read once per folder until the file or the `llmCostLens` configuration changes. */
export class FolderSettings implements vscode.Disposable {
  private readonly cache = new Map<string, SettingsRead>();
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

  forFolder(folder: vscode.WorkspaceFolder | undefined): SettingsRead {
    if (!folder) return readSettings({});
    const key = folder.uri.toString();
    let read = this.cache.get(key);
    if (!read) {
      read = readFolderSettings(folder.uri.fsPath);
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
 * Restricted mode keeps estimating (the folder's settings and its own files are data, nothing runs), but reads
 * nothing that resolves outside the folder: no `.vscode/settings.json` linked in from elsewhere, no imported
 * prompt file behind a symlink. No setting names a path today; one that did would be ignored here too.
 */
function readFolderSettings(root: string): SettingsRead {
  const file = join('.vscode', 'settings.json');
  if (vscode.workspace.isTrusted || !existsSync(join(root, file)) || resolvesInside(root, file)) return readWorkspaceSettings(root);
  const read = readSettings({});
  read.warnings.push('.vscode/settings.json resolves outside the workspace folder: ignored in restricted mode, using defaults');
  return read;
}

function readerFor(root: string) {
  return vscode.workspace.isTrusted ? workspaceReader(root) : confinedReader(root, workspaceReader(root));
}

export class DocumentAnalyses implements vscode.Disposable {
  private readonly cache = new AnalysisCache();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document's URI when a newer analysis is ready. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(readonly settings: FolderSettings) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.cache.has(e.document.uri.toString())) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      settings.onDidChange(() => {
        for (const doc of vscode.workspace.textDocuments) if (this.cache.has(doc.uri.toString())) this.schedule(doc, 0);
      }),
    );
  }

  /**
   * The analysis of this document version. While the user types, the last finished analysis is returned
   * (lenses stay put) and a fresh one follows after the debounce; the first request computes at once.
   */
  async get(doc: vscode.TextDocument): Promise<Analysis> {
    const key = doc.uri.toString();
    const current = this.cache.current(key, doc.version, this.settings.generation);
    if (current) return current;
    const settled = this.cache.settled(key);
    if (settled) {
      this.schedule(doc);
      return settled;
    }
    return this.compute(doc);
  }

  /** The last finished analysis, without waiting (status bar, commands). */
  peek(uri: vscode.Uri): Analysis | undefined {
    return this.cache.settled(uri.toString());
  }

  private schedule(doc: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (doc.isClosed || this.cache.current(key, doc.version, this.settings.generation)) return;
        void this.compute(doc).then(() => this.changed.fire(doc.uri));
      }, delay),
    );
  }

  private compute(doc: vscode.TextDocument): Promise<Analysis> {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const settingsGeneration = this.settings.generation;
    const ws = this.settings.forFolder(folder);
    const root = folder ? folder.uri.fsPath : dirname(doc.uri.fsPath);
    const rel = folder ? posix.relative(folder.uri.path, doc.uri.path) : posix.basename(doc.uri.path);
    const text = doc.getText();
    return this.cache.start(doc.uri.toString(), doc.version, settingsGeneration, () => analyzeDocument(rel, text, ws, readerFor(root)), {
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
