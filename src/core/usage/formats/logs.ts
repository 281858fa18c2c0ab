// Per-request logs from LLM gateways and tracing tools: Langfuse observations (API or UI export) and LiteLLM
// spend logs (the LiteLLM_SpendLogs rows, as /spend/logs returns them or as a CSV export).
import { countOrNull, firstCount, isObject, stringOrNull } from '../fields';
import { parseTime } from '../time';
import { NOT_USAGE, UsageRecordError, type ParsedItem } from '../types';
import { attributeMap, codeLocation } from './otlp';

/** Nested JSON that a CSV export writes as a string cell. */
function objectField(v: unknown): Record<string, unknown> {
  if (isObject(v)) return v;
  if (typeof v === 'string' && v.trim().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (isObject(parsed)) return parsed;
    } catch {
      // a cell that only looks like JSON: no nested fields
    }
  }
  return {};
}

export function isLangfuse(item: Record<string, unknown>): boolean {
  return 'usageDetails' in item || ('traceId' in item && ('promptTokens' in item || 'usage' in item || item.type === 'GENERATION'));
}

export function parseLangfuse(o: Record<string, unknown>): ParsedItem {
  // SPAN and EVENT observations are the steps around model calls, not model calls.
  if (o.type !== undefined && o.type !== 'GENERATION') return NOT_USAGE;
  const details = objectField(o.usageDetails);
  const usage = objectField(o.usage);
  const input = firstCount(details, ['input']) ?? firstCount(usage, ['input', 'promptTokens']) ?? countOrNull(o.promptTokens, 'promptTokens') ?? countOrNull(o.inputUsage, 'inputUsage');
  if (input === null) throw new UsageRecordError('usageDetails.input', 'missing (nor usage.input, promptTokens)');
  const output = firstCount(details, ['output']) ?? firstCount(usage, ['output', 'completionTokens']) ?? countOrNull(o.completionTokens, 'completionTokens') ?? countOrNull(o.outputUsage, 'outputUsage') ?? 0;
  const time = parseTime(o.startTime, 'startTime');
  const metadata = objectField(o.metadata);
  return [{
    time: time.ms, end: null, model: stringOrNull(o.model) ?? stringOrNull(o.providedModelName), requests: 1,
    inputTokens: input, outputTokens: output,
    cachedInputTokens: firstCount(details, ['input_cached_tokens', 'cache_read_input_tokens', 'input_cache_read']),
    reasoningTokens: firstCount(details, ['output_reasoning_tokens', 'reasoning_tokens', 'output_reasoning']),
    perRequest: true, code: codeLocation({ ...metadata, ...attributeMap(metadata.attributes) }), zoneAssumed: time.zoneAssumed,
  }];
}

export function isLiteLlm(item: Record<string, unknown>): boolean {
  return 'request_id' in item && ('call_type' in item || 'spend' in item || 'prompt_tokens' in item);
}

export function parseLiteLlm(row: Record<string, unknown>): ParsedItem {
  // A cache hit served by LiteLLM's own cache and a failed call reach no provider and cost nothing.
  if (String(row.cache_hit).toLowerCase() === 'true' || row.status === 'failure') return NOT_USAGE;
  const input = countOrNull(row.prompt_tokens, 'prompt_tokens');
  if (input === null) throw new UsageRecordError('prompt_tokens', 'missing');
  const time = parseTime(row.startTime ?? row.start_time, 'startTime');
  const metadata = objectField(row.metadata);
  const usage = objectField(metadata.usage_object);
  return [{
    time: time.ms, end: null, model: stringOrNull(row.model) ?? stringOrNull(row.model_group), requests: 1,
    inputTokens: input, outputTokens: countOrNull(row.completion_tokens, 'completion_tokens') ?? 0,
    cachedInputTokens: countOrNull(objectField(usage.prompt_tokens_details).cached_tokens, 'metadata.usage_object.prompt_tokens_details.cached_tokens'),
    reasoningTokens: countOrNull(objectField(usage.completion_tokens_details).reasoning_tokens, 'metadata.usage_object.completion_tokens_details.reasoning_tokens'),
    perRequest: true, code: codeLocation(metadata), zoneAssumed: time.zoneAssumed,
  }];
}
