// `llm-cost-lens scan [DIR] [--json | --report md|csv|json] [--usage FILE…]`
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { scanWorkspace, readWorkspaceSettings } from '../core/scan/scan';
import { renderScan } from '../core/format/scanReport';
import { buildCostReport, renderCostReport, type ReportFormat } from '../core/format/costReport';
import { priceCatalogInfo } from '../core/catalog/prices';
import { EXIT, type Io, parseFlags, today, UsageError } from './args';
import { loadScanUsage, renderUsageTable, usageOutput } from './usage';
import { isWorkspaceFile, scanWorkspaceFile } from './scanWorkspaceFile';
import type { EngineContext } from '../core/engine/context';

const REPORT_NAMES: Record<string, ReportFormat> = { md: 'markdown', markdown: 'markdown', csv: 'csv', json: 'json' };

export async function scanCommand(argv: string[], io: Io, engine: EngineContext): Promise<number> {
  const flags = parseFlags(argv, { json: 'bool', report: 'string', usage: 'multi' });
  if (flags.positionals.length > 1) throw new UsageError(`takes one DIR (got ${flags.positionals.length})`);
  const reportName = flags.string.report;
  const report = reportName === undefined ? null : REPORT_NAMES[reportName.toLowerCase()];
  if (report === undefined) throw new UsageError(`--report: expected md, csv or json (got ${JSON.stringify(reportName)})`);
  if (report !== null && flags.bool.json) throw new UsageError('--report and --json: give one (--report json is the cost report, --json the scan contract)');
  const dir = flags.positionals[0] ?? '.';
  if (isWorkspaceFile(dir)) {
    if (report !== null || flags.multi.usage) throw new UsageError('a .code-workspace file: --report and --usage take one folder (scan the folder instead)');
    return scanWorkspaceFile(engine, dir, flags.bool.json === true, io);
  }
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.err(`scan: ${dir}: not a directory`);
    return EXIT.invalidInput;
  }
  const usage = await loadScanUsage(resolve(dir), flags.multi.usage ?? [], io);
  if (usage === null) return EXIT.invalidInput;
  const result = await scanWorkspace(dir, { engine, calibrate: usage.calibrate });
  // The readable table ends with these warnings itself; JSON and reports keep stdout machine-readable, so stderr.
  const table = report === null && !flags.bool.json;
  if (!table) for (const w of result.settings.warnings) io.err(`warning: ${w}`);
  usageOutput(result, table, io);
  if (report !== null) {
    const { source, asOf, staleNote } = priceCatalogInfo(engine.catalog, today(io));
    io.out(renderCostReport(buildCostReport(result, readWorkspaceSettings(result.root), { source, asOf, staleNote }), report).replace(/\r?\n$/, ''));
    return EXIT.ok;
  }
  io.out(flags.bool.json ? JSON.stringify({ root: result.root, callSites: result.callSites, totals: result.totals, skipped: result.skipped, ...(result.usage ? { usage: result.usage } : {}) }, null, 2) : renderScan(result));
  if (table && result.usage) io.out('\n' + renderUsageTable(result));
  return EXIT.ok;
}
