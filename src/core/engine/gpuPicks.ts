// The engine's "auto" GPU choices, memoized. Sizing a counterpart on every catalog GPU is the costly part of an
// estimate, and call sites that differ only in their API model (gpt-4o-mini and gpt-4.1-nano both map to
// gpt-oss-20b) or in their prices ask for the same choice: 129 distinct estimates on the bench tree need 80.
// The key is every input pickGpu reads: the scenario's selfHosted and workload sections and the three figures the
// deployment derives from them; the GPU catalog is the owner (a module constant, so by identity). Stored picks are
// deep-frozen: the deployment only reads them, and nobody can change one that another estimate is handed.
import { listGpus, type Gpu } from '../catalog/gpus';
import type { Scenario } from '../config';
import { pickGpu, type GpuPick, type GpuPicker } from '../economics/deployment';
import { deepFreeze, valueKey, type KeyedMemo } from './memo';

export type GpuPickMemo = KeyedMemo<readonly Gpu[], GpuPick>;

/** pickGpu through `memo`: an equal key, the pick computed first (frozen). */
export function memoPickGpu(memo: GpuPickMemo): GpuPicker {
  return (s, hoursPerMonth, hoursShare, utilization) =>
    memo.get(listGpus(), gpuPickKey(s, hoursPerMonth, hoursShare, utilization), () => deepFreeze(pickGpu(s, hoursPerMonth, hoursShare, utilization)));
}

export function gpuPickKey(s: Scenario, hoursPerMonth: number, hoursShare: number, utilization: number): string {
  return valueKey([s.selfHosted ?? null, s.workload, hoursPerMonth, hoursShare, utilization]);
}
