// Status bar entry: the workspace's monthly API total and its self-hosted alternative, from the workspace index
// (the same result as `llm-cost-lens scan`, kept current by file watchers); click opens the cost panel.
import * as vscode from 'vscode';
import type { ScanResult } from '../core/scan/scan';
import { formatUsd } from '../core/money';
import { statusTooltipMarkdown } from '../core/format/statusTooltip';
import { CommandId } from './commands';
import type { IndexState, WorkspaceIndex } from './workspaceIndex';
import type { FolderScan } from '../core/scan/workspaceFolders';
import { folderTotalsMarkdown } from '../core/format/folderTotalsText';

export function createStatusBar(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('llmCostLens.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'LLM Cost Lens';
  item.text = '$(graph) LLM Cost';
  item.tooltip = 'LLM Cost Lens: open the cost panel (API vs self-hosted monthly cost and break-even)';
  item.command = CommandId.OpenPanel;
  item.show();
  return item;
}

export function statusText(r: ScanResult): string {
  const t = r.totals;
  if (t.callSites === 0) return '$(graph) LLM Cost: no calls found';
  return `$(graph) LLM Cost: ${formatUsd(t.apiMonthlyUsd)}/mo API · ${formatUsd(t.selfHostedMonthlyUsd)} self-host`;
}

export function statusTooltip(r: ScanResult, folders: readonly FolderScan[] = []): vscode.MarkdownString {
  const md = new vscode.MarkdownString(statusTooltipMarkdown(r) + folderTotalsMarkdown(folders));
  md.isTrusted = false;
  return md;
}

/** Keeps the status bar item's totals current from the workspace index; returns what to dispose. */
export function trackWorkspaceTotals(item: vscode.StatusBarItem, index: Pick<WorkspaceIndex, 'state' | 'onDidChange' | 'folderScans'>): vscode.Disposable {
  const render = (state: IndexState) => {
    item.command = CommandId.OpenPanel;
    switch (state.kind) {
      case 'ready':
        item.text = statusText(state.result);
        item.tooltip = statusTooltip(state.result, index.folderScans());
        break;
      case 'scanning':
        item.text = '$(graph) LLM Cost: indexing…';
        item.tooltip = 'LLM Cost Lens is scanning the workspace for LLM calls.';
        break;
      case 'cancelled':
        item.text = '$(graph) LLM Cost: not indexed';
        item.tooltip = 'LLM Cost Lens: the workspace scan was cancelled. Click to scan again.';
        item.command = CommandId.RescanWorkspace;
        break;
      case 'failed':
        item.text = '$(graph) LLM Cost: scan failed';
        item.tooltip = `LLM Cost Lens: the workspace scan failed (${state.error}). Click to scan again.`;
        item.command = CommandId.RescanWorkspace;
        break;
      case 'no-folder':
        item.text = '$(graph) LLM Cost';
        item.tooltip = 'LLM Cost Lens: open the cost panel (API vs self-hosted monthly cost and break-even)';
        break;
    }
  };
  render(index.state);
  return index.onDidChange(render);
}
