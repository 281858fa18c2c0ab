// CodeLens at the top of a prompt file: its token count and monthly cost at the front matter's model and volume,
// the file's `scan` call-site record (same detection and costing). Prompt files are small: one estimate per
// document version, cached; settings changes recompute.
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { estimatePromptFile, type PromptFileSite } from '../core/scan/promptFileSite';
import type { FolderSettings } from './analysis';
import type { EngineContext } from '../core/engine/context';
import { CommandId } from './commands';
import { promptLensTitle, promptLensTooltip } from '../core/format/promptLensText';
import { extensionLog } from './log';

export { PROMPT_SELECTOR } from './selectors';

export class PromptFileLensProvider implements vscode.CodeLensProvider {
  // Keyed by the document object, so a closed document's entry goes with it.
  private readonly cache = new WeakMap<vscode.TextDocument, { version: number; generation: number; catalog: object; ranks: number; estimate: PromptFileSite }>();
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly settings: FolderSettings, private readonly engine: EngineContext) {
    this.onDidChangeCodeLenses = (listener, thisArg, disposables) => settings.onDidChange(() => listener.call(thisArg, undefined), null, disposables);
  }

  estimate(doc: vscode.TextDocument): PromptFileSite {
    const hit = this.cache.get(doc);
    if (hit && hit.version === doc.version && hit.generation === this.settings.generation && hit.catalog === this.engine.catalog && hit.ranks === this.engine.tokenizerGeneration) return hit.estimate;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    // Relative to the folder, as `scan` keys it (llmCostLens.callSites["prompts/x.prompty#<prompt>"]).
    const rel = folder ? posix.relative(folder.uri.path, doc.uri.path) : posix.basename(doc.uri.path);
    const { catalog, tokenizerGeneration: ranks } = this.engine;
    const estimate = estimatePromptFile(this.engine, rel, doc.getText(), this.settings.forFolder(folder));
    this.cache.set(doc, { version: doc.version, generation: this.settings.generation, catalog, ranks, estimate });
    return estimate;
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    let estimate: PromptFileSite;
    try {
      estimate = this.estimate(doc);
    } catch (e) {
      extensionLog().error(`estimate of ${doc.uri.path} failed: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
    const range = new vscode.Range(0, 0, 0, 0);
    return [new vscode.CodeLens(range, { title: promptLensTitle(estimate), command: CommandId.OpenPanel, tooltip: promptLensTooltip(estimate) })];
  }
}
