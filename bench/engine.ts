// Engine throughput: how many scenario estimates per second (the editor re-estimates on every edit).
import { getSnapshotCatalog } from '../src/core/catalog/prices';
import { estimateFromInput } from '../src/core/economics/estimate';

export async function run(): Promise<void> {
  const scenario = {
    workload: { requestsPerDay: 250_000, inputTokens: 900, outputTokens: 150, daysPerMonth: 22 },
    api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
    selfHosted: { gpu: { hourlyUsd: 3.29 }, throughputTokensPerSecond: 2500, opsHoursPerMonth: 10, opsHourlyUsd: 80 },
  };
  for (let i = 0; i < 200; i++) estimateFromInput(scenario, { catalog: getSnapshotCatalog() });
  const n = 5000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) estimateFromInput({ ...scenario, workload: { ...scenario.workload, requestsPerDay: 1000 + i } }, { catalog: getSnapshotCatalog() });
  const ms = performance.now() - t0;
  console.log(`estimate (validate + step break-even + hybrid): ${(ms / n * 1000).toFixed(1)} µs/call, ${Math.round(n / (ms / 1000)).toLocaleString('en-US')} calls/s`);
}
