// What every usage source is read into: one record per request (spans, logs, observations) or per time bucket
// (provider usage exports), with the token totals, the model and, when the source records it, the code location.

export type UsageFormat = 'otlp' | 'openai-usage' | 'openai-csv' | 'anthropic-usage' | 'langfuse' | 'litellm';

export const FORMAT_LABELS: Record<UsageFormat, string> = {
  otlp: 'OpenTelemetry GenAI spans',
  'openai-usage': 'OpenAI Usage API (completions buckets)',
  'openai-csv': 'OpenAI usage dashboard CSV',
  'anthropic-usage': 'Anthropic usage report',
  langfuse: 'Langfuse observations',
  litellm: 'LiteLLM spend logs',
};

export interface CodeLocation {
  /** as recorded: absolute, relative, Windows separators … (matching normalises it) */
  file: string | null;
  line: number | null;
  function: string | null;
}

export interface UsageRecord {
  /** start of the request or of the bucket, ms since the epoch (UTC); null when the source has no time */
  time: number | null;
  /** end of the bucket (aggregated sources), so that empty edges still count as covered time */
  end: number | null;
  model: string | null;
  /**
   * Requests the record stands for: 1 for a span or log line, the bucket's count for an aggregate; null when the
   * source reports token totals only (the Anthropic usage report has no request count).
   */
  requests: number | null;
  inputTokens: number;
  outputTokens: number;
  /** part of inputTokens served from the provider's cache; null when the source does not say */
  cachedInputTokens: number | null;
  reasoningTokens: number | null;
  /** one record = one request: its tokens are a sample for the p90 */
  perRequest: boolean;
  code: CodeLocation | null;
  /** the timestamp carried no zone and was read as UTC */
  zoneAssumed: boolean;
}

/** A record that could not be used, named by where it is and what is wrong. */
export class UsageRecordError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'UsageRecordError';
  }
}

/** An item a parser recognises but that is not an LLM request (a plain HTTP span, a Langfuse SPAN): not an error. */
export const NOT_USAGE = Symbol('not usage');
export type ParsedItem = UsageRecord[] | typeof NOT_USAGE;

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
