// The scenario files of the workspace (scenarios/*.json) with the engine's figures and a chart of the selected one.
import type { ScenarioRow } from '../core/protocol/messages';
import { formatCount, formatUsd } from '../core/money';
import { renderBreakEvenChart } from './chart';
import { cell, el } from './dom';

export function renderScenarios(root: HTMLElement, rows: ScenarioRow[], selected: string | null): void {
  const section = el('section');
  section.id = 'scenarios-section';
  section.append(el('h2', 'Scenario files'));
  root.append(section);
  if (rows.length === 0) {
    section.append(el('p', 'No scenario files found (scenarios/*.json in the workspace).', 'empty'));
    return;
  }
  const table = el('table');
  table.id = 'scenarios';
  const head = el('tr');
  for (const h of ['Scenario', 'API $/mo', 'Self-hosted $/mo', 'Break-even (ops)', 'Break-even (compute)', 'Verdict', 'Prices']) head.append(el('th', h));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  const current = selectedScenario(rows, selected);
  for (const r of rows) {
    const tr = el('tr');
    tr.dataset.file = r.file;
    tr.dataset.action = 'select-scenario';
    tr.tabIndex = 0;
    if (r.file === current) tr.classList.add('selected');
    const link = el('a', r.file);
    link.href = '#';
    link.dataset.action = 'open-scenario';
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
  section.append(table, el('p', 'Months are the scenario\'s daysPerMonth (default 30). Break-even: requests/day at which self-hosting costs no more than the API. Select a row for its chart.', 'basis'));
  const row = rows.find((r) => r.file === current);
  const box = el('section');
  box.id = 'chart';
  section.append(box);
  if (!row?.curve) return;
  box.append(el('h3', `Monthly cost vs requests/day — ${row.file}`));
  box.append(renderBreakEvenChart(row.curve, { width: chartWidth(root), height: 320, formatUsd, formatCount }));
}

export function chartWidth(root: HTMLElement): number {
  return Math.max(360, Math.min(900, root.clientWidth || 720));
}

function selectedScenario(rows: ScenarioRow[], selected: string | null): string | null {
  return rows.find((r) => r.file === selected && r.curve)?.file ?? rows.find((r) => r.curve)?.file ?? null;
}
