// Sanity checks on downloaded price data (issue #17), beyond its schema: a catalog that passes them cannot hang a
// later scan (a backtracking matcher regex), price everything at $0, or overflow money figures (1e308 rates).
// `prices --update` rejects data that fails, and keeps the previous catalog; a stored file that fails is ignored.
import type { PriceCatalog } from './prices-resolve';

/** Largest body `prices --update` reads (the published data is ~1 MB). */
export const MAX_PRICE_DATA_BYTES = 20_000_000;
/** Every token price must be below this, USD per million tokens. */
export const MAX_USD_PER_MTOK = 10_000;
/** Fewer models with a token price than this is not a price catalog (the published data has over 1,000). */
export const MIN_PRICED_MODELS = 100;
const MAX_REGEX_LENGTH = 500;

/**
 * Why a matcher regex could backtrack catastrophically, or null: too long, a back-reference, or a group that is
 * repeated (`*`, `+`, `{n,}`, `{2}` and more) while containing a quantifier or an alternation — `(a+)+`, `(a|a)*`
 * (star height above one, the shape behind exponential matching). Conservative: it may refuse a safe regex.
 */
export function regexRisk(source: string): string | null {
  if (source.length > MAX_REGEX_LENGTH) return `longer than ${MAX_REGEX_LENGTH} characters`;
  const groups: { quantified: boolean; alternation: boolean }[] = [{ quantified: false, alternation: false }];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) return 'back-reference';
      i++;
      continue;
    }
    if (c === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '(') groups.push({ quantified: false, alternation: false });
    else if (c === '|') groups[groups.length - 1]!.alternation = true;
    else if (c === ')' && groups.length > 1) {
      const inner = groups.pop()!;
      const unbounded = unboundedQuantifierAt(source, i + 1);
      if (unbounded && (inner.quantified || inner.alternation)) return `nested repetition near position ${i + 1}`;
      if (inner.quantified || quantifierAt(source, i + 1)) groups[groups.length - 1]!.quantified = true;
    } else if (quantifierAt(source, i)) groups[groups.length - 1]!.quantified = true;
  }
  return null;
}

function quantifierAt(s: string, i: number): boolean {
  return s[i] === '*' || s[i] === '+' || (s[i] === '?' && !'(*+?}'.includes(s[i - 1] ?? '')) || (s[i] === '{' && /^\{\d+(,\d*)?\}/.test(s.slice(i, i + 12)));
}

/** `*`, `+`, `{n,}` or a count of two or more (`(.*a){20}` is polynomial of degree 20). */
function unboundedQuantifierAt(s: string, i: number): boolean {
  if (s[i] === '*' || s[i] === '+') return true;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(i, i + 24));
  if (!m) return false;
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return max >= 2;
}

/** Every `regex` string in the data (an explicit stack: the data's nesting is not trusted either). */
export function matcherRegexes(data: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [data];
  while (stack.length) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'regex' && typeof x === 'string') out.push(x);
        else if (x && typeof x === 'object') stack.push(x);
      }
    }
  }
  return out;
}

/** The first problem with raw price data before it is compiled (regexes), or null. */
export function rawPriceDataProblem(data: unknown): string | null {
  for (const r of matcherRegexes(data)) {
    const risk = regexRisk(r);
    if (risk) return `matcher regex ${JSON.stringify(r.length > 60 ? `${r.slice(0, 59)}…` : r)} is unsafe (${risk})`;
  }
  return null;
}

/** The first problem with a compiled catalog (price bounds, enough priced models), or null. */
export function catalogProblem(catalog: PriceCatalog): string | null {
  let priced = 0;
  for (const p of catalog.providers) {
    for (const e of p.entries) {
      const x = e.price;
      const rates = [x.inputUsdPerMTok, x.outputUsdPerMTok, x.cachedInputUsdPerMTok, x.cacheWriteUsdPerMTok, ...(x.tiers ?? []).flatMap((t) => [t.inputUsdPerMTok, t.outputUsdPerMTok])];
      for (const r of rates) {
        if (r === null || r === undefined) continue;
        if (!Number.isFinite(r) || r < 0 || r >= MAX_USD_PER_MTOK) return `${p.id}/${x.modelId}: price ${r} $/MTok is outside 0–${MAX_USD_PER_MTOK.toLocaleString('en-US')}`;
      }
      if (x.inputUsdPerMTok > 0 || x.outputUsdPerMTok > 0) priced++;
    }
  }
  return priced < MIN_PRICED_MODELS ? `only ${priced} model${priced === 1 ? '' : 's'} with a token price above $0 (at least ${MIN_PRICED_MODELS} expected)` : null;
}
