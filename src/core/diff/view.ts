// The cost panel's "Changes vs base" section: the changed, added and removed call sites of a diff as display rows
// (the same labels as the PR comment), with where to open each one at the head.
import { cells, changeLabel, signedUsd, site } from './describe';
import type { DiffResult } from './types';

export interface ChangesRow {
  file: string;
  /** null for a removed call site: it is not in the working tree to open */
  line: number | null;
  column: number | null;
  qualifiedName: string;
  status: 'added' | 'removed' | 'changed';
  change: string;
  model: string;
  tokens: string;
  volume: string;
  cost: string;
  delta: string;
}

export interface ChangesView {
  headline: string;
  /** e.g. `main @ 1a2b3c4` */
  base: string;
  policy: 'pass' | 'warn' | 'fail';
  prices: string;
  rows: ChangesRow[];
}

export function changesView(d: DiffResult): ChangesView {
  const rows: ChangesRow[] = [];
  for (const c of d.callSites) {
    if (c.status === 'unchanged') continue;
    const s = site(c);
    const x = cells(c);
    const open = c.status !== 'removed';
    rows.push({ file: s.file, line: open ? s.line : null, column: open ? s.column : null, qualifiedName: s.qualifiedName, status: c.status, change: changeLabel(c), model: x.model, tokens: x.tokens, volume: x.volume, cost: x.cost, delta: signedUsd(c.deltaMonthlyUsd) });
  }
  return {
    headline: d.summary.headline,
    base: `${d.base.ref}${d.base.commit ? ` @ ${d.base.commit.slice(0, 7)}` : ''}`,
    policy: d.policy.status,
    prices: `${d.basis.prices.source}, as of ${d.basis.prices.asOf}`,
    rows,
  };
}
