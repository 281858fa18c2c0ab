// Jupyter notebooks: the code cells are joined into one Python source (so a client made in one cell is known
// in the next, as in the kernel), then each call is mapped back to its cell with line/column inside the cell,
// the way VS Code shows notebook positions.
import type { DetectedCall } from './types';

export interface NotebookSource {
  source: string;
  skipped?: string;
  /** maps a call found in the joined source (analysed as `pseudoPath`) back to its cell */
  mapCall(call: DetectedCall, pseudoPath: string, notebookPath: string): DetectedCall;
}

interface RawCell { cell_type?: unknown; source?: unknown; input?: unknown }

function cellText(cell: RawCell): string {
  const src = cell.source ?? cell.input;
  if (typeof src === 'string') return src;
  if (Array.isArray(src)) return src.filter((s): s is string => typeof s === 'string').join('');
  return '';
}

/** IPython magics and shell escapes are not Python: they become comments of the same length. */
function neutralizeMagics(code: string): string {
  const lines = code.split('\n');
  if (/^\s*%%/.test(lines[0] ?? '') && !/^\s*%%(time|timeit|capture)\b/.test(lines[0] ?? '')) return lines.map((l) => '#' + l.slice(1)).join('\n');
  return lines.map((l) => (/^\s*[%!]/.test(l) ? l.replace(/[%!]/, '#') : l)).join('\n');
}

const SKIP = (reason: string): NotebookSource => ({ source: '', skipped: reason, mapCall: (c) => c });

export function extractNotebook(text: string): NotebookSource {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch {
    return SKIP('notebook is not valid JSON');
  }
  if (!nb || typeof nb !== 'object') return SKIP('notebook has no cells');
  const doc = nb as { cells?: unknown; worksheets?: unknown; metadata?: { kernelspec?: { language?: unknown }; language_info?: { name?: unknown } } };
  const language = doc.metadata?.language_info?.name ?? doc.metadata?.kernelspec?.language ?? 'python';
  if (typeof language === 'string' && language.toLowerCase() !== 'python') return SKIP(`notebook language ${language} is not supported`);
  let cells: unknown = doc.cells;
  if (!Array.isArray(cells) && Array.isArray(doc.worksheets)) cells = (doc.worksheets as { cells?: unknown }[]).flatMap((w) => (Array.isArray(w?.cells) ? w.cells : []));
  if (!Array.isArray(cells)) return SKIP('notebook has no cells');

  const starts: number[] = []; // 0-based line in the joined source where each code cell begins
  const parts: string[] = [];
  let line = 0;
  for (const raw of cells as RawCell[]) {
    if (!raw || typeof raw !== 'object' || raw.cell_type !== 'code') continue;
    const code = neutralizeMagics(cellText(raw).replace(/\r\n/g, '\n'));
    starts.push(line);
    parts.push(code);
    line += code.split('\n').length;
  }
  const source = parts.join('\n');
  const cellOf = (oneBasedLine: number): number => {
    let idx = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i]! <= oneBasedLine - 1) idx = i;
    return idx;
  };
  return {
    source,
    mapCall(call, pseudoPath, notebookPath) {
      const cell = cellOf(call.line);
      const offset = starts[cell] ?? 0;
      const lastLineOfCell = (starts[cell + 1] ?? Number.MAX_SAFE_INTEGER) - offset;
      // constants defined in the notebook itself: line within their own cell
      const promptParts = call.promptParts.map((p) =>
        p.from && p.from.file === pseudoPath ? { ...p, from: { file: notebookPath, line: p.from.line - (starts[cellOf(p.from.line)] ?? 0) } } : p);
      return { ...call, file: notebookPath, cell, line: call.line - offset, endLine: Math.min(call.endLine - offset, lastLineOfCell), promptParts };
    },
  };
}
