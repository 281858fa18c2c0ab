// The CLI is a short process: a cold `scan` runs for about a second, most of its code only for that second, on both
// cores of a small machine (the scan's thread and one detection worker). With V8 11's default tiering budget
// (Node 20), hundreds of functions are sent to the optimizing compiler within that second, and the compiler's
// background threads take ~0.35 s of CPU from the two threads doing the work, much of it for functions the run no
// longer needs by the time their code is ready. A larger budget optimizes only what stays hot. Measured on the bench
// tree (bench/scan.ts, 5-6 interleaved runs per value): CPU 2.14-2.22 s → 1.91 s at 400,000 (wall -7 to -10 %); on
// a tree five times its size, CPU -5 to -15 % and the same wall time. Process-wide, so only the CLI's own process
// sets it: the editor's scans run in the extension host, which is not ours to tune.
import { setFlagsFromString } from 'node:v8';

/** V8's interrupt budget for the CLI process (V8 11's default: 67,584). */
export const CLI_INTERRUPT_BUDGET = 400_000;

/**
 * The flag that raises V8's tiering budget, or null on a V8 without it: newer V8s (Node 22+) tier up by invocation
 * counts, with Maglev between the baseline and the optimizing compiler, and would print "unrecognized flag" for it.
 */
export function shortRunV8Flag(v8Version: string): string | null {
  return /^11\./.test(v8Version) ? `--interrupt-budget=${CLI_INTERRUPT_BUDGET}` : null;
}

/** Applies shortRunV8Flag to this process (the CLI's entry, before any command runs); returns the flag set. */
export function tuneV8ForShortRun(): string | null {
  const flag = shortRunV8Flag(process.versions.v8);
  if (flag) setFlagsFromString(flag);
  return flag;
}
