// Readable `diff` output for a terminal: the headline, changed call sites, totals side by side and the verdict.
import { formatUsd } from '../money';
import { renderTable } from '../format/table';
import { cells, changeLabel, signedUsd, site } from './describe';
import type { DiffResult } from './types';

export function renderDiffTable(d: DiffResult): string {
  // "no change" alone on the first line: a script can test for it.
  const out = d.summary.noChange ? ['no change', d.summary.headline] : [d.summary.headline];
  const rows = d.callSites.filter((c) => c.status !== 'unchanged').map((c) => {
    const x = cells(c);
    const s = site(c);
    return [`${s.file}:${s.line} ${s.qualifiedName}`, changeLabel(c), x.model, x.tokens, x.volume, x.cost, signedUsd(c.deltaMonthlyUsd)];
  });
  if (rows.length) out.push('', renderTable(['call site', 'change', 'model', 'tokens in/out', 'volume', 'API $/mo', 'Δ $/mo'], rows));
  const t = d.totals;
  const line = (name: string, s: { beforeMonthlyUsd: number; afterMonthlyUsd: number; deltaMonthlyUsd: number }) => `  ${name.padEnd(34)}${formatUsd(s.beforeMonthlyUsd)} → ${formatUsd(s.afterMonthlyUsd)} (${signedUsd(s.deltaMonthlyUsd)})`;
  out.push(
    '',
    `Monthly, base ${d.base.ref}${d.base.commit ? ` (${d.base.commit.slice(0, 7)})` : ''} → head ${d.head.ref}${d.head.commit ? ` (${d.head.commit.slice(0, 7)})` : ''}:`,
    line('API, as the code is', t),
    line('Everything self-hostable, shared', t.selfHosted),
    line('Best routing', t.routing),
    `Prices: ${d.basis.prices.source}, as of ${d.basis.prices.asOf}.`,
    '',
    `Policy: ${d.policy.status}`,
    ...d.policy.violations.map((v) => `  ${v.level}: ${v.rule}: ${v.message}`),
  );
  return out.join('\n');
}
