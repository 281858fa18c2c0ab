// Hover on a call expression (its first to last line): the full cost breakdown as a Markdown table.
import * as vscode from 'vscode';
import type { DocumentAnalyses } from './analysis';
import { CommandId } from './commands';
import { hoverMarkdown } from '../core/format/hoverText';
import { priceCatalogInfo } from '../core/catalog/prices';
import { extensionLog } from './log';

/** A hover that waited longer than this for its analysis says so in the log (engine, tokenizer or grammar loading). */
const SLOW_HOVER_MS = 1_000;

export class CostHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyses: DocumentAnalyses) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const started = Date.now();
    const analysis = await this.analyses.get(doc);
    const line = position.line + 1;
    const waited = Date.now() - started;
    if (waited >= SLOW_HOVER_MS) {
      const where = `${vscode.workspace.asRelativePath(doc.uri)}:${line}`;
      extensionLog().info(`hover at ${where} waited ${waited} ms for the analysis${token.isCancellationRequested ? '; the editor had withdrawn the request by then' : ''}`);
    }
    if (token.isCancellationRequested) return undefined;
    // The innermost call containing the line (nested calls: the one that starts last). In a notebook cell the
    // analysis holds that cell's calls only, with lines inside the cell.
    const hits = analysis.callSites.filter((c) => c.line <= line && line <= c.endLine);
    const c = hits.sort((a, b) => b.line - a.line || b.column - a.column)[0];
    if (!c) return undefined;
    if (c.line === line && position.character < c.column - 1) return undefined;
    const text = new vscode.MarkdownString(hoverMarkdown(c, { openPanel: CommandId.OpenPanel }, { priceStaleNote: priceCatalogInfo(this.analyses.engine.catalog).staleNote }), true);
    text.isTrusted = { enabledCommands: [CommandId.OpenPanel] };
    text.supportHtml = false;
    const end = Math.min(c.endLine - 1, doc.lineCount - 1);
    return new vscode.Hover(text, new vscode.Range(c.line - 1, c.column - 1, end, doc.lineAt(end).text.length));
  }
}
