// Readable `scan` output: call sites grouped by file, then the workspace totals.
import type { ScanResult } from '../scan/scan';
import { formatCount, formatUsd } from '../money';
import { renderTable } from './table';
import { deploymentHead, deploymentOverheads, volumeLabel } from './labels';
import { hostedOpenCell } from './hostedOpenText';

export function renderScan(r: ScanResult): string {
  const out: string[] = [];
  const t = r.totals;
  if (r.callSites.length === 0) out.push(`No LLM call sites found under ${r.root}.`);
  let currentFile = '';
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) out.push(`\n${currentFile}`, indent(renderTable(['call site', 'model', 'tokens in/out', 'volume', 'API $/mo', 'hosted open $/mo', 'self-host $/mo', 'break-even', 'verdict'], rows)));
    rows = [];
  };
  for (const c of r.callSites) {
    if (c.file !== currentFile) {
      flush();
      currentFile = c.file;
    }
    const where = `${c.cell !== undefined ? `cell ${c.cell + 1} ` : ''}${c.line}:${c.column} ${c.api}`;
    const approx = c.tokens.inputBasis.startsWith('exact') || c.tokens.inputBasis.startsWith('measured') ? '' : '≈';
    const vol = volumeLabel(c.volume, c.language === 'prompt');
    const cost = c.cost;
    rows.push([
      where,
      `${c.model ?? `${c.assumedModel} (assumed)`}${c.endpoint === 'self-hosted' ? ' [self-hosted]' : ''}`,
      `${approx}${formatCount(c.tokens.input)} / ${formatCount(c.tokens.output)}`,
      vol,
      cost?.api ? formatUsd(cost.api.monthlyUsd) : 'unpriced',
      hostedOpenCell(cost?.hostedOpen),
      cost?.selfHosted ? `${formatUsd(cost.selfHosted.monthlyUsd)} (${c.openModel.model})` : '—',
      // 'none ≤100×' (the lens's 'no break-even ≤ 100× volume': the search stops there) only where both sides are priced: an unpriced call or one without an open counterpart has no break-even.
      !cost?.api || !cost.selfHosted ? '—' : cost.breakEven.withOpsRequestsPerDay != null ? `${formatCount(cost.breakEven.withOpsRequestsPerDay)}/day` : 'none ≤100×',
      cost?.verdict ?? '—',
    ]);
  }
  flush();
  out.push(
    '',
    `Totals (${t.callSites} call sites, ${t.daysPerMonth} days/month${t.unpriced ? `, ${t.unpriced} unpriced: ${t.unpricedModels.join(', ')}` : ''}${t.assumed ? `, ${t.assumed} at an assumed model` : ''}${t.selfHostedEndpoints ? `, ${t.selfHostedEndpoints} already self-hosted` : ''}):`,
    `  API, as the code is today        ${formatUsd(t.apiMonthlyUsd)}/mo`,
    `  Everything self-hostable, shared ${formatUsd(t.selfHostedMonthlyUsd)}/mo`,
    ...t.deployments.map((d) => `    ${deploymentHead(d)}, ${formatUsd(d.monthlyUsd)}/mo (${deploymentOverheads(d)}) vs API ${formatUsd(d.apiMonthlyUsd)}`),
    `  Hosted open models where cheaper ${formatUsd(t.hostedOpenMonthlyUsd)}/mo`,
    `  Best routing                     ${formatUsd(t.routing.monthlyUsd)}/mo (${t.verdict}; ${t.routing.selfHosted.length} call site(s) self-hosted, ${t.routing.hostedOpen.length} on a hosted open model, saves ${formatUsd(t.routing.savingsVsApiUsd)}/mo)`,
  );
  if (r.settings.warnings.length) out.push('', ...r.settings.warnings.map((w) => `warning: ${w}`));
  const problems = r.callSites.flatMap((c) => c.problems.map((p) => `${c.file}:${c.line}: ${p}`));
  if (problems.length) out.push('', ...problems.map((p) => `warning: ${p}`));
  const hidden = r.callSites.filter((c) => c.volume.hidden).map((c) => `${c.file}:${c.line}: ${c.volume.hidden}`);
  if (hidden.length) out.push('', ...hidden.map((h) => `note: ${h}`));
  if (r.skipped.length) out.push('', `Skipped ${r.skipped.length}: ${r.skipped.slice(0, 8).map((s) => `${s.file} (${s.reason})`).join(', ')}${r.skipped.length > 8 ? ', …' : ''}`);
  return out.join('\n');
}

function indent(s: string): string {
  return s.split('\n').map((l) => '  ' + l).join('\n');
}

