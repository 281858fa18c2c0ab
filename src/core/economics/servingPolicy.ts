// The scenario's serving policy for the capacity model: the engine (a speed factor, servingEngines.ts) and the
// latency target (a cap on the batch, slo.ts). Without either, the capacity model runs as calibrated: figures of
// scenarios written before these inputs existed do not move.
import type { Scenario } from '../config';
import type { ServingHook } from './capacity';
import { engineEfficiency, type Engine } from './servingEngines';
import { describeTarget, sloBatch, type LatencyTarget } from './slo';

type AssumptionValue = number | string | boolean | null;

export interface ServingPolicy {
  hook: ServingHook | undefined;
  /** What the views show: engine, factor, source; the target as "≤ 50 ms/token". */
  assumptions: Record<string, AssumptionValue>;
}

export function servingPolicy(s: Scenario): ServingPolicy {
  const sh = s.selfHosted ?? {};
  const engine: Engine | undefined = sh.engine;
  const target: LatencyTarget = { ...(sh.slo?.maxTpotMs !== undefined ? { maxTpotMs: sh.slo.maxTpotMs } : {}), ...(sh.slo?.maxTtftMs !== undefined ? { maxTtftMs: sh.slo.maxTtftMs } : {}) };
  const hasTarget = target.maxTpotMs !== undefined || target.maxTtftMs !== undefined;
  const assumptions: Record<string, AssumptionValue> = {};
  if (!engine && !hasTarget) return { hook: undefined, assumptions };
  const e = engine ? engineEfficiency(engine) : null;
  const efficiency = e?.efficiency ?? 1;
  Object.assign(assumptions, {
    engine: e ? e.engine : 'calibrated',
    engineEfficiency: efficiency,
    engineBasis: e ? `${e.name}: ${e.basis}; ${e.source}, ${e.asOf}${e.weak ? ' (weak evidence)' : ''}` : 'calibrated model (TensorRT-LLM v1.0 offline peak)',
  });
  if (hasTarget) {
    assumptions.latencyTarget = describeTarget(target);
    if (target.maxTpotMs !== undefined) assumptions['slo.maxTpotMs'] = target.maxTpotMs;
    if (target.maxTtftMs !== undefined) assumptions['slo.maxTtftMs'] = target.maxTtftMs;
  }
  const hook: ServingHook = {
    efficiency,
    ...(hasTarget ? {
      capBatch: (model, gpu, precision, tp, inputTokens, outputTokens, maxBatch) => {
        const r = sloBatch(model, gpu, precision, tp, inputTokens, outputTokens, maxBatch, efficiency, target);
        return { batch: r.batch, reason: r.reason };
      },
    } : {}),
  };
  return { hook, assumptions };
}
