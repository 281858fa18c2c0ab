// Provider usage exports: aggregated buckets, not single requests. OpenAI's completions buckets carry a request
// count; Anthropic's usage report carries token totals only (no request count), so its records have
// `requests: null` and can calibrate tokens per day but not requests per day on their own.
import { count, countOrNull, firstCount, isObject, stringOrNull } from '../fields';
import { parseTime } from '../time';
import { UsageRecordError, type ParsedItem, type UsageRecord } from '../types';

/** What an aggregate item reports besides its records: a bad result inside it, and the time it covers (an empty bucket is still a day with no usage). */
export interface ItemContext {
  error(message: string): void;
  covers(from: number, to: number): void;
}

/** A bucket's results one by one: a bad result is reported and its siblings are still used. */
function eachResult(results: unknown, at: string, ctx: ItemContext, read: (r: Record<string, unknown>, field: string) => UsageRecord): UsageRecord[] {
  if (!Array.isArray(results)) throw new UsageRecordError(`${at}results`, "missing (expected the bucket's results array)");
  const out: UsageRecord[] = [];
  results.forEach((r, i) => {
    try {
      if (!isObject(r)) throw new UsageRecordError(`${at}results[${i}]`, 'expected an object');
      out.push(read(r, `${at}results[${i}].`));
    } catch (e) {
      if (!(e instanceof UsageRecordError)) throw e;
      ctx.error(e.message);
    }
  });
  return out;
}

/** The first value that is present and not an empty CSV cell. */
function present(...values: unknown[]): unknown {
  return values.find((v) => v !== undefined && v !== null && v !== '');
}

function bucketTimes(start: unknown, end: unknown, startField: string, endField: string): { time: number; end: number | null; zoneAssumed: boolean } {
  const s = parseTime(start, startField);
  const e = end === undefined || end === null ? null : parseTime(end, endField);
  return { time: s.ms, end: e?.ms ?? null, zoneAssumed: s.zoneAssumed || (e?.zoneAssumed ?? false) };
}

export function isOpenAiUsage(item: Record<string, unknown>): boolean {
  if (item.object === 'page' || item.object === 'bucket') return true;
  const r = Array.isArray(item.results) ? item.results[0] : undefined;
  return 'start_time' in item && Array.isArray(item.results) && (r === undefined || (isObject(r) && 'num_model_requests' in r));
}

/** One bucket (or one page of buckets) of GET /v1/organization/usage/completions. */
export function parseOpenAiUsage(item: Record<string, unknown>, ctx: ItemContext): ParsedItem {
  if (item.object === 'page') return (Array.isArray(item.data) ? item.data : []).flatMap((b, i) => {
    if (!isObject(b)) throw new UsageRecordError(`data[${i}]`, 'expected a bucket object');
    return parseOpenAiBucket(b, `data[${i}].`, ctx);
  });
  return parseOpenAiBucket(item, '', ctx);
}

function parseOpenAiBucket(b: Record<string, unknown>, at: string, ctx: ItemContext): UsageRecord[] {
  const t = bucketTimes(b.start_time, b.end_time, `${at}start_time`, `${at}end_time`);
  ctx.covers(t.time, t.end ?? t.time);
  return eachResult(b.results, at, ctx, (r, f) => openAiRecord(r, t, f));
}

function openAiRecord(r: Record<string, unknown>, t: { time: number; end: number | null; zoneAssumed: boolean }, f: string): UsageRecord {
  return {
    ...t, model: stringOrNull(r.model),
    requests: count(r.num_model_requests ?? r.n_requests, `${f}num_model_requests`),
    inputTokens: count(r.input_tokens ?? r.n_context_tokens_total, `${f}input_tokens`),
    outputTokens: count(r.output_tokens ?? r.n_generated_tokens_total, `${f}output_tokens`),
    cachedInputTokens: countOrNull(r.input_cached_tokens, `${f}input_cached_tokens`),
    reasoningTokens: null, perRequest: false, code: null,
  };
}

/** One row of the usage dashboard's CSV export: the API's result fields as columns, with the bucket's times. */
export function parseOpenAiCsvRow(row: Record<string, unknown>): ParsedItem {
  const start = present(row.start_time_iso, row.start_time, row.aggregation_timestamp, row.date);
  const t = bucketTimes(start, present(row.end_time_iso, row.end_time), 'start_time', 'end_time');
  return [openAiRecord({ ...row, model: present(row.model, row.snapshot_id) }, t, '')];
}

export function isAnthropicUsage(item: Record<string, unknown>): boolean {
  return 'starting_at' in item && Array.isArray(item.results);
}

/** One bucket of GET /v1/organizations/usage_report/messages. */
export function parseAnthropicUsage(b: Record<string, unknown>, ctx: ItemContext): ParsedItem {
  const t = bucketTimes(b.starting_at, b.ending_at, 'starting_at', 'ending_at');
  ctx.covers(t.time, t.end ?? t.time);
  return eachResult(b.results, '', ctx, (r, f) => {
    const creation = isObject(r.cache_creation) ? r.cache_creation : {};
    const uncached = count(r.uncached_input_tokens, `${f}uncached_input_tokens`);
    const read = countOrNull(r.cache_read_input_tokens, `${f}cache_read_input_tokens`) ?? 0;
    const written = (firstCount(creation, ['ephemeral_5m_input_tokens']) ?? firstCount(r, ['cache_creation_5m_input_tokens']) ?? 0)
      + (firstCount(creation, ['ephemeral_1h_input_tokens']) ?? firstCount(r, ['cache_creation_1h_input_tokens']) ?? 0);
    return {
      ...t, model: stringOrNull(r.model), requests: null,
      inputTokens: uncached + read + written, outputTokens: count(r.output_tokens, `${f}output_tokens`),
      cachedInputTokens: read, reasoningTokens: null, perRequest: false, code: null,
    };
  });
}
