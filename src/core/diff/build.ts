// Two scans (+ git's renames) → the diff contract. Pure: the scans come in, nothing is read.
import type { ScanResult } from '../scan/workspaceScanner';
import { matchCallSites } from './match';
import { comparePair, diffTotals, isNoChange, sortDiffs } from './compare';
import { counts, headline } from './describe';
import { evaluatePolicy, type Policy } from './policy';
import type { DiffResult, DiffSide } from './types';

export interface DiffInput {
  base: DiffSide & { scan: ScanResult };
  head: DiffSide & { scan: ScanResult };
  /** head path → base path, relative to the scanned folder */
  renames: ReadonlyMap<string, string>;
  policy: Policy;
  prices: { source: string; asOf: string };
}

export function buildDiff(input: DiffInput): DiffResult {
  const { base, head } = input;
  const callSites = sortDiffs(matchCallSites(base.scan.callSites, head.scan.callSites, input.renames).map(comparePair));
  const totals = diffTotals(base.scan.totals, head.scan.totals);
  const noChange = isNoChange(callSites, totals);
  const out: DiffResult = {
    base: { ref: base.ref, commit: base.commit },
    head: { ref: head.ref, commit: head.commit },
    callSites,
    totals,
    policy: evaluatePolicy(callSites, totals, input.policy),
    summary: { noChange, changed: 0, added: 0, removed: 0, headline: '' },
    basis: {
      prices: input.prices,
      settings: { base: base.scan.settings, head: head.scan.settings },
      daysPerMonth: { base: base.scan.totals.daysPerMonth, head: head.scan.totals.daysPerMonth },
      renames: Object.fromEntries(input.renames),
    },
  };
  out.summary = { noChange, ...counts(out.callSites), headline: headline(out, noChange) };
  return out;
}
