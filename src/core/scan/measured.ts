// The measured-usage fields of a call site report (filled by src/core/usage when usage files calibrate a scan).

/** What a measurement adds to a call site's `tokens` (all absent without one). */
export interface MeasuredTokens {
  /** the static estimate the measured means replaced */
  estimated?: { input: number; output: number; inputBasis: string; outputBasis: string };
  /** p90 per request; null when only aggregated buckets were measured */
  inputP90?: number | null;
  outputP90?: number | null;
  /** share of input tokens served from the provider's cache, when recorded */
  cachedInputShare?: number | null;
  /** mean cached input tokens per request, priced at the cached rate */
  cachedInputTokens?: number;
  /** mean reasoning tokens per request (already inside `output`), when recorded */
  reasoningTokens?: number | null;
}

/** What a measurement adds to a call site's `volume`. */
export interface MeasuredVolume {
  /** "measured (file, date range, n records)" when source is measured */
  basis?: string;
  /** the measured rate, also when an annotation or llmCostLens.callSites entry wins over it */
  measured?: { requestsPerDay: number; basis: string; applied: boolean; hiddenBy: string | null };
}

export interface SiteUsage {
  /** records and requests attributed to this site (a split attributes a share: fractions are kept) */
  records: number;
  requests: number;
  /** how the records were matched, one line per distinct way */
  matchedBy: string[];
  /** true when some of the records are a proportional share of a model's records */
  split: boolean;
  sources: string[];
  /** UTC dates, `YYYY-MM-DD` */
  from: string | null;
  to: string | null;
}

/** What a scan calibrated with usage files reports about them (built by src/core/usage). */
export interface UnmatchedUsage {
  model: string | null;
  code: string | null;
  records: number;
  requests: number | null;
  reason: string;
}

export interface UsageReport {
  sources: {
    file: string; format: string | null; records: number; requests: number | null; ignored: number;
    from: string | null; to: string | null; days: number | null; zoneAssumed: number;
    errors: string[]; errorCount: number; fatal: string | null;
  }[];
  matched: { records: number; callSites: number };
  unmatched: UnmatchedUsage[];
}
