// `llm-cost-lens scan FILE.code-workspace`: every folder of the workspace file scanned with its own settings, as the
// editor indexes a multi-root workspace; each folder's table, then the workspace total (the sum of the folders').
import { scanWorkspace } from '../core/scan/scan';
import { renderScan } from '../core/format/scanReport';
import { formatUsd } from '../core/money';
import { readWorkspaceFile, sumTotals, type FolderScan } from '../core/scan/workspaceFolders';
import { existsSync, statSync } from 'node:fs';
import { EXIT, type Io } from './args';
import type { EngineContext } from '../core/engine/context';

export const isWorkspaceFile = (path: string): boolean => path.endsWith('.code-workspace') && existsSync(path) && statSync(path).isFile();

export async function scanWorkspaceFile(engine: EngineContext, file: string, json: boolean, io: Io): Promise<number> {
  let folders: { name: string; path: string }[];
  try {
    folders = readWorkspaceFile(file);
  } catch (e) {
    io.err(`scan: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.invalidInput;
  }
  const missing = folders.find((f) => !existsSync(f.path) || !statSync(f.path).isDirectory());
  if (missing) {
    io.err(`scan: ${file}: folder "${missing.name}" (${missing.path}) is not a directory`);
    return EXIT.invalidInput;
  }
  const scans: FolderScan[] = [];
  for (const f of folders) scans.push({ name: f.name, result: await scanWorkspace(f.path, { engine }) });
  const totals = sumTotals(scans.map((s) => s.result.totals));
  const days = new Set(scans.map((s) => s.result.totals.daysPerMonth));
  const note = days.size > 1 ? `folders use different days per month (${[...days].join(', ')}): each folder's total is at its own` : null;
  if (json) {
    for (const s of scans) for (const w of s.result.settings.warnings) io.err(`warning: ${s.name}: ${w}`);
    io.out(JSON.stringify({
      workspace: file,
      folders: scans.map((s) => ({ name: s.name, root: s.result.root, callSites: s.result.callSites, totals: s.result.totals, skipped: s.result.skipped })),
      totals,
      ...(note ? { notes: [note] } : {}),
    }, null, 2));
    return EXIT.ok;
  }
  for (const s of scans) io.out(`== ${s.name} (${s.result.root}) ==\n\n${renderScan(s.result)}\n`);
  io.out(`Workspace total (${scans.length} folders, ${totals.callSites} call sites, each folder with its own settings):`);
  for (const s of scans) io.out(`  ${s.name}: API ${formatUsd(s.result.totals.apiMonthlyUsd)}/mo, self-hosted ${formatUsd(s.result.totals.selfHostedMonthlyUsd)}/mo`);
  io.out(`  all folders: API ${formatUsd(totals.apiMonthlyUsd)}/mo, self-hosted ${formatUsd(totals.selfHostedMonthlyUsd)}/mo (deployments are per folder)`);
  if (note) io.out(`  note: ${note}`);
  return EXIT.ok;
}
