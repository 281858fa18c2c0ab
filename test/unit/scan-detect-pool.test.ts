// Detection in worker threads (src/core/scan/detectPool.ts, parallelDetect.ts): a scan through the pool must equal
// the same scan in one thread — with one worker or several, when a worker throws or exits mid-scan, when the worker
// cannot start, and when files vanish during the scan; the pool's results come back per file, in any order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { scanWorkspace, type ScanResult } from '../../src/core/scan/scan';
import { WorkspaceScanner } from '../../src/core/scan/workspaceScanner';
import { POOL_EAGER_FILES } from '../../src/core/scan/parallelDetect';
import { walkWorkspace } from '../../src/core/scan/walk';
import { DetectPool, defaultWorkerScript, type Detected } from '../../src/core/scan/detectPool';
import { workspaceReader } from '../../src/core/scan/reader';
import { detectRecording } from '../../src/core/engine/detections';
import { tempTree } from './helpers/tempTree';

const FAULTY = join(__dirname, 'helpers', 'faultyScanWorker.ts');

/** ~30 fixture files that call LLM SDKs, a pair reading each other, plain files and a minified one. */
function tree(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = {};
  for (const [dir, ext] of [['python', '.py'], ['typescript', '.ts']] as const) {
    const names = readdirSync(join('test/fixtures', dir)).filter((n) => n.endsWith(ext) && !/negatives|mock/.test(n)).sort().slice(0, 15);
    for (const n of names) files[`src/${dir}/${n}`] = readFileSync(join('test/fixtures', dir, n), 'utf8');
  }
  files['app/prompts.py'] = 'SYSTEM = "You are a terse assistant. Answer in one line."\n';
  files['app/main.py'] = 'from openai import OpenAI\nfrom prompts import SYSTEM\nclient = OpenAI()\ndef ask(q):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": q}])\n';
  for (let i = 0; i < 10; i++) files[`lib/plain_${i}.py`] = `def f${i}(x):\n    return x + ${i}\n`;
  files['web/bundle.js'] = `import OpenAI from "openai";${'var a=1;'.repeat(1000)}`;
  return tempTree({ ...files, ...extra }, 'llm-cost-lens-pool-');
}

const json = (r: ScanResult) => JSON.parse(JSON.stringify(r)) as unknown;

test('a scan through worker threads equals the scan in one thread (2 workers, 1 worker, the real worker entry)', async () => {
  const root = tree();
  try {
    assert.ok(defaultWorkerScript()?.endsWith('scanWorker.ts'), 'the worker entry beside the sources');
    const inThread = await scanWorkspace(root, { parallel: false });
    assert.ok(inThread.callSites.length >= 30, `${inThread.callSites.length} call sites`);
    assert.ok(inThread.callSites.some((c) => c.file === 'app/main.py'), 'the file reading another one is a call site');
    for (const workers of [2, 1]) {
      const scanner = new WorkspaceScanner(root, { parallel: { workers, minFiles: 1 } });
      const pass = await scanner.scan();
      assert.deepEqual(json(scanner.result()), json(inThread), `${workers} worker(s)`);
      assert.ok((pass.inWorkers ?? 0) >= 30, `${pass.inWorkers} files detected in worker threads`);
    }
    const byDefault = new WorkspaceScanner(root);
    assert.ok(((await byDefault.scan()).inWorkers ?? 0) >= 30, 'enough files to detect for a pool by default');
    assert.deepEqual(json(byDefault.result()), json(inThread));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a small scan detects in its own thread by default', async () => {
  const files: Record<string, string> = {};
  for (const n of ['anthropic_app.py', 'google_genai.py', 'litellm_app.py']) files[n] = readFileSync(join('test/fixtures/python', n), 'utf8');
  for (let i = 0; i < 40; i++) files[`lib/plain_${i}.py`] = `def f${i}(x):\n    return x + ${i}\n`;
  const root = tempTree(files, 'llm-cost-lens-pool-');
  try {
    const scanner = new WorkspaceScanner(root);
    const pass = await scanner.scan();
    assert.equal(pass.analysed, 43);
    assert.equal(pass.inWorkers, undefined);
    assert.deepEqual(json(scanner.result()), json(await scanWorkspace(root, { parallel: false })));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a worker that throws or exits mid-scan: its files are detected in the calling thread, the scan is unchanged', async () => {
  const broken = { 'src/worker-throws.py': readFileSync('test/fixtures/python/openai_chat.py', 'utf8'), 'src/worker-exits.ts': readFileSync('test/fixtures/typescript/anthropic.ts', 'utf8') };
  const root = tree(broken);
  try {
    const inThread = await scanWorkspace(root, { parallel: false });
    assert.ok(inThread.callSites.some((c) => c.file === 'src/worker-throws.py') && inThread.callSites.some((c) => c.file === 'src/worker-exits.ts'));
    for (const workers of [1, 2]) {
      const scanner = new WorkspaceScanner(root, { parallel: { workers, minFiles: 1, script: FAULTY } });
      const pass = await scanner.scan();
      assert.deepEqual(json(scanner.result()), json(inThread), `${workers} faulty worker(s)`);
      if (workers === 2) assert.ok((pass.inWorkers ?? 0) > 0, 'files detected before the workers broke');
    }
    const none = new WorkspaceScanner(root, { parallel: { workers: 2, minFiles: 1, script: join(__dirname, 'no-such-worker.js') } });
    assert.equal((await none.scan()).inWorkers, undefined, 'no worker started');
    assert.deepEqual(json(none.result()), json(inThread), 'no worker starts');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('files vanishing mid-scan: a listed file is an unreadable skip, an imported one is missing, as in one thread', async () => {
  const results: unknown[] = [];
  for (const parallel of [false, { workers: 2, minFiles: 1 }] as const) {
    const root = tree();
    try {
      const scanner = new WorkspaceScanner(root, { parallel });
      // after the walk listed them, before they are read
      await scanner.scan({ onProgress: (done) => { if (done === 0) for (const f of ['src/python/anthropic_app.py', 'app/prompts.py']) rmSync(join(root, f)); } });
      const r = scanner.result();
      assert.ok(r.skipped.some((s) => s.file === 'src/python/anthropic_app.py' && s.reason === 'unreadable'), JSON.stringify(r.skipped));
      results.push({ ...(json(r) as object), root: null });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
  assert.deepEqual(results[1], results[0]);
});

test('the pool: one result per file whatever the order they finish in; the fallback only for a broken worker', async () => {
  const root = tree();
  try {
    const reader = workspaceReader(root);
    let fallbacks = 0;
    const fallback = async (rel: string, text: string): Promise<Detected> => {
      fallbacks++;
      return detectRecording(rel, text, workspaceReader(root));
    };
    const files = ['app/main.py', 'src/python/google_genai.py', 'web/bundle.js', 'src/typescript/anthropic.ts', 'lib/plain_1.py'];
    const want = await Promise.all(files.map((f) => detectRecording(f, reader.readFile(f)!, workspaceReader(root))));
    for (const workers of [1, 3]) {
      const pool = new DetectPool({ root, confined: false, workers, fallback });
      try {
        assert.equal(pool.workers, workers);
        // the big file last, so results can come back out of order
        const got = await Promise.all(files.map((f) => pool.run(f, reader.readFile(f)!)));
        assert.deepEqual(got, want, `${workers} worker(s)`);
        assert.ok(got[0] && 'deps' in got[0] && got[0].deps.has('app/prompts.py'), 'the reads the worker made come back');
      } finally {
        await pool.close();
      }
    }
    assert.equal(fallbacks, 0);
    const faulty = new DetectPool({ root, confined: false, workers: 1, script: FAULTY, fallback });
    try {
      const text = reader.readFile('src/python/google_genai.py')!;
      assert.deepEqual(await faulty.run('src/worker-throws.py', text), await fallback('src/worker-throws.py', text));
      assert.equal(faulty.workers, 0, 'the worker that threw is gone');
      assert.ok(fallbacks >= 2);
    } finally {
      await faulty.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the worker entry is bundled beside the CLI and the extension services, and packaged', () => {
  const build = readFileSync('scripts/build.mjs', 'utf8');
  assert.match(build, /entryPoints: \['src\/core\/scan\/scanWorker\.ts'\], outfile: 'dist\/scanWorker\.js'/);
  for (const bundle of ['dist/cli.js', 'dist/services.js']) assert.match(build, new RegExp(`outfile: '${bundle.replace('.', '\\.')}'`), `${bundle} is built into dist/ too`);
  assert.match(readFileSync('.vscodeignore', 'utf8'), /^!dist\/scanWorker\.js$/m);
});

test('a first walk of POOL_EAGER_FILES files or more starts the workers before it ends; a smaller one does not', async () => {
  const llm: Record<string, string> = {};
  for (const n of ['anthropic_app.py', 'google_genai.py', 'litellm_app.py']) llm[`app/${n}`] = readFileSync(join('test/fixtures/python', n), 'utf8');
  for (const [count, eager] of [[POOL_EAGER_FILES, true], [POOL_EAGER_FILES - 4, false]] as const) {
    const files: Record<string, string> = { ...llm };
    for (let i = 0; Object.keys(files).length < count; i++) files[`lib/m${i}/plain_${i}.py`] = `def f${i}(x):\n    return x + ${i}\n`;
    const root = tempTree(files, 'llm-cost-lens-pool-');
    try {
      const scanner = new WorkspaceScanner(root);
      const pass = await scanner.scan();
      assert.equal(pass.analysed, count);
      // 3 files to detect: fewer than POOL_MIN_FILES, so only a pool started during the walk detects them
      assert.equal(pass.inWorkers, eager ? 3 : undefined, `${count} files`);
      assert.deepEqual(json(scanner.result()), json(await scanWorkspace(root, { parallel: false })));
      // a later scan of the same scanner re-detects nothing and starts no worker
      assert.equal((await scanner.scan()).inWorkers, undefined);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
});

test('walkWorkspace reports each file as it lists it, with the count so far', () => {
  const root = tempTree({ 'a.py': 'x = 1\n', 'b/c.ts': 'export {};\n', 'b/d.md': '# not source\n', 'e.js': '1;\n' }, 'llm-cost-lens-walk-');
  try {
    const heard: [string, number][] = [];
    const walk = walkWorkspace(root, {}, (f, n) => heard.push([f, n]));
    assert.deepEqual(heard, walk.files.map((f, i) => [f, i + 1]));
    assert.deepEqual(walk.files, ['a.py', 'b/c.ts', 'e.js']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a grammar a worker cannot preload breaks nothing: the files it needs are detected', async () => {
  const root = tree();
  try {
    const reader = workspaceReader(root);
    const pool = new DetectPool({ root, confined: false, workers: 1, preload: ['no-such-grammar', 'python', 'tsx'], fallback: () => Promise.reject(new Error('fallback used')) });
    const text = readFileSync(join(root, 'app/main.py'), 'utf8');
    const got = await pool.run('app/main.py', text);
    await pool.close();
    assert.equal(pool.answered, 1);
    const want: Detected = await detectRecording('app/main.py', text, reader);
    assert.deepEqual('result' in got ? got.result : got, want.result);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
