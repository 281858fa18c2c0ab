// Settings honesty, the editor side: after start-up and whenever llmCostLens.* changes, looks for User or
// workspace-file values that no folder file carries (strayModel.ts), warns once per distinct set, and on
// "Move to folder settings" writes each value into every folder that lacks it, then removes it where it was.
import * as vscode from 'vscode';
import { readWorkspaceSettings } from '../core/scan/scan';
import { SETTINGS, type SettingKey } from '../core/settings';
import { findStrays, strayFingerprint, strayMessage, type SettingLayers, type Stray } from '../core/straySettingsModel';
import { extensionLog } from './log';

const WARNED_KEY = 'llmCostLens.straySettingsWarned';
export const MOVE_ACTION = 'Move to folder settings';

function collect(): Stray[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  // In a single-folder window the "workspace" layer IS the folder file; only a .code-workspace file is a layer apart.
  const hasWorkspaceFile = vscode.workspace.workspaceFile !== undefined;
  return findStrays(folders.map((folder) => {
    const explicit = readWorkspaceSettings(folder.uri.fsPath).explicit;
    const config = vscode.workspace.getConfiguration('llmCostLens', folder.uri);
    const layers: SettingLayers[] = (Object.keys(SETTINGS) as SettingKey[]).map((key) => {
      const i = config.inspect(key);
      return { key, user: i?.globalValue, workspaceFile: hasWorkspaceFile ? i?.workspaceValue : undefined, inFolderFile: explicit.has(key) };
    });
    return { folder: folder.name, layers };
  }));
}

async function move(strays: readonly Stray[]): Promise<void> {
  for (const s of strays) {
    for (const name of s.folders) {
      const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
      if (folder) await vscode.workspace.getConfiguration('llmCostLens', folder.uri).update(s.key, s.value, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await vscode.workspace.getConfiguration('llmCostLens').update(s.key, undefined, s.scope === 'user' ? vscode.ConfigurationTarget.Global : vscode.ConfigurationTarget.Workspace);
  }
}

export function watchStraySettings(context: vscode.ExtensionContext): vscode.Disposable {
  let busy = false;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const strays = collect();
      if (strays.length === 0) return;
      const fingerprint = strayFingerprint(strays);
      if (context.workspaceState.get<string>(WARNED_KEY) === fingerprint) return;
      await context.workspaceState.update(WARNED_KEY, fingerprint);
      const choice = await vscode.window.showWarningMessage(strayMessage(strays), MOVE_ACTION);
      if (choice === MOVE_ACTION) {
        await move(strays);
        extensionLog().info(`moved ${strays.map((s) => `llmCostLens.${s.key} (${s.scope})`).join(', ')} to the folder settings`);
      }
    } catch (e) {
      extensionLog().error('checking User / workspace-file settings failed', e);
    } finally {
      busy = false;
    }
  };
  void check();
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('llmCostLens') && void check()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void check()),
  );
}
