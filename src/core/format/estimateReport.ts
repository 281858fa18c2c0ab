// Readable (non-JSON) rendering of an estimate: what a person reads in a terminal or CI log.
import type { EstimateResult } from '../economics/estimate';
import { formatCount, formatUsd, formatUsdPrecise } from '../money';
import { renderTable } from './table';
import { hostedOpenOffer, hostedOpenSource, perTokenComparisonText } from './hostedOpenText';
import { servingText } from './servingText';

export function renderEstimate(r: EstimateResult, title?: string): string {
  const a = r.assumptions;
  const p = r.api.price;
  const priceLabel = `${p.displayName ?? p.model ?? 'custom prices'}: $${p.inputUsdPerMTok}/$${p.outputUsdPerMTok} per Mtok in/out` +
    (p.cachedInputUsdPerMTok !== null ? `, cached $${p.cachedInputUsdPerMTok}` : '') +
    ` (source: ${p.source}${p.asOf ? `, prices as of ${p.asOf}` : ''})`;
  const s = r.selfHosted;
  const rows: string[][] = [
    ['API per request', formatUsdPrecise(r.api.costPerRequestUsd)],
    ['API per month', formatUsd(r.api.monthlyUsd)],
    ['Self-hosted per month', formatUsd(s.monthlyUsd)],
    ['  compute', formatUsd(s.computeMonthlyUsd)],
    ['  variable (per token)', formatUsd(s.variableMonthlyUsd)],
    ['  ops', formatUsd(s.opsMonthlyUsd)],
    ['  setup (amortized)', `${formatUsd(s.setupMonthlyUsd)}  (one-time ${formatUsd(s.setupOneTimeUsd)})`],
    ['Break-even, compute only', be(r.breakEven.computeOnlyRequestsPerDay)],
    ['Break-even, with ops', be(r.breakEven.withOpsRequestsPerDay)],
  ];
  const h = r.hostedOpen;
  if (h) {
    const pair = r.breakEven.hostedOpenVsSelfHosted;
    rows.push(
      ['Hosted open model per request', formatUsdPrecise(h.costPerRequestUsd)],
      ['Hosted open model per month', `${formatUsd(h.monthlyUsd)}  (${hostedOpenOffer(h)})`],
      ['  price source', hostedOpenSource(h)],
      ['API vs hosted open model', perTokenComparisonText(r.breakEven.apiVsHostedOpen!)],
      ['Break-even vs hosted, compute only', be(pair?.computeOnlyRequestsPerDay ?? null, 'hosted open model')],
      ['Break-even vs hosted, with ops', be(pair?.withOpsRequestsPerDay ?? null, 'hosted open model')],
    );
  }
  if (s.capacity.requestsPerDay !== null) rows.push(['Capacity', `${formatCount(s.capacity.requestsPerDay)} req/day`]);
  if (s.capacity.gpusNeeded !== null) rows.push(['GPUs', String(s.capacity.gpusNeeded)]);
  const serving = servingText(a);
  if (serving) rows.push(['Serving', serving]);
  if (s.effectiveUsdPerMTok !== null) rows.push(['Self-hosted $/Mtok at full capacity', `$${s.effectiveUsdPerMTok.toFixed(3)}/Mtok (effectiveUsdPerMTok: the deployment's capacity at the utilization)`]);
  if (s.servedUsdPerMTok !== null) rows.push(['Self-hosted $/Mtok served', `$${s.servedUsdPerMTok.toFixed(3)}/Mtok (servedUsdPerMTok: monthly cost ÷ this workload's tokens)`]);
  if (r.hybrid) rows.push([`Hybrid (${Math.round(r.hybrid.selfHostedShare * 100)} % self-hosted, rest ${r.hybrid.rest === 'api' ? 'API' : 'hosted open model'})`, formatUsd(r.hybrid.monthlyUsd)]);
  rows.push(['Verdict', r.verdict]);
  const lines = [
    ...(title ? [title] : []),
    `Price: ${priceLabel}`,
    `Month: ${a.daysPerMonth} days; utilization ${a.utilization}; batch ${a.batch ? 'on' : 'off'}`,
    ...(a.gpuPriceBasis ? [`GPU price: $${Number(a.gpuHourlyUsd).toFixed(2)}/GPU-hour, ${a.gpuPriceBasis}`] : []),
    ...(a.throughputBasis ? [`Throughput: ${a.throughputBasis === 'scenario' ? 'from the scenario' : a.throughputBasis}${a.precision ? ` (${a.precision}, ${a.gpusPerReplica} GPU/replica)` : ''}`] : []),
    renderTable(['', ''], rows).split('\n').slice(2).join('\n'),
    ...r.notes.map((n) => `note: ${n}`),
  ];
  return lines.join('\n');
}

function be(n: number | null, other = 'API'): string {
  return n === null ? `never (${other} always cheaper)` : `${formatCount(n)} req/day`;
}
