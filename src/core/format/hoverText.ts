// The hover over a call expression as Markdown: tokens with basis and parts, price with source and date,
// API cost at the assumed volume, the self-hosted breakdown, both break-evens, verdict, notes.
// Pure (no `vscode`): hover.ts wraps it in a MarkdownString; the unit tests read it as text.
import { servingText } from './servingText';
import type { CallSiteReport } from '../scan/callSite';
import { formatCount, formatUsd, formatUsdPrecise } from '../money';
import { isApproximate, volumeText } from './lensText';
import { estimateVsMeasured, measuredVolumeNote } from './usageText';
import { hostedOpenOffer, hostedOpenSource, perTokenComparisonText } from './hostedOpenText';

/** Escapes text for a Markdown table cell (no HTML, no links, no pipes). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

const usdPerMTok = (n: number) => `$${formatCount(n)}`;

/** `priceStaleNote`: priceCatalogInfo()'s warning when the price catalog is older than 90 days (the caller's clock). */
export function hoverMarkdown(c: CallSiteReport, commands: { openPanel: string }, opts: { priceStaleNote?: string | null } = {}): string {
  const rows: [string, string][] = [];
  const cost = c.cost;
  const approx = isApproximate(c) ? '≈' : '';

  rows.push(['Input', `${approx}${formatCount(c.tokens.input)} tokens — ${md(c.tokens.inputBasis)}`]);
  for (const p of c.tokens.parts) {
    const ph = p.placeholders.map((x) => `{${md(x.name)}} ${formatCount(x.tokens)}`).join(', ');
    const what = p.source === 'runtime' ? 'runtime value (llmCostLens.runtimePartTokens)' : md(p.source);
    rows.push([`· ${md(p.role)}`, `${formatCount(p.tokens)} tokens, ${what}${ph ? `; placeholders ${ph}` : ''}`]);
  }
  rows.push(['Output', `${formatCount(c.tokens.output)} tokens — ${md(c.tokens.outputBasis)}${c.tokens.outputMax !== null ? ` (max ${formatCount(c.tokens.outputMax)})` : ''}`]);
  // Production usage beside the static estimate (a large gap is itself worth seeing), and whose volume counts.
  const measured = estimateVsMeasured(c);
  if (measured) rows.push(['Measured', md(measured)]);
  const measuredVolume = measuredVolumeNote(c);
  if (measuredVolume) rows.push(['Measured volume', md(measuredVolume)]);

  const model = c.model === null ? `unresolved → \`${(c.assumedModel ?? '').replace(/`/g, "'")}\` assumed (${md(c.assumedFrom ?? '')}; pin it with \`model=…\` in an llm-cost comment, llmCostLens.callSites or llmCostLens.defaultModel)` : `\`${c.model.replace(/`/g, "'")}\``;
  if (cost?.api) {
    const p = cost.api.price;
    rows.push(['Model', `${model} (${md(c.modelSource)}) · ${usdPerMTok(p.inputUsdPerMTok)} in / ${usdPerMTok(p.outputUsdPerMTok)} out per Mtok`]);
    rows.push(['Prices', `${md(p.source)}${p.asOf ? ` · prices as of ${md(p.asOf)}` : ''}`]);
    if (opts.priceStaleNote) rows.push(['', `⚠ ${md(opts.priceStaleNote)}`]);
    const label = c.endpoint === 'self-hosted' ? 'API (if it were)' : 'API';
    rows.push([label, `${formatUsdPrecise(cost.api.costPerRequestUsd)}/request · **${formatUsd(cost.api.monthlyUsd)}/mo** at ${md(volumeText(c))}`]);
  } else {
    const s = cost?.suggestions ?? [];
    const why = c.deploymentKey ? ` — an Azure deployment name (\`${c.deploymentKey.replace(/`/g, "'")}\`), not a model id: name its model with \`model=…\` in an llm-cost comment or llmCostLens.callSites` : '';
    rows.push(['Model', `${model} (${md(c.modelSource)}) · **unpriced**${why}${s.length ? ` — did you mean ${s.slice(0, 5).map((x) => `\`${x.replace(/`/g, "'")}\``).join(', ')}?` : ''}`]);
    rows.push(['Volume', md(volumeText(c))]);
  }
  if (c.volume.hidden) rows.push(['', `⚠ ${md(c.volume.hidden)}`]);
  const h = cost?.hostedOpen;
  if (h) {
    rows.push(['Hosted open', `${md(hostedOpenOffer(h))} · ${formatUsdPrecise(h.costPerRequestUsd)}/request · **${formatUsd(h.monthlyUsd)}/mo**`]);
    rows.push(['· prices', md(hostedOpenSource(h))]);
    if (cost.api && cost.breakEven.apiVsHostedOpen) rows.push(['· vs API', md(perTokenComparisonText(cost.breakEven.apiVsHostedOpen))]);
  }

  const sh = cost?.selfHosted;
  if (cost && sh) {
    const a = cost.assumptions;
    const gpus = sh.capacity.gpusNeeded;
    const gpu = `${gpus ?? '?'} × ${md(String(a['capacity.gpu'] ?? a.gpu ?? 'GPU'))}${typeof a.gpuHourlyUsd === 'number' ? ` at $${formatCount(a.gpuHourlyUsd)}/h` : ''}`;
    rows.push(['Self-hosted', `\`${md(c.openModel.model ?? '')}\` on ${gpu}: **${formatUsd(sh.monthlyUsd)}/mo**`]);
    if (typeof a.gpuChoice === 'string') rows.push(['· GPU', md(a.gpuChoice)]);
    const serving = servingText(a);
    if (serving) rows.push(['· serving', md(serving)]);
    rows.push(['· quality', md(c.openModel.quality)]);
    rows.push(['· compute', `${formatUsd(sh.computeMonthlyUsd)}/mo${sh.capacity.requestsPerDay !== null ? ` (capacity ${formatCount(sh.capacity.requestsPerDay)} req/day at ${formatCount(Number(a.utilization) * 100)}% utilization)` : ''}`]);
    rows.push(['· ops', `${formatUsd(sh.opsMonthlyUsd)}/mo (${formatCount(Number(a.opsHoursPerMonth))} h × $${formatCount(Number(a.opsHourlyUsd))})`]);
    rows.push(['· setup', `${formatUsd(sh.setupMonthlyUsd)}/mo (${formatUsd(sh.setupOneTimeUsd)} over ${formatCount(Number(a.setupAmortizationMonths))} months)`]);
    const be = (n: number | null) => (n === null ? `none up to ${formatCount(100 * c.volume.requestsPerDay * c.volume.callsPerRequest)} req/day` : `${formatCount(n)} req/day`);
    rows.push(['Break-even', `${be(cost.breakEven.withOpsRequestsPerDay)} with ops · ${be(cost.breakEven.computeOnlyRequestsPerDay)} compute only`]);
    const vsHosted = cost.breakEven.hostedOpenVsSelfHosted;
    if (vsHosted) rows.push(['· vs hosted open', `${be(vsHosted.withOpsRequestsPerDay)} with ops · ${be(vsHosted.computeOnlyRequestsPerDay)} compute only`]);
  } else if (cost) {
    rows.push(['Self-hosted', md(`no counterpart: ${c.openModel.reason}`)]);
  }
  if (cost) rows.push(['Verdict', `**${md(cost.verdict)}**`]);
  const share = cost?.assumptions['hybrid.selfHostedShare'];
  const fixed = cost?.hybrid;
  if (typeof share === 'number' && fixed && fixed.selfHostedShare === share) {
    rows.push([`Hybrid ${formatCount(share * 100)}%`, `**${formatUsd(fixed.monthlyUsd)}/mo** = ${fixed.rest === 'hosted-open' ? `hosted open ${formatUsd(fixed.hostedOpenMonthlyUsd)}` : `API ${formatUsd(fixed.apiMonthlyUsd)}`} + self-hosted ${formatUsd(fixed.selfHostedMonthlyUsd)} on ${fixed.gpus} GPU(s) (llmCostLens.hybrid.selfHostedShare)`]);
  }
  const best = cost?.hybrid?.best;
  if (best && best.selfHostedShare > 0 && best.selfHostedShare < 1 && cost.api && best.monthlyUsd < Math.min(cost.api.monthlyUsd, sh?.monthlyUsd ?? Infinity, h?.monthlyUsd ?? Infinity)) {
    rows.push(['Hybrid', `${formatCount(best.selfHostedShare * 100)}% self-hosted on ${best.gpus} GPU(s), the rest ${best.rest === 'hosted-open' ? 'on the hosted open model' : 'through the API'}: ${formatUsd(best.monthlyUsd)}/mo`]);
  }

  const title = `**LLM call** \`${c.api}\` · ${md(c.sdk)}${c.endpoint === 'self-hosted' ? ' · self-hosted endpoint' : ''}`;
  const summary = summaryLine(c);
  const out = [title, '', ...(summary ? [summary, ''] : []), '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)];
  const notes = [...(cost?.notes ?? []), ...c.problems];
  if (notes.length) out.push('', ...notes.map((n) => `- ${md(n)}`));
  out.push('', `[$(graph) Open cost panel](command:${commands.openPanel}) · key \`${c.key.replace(/`/g, "'")}\``);
  return out.join('\n');
}

const VERDICT: Record<string, string> = { api: 'the API is cheaper', 'hosted-open': 'the hosted open model is cheapest', 'self-hosted': 'self-hosting is cheaper', hybrid: 'a hybrid split is cheapest' };

/**
 * The answer in one line above the table. VS Code caps a hover's height by the room above (or below) the line,
 * so a long table scrolls: the figures that decide must not sit only in its last rows.
 */
function summaryLine(c: CallSiteReport): string | null {
  const cost = c.cost;
  if (!cost?.api || c.endpoint === 'self-hosted') return null;
  const parts = [`API **${formatUsd(cost.api.monthlyUsd)}/mo**`];
  if (cost.hostedOpen) parts.push(`hosted open **${formatUsd(cost.hostedOpen.monthlyUsd)}/mo**`);
  if (cost.selfHosted) {
    parts.push(`self-hosted **${formatUsd(cost.selfHosted.monthlyUsd)}/mo**`);
    const be = cost.breakEven.withOpsRequestsPerDay;
    parts.push(be === null ? 'no break-even' : `break-even **${formatCount(be)}/day**`);
  }
  return `${parts.join(' · ')} → ${VERDICT[cost.verdict] ?? md(cost.verdict)} at ${formatCount(c.volume.requestsPerDay)}/day`;
}
