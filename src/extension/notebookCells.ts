// Notebook cells: a `vscode-notebook-cell` document is one cell of an open .ipynb notebook. Core analyses a whole
// notebook file (cells joined, so a client made in one cell is known in the next) and reports each call with its
// 0-based index among the CODE cells and a line within that cell; here a cell document is mapped to that index,
// and an open notebook to the .ipynb text detection reads, so cells show what `scan` reports once it is saved.
import * as vscode from 'vscode';

import { NOTEBOOK_CELL_SCHEME } from './selectors';

export { NOTEBOOK_CELL_SCHEME };

/** The .ipynb notebook holding this cell document, and the cell. */
export function notebookCellOf(doc: vscode.TextDocument): { notebook: vscode.NotebookDocument; cell: vscode.NotebookCell } | undefined {
  if (doc.uri.scheme !== NOTEBOOK_CELL_SCHEME) return undefined;
  for (const notebook of vscode.workspace.notebookDocuments) {
    if (notebook.uri.path !== doc.uri.path || !notebook.uri.path.toLowerCase().endsWith('.ipynb')) continue;
    const cell = notebook.getCells().find((c) => c.document === doc || c.document.uri.toString() === doc.uri.toString());
    if (cell) return { notebook, cell };
  }
  return undefined;
}

/** How the cell is saved in the .ipynb: VS Code's ipynb serializer keeps raw cells as code cells of language "raw". */
function cellType(cell: vscode.NotebookCell): 'code' | 'markdown' | 'raw' {
  if (cell.kind === vscode.NotebookCellKind.Markup) return 'markdown';
  return cell.document.languageId === 'raw' ? 'raw' : 'code';
}

/** The index core gives this cell (`CallSiteReport.cell`): its position among the notebook's code cells. */
export function codeCellIndex(notebook: vscode.NotebookDocument, cell: vscode.NotebookCell): number | undefined {
  if (cellType(cell) !== 'code') return undefined;
  return notebook.getCells().slice(0, cell.index).filter((c) => cellType(c) === 'code').length;
}

/** Changes with any cell's text, and with cells added, removed or moved. */
export function notebookVersion(notebook: vscode.NotebookDocument): string {
  return `${notebook.version}:${notebook.getCells().map((c) => `${c.document.uri.fragment}@${c.document.version}`).join(',')}`;
}

/**
 * The notebook as nbformat JSON, as far as detection reads it: the notebook's metadata (its kernel language decides
 * whether it is analysed) and each cell's type and source, one string per line and indented like a saved notebook
 * (so the minified-file check sees the same line lengths).
 */
export function notebookJson(notebook: vscode.NotebookDocument): string {
  const meta = notebook.metadata as { metadata?: unknown } | undefined;
  const cells = notebook.getCells().map((c) => ({ cell_type: cellType(c), source: c.document.getText().split(/(?<=\n)/) }));
  return JSON.stringify({ metadata: meta?.metadata ?? {}, cells }, null, 1);
}
