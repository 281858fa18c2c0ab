// The per-file guard of a scan (issue #17): everything done for one file — read, parse, front matter, prompt
// evaluation, tokenizing, costing — runs inside it, so a pathological file becomes one line under `skipped`
// and never aborts the scan, in the CLI or on the editor's extension host.
import { BudgetExceeded } from '../detect';
import { InputLimitError } from '../inputLimit';

/** Runs one file's work; a throw becomes that file's skip reason. */
export function guardFile<T>(work: () => T): { value: T } | { skip: string } {
  try {
    return { value: work() };
  } catch (e) {
    return { skip: skipReason(e) };
  }
}

/** One line, never the input echoed back (a RegExp or parse error can quote a whole file). */
export function skipReason(e: unknown): string {
  if (e instanceof InputLimitError) return e.message;
  if (e instanceof BudgetExceeded) return 'over the time budget';
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'analysis error: nested too deeply';
  const message = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  return `analysis error: ${message.length > 120 ? `${message.slice(0, 117)}…` : message}`;
}
