// Writes the panel's assumption changes to the workspace FOLDER's settings (.vscode/settings.json in a
// single-folder workspace: the file the CLI reads), never to user settings. Values are validated first with the
// setting's zod schema; an invalid value writes nothing and comes back as an error naming the key.
import * as vscode from 'vscode';
import type { SettingKey } from '../core/settings';
import { validateSetting } from './panelState';

export async function writeSetting(folder: vscode.WorkspaceFolder, key: SettingKey, value: unknown): Promise<string | null> {
  const checked = validateSetting(key, value);
  if (!checked.ok) return checked.error;
  try {
    await vscode.workspace.getConfiguration('llmCostLens', folder.uri).update(key, checked.value, vscode.ConfigurationTarget.WorkspaceFolder);
    return null;
  } catch (e) {
    return `llmCostLens.${key}: could not be saved (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** "Reset to defaults": removes the keys from the folder's settings, so the built-in defaults apply. */
export async function resetSettings(folder: vscode.WorkspaceFolder, keys: readonly SettingKey[]): Promise<string | null> {
  const config = vscode.workspace.getConfiguration('llmCostLens', folder.uri);
  for (const key of keys) {
    if (config.inspect(key)?.workspaceFolderValue === undefined) continue;
    try {
      await config.update(key, undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    } catch (e) {
      return `llmCostLens.${key}: could not be reset (${e instanceof Error ? e.message : String(e)})`;
    }
  }
  return null;
}
