// Field readers shared by the format parsers: a missing optional count is null, a present one must be a finite
// number >= 0 (numbers written as strings, as OTLP writes int64 and CSV writes everything, are accepted).
import { UsageRecordError } from './types';

export function countOrNull(value: unknown, field: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n)) throw new UsageRecordError(field, `expected a number, got ${JSON.stringify(value)}`);
  if (n < 0) throw new UsageRecordError(field, `must not be negative (got ${n})`);
  return n;
}

export function count(value: unknown, field: string): number {
  const n = countOrNull(value, field);
  if (n === null) throw new UsageRecordError(field, 'missing');
  return n;
}

/** The first of several spellings that is present (newer and older attribute names, CSV and JSON names). */
export function firstCount(obj: Record<string, unknown>, names: readonly string[]): number | null {
  for (const n of names) {
    const v = countOrNull(obj[n], n);
    if (v !== null) return v;
  }
  return null;
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
