// "Set volume…": asks for requests/day and saves it as llmCostLens.callSites["<key>"].requestsPerDay in the
// workspace FOLDER's .vscode/settings.json — the file the CLI reads too — never in user settings.
import * as vscode from 'vscode';
import { formatCount } from '../core/money';
import type { SetVolumeArgs } from './codeLens';
import { parseVolume } from './codeLensSpecs';
import { extensionLog } from './log';
import { writeCallSiteFields } from './settingsWriter';

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
  // The one settings writer: validated with the setting's schema, queued behind any panel write.
  const error = await writeCallSiteFields(folder, args.key, { requestsPerDay: parsed.value });
  if (error) {
    extensionLog().warn(error);
    void vscode.window.showErrorMessage(`LLM Cost Lens: ${error}`);
    return;
  }
  if (annotated) {
    void vscode.window.showInformationMessage(
      `LLM Cost Lens: saved ${formatCount(parsed.value)}/day for ${args.key}, but the llm-cost comment above line ${args.line} hides it until you remove that comment.`,
    );
  }
}
