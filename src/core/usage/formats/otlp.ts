// OpenTelemetry spans (OTLP JSON) following the GenAI semantic conventions. A span counts as one model request
// when it carries gen_ai.* attributes and its operation is a model call (chat, text_completion, embeddings,
// generate_content); agent and tool spans (invoke_agent, execute_tool, …) are left out because their token totals
// repeat the model calls nested under them.
import { countOrNull, firstCount, isObject, stringOrNull } from '../fields';
import { parseTime } from '../time';
import { NOT_USAGE, UsageRecordError, type CodeLocation, type ParsedItem, type UsageRecord } from '../types';

const MODEL_OPERATIONS = new Set(['chat', 'text_completion', 'completion', 'embeddings', 'generate_content', 'responses']);

/** OTLP AnyValue → a plain value (int64 arrives as a string in OTLP JSON). */
function anyValue(v: unknown): unknown {
  if (!isObject(v)) return v;
  if ('stringValue' in v) return v.stringValue;
  if ('intValue' in v) return v.intValue;
  if ('doubleValue' in v) return v.doubleValue;
  if ('boolValue' in v) return v.boolValue;
  return undefined;
}

/** `attributes` as OTLP writes it (a list of {key, value}) or as flattened exporters write it (an object). */
export function attributeMap(attrs: unknown): Record<string, unknown> {
  if (isObject(attrs)) return attrs;
  const out: Record<string, unknown> = {};
  if (Array.isArray(attrs)) for (const kv of attrs) if (isObject(kv) && typeof kv.key === 'string') out[kv.key] = anyValue(kv.value);
  return out;
}

/** The code.* attributes, newer names first (code.file.path, code.line.number, code.function.name), then the older ones. */
export function codeLocation(a: Record<string, unknown>): CodeLocation | null {
  const file = stringOrNull(a['code.file.path']) ?? stringOrNull(a['code.filepath']);
  const line = countOrNull(a['code.line.number'] ?? a['code.lineno'], 'code.line.number');
  let fn = stringOrNull(a['code.function.name']) ?? stringOrNull(a['code.function']);
  const ns = stringOrNull(a['code.namespace']);
  if (fn && ns && !fn.includes('.')) fn = `${ns}.${fn}`;
  return file || fn ? { file, line, function: fn } : null;
}

export function isOtlpSpan(item: Record<string, unknown>): boolean {
  return ('spanId' in item || 'span_id' in item) && ('attributes' in item || 'startTimeUnixNano' in item);
}

export function parseOtlpSpan(span: Record<string, unknown>): ParsedItem {
  const a = attributeMap(span.attributes);
  if (!Object.keys(a).some((k) => k.startsWith('gen_ai.'))) return NOT_USAGE;
  const operation = stringOrNull(a['gen_ai.operation.name']);
  if (operation !== null && !MODEL_OPERATIONS.has(operation)) return NOT_USAGE;
  const input = firstCount(a, ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens']);
  if (input === null) throw new UsageRecordError('attributes.gen_ai.usage.input_tokens', 'missing (nor gen_ai.usage.prompt_tokens)');
  const output = firstCount(a, ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens']) ?? 0;
  const time = parseTime(span.startTimeUnixNano ?? span.start_time ?? span.startTime, 'startTimeUnixNano');
  const model = stringOrNull(a['gen_ai.request.model']) ?? stringOrNull(a['gen_ai.response.model']);
  const record: UsageRecord = {
    time: time.ms, end: null, model, requests: 1, inputTokens: input, outputTokens: output,
    cachedInputTokens: firstCount(a, ['gen_ai.usage.cache_read.input_tokens', 'gen_ai.usage.cache_read_input_tokens']),
    reasoningTokens: firstCount(a, ['gen_ai.usage.reasoning.output_tokens', 'gen_ai.usage.reasoning_tokens']),
    perRequest: true, code: codeLocation(a), zoneAssumed: time.zoneAssumed,
  };
  return [record];
}

/** An ExportTraceServiceRequest (one line of the Collector's file exporter): every span in it. */
export function* spansOfDocument(doc: Record<string, unknown>): Generator<Record<string, unknown>> {
  for (const rs of Array.isArray(doc.resourceSpans) ? doc.resourceSpans : []) {
    if (!isObject(rs)) continue;
    const scopes = Array.isArray(rs.scopeSpans) ? rs.scopeSpans : Array.isArray(rs.instrumentationLibrarySpans) ? rs.instrumentationLibrarySpans : [];
    for (const ss of scopes) if (isObject(ss) && Array.isArray(ss.spans)) for (const s of ss.spans) if (isObject(s)) yield s;
  }
}
