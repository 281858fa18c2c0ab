// `llm-cost-lens scan [DIR] [--json]`
import { existsSync, statSync } from 'node:fs';
import { scanWorkspace } from '../core/scan/scan';
import { renderScan } from '../core/format/scanReport';
import { EXIT, type Io, parseFlags, UsageError } from './args';

export async function scanCommand(argv: string[], io: Io): Promise<number> {
  const flags = parseFlags(argv, { json: 'bool' });
  if (flags.positionals.length > 1) throw new UsageError('scan takes one DIR');
  const dir = flags.positionals[0] ?? '.';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    io.err(`scan: ${dir}: not a directory`);
    return EXIT.invalidInput;
  }
  const result = await scanWorkspace(dir);
  for (const w of result.settings.warnings) io.err(`warning: ${w}`);
  io.out(flags.bool.json ? JSON.stringify({ root: result.root, callSites: result.callSites, totals: result.totals, skipped: result.skipped }, null, 2) : renderScan(result));
  return EXIT.ok;
}
