// GPU catalog: dense (no sparsity) peak figures, a typical on-demand rental price and a purchase price.
// Every figure carries its source and date; values only one public source supports are listed in `unconfirmed`.
import { buildAliasIndex, CatalogLookupError, closestIds, normalizeName } from './names';

export interface Gpu {
  id: string;
  vendor: 'nvidia' | 'amd';
  /** Nominal memory as marketed (decimal GB, e.g. "L4 24 GB"): labels only. */
  memoryGb: number;
  /** Memory the driver reports (nvidia-smi "Total", rocm-smi "VRAM Total Memory"), in MiB: what capacity sizing uses. */
  memoryMiB: number;
  bandwidthTBs: number;
  bf16Tflops: number;
  /** null: no FP8 tensor cores (FP8 weights then run as weight-only quantisation at the BF16 rate). */
  fp8Tflops: number | null;
  tdpWatts: number;
  hourlyUsd: number;
  purchaseUsd: number;
  aliases: readonly string[];
  sources: { specs: string; hourlyUsd: string; purchaseUsd: string };
  /** Date of the figures (the snapshot the sources were read from). */
  asOf: string;
  /** Fields backed by a single source or an estimate (⚑ in the reference). */
  unconfirmed: readonly (keyof Gpu)[];
}

const SPEC_LLM_ANALYSIS = 'cli99/llm-analysis gpu_configs + NVIDIA datasheet (via shared/reference/cost-model-facts.md)';
/** Where memoryMiB comes from: the total the driver reports on the card, read from published nvidia-smi / rocm-smi output. */
export const GPU_MEMORY_SOURCE =
  'driver-reported total (nvidia-smi "Total" MiB; MI300X rocm-smi 205,822,885,888 B), read from published tool output, 2026-12-03';
const SPEC_NVIDIA = 'NVIDIA datasheet as mirrored in public spec tables (via shared/reference/cost-model-facts.md)';

const GPUS: readonly Gpu[] = [
  {
    id: 'A100-40GB', vendor: 'nvidia', memoryGb: 40, memoryMiB: 40960, bandwidthTBs: 1.555, bf16Tflops: 312, fp8Tflops: null, tdpWatts: 400,
    hourlyUsd: 1.99, purchaseUsd: 9000,
    aliases: ['a100 40gb', 'a100-sxm4-40gb', 'nvidia a100-sxm4-40gb', 'a100 40g'],
    sources: { specs: SPEC_LLM_ANALYSIS, hourlyUsd: 'Lambda on-demand', purchaseUsd: 'estimate below A100 80GB new price (reference ⚑)' },
    asOf: '2026-01', unconfirmed: ['tdpWatts', 'purchaseUsd'],
  },
  {
    id: 'A100-80GB', vendor: 'nvidia', memoryGb: 80, memoryMiB: 81920, bandwidthTBs: 2.039, bf16Tflops: 312, fp8Tflops: null, tdpWatts: 400,
    hourlyUsd: 1.39, purchaseUsd: 11000,
    aliases: ['a100', 'a100 80gb', 'a100-sxm4-80gb', 'a100 sxm', 'nvidia a100-sxm4-80gb', 'a100 80g', 'a100 80gb sxm'],
    sources: { specs: SPEC_LLM_ANALYSIS, hourlyUsd: 'RunPod A100 80GB PCIe on-demand (Lambda SXM 2.79)', purchaseUsd: 'reference: $10–12k new' },
    asOf: '2026-01', unconfirmed: ['tdpWatts', 'purchaseUsd'],
  },
  {
    id: 'H100-SXM', vendor: 'nvidia', memoryGb: 80, memoryMiB: 81559, bandwidthTBs: 3.35, bf16Tflops: 989, fp8Tflops: 1979, tdpWatts: 700,
    hourlyUsd: 3.29, purchaseUsd: 30000,
    aliases: ['h100', 'h100 sxm', 'h100 sxm5', 'h100-sxm5-80gb', 'nvidia h100 80gb hbm3', 'h100 80gb'],
    sources: { specs: SPEC_LLM_ANALYSIS, hourlyUsd: 'RunPod on-demand (Lambda 3.99–4.29, CoreWeave 4.25)', purchaseUsd: 'reference: $25–30k' },
    asOf: '2026-01', unconfirmed: [],
  },
  {
    id: 'H100-PCIe', vendor: 'nvidia', memoryGb: 80, memoryMiB: 81559, bandwidthTBs: 2.0, bf16Tflops: 756, fp8Tflops: 1513, tdpWatts: 350,
    hourlyUsd: 3.29, purchaseUsd: 25000,
    aliases: ['h100 pcie', 'nvidia h100 pcie', 'h100-pcie-80gb'],
    sources: { specs: SPEC_LLM_ANALYSIS, hourlyUsd: 'Lambda on-demand', purchaseUsd: 'reference: H100 $25–30k (low end for PCIe)' },
    asOf: '2026-01', unconfirmed: ['purchaseUsd'],
  },
  {
    id: 'H100-NVL', vendor: 'nvidia', memoryGb: 94, memoryMiB: 95830, bandwidthTBs: 3.9, bf16Tflops: 835, fp8Tflops: 1671, tdpWatts: 400,
    hourlyUsd: 3.07, purchaseUsd: 28000,
    aliases: ['h100 nvl', 'nvidia h100 nvl', 'h100 94gb'],
    sources: { specs: SPEC_NVIDIA, hourlyUsd: 'RunPod on-demand as listed by gpu.blog (single source)', purchaseUsd: 'estimate between H100 PCIe and SXM' },
    asOf: '2026-01', unconfirmed: ['tdpWatts', 'hourlyUsd', 'purchaseUsd'],
  },
  {
    id: 'H200-SXM', vendor: 'nvidia', memoryGb: 141, memoryMiB: 143771, bandwidthTBs: 4.8, bf16Tflops: 989, fp8Tflops: 1979, tdpWatts: 700,
    hourlyUsd: 3.99, purchaseUsd: 35000,
    aliases: ['h200', 'h200 sxm', 'nvidia h200', 'h200 141gb'],
    sources: { specs: SPEC_NVIDIA, hourlyUsd: 'estimate: RunPod-class H200 rate (Lambda lists H200/B200 at 6.69–6.99)', purchaseUsd: 'reference ≈ $35k' },
    asOf: '2026-01', unconfirmed: ['hourlyUsd', 'purchaseUsd'],
  },
  {
    id: 'L4', vendor: 'nvidia', memoryGb: 24, memoryMiB: 23034, bandwidthTBs: 0.3, bf16Tflops: 121, fp8Tflops: 242, tdpWatts: 72,
    hourlyUsd: 0.49, purchaseUsd: 2500,
    aliases: ['nvidia l4', 'l4 24gb'],
    sources: { specs: SPEC_NVIDIA, hourlyUsd: 'RunPod on-demand', purchaseUsd: 'estimate from public retail listings' },
    asOf: '2026-01', unconfirmed: ['purchaseUsd'],
  },
  {
    id: 'L40S', vendor: 'nvidia', memoryGb: 48, memoryMiB: 46068, bandwidthTBs: 0.864, bf16Tflops: 362, fp8Tflops: 733, tdpWatts: 350,
    hourlyUsd: 1.09, purchaseUsd: 8500,
    aliases: ['nvidia l40s', 'l40s 48gb'],
    sources: { specs: SPEC_NVIDIA, hourlyUsd: 'RunPod (reference ⚑; 0.79–1.40 seen)', purchaseUsd: 'datastorage.com module price $7–10k' },
    asOf: '2026-01', unconfirmed: ['hourlyUsd', 'purchaseUsd'],
  },
  {
    id: 'A10G', vendor: 'nvidia', memoryGb: 24, memoryMiB: 23028, bandwidthTBs: 0.6, bf16Tflops: 70, fp8Tflops: null, tdpWatts: 150,
    hourlyUsd: 1.29, purchaseUsd: 3500,
    aliases: ['a10', 'nvidia a10g', 'nvidia a10', 'a10 24gb'],
    sources: { specs: 'cli99/llm-analysis gpu_configs (A10G BF16 ≈70, A10 125)', hourlyUsd: 'Lambda A10 on-demand', purchaseUsd: 'estimate from public retail listings' },
    asOf: '2026-01', unconfirmed: ['bf16Tflops', 'purchaseUsd'],
  },
  {
    id: 'RTX-4090', vendor: 'nvidia', memoryGb: 24, memoryMiB: 24564, bandwidthTBs: 1.008, bf16Tflops: 165, fp8Tflops: 330, tdpWatts: 450,
    hourlyUsd: 0.6, purchaseUsd: 1599,
    aliases: ['4090', 'rtx 4090', 'geforce rtx 4090', 'nvidia geforce rtx 4090'],
    sources: { specs: 'NVIDIA product page (via reference)', hourlyUsd: 'RunPod on-demand per deploybase.ai, Mar 2026', purchaseUsd: 'NVIDIA launch MSRP' },
    asOf: '2026-03', unconfirmed: ['hourlyUsd'],
  },
  {
    id: 'MI300X', vendor: 'amd', memoryGb: 192, memoryMiB: 196288, bandwidthTBs: 5.3, bf16Tflops: 1307, fp8Tflops: 2615, tdpWatts: 750,
    hourlyUsd: 1.85, purchaseUsd: 15000,
    aliases: ['amd mi300x', 'instinct mi300x', 'amd instinct mi300x', 'mi300'],
    sources: { specs: 'AMD product page (via reference)', hourlyUsd: 'Vultr on-demand (gpu.blog, cliffcenter.com 2026-05)', purchaseUsd: 'street price $10–15k (awesomeagents.ai)' },
    asOf: '2026-05', unconfirmed: ['fp8Tflops', 'hourlyUsd', 'purchaseUsd'],
  },
];

const INDEX = buildAliasIndex(GPUS);
const BY_ID = new Map(GPUS.map((g) => [g.id, g]));

export function listGpus(): readonly Gpu[] {
  return GPUS;
}

/** Tolerant lookup (`h100`, `H100 SXM`, `a100-80gb`); throws CatalogLookupError naming `field` and the valid ids. */
export function resolveGpu(name: string, field = 'selfHosted.gpu.name'): Gpu {
  const id = typeof name === 'string' ? INDEX.get(normalizeName(name)) : undefined;
  const gpu = id === undefined ? undefined : BY_ID.get(id);
  if (!gpu) {
    throw new CatalogLookupError(field, String(name), GPUS.map((g) => g.id), closestIds(String(name), INDEX), 'GPU');
  }
  return gpu;
}
