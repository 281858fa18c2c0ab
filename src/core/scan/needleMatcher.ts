// Case-insensitive search for many ASCII needles in raw bytes at once (Aho-Corasick, as one table of transitions):
// one table lookup per byte, no string made of the bytes. Used by the scan's byte prefilter, where it stands in for
// the detectors' case-insensitive RegExp over the text (bytePrefilter.ts says why the two agree).

/** Whether `bytes` contain any of `needles` (ASCII only), ASCII letters matched in either case. */
export type NeedleMatcher = (bytes: Uint8Array) => boolean;

const lower = (b: number): number => (b >= 65 && b <= 90 ? b + 32 : b);

/** Whether every needle is ASCII (what compileNeedles takes). */
export function allAscii(needles: readonly string[]): boolean {
  return needles.every((n) => { for (let i = 0; i < n.length; i++) if (n.charCodeAt(i) > 127) return false; return true; });
}

export function compileNeedles(needles: readonly string[]): NeedleMatcher {
  if (!allAscii(needles)) throw new Error('compileNeedles: needles must be ASCII');
  if (needles.some((n) => n === '')) return () => true;
  // The trie of the lower-cased needles: children per state, and whether a needle ends there.
  const children: Map<number, number>[] = [new Map()];
  const ends: boolean[] = [false];
  for (const needle of needles) {
    let s = 0;
    for (let i = 0; i < needle.length; i++) {
      const b = lower(needle.charCodeAt(i));
      let t = children[s]!.get(b);
      if (t === undefined) {
        t = children.length;
        children.push(new Map());
        ends.push(false);
        children[s]!.set(b, t);
      }
      s = t;
    }
    ends[s] = true;
  }
  // Transitions for every byte, breadth first (a state's failure link is shallower, so already complete). Entries
  // hold the next state × 256, ready to add the next byte to; -1 is "a needle ends here".
  const next = new Int32Array(children.length * 256);
  const fail = new Int32Array(children.length);
  // A state's row starts as a copy of its failure state's row (a byte with no child goes where that one goes; the
  // root's row starts at 0), then its children are set, both cases of a letter: one copy per state instead of 256
  // Map lookups. The table is built when the scan's bundle loads, before the JIT has warmed up: 10-16 → 3-8 ms.
  const order = [0];
  for (let q = 0; q < order.length; q++) {
    const s = order[q]!;
    const row = s * 256;
    if (s !== 0) {
      if (ends[fail[s]!]) ends[s] = true;
      next.copyWithin(row, fail[s]! * 256, fail[s]! * 256 + 256);
    }
    for (const [b, t] of children[s]!) {
      fail[t] = s === 0 ? 0 : next[fail[s]! * 256 + b]! / 256;
      order.push(t);
      next[row + b] = t * 256;
      if (b >= 97 && b <= 122) next[row + b - 32] = t * 256;
    }
  }
  for (let i = 0; i < next.length; i++) if (ends[next[i]! / 256]) next[i] = -1;
  return (bytes) => {
    let s = 0;
    for (let i = 0, n = bytes.length; i < n; i++) {
      s = next[s + bytes[i]!]!;
      if (s < 0) return true;
    }
    return false;
  };
}
