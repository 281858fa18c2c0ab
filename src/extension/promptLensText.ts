// The CodeLens line of a prompt file (`.prompty`, `.prompt`). Pure, so unit tests pin the text the editor shows.
import type { PromptFileEstimate } from '../core/prompts/promptFile';
import { formatCount, formatUsd } from '../core/format/money';

/** e.g. `≈357 → 300 tok · API $140/mo (gpt-4o-mini) · self-host $3,735/mo · at 20,000/day (front matter)` */
export function promptLensTitle(e: PromptFileEstimate): string {
  const parts = [`${e.tokens.approximate ? '≈' : ''}${formatCount(e.tokens.input)} → ${formatCount(e.tokens.output)} tok`];
  if (e.model === null) parts.push('no model (set `model:` in the front matter)');
  else if (!e.api) parts.push(`unpriced model "${e.model}"${e.suggestions.length ? ` (did you mean ${e.suggestions.slice(0, 3).join(', ')}?)` : ''}`);
  else parts.push(`API ${formatUsd(e.api.monthlyUsd)}/mo (${e.model})`);
  if (e.selfHosted) parts.push(`self-host ${formatUsd(e.selfHosted.monthlyUsd)}/mo`);
  else if (e.model !== null) parts.push('no self-hosted counterpart');
  parts.push(`at ${formatCount(e.volume.requestsPerDay)}/day (${e.volume.source})`);
  return parts.join(' · ');
}

/** The lens tooltip: what was counted and assumed. */
export function promptLensTooltip(e: PromptFileEstimate): string {
  const lines = [
    `Input: ${e.tokens.inputBasis}`,
    ...e.tokens.parts.map((p) => `  ${p.role}: ${formatCount(p.tokens)} tok${p.placeholders.length ? ` (placeholders ${p.placeholders.map((x) => `${x.name}=${x.tokens}`).join(', ')})` : ''}`),
    `Output: ${e.tokens.outputBasis}`,
    `Model: ${e.model ?? 'none'}${e.modelKey ? ` (front matter ${e.modelKey})` : ''}${e.openModel ? `, self-hosted as ${e.openModel}` : ''}`,
    ...e.problems,
  ];
  return lines.join('\n');
}
