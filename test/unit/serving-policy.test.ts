// Issue #13 steps 3–6: serving engine, latency target, traffic shape and GPU offers. Every new figure is recomputed
// by hand here from the catalogs (GPU specs, open-model shapes, the calibrated constants, the offer table).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateFromInput, type EstimateResult } from '../../src/core/economics/estimate';
import { CALIBRATED } from '../../src/core/economics/capacity';
import { ENGINE_EFFICIENCIES, ENGINES } from '../../src/core/economics/servingEngines';
import { latencyAt, sloBatch } from '../../src/core/economics/slo';
import { resolveGpu } from '../../src/core/catalog/gpus';
import { resolveOpenModel } from '../../src/core/catalog/openModels';
import { listGpuOffers, resolveGpuOffer } from '../../src/core/catalog/gpuOffers';
import { servingText } from '../../src/core/format/servingText';
import { getSnapshotCatalog } from '../../src/core/catalog/prices';

const near = (a: number, b: number, msg?: string) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${msg ?? ''} ${a} ≠ ${b}`);

function ok(raw: unknown): EstimateResult {
  const out = estimateFromInput(raw, { catalog: getSnapshotCatalog() });
  assert.ok(out.ok, out.ok ? '' : out.problems.join('\n'));
  return out.result;
}
function problems(raw: unknown): string[] {
  const out = estimateFromInput(raw, { catalog: getSnapshotCatalog() });
  assert.equal(out.ok, false, 'expected the scenario to be refused');
  return out.ok ? [] : out.problems;
}

const WORKLOAD = { requestsPerDay: 20000, inputTokens: 1000, outputTokens: 200 };
/** The README's three-way example: gpt-4o vs Llama 3.3 70B on 2 × H100 (fixed count, scenario price). */
function scenario(selfHosted: Record<string, unknown> = {}, workload: Record<string, unknown> = {}) {
  return {
    workload: { ...WORKLOAD, ...workload },
    api: { model: 'gpt-4o' },
    selfHosted: { model: 'llama-3.3-70b', gpu: { name: 'H100-SXM', count: 2, hourlyUsd: 3.29 }, opsHoursPerMonth: 10, opsHourlyUsd: 100, ...selfHosted },
  };
}

// Llama 3.3 70B FP8 on one 2 × H100-SXM replica, by hand from the catalogs and the calibrated constants.
const model = resolveOpenModel('llama-3.3-70b');
const h100 = resolveGpu('H100-SXM');
const weightBytes = model.activeParamsB * 1e9 * 1;                       // FP8: 1 byte per parameter
const kvPerToken = 2 * model.kvLayers * model.kvHeads * model.headDim * 1; // FP8 KV cache
const context = 1000 + 200 / 2;                                          // input + half the output, on average
const bandwidth = h100.bandwidthTBs * 1e12 * CALIBRATED.memoryBandwidthEfficiency * 2 * CALIBRATED.tensorParallelEfficiency;
const flops = h100.fp8Tflops! * 1e12 * CALIBRATED.computeEfficiency * 2 * CALIBRATED.tensorParallelEfficiency;
/** Decode step at batch B: weight + KV reads and FLOPs (2 per weight, 4 × heads × headDim per layer and context token), overlapped as (m^n + c^n)^(1/n). */
const stepAt = (b: number) => {
  const memory = (weightBytes + b * context * kvPerToken) / bandwidth;
  const compute = (b * (2 * model.activeParamsB * 1e9 + 4 * model.kvLayers * model.heads * model.headDim * context)) / flops;
  const n = CALIBRATED.rooflineOverlapExponent;
  return Math.pow(memory ** n + compute ** n, 1 / n);
};

test('engine table: every engine has a factor in (0, 1], a source and a date; TensorRT-LLM is the calibration itself', () => {
  for (const e of ENGINES) {
    const row = ENGINE_EFFICIENCIES[e];
    assert.ok(row.efficiency > 0 && row.efficiency <= 1, e);
    assert.match(row.asOf, /^\d{4}-\d{2}-\d{2}$/, e);
    assert.ok(row.source.length > 10 && row.basis.length > 10, e);
  }
  assert.equal(ENGINE_EFFICIENCIES['tensorrt-llm'].efficiency, 1);
  near(ENGINE_EFFICIENCIES.vllm.efficiency, 1850 / 2100);
  near(ENGINE_EFFICIENCIES.sglang.efficiency, 1920 / 2100);
  near(ENGINE_EFFICIENCIES['llama.cpp'].efficiency, (1850 / 2100) * (41 / 793));
  // Ordering the measurements support: TRT-LLM ≥ SGLang ≥ vLLM > TGI ≫ llama.cpp.
  const f = (e: (typeof ENGINES)[number]) => ENGINE_EFFICIENCIES[e].efficiency;
  assert.ok(f('tensorrt-llm') >= f('sglang') && f('sglang') >= f('vllm') && f('vllm') > f('tgi') && f('tgi') > 10 * f('llama.cpp'));
});

test('engine: capacity scales by the factor; the GPU bill of a fixed count does not move; absent = vllm (the default)', () => {
  const base = ok(scenario());
  const trt = ok(scenario({ engine: 'tensorrt-llm' }));
  const vllm = ok(scenario({ engine: 'vllm' }));
  const cpp = ok(scenario({ engine: 'llama.cpp' }));
  // tensorrt-llm is the capacity model as fitted (factor 1); no engine named = vLLM
  near(vllm.selfHosted.capacity.requestsPerDay!, base.selfHosted.capacity.requestsPerDay!);
  near(base.selfHosted.capacity.requestsPerDay!, trt.selfHosted.capacity.requestsPerDay! * 1850 / 2100);
  near(cpp.selfHosted.capacity.requestsPerDay!, trt.selfHosted.capacity.requestsPerDay! * (1850 / 2100) * (41 / 793));
  assert.equal(trt.selfHosted.monthlyUsd, base.selfHosted.monthlyUsd, 'a fixed GPU count: the bill does not move');
  assert.equal(base.assumptions.engine, 'vllm');
  assert.match(String(base.assumptions.engineBasis), /^vLLM \(default\): /);
  assert.doesNotMatch(String(vllm.assumptions.engineBasis), /\(default\)/, 'named, not defaulted');
  assert.equal(vllm.assumptions.engine, 'vllm');
  assert.match(String(vllm.assumptions.engineBasis), /spheron\.network.*2026-03-23/);
  // llama.cpp: 2 GPUs carry ≈26k req/day at 60 % — 30,000 req/day exceed them, and the estimate says so.
  const over = ok({ ...scenario({ engine: 'llama.cpp' }), workload: { ...WORKLOAD, requestsPerDay: 30000 } });
  assert.ok(over.notes.some((n) => n.includes('exceeds the deployment\'s capacity')));
  // Auto-sized, the slower engine needs more GPUs for the same volume.
  const sized = (engine?: string) => ok({ ...scenario(engine ? { engine } : {}), selfHosted: { model: 'llama-3.3-70b', gpu: { name: 'H100-SXM', hourlyUsd: 3.29 }, ...(engine ? { engine } : {}) } }, );
  assert.ok(sized('llama.cpp').selfHosted.capacity.gpusNeeded! > sized().selfHosted.capacity.gpusNeeded!);
});

test('latency target: the largest batch whose decode step meets ≤ 30 ms/token, by hand (roofline step)', () => {
  const eff = 1850 / 2100;
  // step(B) ÷ eff ≤ 0.030: the step grows with B, so count up to the last batch that meets it.
  let expected = 1;
  while (stepAt(expected + 1) / eff <= 0.030) expected++;
  assert.equal(expected, 152);

  const r = sloBatch(model, h100, 'fp8', 2, 1000, 200, 256, eff, { maxTpotMs: 30 });
  assert.equal(r.batch, expected);
  near(r.tpotMs, (stepAt(expected) / eff) * 1e3);
  assert.ok(latencyAt(model, h100, 'fp8', 2, 1000, 200, expected + 1, eff).tpotMs > 30);

  const out = ok(scenario({ engine: 'vllm', slo: { maxTpotMs: 30 } }));
  assert.equal(out.assumptions.maxBatch, expected);
  assert.equal(out.assumptions.latencyTarget, '≤ 30 ms/token');
  // Throughput at that batch: B ÷ (B × prefill + output × step), × the engine factor; × 86,400 × 0.6 × 1 replica.
  const prefill = Number(out.assumptions['capacity.prefillMillisecondsPerRequest']) / 1e3; // already ÷ eff
  const rps = expected / (expected * prefill + 200 * (stepAt(expected) / eff));
  assert.ok(Math.abs(out.selfHosted.capacity.requestsPerDay! - rps * 86_400 * 0.6) < 1e-6 * rps * 86_400);
  assert.equal(servingText(out.assumptions), `vllm (88.1 % of the calibrated peak); at ≤ 30 ms/token: batch ${expected} per replica, 30 ms/token`);
  // A loose target keeps the peak batch (the engine cap of 256): the same figures as without a target.
  const loose = ok(scenario({ engine: 'vllm', slo: { maxTpotMs: 50 } }));
  assert.equal(loose.assumptions.maxBatch, 256);
  near(loose.selfHosted.capacity.requestsPerDay!, ok(scenario({ engine: 'vllm' })).selfHosted.capacity.requestsPerDay!);
});

test('latency target no batch meets: a clear problem naming the target and the one-sequence step, never a silent number', () => {
  const stepOneMs = (stepAt(1) / (1850 / 2100)) * 1e3;
  assert.ok(stepOneMs > 18.95 && stepOneMs < 19.05);
  const p = problems(scenario({ engine: 'vllm', slo: { maxTpotMs: 18 } }));
  assert.equal(p.length, 1);
  assert.match(p[0]!, /^selfHosted\.gpu\.count: latency target ≤ 18 ms\/token is not met on 2× H100-SXM: a decode step takes 19 ms even for one sequence$/);
  // Auto-sized, a wider replica (more bandwidth per step) can meet what two GPUs cannot.
  const wide = ok({ ...scenario(), selfHosted: { model: 'llama-3.3-70b', gpu: { name: 'H100-SXM', hourlyUsd: 3.29 }, engine: 'vllm', slo: { maxTpotMs: 18 } } });
  const tp = Number(wide.assumptions.gpusPerReplica);
  assert.ok(tp >= 4);
  assert.ok(latencyAt(model, h100, 'fp8', tp, 1000, 200, Number(wide.assumptions.maxBatch), 1850 / 2100).tpotMs <= 18);
  // GPU "auto": when only the target rules every layout out, the problem says so (not "no GPU holds the model").
  assert.match(problems({ ...scenario(), selfHosted: { model: 'llama-3.3-70b', gpu: { name: 'auto' }, slo: { maxTpotMs: 1 } } })[0]!,
    /^selfHosted\.slo: no catalog GPU layout \(up to 16 GPUs per replica\) serves llama-3\.3-70b within the latency target ≤ 1 ms\/token/);
  // Time to first token: own prefill + one step; 2 × H100 cannot give the first token of a 1,000-token prompt in 50 ms.
  const ttft = latencyAt(model, h100, 'fp8', 2, 1000, 200, 1, 1);
  assert.ok(ttft.ttftMs > 50);
  assert.match(problems(scenario({ slo: { maxTtftMs: 50 } }))[0]!, /first token takes \d+(\.\d)? ms even for one sequence \(prefill of 1000 tokens\)/);
});

test('traffic shape: replicas sized for the peak, utilization follows (always-on)', () => {
  // 3× peak over 12 active hours: each replica carries rps × 3,600 × 12 ÷ 3 a day = 86,400 × rps × 12/(24×3).
  // (sized on the calibrated peak, tensorrt-llm, so that one replica at 100 % carries the volume)
  const shaped = ok({ ...scenario(), workload: { ...WORKLOAD, peakToAverage: 3, activeHoursPerDay: 12 }, selfHosted: { model: 'llama-3.3-70b', gpu: { name: 'H100-SXM', hourlyUsd: 3.29 }, engine: 'tensorrt-llm' } });
  const full = ok({ ...scenario(), selfHosted: { model: 'llama-3.3-70b', gpu: { name: 'H100-SXM', hourlyUsd: 3.29 }, utilization: 1, engine: 'tensorrt-llm' } });
  const tp = Number(full.assumptions.gpusPerReplica);
  assert.equal(Number(shaped.assumptions.gpusPerReplica), tp);
  assert.equal(full.selfHosted.capacity.gpusNeeded, tp, 'at 100 % one replica carries the volume');
  const perReplicaFull = full.selfHosted.capacity.requestsPerDay!; // one replica at 100 %
  near(shaped.assumptions.sizingUtilization as number, 12 / 72);
  const replicas = Math.ceil(WORKLOAD.requestsPerDay / (perReplicaFull * 12 / 72));
  assert.equal(shaped.selfHosted.capacity.gpusNeeded, replicas * tp);
  near(shaped.selfHosted.capacity.requestsPerDay!, perReplicaFull * (12 / 72) * replicas);
  near(shaped.assumptions.averageUtilization as number, WORKLOAD.requestsPerDay / (replicas * perReplicaFull));
  near(shaped.selfHosted.computeMonthlyUsd, replicas * tp * 3.29 * 730);
  assert.ok(shaped.notes.some((n) => n.startsWith('replicas are sized for the peak: 3× the average rate of 12 active hours')));
  // A flat 24-hour shape is the engine's utilization = 1.
  near(ok({ ...scenario(), workload: { ...WORKLOAD, peakToAverage: 1 } }).selfHosted.capacity.requestsPerDay!,
    ok(scenario({ utilization: 1 })).selfHosted.capacity.requestsPerDay!);
});

test('scale to zero: billed per second for the active hours only, at the serverless offer; cold start noted', () => {
  const out = ok({ ...scenario(), workload: { ...WORKLOAD, peakToAverage: 3, activeHoursPerDay: 8 }, selfHosted: { model: 'llama-3.3-70b', gpu: { name: 'H100-SXM' }, scaleToZero: true } });
  // RunPod Serverless H100 PRO flex worker: $0.00116/s = $4.176/h; 8 h × 30 days = 240 h billed per GPU.
  assert.equal(out.assumptions.gpuHourlyUsd, 4.176);
  assert.equal(out.assumptions.hoursPerMonth, 240);
  near(out.selfHosted.computeMonthlyUsd, out.selfHosted.capacity.gpusNeeded! * 4.176 * 240);
  // Capacity over the billed hours: per replica rps × 3,600 × 8 ÷ 3 = rps × 86,400 × (1/3) × (8/24).
  const full = ok({ ...scenario(), selfHosted: { model: 'llama-3.3-70b', gpu: { name: 'H100-SXM', hourlyUsd: 3.29 }, utilization: 1 } });
  const tp = Number(full.assumptions.gpusPerReplica);
  assert.equal(Number(out.assumptions.gpusPerReplica), tp);
  near(out.selfHosted.capacity.requestsPerDay!, full.selfHosted.capacity.requestsPerDay! * (1 / 3) * (8 / 24) * (out.selfHosted.capacity.gpusNeeded! / tp));
  assert.ok(out.notes.some((n) => n.includes('cold start')));
  assert.equal(servingText(out.assumptions)?.includes('scales to zero (per-second billing; cold start not costed)'), true);
  // Refused combinations name the field.
  assert.match(problems({ ...scenario({ scaleToZero: true }) }).join('\n'), /workload\.activeHoursPerDay: required with selfHosted\.scaleToZero/);
  assert.match(problems({ ...scenario({ scaleToZero: true, gpu: { name: 'H100-SXM', hoursPerMonth: 200 } }), workload: { ...WORKLOAD, activeHoursPerDay: 8 } }).join('\n'), /selfHosted\.scaleToZero: give either scaleToZero .* or gpu\.hoursPerMonth/);
  assert.match(problems({ ...scenario({ utilization: 0.5 }), workload: { ...WORKLOAD, peakToAverage: 2 } }).join('\n'), /selfHosted\.utilization: give either utilization or the traffic shape/);
  // A GPU without a serverless listing: the problem says so instead of pricing it at the always-on rate.
  assert.match(problems({ ...scenario({ scaleToZero: true, gpu: { name: 'A10G' }, model: 'llama-3.1-8b' }), workload: { ...WORKLOAD, activeHoursPerDay: 8 } }).join('\n'), /no serverless offer for A10G/);
});

test('GPU offers: a tier picks the cheapest provider, provider:tier pins one; each carries its source and date', () => {
  for (const o of listGpuOffers()) {
    assert.ok(o.hourlyUsd > 0 && Number.isFinite(o.hourlyUsd), `${o.provider}:${o.tier}`);
    assert.match(o.asOf, /^\d{4}(-\d{2}){0,2}$/);
    assert.ok(o.source.length > 10);
    assert.doesNotThrow(() => resolveGpu(o.gpu));
  }
  const h100 = listGpuOffers().filter((o) => o.gpu === 'H100-SXM');
  for (const tier of ['on-demand', 'reserved-1y', 'spot', 'serverless'] as const) {
    const cheapest = Math.min(...h100.filter((o) => o.tier === tier).map((o) => o.hourlyUsd));
    assert.equal(resolveGpuOffer('H100-SXM', tier).hourlyUsd, cheapest, tier);
  }
  assert.equal(resolveGpuOffer('h100', 'on-demand').provider, 'coreweave');
  assert.equal(resolveGpuOffer('H100-SXM', 'runpod:on-demand').hourlyUsd, 2.69);
  assert.equal(resolveGpuOffer('H100-SXM', 'lambda:reserved-1y').hourlyUsd, 1.74);
  assert.equal(resolveGpuOffer('H100-SXM', 'DigitalOcean:On-Demand').hourlyUsd, 3.39);

  const out = ok(scenario({ gpu: { name: 'H100-SXM', count: 2, offer: 'lambda:reserved-1y' } }));
  near(out.selfHosted.computeMonthlyUsd, 2 * 1.74 * 730);
  assert.equal(out.assumptions.gpuOffer, 'lambda:reserved-1y');
  assert.match(String(out.assumptions.gpuPriceBasis), /^offer: lambda reserved-1y H100-SXM \(\$1\.74\/h; deploybase\.ai/);
  // Errors name the field and the reason.
  assert.match(problems(scenario({ gpu: { name: 'H100-SXM', count: 2, offer: 'hetzner:on-demand' } }))[0]!, /^selfHosted\.gpu\.offer: unknown provider "hetzner"/);
  assert.match(problems(scenario({ gpu: { name: 'A10G', count: 1, offer: 'spot' }, model: 'llama-3.1-8b' }))[0]!, /^selfHosted\.gpu\.offer: no spot offer for A10G/);
  assert.match(problems(scenario({ gpu: { name: 'H100-SXM', count: 2, offer: 'monthly' } }))[0]!, /^selfHosted\.gpu\.offer: must be a tier/);
  assert.match(problems(scenario({ gpu: { name: 'H100-SXM', count: 2, hourlyUsd: 3, offer: 'spot' } })).join('\n'), /selfHosted\.gpu\.offer: give either offer or hourlyUsd/);
  // auto GPU + offer: only GPUs listed with that offer compete.
  const auto = ok({ ...scenario(), selfHosted: { model: 'llama-3.1-8b', gpu: { name: 'auto', offer: 'spot' } } });
  const chosen = String(auto.assumptions['capacity.gpu']);
  assert.ok(listGpuOffers().some((o) => o.gpu === chosen && o.tier === 'spot'), chosen);
});

test('scenario contract: unknown keys stay errors next to the new inputs', () => {
  const p = problems({ ...scenario({ engine: 'vllm', sloTarget: 1 }), workload: { ...WORKLOAD, peak: 2 } }).join('\n');
  assert.match(p, /selfHosted\.sloTarget: unknown key/);
  assert.match(p, /workload\.peak: unknown key/);
  assert.match(problems(scenario({ engine: 'ollama' })).join('\n'), /selfHosted\.engine/);
  assert.match(problems(scenario({ slo: { maxTpotMs: 50, p99: 1 } })).join('\n'), /selfHosted\.slo\.p99: unknown key/);
  assert.match(problems(scenario({ slo: { maxTpotMs: 0 } })).join('\n'), /selfHosted\.slo\.maxTpotMs: must be greater than 0/);
  assert.match(problems({ ...scenario(), workload: { ...WORKLOAD, peakToAverage: 0.5 } }).join('\n'), /workload\.peakToAverage: must be at least 1/);
});

test('settings → scenario: defaults add nothing (old figures), each new setting maps to its scenario field', async () => {
  const { callScenario } = await import('../../src/core/economics/callScenario');
  const { defaultSettings, readSettings } = await import('../../src/core/settings');
  const base = callScenario(defaultSettings(), 'gpt-4o', 'llama-3.3-70b', 1000, 500, 300);
  assert.equal(base.selfHosted?.engine, undefined);
  assert.equal(base.selfHosted?.slo, undefined);
  assert.equal(base.selfHosted?.scaleToZero, undefined);
  assert.equal(base.selfHosted?.gpu?.offer, undefined);
  assert.equal(base.workload.peakToAverage, undefined);
  assert.equal(base.selfHosted?.utilization, 0.6);
  const { settings, warnings } = readSettings({
    'llmCostLens.selfHosted.engine': 'sglang', 'llmCostLens.selfHosted.maxTpotMs': 50, 'llmCostLens.selfHosted.maxTtftMs': 800,
    'llmCostLens.peakToAverage': 2.5, 'llmCostLens.activeHoursPerDay': 10, 'llmCostLens.selfHosted.scaleToZero': true,
    'llmCostLens.selfHosted.gpuOffer': 'RunPod:Serverless',
  });
  assert.deepEqual(warnings, []);
  const s = callScenario(settings, 'gpt-4o', 'llama-3.3-70b', 1000, 500, 300);
  assert.equal(s.selfHosted?.engine, 'sglang');
  assert.deepEqual(s.selfHosted?.slo, { maxTpotMs: 50, maxTtftMs: 800 });
  assert.equal(s.selfHosted?.scaleToZero, true);
  assert.equal(s.selfHosted?.gpu?.offer, 'runpod:serverless');
  assert.equal(s.workload.peakToAverage, 2.5);
  assert.equal(s.workload.activeHoursPerDay, 10);
  assert.equal(s.selfHosted?.utilization, undefined, 'the shape replaces utilization');
  assert.ok(estimateFromInput(s, { catalog: getSnapshotCatalog() }).ok);
  // A rent typed in the folder wins over the offer; a bad offer or engine is a warning naming the key.
  const rent = readSettings({ 'llmCostLens.selfHosted.gpuOffer': 'spot', 'llmCostLens.selfHosted.gpuHourlyUsd': 2 }).settings;
  assert.equal(callScenario(rent, 'gpt-4o', 'llama-3.3-70b', 1000, 500, 300).selfHosted?.gpu?.offer, undefined);
  const bad = readSettings({ 'llmCostLens.selfHosted.gpuOffer': 'weekly', 'llmCostLens.selfHosted.engine': 'ollama' }).warnings.join('\n');
  assert.match(bad, /llmCostLens\.selfHosted\.gpuOffer: must be a tier/);
  assert.match(bad, /llmCostLens\.selfHosted\.engine:/);
});

test('README worked example, continued: vLLM on RunPod at ≤ 30 ms/token, every row', () => {
  const r = ok(scenario({ engine: 'vllm', slo: { maxTpotMs: 30 }, gpu: { name: 'H100-SXM', count: 2, offer: 'runpod:on-demand' } }));
  near(bandwidth, 4.221e12);
  near(flops, 1.994832e15);
  near(weightBytes + 152 * context * kvPerToken, 70.6e9 + 152 * 1100 * 163_840);
  assert.equal(r.assumptions.maxBatch, 152);
  assert.equal(Math.round(stepAt(152) / (1850 / 2100) * 1e4) / 10, 30.0);
  const prefill = Number(r.assumptions['capacity.prefillMillisecondsPerRequest']);
  assert.equal(Math.round(prefill * 10) / 10, 81.1);
  const rps = 152 / (152 * prefill / 1e3 + 200 * stepAt(152) / (1850 / 2100));
  assert.equal(Math.round(rps * 100) / 100, 8.30);
  assert.equal(Math.round(r.selfHosted.capacity.requestsPerDay!), 430_152);
  near(r.selfHosted.computeMonthlyUsd, 2 * 2.69 * 730);
  near(r.selfHosted.monthlyUsd, 2 * 2.69 * 730 + 1000);
  assert.equal(Math.round(r.breakEven.withOpsRequestsPerDay!), Math.round(4927.4 / (0.0045 * 30)));
  assert.equal(Math.round(r.breakEven.withOpsRequestsPerDay!), 36_499);
  assert.equal(Math.round(r.breakEven.computeOnlyRequestsPerDay!), 29_092);
  assert.equal(Math.round(r.breakEven.hostedOpenVsSelfHosted!.withOpsRequestsPerDay!), 350_954);
  assert.equal(Math.round(r.breakEven.hostedOpenVsSelfHosted!.computeOnlyRequestsPerDay!), 279_729);
  assert.equal(r.verdict, 'hosted-open');
});

test('cost report: servingBasis per call site and a "Self-hosted sizing" section with "at ≤ 50 ms/token"', async () => {
  const { cpSync, mkdirSync, mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { scanWorkspace, readWorkspaceSettings } = await import('../../src/core/scan/scan');
  const { buildCostReport, renderCostReport } = await import('../../src/core/format/costReport');
  const dir = mkdtempSync(join(tmpdir(), 'serving-report-'));
  cpSync('examples/app', join(dir, 'app'), { recursive: true });
  const snapshot = { source: 'test', asOf: '2026-09-23', staleNote: null };
  const plain = buildCostReport(await scanWorkspace(dir), readWorkspaceSettings(dir), snapshot);
  // nothing set: every self-hosted figure is sized for the default engine, and the report says so
  assert.ok(plain.callSites.every((c) => c.servingBasis === null || c.servingBasis === 'vllm (88.1 % of the calibrated peak)'), 'nothing set: the default engine');
  assert.ok(plain.callSites.some((c) => c.servingBasis !== null));
  assert.match(renderCostReport(plain, 'markdown'), /Self-hosted sizing/);
  mkdirSync(join(dir, '.vscode'));
  writeFileSync(join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'llmCostLens.selfHosted.maxTpotMs': 50, 'llmCostLens.selfHosted.engine': 'vllm' }));
  const scan = await scanWorkspace(dir);
  const r = buildCostReport(scan, readWorkspaceSettings(dir), snapshot);
  const md = renderCostReport(r, 'markdown');
  for (const [i, c] of scan.callSites.entries()) {
    if (!c.cost?.selfHosted) continue;
    const basis = servingText(c.cost.assumptions);
    assert.match(basis!, /^vllm \(88\.1 % of the calibrated peak\); at ≤ 50 ms\/token: batch \d+ per replica, [\d.]+ ms\/token$/);
    assert.equal(r.callSites[i]!.servingBasis, basis);
    assert.ok(md.includes(`- ${c.file}:${c.line}: ${basis}`), md);
  }
});
