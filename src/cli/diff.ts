// `llm-cost-lens diff [DIR] [--base REF] [--head REF] [--json | --format md|json|table|sarif] [policy flags]`
// Exit codes: 0 pass or warn, 3 a fail policy tripped, 2 invalid input, 1 internal error.
import { resolve } from 'node:path';
import { runDiff } from '../core/diff/run';
import type { EngineContext } from '../core/engine/context';
import { DiffInputError, openRepo, removeTemporaryTrees } from '../core/diff/git';
import { writeFileSync } from 'node:fs';
import { renderMarkdown } from '../core/diff/markdown';
import { renderDiffTable } from '../core/diff/table';
import { renderSarif } from '../core/diff/sarif';
import type { Policy } from '../core/diff/policy';
import { EXIT, type Io, parseFlags, UsageError } from './args';
import { loadScanUsage } from './usage';
import { version } from '../../package.json';

const FORMATS = ['table', 'md', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

const NUMBER_FLAGS = { 'fail-above-usd': 'failAboveUsd', 'fail-above-pct': 'failAbovePct', 'warn-above-usd': 'warnAboveUsd', 'warn-above-pct': 'warnAbovePct', 'max-call-site-usd': 'maxCallSiteUsd' } as const;

function policyFlags(flags: ReturnType<typeof parseFlags>): Partial<Policy> {
  const p: Partial<Policy> = {};
  for (const [flag, key] of Object.entries(NUMBER_FLAGS)) {
    const raw = flags.string[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${flag}: expected a number (got ${JSON.stringify(raw)})`);
    if (flag === 'max-call-site-usd' && n < 0) throw new UsageError(`--${flag}: expected a number ≥ 0 (got ${raw})`);
    p[key] = n;
  }
  if (flags.bool['fail-on-unpriced']) p.failOnUnpriced = true;
  if (flags.bool['fail-on-unresolved']) p.failOnUnresolved = true;
  return p;
}

export async function diffCommand(argv: string[], io: Io, engine: EngineContext): Promise<number> {
  const flags = parseFlags(argv, {
    json: 'bool', format: 'string', base: 'string', head: 'string', 'link-base': 'string', 'json-file': 'string', 'sarif-file': 'string',
    'fail-above-usd': 'string', 'fail-above-pct': 'string', 'warn-above-usd': 'string', 'warn-above-pct': 'string', 'max-call-site-usd': 'string',
    'fail-on-unpriced': 'bool', 'fail-on-unresolved': 'bool', usage: 'multi',
  });
  if (flags.positionals.length > 1) throw new UsageError(`takes one DIR (got ${flags.positionals.length})`);
  const raw = flags.string.format?.toLowerCase();
  const format: Format | undefined = raw === 'markdown' ? 'md' : (FORMATS as readonly string[]).includes(raw ?? '') ? (raw as Format) : undefined;
  if (raw !== undefined && format === undefined) throw new UsageError(`--format: expected md, json, table or sarif (got ${JSON.stringify(flags.string.format)})`);
  if (flags.bool.json && format !== undefined && format !== 'json') throw new UsageError('--json and --format: give one');
  const chosen: Format = flags.bool.json ? 'json' : format ?? 'table';
  const policy = policyFlags(flags);
  const dir = flags.positionals[0] ?? '.';
  let diff;
  let pathPrefix;
  // Ctrl-C in the middle of a scan must not leave a worktree behind (`finally` does not run on a signal).
  const interrupted = (signal: NodeJS.Signals) => {
    void removeTemporaryTrees().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    pathPrefix = (await openRepo(dir)).prefix;
    const usage = await loadScanUsage(resolve(dir), flags.multi.usage ?? [], io, 'diff');
    if (usage === null) return EXIT.invalidInput;
    diff = await runDiff(dir, { base: flags.string.base, head: flags.string.head, policy, calibrate: usage.calibrate, engine });
  } catch (e) {
    if (!(e instanceof DiffInputError)) throw e;
    io.err(`diff: ${e.message}`);
    return EXIT.invalidInput;
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
  for (const [side, s] of [['base', diff.basis.settings.base], ['head', diff.basis.settings.head]] as const) for (const w of s.warnings) io.err(`warning: ${side}: ${w}`);
  // One run, two outputs: CI posts the Markdown and reads the verdict from the JSON.
  if (flags.string['json-file'] !== undefined) writeFileSync(flags.string['json-file'], JSON.stringify(diff, null, 2) + '\n');
  if (flags.string['sarif-file'] !== undefined) writeFileSync(flags.string['sarif-file'], renderSarif(diff, pathPrefix, version) + '\n');
  if (chosen === 'json') io.out(JSON.stringify(diff, null, 2));
  else if (chosen === 'md') io.out(renderMarkdown(diff, { linkBase: flags.string['link-base'], pathPrefix }));
  else if (chosen === 'sarif') io.out(renderSarif(diff, pathPrefix, version));
  else io.out(renderDiffTable(diff));
  return diff.policy.status === 'fail' ? EXIT.policyFailed : EXIT.ok;
}
