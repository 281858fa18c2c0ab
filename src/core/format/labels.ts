// One function per recurring phrase of the views (volume, deployment), so the scan table, the cost report, the
// hover, the prompt-file lens and the status bar say the same thing the same way.
import { formatCount, formatUsd } from '../money';

export interface VolumeLike {
  requestsPerDay: number;
  callsPerRequest: number;
  source: string;
}

/** Where the volume came from, in the words of the file it was set in: a prompt file's annotation is its front matter. */
export function volumeSourceLabel(source: string, promptFile: boolean): string {
  return promptFile && source === 'annotation' ? 'front matter' : source;
}

/** `2,500/day ×3 calls (settings)`: requests per day, model calls per request when not 1, and the source. */
export function volumeLabel(v: VolumeLike, promptFile: boolean): string {
  return `${formatCount(v.requestsPerDay)}/day${v.callsPerRequest !== 1 ? ` ×${formatCount(v.callsPerRequest)} calls` : ''} (${volumeSourceLabel(v.source, promptFile)})`;
}

export interface DeploymentLike {
  openModel: string;
  gpus: number | null;
  gpu?: string | null;
  gpuChoice?: string | null;
  requestsPerDay: number;
  opsMonthlyUsd: number;
  setupMonthlyUsd: number;
}

/**
 * `llama-3.3-70b: 2 GPUs (H100-SXM), 1,000 calls/day` (`name` lets a Markdown view pass the escaped model name).
 * An auto-sized GPU's reason already names the volume it serves ("… serves 70,000 req/day"): not said twice.
 */
export function deploymentHead(d: DeploymentLike, name = d.openModel): string {
  const volume = formatCount(d.requestsPerDay);
  const saysVolume = d.gpuChoice ? d.gpuChoice.includes(`serves ${volume} `) : false;
  return `${name}: ${gpusText(d)}${saysVolume ? '' : `, ${volume} calls/day`}`;
}

/** `ops $1,000, setup $333`: the monthly overheads inside a deployment's cost. */
export function deploymentOverheads(d: DeploymentLike): string {
  return `ops ${formatUsd(d.opsMonthlyUsd)}, setup ${formatUsd(d.setupMonthlyUsd)}`;
}

/** "1× L4: cheapest catalog GPU that …" when the GPU was chosen, else "2 GPUs (H100-SXM)". */
export function gpusText(d: { gpus: number | null; gpu?: string | null; gpuChoice?: string | null }): string {
  if (d.gpuChoice) return d.gpuChoice;
  return `${d.gpus ?? '?'} GPU${d.gpus === 1 ? '' : 's'}${d.gpu ? ` (${d.gpu})` : ''}`;
}
