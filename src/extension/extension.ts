// Activation is cheap: register commands and the status bar; everything heavy loads on first use.
import * as vscode from 'vscode';
import { CommandId } from './commands';
import { CostPanel } from './panel';
import { createStatusBar } from './statusBar';

/** Test-only switch for the e2e harness to prove its tests can fail (see test/e2e). */
const brokenFeature = process.env.LLM_COST_LENS_E2E_BREAK ?? '';

export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  context.subscriptions.push(vscode.commands.registerCommand(CommandId.OpenPanel, () => CostPanel.show(context)));
  if (brokenFeature !== 'statusbar') context.subscriptions.push(createStatusBar());
  console.log(`LLM Cost Lens activated in ${Date.now() - started} ms`);
}

export function deactivate(): void {}
