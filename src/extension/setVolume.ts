// "Set volume…": asks for requests/day and saves it as llmCostLens.callSites["<key>"].requestsPerDay in the
// workspace FOLDER's .vscode/settings.json — the file the CLI reads too — never in user settings.
import * as vscode from 'vscode';
import { applyEdits, modify, parse as parseJsonc } from 'jsonc-parser';
import { formatCount } from '../core/format/money';
import type { SetVolumeArgs } from './codeLens';
import { parseVolume } from './lensText';
import { extensionLog } from './log';

export async function setVolume(args: SetVolumeArgs | undefined): Promise<void> {
  if (!args) {
    void vscode.window.showInformationMessage('LLM Cost Lens: use the "Set volume…" CodeLens above a call to set its requests per day.');
    return;
  }
  const uri = vscode.Uri.parse(args.uri);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showWarningMessage('LLM Cost Lens: this file is outside the workspace folders, so its volume cannot be saved in workspace settings.');
    return;
  }
  const annotated = args.source === 'annotation';
  const input = await vscode.window.showInputBox({
    title: `Requests per day for ${args.key}`,
    prompt: annotated
      ? `The llm-cost comment above line ${args.line} sets the volume and wins over this setting: remove it for this value to apply.`
      : 'Saved as llmCostLens.callSites in this folder\'s .vscode/settings.json',
    value: String(args.requestsPerDay),
    validateInput: (text) => {
      const r = parseVolume(text);
      return r.ok ? undefined : r.error;
    },
  });
  if (input === undefined) return;
  const parsed = parseVolume(input);
  if (!parsed.ok) return;
  await writeCallSiteVolume(folder, args.key, parsed.value);
  if (annotated) {
    void vscode.window.showInformationMessage(
      `LLM Cost Lens: saved ${formatCount(parsed.value)}/day for ${args.key}, but the llm-cost comment above line ${args.line} hides it until you remove that comment.`,
    );
  }
}

async function writeCallSiteVolume(folder: vscode.WorkspaceFolder, key: string, requestsPerDay: number): Promise<void> {
  const config = vscode.workspace.getConfiguration('llmCostLens', folder.uri);
  const current = config.inspect<Record<string, Record<string, unknown>>>('callSites')?.workspaceFolderValue ?? {};
  const next = { ...current, [key]: { ...(current[key] ?? {}), requestsPerDay } };
  try {
    await config.update('callSites', next, vscode.ConfigurationTarget.WorkspaceFolder);
  } catch (e) {
    // The configuration API refuses keys not (yet) registered in package.json `contributes.configuration`:
    // edit the same file directly, preserving its comments and formatting.
    extensionLog().warn(`configuration update failed (${e instanceof Error ? e.message : String(e)}); editing .vscode/settings.json directly`);
    await editSettingsFile(folder, key, requestsPerDay);
  }
}

async function editSettingsFile(folder: vscode.WorkspaceFolder, key: string, requestsPerDay: number): Promise<void> {
  const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
  let text = '{}';
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, '.vscode'));
  }
  const root: unknown = parseJsonc(text);
  if (root !== undefined && (typeof root !== 'object' || root === null || Array.isArray(root))) {
    throw new Error(`${folder.name}/.vscode/settings.json is not a JSON object: fix it before setting a volume`);
  }
  const edits = modify(text.trim() === '' ? '{}' : text, ['llmCostLens.callSites', key, 'requestsPerDay'], requestsPerDay, {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
  });
  const updated = applyEdits(text.trim() === '' ? '{}' : text, edits);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(updated.endsWith('\n') ? updated : updated + '\n'));
}
