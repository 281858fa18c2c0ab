// Timestamps as the sources write them: unix seconds (OpenAI buckets), unix nanoseconds as strings (OTLP),
// RFC 3339 with a zone (Anthropic, Langfuse), and ISO without a zone (LiteLLM's database rows, CSV exports).
// A time without a zone is read as UTC — the zone the providers' dashboards use — and flagged, so the source
// summary can say how many were.
import { UsageRecordError } from './types';

export interface ParsedTime { ms: number; zoneAssumed: boolean }

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// 2001-09-09 in seconds; below it a number is not a plausible usage timestamp in seconds.
const MIN_SECONDS = 1e9;

export function parseTime(value: unknown, field: string): ParsedTime {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,20}$/.test(value.trim()))) {
    const n = typeof value === 'number' ? value : Number(value.trim());
    if (!Number.isFinite(n) || n < MIN_SECONDS) throw new UsageRecordError(field, `not a timestamp (${String(value)})`);
    // Magnitude decides the unit: seconds ~1e9, milliseconds ~1e12, microseconds ~1e15, nanoseconds ~1e18.
    const ms = n < 1e11 ? n * 1000 : n < 1e14 ? n : n < 1e17 ? n / 1e3 : n / 1e6;
    return { ms, zoneAssumed: false };
  }
  if (typeof value !== 'string') throw new UsageRecordError(field, value === undefined || value === null ? 'missing' : `expected a time, got ${typeof value}`);
  const m = ISO.exec(value.trim());
  if (!m) throw new UsageRecordError(field, `not a date-time (${JSON.stringify(value.slice(0, 40))})`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const base = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, frac ? Math.round(Number(frac) * 1000) : 0);
  if (!Number.isFinite(base) || +mo! < 1 || +mo! > 12 || +d! < 1 || +d! > 31) throw new UsageRecordError(field, `not a date-time (${JSON.stringify(value)})`);
  if (!zone) return { ms: base, zoneAssumed: true };
  if (zone.toUpperCase() === 'Z') return { ms: base, zoneAssumed: false };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return { ms: base - sign * offsetMin * 60_000, zoneAssumed: false };
}

/** `2025-03-01` (UTC calendar date) */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
