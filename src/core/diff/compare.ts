// One matched pair → its status, the fields that changed and its Δ$/month; all pairs → the diff's totals.
// Where a call site sits (file, line, column) is not a change: an edit above it or a rename moves it without
// changing what it costs.
import type { CallSiteReport } from '../scan/callSite';
import type { Totals } from '../scan/totals';
import type { CallSiteDiff, DiffTotals, SideTotals } from './types';
import type { Pair } from './match';

type Getter = (c: CallSiteReport) => unknown;

/** The compared fields, named by their path in the `scan --json` call site. */
const FIELDS: [string, Getter][] = [
  ['sdk', (c) => c.sdk],
  ['api', (c) => c.api],
  ['kind', (c) => c.kind],
  ['model', (c) => c.model],
  ['maxTokens', (c) => c.maxTokens],
  ['streaming', (c) => c.streaming],
  ['endpoint', (c) => c.endpoint],
  ['tokens.input', (c) => c.tokens.input],
  ['tokens.output', (c) => c.tokens.output],
  ['volume.requestsPerDay', (c) => c.volume.requestsPerDay],
  ['volume.callsPerRequest', (c) => c.volume.callsPerRequest],
  ['openModel.model', (c) => c.openModel.model],
  // Settings alone (a price override, days per month, the GPU) change the bill without changing the call.
  ['cost.api.monthlyUsd', (c) => c.cost?.api?.monthlyUsd ?? null],
  ['cost.selfHosted.monthlyUsd', (c) => c.cost?.selfHosted?.monthlyUsd ?? null],
];

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

/** The API bill of one call site as the totals count it: priced calls to an API endpoint only. */
export function apiMonthlyUsd(c: CallSiteReport | null): number {
  if (!c || c.endpoint !== 'api') return 0;
  return c.cost?.api?.monthlyUsd ?? 0;
}

export function comparePair({ before, after }: Pair): CallSiteDiff {
  const deltaMonthlyUsd = apiMonthlyUsd(after) - apiMonthlyUsd(before);
  if (!before) return { key: after!.key, status: 'added', before: null, after, changes: [], deltaMonthlyUsd };
  if (!after) return { key: before.key, status: 'removed', before, after: null, changes: [], deltaMonthlyUsd };
  const changes = FIELDS.filter(([, get]) => !same(get(before), get(after))).map(([name]) => name);
  return { key: after.key, status: changes.length ? 'changed' : 'unchanged', before, after, changes, deltaMonthlyUsd: changes.length ? deltaMonthlyUsd : 0 };
}

const STATUS_ORDER = { changed: 0, added: 1, removed: 2, unchanged: 3 } as const;

/** Changed, added, removed, then unchanged; within each, the head's (else the base's) file and line order. */
export function sortDiffs(diffs: CallSiteDiff[]): CallSiteDiff[] {
  const where = (d: CallSiteDiff) => (d.after ?? d.before)!;
  return diffs.sort((x, y) => {
    const a = where(x);
    const b = where(y);
    return STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.cell ?? -1) - (b.cell ?? -1) || a.line - b.line || a.column - b.column;
  });
}

function side(before: number, after: number): SideTotals {
  return { beforeMonthlyUsd: before, afterMonthlyUsd: after, deltaMonthlyUsd: after - before };
}

export function diffTotals(before: Totals, after: Totals): DiffTotals {
  const api = side(before.apiMonthlyUsd, after.apiMonthlyUsd);
  const deltaPct = before.apiMonthlyUsd > 0 ? (api.deltaMonthlyUsd / before.apiMonthlyUsd) * 100 : api.deltaMonthlyUsd === 0 ? 0 : null;
  return {
    ...api,
    deltaPct,
    selfHosted: side(before.selfHostedMonthlyUsd, after.selfHostedMonthlyUsd),
    routing: side(before.routing.monthlyUsd, after.routing.monthlyUsd),
    callSites: { before: before.callSites, after: after.callSites, unpricedBefore: before.unpriced, unpricedAfter: after.unpriced },
  };
}

/** Nothing a reviewer needs to see: every call site unchanged and no total moved. */
export function isNoChange(diffs: CallSiteDiff[], t: DiffTotals): boolean {
  const zero = (s: SideTotals) => same(s.beforeMonthlyUsd, s.afterMonthlyUsd);
  return diffs.every((d) => d.status === 'unchanged') && zero(t) && zero(t.selfHosted) && zero(t.routing);
}
