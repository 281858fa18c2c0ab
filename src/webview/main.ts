// Cost panel UI. A view only: renders what the extension sends, posts typed intents back.
import { hostToWebviewSchema, type ScenarioRow, type WebviewToHost } from '../shared/messages';
import { formatCount, formatUsd } from '../core/format/money';
import { renderBreakEvenChart } from './chart';

declare function acquireVsCodeApi(): { postMessage(m: WebviewToHost): void; getState(): unknown; setState(s: unknown): void };
const vscode = acquireVsCodeApi();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

interface PanelState { rows: ScenarioRow[]; selected: string | null }
let state: PanelState = { rows: [], selected: null };

function render(rows: ScenarioRow[]): void {
  const root = document.getElementById('root')!;
  root.replaceChildren();
  root.append(el('h1', 'LLM Cost Lens'));
  if (rows.length === 0) {
    root.append(el('p', 'No scenario files found (scenarios/*.json in the workspace).', 'empty'));
    return;
  }
  const table = el('table');
  table.id = 'scenarios';
  const head = el('tr');
  for (const h of ['Scenario', 'API $/mo', 'Self-hosted $/mo', 'Break-even (ops)', 'Break-even (compute)', 'Verdict', 'Prices']) head.append(el('th', h));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const r of rows) {
    const tr = el('tr');
    tr.dataset.file = r.file;
    tr.dataset.action = 'select';
    tr.tabIndex = 0;
    if (r.file === selectedFile(rows)) tr.classList.add('selected');
    const link = el('a', r.file);
    link.href = '#';
    link.dataset.action = 'open';
    tr.append(cell(link));
    if (!r.ok) {
      const td = el('td', r.problems.join('; '), 'problem');
      td.colSpan = 6;
      tr.append(td);
    } else {
      tr.append(
        el('td', formatUsd(r.apiMonthlyUsd!), 'num api'),
        el('td', formatUsd(r.selfHostedMonthlyUsd!), 'num self'),
        el('td', r.breakEvenWithOps === null ? 'never' : `${formatCount(r.breakEvenWithOps)} req/day`, 'num'),
        el('td', r.breakEvenComputeOnly === null ? 'never' : `${formatCount(r.breakEvenComputeOnly)} req/day`, 'num'),
        el('td', r.verdict ?? '', `verdict ${r.verdict ?? ''}`),
        el('td', r.priceAsOf ? `${r.priceSource} (as of ${r.priceAsOf})` : r.priceSource ?? '', 'basis'),
      );
    }
    table.tBodies[0]!.append(tr);
  }
  root.append(table, el('p', 'Months are the scenario\'s daysPerMonth (default 30). Break-even: requests/day at which self-hosting costs no more than the API. Select a row for its chart.', 'basis'));
  renderChart(root, rows);
}

function selectedFile(rows: ScenarioRow[]): string | null {
  return rows.find((r) => r.file === state.selected && r.curve)?.file ?? rows.find((r) => r.curve)?.file ?? null;
}

function renderChart(root: HTMLElement, rows: ScenarioRow[]): void {
  const row = rows.find((r) => r.file === selectedFile(rows));
  const box = el('section');
  box.id = 'chart';
  root.append(box);
  if (!row?.curve) return;
  box.append(el('h2', `Monthly cost vs requests/day — ${row.file}`));
  box.append(renderBreakEvenChart(row.curve, { width: Math.max(360, Math.min(900, root.clientWidth || 720)), height: 320, formatUsd, formatCount }));
}

function select(file: string): void {
  state = { ...state, selected: file };
  vscode.setState(state);
  render(state.rows);
}

function cell(child: HTMLElement): HTMLTableCellElement {
  const td = el('td');
  td.append(child);
  return td;
}

document.addEventListener('click', (ev) => {
  const target = (ev.target as HTMLElement).closest<HTMLElement>('[data-action]');
  const file = target?.closest<HTMLElement>('tr')?.dataset.file;
  if (!target || !file) return;
  ev.preventDefault();
  if (target.dataset.action === 'open') vscode.postMessage({ type: 'openFile', file });
  else select(file);
});
document.addEventListener('keydown', (ev) => {
  const row = (ev.target as HTMLElement).closest<HTMLElement>('tr[data-action="select"]');
  if (row?.dataset.file && (ev.key === 'Enter' || ev.key === ' ')) {
    ev.preventDefault();
    select(row.dataset.file);
  }
});

window.addEventListener('message', (ev: MessageEvent) => {
  const msg = hostToWebviewSchema.safeParse(ev.data);
  if (!msg.success) {
    console.warn('LLM Cost Lens: ignored a malformed message from the extension', msg.error.issues);
    return;
  }
  state = { ...state, rows: msg.data.rows };
  vscode.setState(state);
  render(state.rows);
});

// Restore after hide/show or reload: the rows and the selected scenario.
const saved = vscode.getState() as Partial<PanelState> | undefined;
const savedRows = hostToWebviewSchema.safeParse({ type: 'scenarios', rows: saved?.rows });
if (savedRows.success) {
  state = { rows: savedRows.data.rows, selected: typeof saved?.selected === 'string' ? saved.selected : null };
  render(state.rows);
}
vscode.postMessage({ type: 'ready' });
