// `scan --usage FILE…` and the folder's llmCostLens.usageFiles: read the usage files before the scan, stop with
// exit 2 when a file given on the command line cannot be used at all, and report record-level problems as warnings
// (the rest of each file is still used).
import { resolve } from 'node:path';
import { readWorkspaceSettings, type ScanResult } from '../core/scan/scan';
import { UsageSet, usageFilesFromSettings } from '../core/usage';
import { estimateVsMeasured, measuredVolumeNote, renderUsageReport } from '../core/format/usageText';
import type { Io } from './args';

/** The loaded usage (empty when there is none), or null after printing why a --usage file is unusable. */
export async function loadScanUsage(root: string, cliFiles: readonly string[], io: Io, command = 'scan'): Promise<UsageSet | null> {
  const fromSettings = usageFilesFromSettings(root, readWorkspaceSettings(root).settings.usageFiles, false);
  const cliRefs = cliFiles.map((f) => ({ path: resolve(f), display: f }));
  const set = new UsageSet();
  await set.load([...cliRefs, ...fromSettings.refs], fromSettings.refused);
  const fatal = (set.loaded?.sources ?? []).slice(0, cliRefs.length).filter((s) => s.fatal);
  for (const s of fatal) io.err(`${command}: --usage ${s.file}: ${s.fatal}`);
  return fatal.length ? null : set;
}

/** Problems with usage records go to stderr in every output mode except the table, which lists them itself. */
export function usageOutput(result: ScanResult, table: boolean, io: Io): void {
  if (table || !result.usage) return;
  for (const s of result.usage.sources) {
    if (s.fatal) io.err(`warning: usage ${s.file}: ${s.fatal}`);
    for (const e of s.errors) io.err(`warning: usage ${s.file}: ${e}`);
    if (s.errorCount > s.errors.length) io.err(`warning: usage ${s.file}: … and ${s.errorCount - s.errors.length} more unusable records`);
  }
}

/** The readable table's usage section: sources, coverage, unmatched records, and each measured call site. */
export function renderUsageTable(result: ScanResult): string {
  const lines = [renderUsageReport(result.usage!)];
  const measured = result.callSites.filter((c) => c.usage);
  if (measured.length) lines.push('Measured call sites:');
  for (const c of measured) {
    lines.push(`  ${c.file}:${c.line} ${c.qualifiedName}: ${measuredVolumeNote(c)}`);
    const tokens = estimateVsMeasured(c);
    if (tokens) lines.push(`    ${tokens}`);
  }
  return lines.join('\n');
}
