// The pull-request comment (`diff --format md`): headline, changed call sites only, policy verdict, and the basis
// (both sides, prices and their date, assumptions) collapsed. The first line is a hidden marker a CI step
// searches for to update its own comment instead of adding one per push.
import { formatUsd } from '../money';
import { cells, changeLabel, signedUsd, site } from './describe';
import type { CallSiteDiff, DiffResult, SideTotals } from './types';

export const COMMENT_MARKER = '<!-- llm-cost-lens:diff -->';
/** GitHub refuses comments over 65,536 characters; a long table is cut well before that. */
const MAX_ROWS = 60;

export interface MarkdownOptions {
  /** prefix of a link to a file at the head, e.g. `https://github.com/o/r/blob/<sha>/`; DIR's path within the repo follows */
  linkBase?: string;
  /** DIR relative to the repository root ('' or ending in '/'), for links and SARIF paths */
  pathPrefix?: string;
}

const esc = (s: string) => s.replace(/[|\\`*_<>[\]]/g, (c) => '\\' + c);
const code = (s: string) => '`' + s.replace(/`/g, "'") + '`';

function where(d: CallSiteDiff, o: MarkdownOptions): string {
  const c = site(d);
  const label = `${c.file}:${c.line}`;
  // A removed call site is not at the head: no link.
  if (!o.linkBase || d.status === 'removed') return code(label);
  return `[${code(label)}](${o.linkBase}${encodeURI((o.pathPrefix ?? '') + c.file)}#L${c.line})`;
}

const VERDICT = { pass: '✅ pass', warn: '⚠️ warn', fail: '❌ fail' } as const;

function sideRow(name: string, s: SideTotals): string {
  return `| ${name} | ${formatUsd(s.beforeMonthlyUsd)} | ${formatUsd(s.afterMonthlyUsd)} | ${signedUsd(s.deltaMonthlyUsd)} |`;
}

const short = (commit: string | null) => (commit ? ` @ ${commit.slice(0, 7)}` : '');

export function renderMarkdown(d: DiffResult, o: MarkdownOptions = {}): string {
  const out = [COMMENT_MARKER, `### ${esc(d.summary.headline)}`, ''];
  const shown = d.callSites.filter((c) => c.status !== 'unchanged');
  if (shown.length) {
    out.push('| Call site | Change | Model | Tokens in / out | Volume | API $/mo | Δ $/mo |', '|---|---|---|---|---|---|---:|');
    for (const c of shown.slice(0, MAX_ROWS)) {
      const x = cells(c);
      out.push(`| ${where(c, o)} ${code(site(c).qualifiedName)} | ${esc(changeLabel(c))} | ${esc(x.model)} | ${esc(x.tokens)} | ${esc(x.volume)} | ${esc(x.cost)} | ${signedUsd(c.deltaMonthlyUsd)} |`);
    }
    if (shown.length > MAX_ROWS) out.push('', `… and ${shown.length - MAX_ROWS} more call sites (see \`llm-cost-lens diff --json\`).`);
    out.push('');
  }
  out.push(`**Policy: ${VERDICT[d.policy.status]}**`);
  for (const v of d.policy.violations) out.push(`- ${v.level === 'fail' ? '❌' : '⚠️'} \`${v.rule}\`: ${esc(v.message)}`);
  const t = d.totals;
  const b = d.basis;
  const warnings = [...b.settings.base.warnings.map((w) => `base: ${w}`), ...b.settings.head.warnings.map((w) => `head: ${w}`)];
  out.push(
    '',
    '<details><summary>Totals, prices and assumptions</summary>',
    '',
    `| Monthly | base: ${esc(d.base.ref)}${short(d.base.commit)} | head: ${esc(d.head.ref)}${short(d.head.commit)} | Δ |`,
    '|---|---:|---:|---:|',
    sideRow('API, as the code is', t),
    sideRow('Everything self-hostable (shared deployments)', t.selfHosted),
    sideRow('Best routing of whole call sites', t.routing),
    `| Call sites (unpriced) | ${t.callSites.before} (${t.callSites.unpricedBefore}) | ${t.callSites.after} (${t.callSites.unpricedAfter}) | |`,
    '',
    `- Prices: ${esc(b.prices.source)}, as of ${b.prices.asOf}; \`llmCostLens.prices\` overrides win where set.`,
    `- Each side is costed with its own \`.vscode/settings.json\` (base: ${b.settings.base.file ?? 'none, defaults'}; head: ${b.settings.head.file ?? 'none, defaults'}); a month is ${b.daysPerMonth.head} days${b.daysPerMonth.base !== b.daysPerMonth.head ? ` (base: ${b.daysPerMonth.base})` : ''}.`,
    '- Volumes come from `llm-cost:` annotations, `llmCostLens.callSites` or the folder default; tokens marked ≈ are estimates (placeholder and run-time parts at their configured sizes). Δ counts API bills only; unpriced and self-hosted calls count $0.',
    ...Object.entries(b.renames).map(([to, from]) => `- Renamed: \`${from}\` → \`${to}\``),
    ...warnings.map((w) => `- Warning: ${esc(w)}`),
    '',
    '</details>',
  );
  return out.join('\n');
}
