// The rank files as the build ships them for fast loading: `<encoding>.bin` beside `<encoding>.json` in dist/ranks.
// Parsing the JSON's base64 ranks into a Map takes ~0.2-0.5 s per encoding on the project machine (o200k: 200k
// tokens, each a new string to allocate, hash and keep), paid by every CLI scan that counts tokens. The binary form
// holds the tokens' bytes as they are; loading builds a hash table over them in typed arrays (FNV-1a over the bytes,
// open addressing), with no object or string per token: ~60-70 ms for both encodings in a cold process (~45 for
// o200k), less once the loop is compiled. Lookups hash the piece and compare bytes.
// Layout: one line of JSON ({"pat_str"}), then one length byte per rank in rank order (1-255; 0 = a rank no token
// has), then the tokens' bytes in the same order.
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
  return Buffer.concat([Buffer.from(`${JSON.stringify({ pat_str: bpe.pat_str, ranks: byRank.length })}\n`, 'utf8'), lengths, Buffer.from(byRank.map((t) => t ?? '').join(''), 'latin1')]);
}

/** The table from its binary form (the token bytes are a view into `bytes`); throws on a file that is not one. */
export function decodeRankTable(bytes: Buffer): RankTable {
  const eol = bytes.indexOf(10);
  if (eol < 0) throw new Error('rank table: no header line');
  const header = JSON.parse(bytes.toString('utf8', 0, eol)) as { pat_str?: unknown; ranks?: unknown };
  const { pat_str: patStr, ranks: count } = header;
  if (typeof patStr !== 'string' || !Number.isInteger(count) || (count as number) < 0) throw new Error('rank table: bad header');
  const lengths = bytes.subarray(eol + 1, eol + 1 + (count as number));
  if (lengths.length !== count) throw new Error('rank table: truncated');
  const blob = bytes.subarray(eol + 1 + lengths.length);
  // One pass (a pass per step cost ~10 ms more on a cold start): each rank's start in `blob` (a gap has length 0),
  // and the rank + 1 in the slot its bytes hash to.
  const total = lengths.length;
  const starts = new Int32Array(total + 1);
  let m = 1;
  while (m < total * 2) m *= 2;
  const mask = m - 1;
  const slots = new Int32Array(m); // rank + 1; 0 = empty
  let at = 0, n = 0;
  for (let r = 0; r < total; r++) {
    starts[r] = at;
    const end = at + lengths[r]!;
    if (end === at) continue;
    if (end > blob.length) throw new Error('rank table: truncated');
    let h = 0x811c9dc5;
    for (let i = at; i < end; i++) h = Math.imul(h ^ blob[i]!, 0x01000193);
    let s = (h >>> 0) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = r + 1;
    at = end;
    n++;
  }
  starts[total] = at;
  if (at !== blob.length) throw new Error('rank table: truncated');
  const find = (key: string): number => {
    const len = key.length;
    for (let s = fnv1a(key) & mask; ; s = (s + 1) & mask) {
      const t = slots[s]!;
      if (t === 0) return -1;
      const from = starts[t - 1]!;
      if (starts[t]! - from !== len) continue;
      let i = 0;
      while (i < len && blob[from + i] === key.charCodeAt(i)) i++;
      if (i === len) return t - 1;
    }
  };
  return {
    patStr,
    ranks: {
      get: (key) => {
        const rank = find(key);
        return rank < 0 ? undefined : rank;
      },
      has: (key) => find(key) >= 0,
      size: n,
    },
  };
}
