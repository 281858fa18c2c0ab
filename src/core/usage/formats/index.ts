// Which parser reads an item: decided by the first item the file's records are recognised in, then kept for the
// file (a later item the parser rejects is a named error, not a switch of format).
import { isObject } from '../fields';
import { UsageRecordError, type ParsedItem, type UsageFormat } from '../types';
import { isOtlpSpan, parseOtlpSpan, spansOfDocument } from './otlp';
import { isAnthropicUsage, isOpenAiUsage, parseAnthropicUsage, parseOpenAiCsvRow, parseOpenAiUsage, type ItemContext } from './providers';
import { isLangfuse, isLiteLlm, parseLangfuse, parseLiteLlm } from './logs';

export function sniffFormat(item: unknown, csv: boolean): UsageFormat | null {
  if (!isObject(item)) return null;
  if (csv) {
    if ('num_model_requests' in item || 'n_requests' in item) return 'openai-csv';
    if (isLiteLlm(item)) return 'litellm';
    if (isLangfuse(item) || ('startTime' in item && ('promptTokens' in item || 'inputUsage' in item))) return 'langfuse';
    return null;
  }
  if ('resourceSpans' in item || isOtlpSpan(item)) return 'otlp';
  if (isOpenAiUsage(item)) return 'openai-usage';
  if (isAnthropicUsage(item)) return 'anthropic-usage';
  if (isLiteLlm(item)) return 'litellm';
  if (isLangfuse(item)) return 'langfuse';
  return null;
}

export const EXPECTED_SHAPES = 'OTLP JSON spans (resourceSpans or one span per line), OpenAI usage buckets or dashboard CSV, Anthropic usage report, Langfuse observations, LiteLLM spend logs';

/** Items one raw item stands for: an OTLP document (one Collector file-exporter line) stands for its spans. */
export function* itemsOf(format: UsageFormat, item: Record<string, unknown>): Generator<Record<string, unknown>> {
  if (format === 'otlp' && 'resourceSpans' in item) yield* spansOfDocument(item);
  else yield item;
}

/** `ctx`: problems with one result inside an aggregate item whose other results are still used, and its time span. */
export function parseItem(format: UsageFormat, item: unknown, ctx: ItemContext): ParsedItem {
  if (!isObject(item)) throw new UsageRecordError('(record)', 'expected an object');
  switch (format) {
    case 'otlp': return parseOtlpSpan(item);
    case 'openai-usage': return parseOpenAiUsage(item, ctx);
    case 'openai-csv': return parseOpenAiCsvRow(item);
    case 'anthropic-usage': return parseAnthropicUsage(item, ctx);
    case 'langfuse': return parseLangfuse(item);
    case 'litellm': return parseLiteLlm(item);
  }
}
