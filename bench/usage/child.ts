// Reads one usage file in a fresh process and prints JSON: wall and CPU time, records, and memory (resident set before reading,
// its peak, and the peak heap sampled while reading). Run by bench/usage.ts so the figures are the reader's alone.
import { loadUsage } from '../../src/core/usage/load';

async function main(): Promise<void> {
  const file = process.argv[2]!;
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let heapPeak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const data = await loadUsage([{ path: file, display: file }]);
  const ms = performance.now() - t0;
  // CPU time as well as wall time: on a shared machine the wall time mostly measures the wait for a core.
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  const s = data.sources[0]!;
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, records: s.records, errors: s.errorCount, groups: data.groups.length, rssBeforeMB: rssBefore / 2 ** 20, maxRssMB: process.resourceUsage().maxRSS / 1024, heapPeakMB: heapPeak / 2 ** 20 }));
}

void main();
