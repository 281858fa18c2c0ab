// The scenario's serving policy for the capacity model: the engine (a speed factor, servingEngines.ts) and the
// latency target (a cap on the batch, slo.ts). A scenario that names no engine is sized for vLLM (DEFAULT_ENGINE):
// the capacity model is fitted to TensorRT-LLM's peak, which most deployments do not run.
import type { Scenario } from '../config';
import type { ServingHook } from './capacity';
import { DEFAULT_ENGINE, engineEfficiency, type Engine } from './servingEngines';
import { describeTarget, sloBatch, type LatencyTarget } from './slo';

type AssumptionValue = number | string | boolean | null;

export interface ServingPolicy {
  hook: ServingHook | undefined;
  /** What the views show: engine, factor, source; the target as "≤ 50 ms/token". */
  assumptions: Record<string, AssumptionValue>;
}

export function servingPolicy(s: Scenario): ServingPolicy {
  const sh = s.selfHosted ?? {};
  const engine: Engine = sh.engine ?? DEFAULT_ENGINE;
  const target: LatencyTarget = { ...(sh.slo?.maxTpotMs !== undefined ? { maxTpotMs: sh.slo.maxTpotMs } : {}), ...(sh.slo?.maxTtftMs !== undefined ? { maxTtftMs: sh.slo.maxTtftMs } : {}) };
  const hasTarget = target.maxTpotMs !== undefined || target.maxTtftMs !== undefined;
  const e = engineEfficiency(engine);
  const efficiency = e.efficiency;
  const assumptions: Record<string, AssumptionValue> = {
    engine: e.engine,
    engineEfficiency: efficiency,
    engineBasis: `${e.name}${sh.engine === undefined ? ' (default)' : ''}: ${e.basis}; ${e.source}, ${e.asOf}${e.weak ? ' (weak evidence)' : ''}`,
  };
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
