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
  const order = [0];
  for (let q = 0; q < order.length; q++) {
    const s = order[q]!;
    if (s !== 0 && ends[fail[s]!]) ends[s] = true;
    for (let b = 0; b < 256; b++) {
      const t = children[s]!.get(lower(b));
      if (t !== undefined && lower(b) === b) {
        fail[t] = s === 0 ? 0 : next[fail[s]! * 256 + b]! / 256;
        order.push(t);
      }
      next[s * 256 + b] = t !== undefined ? t * 256 : s === 0 ? 0 : next[fail[s]! * 256 + b]!;
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
