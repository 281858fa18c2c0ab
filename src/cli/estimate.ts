// `llm-cost-lens estimate --scenario FILE [--json]`
import { readFileSync } from 'node:fs';
import { estimateFromInput } from '../core/economics/estimate';
import type { EngineContext } from '../core/engine/context';
import { renderEstimate } from '../core/format/estimateReport';
import { parseStrictJson } from '../core/io/json';
import { EXIT, type Io, UsageError, parseFlags, today } from './args';

export async function estimateCommand(argv: string[], io: Io, engine: EngineContext): Promise<number> {
  const flags = parseFlags(argv, { scenario: 'multi', json: 'bool' });
  const files = flags.multi.scenario ?? [];
  if (files.length === 0) throw new UsageError('--scenario FILE is required');
  const outputs: unknown[] = [];
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      io.err(`${file}: cannot read the scenario file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      failed = true;
      continue;
    }
    const parsed = parseStrictJson(text);
    if (!parsed.ok) {
      io.err(`${file}: ${parsed.error}`);
      failed = true;
      continue;
    }
    const outcome = estimateFromInput(parsed.value, { catalog: engine.catalog, today: today(io) });
    if (!outcome.ok) {
      for (const p of outcome.problems) io.err(files.length > 1 ? `${file}: ${p}` : p);
      failed = true;
      continue;
    }
    if (flags.bool.json) outputs.push(files.length > 1 ? { scenario: file, ...outcome.result } : outcome.result);
    else io.out(renderEstimate(outcome.result, files.length > 1 ? `── ${file}` : undefined) + '\n');
  }
  if (flags.bool.json && outputs.length) io.out(JSON.stringify(files.length > 1 ? outputs : outputs[0], null, 2));
  return failed ? EXIT.invalidInput : EXIT.ok;
}
