// Every usage file read and folded into groups; nothing is kept per record.
import { UsageAggregator, type UsageGroup } from './aggregate';
import { readUsageFile, type SourceSummary } from './read';

export interface UsageData {
  sources: SourceSummary[];
  groups: UsageGroup[];
}

export interface UsageFileRef {
  /** path to open */
  path: string;
  /** how reports name it (as the user wrote it) */
  display: string;
}

export async function loadUsage(files: readonly UsageFileRef[]): Promise<UsageData> {
  const agg = new UsageAggregator();
  const sources: SourceSummary[] = [];
  for (const [i, f] of files.entries()) sources.push(await readUsageFile(f.path, f.display, (r) => agg.add(i, r)));
  return { sources, groups: [...agg.groups.values()] };
}

const DAY_MS = 86_400_000;
/** Below an hour of data a rate per day is not worth extrapolating further. */
const MIN_COVERED_MS = 3_600_000;

/**
 * Days a source covers; null without times. Buckets say exactly what they cover (first start to last end). Single
 * requests (spans, logs) cover the UTC calendar days from the first to the last record, as exports are taken by
 * whole days — the time between the first and the last request would undercount by up to a day; a sample shorter
 * than a day covers first to last record (at least an hour).
 */
export function daysCovered(s: SourceSummary): number | null {
  if (s.from === null || s.to === null) return null;
  if (s.bucketed || s.to - s.from < DAY_MS) return Math.max(s.to - s.from, MIN_COVERED_MS) / DAY_MS;
  return Math.floor(s.to / DAY_MS) - Math.floor(s.from / DAY_MS) + 1;
}
