// Each usage format read from test/usage (files written from the formats' public documentation): records,
// requests, tokens, coverage, and the named errors for the malformed records, the rest still used.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadUsage } from '../../../src/core/usage/load';
import { daysCovered } from '../../../src/core/usage/load';

async function read(name: string) {
  const d = await loadUsage([{ path: `test/usage/${name}`, display: name }]);
  const s = d.sources[0]!;
  const sum = (f: (g: (typeof d.groups)[number]) => number) => d.groups.reduce((t, g) => t + f(g), 0);
  return { s, d, input: sum((g) => g.inputTokens), output: sum((g) => g.outputTokens), requests: sum((g) => g.requests) };
}

test('OTLP JSON Lines of spans: GenAI spans are requests, older and newer attribute names, HTTP and agent spans ignored, bad lines named', async () => {
  const { s, d, input, output } = await read('otel-spans.jsonl');
  assert.equal(s.format, 'otlp');
  assert.equal(s.records, 36);
  assert.equal(s.ignored, 2);
  assert.deepEqual(s.errors, [
    'line 39: invalid JSON (Unexpected end of JSON input)',
    'line 40: attributes.gen_ai.usage.input_tokens: missing (nor gen_ai.usage.prompt_tokens)',
    'line 41: startTimeUnixNano: not a date-time ("yesterday")',
  ]);
  // 21 × (300, 400, 500 by turn), 7 × 900 (prompt_tokens), 7 × 200, 1 × 50
  assert.equal(input, 7 * (300 + 400 + 500) + 7 * 900 + 7 * 200 + 50);
  assert.equal(output, 7 * (100 + 110 + 120) + 7 * 150 + 7 * 20 + 5);
  assert.equal(new Date(s.from!).toISOString(), '2025-03-01T00:10:00.000Z');
  assert.equal(daysCovered(s), 7, 'spans cover whole UTC days from the first to the last');
  const reply = d.groups.find((g) => g.function === 'app.bot.Bot.reply')!;
  assert.deepEqual([reply.file, reply.line, reply.model, reply.requests], ['/srv/app/app/bot.py', 11, 'gpt-4o', 21]);
  assert.deepEqual(reply.cached, { tokens: 2100, ofInput: 7 * 1200 });
  const older = d.groups.find((g) => g.function === 'summarize')!;
  assert.deepEqual([older.file, older.line, older.inputTokens], ['app/bot.py', null, 6300]);
  assert.ok(d.groups.some((g) => g.file === null && g.model === 'gpt-4o-mini-2024-07-18'), 'spans without a code location keep their dated model id');
});

test('one OTLP JSON document (resourceSpans → scopeSpans → spans) is split per span; a negative count is a named error', async () => {
  const { s, requests, input } = await read('otlp-export.json');
  assert.equal(s.format, 'otlp');
  assert.equal(requests, 8);
  assert.equal(input, 4 * 500 + 4 * 60);
  assert.deepEqual(s.errors, ['record 9: gen_ai.usage.input_tokens: must not be negative (got -5)']);
});

test('OpenAI Usage API page: buckets by model, an empty bucket still covered, a bad result named and its siblings used', async () => {
  const { s, d, requests } = await read('openai-usage.json');
  assert.equal(s.format, 'openai-usage');
  assert.equal(requests, 3 * 1200 + 3 * 5000);
  assert.deepEqual(s.errors, ['record 2: results[2].num_model_requests: missing']);
  assert.equal(daysCovered(s), 4, 'three buckets with usage and one empty day');
  const mini = d.groups.find((g) => g.model === 'gpt-4o-mini-2024-07-18')!;
  assert.equal(mini.inputTokens / mini.requests, 700);
  assert.equal(mini.input.total, 0, 'bucket totals are no per-request samples (no p90)');
});

test('OpenAI dashboard CSV: CRLF lines, quoted cells, the row with a bad count named', async () => {
  const { s, requests, d } = await read('openai-usage.csv');
  assert.equal(s.format, 'openai-csv');
  assert.equal(requests, 2 * 800 + 2 * 3000);
  assert.deepEqual(s.errors, ['row 5: num_model_requests: expected a number, got "lots"']);
  const mini = d.groups.find((g) => g.model === 'gpt-4o-mini-2024-07-18')!;
  assert.equal(mini.cached.tokens / mini.cached.ofInput, 100 / 650);
});

test('Anthropic usage report: token totals only (no request count), cache reads and writes counted as input', async () => {
  const { s, d } = await read('anthropic-usage.json');
  assert.equal(s.format, 'anthropic-usage');
  assert.equal(s.requests, null);
  const g = d.groups[0]!;
  assert.deepEqual(g.tokenOnly, { records: 2, inputTokens: 2 * 40000, outputTokens: 2 * 150000 });
  assert.deepEqual(s.errors, ['record 2: results[1].uncached_input_tokens: expected a number, got "n/a"']);
});

test('Langfuse observations: GENERATION only, +02:00 times converted to UTC, missing usage named', async () => {
  const { s, requests, d } = await read('langfuse-observations.json');
  assert.equal(s.format, 'langfuse');
  assert.equal(requests, 8);
  assert.equal(s.ignored, 1);
  assert.equal(new Date(s.from!).toISOString(), '2025-03-01T23:30:00.000Z');
  assert.deepEqual(s.errors, ['record 10: usageDetails.input: missing (nor usage.input, promptTokens)']);
  assert.equal(d.groups[0]!.function, 'summarize', 'code.function.name from the metadata');
});

test('LiteLLM spend logs: cache hits and failures are not provider calls; times without a zone read as UTC and counted', async () => {
  const { s, d } = await read('litellm-spend-logs.json');
  assert.equal(s.format, 'litellm');
  assert.equal(s.records, 5);
  assert.equal(s.ignored, 2);
  assert.equal(s.zoneAssumed, 5);
  assert.equal(new Date(s.from!).toISOString(), '2025-03-01T12:00:00.000Z');
  assert.deepEqual(d.groups[0]!.cached, { tokens: 1000, ofInput: 3000 });
  assert.deepEqual(s.errors, ['record 8: prompt_tokens: missing']);
});

test('a missing file and a file of something else fail as a whole, naming why', async () => {
  const missing = await loadUsage([{ path: 'test/usage/nope.jsonl', display: 'nope.jsonl' }]);
  assert.equal(missing.sources[0]!.fatal, 'no such file');
  const other = await loadUsage([{ path: 'package.json', display: 'package.json' }]);
  assert.match(other.sources[0]!.fatal!, /^no usage records recognised \(expected OTLP JSON spans/);
});

test("the Collector's file exporter (one OTLP document per line) and Langfuse JSON Lines are read line by line", async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'usage-jsonl-'));
  const span = (id: string, input: number) => ({ spanId: id, startTimeUnixNano: '1740787200000000000', attributes: [{ key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o' } }, { key: 'gen_ai.usage.input_tokens', value: { intValue: String(input) } }] });
  const doc = (...spans: object[]) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] });
  const collector = join(dir, 'traces.json');
  writeFileSync(collector, `${doc(span('a', 10), span('b', 20))}\n${doc(span('c', 30))}\n`);
  const c = (await loadUsage([{ path: collector, display: 'traces.json' }])).sources[0]!;
  assert.deepEqual([c.format, c.records, c.errorCount], ['otlp', 3, 0]);
  const langfuse = join(dir, 'observations.jsonl');
  writeFileSync(langfuse, [{ id: '1', traceId: 't', type: 'GENERATION', startTime: '2025-03-01T00:00:00Z', model: 'gpt-4o', usageDetails: { input: 5, output: 1 } }, { id: '2', traceId: 't', type: 'SPAN', startTime: '2025-03-01T00:00:00Z' }].map((o) => JSON.stringify(o)).join('\r\n') + '\r\n\r\n');
  const l = (await loadUsage([{ path: langfuse, display: 'observations.jsonl' }])).sources[0]!;
  assert.deepEqual([l.format, l.records, l.ignored, l.errorCount], ['langfuse', 1, 1, 0]);
});
