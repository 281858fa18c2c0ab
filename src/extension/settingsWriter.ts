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

type Entries = Record<string, unknown>;

/** Rewrites one entry of an object-valued setting (llmCostLens.callSites, openModelFor) in the folder's settings. */
async function updateObjectSetting(folder: vscode.WorkspaceFolder, setting: 'callSites' | 'openModelFor', change: (current: Entries) => Entries, what: string): Promise<string | null> {
  const config = vscode.workspace.getConfiguration('llmCostLens', folder.uri);
  const current = structuredClone(config.inspect<Entries>(setting)?.workspaceFolderValue ?? {});
  const next = change(current);
  const checked = validateSetting(setting, next);
  if (!checked.ok) return checked.error;
  try {
    await config.update(setting, Object.keys(next).length ? checked.value : undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    return null;
  } catch (e) {
    return `${what}: could not be saved (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** Sets (or with null removes) fields of llmCostLens.callSites[key] in one write; an entry left empty is removed. */
export function writeCallSiteFields(folder: vscode.WorkspaceFolder, key: string, patch: Partial<Record<'requestsPerDay' | 'model', number | string | null>>): Promise<string | null> {
  return updateObjectSetting(folder, 'callSites', (all) => {
    const entry = { ...((all[key] as Entries | undefined) ?? {}) };
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) delete entry[field];
      else entry[field] = value;
    }
    if (Object.keys(entry).length) all[key] = entry;
    else delete all[key];
    return all;
  }, `llmCostLens.callSites[${JSON.stringify(key)}]`);
}

/** Sets (or with null removes) llmCostLens.openModelFor's entry for `apiModel` (an existing key in another case is replaced). */
export function writeOpenModelFor(folder: vscode.WorkspaceFolder, apiModel: string, openModel: string | null): Promise<string | null> {
  return updateObjectSetting(folder, 'openModelFor', (all) => {
    for (const k of Object.keys(all)) if (k.toLowerCase() === apiModel.toLowerCase()) delete all[k];
    if (openModel !== null) all[apiModel] = openModel;
    return all;
  }, `llmCostLens.openModelFor[${JSON.stringify(apiModel)}]`);
}
