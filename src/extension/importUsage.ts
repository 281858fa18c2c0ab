// "LLM Cost Lens: Import Usage…": pick usage exports, add them to the folder's llmCostLens.usageFiles (relative
// when inside the folder), let the workspace index read them, and say what matched. The logic is in core/usage.
import * as vscode from 'vscode';
import { addUsageFiles } from '../core/usage';
import { importSummary } from '../core/format/usageText';
import type { FolderSettings } from './analysis';
import { writeSetting } from './settingsWriter';
import type { WorkspaceIndex } from './workspaceIndex';

export async function importUsage(index: WorkspaceIndex, settings: FolderSettings): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('LLM Cost Lens: Import Usage needs a workspace folder on disk.');
    return;
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: true, defaultUri: folder.uri, openLabel: 'Import Usage',
    filters: { 'Usage exports (OTLP JSON, JSON Lines, CSV)': ['json', 'jsonl', 'ndjson', 'csv'], 'All files': ['*'] },
  });
  if (!picked?.length) return;
  const current = settings.forFolder(folder).settings.usageFiles;
  const r = addUsageFiles(folder.uri.fsPath, current, picked.map((u) => u.fsPath), vscode.workspace.isTrusted);
  for (const f of r.refused) void vscode.window.showWarningMessage(`${f}: outside the folder, not read in restricted mode — copy it into the folder to use it.`);
  if (r.files.length === current.length) return;
  const error = await writeSetting(folder, 'usageFiles', r.files);
  if (error) {
    void vscode.window.showErrorMessage(error);
    return;
  }
  const state = await index.refresh();
  if (state.kind === 'ready' && state.result.usage) void vscode.window.showInformationMessage(`LLM Cost Lens: ${importSummary(state.result.usage)}`);
}
