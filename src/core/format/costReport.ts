// The cost report a team files or diffs in CI: the workspace call-site table, the totals and every assumption used,
// as Markdown, CSV or JSON. Built from a `scan` result and the folder's settings; the editor's "Export Cost Report…"
// and `llm-cost-lens scan --report` both call this, so a report from either carries the same numbers as
// `scan --json` (JSON and CSV keep them unrounded; Markdown formats them like the CLI table).
import type { ScanResult } from '../scan/scan';
import { SETTINGS, SETTINGS_PREFIX, type SettingKey, type SettingsRead } from '../settings';
import { formatCount, formatUsd } from '../money';
import { deploymentHead, deploymentOverheads, volumeLabel } from './labels';
import { servingText } from './servingText';

export const REPORT_FORMATS = ['markdown', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_EXTENSIONS: Record<ReportFormat, string> = { markdown: 'md', csv: 'csv', json: 'json' };

export interface ReportCallSite {
  file: string; line: number; column: number; cell: number | null;
  /** `path#Qualified.name`, the key of `llmCostLens.callSites`. */
  key: string;
  sdk: string; api: string;
  model: string | null; modelSource: string;
  inputTokens: number; inputBasis: string; outputTokens: number; outputBasis: string;
  requestsPerDay: number; callsPerRequest: number; volumeSource: string;
  apiMonthlyUsd: number | null; selfHostedMonthlyUsd: number | null; openModel: string | null;
  /** The split at `llmCostLens.hybrid.selfHostedShare`, when that setting is given. */
  hybridMonthlyUsd: number | null;
  breakEvenWithOpsRequestsPerDay: number | null;
  verdict: string | null;
  assumedModel: string | null;
  priceSource: string | null; priceAsOf: string | null;
  /** The open counterpart through its cheapest hosted API (provider named, with the price's source and date). */
  hostedOpenMonthlyUsd: number | null; hostedOpenProvider: string | null; hostedOpenModel: string | null;
  hostedOpenPriceSource: string | null; hostedOpenPriceAsOf: string | null;
  /** How the self-hosted capacity was sized (engine, latency target, traffic shape); null where no self-hosted figure. */
  servingBasis: string | null;
}

export interface CostReport {
  root: string;
  daysPerMonth: number;
  priceSnapshot: { source: string; asOf: string };
  callSites: ReportCallSite[];
  totals: {
    callSites: number; unpriced: number; unpricedModels: string[]; assumed: number; apiMonthlyUsd: number; selfHostedMonthlyUsd: number; hostedOpenMonthlyUsd: number;
    deployments: { openModel: string; gpus: number | null; gpu: string | null; gpuChoice: string | null; requestsPerDay: number; monthlyUsd: number; opsMonthlyUsd: number; setupMonthlyUsd: number; apiMonthlyUsd: number; callSites: string[] }[];
    bestRouting: { monthlyUsd: number; verdict: string; selfHosted: string[]; api: string[]; hostedOpen: string[]; savingsVsApiUsd: number };
  };
  /** Every llmCostLens.* setting with the value used and where it came from. */
  assumptions: { setting: string; value: unknown; origin: 'folder' | 'default' }[];
  warnings: string[];
}

/** `staleNote`: priceCatalogInfo()'s warning when the catalog is older than 90 days; it heads the report's warnings. */
export function buildCostReport(scan: ScanResult, ws: SettingsRead, snapshot: { source: string; asOf: string; staleNote?: string | null }): CostReport {
  const priceSnapshot = { source: snapshot.source, asOf: snapshot.asOf };
  const share = ws.settings['hybrid.selfHostedShare'];
  const t = scan.totals;
  return {
    root: scan.root,
    daysPerMonth: t.daysPerMonth,
    priceSnapshot,
    callSites: scan.callSites.map((c) => ({
      file: c.file, line: c.line, column: c.column, cell: c.cell ?? null, key: c.key, sdk: c.sdk, api: c.api,
      model: c.model, modelSource: c.modelSource, assumedModel: c.assumedModel,
      inputTokens: c.tokens.input, inputBasis: c.tokens.inputBasis, outputTokens: c.tokens.output, outputBasis: c.tokens.outputBasis,
      requestsPerDay: c.volume.requestsPerDay, callsPerRequest: c.volume.callsPerRequest, volumeSource: c.volume.source,
      apiMonthlyUsd: c.cost?.api?.monthlyUsd ?? null,
      selfHostedMonthlyUsd: c.cost?.selfHosted?.monthlyUsd ?? null,
      openModel: c.openModel.model,
      hybridMonthlyUsd: share !== null && c.cost?.hybrid?.selfHostedShare === share ? c.cost.hybrid.monthlyUsd : null,
      breakEvenWithOpsRequestsPerDay: c.cost?.breakEven.withOpsRequestsPerDay ?? null,
      verdict: c.cost?.verdict ?? null,
      priceSource: c.cost?.api?.price.source ?? null,
      priceAsOf: c.cost?.api?.price.asOf ?? null,
      hostedOpenMonthlyUsd: c.cost?.hostedOpen?.monthlyUsd ?? null,
      hostedOpenProvider: c.cost?.hostedOpen?.provider ?? null,
      hostedOpenModel: c.cost?.hostedOpen?.model ?? null,
      hostedOpenPriceSource: c.cost?.hostedOpen?.price.source ?? null,
      hostedOpenPriceAsOf: c.cost?.hostedOpen?.price.asOf ?? null,
      servingBasis: c.cost?.selfHosted ? servingText(c.cost.assumptions) : null,
    })),
    totals: {
      callSites: t.callSites, unpriced: t.unpriced, unpricedModels: t.unpricedModels, assumed: t.assumed, apiMonthlyUsd: t.apiMonthlyUsd, selfHostedMonthlyUsd: t.selfHostedMonthlyUsd, hostedOpenMonthlyUsd: t.hostedOpenMonthlyUsd,
      deployments: t.deployments.map((d) => ({ openModel: d.openModel, gpus: d.gpus, gpu: d.gpu, gpuChoice: d.gpuChoice, requestsPerDay: d.requestsPerDay, monthlyUsd: d.monthlyUsd, opsMonthlyUsd: d.opsMonthlyUsd, setupMonthlyUsd: d.setupMonthlyUsd, apiMonthlyUsd: d.apiMonthlyUsd, callSites: d.callSites })),
      bestRouting: { monthlyUsd: t.routing.monthlyUsd, verdict: t.verdict, selfHosted: t.routing.selfHosted, api: t.routing.api, hostedOpen: t.routing.hostedOpen, savingsVsApiUsd: t.routing.savingsVsApiUsd },
    },
    assumptions: (Object.keys(SETTINGS) as SettingKey[]).map((k) => ({ setting: SETTINGS_PREFIX + k, value: ws.settings[k], origin: ws.explicit.has(k) ? 'folder' : 'default' })),
    warnings: [...new Set([...(snapshot.staleNote ? [snapshot.staleNote] : []), ...ws.warnings, ...scan.settings.warnings, ...scan.callSites.flatMap((c) => c.problems.map((p) => `${c.file}:${c.line}: ${p}`))])],
  };
}

export function renderCostReport(r: CostReport, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(r, null, 2) + '\n';
  return format === 'csv' ? renderCsv(r) : renderMarkdown(r);
}

const site = (c: ReportCallSite) => `${c.file}:${c.cell !== null ? `cell ${c.cell + 1}:` : ''}${c.line}`;

const CSV_COLUMNS: [string, (c: ReportCallSite) => unknown][] = [
  ['file', (c) => c.file], ['line', (c) => c.line], ['column', (c) => c.column], ['cell', (c) => (c.cell === null ? null : c.cell + 1)],
  ['key', (c) => c.key], ['sdk', (c) => c.sdk], ['api', (c) => c.api], ['model', (c) => c.model], ['model_source', (c) => c.modelSource],
  ['input_tokens', (c) => c.inputTokens], ['input_basis', (c) => c.inputBasis], ['output_tokens', (c) => c.outputTokens], ['output_basis', (c) => c.outputBasis],
  ['requests_per_day', (c) => c.requestsPerDay], ['calls_per_request', (c) => c.callsPerRequest], ['volume_source', (c) => c.volumeSource],
  ['api_usd_per_month', (c) => c.apiMonthlyUsd], ['self_hosted_usd_per_month', (c) => c.selfHostedMonthlyUsd], ['open_model', (c) => c.openModel],
  ['hybrid_usd_per_month', (c) => c.hybridMonthlyUsd], ['break_even_with_ops_requests_per_day', (c) => c.breakEvenWithOpsRequestsPerDay],
  ['verdict', (c) => c.verdict], ['price_source', (c) => c.priceSource], ['price_as_of', (c) => c.priceAsOf],
  ['hosted_open_usd_per_month', (c) => c.hostedOpenMonthlyUsd], ['hosted_open_provider', (c) => c.hostedOpenProvider], ['hosted_open_model', (c) => c.hostedOpenModel],
  ['hosted_open_price_source', (c) => c.hostedOpenPriceSource], ['hosted_open_price_as_of', (c) => c.hostedOpenPriceAsOf],
];

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled; null is an empty field; numbers unrounded. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvLine = (fields: unknown[]) => fields.map(csvField).join(',');

/** Three blocks separated by a blank line: call sites, totals (metric,value), assumptions (setting,value,origin). */
function renderCsv(r: CostReport): string {
  const t = r.totals;
  const lines = [csvLine(CSV_COLUMNS.map(([h]) => h)), ...r.callSites.map((c) => csvLine(CSV_COLUMNS.map(([, f]) => f(c))))];
  lines.push('', csvLine(['metric', 'value']));
  const metrics: [string, unknown][] = [
    ['call_sites', t.callSites], ['unpriced', t.unpriced], ['days_per_month', r.daysPerMonth],
    ['api_usd_per_month', t.apiMonthlyUsd], ['self_hosted_shared_usd_per_month', t.selfHostedMonthlyUsd], ['hosted_open_usd_per_month', t.hostedOpenMonthlyUsd],
    ...t.deployments.flatMap((d): [string, unknown][] => [
      [`deployment ${d.openModel} gpus`, d.gpus], [`deployment ${d.openModel} requests_per_day`, d.requestsPerDay],
      [`deployment ${d.openModel} usd_per_month`, d.monthlyUsd], [`deployment ${d.openModel} api_usd_per_month`, d.apiMonthlyUsd],
    ]),
    ['best_routing_usd_per_month', t.bestRouting.monthlyUsd], ['best_routing_verdict', t.bestRouting.verdict],
    ['best_routing_self_hosted', t.bestRouting.selfHosted.join(' ')], ['best_routing_hosted_open', t.bestRouting.hostedOpen.join(' ')], ['best_routing_savings_vs_api_usd', t.bestRouting.savingsVsApiUsd],
    ['price_snapshot', r.priceSnapshot.source], ['prices_as_of', r.priceSnapshot.asOf],
  ];
  lines.push(...metrics.map((m) => csvLine(m)));
  lines.push('', csvLine(['setting', 'value', 'origin']), ...r.assumptions.map((a) => csvLine([a.setting, a.value, a.origin])));
  return lines.join('\r\n') + '\r\n';
}

/** Markdown table cell: pipes escaped, newlines flattened (the text stays readable in the raw file). */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function mdTable(head: string[], rows: string[][], align: ('l' | 'r')[]): string[] {
  return [`| ${head.map(cell).join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)];
}

const usd = (n: number | null) => (n === null ? '—' : formatUsd(n));

function renderMarkdown(r: CostReport): string {
  const t = r.totals;
  const out = [
    '# LLM cost report',
    '',
    `Workspace \`${r.root}\` · ${t.callSites} call site${t.callSites === 1 ? '' : 's'}${t.unpriced ? ` (${t.unpriced} unpriced: ${t.unpricedModels.join(', ')})` : ''}${t.assumed ? ` (${t.assumed} at an assumed model)` : ''} · months of ${r.daysPerMonth} days · prices: ${r.priceSnapshot.source}, as of ${r.priceSnapshot.asOf} (per call site below when overridden).`,
    '',
    '## Call sites',
    '',
    ...mdTable(
      ['Call site', 'Function key', 'SDK', 'Model (source)', 'Input tokens (basis)', 'Output tokens (basis)', 'Volume (source)', 'API $/mo', 'Hosted open $/mo (host, as of)', 'Self-hosted $/mo', ...(r.callSites.some((c) => c.hybridMonthlyUsd !== null) ? ['Hybrid $/mo'] : []), 'Verdict', 'Price source (as of)'],
      r.callSites.map((c) => [
        site(c), c.key, c.sdk, `${c.model ?? `${c.assumedModel}`} (${c.modelSource})`,
        `${c.inputBasis.startsWith('exact') ? '' : '≈'}${formatCount(c.inputTokens)} (${mdBasis(c.inputBasis)})`, `${formatCount(c.outputTokens)} (${c.outputBasis})`,
        volumeLabel({ requestsPerDay: c.requestsPerDay, callsPerRequest: c.callsPerRequest, source: c.volumeSource }, c.sdk === 'prompt-file'),
        c.apiMonthlyUsd === null ? 'unpriced' : formatUsd(c.apiMonthlyUsd),
        c.hostedOpenMonthlyUsd === null ? '—' : `${formatUsd(c.hostedOpenMonthlyUsd)} (${c.hostedOpenModel} @ ${c.hostedOpenProvider}${c.hostedOpenPriceAsOf ? `, ${c.hostedOpenPriceAsOf}` : ''})`,
        c.selfHostedMonthlyUsd === null ? '—' : `${formatUsd(c.selfHostedMonthlyUsd)}${c.openModel ? ` (${c.openModel})` : ''}`,
        ...(r.callSites.some((x) => x.hybridMonthlyUsd !== null) ? [usd(c.hybridMonthlyUsd)] : []),
        c.verdict ?? '—',
        c.priceSource === null ? '—' : `${c.priceSource}${c.priceAsOf ? ` (${c.priceAsOf})` : ''}`,
      ]),
      ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', ...(r.callSites.some((c) => c.hybridMonthlyUsd !== null) ? ['r' as const] : []), 'l', 'l'],
    ),
    '',
    '## Totals',
    '',
    ...mdTable(['', 'per month'], [
      ['API, as the code is today', formatUsd(t.apiMonthlyUsd)],
      ['Everything self-hostable, on shared deployments (ops counted once per deployment)', formatUsd(t.selfHostedMonthlyUsd)],
      ['Every call with a cheaper hosted open counterpart on it, the rest on the API', formatUsd(t.hostedOpenMonthlyUsd)],
      ...t.deployments.map((d) => [`· ${deploymentHead(d)} (${deploymentOverheads(d)}; vs API ${formatUsd(d.apiMonthlyUsd)})`, formatUsd(d.monthlyUsd)]),
      [`Best routing of whole call sites (${t.bestRouting.verdict}: ${t.bestRouting.selfHosted.length} self-hosted${t.bestRouting.selfHosted.length ? ` — ${t.bestRouting.selfHosted.join(', ')}` : ''}; ${t.bestRouting.hostedOpen.length} on a hosted open model)`, formatUsd(t.bestRouting.monthlyUsd)],
    ], ['l', 'r']),
    ...servingSection(r.callSites),
    '',
    '## Assumptions',
    '',
    ...mdTable(['Setting', 'Value', 'From'], r.assumptions.map((a) => [`\`${a.setting}\``, JSON.stringify(a.value), a.origin === 'folder' ? 'this folder\'s .vscode/settings.json' : 'built-in default']), ['l', 'l', 'l']),
  ];
  if (r.warnings.length) out.push('', '## Warnings', '', ...r.warnings.map((w) => `- ${w.replace(/\r?\n/g, ' ')}`));
  return out.join('\n') + '\n';
}

/** "Self-hosted sizing": one line per call site sized for an engine, a latency target or a traffic shape. */
function servingSection(sites: readonly ReportCallSite[]): string[] {
  const sized = sites.filter((c) => c.servingBasis !== null);
  return sized.length ? ['', '## Self-hosted sizing', '', ...sized.map((c) => `- ${site(c)}: ${cell(c.servingBasis!)}`)] : [];
}

/** The basis after a number already marked ≈: "≈ (X)" → "X", "≈ 135–141 (X)" → "135–141, X" (no "≈237 (≈ (…))"). */
function mdBasis(basis: string): string {
  const band = /^≈ ([\d,]+–[\d,]+) \((.*)\)$/.exec(basis);
  if (band) return `${band[1]}, ${band[2]}`;
  const plain = /^≈ \((.*)\)$/.exec(basis);
  return plain ? plain[1]! : basis;
}
