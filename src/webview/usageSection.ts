// The panel's "Usage measurements" section: which usage files were read, what they cover, what could not be used
// and which records matched no call site — the same lines as the CLI table, prepared by the host.
import { el } from './dom';

export function renderUsage(root: HTMLElement, lines: readonly string[] | undefined): void {
  if (!lines) return;
  const section = el('section');
  section.id = 'usage';
  section.append(el('h2', 'Usage measurements'), el('p', 'From llmCostLens.usageFiles (LLM Cost Lens: Import Usage…). Annotations and llmCostLens.callSites still win over measured volume.', 'basis'));
  const list = el('ul');
  // Indented lines are details of the line above (a source's unusable records, an unmatched model): muted.
  for (const line of lines) list.append(el('li', line.trim(), line.startsWith('    ') ? 'basis' : undefined));
  section.append(list);
  root.append(section);
}
