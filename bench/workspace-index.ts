// The editor's workspace index (WorkspaceScanner) on the generated tree of bench/scan.ts:
//   - first scan, cold (fresh process: grammars and tokenizer ranks load), with and without yielding to the event
//     loop every 20 ms as the extension does; how late a 50 ms timer fires meanwhile stands in for a CodeLens or hover
//     request waiting on the extension host;
//   - after it, one changed file (update) against a warm full rescan (what the editor did on every save before).
//
//   npm run build && node --import tsx bench/index.ts workspace-index
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WorkspaceScanner } from '../src/core/scan/workspaceScanner';
import { scanWorkspace } from '../src/core/scan/scan';
import { createEngineContext } from '../src/core/engine/context';
import { preloadEncoder } from '../src/core/tokens';
import { generateTree } from './scan';

const SEED = 20240611;
const ms = (x: number) => `${x.toFixed(0)} ms`;

interface ChildReport { mode: string; files: number; callSites: number; scanMs: number; loopMaxMs: number; loopP99Ms: number; timerLateMaxMs: number; timerLateP95Ms: number; updateMs: number; updateAnalysed: number; rescanMs: number }

async function child(mode: 'yield' | 'no-yield', dir: string): Promise<void> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  const lateness: number[] = [];
  let expected = performance.now() + 50;
  const timer = setInterval(() => {
    const now = performance.now();
    lateness.push(Math.max(0, now - expected));
    expected = now + 50;
  }, 50);
  h.enable();
  const engine = createEngineContext();
  const scanner = new WorkspaceScanner(dir, { engine });
  let files = 0;
  const t0 = performance.now();
  // 'yield' is the editor's path: the common tokenizer preloaded in slices, then the scan yielding every 20 ms.
  if (mode === 'yield') await preloadEncoder('o200k_base', 20);
  await scanner.scan({ yieldEveryMs: mode === 'yield' ? 20 : undefined, onProgress: (_d, t) => (files = t) });
  const scanMs = performance.now() - t0;
  h.disable();
  clearInterval(timer);
  const result = scanner.result();
  // One file with calls changes (as a save would): update() against a full warm rescan.
  const changed = result.callSites[0]!.file;
  fs.appendFileSync(path.join(dir, changed), '\n# edited\n');
  const t1 = performance.now();
  const u = await scanner.update([changed]);
  const updateMs = performance.now() - t1;
  const t2 = performance.now();
  await scanWorkspace(dir, { engine });
  const rescanMs = performance.now() - t2;
  lateness.sort((a, b) => a - b);
  const report: ChildReport = {
    mode, files, callSites: result.callSites.length, scanMs,
    loopMaxMs: h.max / 1e6, loopP99Ms: h.percentile(99) / 1e6,
    timerLateMaxMs: lateness.at(-1) ?? 0, timerLateP95Ms: lateness[Math.floor(lateness.length * 0.95)] ?? 0,
    updateMs, updateAnalysed: u.analysed, rescanMs,
  };
  console.log(JSON.stringify(report));
}

export async function run(): Promise<void> {
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`machine: ${os.cpus().length} cores, load average ${load}; node ${process.version}`);
  const tree = generateTree(SEED);
  try {
    for (const mode of ['no-yield', 'yield'] as const) {
      // A fresh process each: grammars and tokenizer ranks load cold, as on the extension host's first scan.
      const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, 'child', mode, tree.dir], { encoding: 'utf8', maxBuffer: 16 << 20 });
      if (r.status !== 0) throw new Error(`bench child failed: ${r.stderr}`);
      const rep = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildReport;
      console.log(`first scan ${mode === 'yield' ? 'yielding every 20 ms' : 'without yielding    '}: ${rep.files.toLocaleString('en-US')} files, ${rep.callSites} call sites in ${ms(rep.scanMs)}; ` +
        `event loop blocked at most ${ms(rep.loopMaxMs)} (p99 ${ms(rep.loopP99Ms)}); a 50 ms timer fired up to ${ms(rep.timerLateMaxMs)} late (p95 ${ms(rep.timerLateP95Ms)})`);
      if (mode === 'yield') console.log(`one changed file: update() ${ms(rep.updateMs)} (${rep.updateAnalysed} file detected again) vs a warm full scanWorkspace ${ms(rep.rescanMs)}`);
    }
  } finally {
    fs.rmSync(tree.dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') {
  child(process.argv[3] as 'yield' | 'no-yield', process.argv[4]!).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
