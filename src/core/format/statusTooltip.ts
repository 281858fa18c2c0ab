// The status bar tooltip as Markdown (pure, no `vscode`, so it is unit-tested): every name that comes from the
// workspace — call-site keys (file paths and function names), model names — is escaped, so a file named
// `[x](command:…)` or `a|b.py` cannot add a link or break the table.
import type { ScanResult } from '../scan/scan';
import { formatUsd } from '../money';
import { md } from './hoverText';
import { deploymentHead } from './labels';

export function statusTooltipMarkdown(r: ScanResult): string {
  const t = r.totals;
  return [
    `**LLM Cost Lens** — ${t.callSites} call site${t.callSites === 1 ? '' : 's'}, ${t.daysPerMonth} days/month${t.unpriced ? `, ${t.unpriced} unpriced (${t.unpricedModels.map(md).join(', ')}: not in the totals)` : ''}${t.assumed ? `, ${t.assumed} priced at an assumed model` : ''}`,
    '',
    '| | per month |',
    '|---|---:|',
    `| API, as the code is today | ${formatUsd(t.apiMonthlyUsd)} |`,
    `| Everything self-hostable (shared deployments) | ${formatUsd(t.selfHostedMonthlyUsd)} |`,
    `| Hosted open models where cheaper than the API | ${formatUsd(t.hostedOpenMonthlyUsd)} |`,
    ...t.deployments.map((d) => `| · ${deploymentHead(d, md(d.openModel))} (vs API ${formatUsd(d.apiMonthlyUsd)}) | ${formatUsd(d.monthlyUsd)} |`),
    `| Best routing (${md(t.verdict)}: ${t.routing.selfHosted.length} self-hosted, ${t.routing.hostedOpen.length} on a hosted open model, ${t.routing.api.length} on the API) | ${formatUsd(t.routing.monthlyUsd)} |`,
    '',
    t.routing.savingsVsApiUsd > 0 ? `Routing ${[...t.routing.selfHosted.map((k) => `${md(k)} to self-hosting`), ...t.routing.hostedOpen.map((k) => `${md(k)} to a hosted open model`)].join(', ')} saves ${formatUsd(t.routing.savingsVsApiUsd)}/mo.` : 'Keeping every call on the API is cheapest at these volumes.',
    '',
    'Click to open the cost panel.',
  ].join('\n');
}
