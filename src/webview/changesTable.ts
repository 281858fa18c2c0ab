// "Changes vs base": the call sites the saved files add, remove or change against the default branch, as
// `llm-cost-lens diff` reports them. Absent (no section) outside a git repository or while nothing changed.
import type { ChangesViewMessage } from '../core/protocol/messages';
import { cell, el } from './dom';

export function renderChanges(root: HTMLElement, view: ChangesViewMessage | null): void {
  if (!view || view.rows.length === 0) return;
  const section = el('section');
  section.id = 'changes-section';
  section.append(el('h2', 'Changes vs base'), el('p', view.headline, 'headline'));
  const table = el('table');
  table.id = 'changes';
  table.append(el('caption', `Files as saved against ${view.base}; policy ${view.policy}; prices ${view.prices}. Δ counts the API bill only.`, 'basis'));
  const head = el('tr');
  for (const h of ['Call site', 'Change', 'Model', 'Tokens in / out', 'Volume', 'API $/mo', 'Δ $/mo']) head.append(el('th', h));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const r of view.rows) {
    const tr = el('tr');
    const where = `${r.file}${r.line !== null ? `:${r.line}` : ''} ${r.qualifiedName}`;
    let first: HTMLElement = el('span', where);
    if (r.line !== null) {
      const link = el('a', where);
      link.href = '#';
      link.dataset.action = 'open-callsite';
      link.dataset.file = r.file;
      link.dataset.line = String(r.line);
      link.dataset.column = String(r.column ?? 1);
      first = link;
    }
    tr.append(cell(first), cell(r.change), cell(r.model), cell(r.tokens, 'num'), cell(r.volume, 'num'), cell(r.cost, 'num'), cell(r.delta, 'num'));
    table.tBodies[0]!.append(tr);
  }
  section.append(table);
  root.append(section);
}
