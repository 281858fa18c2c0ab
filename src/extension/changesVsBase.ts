// "+$120/mo vs main": a status bar entry with what the working tree (the workspace index's result, as saved on disk)
// does to the monthly API bill against the default base, and the "Changes vs base" view (the PR comment's Markdown
// in a preview). Thin over core/diff; git runs only in a trusted workspace (a repository's config can name
// programs git runs, e.g. core.fsmonitor).
import * as vscode from 'vscode';
import { BaseComparison, vsBaseLabel } from '../core/diff/againstBase';
import { renderMarkdown } from '../core/diff/markdown';
import { changesView, type ChangesView } from '../core/diff/view';
import type { DiffResult } from '../core/diff/types';
import type { ScanResult } from '../core/scan/workspaceScanner';
import { CommandId } from './commands';
import { extensionLog } from './log';
import type { IndexState, WorkspaceIndex } from './workspaceIndex';

const SCHEME = 'llm-cost-lens-changes';
const VIEW = vscode.Uri.from({ scheme: SCHEME, path: '/Changes vs base.md' });
/** The index settles after a save within ~300 ms; git and matching then run once for a burst of saves. */
const REFRESH_DELAY_MS = 1_500;

export class ChangesVsBase implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('llmCostLens.changesVsBase', vscode.StatusBarAlignment.Right, 99);
  private readonly viewChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after each comparison: the cost panel re-renders its "Changes vs base" section. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];
  private comparison: BaseComparison | null = null;
  private comparisonRoot = '';
  private last: DiffResult | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly index: WorkspaceIndex) {
    this.item.name = 'LLM Cost Lens: changes vs base';
    this.item.command = CommandId.ShowChangesVsBase;
    this.disposables = [
      this.item,
      this.viewChanged,
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, { onDidChange: this.viewChanged.event, provideTextDocumentContent: () => this.markdown() }),
      index.onDidChange((s) => this.schedule(s)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule(index.state)),
    ];
    this.schedule(index.state);
  }

  /** The command: the changed call sites in a Markdown preview (the same text as the PR comment). */
  async show(): Promise<void> {
    if (!this.last) {
      void vscode.window.showInformationMessage(vscode.workspace.isTrusted ? 'LLM Cost Lens: no comparison yet — the folder is not a git repository with a base branch (origin/HEAD, main or master), or the index is still scanning.' : 'LLM Cost Lens: comparing with the base branch runs git, which needs a trusted workspace.');
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', VIEW);
  }

  private markdown(): string {
    return this.last ? renderMarkdown(this.last) : 'No comparison with a base branch yet.';
  }

  private schedule(state: IndexState): void {
    if (state.kind !== 'ready' || !vscode.workspace.isTrusted) {
      if (state.kind === 'no-folder' || !vscode.workspace.isTrusted) this.item.hide();
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.queue = this.queue.then(() => this.refresh(state.result));
    }, REFRESH_DELAY_MS);
  }

  private async refresh(head: ScanResult): Promise<void> {
    if (head.root !== this.comparisonRoot) {
      this.comparison = new BaseComparison(head.root, undefined, this.index.engine);
      this.comparisonRoot = head.root;
    }
    try {
      const t0 = Date.now();
      this.last = await this.comparison!.compare(head);
      if (this.last) extensionLog().info(`compared with ${this.last.base.ref} (${this.last.base.commit?.slice(0, 7)}) in ${Date.now() - t0} ms: ${this.last.summary.headline}`);
    } catch (e) {
      this.last = null;
      extensionLog().error('comparing with the base branch failed', e);
    }
    this.render();
    this.viewChanged.fire(VIEW);
    this.changed.fire();
  }

  /** The panel's rows; null without a comparison. */
  get view(): ChangesView | null {
    return this.last ? changesView(this.last) : null;
  }

  private render(): void {
    const d = this.last;
    // Quiet unless there is something to review.
    if (!d || d.summary.noChange) {
      this.item.hide();
      return;
    }
    this.item.text = `$(git-compare) ${vsBaseLabel(d)}`;
    const tip = new vscode.MarkdownString(`**${d.summary.headline}** (base ${d.base.ref}${d.base.commit ? ` @ ${d.base.commit.slice(0, 7)}` : ''}, files as saved; policy: ${d.policy.status})\n\nClick for the changed call sites.`);
    tip.isTrusted = false;
    this.item.tooltip = tip;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
