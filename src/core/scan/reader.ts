// How `scan` reads workspace files. `workspaceReader` is what detection gets to read other files (imported
// constants, prompt files), cached for one scan. It also carries, out of the detectors' sight, what the scan itself
// needs and a plain reader function cannot give: the file's raw bytes (the byte prefilter decodes only files that
// can match, bytePrefilter.ts) and a description a worker thread can rebuild the same reader from (detectPool.ts).
import { closeSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceReader } from '../detect';

/** What the scan may do with a reader built here, besides reading text. */
export interface SourceAccess {
  root: string;
  /** restricted mode: nothing that resolves outside the root is read (confinedReader.ts) */
  confined: boolean;
  /**
   * The file's bytes in a buffer the next call reuses (copy or decode what you keep); null when unreadable. `size`:
   * the size the walk saw, if any (see readBytes).
   */
  readBytes(rel: string, size?: number): Buffer | null;
  /** The text the scan decoded from those bytes: later readFile() calls answer it instead of reading again. */
  remember(rel: string, text: string): void;
}

const ACCESS = Symbol('llm-cost-lens source access');

/** The scan's access to a reader made by workspaceReader / confinedReader; undefined for any other reader. */
export function sourceAccess(reader: WorkspaceReader): SourceAccess | undefined {
  return (reader as { [ACCESS]?: SourceAccess })[ACCESS];
}

/** A `..` path segment (a relative path that may leave the root). */
const PARENT_SEGMENT = /(?:^|\/)\.\.(?:\/|$)/;

/** A reader carrying `access` (confinedReader wraps a workspaceReader and keeps its access, confined). */
export function withAccess<R extends WorkspaceReader>(reader: R, access: SourceAccess): R {
  return Object.assign(reader, { [ACCESS]: access });
}

export function workspaceReader(root: string): WorkspaceReader {
  const cache = new Map<string, string | null>();
  /**
   * Whether each probed path exists, as existsSync answers (any kind, links followed). Detection probes the same
   * import candidates from many files (a scan of 3,600 files: 837 probes of 464 paths, nearly all missing), and
   * each probe is then read as a dependency: one stat answers both for anything that is not a file.
   */
  const found = new Map<string, boolean>();
  const safe = (rel: string) => !PARENT_SEGMENT.test(rel) && !rel.startsWith('/');
  const reader: WorkspaceReader = {
    readFile(rel) {
      if (!safe(rel)) return null;
      if (!cache.has(rel)) cache.set(rel, readTextOrNull(join(root, rel)));
      return cache.get(rel)!;
    },
    exists(rel) {
      if (!safe(rel)) return false;
      let yes = found.get(rel);
      if (yes === undefined) {
        const st = statOrNull(join(root, rel));
        yes = st !== null;
        found.set(rel, yes);
        if (!st?.isFile() && !cache.has(rel)) cache.set(rel, null);
      }
      return yes;
    },
  };
  const scratch: ReadBuffer = { buf: Buffer.allocUnsafe(256 * 1024) };
  return withAccess(reader, {
    root,
    confined: false,
    readBytes: (rel, size) => (safe(rel) ? readBytes(join(root, rel), scratch, size) : null),
    remember: (rel, text) => void cache.set(rel, text),
  });
}

/**
 * A file's text, null when it is missing, not a file or unreadable. Detection probes many paths that do not exist
 * (import candidates): asking stat first spares each miss a thrown ENOENT error (its stack trace is the cost).
 */
function readTextOrNull(abs: string): string | null {
  try {
    return statOrNull(abs)?.isFile() ? readFileSync(abs, 'utf8') : null;
  } catch {
    return null;
  }
}

/**
 * The path's stat (links followed); null when it is missing or cannot be stat'ed (existsSync's false). Shared by the
 * walk, the scanner and this reader; a missing path costs no thrown error.
 */
export function statOrNull(abs: string): Stats | null {
  try {
    return statSync(abs, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** The buffer readBytes reads into, grown as needed; one per reader (no state shared between scans). */
export interface ReadBuffer {
  buf: Buffer;
}

/**
 * The whole file into `scratch`, reused from call to call (no allocation, no decoding, no fstat: the scan reads
 * thousands of files it then drops): a view valid until the next call with the same buffer. Reads to the end of
 * file whatever size the walk saw (`size`); a read that returns less than asked once `size` bytes are in is the
 * end of the file (a regular file's read is short only there), which spares most files a second read returning 0.
 * Null when unreadable.
 */
export function readBytes(abs: string, scratch: ReadBuffer = { buf: Buffer.allocUnsafe(64 * 1024) }, size = Infinity): Buffer | null {
  let fd: number;
  try {
    fd = openSync(abs, 'r');
  } catch {
    return null;
  }
  try {
    let n = 0;
    for (;;) {
      if (n === scratch.buf.length) {
        const bigger = Buffer.allocUnsafe(scratch.buf.length * 2);
        scratch.buf.copy(bigger, 0, 0, n);
        scratch.buf = bigger;
      }
      const asked = scratch.buf.length - n;
      const got = readSync(fd, scratch.buf, n, asked, null);
      n += got;
      if (got === 0 || (got < asked && n >= size)) return scratch.buf.subarray(0, n);
    }
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
