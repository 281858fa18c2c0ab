// Usage groups → call sites: each matched group's requests and tokens are added to its call sites (a split adds a
// share), then each measured site is rebuilt — measured requests/day (records ÷ days covered), measured mean
// tokens with p90, the static estimate kept beside them — and costed again. Precedence: an `llm-cost:` annotation
// and an llmCostLens.callSites entry still win over the measured volume (and output), the measurement wins over
// folder and built-in defaults.
import type { PriceCatalog } from '../catalog/prices-resolve';
import { costFor, type CallSiteReport } from '../scan/callSite';
import { formatCount } from '../money';
import type { Settings } from '../settings';
import type { UsageGroup } from './aggregate';
import { Histogram } from './histogram';
import { daysCovered, type UsageData } from './load';
import { matchGroup, siteId } from './match';
import { utcDate } from './time';
import { FORMAT_LABELS } from './types';

export type { UnmatchedUsage, UsageReport } from '../scan/measured';
import type { UnmatchedUsage, UsageReport } from '../scan/measured';

export interface SiteAcc {
  records: number; requests: number; perDay: number; input: number; output: number;
  tokenOnlyPerDay: number; tokenOnlyRecords: number;
  cached: number; cachedOf: number; reasoning: number; reasoningOf: number;
  inHist: Histogram; outHist: Histogram;
  how: Set<string>; split: boolean; sources: Set<number>; from: number | null; to: number | null;
}

function newAcc(): SiteAcc {
  return { records: 0, requests: 0, perDay: 0, input: 0, output: 0, tokenOnlyPerDay: 0, tokenOnlyRecords: 0, cached: 0, cachedOf: 0, reasoning: 0, reasoningOf: 0,
    inHist: new Histogram(), outHist: new Histogram(), how: new Set(), split: false, sources: new Set(), from: null, to: null };
}

function addGroup(acc: SiteAcc, g: UsageGroup, w: number, days: number, source: UsageData['sources'][number]): void {
  acc.records += g.records * w;
  acc.requests += g.requests * w;
  acc.perDay += (g.requests * w) / days;
  acc.input += g.inputTokens * w;
  acc.output += g.outputTokens * w;
  acc.tokenOnlyPerDay += ((g.tokenOnly.inputTokens + g.tokenOnly.outputTokens) * w) / days;
  acc.tokenOnlyRecords += g.tokenOnly.records * w;
  acc.cached += g.cached.tokens * w;
  acc.cachedOf += g.cached.ofInput * w;
  acc.reasoning += g.reasoning.tokens * w;
  acc.reasoningOf += g.reasoning.ofRequests * w;
  acc.inHist.merge(g.input, w);
  acc.outHist.merge(g.output, w);
  acc.sources.add(g.source);
  if (source.from !== null && (acc.from === null || source.from < acc.from)) acc.from = source.from;
  if (source.to !== null && (acc.to === null || source.to > acc.to)) acc.to = source.to;
}

export interface Calibration {
  callSites: CallSiteReport[];
  usage: UsageReport;
  /** measurements by site id, for analyses of single documents (the editor's open files) */
  bySite: ReadonlyMap<string, SiteAcc>;
}

export function calibrate(catalog: PriceCatalog, sites: readonly CallSiteReport[], data: UsageData, settings: Settings): Calibration {
  const accs = new Map<string, SiteAcc>();
  const unmatched = new Map<string, UnmatchedUsage>();
  let matchedRecords = 0;
  for (const g of data.groups) {
    const source = data.sources[g.source]!;
    const days = daysCovered(source);
    const m = days === null ? { ok: false as const, reason: 'the source has no timestamps, so no rate per day' } : matchGroup(g, sites);
    if (!m.ok) {
      const code = g.file !== null || g.function !== null ? [g.file && `${g.file}${g.line !== null ? `:${g.line}` : ''}`, g.function].filter(Boolean).join(' ') : null;
      const key = `${g.model}\u0000${code}\u0000${m.reason}`;
      const u = unmatched.get(key) ?? { model: g.model, code, records: 0, requests: 0, reason: m.reason };
      u.records += g.records;
      u.requests = g.tokenOnly.records > 0 || u.requests === null ? null : u.requests + g.requests;
      unmatched.set(key, u);
      continue;
    }
    matchedRecords += g.records;
    for (const { id, share } of m.assignment.sites) {
      const acc = accs.get(id) ?? newAcc();
      addGroup(acc, g, share, days!, source);
      acc.how.add(m.assignment.how);
      if (m.assignment.sites.length > 1) acc.split = true;
      accs.set(id, acc);
    }
  }
  const callSites = sites.map((s) => {
    const acc = accs.get(siteId(s));
    return acc ? applyMeasurement(catalog, s, acc, data, settings) : s;
  });
  return {
    callSites,
    bySite: accs,
    usage: {
      sources: data.sources.map((s) => ({
        file: s.file, format: s.format && FORMAT_LABELS[s.format], records: s.records, requests: s.requests, ignored: s.ignored,
        from: s.from === null ? null : new Date(s.from).toISOString(), to: s.to === null ? null : new Date(s.to).toISOString(),
        days: daysCovered(s), zoneAssumed: s.zoneAssumed, errors: s.errors, errorCount: s.errorCount, fatal: s.fatal,
      })),
      matched: { records: matchedRecords, callSites: accs.size },
      unmatched: [...unmatched.values()].sort((a, b) => b.records - a.records),
    },
  };
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** "measured (traces.jsonl, 2025-03-01–2025-03-07, 12,345 records)" */
function basisOf(acc: SiteAcc, data: UsageData): string {
  const files = [...acc.sources].map((i) => data.sources[i]!.file).join(', ');
  const range = acc.from === null || acc.to === null ? 'no dates' : utcDate(acc.from) === utcDate(acc.to - 1) ? utcDate(acc.from) : `${utcDate(acc.from)}–${utcDate(acc.to - 1)}`;
  return `measured (${files}, ${range}, ${count(acc.records)} records${acc.split ? ', a proportional share' : ''})`;
}

/** Rebuilds one call-site record with its measurement, then costs it again. Also used for open documents. */
export function applyMeasurement(catalog: PriceCatalog, s: CallSiteReport, acc: SiteAcc, data: UsageData, settings: Settings): CallSiteReport {
  const basis = basisOf(acc, data);
  const measuredIn = acc.requests > 0 ? acc.input / acc.requests : null;
  const measuredOut = acc.requests > 0 ? acc.output / acc.requests : null;
  // Token totals without request counts (Anthropic's report) become requests through the tokens per request:
  // the measured ones when there are, else the static estimate.
  const perRequest = (measuredIn ?? s.tokens.input) + (measuredOut ?? s.tokens.output);
  const implied = acc.tokenOnlyPerDay > 0 && perRequest > 0 ? acc.tokenOnlyPerDay / perRequest : 0;
  const requestsPerDay = acc.perDay + implied;
  const volumeBasis = basis + (implied > 0 ? `; ${formatCount(implied)}/day implied from token totals ÷ ${count(perRequest)} tokens per request` : '');

  const site = settings.callSites[s.key];
  const keepsVolume = s.volume.source === 'annotation' || (s.volume.source === 'settings' && site?.requestsPerDay !== undefined);
  const hiddenBy = !keepsVolume ? null : s.volume.source === 'annotation' ? (s.language === 'prompt' ? "the front matter's requestsPerDay" : 'the llm-cost annotation') : `llmCostLens.callSites["${s.key}"].requestsPerDay`;
  const volume: CallSiteReport['volume'] = keepsVolume
    ? { ...s.volume, measured: { requestsPerDay, basis: volumeBasis, applied: false, hiddenBy } }
    : { ...s.volume, requestsPerDay, source: 'measured', hidden: null, basis: volumeBasis, measured: { requestsPerDay, basis: volumeBasis, applied: true, hiddenBy: null } };

  // The output the user set (annotation output=, callSites outputTokens) wins, like the volume; buildCallSite
  // names where the expected output came from in outputBasis.
  const outputSet = /\((annotation|callSites setting)\)/.test(s.tokens.outputBasis);
  const estimated = { input: s.tokens.input, output: s.tokens.output, inputBasis: s.tokens.inputBasis, outputBasis: s.tokens.outputBasis };
  const cachedShare = acc.cachedOf > 0 ? acc.cached / acc.cachedOf : null;
  const tokens: CallSiteReport['tokens'] = { ...s.tokens, estimated };
  if (measuredIn !== null) {
    tokens.input = measuredIn;
    tokens.inputBasis = `${basis}, mean`;
    tokens.inputLow = tokens.inputHigh = measuredIn;
    tokens.inputP90 = acc.inHist.quantile(0.9);
    tokens.cachedInputShare = cachedShare;
    if (cachedShare) tokens.cachedInputTokens = measuredIn * cachedShare;
    tokens.reasoningTokens = acc.reasoningOf > 0 ? acc.reasoning / acc.reasoningOf : null;
  }
  if (measuredOut !== null && !outputSet) {
    tokens.output = measuredOut;
    tokens.outputBasis = `${basis}, mean`;
    tokens.outputP90 = acc.outHist.quantile(0.9);
  } else if (measuredOut !== null) {
    tokens.outputP90 = acc.outHist.quantile(0.9);
  }
  const from = acc.from === null ? null : utcDate(acc.from);
  const to = acc.to === null ? null : utcDate(acc.to - 1);
  const out: CallSiteReport = {
    ...s, volume, tokens, problems: [...s.problems],
    usage: { records: acc.records, requests: acc.requests, matchedBy: [...acc.how], split: acc.split, sources: [...acc.sources].map((i) => data.sources[i]!.file), from, to },
  };
  out.cost = costFor(catalog, out, settings, out.problems);
  if (out.cost && hiddenBy) out.cost.notes.push(`measured ${formatCount(requestsPerDay)}/day is not used: ${hiddenBy} wins over measurement`);
  return out;
}

export { siteId };
