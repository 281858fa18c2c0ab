// Python string-literal escapes, decoded as CPython's tokenizer does for a (non-raw, non-bytes) str literal:
// \<newline>, \\, \', \", \a \b \f \n \r \t \v, octal \ooo, \xhh, \uXXXX, \UXXXXXXXX, \N{NAME}; any other
// backslash pair stays as written (Python keeps it, with a SyntaxWarning). Without this, `"caf\u00e9"` was
// tokenized as its source spelling (10 tokens for 4) while the count was called exact.
import names from './unicodeNames.json';

/**
 * Stands in for a `\N{NAME}` whose name is outside the bundled table: the character is unknown, so the counter
 * removes these and adds 1–4 tokens each as an approximation (tokens/count of prompts, see `unknownNamedChars`).
 * A private-use code point: a prompt that really contains it is, at worst, counted as ≈ too.
 */
export const UNKNOWN_NAMED_CHAR = '\uE0FF';

const SIMPLE: Record<string, string> = { '\n': '', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

function named(name: string): string {
  const key = name.trim().toUpperCase().replace(/\s+/g, ' ');
  // read on the first \N{…}: the bundles parse the table then, not when they load (scripts/build.mjs)
  const cp = (names as { names: Record<string, number> }).names[key];
  if (cp !== undefined) return String.fromCodePoint(cp);
  // Algorithmic names Python also accepts.
  const cjk = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(key);
  if (cjk) return String.fromCodePoint(parseInt(cjk[1]!, 16));
  return UNKNOWN_NAMED_CHAR;
}

/** Decodes the escapes of a Python str literal's source text (without its quotes and prefix). */
export function decodePythonEscapes(src: string): string {
  return src.replace(/\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|N\{([^}]*)\}|(\r\n|[\s\S]))/g,
    (whole, oct?: string, x?: string, u?: string, U?: string, name?: string, c?: string) => {
      if (oct !== undefined) return String.fromCodePoint(parseInt(oct, 8));
      const hex = x ?? u ?? U;
      if (hex !== undefined) {
        const cp = parseInt(hex, 16);
        return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole; // Python rejects these; keep the source text
      }
      if (name !== undefined) return named(name);
      if (c === '\r\n') return '';
      return SIMPLE[c!] ?? whole;
    });
}

/** Counts and strips the unknown named characters of a text. */
export function unknownNamedChars(text: string): { text: string; count: number } {
  if (!text.includes(UNKNOWN_NAMED_CHAR)) return { text, count: 0 };
  const parts = text.split(UNKNOWN_NAMED_CHAR);
  return { text: parts.join(''), count: parts.length - 1 };
}
