// Status bar entry: the way into the cost panel. Workspace totals arrive with the workspace index (issue 6).
import * as vscode from 'vscode';
import { CommandId } from './commands';

export function createStatusBar(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('llmCostLens.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'LLM Cost Lens';
  item.text = '$(graph) LLM Cost';
  item.tooltip = 'LLM Cost Lens: open the cost panel (API vs self-hosted monthly cost and break-even)';
  item.command = CommandId.OpenPanel;
  item.show();
  return item;
}
