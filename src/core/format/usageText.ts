// Presentation strings for measured usage, shared by the CLI table, the hover and the panel (pure, unit-tested).
import type { CallSiteReport } from '../scan/callSite';
import type { UsageReport } from '../scan/measured';
import { formatCount } from '../money';
import { utcDate } from '../usage/time';

function n(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** "estimated 237 in, measured 412 in (p90 800) · estimated 300 out, measured 180 out (p90 260)", or null when not measured. */
export function estimateVsMeasured(c: CallSiteReport): string | null {
  const e = c.tokens.estimated;
  if (!e || !c.usage) return null;
  const parts: string[] = [];
  if (c.usage.requests > 0) {
    parts.push(`estimated ${n(e.input)} in, measured ${n(c.tokens.input)} in${c.tokens.inputP90 != null ? ` (p90 ${n(c.tokens.inputP90)})` : ''}`);
    const measuredOut = c.tokens.outputBasis.startsWith('measured') ? c.tokens.output : null;
    if (measuredOut !== null) parts.push(`estimated ${n(e.output)} out, measured ${n(measuredOut)} out${c.tokens.outputP90 != null ? ` (p90 ${n(c.tokens.outputP90)})` : ''}`);
  }
  if (c.tokens.cachedInputShare) parts.push(`${Math.round(c.tokens.cachedInputShare * 100)}% of input cached`);
  return parts.length ? parts.join(' · ') : null;
}

/** The volume line's provenance: measured, or which setting wins over the measurement. */
export function measuredVolumeNote(c: CallSiteReport): string | null {
  const m = c.volume.measured;
  if (!m) return null;
  if (m.applied) return `${formatCount(m.requestsPerDay)}/day ${m.basis}${c.usage?.split ? ' — split by model in proportion to assumed volume' : ''}`;
  return `measured ${formatCount(m.requestsPerDay)}/day is not used: ${m.hiddenBy} wins over measurement`;
}

/** The usage section of the readable `scan` table. */
export function renderUsageReport(u: UsageReport): string {
  const lines = ['Usage measurements:'];
  for (const s of u.sources) {
    if (s.fatal) {
      lines.push(`  ${s.file}: ${s.fatal}`);
      continue;
    }
    // `to` is where the data ends (a bucket's end is exclusive): the last date shown is the one before it.
    const range = s.from && s.to ? `${s.from.slice(0, 10)} to ${utcDate(Math.max(Date.parse(s.from), Date.parse(s.to) - 1))}, ${formatCount(s.days!)} days` : 'no dates';
    const reqs = s.requests === null ? 'token totals only' : `${n(s.requests)} requests`;
    lines.push(`  ${s.file} (${s.format}): ${n(s.records)} records, ${reqs}, ${range}` +
      (s.ignored ? `; ${n(s.ignored)} not model calls` : '') +
      (s.zoneAssumed ? `; ${n(s.zoneAssumed)} times without a zone read as UTC` : '') +
      (s.errorCount ? `; ${n(s.errorCount)} unusable` : ''));
    for (const e of s.errors) lines.push(`    ${e}`);
    if (s.errorCount > s.errors.length) lines.push(`    … and ${n(s.errorCount - s.errors.length)} more`);
  }
  lines.push(`  matched: ${n(u.matched.records)} records to ${u.matched.callSites} call site${u.matched.callSites === 1 ? '' : 's'}`);
  if (u.unmatched.length) {
    lines.push('  unmatched:');
    for (const x of u.unmatched) lines.push(`    ${n(x.records)} record${x.records === 1 ? '' : 's'}${x.model ? ` of ${x.model}` : ''}${x.code ? ` at ${x.code}` : ''}: ${x.reason}`);
  }
  return lines.join('\n');
}

/** One line after "Import Usage…": what was read and matched, and what was not. */
export function importSummary(u: UsageReport): string {
  const read = u.sources.filter((s) => !s.fatal);
  const failed = u.sources.filter((s) => s.fatal);
  const unusable = read.reduce((t, s) => t + s.errorCount, 0);
  const unmatched = u.unmatched.reduce((t, x) => t + x.records, 0);
  const parts = [`${read.length} usage file${read.length === 1 ? '' : 's'} read: ${n(u.matched.records)} records matched to ${u.matched.callSites} call site${u.matched.callSites === 1 ? '' : 's'}`];
  if (unmatched) parts.push(`${n(unmatched)} unmatched`);
  if (unusable) parts.push(`${n(unusable)} unusable`);
  for (const s of failed) parts.push(`${s.file}: ${s.fatal}`);
  return parts.join('; ') + '.';
}
