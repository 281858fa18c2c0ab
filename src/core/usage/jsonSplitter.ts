// Streaming split of one (possibly huge) JSON document into its records, so a 1,000,000-span OTLP export is read
// with memory bounded by the largest single record, not by the file. Records are the elements of:
//   - a top-level array (LiteLLM /spend/logs, a list of pages or OTLP documents);
//   - `data` in a top-level object (the OpenAI and Anthropic usage pages, Langfuse's API pages);
//   - `resourceSpans[].scopeSpans[].spans` (OTLP JSON; `instrumentationLibrarySpans` in older exporters).
// A top-level object with none of these is one record itself. Each record's text goes through JSON.parse, so a
// malformed record is reported by number and the ones after it are still read.

const SPLIT_PATHS = new Set(['', 'data', 'resourceSpans/*/scopeSpans/*/spans', 'resourceSpans/*/instrumentationLibrarySpans/*/spans']);
/** A record larger than this is skipped with an error instead of being held in memory. */
export const MAX_RECORD_CHARS = 32 * 1024 * 1024;

interface Frame { array: boolean; path: string; split: boolean; expectKey: boolean; key: string }

export interface SplitterSink {
  item(value: unknown, index: number): void;
  error(message: string): void;
}

export class JsonSplitter {
  private readonly stack: Frame[] = [];
  private inString = false;
  private escape = false;
  /** structural mode: the key being read (null when the current string is not a key) */
  private keyParts: string[] | null = null;
  private keyStart = 0;
  /** capture of one record's text: parts of earlier chunks, start in the current chunk */
  private parts: string[] | null = null;
  private partsChars = 0;
  private captureStart = 0;
  /** element capture: depth inside the element; 0 = not capturing an element */
  private depth = 0;
  /** the top-level object is being captured as a record until a split array shows it is a page of records */
  private topCapture = false;
  private overflow = false;
  private index = 0;

  constructor(private readonly sink: SplitterSink) {}

  write(chunk: string): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.depth > 0) {
        i = this.captureElement(chunk, i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === 92 /* \ */) this.escape = true;
        else if (c === 34 /* " */) {
          this.inString = false;
          if (this.keyParts) {
            const top = this.stack[this.stack.length - 1]!;
            top.key = this.keyParts.join('') + chunk.slice(this.keyStart, i);
            top.expectKey = false;
            this.keyParts = null;
          }
        }
        i++;
        continue;
      }
      const frame = this.stack[this.stack.length - 1];
      if (c === 34) {
        this.inString = true;
        if (frame && !frame.array && frame.expectKey) {
          this.keyParts = [];
          this.keyStart = i + 1;
        } else if (frame?.split) {
          this.sink.error(`record ${++this.index}: expected an object, found a string`);
        }
      } else if (c === 123 /* { */ || c === 91 /* [ */) {
        if (frame?.split) {
          this.startCapture(i);
          this.depth = 1;
          i++;
          continue;
        }
        const path = frame ? (frame.array ? `${frame.path}/*` : frame.path === '' && this.stack.length === 1 ? frame.key : `${frame.path}/${frame.key}`) : '';
        const split = c === 91 && SPLIT_PATHS.has(path) && (frame !== undefined || path === '');
        if (!frame && c === 123) {
          this.topCapture = true;
          this.startCapture(i);
        }
        if (split && this.topCapture) this.dropCapture();
        this.stack.push({ array: c === 91, path, split, expectKey: c === 123, key: '' });
      } else if (c === 125 /* } */ || c === 93 /* ] */) {
        this.stack.pop();
        if (this.stack.length === 0 && this.topCapture) {
          this.emit(chunk, i + 1);
          this.topCapture = false;
        }
      } else if (c === 44 /* , */) {
        if (frame && !frame.array) frame.expectKey = true;
      }
      i++;
    }
    // Keep the unfinished parts of a key or a record for the next chunk.
    if (this.keyParts && this.inString) {
      this.keyParts.push(chunk.slice(this.keyStart));
      this.keyStart = 0;
    }
    if (this.parts) {
      if (!this.overflow) {
        const rest = chunk.slice(this.captureStart);
        this.partsChars += rest.length;
        if (this.partsChars > MAX_RECORD_CHARS) this.overflow = true;
        else this.parts.push(rest);
      }
      this.captureStart = 0;
    }
  }

  end(): void {
    if (this.depth > 0 || this.stack.length > 0 || this.inString) {
      this.sink.error(`record ${this.index + 1}: the file ends inside it (truncated JSON)`);
    }
  }

  /** Fast path inside a record: only strings and brackets matter. Returns where structural reading resumes. */
  private captureElement(chunk: string, i: number): number {
    const n = chunk.length;
    let depth = this.depth;
    let inString = this.inString;
    let escape = this.escape;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) inString = false;
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        if (--depth === 0) {
          this.depth = 0;
          this.inString = false;
          this.escape = false;
          this.emit(chunk, i + 1);
          return i + 1;
        }
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escape = escape;
    return n;
  }

  private startCapture(i: number): void {
    this.parts = [];
    this.partsChars = 0;
    this.captureStart = i;
    this.overflow = false;
  }

  private dropCapture(): void {
    this.parts = null;
    this.topCapture = false;
  }

  private emit(chunk: string, endExclusive: number): void {
    const index = ++this.index;
    const parts = this.parts!;
    const overflow = this.overflow || this.partsChars + (endExclusive - this.captureStart) > MAX_RECORD_CHARS;
    this.parts = null;
    if (overflow) {
      this.sink.error(`record ${index}: larger than ${MAX_RECORD_CHARS / 1024 / 1024} MB (skipped)`);
      return;
    }
    const text = parts.length ? parts.join('') + chunk.slice(this.captureStart, endExclusive) : chunk.slice(this.captureStart, endExclusive);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      this.sink.error(`record ${index}: invalid JSON (${e instanceof Error ? e.message : String(e)})`);
      return;
    }
    this.sink.item(value, index);
  }
}
