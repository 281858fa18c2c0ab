// The scan's first look at a walked file, on its bytes: most files of a workspace name no LLM SDK, and those are
// dropped without being decoded. Exact, not a heuristic: it gives what decoding the file as UTF-8 and running the
// text checks (contentSkipReason, then the SDK prefilter) gives, because
// - the prefilter's needles are ASCII and matched case-insensitively, and in a UTF-8 decoding every ASCII byte is
//   that character (never part of a multi-byte or replaced sequence) while every other byte becomes a non-ASCII
//   character, which a case-insensitive match never equates with an ASCII one: the bytes hold the same runs of
//   ASCII characters as the text, so the same needles match (needleMatcher.ts searches the bytes themselves);
// - byte 0 is U+0000 and nothing else is; byte 10 is U+000A and nothing else is;
// - a decoded text is never longer (UTF-16 units) than its bytes, so a file too short, or with lines too short on
//   average, to look minified as bytes cannot look minified as text (the borderline case is decoded and checked).
// Should a needle ever not be ASCII, every file is decoded and checked as text.
import { mightContainLlmCalls, prefilterNeedles } from '../detect';
import { isPromptFilePath } from '../detect/promptFile';
import { allAscii, compileNeedles, type NeedleMatcher } from './needleMatcher';
import { BINARY_SKIP, contentSkipReason } from './walk';

/** Why the file is not analysed ('no SDK': silently, it names no SDK), or its text when it is. */
export interface Verdict {
  skip: string | null;
  text: string | null;
}

/** The checks on the decoded text: what classifyBytes must equal. */
export function classifyText(text: string, relPath: string): Verdict {
  const skip = contentSkipReason(text, relPath) ?? (mightContainLlmCalls(text, relPath) ? null : 'no SDK');
  return { skip, text: skip ? null : text };
}

const NEEDLES = prefilterNeedles();
const match: NeedleMatcher | null = allAscii(NEEDLES) ? compileNeedles(NEEDLES) : null;

/** classifyText(bytes decoded as UTF-8), decoding only the files that can pass. */
export function classifyBytes(bytes: Buffer, relPath: string): Verdict {
  if (match === null) return classifyText(bytes.toString('utf8'), relPath);
  if (bytes.indexOf(0) !== -1) return { skip: BINARY_SKIP, text: null };
  const prompt = isPromptFilePath(relPath);
  if (!prompt && mayLookMinified(bytes)) return classifyText(bytes.toString('utf8'), relPath);
  if (!prompt && !match(bytes)) return { skip: 'no SDK', text: null };
  return { skip: null, text: bytes.toString('utf8') };
}

/** False when the text cannot look minified (minifiedLineLength: ≥ 5,000 characters and over 500 a line on average). */
function mayLookMinified(bytes: Buffer): boolean {
  const n = bytes.length;
  if (n < 5_000) return false;
  let lines = 1;
  for (let i = bytes.indexOf(10); i !== -1 && lines * 500 < n; i = bytes.indexOf(10, i + 1)) lines++;
  return lines * 500 < n;
}
