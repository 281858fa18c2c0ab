// Exact token counts for the OpenAI encodings, from the same rank files js-tiktoken ships.
//
// We do not run js-tiktoken/lite's Tiktoken here, for two measured reasons (bench/tokens.ts, 2-core machine):
// - its constructor builds two 200k-entry maps keyed by "b1,b2,…" strings: ~1.5–1.9 s for o200k versus
//   ~0.4 s for the single binary-string map below;
// - its merge rescans every pair per merge (cubic in the piece length): a 3,000-letter run takes ~3 s and a
//   10,000-letter run ~27 s. Long unbroken runs do occur in prompts (CJK text without spaces, long
//   identifiers, separators), so we merge with a heap: the same rule (lowest rank first, leftmost on
//   ties), O(n log n).
// Exactness is checked against the full js-tiktoken package (getEncoding) in test/unit/tokens*.test.ts.
import type { TiktokenBPE } from 'js-tiktoken/lite';
import { loadRankTable, loadRanks, loadRanksAsync } from './ranks';
import type { RankLookup } from './rankTable';
import type { EncodingName } from './types';

export interface Encoder {
  name: EncodingName;
  count(text: string): number;
}

const encoders = new Map<EncodingName, Encoder>();

/** The encoder for `name`, loading and parsing its ranks on first use. */
export function getEncoder(name: EncodingName): Encoder {
  let enc = encoders.get(name);
  if (!enc) {
    const table = loadRankTable(name);
    enc = table ? encoderFromRanks(name, { pat_str: table.patStr }, table.ranks) : createEncoder(name, loadRanks(name));
    encoders.set(name, enc);
  }
  return enc;
}

const preloads = new Map<EncodingName, Promise<void>>();

/**
 * Loads `name`'s ranks without blocking the event loop for more than about `sliceMs` at a time (the file is read
 * asynchronously, the parse runs in slices). Counting afterwards finds the encoder ready; a count that needs it
 * before this finishes still loads it synchronously. Never rejects: a failure is left to the synchronous path,
 * which reports it in the count's notes.
 */
export function preloadEncoder(name: EncodingName, sliceMs = 20): Promise<void> {
  if (encoders.has(name)) return Promise.resolve();
  let p = preloads.get(name);
  if (!p) {
    // The build's binary table loads in ~15-40 ms in one go: nothing to slice.
    const table = loadRankTable(name);
    if (table) {
      encoders.set(name, encoderFromRanks(name, { pat_str: table.patStr }, table.ranks));
      return Promise.resolve();
    }
    p = (async () => {
      const bpe = await loadRanksAsync(name);
      const ranks = await parseRanksSliced(bpe.bpe_ranks, sliceMs);
      if (!encoders.has(name)) encoders.set(name, encoderFromRanks(name, bpe, ranks));
    })().catch(() => undefined).finally(() => preloads.delete(name));
    preloads.set(name, p);
  }
  return p;
}

/** Whether the ranks of `name` are already in memory (for the bench and for lazy-loading tests). */
export function isEncoderLoaded(name: EncodingName): boolean {
  return encoders.has(name);
}

/** Drops loaded encoders (bench: measure a cold load again; tests: after setRanksDir). */
export function unloadEncoders(): void {
  encoders.clear();
}

const BASE64 = new Int16Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) BASE64[c.charCodeAt(0)] = i;

/**
 * Ranks keyed by the token's bytes as a latin1 string (one char per byte): cheap to slice and hash.
 * Format (js-tiktoken rank files): lines of "<marker> <first rank> <base64 token> <base64 token> …". The base64 is
 * decoded in place, straight to the latin1 key: a Buffer per token (200k of them for o200k) took twice as long.
 */
export function parseRanks(bpeRanks: string): Map<string, number> {
  const cursor = rankCursor(bpeRanks);
  parseSome(cursor, Infinity);
  return cursor.ranks;
}

/** The same parse in slices of about `sliceMs`, with an event-loop turn between them (keeps an editor responsive). */
export async function parseRanksSliced(bpeRanks: string, sliceMs: number): Promise<Map<string, number>> {
  const cursor = rankCursor(bpeRanks);
  while (!parseSome(cursor, performance.now() + sliceMs)) await new Promise<void>((r) => setImmediate(r));
  return cursor.ranks;
}

/** Parse position: `lineEnd` is -1 at a line start, else `pos` is the next token of the line ending there. */
interface RankCursor { text: string; pos: number; lineEnd: number; rank: number; ranks: Map<string, number> }

const rankCursor = (text: string): RankCursor => ({ text, pos: 0, lineEnd: -1, rank: 0, ranks: new Map() });

/** Parses until the text ends (true) or `deadline` (performance.now()) passes (false; call again to go on). */
function parseSome(c: RankCursor, deadline: number): boolean {
  const s = c.text;
  const n = s.length;
  const bytes: number[] = [];
  let tokens = 0;
  for (;;) {
    if (c.lineEnd === -1) {
      if (c.pos >= n) return true;
      let lineEnd = s.indexOf('\n', c.pos);
      if (lineEnd === -1) lineEnd = n;
      const markerEnd = s.indexOf(' ', c.pos);
      if (markerEnd === -1 || markerEnd >= lineEnd) {
        c.pos = lineEnd + 1;
        continue;
      }
      let rankEnd = s.indexOf(' ', markerEnd + 1);
      if (rankEnd === -1 || rankEnd > lineEnd) rankEnd = lineEnd;
      c.rank = Number.parseInt(s.slice(markerEnd + 1, rankEnd), 10);
      c.lineEnd = lineEnd;
      c.pos = rankEnd + 1;
    }
    while (c.pos <= c.lineEnd) {
      bytes.length = 0;
      let acc = 0;
      let bits = 0;
      let i = c.pos;
      for (; i < c.lineEnd; i++) {
        const ch = s.charCodeAt(i);
        if (ch === 32) break;
        const v = ch < 128 ? BASE64[ch] : -1;
        if (v < 0) continue; // '=' padding
        acc = ((acc << 6) | v) & 0xffffff;
        bits += 6;
        if (bits >= 8) {
          bits -= 8;
          bytes.push((acc >> bits) & 0xff);
        }
      }
      if (bytes.length) c.ranks.set(String.fromCharCode(...bytes), c.rank++);
      c.pos = i + 1;
      // A line can hold thousands of tokens, so the clock is checked per 1,024 tokens, not per line.
      if ((++tokens & 1023) === 0 && performance.now() > deadline) {
        if (c.pos > c.lineEnd) c.lineEnd = -1;
        return false;
      }
    }
    c.lineEnd = -1;
  }
}

export function createEncoder(name: EncodingName, bpe: TiktokenBPE): Encoder {
  return encoderFromRanks(name, bpe, parseRanks(bpe.bpe_ranks));
}

function encoderFromRanks(name: EncodingName, bpe: Pick<TiktokenBPE, 'pat_str'>, ranks: RankLookup): Encoder {
  const pattern = new RegExp(bpe.pat_str, 'gu');
  // Pieces repeat a lot (words, indentation): a bounded memo of piece → token count.
  const pieceMemo = new Map<string, number>();
  const PIECE_MEMO_MAX = 100_000;

  function countPiece(piece: string): number {
    const memo = pieceMemo.get(piece);
    if (memo !== undefined) return memo;
    const bytes = Buffer.from(piece, 'utf8').toString('latin1');
    const n = bytes.length === 1 || ranks.has(bytes) ? 1 : mergeCount(bytes, ranks);
    if (pieceMemo.size >= PIECE_MEMO_MAX) pieceMemo.clear();
    pieceMemo.set(piece, n);
    return n;
  }

  return {
    name,
    count(text: string): number {
      // Special tokens ("<|endoftext|>") count as the plain text they are, as js-tiktoken's encode(text, [], []).
      let n = 0;
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) n += countPiece(m[0]);
      return n;
    },
  };
}

/**
 * Number of tokens byte-pair merging produces for `bytes` (a latin1 string, one char per byte): repeatedly merge the adjacent pair whose
 * concatenation has the lowest rank (leftmost on ties) until no pair is in the vocabulary.
 * Parts are a linked list over byte offsets; a binary heap holds candidate pairs keyed (rank, start);
 * entries made stale by a merge are skipped when popped.
 */
export function mergeCount(bytes: string, ranks: RankLookup): number {
  const n = bytes.length;
  if (n <= 1) return n;
  const next = new Int32Array(n); // start of the following part, n at the end
  const prev = new Int32Array(n); // start of the preceding part, -1 at the start
  const alive = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  const end = (i: number): number => (next[i] < n ? next[next[i]] : n);
  const rankOf = (start: number, stop: number): number | undefined => ranks.get(bytes.slice(start, stop));

  // heap entries: rank, start, and the end of the pair when pushed (to detect staleness)
  const hr: number[] = [];
  const hs: number[] = [];
  const he: number[] = [];
  const less = (a: number, b: number): boolean => hr[a] < hr[b] || (hr[a] === hr[b] && hs[a] < hs[b]);
  // Plain temporaries: a destructuring swap allocates two arrays per call until the function is optimized, and a
  // cold scan's token counts run mostly unoptimized (a profile of `scan` put ~30 ms of the main thread here).
  const swap = (a: number, b: number): void => {
    let t = hr[a]!;
    hr[a] = hr[b]!;
    hr[b] = t;
    t = hs[a]!;
    hs[a] = hs[b]!;
    hs[b] = t;
    t = he[a]!;
    he[a] = he[b]!;
    he[b] = t;
  };
  const push = (rank: number, start: number, stop: number): void => {
    hr.push(rank);
    hs.push(start);
    he.push(stop);
    for (let i = hr.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!less(i, p)) break;
      swap(i, p);
      i = p;
    }
  };
  const pop = (): void => {
    const last = hr.length - 1;
    swap(0, last);
    hr.pop();
    hs.pop();
    he.pop();
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < hr.length && less(l, m)) m = l;
      if (r < hr.length && less(r, m)) m = r;
      if (m === i) break;
      swap(i, m);
      i = m;
    }
  };
  const offer = (start: number): void => {
    if (start < 0 || next[start] >= n) return;
    const stop = end(start);
    const rank = rankOf(start, stop);
    if (rank !== undefined) push(rank, start, stop);
  };

  for (let i = 0; i < n - 1; i++) offer(i);
  let parts = n;
  while (hr.length > 0) {
    const start = hs[0];
    const stop = he[0];
    pop();
    if (!alive[start] || next[start] >= n || end(start) !== stop) continue;
    const gone = next[start];
    alive[gone] = 0;
    next[start] = next[gone];
    if (next[start] < n) prev[next[start]] = start;
    parts--;
    offer(prev[start]);
    offer(start);
  }
  return parts;
}
