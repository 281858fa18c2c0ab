// GPU-to-GPU bandwidth for expert-parallel MoE serving: every MoE layer sends each token's hidden state to the GPUs
// holding its k experts and gathers the results back (all-to-all). GB/s per GPU, one direction, peak; the fraction an
// all-to-all reaches is CALIBRATED.expertParallelLinkEfficiency. Keyed by catalog GPU id (catalog/gpus.ts).

export interface GpuLink { gbPerSecond: number; kind: string; source: string }

const NVLINK4 = 'NVIDIA H100/H200 SXM datasheet: NVLink 4, 900 GB/s bidirectional';
const PCIE4 = 'PCIe Gen4 x16, ≈32 GB/s per direction (no NVLink on this card)';

const LINKS: Readonly<Record<string, GpuLink>> = {
  'A100-40GB': { gbPerSecond: 300, kind: 'NVLink 3', source: 'NVIDIA A100 datasheet: NVLink 3, 600 GB/s bidirectional (SXM)' },
  'A100-80GB': { gbPerSecond: 300, kind: 'NVLink 3', source: 'NVIDIA A100 datasheet: NVLink 3, 600 GB/s bidirectional (SXM; PCIe cards use a 2-GPU bridge)' },
  'H100-SXM': { gbPerSecond: 450, kind: 'NVLink 4', source: NVLINK4 },
  'H200-SXM': { gbPerSecond: 450, kind: 'NVLink 4', source: NVLINK4 },
  'H100-NVL': { gbPerSecond: 300, kind: 'NVLink bridge', source: 'NVIDIA H100 NVL datasheet: NVLink bridge 600 GB/s bidirectional (GPU pairs)' },
  'H100-PCIe': { gbPerSecond: 64, kind: 'PCIe Gen5', source: 'PCIe Gen5 x16, ≈64 GB/s per direction' },
  'L4': { gbPerSecond: 32, kind: 'PCIe Gen4', source: PCIE4 },
  'L40S': { gbPerSecond: 32, kind: 'PCIe Gen4', source: PCIE4 },
  'A10G': { gbPerSecond: 32, kind: 'PCIe Gen4', source: PCIE4 },
  'RTX-4090': { gbPerSecond: 32, kind: 'PCIe Gen4', source: PCIE4 },
  'MI300X': { gbPerSecond: 448, kind: 'Infinity Fabric', source: 'AMD MI300X product page: 7 Infinity Fabric links × 64 GB/s per direction (single source ⚑)' },
};

/** The link of a catalog GPU; an id not in the table gets PCIe Gen4 (the slowest common case) rather than a guess. */
export function gpuLink(gpuId: string): GpuLink {
  return LINKS[gpuId] ?? { gbPerSecond: 32, kind: 'PCIe Gen4 (assumed)', source: `${PCIE4}; ${gpuId} has no link entry` };
}
