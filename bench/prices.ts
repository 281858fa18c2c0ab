// API price catalog speed: cold load of the bundled snapshot (as esbuild ships it, in a fresh process),
// first-lookup compile, and lookups per second (cache hits, first-time resolution, unknown names with suggestions).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as esbuild from 'esbuild';
import { catalogFromData, SNAPSHOT } from '../src/core/catalog/prices';

const NAMES = [
  'claude-sonnet-4-6', 'claude-3-5-haiku-20241022', 'gpt-4o', 'gpt-4o-mini', 'openai/gpt-4o', 'anthropic/claude-3-5-sonnet-20240620',
  'anthropic.claude-3-5-sonnet-20240620-v1:0', 'us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'claude-3-5-sonnet-v2@20241022',
  'gemini/gemini-1.5-flash', 'models/gemini-2.0-flash', 'groq/llama-3.3-70b-versatile', 'my-gpt-4o-mini-deployment', 'GPT-4.1',
];

async function coldLoadInFreshProcess(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'llmcl-bench-prices-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `
      const t0 = performance.now();
      const m = require(${JSON.stringify(join(__dirname, '../src/core/catalog/prices'))});
      const t1 = performance.now();
      const r = m.lookupApiPrice(m.getSnapshotCatalog(), 'claude-sonnet-4-6');
      const t2 = performance.now();
      if (!r.ok) throw new Error('lookup failed');
      console.log(JSON.stringify({ requireMs: t1 - t0, firstLookupMs: t2 - t1 }));
    `);
    const out = join(dir, 'bundle.js');
    await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', minify: true, outfile: out, logLevel: 'silent' });
    const runs = [0, 1, 2].map(() => JSON.parse(spawnSync(process.execPath, [out], { encoding: 'utf8' }).stdout) as { requireMs: number; firstLookupMs: number });
    const best = (k: 'requireMs' | 'firstLookupMs') => Math.min(...runs.map((r) => r[k])).toFixed(1);
    return `bundle ${(statSync(out).size / 1024).toFixed(0)} KiB minified; module load ${best('requireMs')} ms, first lookup (compile ${SNAPSHOT.providers.reduce((n, p) => n + p.models.length, 0)} models) ${best('firstLookupMs')} ms (best of 3 fresh processes)`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function perSecond(label: string, n: number, fn: (i: number) => void): void {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(62)} ${Math.round((n / ms) * 1000).toLocaleString('en-US').padStart(12)} lookups/s (${n} in ${ms.toFixed(0)} ms)`);
}

export async function run(): Promise<void> {
  console.log(`cold load: ${await coldLoadInFreshProcess()}`);

  const t0 = performance.now();
  const compiled = catalogFromData(SNAPSHOT, { origin: 'snapshot', file: null, note: null });
  console.log(`compile snapshot in-process: ${(performance.now() - t0).toFixed(1)} ms for ${compiled.models} models`);

  // Resolution without the result cache: a fresh catalog per batch of distinct names.
  const c = compiled;
  c.lookup('warm-up-unknown-name'); // builds the lazy deployment-name index once
  perSecond('first-time resolution, 14 real-world spellings (uncached)', 10_000, (i) => {
    if (i % NAMES.length === 0) c.clearCache();
    c.lookup(NAMES[i % NAMES.length]!);
  });
  const warm = catalogFromData(SNAPSHOT, { origin: 'snapshot', file: null, note: null });
  for (const n of NAMES) warm.lookup(n);
  perSecond('repeated lookups (cached), 10k', 10_000, (i) => { warm.lookup(NAMES[i % NAMES.length]!); });
  const unknown = compiled;
  perSecond('unknown names (unpriced + 5 suggestions), 200 distinct', 200, (i) => { unknown.lookup(`no-such-model-${i}`); });
}
