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

// What a measurement adds to a call site lives with the call site (scan), which usage builds on.
export type { MeasuredTokens, MeasuredVolume, SiteUsage } from '../scan/measured';
