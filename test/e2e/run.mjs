#!/usr/bin/env node
// Entry point of the e2e tests (`npm run test:e2e`):
//   1. test/e2e/setup.sh: Node 24 + code-server (cached outside the clone) and Chromium;
//   2. builds and packages the extension into a .vsix (or takes LLM_COST_LENS_E2E_VSIX);
//   3. runs test/e2e/tests/*.test.ts with Node's test runner, one file at a time;
//   4. reaps any code-server a crashed test left behind, removes the scratch dir, prints the duration and the
//      timings the tests recorded in test-results/e2e/timings.json.
// Arguments: test files to run instead of all. Env: LLM_COST_LENS_TOOLS, LLM_COST_LENS_CHROMIUM,
// LLM_COST_LENS_E2E_VSIX (skip packaging), LLM_COST_LENS_E2E_KEEP=1 (keep the scratch dir).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const started = Date.now();
const repo = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
process.chdir(repo);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const step = (text) => console.log(`[e2e] ${text}`);

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`[e2e] FAILED: ${cmd} ${args.join(' ')} (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  return r;
}

// 1. tools
let t = Date.now();
const setup = run('bash', [join(repo, 'test/e2e/setup.sh')], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
const tools = Object.fromEntries(
  setup.stdout.split('\n').filter((l) => /^[A-Z0-9_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
);
step(`tools ready in ${seconds(t)}`);

const tmp = mkdtempSync(join(tmpdir(), 'llm-cost-lens-e2e-'));
const results = join(repo, 'test-results', 'e2e');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

// 2. the .vsix, as a user would install it
let vsix = process.env.LLM_COST_LENS_E2E_VSIX;
if (!vsix) {
  t = Date.now();
  vsix = join(tmp, 'llm-cost-lens.vsix');
  // with the test hooks compiled in (harness self-tests break a feature on purpose; a normal build has no such switch)
  run('npm', ['run', 'build', '--', '--production'], { env: { ...process.env, LLM_COST_LENS_E2E_HOOKS: '1' } });
  if (!existsSync(join(repo, 'dist', 'extension.js'))) {
    console.error('[e2e] FAILED: npm run build produced no dist/extension.js');
    process.exit(1);
  }
  const vsceArgs = ['package', '--no-dependencies', '--out', vsix];
  if (!existsSync(join(repo, 'LICENSE')) && !existsSync(join(repo, 'LICENSE.md'))) vsceArgs.push('--skip-license'); // vsce would prompt
  run(join(repo, 'node_modules', '.bin', 'vsce'), vsceArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
  step(`packaged ${vsix} in ${seconds(t)}`);
}

// 3. the tests
const pidFile = join(tmp, 'pids');
writeFileSync(pidFile, '');
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(join(repo, 'test/e2e/tests')).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join('test/e2e/tests', f));
t = Date.now();
const tests = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      LLM_COST_LENS_E2E_CODE_SERVER: tools.CODE_SERVER,
      LLM_COST_LENS_E2E_NODE24: tools.NODE24_BIN,
      LLM_COST_LENS_E2E_CHROMIUM: tools.CHROMIUM,
      LLM_COST_LENS_E2E_VSIX: vsix,
      LLM_COST_LENS_E2E_RESULTS: results,
      LLM_COST_LENS_E2E_TMP: tmp,
      LLM_COST_LENS_E2E_WORKSPACE: join(repo, 'examples'),
      LLM_COST_LENS_E2E_PIDS: pidFile,
    },
  },
);
step(`tests ran in ${seconds(t)}`);

// 4. leftovers: a test process that crashed may have left its code-server group running
for (const pid of readFileSync(pidFile, 'utf8').split('\n').filter(Boolean).map(Number)) {
  try {
    process.kill(-pid, 0);
    process.kill(-pid, 'SIGKILL');
    step(`reaped code-server process group ${pid} left by a test`);
  } catch {
    /* already stopped */
  }
}
if (process.env.LLM_COST_LENS_E2E_KEEP === '1') step(`scratch dir kept: ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
step(`screenshots and logs: ${results}`);
printTimings(join(results, 'timings.json'));
step(`total ${seconds(started)}; ${tests.status === 0 ? 'PASSED' : 'FAILED'}`);
process.exit(tests.status ?? 1);

/** The timings the tests recorded (reported, never asserted): activation and tab open → CodeLens, per session. */
function printTimings(file) {
  if (!existsSync(file)) return;
  let all;
  try {
    all = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    step(`timings: unreadable ${file} (${e.message})`);
    return;
  }
  step(`timings (${file}):`);
  for (const [name, t] of Object.entries(all)) {
    const a = t.activation;
    const parts = [];
    if (a) parts.push(`activation (${a.event ?? '?'}) ${a.loadAndActivateMs ?? '?'} ms load + activate, activate() ${a.activateMs ?? '?'} ms`);
    if (t.firstHoverWhileLoadingMs !== undefined) parts.push(`hover asked for while loading answered in ${t.firstHoverWhileLoadingMs} ms`);
    for (const o of t.openToCodeLens ?? []) parts.push(`${o.file} open → CodeLens ${o.msAfterTab} ms${o.firstOpen ? '' : ' (reopened)'}`);
    step(`  ${name}: ${parts.join('; ') || 'nothing recorded'}`);
  }
}
