// Budget gates on a diff. Thresholds compare the change of the monthly API bill; a positive threshold gates an
// increase above it, a negative one a decrease beyond it (a cut that large is worth a second look too). The
// per-call-site rules look only at call sites the change added or changed, so a call site that was already over
// budget or unpriced before the change does not fail every later pull request.
import type { Settings } from '../settings';
import { formatUsd } from '../money';
import { signedUsd } from './describe';
import type { CallSiteDiff, DiffTotals, PolicyRule, PolicyVerdict, Violation } from './types';
import { apiMonthlyUsd } from './compare';

export interface Policy {
  failAboveUsd: number | null;
  failAbovePct: number | null;
  warnAboveUsd: number | null;
  warnAbovePct: number | null;
  maxCallSiteUsd: number | null;
  failOnUnpriced: boolean;
  failOnUnresolved: boolean;
}

export function policyFromSettings(s: Settings): Policy {
  return {
    failAboveUsd: s['policy.failAboveUsd'],
    failAbovePct: s['policy.failAbovePct'],
    warnAboveUsd: s['policy.warnAboveUsd'],
    warnAbovePct: s['policy.warnAbovePct'],
    maxCallSiteUsd: s['policy.maxCallSiteUsd'],
    failOnUnpriced: s['policy.failOnUnpriced'],
    failOnUnresolved: s['policy.failOnUnresolved'],
  };
}

/** Flags win over settings; a boolean flag can only turn its gate on. */
export function mergePolicy(fromSettings: Policy, flags: Partial<Policy>): Policy {
  const out = { ...fromSettings };
  for (const [k, v] of Object.entries(flags) as [keyof Policy, Policy[keyof Policy] | undefined][]) {
    if (v === undefined || v === false) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function beyond(value: number, threshold: number): boolean {
  return threshold >= 0 ? value > threshold : value < threshold;
}

/** Thresholds and the change they are compared with, to one decimal (the headline rounds further). */
const pctLabel = (n: number) => (n >= 0 ? '+' : '−') + `${Math.abs(n).toFixed(1)} %`;

/** Whether the code states the model: a model the scan had to assume (or could not find) is "unresolved". */
export function isUnresolved(c: CallSiteDiff['after']): boolean {
  if (!c) return false;
  const source = c.modelSource as string;
  return c.model === null || source === 'unresolved' || source === 'assumed' || typeof (c as { assumedModel?: unknown }).assumedModel === 'string';
}

export function isUnpriced(c: CallSiteDiff['after']): boolean {
  // A call to a self-hosted endpoint has no API bill to price.
  return !!c && c.endpoint === 'api' && !isUnresolved(c) && (c.cost === null || c.cost.api === null);
}

export function evaluatePolicy(diffs: CallSiteDiff[], totals: DiffTotals, p: Policy): PolicyVerdict {
  const violations: Violation[] = [];
  const add = (rule: PolicyRule, level: Violation['level'], message: string, key?: string) => violations.push({ rule, level, message, ...(key !== undefined ? { key } : {}) });
  const delta = totals.deltaMonthlyUsd;
  const usdRule = (rule: PolicyRule, level: Violation['level'], n: number | null) => {
    if (n !== null && beyond(delta, n)) add(rule, level, `monthly API cost ${signedUsd(delta)}/mo is ${n >= 0 ? 'above' : 'below'} the ${level} threshold of ${signedUsd(n)}/mo`);
  };
  const pctRule = (rule: PolicyRule, level: Violation['level'], n: number | null) => {
    if (n === null) return;
    // From a $0 base any increase is an infinite percentage: it trips a positive threshold and never a negative one.
    const pct = totals.deltaPct ?? Infinity;
    if (!beyond(pct, n)) return;
    const shown = totals.deltaPct === null ? `${signedUsd(delta)}/mo from $0` : `${pctLabel(pct)} (${signedUsd(delta)}/mo)`;
    add(rule, level, `monthly API cost ${shown} is ${n >= 0 ? 'above' : 'below'} the ${level} threshold of ${pctLabel(n)}`);
  };
  usdRule('fail-above-usd', 'fail', p.failAboveUsd);
  pctRule('fail-above-pct', 'fail', p.failAbovePct);
  usdRule('warn-above-usd', 'warn', p.warnAboveUsd);
  pctRule('warn-above-pct', 'warn', p.warnAbovePct);
  for (const d of diffs) {
    if (d.status !== 'added' && d.status !== 'changed') continue;
    const c = d.after!;
    const where = `${c.file}:${c.line}`;
    const cost = apiMonthlyUsd(c);
    if (p.maxCallSiteUsd !== null && cost > p.maxCallSiteUsd) add('max-call-site-usd', 'fail', `${where} costs ${formatUsd(cost)}/mo, above the per-call-site limit of ${formatUsd(p.maxCallSiteUsd)}/mo`, d.key);
    if (p.failOnUnpriced && isUnpriced(c)) add('fail-on-unpriced', 'fail', `${where} uses model "${c.model}", which is not in the price catalog (add it to llmCostLens.prices)`, d.key);
    if (p.failOnUnresolved && isUnresolved(c)) {
      const assumed = (c as { assumedModel?: unknown }).assumedModel;
      add('fail-on-unresolved', 'fail', `${where}: the code does not state the model${typeof assumed === 'string' ? ` (priced at an assumed ${assumed})` : ''}; name it in the call, an llm-cost annotation or llmCostLens.callSites`, d.key);
    }
  }
  const status = violations.some((v) => v.level === 'fail') ? 'fail' : violations.length ? 'warn' : 'pass';
  return { status, violations };
}
