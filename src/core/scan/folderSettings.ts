// The one reader of a workspace folder's settings (`<root>/.vscode/settings.json`, JSONC): the CLI, the workspace
// index, the lenses and the panel all read through it, so they show the same numbers. Restricted mode is applied
// here and only here.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonc } from '../io/json';
import { readSettings, type SettingsRead } from '../settings';
import { resolvesInside } from './confinedReader';

export type WorkspaceSettings = SettingsRead & { file: string | null; filesExclude: Record<string, unknown> };

export interface ReadFolderOptions {
  /**
   * Restricted mode (an untrusted workspace): still estimate, but read nothing that resolves outside the folder —
   * a `.vscode/settings.json` linked in from elsewhere is ignored with a warning.
   */
  restricted?: boolean;
}

const SETTINGS_FILE = join('.vscode', 'settings.json');

/** The llmCostLens.* values and files.exclude of a folder; never throws (problems become warnings + defaults). */
export function readWorkspaceSettings(root: string, options: ReadFolderOptions = {}): WorkspaceSettings {
  const file = join(root, SETTINGS_FILE);
  if (!existsSync(file)) return { ...readSettings({}), file: null, filesExclude: {} };
  if (options.restricted && !resolvesInside(root, SETTINGS_FILE)) {
    const read = readSettings({});
    read.warnings.push('.vscode/settings.json resolves outside the workspace folder: ignored in restricted mode, using defaults');
    return { ...read, file: null, filesExclude: {} };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    // a folder, an unreadable file: defaults and one warning, as for a file that does not parse
    const r = readSettings({});
    r.warnings.push(`.vscode/settings.json: unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)}) — using defaults`);
    return { ...r, file: '.vscode/settings.json', filesExclude: {} };
  }
  // VS Code accepts a byte-order mark at the start of settings.json
  const parsed = parseJsonc(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    const r = readSettings({});
    r.warnings.push(`.vscode/settings.json: ${parsed.ok ? 'expected an object' : parsed.error} — using defaults`);
    return { ...r, file: '.vscode/settings.json', filesExclude: {} };
  }
  const raw = parsed.value as Record<string, unknown>;
  const fe = Object.hasOwn(raw, 'files.exclude') ? raw['files.exclude'] : undefined;
  return { ...readSettings(raw), file: '.vscode/settings.json', filesExclude: fe && typeof fe === 'object' && !Array.isArray(fe) ? (fe as Record<string, unknown>) : {} };
}
