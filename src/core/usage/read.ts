// Reads one usage file as a stream: JSON Lines line by line, a single JSON document through the splitter, CSV row
// by row. Memory stays bounded by the largest record; every record goes to `sink` as soon as it is parsed.
// A record that cannot be used becomes a named error ("line 12: attributes.gen_ai.usage.input_tokens: missing");
// the others are still used. A file that cannot be read or whose records match no known shape fails as a whole.
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { CsvRows } from './csv';
import { isObject } from './fields';
import { EXPECTED_SHAPES, itemsOf, parseItem, sniffFormat } from './formats';
import { JsonSplitter, MAX_RECORD_CHARS } from './jsonSplitter';
import { NOT_USAGE, type UsageFormat, type UsageRecord } from './types';

/** Errors listed per file; the rest are counted. */
export const MAX_LISTED_ERRORS = 20;

export interface SourceSummary {
  /** as the user gave it (relative to the folder or the working directory) */
  file: string;
  format: UsageFormat | null;
  /** usage records read (a bucket with three model rows is three records) */
  records: number;
  /** requests the records stand for (null: token totals only) */
  requests: number | null;
  /** items that are not model requests (plain spans, Langfuse SPAN observations, LiteLLM cache hits) */
  ignored: number;
  errors: string[];
  errorCount: number;
  /** the whole file could not be used (missing, unreadable, not a known shape) */
  fatal: string | null;
  /** first and last time covered, ms (bucket ends included) */
  from: number | null;
  to: number | null;
  /** timestamps without a zone, read as UTC */
  zoneAssumed: number;
  /** the records are time buckets with an end (provider exports), not single requests */
  bucketed: boolean;
}

type Mode = 'csv' | 'jsonl' | 'json';

function modeOf(path: string): Mode {
  const lower = path.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  // A `.json` file may still be JSON Lines (the Collector's file exporter writes `.json`): one complete value on
  // the first line, then more lines.
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(256 * 1024);
    const text = buf.subarray(0, readSync(fd, buf, 0, buf.length, 0)).toString('utf8').replace(/^\uFEFF/, '');
    const trimmed = text.trimStart();
    if (trimmed.startsWith('[')) return 'json';
    const nl = trimmed.indexOf('\n');
    if (nl === -1) return 'json';
    try {
      JSON.parse(trimmed.slice(0, nl));
      return 'jsonl';
    } catch {
      return 'json';
    }
  } finally {
    closeSync(fd);
  }
}

export async function readUsageFile(path: string, display: string, sink: (r: UsageRecord) => void): Promise<SourceSummary> {
  const s: SourceSummary = { file: display, format: null, records: 0, requests: 0, ignored: 0, errors: [], errorCount: 0, fatal: null, from: null, to: null, zoneAssumed: 0, bucketed: false };
  try {
    if (!statSync(path).isFile()) return { ...s, fatal: 'not a file' };
  } catch (e) {
    return { ...s, fatal: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read (${(e as Error).message})` };
  }
  const mode = modeOf(path);
  const error = (where: string, message: string) => {
    s.errorCount++;
    if (s.errors.length < MAX_LISTED_ERRORS) s.errors.push(`${where}: ${message}`);
  };
  let unrecognised = 0;
  // One context for every item (not two closures per record): `at` names the item being parsed.
  let at = '';
  const ctx = { error: (m: string) => error(at, m), covers: (from: number, to: number) => cover(s, from, to, true) };
  const take = (item: unknown, where: string) => {
    at = where;
    if (s.format === null) {
      s.format = sniffFormat(item, mode === 'csv');
      if (s.format === null) {
        unrecognised++;
        error(where, `not a usage record (expected ${EXPECTED_SHAPES})`);
        return;
      }
    }
    for (const one of isObject(item) ? itemsOf(s.format, item) : [item]) {
      try {
        const parsed = parseItem(s.format, one, ctx);
        if (parsed === NOT_USAGE) {
          s.ignored++;
          continue;
        }
        for (const r of parsed) add(s, r, sink);
      } catch (e) {
        error(where, e instanceof Error ? e.message : String(e));
      }
    }
  };

  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    if (mode === 'json') {
      const splitter = new JsonSplitter({ item: (v, i) => take(v, `record ${i}`), error: (m) => error('', m) });
      for await (const chunk of stream) splitter.write(chunk as string);
      splitter.end();
    } else {
      let lineNo = 0;
      const csv = mode === 'csv' ? new CsvRows((row, i) => take(row, `row ${i}`), (m) => error('', m)) : null;
      const onLine = (line: string) => {
        lineNo++;
        if (csv) {
          csv.line(line);
          return;
        }
        if (line.trim() === '') return;
        // Traces are mostly HTTP, database and framework spans: a complete-looking line without a gen_ai.*
        // attribute cannot hold a model call, so it is counted as not one without being parsed (a line cut short
        // still goes to JSON.parse, to be reported).
        if (s.format === 'otlp' && line.trimEnd().endsWith('}') && !line.includes('"gen_ai.')) {
          s.ignored++;
          return;
        }
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (e) {
          error(`line ${lineNo}`, `invalid JSON (${e instanceof Error ? e.message : String(e)})`);
          return;
        }
        take(value, `line ${lineNo}`);
      };
      // Lines cut from the chunks directly: node:readline's async iterator costs more than the parsing.
      let rest = '';
      let skipping = false;
      for await (const chunk of stream) {
        const text = rest + (chunk as string);
        let start = 0;
        for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
          if (skipping) {
            skipping = false;
            start = nl + 1;
            continue;
          }
          onLine(text.charCodeAt(nl - 1) === 13 ? text.slice(start, nl - 1) : text.slice(start, nl));
          start = nl + 1;
        }
        rest = text.slice(start);
        if (rest.length > MAX_RECORD_CHARS) {
          // One line longer than any record is allowed to be: named, and skipped up to the next line break.
          error(`line ${++lineNo}`, `longer than ${MAX_RECORD_CHARS / 2 ** 20} MB (skipped)`);
          skipping = true;
          rest = '';
        }
      }
      if (rest !== '' && !skipping) onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
      csv?.end();
    }
  } catch (e) {
    return { ...s, fatal: `cannot read (${e instanceof Error ? e.message : String(e)})` };
  }
  // Splitter errors carry their own position ("record 7: …").
  s.errors = s.errors.map((e) => e.replace(/^: /, ''));
  if (s.format === null) s.fatal = unrecognised ? `no usage records recognised (expected ${EXPECTED_SHAPES})` : 'no records';
  return s;
}

function add(s: SourceSummary, r: UsageRecord, sink: (r: UsageRecord) => void): void {
  s.records++;
  if (r.requests === null) s.requests = null;
  else if (s.requests !== null) s.requests += r.requests;
  if (r.zoneAssumed) s.zoneAssumed++;
  if (r.time !== null) cover(s, r.time, r.end ?? r.time, r.end !== null);
  sink(r);
}

function cover(s: SourceSummary, from: number, to: number, bucket: boolean): void {
  if (bucket) s.bucketed = true;
  if (s.from === null || from < s.from) s.from = from;
  if (s.to === null || to > s.to) s.to = to;
}
