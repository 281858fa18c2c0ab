// Which base call site is which head call site. Call sites are grouped by their key (`file#qualifiedName`, the base
// file renamed to its head path as git saw it), so a moved file or a function that moved within its file is neither
// added nor removed. Within one function the calls are aligned in source order: identical calls anchor the
// alignment (a longest common subsequence), and the calls between two anchors pair up by position — so a call
// inserted in a function holding several is "added" instead of shifting every later call into "changed".
import type { CallSiteReport } from '../scan/callSite';

export interface Pair {
  before: CallSiteReport | null;
  after: CallSiteReport | null;
}

/** What a call site costs: identical fingerprints are the same call (its line may differ). */
function fingerprint(c: CallSiteReport): string {
  return JSON.stringify([c.sdk, c.api, c.kind, c.model, c.maxTokens, c.endpoint, c.tokens.input, c.tokens.output, c.volume.requestsPerDay, c.volume.callsPerRequest]);
}

const order = (a: CallSiteReport, b: CallSiteReport) => (a.cell ?? -1) - (b.cell ?? -1) || a.line - b.line || a.column - b.column;

function group(sites: CallSiteReport[], keyOf: (c: CallSiteReport) => string): Map<string, CallSiteReport[]> {
  const m = new Map<string, CallSiteReport[]>();
  for (const c of sites) {
    const k = keyOf(c);
    const list = m.get(k);
    if (list) list.push(c);
    else m.set(k, [c]);
  }
  for (const list of m.values()) list.sort(order);
  return m;
}

/** `renames`: head path → base path. */
export function matchCallSites(before: CallSiteReport[], after: CallSiteReport[], renames: ReadonlyMap<string, string>): Pair[] {
  const headPathOf = new Map<string, string>();
  for (const [to, from] of renames) headPathOf.set(from, to);
  const baseGroups = group(before, (c) => `${headPathOf.get(c.file) ?? c.file}#${c.qualifiedName}`);
  const headGroups = group(after, (c) => c.key);
  const pairs: Pair[] = [];
  for (const [k, b] of baseGroups) pairs.push(...align(b, headGroups.get(k) ?? []));
  for (const [k, h] of headGroups) if (!baseGroups.has(k)) pairs.push(...h.map((after) => ({ before: null, after })));
  return pairs;
}

/** Aligns two source-ordered lists of one function's calls. */
export function align(b: CallSiteReport[], h: CallSiteReport[]): Pair[] {
  const fb = b.map(fingerprint);
  const fh = h.map(fingerprint);
  // LCS table over fingerprints (a function holds a handful of calls: quadratic is fine).
  const n = b.length;
  const m = h.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i]![j] = fb[i] === fh[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const pairs: Pair[] = [];
  let gapB: CallSiteReport[] = [];
  let gapH: CallSiteReport[] = [];
  const flush = () => {
    // Between two anchors: pair by position, the rest were added or removed.
    const k = Math.min(gapB.length, gapH.length);
    for (let x = 0; x < k; x++) pairs.push({ before: gapB[x]!, after: gapH[x]! });
    for (const c of gapB.slice(k)) pairs.push({ before: c, after: null });
    for (const c of gapH.slice(k)) pairs.push({ before: null, after: c });
    gapB = [];
    gapH = [];
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (fb[i] === fh[j] && L[i]![j] === L[i + 1]![j + 1]! + 1) {
      flush();
      pairs.push({ before: b[i++]!, after: h[j++]! });
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) {
      gapB.push(b[i++]!);
    } else {
      gapH.push(h[j++]!);
    }
  }
  gapB.push(...b.slice(i));
  gapH.push(...h.slice(j));
  flush();
  return pairs;
}
