// Issue #11 (5): MoE capacity — memory from total parameters, compute from active ones, weight traffic per decode
// step from the experts a batch touches — against published measurements of every catalog MoE family
// (economics/moeCalibration.ts, each set with its source and date). Prints measured ÷ predicted for every point.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CALIBRATION_DATA, calibrationTable, formatCalibrationTable } from '../../src/core/economics/capacityCalibration';
import { MOE_CALIBRATION_SETS, moeCalibrationTable, type MoeCalibrationRow } from '../../src/core/economics/moeCalibration';
import { allToAllSecondsPerToken, expertParallelImbalance, linearSeconds, offGpuCopiesPerToken, prefillTokensPerPass, residentParamsB } from '../../src/core/economics/moe';
import { gpuLink } from '../../src/core/economics/moeLinks';
import { CALIBRATED, decodeAttentionFlopsPerContextToken, replicaMaxBatch, replicaPerformance, replicaThroughputAtBatch, weightBytesReadPerStep } from '../../src/core/economics/capacity';
import { listOpenModels, resolveOpenModel } from '../../src/core/catalog/openModels';
import { listGpus, resolveGpu } from '../../src/core/catalog/gpus';

const key = (r: { model: string; gpu: string; gpus: number; inputTokens: number; outputTokens: number }): string =>
  `${r.model} ${r.gpu}×${r.gpus} ${r.inputTokens}/${r.outputTokens}`;

/**
 * Points the fitted model misses by more than ±30 % (measured ÷ predicted), kept here so the miss is visible and a
 * change to the model that moves any point in or out of the band has to update this list (see the README table).
 */
const OUT_OF_BAND = new Set<string>([
  // Empty since the expert-parallel imbalance term (economics/moe.ts expertParallelImbalance): every point is within
  // ±30 %. Before it, Mixtral 8x7B on one H100 128/2048 and 1000/1000 (1.43, 1.34) were out.
]);

const rows: MoeCalibrationRow[] = moeCalibrationTable();

test('MoE calibration table (printed): every point has a source and date; the fit is global', () => {
  const { moeBatchPerGpu, moeHalfEfficiencyTokens, prefillTokensPerPass, expertParallelLinkEfficiency, rooflineOverlapExponent, usableMemoryFraction } = CALIBRATED;
  console.log(`\nMoE measured ÷ predicted; params ${JSON.stringify({ moeBatchPerGpu, moeHalfEfficiencyTokens, prefillTokensPerPass, expertParallelLinkEfficiency, rooflineOverlapExponent, usableMemoryFraction })}`);
  for (const set of MOE_CALIBRATION_SETS) {
    console.log(`\n${set.source}\n  ${set.url}, read ${set.asOf}, ${set.engine}\n${formatCalibrationTable(calibrationTable(set.points))}`);
    assert.ok(set.source.length > 10 && set.url.length > 10 && /^\d{4}-\d{2}-\d{2}$/.test(set.asOf), set.source);
  }
  const ratios = rows.map((r) => r.ratio);
  const inBand = ratios.filter((x) => x >= 0.7 && x <= 1.3).length;
  const rms = Math.sqrt(ratios.reduce((a, x) => a + Math.log(x) ** 2, 0) / ratios.length);
  console.log(`\n${rows.length} points, ${inBand} within ±30 %, range ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}, rms log error ${rms.toFixed(3)}`);
  // Every catalog MoE family has measured points on catalog GPUs, except Qwen3-30B-A3B (published only on Blackwell).
  const families = new Set(rows.map((r) => r.model));
  for (const m of listOpenModels().filter((x) => x.moe)) {
    if (m.id === 'qwen3-30b-a3b' || m.id === 'deepseek-v3') continue; // deepseek-v3 = deepseek-r1's architecture
    assert.ok(families.has(m.id), `no calibration point for ${m.id}`);
  }
});

for (const row of rows) {
  const k = key(row);
  test(`MoE ${k} (${row.source}): measured ÷ predicted ${OUT_OF_BAND.has(k) ? 'is a recorded miss' : 'within ±30 %'}`, () => {
    console.log(`${k}: measured ${row.outputTokensPerSecond}, predicted ${Math.round(row.predicted)}, ratio ${row.ratio.toFixed(2)}`);
    const inside = row.ratio >= 0.7 && row.ratio <= 1.3;
    assert.equal(inside, !OUT_OF_BAND.has(k), `ratio ${row.ratio.toFixed(3)}: update OUT_OF_BAND and the README table`);
    assert.ok(row.ratio >= 0.67 && row.ratio <= 1.5, `ratio ${row.ratio.toFixed(3)} beyond the recorded spread (0.72–1.26)`);
  });
}

test('dense calibration does not regress: every point within ±15 %', () => {
  for (const r of calibrationTable(CALIBRATION_DATA.points)) {
    assert.ok(r.ratio >= 0.85 && r.ratio <= 1.15, `${r.model} ${r.gpu} ${r.inputTokens}/${r.outputTokens}: ${r.ratio.toFixed(3)}`);
  }
});

test('weight bytes per decode step: always-read weights + the expected distinct experts E·(1−(1−k/E)^B), by hand', () => {
  const m = resolveOpenModel('qwen3-235b-a22b'); // 235B total, 22B active, 128 experts, top-8, no shared expert
  const perExpert = (235 - 22) / (128 - 8); // B of parameters per routed expert (over all MoE layers)
  const always = 22 - 8 * perExpert;
  for (const batch of [1, 4, 32, 256]) {
    const distinct = 128 * (1 - Math.pow(1 - 8 / 128, batch));
    const want = (always + distinct * perExpert) * 1e9; // fp8: 1 byte per parameter
    assert.ok(Math.abs(weightBytesReadPerStep(m, 1, batch) - want) < 1, `B=${batch}`);
  }
  // One token reads exactly the active parameters; a large batch reads (almost) all of them.
  assert.ok(Math.abs(weightBytesReadPerStep(m, 1, 1) - 22e9) < 1);
  assert.ok(weightBytesReadPerStep(m, 1, 256) > 0.999 * 235e9);
  // Shared experts are read every step: Llama 4 Maverick (top-1 of 128 + 1 shared) at B = 1 reads its 17B active.
  const mav = resolveOpenModel('llama-4-maverick');
  assert.ok(Math.abs(weightBytesReadPerStep(mav, 1, 1) - 17e9) < 1);
  const mavExpert = (400 - 17) / 127;
  const want64 = (17 - mavExpert + 128 * (1 - Math.pow(127 / 128, 64)) * mavExpert) * 1e9;
  assert.ok(Math.abs(weightBytesReadPerStep(mav, 1, 64) - want64) < 1, 'B=64: 128·(1−(127/128)^64) ≈ 50 experts');
  const dense = resolveOpenModel('llama-3.1-8b');
  assert.equal(weightBytesReadPerStep(dense, 1, 256), 8e9, 'dense: every parameter every step');
});

test('MoE step by hand: always-active weights at the dense rate, routed experts at t ÷ (t + t½) of it, memory and compute combined by the overlap exponent', () => {
  const m = resolveOpenModel('mixtral-8x7b'); // 46.7B / 12.9B, 8 experts top-2, no shared expert
  const gpu = resolveGpu('H100-SXM');
  const p = CALIBRATED;
  const flops = 1979e12 * p.computeEfficiency;
  const perExpert = (46.7 - 12.9) / 6;
  const always = 12.9 - 2 * perExpert;
  const batch = 64;
  const t = (batch * 2) / 8; // tokens per expert in one decode step
  const eff = t / (t + p.moeHalfEfficiencyTokens);
  const linear = (2 * batch * 1e9 * (always + (2 * perExpert) / eff)) / flops;
  const attn = (batch * 4 * (32 * 32 * 128) * (1000 + 100 / 2)) / flops;
  const bw = 3.35e12 * p.memoryBandwidthEfficiency;
  const kv = 2 * 32 * 8 * 128; // fp8 cache
  const memory = ((always + 8 * (1 - Math.pow(1 - 2 / 8, batch)) * perExpert) * 1e9 + batch * 1050 * kv) / bw;
  const n = p.rooflineOverlapExponent;
  const step = Math.pow(memory ** n + (linear + attn) ** n, 1 / n); // one GPU: no all-to-all
  const r = replicaThroughputAtBatch(m, gpu, 'fp8', 1, 1000, 100, batch);
  assert.ok(Math.abs(r.stepSeconds - step) < 1e-12, `${r.stepSeconds} vs ${step}`);
  assert.ok(step > Math.max(memory, linear + attn) && step < memory + linear + attn, 'between the ideal roofline and no overlap');
  // Prefill: prefillTokensPerPass tokens per pass on one GPU, so the routed experts see 8192·2/8 = 2048 tokens each.
  const tp = (p.prefillTokensPerPass * 2) / 8;
  const prefill = (2 * 1000 * 1e9 * (always + (2 * perExpert) * (tp + p.moeHalfEfficiencyTokens) / tp)) / flops
    + (2 * (32 * 32 * 128) * 1000 * 1000) / flops;
  assert.ok(Math.abs(r.prefillSecondsPerRequest - prefill) < 1e-12);
  // Attention data-parallel: on 4 GPUs each rank fills its own pass, so the experts see 4 × 8,192 prompt tokens.
  assert.equal(prefillTokensPerPass(m, 4, p), 4 * p.prefillTokensPerPass);
  assert.equal(prefillTokensPerPass(resolveOpenModel('llama-3.3-70b'), 4, p), p.prefillTokensPerPass, 'dense: one pass per replica');
});

test('memory by hand: KV gets usableMemoryFraction of what weights and runtime buffers leave; attention-DP replicas copy the always-active weights', () => {
  const p = CALIBRATED;
  const GiB = 2 ** 30;
  // Dense: Llama 3.3 70B fp8 on one H100 (the tight case: 70.6 GB of weights in the 81,559 MiB nvidia-smi reports).
  const dense = resolveOpenModel('llama-3.3-70b');
  const room = p.usableMemoryFraction * ((81_559 / 1024 - p.runtimeOverheadGiBPerGpu) * GiB - 70.6e9);
  const perRequest = 2 * 80 * 8 * 128 * 2176; // fp8 KV bytes for 128 + 2,048 tokens
  assert.equal(replicaMaxBatch(dense, resolveGpu('H100-SXM'), 'fp8', 1, 2176), Math.floor(room / perRequest));
  assert.equal(residentParamsB(dense, 8), 70.6, 'dense: tensor parallel splits every weight');
  // MoE: Qwen3-235B on 8 GPUs holds 235B + 7 extra copies of its always-active 22 − 8·(213/120) B.
  const q = resolveOpenModel('qwen3-235b-a22b');
  const always = 22 - 8 * (213 / 120);
  assert.ok(Math.abs(residentParamsB(q, 8) - (235 + 7 * always)) < 1e-9);
  assert.equal(residentParamsB(q, 1), 235);
  const qRoom = p.usableMemoryFraction * ((143_771 / 1024 - p.runtimeOverheadGiBPerGpu) * GiB * 8 - (235 + 7 * always) * 1e9);
  const qPerRequest = 2 * 94 * 4 * 128 * 2000; // fp8 KV for 1,000 + 1,000 tokens
  assert.equal(replicaMaxBatch(q, resolveGpu('H200-SXM'), 'fp8', 8, 2000), Math.min(Math.floor(qRoom / qPerRequest), p.moeBatchPerGpu * 8));
});

test('decode attention FLOPs by hand: GQA 4 × heads × headDim per layer; DeepSeek MLA in its 512 + 64 latent', () => {
  assert.equal(decodeAttentionFlopsPerContextToken(resolveOpenModel('llama-3.1-8b')), 32 * 4 * 32 * 128);
  // 61 layers × 128 heads × 2 FLOPs × (q·k over 512 + 64, values over 512).
  assert.equal(decodeAttentionFlopsPerContextToken(resolveOpenModel('deepseek-r1')), 61 * 128 * 2 * (2 * 512 + 64));
});

test('replicaThroughputAtBatch (the serving-policy hook) by hand, and replicaPerformance = it at replicaMaxBatch', () => {
  const m = resolveOpenModel('llama-3.1-8b');
  const gpu = resolveGpu('H100-SXM');
  // Batch 1, fp8, 1,000 in / 1,000 out on one H100: memory-bound decode.
  const bw = 3.35e12 * CALIBRATED.memoryBandwidthEfficiency;
  const kv = 2 * 32 * 8 * 128 * 1; // bytes per token, fp8 cache
  const flops = 1979e12 * CALIBRATED.computeEfficiency;
  const memory = (8e9 + 1 * 1500 * kv) / bw;
  const compute = (2 * 8e9 + 4 * (32 * 32 * 128) * 1500) / flops;
  const n = CALIBRATED.rooflineOverlapExponent;
  const step = Math.pow(memory ** n + compute ** n, 1 / n);
  const prefill = (2 * 8e9 * 1000 + 2 * (32 * 32 * 128) * 1000 * 1000) / flops;
  const t = replicaThroughputAtBatch(m, gpu, 'fp8', 1, 1000, 1000, 1);
  assert.ok(Math.abs(t.stepSeconds - step) < 1e-12, `${t.stepSeconds} vs ${step}`);
  assert.ok(Math.abs(t.prefillSecondsPerRequest - prefill) < 1e-12);
  assert.ok(Math.abs(t.requestsPerSecond - 1 / (prefill + 1000 * step)) < 1e-12);
  assert.equal(t.decodeBound, 'memory');
  const full = replicaPerformance(m, gpu, 'fp8', 1, 1000, 1000);
  assert.equal(full.maxBatch, replicaMaxBatch(m, gpu, 'fp8', 1, 2000));
  assert.equal(full.requestsPerSecond, replicaThroughputAtBatch(m, gpu, 'fp8', 1, 1000, 1000, full.maxBatch).requestsPerSecond);
  assert.ok(t.requestsPerSecond < full.requestsPerSecond, 'a latency cap on the batch lowers throughput');
});

test('expert-parallel all-to-all by hand: one copy per destination GPU × hidden × MoE layers × 3 bytes, over tp links', () => {
  const m = resolveOpenModel('qwen3-235b-a22b'); // top-8, hidden 4096, 94 MoE layers
  const p = CALIBRATED;
  // 8 experts on 8 GPUs: each of the 7 other GPUs gets a copy with probability 1 − (7/8)^8 (≈ 4.6 copies, not 7).
  const copies = 7 * (1 - Math.pow(7 / 8, 8));
  assert.ok(Math.abs(offGpuCopiesPerToken(8, 8) - copies) < 1e-12);
  assert.ok(Math.abs(offGpuCopiesPerToken(1, 8) - 7 / 8) < 1e-12, 'top-1: (tp − 1)/tp');
  assert.equal(offGpuCopiesPerToken(8, 1), 0);
  const perToken = (copies * 4096 * 94 * 3) / (8 * 450e9 * p.expertParallelLinkEfficiency);
  assert.ok(Math.abs(allToAllSecondsPerToken(m, 'H200-SXM', 8, p) - perToken) < 1e-18);
  assert.equal(allToAllSecondsPerToken(m, 'H200-SXM', 1, p), 0, 'one GPU: nothing crosses a link');
  assert.equal(allToAllSecondsPerToken(resolveOpenModel('llama-3.3-70b'), 'H200-SXM', 8, p), 0, 'dense: no all-to-all');
  // PCIe cards pay 14× the NVLink time; an unknown id is costed as PCIe Gen4, never as NVLink.
  assert.ok(Math.abs(allToAllSecondsPerToken(m, 'L40S', 8, p) / perToken - 450 / 32) < 1e-9);
  assert.equal(gpuLink('not-a-gpu').gbPerSecond, 32);
  for (const g of listGpus()) assert.ok(gpuLink(g.id).source.length > 10 && !gpuLink(g.id).kind.includes('assumed'), `${g.id} has a link entry`);
  // Decode step = roofline + batch × all-to-all.
  const t = replicaThroughputAtBatch(m, resolveGpu('H200-SXM'), 'fp8', 8, 1000, 1000, 256);
  const t1 = replicaThroughputAtBatch(m, resolveGpu('H200-SXM'), 'fp8', 8, 1000, 1000, 256, { ...p, expertParallelLinkEfficiency: 1e12 });
  assert.ok(Math.abs(t.stepSeconds - t1.stepSeconds - 256 * perToken) < 1e-12);
});

test('expert-parallel imbalance by hand: 1 on one GPU and for dense models, 1 + c·log2(tp) on tp GPUs, c from TensorRT-LLM EP 32', () => {
  const p = CALIBRATED;
  // TensorRT-LLM tech blog 4, Table 1: DeepSeek-R1 at EP 32 without EPLB, hottest rank (max − mean) ÷ mean = 1.564.
  assert.ok(Math.abs(p.expertParallelImbalance - 1.564 / Math.log2(32)) < 1e-3, 'c is the published figure, not a fit');
  const q = resolveOpenModel('qwen3-235b-a22b');
  assert.equal(expertParallelImbalance(q, 1, p), 1, 'one GPU: nothing to wait for');
  assert.equal(expertParallelImbalance(resolveOpenModel('llama-3.3-70b'), 8, p), 1, 'dense: no experts to balance');
  assert.ok(Math.abs(expertParallelImbalance(q, 32, p) - 2.565) < 1e-3, 'EP 32: the hottest rank gets ≈2.56× the mean');
  assert.ok(Math.abs(expertParallelImbalance(q, 4, p) - (1 + 2 * p.expertParallelImbalance)) < 1e-12);
  // It scales the routed-expert GEMMs only: the always-active part runs on every GPU with its own tokens.
  const perExpert = (235 - 22) / (128 - 8);
  const always = 22 - 8 * perExpert;
  const t = (256 * 8) / 128;
  const eff = t / (t + p.moeHalfEfficiencyTokens);
  const want = (2 * 256 * 1e9 * (always + (8 * perExpert * expertParallelImbalance(q, 8, p)) / eff)) / 1e15;
  assert.ok(Math.abs(linearSeconds(q, 256, 256, 1e15, p, 8) - want) < 1e-15);
  assert.ok(linearSeconds(q, 256, 256, 1e15, p, 8) > linearSeconds(q, 256, 256, 1e15, p, 1), 'wider replica waits for its hottest GPU');
});
