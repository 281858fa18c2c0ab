// Settings honesty (pure, unit-tested): `llmCostLens.*` values set in User settings or in a `.code-workspace` file
// are read by neither the editor nor the CLI — both read each folder's .vscode/settings.json — so a value there that
// the folder file does not carry is silently ignored. This finds them and words the one warning about them.
import { SETTINGS, SETTINGS_PREFIX, type SettingKey } from './settings';

export type StrayScope = 'user' | 'workspace file';

/** What the editor's configuration says about one setting for one folder. */
export interface SettingLayers { key: SettingKey; user: unknown; workspaceFile: unknown; inFolderFile: boolean }

export interface Stray { key: SettingKey; scope: StrayScope; value: unknown; folders: string[] }

/** The ignored values, one per (key, scope), with the folders whose file lacks the key. */
export function findStrays(perFolder: readonly { folder: string; layers: readonly SettingLayers[] }[]): Stray[] {
  const out = new Map<string, Stray>();
  for (const { folder, layers } of perFolder) {
    for (const l of layers) {
      if (l.inFolderFile || !Object.hasOwn(SETTINGS, l.key)) continue;
      for (const [scope, value] of [['user', l.user], ['workspace file', l.workspaceFile]] as const) {
        if (value === undefined) continue;
        const id = `${scope}|${l.key}`;
        const s = out.get(id) ?? { key: l.key, scope, value, folders: [] };
        s.folders.push(folder);
        out.set(id, s);
      }
    }
  }
  return [...out.values()];
}

/** A stable fingerprint, so the same strays warn once, and a changed set warns again. */
export const strayFingerprint = (strays: readonly Stray[]): string =>
  JSON.stringify(strays.map((s) => [s.scope, s.key, s.value, s.folders]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));

export function strayMessage(strays: readonly Stray[]): string {
  const names = strays.slice(0, 3).map((s) => `${SETTINGS_PREFIX}${s.key} (${s.scope === 'user' ? 'User settings' : 'workspace file'})`);
  const more = strays.length > 3 ? ` and ${strays.length - 3} more` : '';
  return `LLM Cost Lens reads its settings from each folder's .vscode/settings.json, as the CLI does: ${names.join(', ')}${more} ${strays.length === 1 ? 'is' : 'are'} ignored. Move ${strays.length === 1 ? 'it' : 'them'} to the folder settings?`;
}
