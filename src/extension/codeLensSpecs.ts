// The CodeLens rows of a document, before they become `vscode.CodeLens` objects, and the "Set volume…" input check.
// Pure (no `vscode`): the texts come from src/core/format/lensText.ts; bench/codelens.ts times codeLensSpecs.
import type { CallSiteReport } from '../core/scan/callSite';
import { lensTitle, setVolumeTitle } from '../core/format/lensText';
import { callSiteOverrideSchema } from '../core/settings';
import { humanMessage } from '../core/config';
import { CommandId } from './commands';

/** Arguments of `llmCostLens.setVolume` as the lens passes them. */
export interface SetVolumeArgs {
  uri: string;
  key: string;
  requestsPerDay: number;
  source: CallSiteReport['volume']['source'];
  line: number;
}

/** One CodeLens, before it becomes a `vscode.CodeLens` at column 0 of `line` (0-based). */
export interface LensSpec {
  line: number;
  title: string;
  command: CommandId;
  tooltip: string;
  arguments?: [SetVolumeArgs];
}

/**
 * Every CodeLens of a document: per call site the summary (click: the cost panel) and "Set volume…". All the
 * provider does besides the cached analysis lookup; `bench/codelens.ts` times exactly this.
 */
/**
 * `inCell`: the document is one notebook cell and `callSites` are that cell's (lines within the cell); otherwise
 * notebook call sites are left out (their lines are not lines of the document, e.g. an .ipynb opened as JSON).
 */
export function codeLensSpecs(callSites: readonly CallSiteReport[], uri: string, lineCount: number, inCell = false): LensSpec[] {
  const lenses: LensSpec[] = [];
  for (const c of callSites) {
    if ((c.cell !== undefined) !== inCell || c.line > lineCount) continue;
    const line = c.line - 1;
    lenses.push({ line, title: lensTitle(c), command: CommandId.OpenPanel, tooltip: 'Open the cost panel' });
    const args: SetVolumeArgs = { uri, key: c.key, requestsPerDay: c.volume.requestsPerDay, source: c.volume.source, line: c.line };
    lenses.push({ line, title: setVolumeTitle(c), command: CommandId.SetVolume, arguments: [args], tooltip: `Requests per day for ${c.key}, saved in the workspace folder's settings${c.volume.source === 'annotation' ? ' (the llm-cost comment above sets the volume and wins over it)' : ''}` });
  }
  return lenses;
}

/**
 * Input box validation: thousands separators, `_` and a `/day` suffix are allowed; the number is then checked with
 * the very schema `llmCostLens.callSites[…].requestsPerDay` is read with, so the box accepts what the settings do.
 */
export function parseVolume(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const cleaned = text.trim().replace(/[,_\s]/g, '').replace(/\/day$/i, '');
  if (cleaned === '') return { ok: false, error: 'Enter requests per day (a number ≥ 0).' };
  const n = Number(cleaned);
  if (Number.isNaN(n)) return { ok: false, error: `"${text.trim()}" is not a number.` };
  const checked = callSiteOverrideSchema.shape.requestsPerDay.safeParse(n, { reportInput: true });
  return checked.success && checked.data !== undefined ? { ok: true, value: checked.data } : { ok: false, error: `Requests per day: ${checked.success ? 'required' : humanMessage(checked.error.issues[0]!)}.` };
}
