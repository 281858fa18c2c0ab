// Labels shared by the diff's table, PR comment and SARIF: signed money, the headline, and "before → after" cells.
import type { CallSiteReport } from '../scan/callSite';
import { formatCount, formatUsd } from '../money';
import type { CallSiteDiff, DiffResult } from './types';

export function signedUsd(n: number): string {
  if (Math.abs(n) < 0.005) return '$0';
  return (n > 0 ? '+' : '−') + formatUsd(Math.abs(n));
}

export function signedPct(pct: number | null, delta: number): string {
  if (pct === null) return delta > 0 ? 'new spend' : '0 %';
  const a = Math.abs(pct);
  const shown = a >= 10 ? a.toFixed(0) : a.toFixed(1);
  return shown === '0' || shown === '0.0' ? '0 %' : `${pct > 0 ? '+' : '−'}${shown} %`;
}

export function counts(sites: CallSiteDiff[]): { changed: number; added: number; removed: number } {
  const n = (s: CallSiteDiff['status']) => sites.filter((c) => c.status === s).length;
  return { changed: n('changed'), added: n('added'), removed: n('removed') };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `LLM cost: +$1,240/mo (+18 %), 2 call sites changed, 1 added` — or `LLM cost: no change (…)`. */
export function headline(d: DiffResult, noChange: boolean): string {
  const t = d.totals;
  if (noChange) return `LLM cost: no change (${formatUsd(t.afterMonthlyUsd)}/mo through the API, ${plural(t.callSites.after, 'call site')})`;
  const c = counts(d.callSites);
  const parts = [c.changed ? `${plural(c.changed, 'call site')} changed` : '', c.added ? `${c.added} added` : '', c.removed ? `${c.removed} removed` : ''].filter(Boolean);
  return `LLM cost: ${signedUsd(t.deltaMonthlyUsd)}/mo (${signedPct(t.deltaPct, t.deltaMonthlyUsd)})${parts.length ? ', ' + parts.join(', ') : ', no call site changed'}`;
}

function arrow<T>(a: T | undefined, b: T | undefined, show: (v: T) => string): string {
  if (a === undefined) return show(b!);
  if (b === undefined) return show(a);
  const [x, y] = [show(a), show(b)];
  return x === y ? x : `${x} → ${y}`;
}

const modelLabel = (c: CallSiteReport) => (c.model ?? '(unresolved)') + (c.endpoint === 'self-hosted' ? ' [self-hosted]' : '');
const approx = (c: CallSiteReport) => (c.tokens.inputBasis.startsWith('exact') ? '' : '≈');
const tokensLabel = (c: CallSiteReport) => `${approx(c)}${formatCount(c.tokens.input)} / ${formatCount(c.tokens.output)}`;
const volumeLabel = (c: CallSiteReport) => `${formatCount(c.volume.requestsPerDay)}/day${c.volume.callsPerRequest !== 1 ? ` ×${c.volume.callsPerRequest}` : ''}`;
const costLabel = (c: CallSiteReport) => (c.endpoint === 'self-hosted' ? 'self-hosted' : c.cost?.api ? formatUsd(c.cost.api.monthlyUsd) : 'unpriced');

/** The cells of one call site's row: before → after where they differ. */
export function cells(d: CallSiteDiff): { model: string; tokens: string; volume: string; cost: string } {
  const b = d.before ?? undefined;
  const a = d.after ?? undefined;
  return { model: arrow(b, a, modelLabel), tokens: arrow(b, a, tokensLabel), volume: arrow(b, a, volumeLabel), cost: arrow(b, a, costLabel) };
}

/** Where the call site is: the head's place, the base's for a removed one. */
export function site(d: CallSiteDiff): CallSiteReport {
  return (d.after ?? d.before)!;
}

/** What a reader needs in the "change" column: the causes; the derived fields (costs, the open counterpart that
 * follows the model) only when nothing else changed — then settings or prices moved the figure. */
export function changeLabel(d: CallSiteDiff): string {
  if (d.status !== 'changed') return d.status;
  const causes = d.changes.filter((f) => !f.startsWith('cost.') && f !== 'openModel.model');
  if (causes.length) return causes.join(', ');
  return d.changes.includes('openModel.model') ? 'open counterpart (settings)' : 'cost (prices or settings)';
}
