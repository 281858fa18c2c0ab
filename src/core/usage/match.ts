// Which call sites a usage group belongs to. In order: the code location the records carry (file and line within
// the call's span; file and function; file alone), the function's qualified name alone, and finally the model —
// the one call site using it, or all of them in proportion to their assumed volume (marked as a split).
import { variants } from '../catalog/prices-resolve';
import type { CallSiteReport } from '../scan/callSite';
import type { UsageGroup } from './aggregate';

export type MatchKind = 'code location' | 'function' | 'model';

export interface Assignment {
  kind: MatchKind;
  /** site ids with their share of the group (shares sum to 1) */
  sites: { id: string; share: number }[];
  /** how it matched, for the basis ("by code location app/bot.py:42", "split by model gpt-4o across 3 call sites …") */
  how: string;
}

export type MatchResult = { ok: true; assignment: Assignment } | { ok: false; reason: string };

export function siteId(s: Pick<CallSiteReport, 'file' | 'line' | 'column' | 'cell'>): string {
  return `${s.file}${s.cell !== undefined ? `#cell${s.cell}` : ''}:${s.line}:${s.column}`;
}

/** Model ids compared as the price catalog reads them: no provider prefix, no date or version suffix, any case. */
export function modelKey(model: string): string {
  const lower = model.trim().toLowerCase();
  return variants(lower).at(-1) ?? lower;
}

function normalisePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

function sameFile(recorded: string, site: string): boolean {
  const r = normalisePath(recorded);
  return r === site || r.endsWith(`/${site}`);
}

function sameFunction(recorded: string, qualifiedName: string): boolean {
  return recorded === qualifiedName || recorded.endsWith(`.${qualifiedName}`) || qualifiedName.endsWith(`.${recorded}`);
}

/** Volume the site is assumed to have before measurement: the weight of a split. */
function assumedVolume(s: CallSiteReport): number {
  return s.volume.requestsPerDay * s.volume.callsPerRequest;
}

function share(sites: CallSiteReport[]): { id: string; share: number }[] {
  const total = sites.reduce((t, s) => t + assumedVolume(s), 0);
  return sites.map((s) => ({ id: siteId(s), share: total > 0 ? assumedVolume(s) / total : 1 / sites.length }));
}

function byModel(sites: CallSiteReport[], model: string | null): CallSiteReport[] {
  if (model === null) return sites;
  const key = modelKey(model);
  return sites.filter((s) => s.model !== null && modelKey(s.model) === key);
}

function assign(kind: MatchKind, sites: CallSiteReport[], what: string): Assignment {
  if (sites.length === 1) return { kind, sites: share(sites), how: `by ${what}` };
  return { kind, sites: share(sites), how: `split by ${what} across ${sites.length} call sites in proportion to their assumed volume` };
}

/** Narrows candidates in one place by model when that leaves some; otherwise keeps them all. */
function narrow(sites: CallSiteReport[], model: string | null): CallSiteReport[] {
  const m = byModel(sites, model);
  return m.length ? m : sites;
}

export function matchGroup(g: UsageGroup, sites: readonly CallSiteReport[]): MatchResult {
  const fn = g.function;
  if (g.file !== null) {
    const inFile = sites.filter((s) => sameFile(g.file!, s.file));
    if (inFile.length) {
      const where = `code location ${inFile[0]!.file}`;
      if (g.line !== null) {
        const spanning = inFile.filter((s) => s.line <= g.line! && g.line! <= s.endLine).sort((a, b) => a.endLine - a.line - (b.endLine - b.line));
        if (spanning.length) return { ok: true, assignment: assign('code location', [spanning[0]!], `${where}:${g.line}`) };
      }
      if (fn !== null) {
        const inFn = inFile.filter((s) => sameFunction(fn, s.qualifiedName));
        if (inFn.length) return { ok: true, assignment: assign('code location', narrow(inFn, g.model), `${where} (${fn})`) };
      }
      return { ok: true, assignment: assign('code location', narrow(inFile, g.model), where) };
    }
  }
  if (fn !== null) {
    const inFn = sites.filter((s) => s.qualifiedName !== '<module>' && sameFunction(fn, s.qualifiedName));
    if (inFn.length) return { ok: true, assignment: assign('function', narrow(inFn, g.model), `function ${fn}`) };
  }
  if (g.model === null) return { ok: false, reason: g.file !== null || fn !== null ? 'its code location is not a call site in this workspace, and it names no model' : 'no model and no code location' };
  const same = byModel([...sites], g.model);
  const elsewhere = g.file !== null || fn !== null ? ` (its code location ${[g.file, fn].filter(Boolean).join(' ')} is not a call site here)` : '';
  if (!same.length) return { ok: false, reason: `no call site uses model ${g.model}${elsewhere}` };
  const a = assign('model', same, `model ${g.model}`);
  return { ok: true, assignment: { ...a, how: a.how + (same.length === 1 ? ' (the only call site using it)' : '') + elsewhere } };
}
