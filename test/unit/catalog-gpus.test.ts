import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GPU_MEMORY_SOURCE, listGpus, resolveGpu } from '../../src/core/catalog/gpus';
import { CatalogLookupError } from '../../src/core/catalog/names';

const REQUIRED = ['A100-40GB', 'A100-80GB', 'H100-SXM', 'H100-PCIe', 'H100-NVL', 'H200-SXM', 'L4', 'L40S', 'A10G', 'RTX-4090', 'MI300X'];

test('catalog has every required GPU with sourced, dated, positive figures', () => {
  const ids = listGpus().map((g) => g.id);
  for (const id of REQUIRED) assert.ok(ids.includes(id), `missing ${id}`);
  for (const g of listGpus()) {
    for (const k of ['memoryGb', 'memoryMiB', 'bandwidthTBs', 'bf16Tflops', 'tdpWatts', 'hourlyUsd', 'purchaseUsd'] as const) {
      assert.ok(Number.isFinite(g[k]) && g[k] > 0, `${g.id}.${k} = ${g[k]}`);
    }
    assert.ok(g.fp8Tflops === null || g.fp8Tflops > g.bf16Tflops, `${g.id} fp8 must exceed bf16`);
    assert.match(g.asOf, /^\d{4}-\d{2}/);
    for (const s of Object.values(g.sources)) assert.ok(s.length > 5, `${g.id} source`);
  }
});

test('figures match the reference table', () => {
  assert.equal(resolveGpu('H100-SXM').bandwidthTBs, 3.35);
  assert.equal(resolveGpu('H200-SXM').memoryGb, 141);
  assert.equal(resolveGpu('L4').bandwidthTBs, 0.3);
  assert.equal(resolveGpu('A100-80GB').fp8Tflops, null);
  assert.equal(resolveGpu('MI300X').bf16Tflops, 1307);
  assert.ok(resolveGpu('MI300X').unconfirmed.includes('fp8Tflops'), 'MI300X FP8 is flagged ⚑ in the reference');
});

test('memory the driver reports, not the marketed figure: within a few % of nominal, and what sizing uses', () => {
  for (const g of listGpus()) {
    const ratio = (g.memoryMiB * 2 ** 20) / (g.memoryGb * 1e9);
    assert.ok(ratio > 0.95 && ratio < 1.1, `${g.id}: ${g.memoryMiB} MiB vs ${g.memoryGb} GB nominal`);
  }
  // nvidia-smi totals: an "80 GB" H100 reports 81,559 MiB (79.6 GiB), a "24 GB" L4 23,034 MiB (22.5 GiB).
  assert.equal(resolveGpu('H100-SXM').memoryMiB, 81_559);
  assert.equal(resolveGpu('L4').memoryMiB, 23_034);
  assert.equal(resolveGpu('H200-SXM').memoryMiB, 143_771);
  assert.ok(GPU_MEMORY_SOURCE.includes('nvidia-smi'));
});

test('tolerant name resolution', () => {
  const cases: Array<[string, string]> = [
    ['h100', 'H100-SXM'], ['H100 SXM', 'H100-SXM'], ['h100-sxm5', 'H100-SXM'], ['NVIDIA H100 80GB HBM3', 'H100-SXM'],
    ['a100-80gb', 'A100-80GB'], ['A100 40GB', 'A100-40GB'], ['h100 pcie', 'H100-PCIe'], ['H100_NVL', 'H100-NVL'],
    ['h200', 'H200-SXM'], ['rtx4090', 'RTX-4090'], ['GeForce RTX 4090', 'RTX-4090'], ['amd instinct mi300x', 'MI300X'],
    ['l40s', 'L40S'], ['nvidia l4', 'L4'], ['a10g', 'A10G'],
  ];
  for (const [input, id] of cases) assert.equal(resolveGpu(input).id, id, input);
});

test('unknown GPU names the field and lists valid names', () => {
  assert.throws(() => resolveGpu('H1000'), (e: unknown) => {
    assert.ok(e instanceof CatalogLookupError);
    assert.equal(e.field, 'selfHosted.gpu.name');
    assert.match(e.message, /unknown GPU "H1000"/);
    assert.match(e.message, /H100-SXM/);
    assert.ok(e.valid.includes('MI300X'));
    return true;
  });
});
