// "LLM Cost Lens: Import Usage…": pick usage exports, add them to the folder's llmCostLens.usageFiles (relative
// when inside the folder), let that folder's index read them, and say what matched. The logic is in core/usage.
// In a multi-root workspace each folder calibrates with its own usage files: the user picks the folder.
import * as vscode from 'vscode';
import { addUsageFiles } from '../core/usage';
import { importSummary } from '../core/format/usageText';
import type { FolderSettings } from './analysis';
import { writeSetting } from './settingsWriter';
import type { FolderIndexes } from './folderIndexes';

/** The only folder, or the one the user picks (the active editor's folder is offered first by VS Code). */
async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const onDisk = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (onDisk.length <= 1) return onDisk[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Import usage for which folder? (each folder calibrates with its own llmCostLens.usageFiles)' });
}

export async function importUsage(folders: FolderIndexes, settings: FolderSettings): Promise<void> {
  const multi = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const folder = await pickFolder();
  if (multi && !folder) return;
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
  const state = await folders.indexFor(folder)?.refresh();
  if (!state) return;
  if (state.kind === 'ready' && state.result.usage) void vscode.window.showInformationMessage(`LLM Cost Lens: ${importSummary(state.result.usage)}`);
}
