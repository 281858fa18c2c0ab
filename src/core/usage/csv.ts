// CSV rows (RFC 4180: quoted fields, "" for a quote, line breaks inside quotes), one at a time: the caller feeds
// lines as they are read, so a large export is never held in memory.

export function splitCsvRecord(record: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i]!;
    if (quoted) {
      if (c === '"' && record[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

/** Joins physical lines into CSV records (a quoted field may span lines) and maps them onto the header row. */
export class CsvRows {
  private header: string[] | null = null;
  private pending: string | null = null;
  private recordNo = 0;

  constructor(private readonly onRow: (row: Record<string, string>, index: number) => void, private readonly onError: (message: string) => void) {}

  line(line: string): void {
    const text = this.pending === null ? line : `${this.pending}\n${line}`;
    // An odd number of quotes so far: the record continues on the next line.
    if ((text.match(/"/g)?.length ?? 0) % 2 === 1) {
      this.pending = text;
      return;
    }
    this.pending = null;
    if (text.trim() === '') return;
    const fields = splitCsvRecord(text);
    if (this.header === null) {
      this.header = fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
      return;
    }
    const index = ++this.recordNo;
    if (fields.length !== this.header.length) {
      this.onError(`row ${index}: ${fields.length} fields, the header has ${this.header.length}`);
      return;
    }
    const row: Record<string, string> = {};
    this.header.forEach((h, i) => (row[h] = fields[i]!));
    this.onRow(row, index);
  }

  end(): void {
    if (this.pending !== null) this.onError(`row ${this.recordNo + 1}: the file ends inside a quoted field`);
  }

  get columns(): readonly string[] {
    return this.header ?? [];
  }
}
