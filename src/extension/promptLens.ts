// CodeLens at the top of a prompt file: its token count and monthly cost at the front matter's model and volume.
// Prompt files are small: one estimate per document version, cached; settings changes recompute.
import * as vscode from 'vscode';
import { estimatePromptFile, parsePromptFile, type PromptFileEstimate } from '../core/prompts/promptFile';
import type { FolderSettings } from './analysis';
import { CommandId } from './commands';
import { promptLensTitle, promptLensTooltip } from './promptLensText';

export const PROMPT_SELECTOR: vscode.DocumentSelector = [{ language: 'llm-prompt', scheme: 'file' }];

export class PromptFileLensProvider implements vscode.CodeLensProvider {
  // Keyed by the document object, so a closed document's entry goes with it.
  private readonly cache = new WeakMap<vscode.TextDocument, { version: number; generation: number; estimate: PromptFileEstimate }>();
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly settings: FolderSettings) {
    this.onDidChangeCodeLenses = (listener, thisArg, disposables) => settings.onDidChange(() => listener.call(thisArg, undefined), null, disposables);
  }

  estimate(doc: vscode.TextDocument): PromptFileEstimate {
    const hit = this.cache.get(doc);
    if (hit && hit.version === doc.version && hit.generation === this.settings.generation) return hit.estimate;
    const read = this.settings.forFolder(vscode.workspace.getWorkspaceFolder(doc.uri));
    const estimate = estimatePromptFile(parsePromptFile(doc.getText(), doc.uri.path), read.settings, read.explicit);
    this.cache.set(doc, { version: doc.version, generation: this.settings.generation, estimate });
    return estimate;
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    let estimate: PromptFileEstimate;
    try {
      estimate = this.estimate(doc);
    } catch (e) {
      console.error(`LLM Cost Lens: estimate of ${doc.uri.path} failed`, e);
      return [];
    }
    const range = new vscode.Range(0, 0, 0, 0);
    return [new vscode.CodeLens(range, { title: promptLensTitle(estimate), command: CommandId.OpenPanel, tooltip: promptLensTooltip(estimate) })];
  }
}
