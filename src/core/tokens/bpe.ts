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
import { loadRanks } from './ranks';
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
    enc = createEncoder(name, loadRanks(name));
    encoders.set(name, enc);
  }
  return enc;
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
  const ranks = new Map<string, number>();
  const bytes: number[] = [];
  const n = bpeRanks.length;
  for (let lineStart = 0; lineStart < n; ) {
    let lineEnd = bpeRanks.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    const markerEnd = bpeRanks.indexOf(' ', lineStart);
    if (markerEnd !== -1 && markerEnd < lineEnd) {
      let rankEnd = bpeRanks.indexOf(' ', markerEnd + 1);
      if (rankEnd === -1 || rankEnd > lineEnd) rankEnd = lineEnd;
      let rank = Number.parseInt(bpeRanks.slice(markerEnd + 1, rankEnd), 10);
      for (let i = rankEnd + 1; i <= lineEnd; i++) {
        bytes.length = 0;
        let acc = 0;
        let bits = 0;
        for (; i < lineEnd; i++) {
          const c = bpeRanks.charCodeAt(i);
          if (c === 32) break;
          const v = c < 128 ? BASE64[c] : -1;
          if (v < 0) continue; // '=' padding
          acc = ((acc << 6) | v) & 0xffffff;
          bits += 6;
          if (bits >= 8) {
            bits -= 8;
            bytes.push((acc >> bits) & 0xff);
          }
        }
        if (bytes.length) ranks.set(String.fromCharCode(...bytes), rank++);
      }
    }
    lineStart = lineEnd + 1;
  }
  return ranks;
}

export function createEncoder(name: EncodingName, bpe: TiktokenBPE): Encoder {
  const ranks = parseRanks(bpe.bpe_ranks);
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
export function mergeCount(bytes: string, ranks: Map<string, number>): number {
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
  const swap = (a: number, b: number): void => {
    [hr[a], hr[b]] = [hr[b], hr[a]];
    [hs[a], hs[b]] = [hs[b], hs[a]];
    [he[a], he[b]] = [he[b], he[a]];
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
