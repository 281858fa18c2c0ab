// The CodeLens line of a prompt file (`.prompty`, `.prompt`). Pure, so unit tests pin the text the editor shows.
// It renders the file's `scan` call-site record (core/scan/promptFileSite.ts): the same figures as `scan --json`.
import type { PromptFileSite } from '../scan/promptFileSite';
import { formatCount, formatUsd } from '../money';
import { volumeLabel } from './labels';

/** The volume's origin in the words of a prompt file: its requestsPerDay travels as an annotation. */

/** e.g. `≈357 → 300 tok · API $140/mo (gpt-4o-mini) · self-host $3,735/mo · at 20,000/day (front matter)` */
export function promptLensTitle(e: PromptFileSite): string {
  const s = e.site;
  if (!s) return `not costed: ${e.skipped ?? 'no template text'}`;
  const approximate = !s.tokens.inputBasis.startsWith('exact');
  const parts = [`${approximate ? '≈' : ''}${formatCount(s.tokens.input)} → ${formatCount(s.tokens.output)} tok`];
  const api = s.cost?.api ?? null;
  const selfHosted = s.cost?.selfHosted ?? null;
  const model = s.model ?? s.assumedModel;
  if (!api) parts.push(`unpriced model "${model}"${s.assumedModel !== null ? ' (assumed)' : ''}${s.cost?.suggestions.length ? ` (did you mean ${s.cost.suggestions.slice(0, 3).join(', ')}?)` : ''}`);
  else if (s.model === null) parts.push(`≈ API ${formatUsd(api.monthlyUsd)}/mo at ${model} (assumed; set \`model:\` in the front matter)`);
  else parts.push(`API ${formatUsd(api.monthlyUsd)}/mo (${s.model})`);
  if (selfHosted) parts.push(`self-host ${formatUsd(selfHosted.monthlyUsd)}/mo`);
  else parts.push('no self-hosted counterpart');
  parts.push(`at ${volumeLabel(s.volume, true)}`);
  return parts.join(' · ');
}

/** The lens tooltip: what was counted and assumed. */
export function promptLensTooltip(e: PromptFileSite): string {
  const s = e.site;
  if (!s) return `Not costed: ${e.skipped ?? 'no template text'}`;
  const lines = [
    `Input: ${s.tokens.inputBasis}`,
    ...s.tokens.parts.map((p) => `  ${p.role}: ${formatCount(p.tokens)} tok${p.placeholders.length ? ` (placeholders ${p.placeholders.map((x) => `${x.name}=${x.tokens}`).join(', ')})` : ''}`),
    `Output: ${s.tokens.outputBasis}`,
    `Model: ${s.model ?? `none, priced at ${s.assumedModel} (${s.assumedFrom})`} (${s.modelSource === 'literal' ? 'front matter' : s.modelSource})${s.openModel.model ? `, self-hosted as ${s.openModel.model}` : ''}`,
    ...(s.volume.hidden ? [s.volume.hidden] : []),
    ...s.problems,
    ...(s.cost?.notes ?? []),
  ];
  return lines.join('\n');
}
