// Applies a quick fix that changes the estimate, not the code (settingsFixes.ts): writes the fields into
// llmCostLens.callSites[key] of the document's folder through the one settings writer, then says what changed and
// what the code still has to do. The lens and the views update from the settings change like any other.
import * as vscode from 'vscode';
import * as z from 'zod';
import { writeCallSiteFields } from './settingsWriter';

const patchSchema = z.strictObject({ batch: z.literal(true).optional(), model: z.string().min(1).optional() });

export async function applySettingsFix(uri: unknown, key: unknown, patch: unknown, note: unknown): Promise<void> {
  const parsed = patchSchema.safeParse(patch);
  if (typeof uri !== 'string' || typeof key !== 'string' || !parsed.success) return;
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri));
  if (!folder) {
    void vscode.window.showWarningMessage('LLM Cost Lens: this file is in no workspace folder, so there is no folder settings file to write the fix to.');
    return;
  }
  const error = await writeCallSiteFields(folder, key, parsed.data);
  if (error) {
    void vscode.window.showErrorMessage(`LLM Cost Lens: ${error}`);
    return;
  }
  void vscode.window.showInformationMessage(`LLM Cost Lens: saved in ${folder.name}/.vscode/settings.json. ${typeof note === 'string' ? note : ''}`);
}
