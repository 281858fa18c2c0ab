// Inline volume annotations: a comment on the line above a call, `llm-cost: 5000/day output=400 model=gpt-4o-mini calls=3`.
// Detection hands us the raw text after `llm-cost:`; this parses and validates it.
import { LIMITS } from '../config';

export interface Annotation {
  requestsPerDay?: number;
  outputTokens?: number;
  model?: string;
  callsPerRequest?: number;
  /** hidden reasoning/thinking tokens per call (billed as output), replacing the model family's estimate */
  reasoningTokens?: number;
}

export type AnnotationParse = { ok: true; value: Annotation } | { ok: false; error: string };

const NUMBER = /^(\d+(?:\.\d+)?)([kKmM]?)$/;

function num(raw: string): number | null {
  const m = NUMBER.exec(raw.replace(/[,_]/g, ''));
  if (!m) return null;
  const mult = m[2] === 'k' || m[2] === 'K' ? 1e3 : m[2] === 'm' || m[2] === 'M' ? 1e6 : 1;
  const n = Number(m[1]) * mult;
  return Number.isFinite(n) ? n : null;
}

/** The schema bounds (README ▸ Limits) apply to annotations too: a 400-digit volume is an error, not Infinity. */
function tooLarge(t: string, n: number, max: number): AnnotationParse | null {
  return n > max ? { ok: false, error: `"${t.length > 40 ? `${t.slice(0, 39)}…` : t}": must be at most ${max.toLocaleString('en-US')}` } : null;
}

export function parseAnnotation(text: string): AnnotationParse {
  const value: Annotation = {};
  const tokens = text.trim().split(/\s+/).filter(Boolean);
  for (const t of tokens) {
    const volume = /^([^=\s]+)\/(day|d|month|mo|hour|h)$/i.exec(t);
    if (volume) {
      const n = num(volume[1]!);
      if (n === null) return { ok: false, error: `"${t}": expected a number of requests, e.g. 5000/day` };
      const per = volume[2]!.toLowerCase();
      value.requestsPerDay = per.startsWith('h') ? n * 24 : per.startsWith('m') ? n / 30 : n;
      const big = tooLarge(t, value.requestsPerDay, LIMITS.requestsPerDay);
      if (big) return big;
      continue;
    }
    const kv = /^(output|model|calls|reasoning)=(.+)$/i.exec(t);
    if (!kv) return { ok: false, error: `"${t}": expected N/day, output=N, reasoning=N, model=NAME or calls=N` };
    const key = kv[1]!.toLowerCase();
    if (key === 'model') {
      value.model = kv[2]!;
      continue;
    }
    const n = num(kv[2]!);
    if (n === null) return { ok: false, error: `"${t.length > 40 ? `${t.slice(0, 39)}…` : t}": ${key} must be a number` };
    const big = tooLarge(t, n, key === 'calls' ? LIMITS.callsPerRequest : LIMITS.tokens);
    if (big) return big;
    if (key === 'output') value.outputTokens = n;
    else if (key === 'reasoning') value.reasoningTokens = n;
    else if (n <= 0) return { ok: false, error: `"${t}": calls must be at least 1` };
    else value.callsPerRequest = n;
  }
  return { ok: true, value };
}
