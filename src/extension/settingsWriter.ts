// Writes the panel's assumption changes to the workspace FOLDER's settings (.vscode/settings.json in a
// single-folder workspace: the file the CLI reads), never to user settings. Values are validated first with the
// setting's zod schema; an invalid value writes nothing and comes back as an error naming the key.
import * as vscode from 'vscode';
import type { SettingKey } from '../core/settings';
import { validateSetting } from '../core/format/panelState';
import { createWriteQueue, reservedKeyError, withCallSiteFields, withOpenModelFor, type Entries } from './settingsEdits';

/** Every write to the folder settings goes through this one queue (see settingsEdits.ts). */
const enqueue = createWriteQueue();

export function writeSetting(folder: vscode.WorkspaceFolder, key: SettingKey, value: unknown): Promise<string | null> {
  return enqueue(() => writeSettingNow(folder, key, value));
}

async function writeSettingNow(folder: vscode.WorkspaceFolder, key: SettingKey, value: unknown): Promise<string | null> {
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
export function resetSettings(folder: vscode.WorkspaceFolder, keys: readonly SettingKey[]): Promise<string | null> {
  return enqueue(() => resetSettingsNow(folder, keys));
}

async function resetSettingsNow(folder: vscode.WorkspaceFolder, keys: readonly SettingKey[]): Promise<string | null> {
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

/** Rewrites one entry of an object-valued setting (llmCostLens.callSites, openModelFor) in the folder's settings. */
function updateObjectSetting(folder: vscode.WorkspaceFolder, setting: 'callSites' | 'openModelFor', change: (current: Entries) => Entries, what: string): Promise<string | null> {
  // read-modify-write inside the queue: the read sees every earlier write
  return enqueue(() => updateObjectSettingNow(folder, setting, change, what));
}

async function updateObjectSettingNow(folder: vscode.WorkspaceFolder, setting: 'callSites' | 'openModelFor', change: (current: Entries) => Entries, what: string): Promise<string | null> {
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
export function writeCallSiteFields(folder: vscode.WorkspaceFolder, key: string, patch: Partial<Record<'requestsPerDay' | 'model' | 'batch', number | string | boolean | null>>): Promise<string | null> {
  const what = `llmCostLens.callSites[${JSON.stringify(key)}]`;
  const reserved = reservedKeyError(what, key);
  if (reserved) return Promise.resolve(reserved);
  return updateObjectSetting(folder, 'callSites', (all) => withCallSiteFields(all, key, patch), what);
}

/** Sets (or with null removes) llmCostLens.openModelFor's entry for `apiModel` (an existing key in another case is replaced). */
export function writeOpenModelFor(folder: vscode.WorkspaceFolder, apiModel: string, openModel: string | null): Promise<string | null> {
  const what = `llmCostLens.openModelFor[${JSON.stringify(apiModel)}]`;
  const reserved = reservedKeyError(what, apiModel);
  if (reserved) return Promise.resolve(reserved);
  return updateObjectSetting(folder, 'openModelFor', (all) => withOpenModelFor(all, apiModel, openModel), what);
}
