// Cost panel UI. A view only: renders what the extension sends, posts typed intents back.
import { hostToWebviewSchema, type ScenarioRow, type WebviewToHost } from '../shared/messages';
import { formatCount, formatUsd } from '../core/format/money';

declare function acquireVsCodeApi(): { postMessage(m: WebviewToHost): void; getState(): unknown; setState(s: unknown): void };
const vscode = acquireVsCodeApi();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

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
  root.append(table, el('p', 'Months are the scenario\'s daysPerMonth (default 30). Break-even: requests/day at which self-hosting costs no more than the API.', 'basis'));
}

function cell(child: HTMLElement): HTMLTableCellElement {
  const td = el('td');
  td.append(child);
  return td;
}

document.addEventListener('click', (ev) => {
  const target = (ev.target as HTMLElement).closest<HTMLElement>('[data-action="open"]');
  if (!target) return;
  ev.preventDefault();
  const file = target.closest<HTMLElement>('tr')?.dataset.file;
  if (file) vscode.postMessage({ type: 'openFile', file });
});

window.addEventListener('message', (ev: MessageEvent) => {
  const msg = hostToWebviewSchema.safeParse(ev.data);
  if (!msg.success) {
    console.warn('LLM Cost Lens: ignored a malformed message from the extension', msg.error.issues);
    return;
  }
  vscode.setState(msg.data);
  render(msg.data.rows);
});

const saved = hostToWebviewSchema.safeParse(vscode.getState());
if (saved.success) render(saved.data.rows);
vscode.postMessage({ type: 'ready' });
