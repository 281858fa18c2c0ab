// Activation is cheap: register commands, providers and the status bar; grammars, tokenizer ranks and the
// workspace scan load on first use or in the background after activate() has returned.
import * as vscode from 'vscode';
import { CommandId } from './commands';
import { CostPanel, registerPanelSerializer } from './panel';
import { createStatusBar, trackWorkspaceTotals } from './statusBar';
import { DOCUMENT_SELECTOR, DocumentAnalyses, FolderSettings } from './analysis';
import { CostCodeLensProvider } from './codeLens';
import { CostHoverProvider } from './hover';
import { setVolume } from './setVolume';
import { exportReport } from './exportReport';
import { loadDownloadedPrices, updatePricesCommand } from './updatePrices';
import { PROMPT_SELECTOR, PromptFileLensProvider } from './promptLens';
import { trackPlaceholderDecorations } from './placeholderDecorations';
import { extensionLog } from './log';
import { WorkspaceIndex } from './workspaceIndex';

/** Test-only switch for the e2e harness to prove its tests can fail (see test/e2e). */
const brokenFeature = process.env.LLM_COST_LENS_E2E_BREAK ?? '';

export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const settings = new FolderSettings();
  const analyses = new DocumentAnalyses(settings);
  // One scan of the workspace for the status bar and the panel; it starts after activate() has returned.
  const index = new WorkspaceIndex(context, settings);
  context.subscriptions.push(
    settings,
    analyses,
    index,
    vscode.commands.registerCommand(CommandId.OpenPanel, () => CostPanel.show(context, index)),
    vscode.commands.registerCommand(CommandId.RescanWorkspace, () => index.start()),
    // Restores an open cost panel after a window reload (its state comes back through getState/setState).
    registerPanelSerializer(context.extensionUri, index),
    vscode.commands.registerCommand(CommandId.SetVolume, setVolume),
    vscode.commands.registerCommand(CommandId.UpdatePrices, () => updatePricesCommand(context, settings)),
    vscode.commands.registerCommand(CommandId.ExportReport, () => exportReport()),
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, new CostHoverProvider(analyses)),
  );
  if (brokenFeature !== 'codelens') {
    context.subscriptions.push(
      vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, new CostCodeLensProvider(analyses)),
      vscode.languages.registerCodeLensProvider(PROMPT_SELECTOR, new PromptFileLensProvider(settings)),
    );
  }
  context.subscriptions.push(trackPlaceholderDecorations(analyses));
  if (brokenFeature !== 'statusbar') {
    const item = createStatusBar();
    context.subscriptions.push(item, trackWorkspaceTotals(item, index));
  }
  index.start();
  loadDownloadedPrices(context, settings);
  const done = Date.now();
  // The log stamps a line when it writes it, which can be later (the channel is set up asynchronously): the
  // end time is in the message so activation can be measured from the extension host's own log.
  context.subscriptions.push(extensionLog());
  extensionLog().info(`LLM Cost Lens activated in ${done - started} ms (finished at ${new Date(done).toISOString()})`);
}

export function deactivate(): void {}
