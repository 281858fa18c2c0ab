// The "LLM Cost" tree view (Explorer and its own view container): a thin adapter over callTreeModel.ts, fed by the
// workspace index. Sort and filter live in context keys so the title-bar buttons can toggle; an empty tree shows
// the welcome content of package.json (`viewsWelcome`), chosen by `llmCostLens.tree.empty`.
import * as vscode from 'vscode';
import { buildCallTree, childrenOf, type FolderScan, type SiteNode, type TreeNode, type TreeOptions } from '../core/format/callTreeModel';
import { CommandId } from './commands';
import type { IndexState } from './workspaceIndex';

export const TREE_VIEW_IDS = ['llmCostLens.callSites', 'llmCostLens.callSitesExplorer'] as const;

/** What the tree needs of the index: its folders' scans, its state and its change event. */
export interface TreeSource {
  readonly state: IndexState;
  readonly onDidChange: vscode.Event<unknown>;
  folderScans(): FolderScan[];
}

type Empty = 'scanning' | 'no-folder' | 'no-calls' | 'no-attention' | 'failed' | '';

export class CallTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private options: TreeOptions = { sort: 'cost', attentionOnly: false };
  private roots: TreeNode[] = [];
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly source: TreeSource) {
    this.disposables.push(source.onDidChange(() => this.rebuild()));
    this.rebuild();
  }

  setOptions(patch: Partial<TreeOptions>): void {
    this.options = { ...this.options, ...patch };
    void vscode.commands.executeCommand('setContext', 'llmCostLens.tree.sort', this.options.sort);
    void vscode.commands.executeCommand('setContext', 'llmCostLens.tree.attentionOnly', this.options.attentionOnly);
    this.rebuild();
  }

  private rebuild(): void {
    const state = this.source.state;
    this.roots = state.kind === 'ready' ? buildCallTree(this.source.folderScans(), this.options) : [];
    let empty: Empty = '';
    if (this.roots.length === 0) {
      if (state.kind === 'scanning') empty = 'scanning';
      else if (state.kind === 'no-folder') empty = 'no-folder';
      else if (state.kind === 'failed' || state.kind === 'cancelled') empty = 'failed';
      else empty = this.options.attentionOnly && this.source.folderScans().some((f) => f.result.callSites.length) ? 'no-attention' : 'no-calls';
    }
    void vscode.commands.executeCommand('setContext', 'llmCostLens.tree.empty', empty);
    this.changed.fire();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? childrenOf(node) : this.roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const collapsible = node.kind === 'site' ? vscode.TreeItemCollapsibleState.None : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.kind === 'site' ? 'llmCostLens.callSite' : `llmCostLens.${node.kind}`;
    if (node.kind === 'site') {
      item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
      item.command = { command: CommandId.TreeReveal, title: 'Reveal the call', arguments: [node] };
      item.accessibilityInformation = { label: `${node.label}, ${node.description}${node.flags.length ? `, needs attention: ${node.flags.join(', ')}` : ''}` };
    } else if (node.kind === 'file') {
      const uri = fileUri(node.folder, node.file);
      if (uri) item.resourceUri = uri;
      item.iconPath = vscode.ThemeIcon.File;
    } else {
      item.iconPath = node.kind === 'folder' ? new vscode.ThemeIcon('root-folder') : vscode.ThemeIcon.Folder;
    }
    return item;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function folderNamed(name: string): vscode.WorkspaceFolder | undefined {
  return vscode.workspace.workspaceFolders?.find((f) => f.name === name);
}

export function fileUri(folderName: string, file: string): vscode.Uri | undefined {
  const folder = folderNamed(folderName);
  return folder ? vscode.Uri.joinPath(folder.uri, ...file.split('/')) : undefined;
}

/** Opens the call's file with the cursor on the call (a notebook opens as a notebook, at its start). */
export async function revealCallSite(node: SiteNode | undefined): Promise<void> {
  if (!node) return;
  const uri = fileUri(node.folder, node.file);
  if (!uri) return;
  if (node.cell !== null) {
    await vscode.commands.executeCommand('vscode.open', uri);
    return;
  }
  const pos = new vscode.Position(node.line - 1, Math.max(0, node.column - 1));
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: true });
}

/** Both views, one provider; returns what to dispose. */
export function createCallTreeViews(source: TreeSource): { provider: CallTreeProvider; disposable: vscode.Disposable } {
  const provider = new CallTreeProvider(source);
  const views = TREE_VIEW_IDS.map((id) => vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true }));
  provider.setOptions({});
  return { provider, disposable: vscode.Disposable.from(provider, ...views) };
}
