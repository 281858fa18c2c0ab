// The one-line CodeLens summary of a call site. Pure (no `vscode`), so the unit tests pin the exact text the
// editor shows, and it uses the same formatters as the CLI table so both print the same figures.
import type { CallSiteReport } from '../scan/callSite';
import { formatCount, formatUsd } from '../money';
import { volumeLabel } from './labels';

export function isApproximate(c: CallSiteReport): boolean {
  // A measured mean is a figure from production, not a tokenizer estimate.
  return !c.tokens.inputBasis.startsWith('exact') && !c.tokens.inputBasis.startsWith('measured');
}

export function volumeText(c: CallSiteReport): string {
  return volumeLabel(c.volume, c.language === 'prompt');
}

/** The lens's short form: the source only when nobody chose the volume (the comment above is in view anyway). */
function lensVolume(c: CallSiteReport): string {
  const v = c.volume;
  return `${formatCount(v.requestsPerDay)}/day${v.callsPerRequest !== 1 ? ` ×${formatCount(v.callsPerRequest)}` : ''}${v.source === 'default' ? ' (default)' : v.source === 'measured' ? ' (measured)' : ''}`;
}

export function tokensText(c: CallSiteReport): string {
  return `${isApproximate(c) ? '≈' : ''}${formatCount(c.tokens.input)} → ${formatCount(c.tokens.output)} tok`;
}

function unpricedText(c: CallSiteReport): string {
  if (c.deploymentKey) return `unpriced Azure deployment "${c.model}" (name its model: llm-cost: model=…)`;
  const s = c.cost?.suggestions ?? [];
  return `unpriced model "${c.model ?? c.assumedModel}"${c.assumedModel !== null ? ' (assumed)' : ''}${s.length ? ` (did you mean ${s.slice(0, 3).join(', ')}?)` : ''}`;
}

/**
 * e.g. `API $147/mo · hosted $5.11/mo · self-host $2,348/mo · break-even 15,937/day · at 1,000/day · ≈137 → 300 tok`
 * ("hosted": the open counterpart through the cheapest hosted API; the hover names it) (plus the model
 * when it is not a literal in the call).
 * The decision comes first and the details last: a lens wider than the editor is cut off at its end (by the
 * minimap or a split), and the hover has the rest.
 */
export function lensTitle(c: CallSiteReport): string {
  const parts: string[] = [];
  const cost = c.cost;
  if (!cost) {
    parts.push(c.problems[0] ?? 'no estimate');
  } else if (c.endpoint === 'self-hosted') {
    parts.push(cost.api ? `self-hosted endpoint · via API ${formatUsd(cost.api.monthlyUsd)}/mo` : `self-hosted endpoint · ${unpricedText(c)}`);
  } else if (!cost.api) {
    parts.push(unpricedText(c));
  } else {
    // An assumed model is part of the figure itself: say so where the figure is.
    // A settings flag (not the code) prices it as a batch job: the figure says so (the hover says which setting).
    const batch = c.pricedAsBatch !== undefined && (cost.api.price.batchDiscount ?? 0) > 0 ? ' (batch price)' : '';
    parts.push(c.assumedModel !== null ? `≈ API ${formatUsd(cost.api.monthlyUsd)}/mo${batch} at ${c.assumedModel} (assumed)` : `API ${formatUsd(cost.api.monthlyUsd)}/mo${batch}`);
    if (cost.hostedOpen) parts.push(`hosted ${formatUsd(cost.hostedOpen.monthlyUsd)}/mo`);
    if (cost.selfHosted) {
      parts.push(`self-host ${formatUsd(cost.selfHosted.monthlyUsd)}/mo`);
      const be = cost.breakEven.withOpsRequestsPerDay;
      parts.push(be === null ? 'no break-even ≤ 100× volume' : `break-even ${formatCount(be)}/day`);
    } else {
      parts.push('no self-hosted counterpart');
    }
  }
  parts.push(`at ${lensVolume(c)}`);
  // The model the price is for, unless it is the literal in the call right below (unpriced and unresolved
  // models are named above already).
  if (cost?.api && c.model !== null && c.modelSource !== 'literal') parts.push(c.model);
  parts.push(tokensText(c));
  return parts.join(' · ');
}

/**
 * Title of the second lens. It says when an `llm-cost:` comment hides a value already set; that a comment wins in
 * general is in its tooltip (the comment is in view right above, and the row must fit beside the minimap).
 */
export function setVolumeTitle(c: CallSiteReport): string {
  if (c.volume.source === 'annotation' && c.volume.hidden) return 'Set volume… (hidden by comment)';
  return 'Set volume…';
}
