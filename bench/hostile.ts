// Hostile workspaces (issue #17): the per-file worst time over the seeded hostile corpus (deep front matter, long
// concatenations, deep syntax trees, 50,000 placeholders, one-line notebooks) at the audit's sizes, the scan of
// that corpus against 2 × files × the 3 s budget, symlink loops, and a 200,000-file tree.
//
//   npm run build && node --import tsx bench/index.ts hostile
//   LLM_COST_LENS_BENCH_BIG=0 … skips the 200,000-file tree (it takes a minute or two to write)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeDocument, scanWorkspace } from '../src/core/scan/scan';
import { createEngineContext } from '../src/core/engine/context';
import { readSettings } from '../src/core/settings';
import { walkWorkspace } from '../src/core/scan/walk';
import { hostileCorpus } from '../test/unit/helpers/hostile';

const SEED = 17;
const FILES = 27;
const BUDGET_MS = 3_000;
const BIG_TREE_FILES = 200_000;
const ms = (x: number) => `${x.toFixed(0)} ms`;

export async function run(): Promise<void> {
  const engine = createEngineContext();
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}; node ${process.version}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-cost-lens-hostile-'));
  try {
    const files = hostileCorpus(SEED, FILES, 1);
    for (const f of files) fs.writeFileSync(path.join(dir, f.path), f.text);
    // Warm the grammars and tokenizer once: the budget excludes loading them, and so does this figure.
    await analyzeDocument(engine, 'warm.py', 'from openai import OpenAI\nOpenAI().chat.completions.create(model="gpt-4o", messages=[])\n', readSettings({}));
    await analyzeDocument(engine, 'warm.ts', "import OpenAI from 'openai';\nnew OpenAI().chat.completions.create({ model: 'gpt-4o', messages: [] });\n", readSettings({}));
    const settings = readSettings({});
    const perFile: { path: string; kind: string; ms: number; outcome: string }[] = [];
    for (const f of files) {
      const t0 = performance.now();
      const r = await analyzeDocument(engine, f.path, f.text, settings);
      perFile.push({ path: f.path, kind: f.kind, ms: performance.now() - t0, outcome: r.skipped ?? `${r.callSites.length} call site(s)` });
    }
    perFile.sort((a, b) => b.ms - a.ms);
    const worst = perFile[0]!;
    console.log(`per file (seed ${SEED}, ${FILES} files at the audit's sizes): worst ${ms(worst.ms)} (${worst.path}: ${worst.outcome}); ` +
      `goal ≤ ${BUDGET_MS.toLocaleString('en-US')} ms per file — ${worst.ms <= BUDGET_MS ? 'met' : 'NOT met'}`);
    for (const p of perFile.slice(0, 5)) console.log(`  ${ms(p.ms).padStart(8)}  ${p.kind.padEnd(18)} ${p.outcome}`);
    const byKind = new Map<string, number>();
    for (const p of perFile) byKind.set(p.kind, Math.max(byKind.get(p.kind) ?? 0, p.ms));
    console.log(`  worst by kind: ${[...byKind].map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);

    // The whole corpus as one workspace, plus symlink loops, a link to / and one up.
    fs.symlinkSync('.', path.join(dir, 'loop'));
    fs.symlinkSync('/', path.join(dir, 'rootlink'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    // cold: scanWorkspace costs with a new engine context, not the per-file pass's
    const t0 = performance.now();
    const r = await scanWorkspace(dir);
    const scanMs = performance.now() - t0;
    const bound = 2 * FILES * BUDGET_MS;
    console.log(`scan of the corpus + symlink loops: ${ms(scanMs)} for ${FILES} files, ${r.callSites.length} call sites, ${r.skipped.length} skipped; ` +
      `bound 2 × files × budget = ${ms(bound)} — ${scanMs <= bound ? 'met' : 'NOT met'}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (process.env['LLM_COST_LENS_BENCH_BIG'] === '0') return;
  await bigTree();
}

/** 200,000 small source files in 2,000 folders (0.1 % call an SDK): the walk, prefilter and scan at that scale. */
export async function bigTree(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-cost-lens-200k-'));
  try {
    const t0 = performance.now();
    for (let d = 0; d < 2_000; d++) {
      const folder = path.join(dir, `pkg${d % 40}`, `mod${d}`);
      fs.mkdirSync(folder, { recursive: true });
      for (let i = 0; i < BIG_TREE_FILES / 2_000; i++) {
        const n = d * 100 + i;
        const llm = n % 1_000 === 7;
        const text = llm
          ? `from openai import OpenAI\nclient = OpenAI()\n\ndef ask_${n}(q):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n`
          : `def f_${n}(rows):\n    return [r for r in rows if r]\n`;
        fs.writeFileSync(path.join(folder, `f${i}.${i % 2 ? 'py' : 'ts'}`), llm || i % 2 ? text : `export const v${n} = ${n};\n`);
      }
    }
    const written = performance.now() - t0;
    const tw = performance.now();
    const walked = walkWorkspace(dir);
    const walkMs = performance.now() - tw;
    const ts = performance.now();
    const r = await scanWorkspace(dir);
    const scanMs = performance.now() - ts;
    console.log(`200,000-file tree (written in ${ms(written)}): walk ${ms(walkMs)} (${walked.files.length.toLocaleString('en-US')} files), cold scan ${ms(scanMs)}, ` +
      `${r.callSites.length.toLocaleString('en-US')} call sites; goal well under 60,000 ms — ${scanMs < 60_000 ? 'met' : 'NOT met'}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
