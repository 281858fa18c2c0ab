// CodeLens above every detected call: the one-line summary (click: the cost panel) and "Set volume…".
// Thin: reads the cached analysis of this document version and formats it (codeLensSpecs.ts and core/format/lensText.ts, pure).
import * as vscode from 'vscode';
import type { DocumentAnalyses } from './analysis';
import { codeLensSpecs } from './codeLensSpecs';
import { notebookCellOf } from './notebookCells';

export type { SetVolumeArgs } from './codeLensSpecs';

export class CostCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly analyses: DocumentAnalyses) {
    this.onDidChangeCodeLenses = (listener, thisArg, disposables) => analyses.onDidChange(() => listener.call(thisArg, undefined), null, disposables);
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const analysis = await this.analyses.get(doc);
    if (token.isCancellationRequested) return [];
    // In a notebook cell the call sites carry their cell, and the settings belong to the notebook file's folder.
    const cell = notebookCellOf(doc);
    const owner = cell?.notebook.uri ?? doc.uri;
    return codeLensSpecs(analysis.callSites, owner.toString(), doc.lineCount, cell !== undefined).map(
      (s) => new vscode.CodeLens(new vscode.Range(s.line, 0, s.line, 0), { title: s.title, command: s.command, tooltip: s.tooltip, arguments: s.arguments }),
    );
  }
}
