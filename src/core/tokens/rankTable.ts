// The rank files as the build ships them for fast loading: `<encoding>.bin` beside `<encoding>.json` in dist/ranks.
// Parsing the JSON's base64 ranks into a Map takes ~0.2-0.5 s per encoding on the project machine (o200k: 200k
// tokens, each a new string to allocate, hash and keep), paid by every CLI scan that counts tokens. The binary form
// holds the tokens' bytes as they are, and the hash table over them (FNV-1a over the bytes, open addressing) as the
// build computed it: loading is a read and a prefix sum, with no object or string per token. (Hashing 200k tokens
// at load instead cost ~25 ms for o200k and ~10 for cl100k in every fresh process: the loop runs cold.) Lookups hash
// the piece and compare bytes.
// Layout (format 2): one line of JSON ({"pat_str", "ranks", "slots", "format"}), then one length byte per rank in rank
// order (1-255; 0 = a rank no token has), then the tokens' bytes in the same order, then zero bytes up to a multiple
// of 4 from the file's start, then the table: `slots` little-endian int32, each a rank + 1 or 0 (empty).
import type { TiktokenBPE } from 'js-tiktoken/lite';

/** Token bytes (a latin1 string, one char per byte) → rank: what bpe.ts merges with (a Map, or a RankTable). */
export interface RankLookup {
  get(bytes: string): number | undefined;
  has(bytes: string): boolean;
  readonly size: number;
}

export interface RankTable {
  patStr: string;
  ranks: RankLookup;
}

/** FNV-1a over a latin1 string's chars (= its bytes), as the table hashes the stored bytes. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The binary form of `ranks` (from parseRanks) with the encoding's split pattern. */
export function encodeRankTable(bpe: Pick<TiktokenBPE, 'pat_str'>, ranks: Map<string, number>): Buffer {
  const byRank: string[] = [];
  for (const [token, rank] of ranks) {
    if (token.length === 0 || token.length > 255) throw new Error(`rank table: token of ${token.length} bytes at rank ${rank}`);
    if (byRank[rank] !== undefined) throw new Error(`rank table: two tokens at rank ${rank}`);
    byRank[rank] = token;
  }
  const lengths = Buffer.alloc(byRank.length);
  for (let r = 0; r < byRank.length; r++) lengths[r] = byRank[r]?.length ?? 0;
  const blob = Buffer.from(byRank.map((t) => t ?? '').join(''), 'latin1');
  const slots = hashSlots(lengths, blob, prefixStarts(lengths).starts);
  const header = Buffer.from(`${JSON.stringify({ pat_str: bpe.pat_str, ranks: byRank.length, slots: slots.length, format: FORMAT })}\n`, 'utf8');
  const before = header.length + lengths.length + blob.length;
  const table = Buffer.alloc(slots.length * 4);
  for (let s = 0; s < slots.length; s++) table.writeInt32LE(slots[s]!, s * 4);
  return Buffer.concat([header, lengths, blob, Buffer.alloc((4 - (before % 4)) % 4), table]);
}

/** The layout's version: the build rewrites a `.bin` of another one, and loading refuses it (the JSON is read). */
export const RANK_TABLE_FORMAT = 2;
const FORMAT = RANK_TABLE_FORMAT;

/** Each rank's start in the token bytes, then the end of the last (a rank no token has has length 0); and how many tokens. */
function prefixStarts(lengths: Uint8Array): { starts: Int32Array; tokens: number } {
  const starts = new Int32Array(lengths.length + 1);
  let at = 0, tokens = 0;
  for (let r = 0; r < lengths.length; r++) {
    starts[r] = at;
    at += lengths[r]!;
    if (lengths[r] !== 0) tokens++;
  }
  starts[lengths.length] = at;
  return { starts, tokens };
}

/** The open-addressing table: rank + 1 in the slot each token's bytes hash to (or the next free one); 0 = empty. */
function hashSlots(lengths: Uint8Array, blob: Uint8Array, starts: Int32Array): Int32Array {
  let m = 1;
  while (m < lengths.length * 2) m *= 2;
  const mask = m - 1;
  const slots = new Int32Array(m);
  for (let r = 0; r < lengths.length; r++) {
    const at = starts[r]!, end = starts[r + 1]!;
    if (end === at) continue;
    let h = 0x811c9dc5;
    for (let i = at; i < end; i++) h = Math.imul(h ^ blob[i]!, 0x01000193);
    let s = (h >>> 0) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = r + 1;
  }
  return slots;
}

/** `count` little-endian int32 at `bytes[at…]`: a view when aligned on a little-endian machine, else a copy. */
function int32s(bytes: Buffer, at: number, count: number): Int32Array {
  if (LITTLE_ENDIAN && (bytes.byteOffset + at) % 4 === 0) return new Int32Array(bytes.buffer, bytes.byteOffset + at, count);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = bytes.readInt32LE(at + i * 4);
  return out;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The table from its binary form (the token bytes are a view into `bytes`); throws on a file that is not one. */
export function decodeRankTable(bytes: Buffer): RankTable {
  const eol = bytes.indexOf(10);
  if (eol < 0) throw new Error('rank table: no header line');
  const header = JSON.parse(bytes.toString('utf8', 0, eol)) as { pat_str?: unknown; ranks?: unknown; slots?: unknown; format?: unknown };
  const { pat_str: patStr, ranks: count, slots: m, format } = header;
  if (typeof patStr !== 'string' || !Number.isInteger(count) || (count as number) < 0) throw new Error('rank table: bad header');
  if (format !== FORMAT || !Number.isInteger(m) || (m as number) < 1 || ((m as number) & ((m as number) - 1)) !== 0 || (m as number) <= (count as number)) throw new Error('rank table: not format 2');
  const lengths = bytes.subarray(eol + 1, eol + 1 + (count as number));
  if (lengths.length !== count) throw new Error('rank table: truncated');
  const { starts, tokens } = prefixStarts(lengths);
  const total = lengths.length;
  const blobAt = eol + 1 + total;
  const blob = bytes.subarray(blobAt, blobAt + starts[total]!);
  const tableAt = blobAt + blob.length + ((4 - ((blobAt + blob.length) % 4)) % 4);
  if (blob.length !== starts[total] || bytes.length !== tableAt + (m as number) * 4) throw new Error('rank table: truncated');
  const slots = int32s(bytes, tableAt, m as number);
  const mask = (m as number) - 1;
  // A damaged table can only miss (a slot outside the ranks, or no empty slot on the way), never loop or throw.
  const find = (key: string): number => {
    const len = key.length;
    let s = fnv1a(key) & mask;
    for (let probes = 0; probes <= mask; probes++, s = (s + 1) & mask) {
      const t = slots[s]!;
      if (t === 0) return -1;
      if (t < 0 || t > total) continue;
      const from = starts[t - 1]!;
      if (starts[t]! - from !== len) continue;
      let i = 0;
      while (i < len && blob[from + i] === key.charCodeAt(i)) i++;
      if (i === len) return t - 1;
    }
    return -1;
  };
  return {
    patStr,
    ranks: {
      get: (key) => {
        const rank = find(key);
        return rank < 0 ? undefined : rank;
      },
      has: (key) => find(key) >= 0,
      size: tokens,
    },
  };
}
