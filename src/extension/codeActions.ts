// Quick fixes on a call site (lightbulb / Ctrl+.): thin adapter over quickFixModel.ts. Each action is a
// WorkspaceEdit in the call's own syntax (previewable with Ctrl+Enter in the lightbulb menu), titled with the
// saving the engine computes at the call's volume; the lens updates from the edited document's new analysis.
import * as vscode from 'vscode';
import type { DocumentAnalyses } from './analysis';
import { quickFixesFor } from '../core/fixes/quickFixModel';
import { notebookCellOf } from './notebookCells';
import { CommandId } from './commands';

export class CostCodeActionProvider implements vscode.CodeActionProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, _context: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    if (notebookCellOf(doc)) return [];
    const analysis = await this.analyses.get(doc);
    if (token.isCancellationRequested) return [];
    const line = range.start.line + 1;
    const sites = analysis.callSites.filter((c) => c.line <= line && line <= c.endLine);
    if (sites.length === 0) return [];
    const settings = this.analyses.settings.forFolder(vscode.workspace.getWorkspaceFolder(doc.uri)).settings;
    const lines = doc.getText().split(/\r?\n/);
    return sites.flatMap((c) => quickFixesFor(this.analyses.engine.catalog, c, settings, lines).map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      if (fix.settings) {
        // changes the estimate, not the code: written to the folder's llmCostLens.callSites (settingsFix.ts)
        action.command = { command: CommandId.ApplySettingsFix, title: fix.title, arguments: [doc.uri.toString(), fix.settings.key, fix.settings.patch, fix.note] };
        return action;
      }
      if (fix.edits.length === 0) {
        // advice with its figure (nothing to edit): the action explains what keeps the saving
        action.command = { command: CommandId.ShowFixNote, title: fix.title, arguments: [fix.note] };
        return action;
      }
      const edit = new vscode.WorkspaceEdit();
      for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(e.line, e.character, e.endLine, e.endCharacter), e.text, { label: fix.title, needsConfirmation: false, description: fix.note });
      action.edit = edit;
      return action;
    }));
  }
}
