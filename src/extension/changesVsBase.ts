// "+$120/mo vs main": a status bar entry with what the working tree (the workspace index's result, as saved on disk)
// does to the monthly API bill against the default base, and the "Changes vs base" view (the PR comment's Markdown
// in a preview). Every workspace folder is compared with its own repository's base; with several folders the
// entry sums them and the view has a section per folder. Thin over core/diff; git runs only in a trusted
// workspace (a repository's config can name programs git runs, e.g. core.fsmonitor).
import * as vscode from 'vscode';
import { BaseComparison, vsBaseLabel } from '../core/diff/againstBase';
import { renderMarkdown } from '../core/diff/markdown';
import { changesView, type ChangesView } from '../core/diff/view';
import type { DiffResult } from '../core/diff/types';
import type { ScanResult } from '../core/scan/workspaceScanner';
import { foldersChangesView } from '../core/format/panelFolders';
import { signedUsd } from '../core/diff/describe';
import { CommandId } from './commands';
import { extensionLog } from './log';
import type { FolderIndexes } from './folderIndexes';

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
  /** One comparison per folder root (its own repository and base). */
  private readonly comparisons = new Map<string, BaseComparison>();
  /** The last comparison of every folder that has one, in workspace order. */
  private results: { name: string; diff: DiffResult }[] = [];
  private multi = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly index: FolderIndexes) {
    this.item.name = 'LLM Cost Lens: changes vs base';
    this.item.command = CommandId.ShowChangesVsBase;
    this.disposables = [
      this.item,
      this.viewChanged,
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(SCHEME, { onDidChange: this.viewChanged.event, provideTextDocumentContent: () => this.markdown() }),
      index.onDidChange(() => this.schedule()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
    ];
    this.schedule();
  }

  /** The command: the changed call sites in a Markdown preview (the same text as the PR comment). */
  async show(): Promise<void> {
    if (this.results.length === 0) {
      void vscode.window.showInformationMessage(vscode.workspace.isTrusted ? 'LLM Cost Lens: no comparison yet — the folder is not a git repository with a base branch (origin/HEAD, main or master), or the index is still scanning.' : 'LLM Cost Lens: comparing with the base branch runs git, which needs a trusted workspace.');
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', VIEW);
  }

  private markdown(): string {
    if (this.results.length === 0) return 'No comparison with a base branch yet.';
    if (!this.multi) return renderMarkdown(this.results[0]!.diff);
    return this.results.map((r) => `# Folder ${r.name}\n\n${renderMarkdown(r.diff)}`).join('\n\n');
  }

  private schedule(): void {
    const states = this.index.folderStates();
    const ready = states.flatMap(({ folder, state }) => (state.kind === 'ready' ? [{ name: folder.name, result: state.result }] : []));
    if (ready.length === 0 || !vscode.workspace.isTrusted) {
      if (states.every(({ state }) => state.kind === 'no-folder') || !vscode.workspace.isTrusted) this.item.hide();
      return;
    }
    this.multi = states.length > 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.queue = this.queue.then(() => this.refresh(ready));
    }, REFRESH_DELAY_MS);
  }

  private async refresh(heads: { name: string; result: ScanResult }[]): Promise<void> {
    const results: { name: string; diff: DiffResult }[] = [];
    for (const { name, result: head } of heads) {
      let comparison = this.comparisons.get(head.root);
      if (!comparison) this.comparisons.set(head.root, (comparison = new BaseComparison(head.root, undefined, this.index.engine)));
      try {
        const t0 = Date.now();
        const diff = await comparison.compare(head);
        if (diff) {
          results.push({ name, diff });
          extensionLog().info(`${name}: compared with ${diff.base.ref} (${diff.base.commit?.slice(0, 7)}) in ${Date.now() - t0} ms: ${diff.summary.headline}`);
        }
      } catch (e) {
        extensionLog().error(`${name}: comparing with the base branch failed`, e);
      }
    }
    this.results = results;
    this.render();
    this.viewChanged.fire(VIEW);
    this.changed.fire();
  }

  /** The panel's rows (several folders: one list, files prefixed with the folder); null without a comparison. */
  get view(): ChangesView | null {
    const views = this.results.map((r) => ({ name: r.name, view: changesView(r.diff) }));
    return this.multi ? foldersChangesView(views) : views[0]?.view ?? null;
  }

  private render(): void {
    const changed = this.results.filter((r) => !r.diff.summary.noChange);
    // Quiet unless there is something to review.
    if (changed.length === 0) {
      this.item.hide();
      return;
    }
    if (changed.length > 1) {
      const sum = changed.reduce((s, r) => s + r.diff.totals.deltaMonthlyUsd, 0);
      this.item.text = `$(git-compare) ${signedUsd(sum)}/mo vs base (${changed.length} folders)`;
      const tip = new vscode.MarkdownString(`${changed.map((r) => `**${r.name}**: ${r.diff.summary.headline} (base ${r.diff.base.ref}${r.diff.base.commit ? ` @ ${r.diff.base.commit.slice(0, 7)}` : ''}; policy: ${r.diff.policy.status})`).join('\n\n')}\n\nFiles as saved. Click for the changed call sites.`);
      tip.isTrusted = false;
      this.item.tooltip = tip;
      this.item.show();
      return;
    }
    const { name, diff: d } = changed[0]!;
    this.item.text = `$(git-compare) ${vsBaseLabel(d)}${this.multi ? ` (${name})` : ''}`;
    const tip = new vscode.MarkdownString(`**${d.summary.headline}** (${this.multi ? `folder ${name}, ` : ''}base ${d.base.ref}${d.base.commit ? ` @ ${d.base.commit.slice(0, 7)}` : ''}, files as saved; policy: ${d.policy.status})\n\nClick for the changed call sites.`);
    tip.isTrusted = false;
    this.item.tooltip = tip;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
