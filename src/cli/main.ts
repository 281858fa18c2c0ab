// `llm-cost-lens` entry point: thin over src/core. Exit codes: 0 ok, 2 invalid input, 1 internal error (3: `diff` policy failed).
import { estimateCommand } from './estimate';
import { scanCommand } from './scan';
import { diffCommand } from './diff';
import { pricesCommand, defaultPriceDir } from './prices';
import { usePriceCatalogDir } from '../core/catalog/prices-update';
import { EXIT, type Io, UsageError } from './args';
import { createEngineContext, type EngineContext } from '../core/engine/context';
import { tuneV8ForShortRun } from './v8Tuning';

const USAGE = `usage: llm-cost-lens <command> [options]

commands:
  scan [DIR] [--json]                                   find LLM call sites and cost them (API vs self-hosted), per file and in total
  scan [DIR] --report md|csv|json                       the same as a cost report: call sites, totals, every assumption used
  scan FILE.code-workspace [--json]                     every folder of a multi-root workspace, each with its own settings, and their sum
  diff [DIR] [--base REF] [--head REF] [--json | --format md|json|table|sarif] [--fail-above-usd N] [--fail-above-pct P]
       [--warn-above-usd N] [--warn-above-pct P] [--max-call-site-usd N] [--fail-on-unpriced] [--fail-on-unresolved]
       [--link-base URL] [--json-file FILE] [--sarif-file FILE] [--usage FILE…]
                                                        what a change does to the monthly bill; exit 3 when a fail policy trips
  estimate --scenario FILE [--scenario FILE…] [--json]   API vs self-hosted monthly cost for a scenario file
  prices [QUERY] [--json] [--all]                       API prices with their source and date
  prices --update [--url URL] [--dir DIR]               download fresh price data (the only network access; opt-in)
  help                                                  this text`;

type Command = (argv: string[], io: Io, engine: EngineContext) => Promise<number>;
const COMMANDS: Record<string, Command> = { scan: scanCommand, estimate: estimateCommand, prices: pricesCommand, diff: diffCommand };

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return name ? EXIT.ok : EXIT.invalidInput;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`unknown command "${name}"\n${USAGE}`);
    return EXIT.invalidInput;
  }
  try {
    // Price data downloaded by an explicit `prices --update` wins over the bundled snapshot (falls back on any problem).
    if (name !== 'prices') usePriceCatalogDir(defaultPriceDir());
    // One engine context per run: that price catalog and every cache of this command.
    return await command(rest, io, createEngineContext());
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${name}: ${e.message}`);
      return EXIT.invalidInput;
    }
    io.err(`internal error: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  tuneV8ForShortRun(); // a one-shot process: less optimizing-compiler work (v8Tuning.ts)
  // `llm-cost-lens scan | head`: the reader went away; stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const io: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
