// The pieces that keep big files cheap: the JSON splitter (records at any chunk boundary, malformed records named,
// the rest read), CSV records across lines, time zones, and the histogram's p90.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonSplitter } from '../../../src/core/usage/jsonSplitter';
import { CsvRows } from '../../../src/core/usage/csv';
import { parseTime } from '../../../src/core/usage/time';
import { Histogram } from '../../../src/core/usage/histogram';
import { mulberry32 } from '../helpers/prng';

function split(text: string, chunkSizes: number[]): { items: unknown[]; errors: string[] } {
  const items: unknown[] = [];
  const errors: string[] = [];
  const s = new JsonSplitter({ item: (v) => items.push(v), error: (m) => errors.push(m) });
  let i = 0;
  for (let k = 0; i < text.length; k++) {
    const n = chunkSizes[k % chunkSizes.length]!;
    s.write(text.slice(i, i + n));
    i += n;
  }
  s.end();
  return { items, errors };
}

const OTLP = JSON.stringify({
  resourceSpans: [
    { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'a "quoted" {svc}' } }] },
      scopeSpans: [{ scope: { name: 's' }, spans: [{ spanId: '1', name: 'x}]' }, { spanId: '2', attributes: [{ key: 'k\\"', value: { stringValue: '[' } }] }] }] },
    { scopeSpans: [{ spans: [{ spanId: '3' }] }] },
  ],
}, null, 1);

test('the splitter yields each span of an OTLP document, whatever the chunk boundaries', () => {
  const rand = mulberry32(7);
  for (let round = 0; round < 50; round++) {
    const sizes = Array.from({ length: 5 }, () => 1 + Math.floor(rand() * 40));
    const { items, errors } = split(OTLP, sizes);
    assert.deepEqual(errors, []);
    assert.deepEqual(items.map((s) => (s as { spanId: string }).spanId), ['1', '2', '3'], `chunks ${sizes}`);
  }
});

test('the splitter: a top-level array, a {data: [...]} page, and a plain object are records; a broken record is named and the next one read', () => {
  assert.deepEqual(split('[{"a":1},{"a":2}]', [3]).items, [{ a: 1 }, { a: 2 }]);
  assert.deepEqual(split('{"object":"page","data":[{"b":1},{"b":2}],"has_more":false}', [4]).items, [{ b: 1 }, { b: 2 }]);
  assert.deepEqual(split('{"spanId":"x","attributes":[{"key":"data","value":{}}]}', [5]).items, [{ spanId: 'x', attributes: [{ key: 'data', value: {} }] }]);
  const broken = split('[{"a":1},{"a":tru},{"a":3}]', [1000]);
  assert.deepEqual(broken.items, [{ a: 1 }, { a: 3 }]);
  assert.equal(broken.errors.length, 1);
  assert.match(broken.errors[0]!, /^record 2: invalid JSON/);
  assert.deepEqual(split('[{"a":1},{"a":', [1000]).errors, ['record 2: the file ends inside it (truncated JSON)']);
  // a nested "data" key deeper than the page is not a page
  assert.deepEqual(split('[{"m":{"data":[1,2]}}]', [2]).items, [{ m: { data: [1, 2] } }]);
});

test('CSV records: quoted commas, doubled quotes and line breaks inside quotes; a short row is named', () => {
  const rows: Record<string, string>[] = [];
  const errors: string[] = [];
  const csv = new CsvRows((r) => rows.push(r), (m) => errors.push(m));
  for (const line of ['\uFEFFmodel,note,n', '"gpt-4o","a, b ""c""",1', 'gpt-4o-mini,"two', 'lines",2', 'short,row']) csv.line(line);
  csv.end();
  assert.deepEqual(rows, [{ model: 'gpt-4o', note: 'a, b "c"', n: '1' }, { model: 'gpt-4o-mini', note: 'two\nlines', n: '2' }]);
  assert.deepEqual(errors, ['row 3: 2 fields, the header has 3']);
});

test('times: unix seconds, milliseconds and nanoseconds, offsets, and no zone (read as UTC, flagged)', () => {
  const utc = Date.UTC(2025, 2, 1, 12, 0, 0);
  assert.deepEqual(parseTime(utc / 1000, 't'), { ms: utc, zoneAssumed: false });
  assert.deepEqual(parseTime(String(utc), 't'), { ms: utc, zoneAssumed: false });
  assert.deepEqual(parseTime(`${utc}000000`, 't'), { ms: utc, zoneAssumed: false });
  assert.deepEqual(parseTime('2025-03-01T14:00:00+02:00', 't'), { ms: utc, zoneAssumed: false });
  assert.deepEqual(parseTime('2025-03-01T07:00:00.000-0500', 't'), { ms: utc, zoneAssumed: false });
  assert.deepEqual(parseTime('2025-03-01 12:00:00', 't'), { ms: utc, zoneAssumed: true });
  assert.throws(() => parseTime('2025-13-01', 'startTime'), /startTime: not a date-time/);
  assert.throws(() => parseTime(42, 'start_time'), /start_time: not a timestamp/);
});

test('the histogram p90 is exact below 1,024 tokens and within 1 % above; weights scale counts', () => {
  const h = new Histogram();
  for (let v = 1; v <= 100; v++) h.add(v * 10);
  assert.equal(h.quantile(0.9), 900);
  const big = new Histogram();
  const rand = mulberry32(3);
  const values = Array.from({ length: 10_000 }, () => Math.round(2000 + rand() * 30_000)).sort((a, b) => a - b);
  for (const v of values) big.add(v);
  const exact = values[Math.ceil(0.9 * values.length) - 1]!;
  assert.ok(Math.abs(big.quantile(0.9)! - exact) / exact < 0.01, `${big.quantile(0.9)} vs ${exact}`);
  const merged = new Histogram();
  const a = new Histogram();
  a.add(100, 9);
  const b = new Histogram();
  b.add(5000);
  merged.merge(a, 0.5);
  merged.merge(b, 1);
  assert.equal(merged.total, 5.5);
  assert.equal(merged.quantile(0.5), 100);
  assert.equal(new Histogram().quantile(0.9), null);
});
