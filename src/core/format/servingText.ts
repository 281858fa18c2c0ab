// One line saying how the self-hosted capacity was sized: the serving engine, the latency target ("at ≤ 50
// ms/token") with the batch that meets it, and the traffic shape. Shared by the hover, the estimate report and
// the cost report; the engine is always named (default vllm).
type Assumptions = Readonly<Record<string, number | string | boolean | null>>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const short = (n: number): string => (n >= 100 ? String(Math.round(n)) : String(Math.round(n * 10) / 10));

export function servingText(a: Assumptions): string | null {
  const parts: string[] = [];
  if (typeof a.engine === 'string') {
    const eff = num(a.engineEfficiency);
    parts.push(`${a.engine}${eff !== null && a.engine !== 'calibrated' ? ` (${short(eff * 100)} % of the calibrated peak)` : ''}`);
  }
  if (typeof a.latencyTarget === 'string') {
    const batch = num(a.maxBatch);
    const step = num(a['capacity.stepMilliseconds']);
    parts.push(`at ${a.latencyTarget}${batch !== null ? `: batch ${batch} per replica` : ''}${step !== null ? `, ${short(step)} ms/token` : ''}`);
  }
  if (num(a.peakToAverage) !== null) {
    const avg = num(a.averageUtilization);
    parts.push(`sized for a ${short(Number(a.peakToAverage))}× peak over ${short(Number(a.activeHoursPerDay))} h/day${avg !== null ? `, average utilization ${short(avg * 100)} %` : ''}${a.scaleToZero === true ? ', scales to zero (per-second billing; cold start not costed)' : ''}`);
  }
  return parts.length ? parts.join('; ') : null;
}
