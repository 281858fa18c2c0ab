// The workspace's call sites (from the host's scan): sortable by any column (click or Enter on the header button),
// file:line opens the code, a row (or the totals row) selects what the chart shows.
import type { CallSiteRow, ChartView, WorkspaceTotals, WorkspaceView } from '../core/protocol/messages';
import { formatCount, formatUsd } from '../core/money';
import { renderBreakEvenChart } from './chart';
import { cell, el } from './dom';
import { chartWidth } from './scenarioTable';

export type SortColumn = 'site' | 'model' | 'tokens' | 'volume' | 'api' | 'hosted' | 'self' | 'hybrid' | 'verdict';
export interface Sort { column: SortColumn; descending: boolean }

const COLUMNS: { id: SortColumn; label: string; numeric: boolean }[] = [
  { id: 'site', label: 'Call site', numeric: false },
  { id: 'model', label: 'Model', numeric: false },
  { id: 'tokens', label: 'Tokens in / out', numeric: true },
  { id: 'volume', label: 'Volume', numeric: true },
  { id: 'api', label: 'API $/mo', numeric: true },
  { id: 'hosted', label: 'Hosted open $/mo', numeric: true },
  { id: 'self', label: 'Self-hosted $/mo', numeric: true },
  { id: 'hybrid', label: 'Hybrid $/mo', numeric: true },
  { id: 'verdict', label: 'Verdict', numeric: false },
];

/** The fixed hybrid share (llmCostLens.hybrid.selfHostedShare) when set: the table then has a hybrid column. */
export function hybridShare(view: WorkspaceView): number | null {
  const v = view.assumptions.values['hybrid.selfHostedShare'];
  return typeof v === 'number' ? v : null;
}

export function hybridText(r: CallSiteRow): string {
  return r.hybridMonthlyUsd === null ? '—' : formatUsd(r.hybridMonthlyUsd);
}

export const WORKSPACE_TARGET = 'workspace';

export function tokensText(r: CallSiteRow): string {
  return `${r.approximate ? '≈' : ''}${formatCount(r.inputTokens)} / ${formatCount(r.outputTokens)}`;
}

export function volumeText(r: CallSiteRow): string {
  return `${formatCount(r.requestsPerDay)}/day${r.callsPerRequest !== 1 ? ` ×${r.callsPerRequest}` : ''} (${r.volumeSource})`;
}

function sortValue(r: CallSiteRow, column: SortColumn): string | number | null {
  switch (column) {
    case 'site': return null; // scan order: file, line, column
    case 'model': return r.model;
    case 'tokens': return r.inputTokens + r.outputTokens;
    case 'volume': return r.requestsPerDay * r.callsPerRequest;
    case 'api': return r.apiMonthlyUsd;
    case 'hosted': return r.hostedOpen?.monthlyUsd ?? null;
    case 'self': return r.selfHostedMonthlyUsd;
    case 'hybrid': return r.hybridMonthlyUsd;
    case 'verdict': return r.verdict;
  }
}

export function sortRows(rows: CallSiteRow[], sort: Sort): CallSiteRow[] {
  const indexed = rows.map((r, i) => ({ r, i }));
  indexed.sort((a, b) => {
    const va = sortValue(a.r, sort.column);
    const vb = sortValue(b.r, sort.column);
    let d = 0;
    if (sort.column === 'site') d = a.i - b.i;
    else if (va === null && vb === null) d = 0;
    else if (va === null) return 1; // missing values last, whatever the direction
    else if (vb === null) return -1;
    else d = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return (sort.descending ? -d : d) || a.i - b.i;
  });
  return indexed.map((x) => x.r);
}

export function renderCallSites(root: HTMLElement, view: WorkspaceView | null, sort: Sort, target: string, chart: ChartView | null): void {
  const section = el('section');
  section.id = 'callsites-section';
  section.append(el('h2', 'Call sites in this workspace'));
  root.append(section);
  if (!view) {
    section.append(el('p', 'Scanning the workspace…', 'empty'));
    return;
  }
  if (view.problem) section.append(el('p', view.problem, 'problem'));
  if (view.callSites.length === 0) {
    section.append(el('p', view.folder ? 'No LLM calls found in this folder.' : 'Open a folder to see its LLM calls.', 'empty'));
    return;
  }
  const table = el('table');
  table.id = 'callsites';
  table.append(el('caption', `${view.callSites.length} call site${view.callSites.length === 1 ? '' : 's'}${view.folder ? ` in ${view.folder}` : ''}; months of ${view.totals?.daysPerMonth ?? 30} days. Select a row (or the totals) for its chart.`, 'basis'));
  const head = el('tr');
  const share = hybridShare(view);
  for (const c of COLUMNS) {
    if (c.id === 'hybrid' && share === null) continue;
    const th = el('th', undefined, c.numeric ? 'num' : undefined);
    th.scope = 'col';
    th.dataset.column = c.id;
    const active = sort.column === c.id;
    th.setAttribute('aria-sort', active ? (sort.descending ? 'descending' : 'ascending') : 'none');
    const label = c.id === 'hybrid' ? `Hybrid ${formatCount(share! * 100)}% $/mo` : c.label;
    const button = el('button', `${label}${active ? (sort.descending ? ' ▼' : ' ▲') : ''}`, 'sort');
    button.type = 'button';
    button.dataset.action = 'sort';
    button.dataset.column = c.id;
    button.title = c.id === 'hybrid' ? `Sort by the monthly cost with ${formatCount(share! * 100)}% of each call site's requests self-hosted (llmCostLens.hybrid.selfHostedShare)` : `Sort by ${c.label}`;
    th.append(button);
    head.append(th);
  }
  table.append(el('thead'), el('tbody'), el('tfoot'));
  table.tHead!.append(head);
  const multi = view.folders && view.folders.length > 1 ? view.folders : null;
  if (multi) {
    // A multi-root workspace: each folder's rows under its own totals (its own settings), the sum in the footer.
    for (const f of multi) {
      table.tBodies[0]!.append(totalsRow(f.totals, `Folder ${f.name}`, null, target, share !== null, 'folder'));
      for (const r of sortRows(view.callSites.filter((x) => x.folder === f.name), sort)) table.tBodies[0]!.append(row(r, target, share !== null));
    }
  } else {
    for (const r of sortRows(view.callSites, sort)) table.tBodies[0]!.append(row(r, target, share !== null));
  }
  if (view.totals) table.tFoot!.append(totalsRow(view.totals, multi ? `All ${multi.length} folders` : 'Total', WORKSPACE_TARGET, target, share !== null, 'totals'));
  section.append(table);
  if (view.callSites.some((r) => r.volumeHidden)) section.append(el('p', 'An llm-cost comment hides a panel or settings volume for some calls: the comment wins.', 'basis'));

  const box = el('section');
  box.id = 'callsite-chart';
  box.setAttribute('aria-live', 'polite');
  section.append(box);
  if (!chart || chart.target !== target) {
    box.append(el('p', 'Computing the chart…', 'empty'));
    return;
  }
  box.append(el('h3', `Monthly cost vs requests/day — ${chart.title}`));
  if (chart.curve) box.append(renderBreakEvenChart(chart.curve, { width: chartWidth(root), height: 320, formatUsd, formatCount }));
  else box.append(el('p', chart.note ?? 'No chart.', 'empty'));
}

function row(r: CallSiteRow, target: string, withHybrid: boolean): HTMLTableRowElement {
  const tr = el('tr');
  tr.dataset.id = r.id;
  tr.dataset.action = 'select-callsite';
  tr.tabIndex = 0;
  if (r.id === target) {
    tr.classList.add('selected');
    tr.setAttribute('aria-selected', 'true');
  }
  // The directory is its own span so a narrow panel can show basename:line (responsive.css); the title has the path.
  const slash = r.file.lastIndexOf('/') + 1;
  const link = el('a');
  if (slash > 0) link.append(el('span', r.file.slice(0, slash), 'dir'));
  link.append(`${r.file.slice(slash)}:${r.cell !== null ? `cell ${r.cell + 1}:` : ''}${r.line}`);
  link.href = '#';
  link.dataset.action = 'open-callsite';
  link.dataset.file = r.file;
  link.dataset.line = String(r.line);
  link.dataset.column = String(r.column);
  link.title = `Open ${r.file} at line ${r.line} (${r.api})`;
  const cells = [
    cell(link, 'site'),
    el('td', `${r.model ?? '(unresolved)'}${r.endpoint === 'self-hosted' ? ' [self-hosted]' : ''}`, 'model'),
    el('td', tokensText(r), 'num tokens'),
    el('td', volumeText(r), 'num volume'),
    el('td', r.apiMonthlyUsd === null ? 'unpriced' : formatUsd(r.apiMonthlyUsd), 'num api'),
    hostedCell(r),
    el('td', r.selfHostedMonthlyUsd === null ? '—' : `${formatUsd(r.selfHostedMonthlyUsd)}${r.openModel ? ` (${r.openModel})` : ''}`, 'num self'),
    ...(withHybrid ? [el('td', hybridText(r), 'num hybrid')] : []),
    el('td', r.verdict ?? '—', `verdict ${r.verdict ?? ''}`),
  ];
  // A narrow panel lays the cells out as a card, each under its column's name.
  const labels = ['', 'Model', 'Tokens in / out', 'Volume', 'API $/mo', 'Hosted open $/mo', 'Self-hosted $/mo', ...(withHybrid ? ['Hybrid $/mo'] : []), 'Verdict'];
  cells.forEach((c, i) => labels[i] && (c.dataset.label = labels[i]));
  tr.append(...cells);
  return tr;
}

/** "$5.11 (llama-3.3-70b @ Novita)", the price's source and date in the tooltip. */
function hostedCell(r: CallSiteRow): HTMLTableCellElement {
  const h = r.hostedOpen;
  const td = el('td', h ? `${formatUsd(h.monthlyUsd)} (${h.model} @ ${h.provider})` : '—', 'num hosted');
  if (h) td.title = `${h.model} through ${h.provider}: ${h.priceSource}${h.asOf ? `, prices as of ${h.asOf}` : ''}`;
  return td;
}

/** The totals of the workspace (`id` WORKSPACE_TARGET: selectable, charts the workspace) or of one folder (`id` null). */
function totalsRow(t: WorkspaceTotals, name: string, id: string | null, target: string, withHybrid: boolean, kind: 'totals' | 'folder'): HTMLTableRowElement {
  const tr = el('tr', undefined, kind);
  if (id !== null) {
    tr.dataset.id = id;
    tr.dataset.action = 'select-callsite';
    tr.tabIndex = 0;
  }
  if (id !== null && target === id) {
    tr.classList.add('selected');
    tr.setAttribute('aria-selected', 'true');
  }
  const label = el('th', `${name}${kind === 'folder' ? ` — ${t.callSites} call site${t.callSites === 1 ? '' : 's'}` : ''}${t.unpriced ? ` (${t.unpriced} unpriced)` : ''}`);
  label.scope = 'row';
  label.colSpan = 4;
  const self = el('td', formatUsd(t.selfHostedMonthlyUsd), 'num self');
  self.title = `Shared self-hosted deployments (${t.deployments}), ops counted once per deployment; calls without an open counterpart stay on the API`;
  const routing = el('td', `best routing ${formatUsd(t.routingMonthlyUsd)} (${t.verdict})`, `verdict ${t.verdict}`);
  if (withHybrid) routing.colSpan = 2;
  routing.title = t.savingsVsApiUsd > 0 ? `${t.routedSelfHosted} call site(s) self-hosted, ${t.routedHostedOpen} on a hosted open model save ${formatUsd(t.savingsVsApiUsd)}/mo` : 'Keeping every call on the API is cheapest at these volumes';
  const hosted = el('td', formatUsd(t.hostedOpenMonthlyUsd), 'num hosted');
  hosted.title = 'Every call with a hosted open counterpart cheaper than its API on that host; the rest on the API';
  tr.append(label, el('td', formatUsd(t.apiMonthlyUsd), 'num api'), hosted, self, routing);
  return tr;
}
