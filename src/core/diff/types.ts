// The `diff --json` contract: two scans of one folder at two refs, their call sites matched, the totals side by side
// and the policy verdict.
import type { CallSiteReport } from '../scan/callSite';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface CallSiteDiff {
  /** `file#qualifiedName` of the head side (of the base side for a removed call site) */
  key: string;
  status: DiffStatus;
  /** the call site exactly as `scan --json` reports it at the base; null when added */
  before: CallSiteReport | null;
  /** … and at the head; null when removed */
  after: CallSiteReport | null;
  /** the fields that differ, e.g. "model", "tokens.input", "volume.requestsPerDay"; empty unless changed */
  changes: string[];
  /** the call site's API bill after minus before (an unpriced or self-hosted side counts 0, as in the totals) */
  deltaMonthlyUsd: number;
}

export interface SideTotals {
  beforeMonthlyUsd: number;
  afterMonthlyUsd: number;
  deltaMonthlyUsd: number;
}

export interface DiffTotals extends SideTotals {
  /** delta ÷ before × 100; null when the base bill is $0 and the head's is not (no finite percentage) */
  deltaPct: number | null;
  /** everything self-hostable on shared deployments (`totals.selfHostedMonthlyUsd` of each scan) */
  selfHosted: SideTotals;
  /** the cheapest routing of whole call sites (`totals.routing.monthlyUsd` of each scan) */
  routing: SideTotals;
  callSites: { before: number; after: number; unpricedBefore: number; unpricedAfter: number };
}

export type PolicyRule = 'fail-above-usd' | 'fail-above-pct' | 'warn-above-usd' | 'warn-above-pct' | 'max-call-site-usd' | 'fail-on-unpriced' | 'fail-on-unresolved';

export interface Violation {
  rule: PolicyRule;
  level: 'warn' | 'fail';
  message: string;
  key?: string;
}

export interface PolicyVerdict {
  status: 'pass' | 'warn' | 'fail';
  violations: Violation[];
}

export interface DiffSide {
  ref: string;
  /** null for the head when it is the working tree (uncommitted changes included) */
  commit: string | null;
}

export interface DiffBasis {
  prices: { source: string; asOf: string };
  /** each side's settings file as read from that side, and what was wrong in it */
  settings: { base: { file: string | null; warnings: string[] }; head: { file: string | null; warnings: string[] } };
  daysPerMonth: { base: number; head: number };
  /** files git saw renamed between the sides (new path → old path), relative to DIR */
  renames: Record<string, string>;
}

export interface DiffSummary {
  /** every call site unchanged and no total moved: a CI step stays silent */
  noChange: boolean;
  changed: number;
  added: number;
  removed: number;
  /** the PR comment's first line, e.g. `LLM cost: +$1,240/mo (+18 %), 2 call sites changed, 1 added` */
  headline: string;
}

export interface DiffResult {
  base: DiffSide;
  head: DiffSide;
  callSites: CallSiteDiff[];
  totals: DiffTotals;
  policy: PolicyVerdict;
  summary: DiffSummary;
  basis: DiffBasis;
}
