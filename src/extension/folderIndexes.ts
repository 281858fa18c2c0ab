// Every workspace folder indexed, each with its own settings and usage calibration: the primary index (the first
// folder) plus one WorkspaceIndex per further folder. The status bar and the call-site tree read the aggregate: its
// state is "ready" once every folder is, with the folders' results combined (files prefixed with the folder name,
// totals summed: core/scan/workspaceFolders.ts); the cost panel and "changes vs base" read each folder's state.
import * as vscode from 'vscode';
import { combineFolderScans, type FolderScan } from '../core/scan/workspaceFolders';
import type { FolderSettings } from './analysis';
import { WorkspaceIndex, type IndexState } from './workspaceIndex';
import type { EngineContext } from '../core/engine/context';

export class FolderIndexes implements vscode.Disposable {
  private others: WorkspaceIndex[] = [];
  private othersSubscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<IndexState>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly context: vscode.ExtensionContext, private readonly settings: FolderSettings, readonly engine: EngineContext, readonly primary: WorkspaceIndex) {
    this.disposables.push(
      primary.onDidChange(() => this.fire()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.start()),
    );
  }

  /** (Re)creates the indexes of the folders after the first and starts them; the primary starts itself. */
  start(): void {
    for (const d of this.othersSubscriptions.splice(0)) d.dispose();
    for (const i of this.others.splice(0)) i.dispose();
    for (const folder of (vscode.workspace.workspaceFolders ?? []).slice(1)) {
      if (folder.uri.scheme !== 'file') continue;
      const index = new WorkspaceIndex(this.context, this.settings, this.engine, () => vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === folder.uri.toString()));
      this.others.push(index);
      this.othersSubscriptions.push(index.onDidChange(() => this.fire()));
      index.start();
    }
    this.fire();
  }

  private all(): WorkspaceIndex[] {
    return [this.primary, ...this.others];
  }

  /** Each indexed folder with its index's current state (workspace order). */
  folderStates(): { folder: vscode.WorkspaceFolder; state: IndexState }[] {
    return this.all().flatMap((i) => (i.workspaceFolder ? [{ folder: i.workspaceFolder, state: i.state }] : []));
  }

  /** Changes whenever any folder read new usage files (the open documents then take the new measurements). */
  usageVersion(): string {
    return this.all().map((i) => i.usage.version).join(',');
  }

  /** The index of `folder` (Import Usage reads what it matched there). */
  indexFor(folder: vscode.WorkspaceFolder): WorkspaceIndex | undefined {
    return this.all().find((i) => i.workspaceFolder?.uri.toString() === folder.uri.toString());
  }

  /** Every folder's index re-reads its settings now (the panel just wrote one); each folder with its state. */
  async refreshAll(): Promise<{ folder: vscode.WorkspaceFolder; state: IndexState }[]> {
    const out: { folder: vscode.WorkspaceFolder; state: IndexState }[] = [];
    for (const i of this.all()) {
      const state = await i.refresh();
      if (i.workspaceFolder) out.push({ folder: i.workspaceFolder, state });
    }
    return out;
  }

  folderScans(): FolderScan[] {
    return this.all().flatMap((i) => i.folderScans());
  }

  get state(): IndexState {
    if (this.others.length === 0) return this.primary.state;
    const states = this.all().map((i) => i.state);
    const scanning = states.filter((s): s is Extract<IndexState, { kind: 'scanning' }> => s.kind === 'scanning');
    if (scanning.length) return { kind: 'scanning', done: scanning.reduce((n, s) => n + s.done, 0), total: scanning.reduce((n, s) => n + s.total, 0) };
    const failed = states.find((s) => s.kind === 'failed' || s.kind === 'cancelled');
    if (failed) return failed;
    const primary = this.primary.state;
    if (primary.kind !== 'ready') return primary;
    return { kind: 'ready', result: combineFolderScans(this.folderScans(), primary.result.root), settings: primary.settings };
  }

  private fire(): void {
    this.changed.fire(this.state);
  }

  dispose(): void {
    for (const d of this.othersSubscriptions.splice(0)) d.dispose();
    for (const i of this.others.splice(0)) i.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
