// "Export Cost Report…": asks the format and a file (default: the workspace folder), scans the folder exactly as
// `llm-cost-lens scan` does and writes the report `scan --report` prints: call sites, totals, every assumption.
import * as vscode from 'vscode';
import { WorkspaceScanner } from '../core/scan/scan';
import { buildCostReport, renderCostReport, REPORT_EXTENSIONS, type ReportFormat } from '../core/format/costReport';
import { priceCatalogInfo } from '../core/catalog/prices';
import { readerFor, readFolderScanSettings } from './analysis';
import type { EngineContext } from '../core/engine/context';

const FORMATS: (vscode.QuickPickItem & { format: ReportFormat })[] = [
  { label: 'Markdown', description: '.md', detail: 'Tables for a pull request, wiki or issue', format: 'markdown' },
  { label: 'CSV', description: '.csv', detail: 'Call sites, totals and assumptions for a spreadsheet (numbers unrounded)', format: 'csv' },
  { label: 'JSON', description: '.json', detail: 'The same numbers as `llm-cost-lens scan --json`, for scripts', format: 'json' },
];
const FILTERS: Record<ReportFormat, Record<string, string[]>> = { markdown: { Markdown: ['md'] }, csv: { CSV: ['csv'] }, json: { JSON: ['json'] } };

export type ExportOutcome = { file: string | null; error: string | null };

/** Returns where the report was written (null when cancelled) or why it could not be. */
export async function exportReport(engine: EngineContext, format?: ReportFormat): Promise<ExportOutcome> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    const error = 'Export Cost Report: open a folder on disk first (the report covers the workspace folder\'s call sites).';
    void vscode.window.showWarningMessage(`LLM Cost Lens: ${error}`);
    return { file: null, error };
  }
  const chosen = format ?? (await vscode.window.showQuickPick(FORMATS, { title: 'Export Cost Report: format', placeHolder: 'Markdown, CSV or JSON' }))?.format;
  if (!chosen) return { file: null, error: null };
  const target = await vscode.window.showSaveDialog({
    title: 'Export Cost Report',
    saveLabel: 'Export',
    defaultUri: vscode.Uri.joinPath(folder.uri, `llm-cost-report.${REPORT_EXTENSIONS[chosen]}`),
    filters: FILTERS[chosen],
  });
  if (!target) return { file: null, error: null };
  let text: string;
  try {
    // Read as the workspace index reads the folder (restricted mode: nothing that resolves outside it), in slices.
    const scanner = new WorkspaceScanner(folder.uri.fsPath, { engine, reader: readerFor, settings: readFolderScanSettings });
    await scanner.scan({ yieldEveryMs: 20 });
    const { source, asOf, staleNote } = priceCatalogInfo(engine.catalog);
    text = renderCostReport(buildCostReport(scanner.result(), scanner.settings, { source, asOf, staleNote }), chosen);
  } catch (e) {
    const error = `Export Cost Report: the scan failed (${e instanceof Error ? e.message : String(e)})`;
    void vscode.window.showErrorMessage(`LLM Cost Lens: ${error}`);
    return { file: null, error };
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  } catch (e) {
    const error = `Export Cost Report: could not write ${target.fsPath} (${e instanceof Error ? e.message : String(e)})`;
    void vscode.window.showErrorMessage(`LLM Cost Lens: ${error}`);
    return { file: null, error };
  }
  void vscode.window.showInformationMessage(`LLM Cost Lens: cost report saved to ${vscode.workspace.asRelativePath(target)}`);
  return { file: vscode.workspace.asRelativePath(target), error: null };
}
