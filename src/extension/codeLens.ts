// CodeLens above every detected call: the one-line summary (click: the cost panel) and "Set volume…".
// Thin: reads the cached analysis of this document version and formats it.
import * as vscode from 'vscode';
import type { CallSiteReport } from '../core/scan/callSite';
import type { DocumentAnalyses } from './analysis';
import { CommandId } from './commands';
import { lensTitle, setVolumeTitle } from './lensText';
import { notebookCellOf } from './notebookCells';

/** Arguments of `llmCostLens.setVolume` as the lens passes them. */
export interface SetVolumeArgs {
  uri: string;
  key: string;
  requestsPerDay: number;
  source: CallSiteReport['volume']['source'];
  line: number;
}

export class CostCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly analyses: DocumentAnalyses) {
    this.onDidChangeCodeLenses = (listener, thisArg, disposables) => analyses.onDidChange(() => listener.call(thisArg, undefined), null, disposables);
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const analysis = await this.analyses.get(doc);
    if (token.isCancellationRequested) return [];
    const lenses: vscode.CodeLens[] = [];
    // In a notebook cell the settings belong to the notebook file's folder.
    const owner = notebookCellOf(doc)?.notebook.uri ?? doc.uri;
    for (const c of analysis.callSites) {
      if (c.line > doc.lineCount) continue;
      const range = new vscode.Range(c.line - 1, 0, c.line - 1, 0);
      lenses.push(new vscode.CodeLens(range, { title: lensTitle(c), command: CommandId.OpenPanel, tooltip: 'Open the cost panel' }));
      const args: SetVolumeArgs = { uri: owner.toString(), key: c.key, requestsPerDay: c.volume.requestsPerDay, source: c.volume.source, line: c.line };
      lenses.push(new vscode.CodeLens(range, { title: setVolumeTitle(c), command: CommandId.SetVolume, arguments: [args], tooltip: `Requests per day for ${c.key}, saved in the workspace folder's settings` }));
    }
    return lenses;
  }
}
