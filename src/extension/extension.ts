// Activation entry (dist/extension.js): only `vscode` and a few constants. It registers the commands, providers
// and the panel serializer as thin proxies and loads the engine bundle (dist/services.js: settings, detection,
// tokenizers, prices, the workspace index) on first need — the first provider request or command, or right after
// activate() has returned, whichever comes first. Grammars and tokenizer ranks load later still, on first use.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { CommandId } from './commands';
import { DOCUMENT_SELECTOR, PROMPT_SELECTOR } from './selectors';
import { extensionLog } from './log';
import type { Services, createServices } from './services';

/** Defined by scripts/build.mjs: true only in builds for the e2e harness (LLM_COST_LENS_E2E_HOOKS=1). */
declare const __E2E_HOOKS__: boolean;
/** Test-only switch for the e2e harness to prove its tests can fail (see test/e2e); absent from a normal build. */
const brokenFeature = typeof __E2E_HOOKS__ !== 'undefined' && __E2E_HOOKS__ ? (process.env.LLM_COST_LENS_E2E_BREAK ?? '') : '';

let services: Services | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const lensesChanged = new vscode.EventEmitter<void>();
  const promptLensesChanged = new vscode.EventEmitter<void>();
  const load = (): Services => {
    if (services) return services;
    const t0 = Date.now();
    // A path esbuild cannot follow: services.js is its own bundle, required here and not inlined.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime require is the point (lazy bundle)
    const mod = require(join(__dirname, 'services.js')) as { createServices: typeof createServices };
    services = mod.createServices(context, { statusBar: brokenFeature !== 'statusbar', activatedAt: started });
    context.subscriptions.push(
      services.codeLens.onDidChangeCodeLenses(() => lensesChanged.fire()),
      services.promptLens.onDidChangeCodeLenses(() => promptLensesChanged.fire()),
    );
    extensionLog().info(`engine loaded in ${Date.now() - t0} ms`);
    return services;
  };

  context.subscriptions.push(extensionLog(), lensesChanged, promptLensesChanged);
  for (const id of [CommandId.OpenPanel, CommandId.SetVolume, CommandId.UpdatePrices, CommandId.ExportReport, CommandId.RescanWorkspace, CommandId.ShowChangesVsBase, CommandId.ImportUsage,
    CommandId.TreeReveal, CommandId.TreeSetVolume, CommandId.TreePinModel, CommandId.TreeOpenInPanel, CommandId.TreeSortByFile, CommandId.TreeSortByCost, CommandId.TreeShowAttention, CommandId.TreeShowAll, CommandId.ShowFixNote, CommandId.ApplySettingsFix]) {
    context.subscriptions.push(vscode.commands.registerCommand(id, (...args: never[]) => load().commands[id](...args)));
  }
  context.subscriptions.push(
    // Restores an open cost panel after a window reload (its state comes back through getState/setState).
    vscode.window.registerWebviewPanelSerializer('llmCostLens.panel', { deserializeWebviewPanel: async (panel) => load().revivePanel(panel) }),
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, { provideHover: (doc, pos, token) => load().hover.provideHover(doc, pos, token) }),
    // Quick fixes with their saving (codeActions.ts); the metadata is repeated here so this file needs no engine.
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, { provideCodeActions: (doc, range, ctx, token) => load().codeActions.provideCodeActions(doc, range, ctx, token) }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
  if (brokenFeature !== 'codelens') {
    context.subscriptions.push(
      vscode.languages.registerCodeLensProvider(DOCUMENT_SELECTOR, { onDidChangeCodeLenses: lensesChanged.event, provideCodeLenses: (doc, token) => load().codeLens.provideCodeLenses(doc, token) }),
      vscode.languages.registerCodeLensProvider(PROMPT_SELECTOR, { onDidChangeCodeLenses: promptLensesChanged.event, provideCodeLenses: (doc) => load().promptLens.provideCodeLenses(doc) }),
    );
  }
  // The status bar, the workspace index and placeholder decorations start with the engine, after activation.
  setTimeout(() => {
    try {
      load();
    } catch (e) {
      extensionLog().error('loading the engine failed', e);
    }
  }, 0);
  const done = Date.now();
  // The log stamps a line when it writes it, which can be later (the channel is set up asynchronously): the
  // end time is in the message so activation can be measured from the extension host's own log.
  extensionLog().info(`LLM Cost Lens activated in ${done - started} ms (finished at ${new Date(done).toISOString()})`);
}

export function deactivate(): void {
  services = undefined;
}
