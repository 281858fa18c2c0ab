// Which GPU a self-hosted counterpart runs on when the user has not pinned one: every catalog GPU is sized with
// the capacity model (enough whole replicas for the volume, or the user's fixed count), and the one whose GPUs
// cost least per month wins. An 8B model at 1,000 requests/day then lands on one L4, not on a whole H100.
import { listGpus, type Gpu } from '../catalog/gpus';
import { findOpenModel, resolveOpenModel, type OpenModel } from '../catalog/openModels';
import { CALIBRATED, estimateCapacity, gpusForVolumeFrom, PRECISIONS, replicaMaxBatch, type CapacityInput, type CapacityResult } from './capacity';

/** The value of `selfHosted.gpu.name` / `llmCostLens.selfHosted.gpu` that asks for this choice. */
export const AUTO_GPU = 'auto';

export function isAutoGpu(name: string | undefined): boolean {
  return typeof name === 'string' && name.trim().toLowerCase() === AUTO_GPU;
}

export interface GpuChoice {
  gpu: Gpu;
  result: CapacityResult;
  /** GPUs the deployment needs at the volume (the fixed count when one is given). */
  gpus: number;
  /** gpus × $/GPU-hour × hours: the figure the GPUs were ranked on. */
  computeMonthlyUsd: number;
  /** Whether `gpus` of this GPU serve the volume (always true when the count is sized for it). */
  servesVolume: boolean;
  /** One line saying which GPU and why, for the basis shown in every view. */
  why: string;
}

export interface GpuChoiceInput extends Omit<CapacityInput, 'gpu'> {
  /** Share of the month the GPUs run (rented hours bound capacity), as in deployment.ts. */
  hoursShare: number;
  hoursPerMonth: number;
  /** $/GPU-hour for a catalog GPU (rent or owned cost); null leaves the GPU out. */
  hourlyUsd: (gpu: Gpu) => number | null;
}

/**
 * The cheapest catalog GPU that holds the model and serves the volume; null when none fits.
 *
 * A GPU costs at least (its fixed count, else the fewest of it that hold the model) × $/hour × hours, so GPUs are
 * sized cheapest floor first and the rest are skipped once that floor is clearly above a GPU that serves the volume
 * (a skipped GPU could never be chosen). The choice is then made in catalog order among the GPUs sized, exactly as
 * over all of them.
 */
export function cheapestGpu(input: GpuChoiceInput): GpuChoice | null {
  const volume = input.requestsPerDay ?? 0;
  const model = validModel(input);
  const priced: { gpu: Gpu; hourly: number; index: number; floor: number }[] = [];
  listGpus().forEach((gpu, index) => {
    const hourly = input.hourlyUsd(gpu);
    if (hourly === null || !(hourly >= 0)) return;
    // A forced replica width (calibration) may be any count: then only the GPU count bounds the cost.
    const width = model && input.gpusPerReplica === undefined ? narrowestReplica(model, gpu, input) : 1;
    // No layout holds the model (width 0): sized only while no other GPU serves the volume (then it does not fit).
    const floor = width === 0 ? Infinity : (input.gpuCount ?? width) * hourly * input.hoursPerMonth;
    priced.push({ gpu, hourly, index, floor });
  });
  priced.sort((a, b) => a.floor - b.floor || a.index - b.index);
  const sized: (GpuChoice & { index: number })[] = [];
  let bound = Infinity; // the lowest monthly cost of a sized GPU that serves the volume
  for (const { gpu, hourly, index, floor } of priced) {
    if (floor > bound * (1 + SKIP_MARGIN) + SKIP_MARGIN) break;
    const result = estimateCapacity({ ...input, gpu: gpu.id, requestsPerDay: volume });
    if (!result.fits) continue;
    // Capacity per replica shrinks with the rented hours; size on what the GPUs really serve.
    const needed = gpusForVolumeFrom(result, input.hoursShare > 0 ? volume / input.hoursShare : Infinity) ?? Infinity;
    const gpus = input.gpuCount ?? needed;
    if (!Number.isFinite(gpus)) continue;
    const servesVolume = input.gpuCount === undefined || result.replicas * result.requestsPerDayPerReplica * input.hoursShare >= volume;
    const computeMonthlyUsd = gpus * hourly * input.hoursPerMonth;
    sized.push({ gpu, result, gpus, computeMonthlyUsd, servesVolume, why: '', index });
    if (servesVolume) bound = Math.min(bound, computeMonthlyUsd);
  }
  let best: GpuChoice | null = null;
  for (const c of sized.sort((a, b) => a.index - b.index)) {
    if (!best || better(c, best)) best = { gpu: c.gpu, result: c.result, gpus: c.gpus, computeMonthlyUsd: c.computeMonthlyUsd, servesVolume: c.servesVolume, why: '' };
  }
  if (!best) return null;
  best.why = explain(best, input.model, input.precision, volume, input.gpuCount !== undefined);
  return best;
}

/** The open model when the input is one the capacity model accepts (else null: estimateCapacity reports why). */
function validModel(input: GpuChoiceInput): OpenModel | null {
  const ok = (n: number) => Number.isFinite(n) && n >= 0;
  if (!PRECISIONS.includes(input.precision) || !ok(input.inputTokens) || !ok(input.outputTokens) || input.inputTokens + input.outputTokens <= 0) return null;
  return findOpenModel(input.model) ?? null;
}

/**
 * The fewest GPUs of the widths the capacity model tries (1, 2, 4 … 16) that hold the weights and one request's KV
 * cache (replicaMaxBatch, the memory test every layout passes), 0 when none does: no deployment on this GPU has
 * fewer, so it costs at least that many GPU-hours.
 */
function narrowestReplica(model: OpenModel, gpu: Gpu, input: GpuChoiceInput): number {
  for (let width = 1; width <= CALIBRATED.maxGpusPerReplica; width *= 2) {
    if (replicaMaxBatch(model, gpu, input.precision, width, input.inputTokens + input.outputTokens) >= 1) return width;
  }
  return 0;
}

/**
 * How far above the cheapest serving GPU a GPU's floor must be to skip it: far beyond better()'s tie tolerance
 * (1e-9 relative), so no GPU that could tie with or beat the winner is skipped.
 */
const SKIP_MARGIN = 1e-6;

/** Serving the volume first, then the lower monthly cost; a tie keeps the GPU with more headroom. */
function better(a: GpuChoice, b: GpuChoice): boolean {
  if (a.servesVolume !== b.servesVolume) return a.servesVolume;
  const eps = 1e-9 * Math.max(1, b.computeMonthlyUsd);
  if (Math.abs(a.computeMonthlyUsd - b.computeMonthlyUsd) > eps) return a.computeMonthlyUsd < b.computeMonthlyUsd;
  return a.result.requestsPerDayPerReplica / a.result.gpusPerReplica > b.result.requestsPerDayPerReplica / b.result.gpusPerReplica;
}

function explain(c: GpuChoice, model: string, precision: string, volume: number, fixedCount: boolean): string {
  const id = resolveOpenModel(model).id;
  const serves = `${Math.round(volume).toLocaleString('en-US')} req/day`;
  const what = c.servesVolume ? `holds ${id} ${precision} and serves ${serves}` : `holds ${id} ${precision} (no catalog GPU serves ${serves} on ${c.gpus})`;
  return `${c.gpus}× ${c.gpu.id}: cheapest catalog GPU that ${what}${fixedCount ? ` with the fixed count of ${c.gpus}` : ''}`;
}
