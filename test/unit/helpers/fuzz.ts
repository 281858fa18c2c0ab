// Source generators shared by the fixed-seed fuzz tests of each language (their token lists differ).

/** A random "token soup": 5 … 5+maxExtra−1 tokens, each followed by a space with probability `spaceProb`. */
export function soup(rand: () => number, tokens: readonly string[], maxExtra: number, spaceProb: number): string {
  const n = 5 + Math.floor(rand() * maxExtra);
  let out = '';
  for (let i = 0; i < n; i++) out += tokens[Math.floor(rand() * tokens.length)]! + (rand() < spaceProb ? ' ' : '');
  return out;
}

/**
 * 1–4 random edits of a real source: cut, duplicate, insert a token, truncate, swap two lines, or insert a random
 * character with a code from `charOffset` up (an offset of 1 keeps NUL out, which would make the file look binary).
 */
export function mutate(src: string, rand: () => number, tokens: readonly string[], charOffset: number): string {
  let s = src;
  const ops = 1 + Math.floor(rand() * 4);
  for (let k = 0; k < ops; k++) {
    const i = Math.floor(rand() * (s.length + 1));
    const j = Math.min(s.length, i + Math.floor(rand() * 80));
    switch (Math.floor(rand() * 6)) {
      case 0: s = s.slice(0, i) + s.slice(j); break;
      case 1: s = s.slice(0, j) + s.slice(i, j) + s.slice(j); break;
      case 2: s = s.slice(0, i) + tokens[Math.floor(rand() * tokens.length)]! + s.slice(i); break;
      case 3: s = s.slice(0, i); break;
      case 4: {
        const lines = s.split('\n');
        const a = Math.floor(rand() * lines.length);
        const b = Math.floor(rand() * lines.length);
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        s = lines.join('\n');
        break;
      }
      default: s = s.slice(0, i) + String.fromCharCode(charOffset + Math.floor(rand() * 0x3000)) + s.slice(i);
    }
  }
  return s;
}
