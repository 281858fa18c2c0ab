import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main';

const dir = mkdtempSync(join(tmpdir(), 'llm-cost-lens-cli-'));
function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SEED = 'examples/scenarios/seed-sonnet-1000.json';

test('estimate --json prints the contract for the seed example', async () => {
  const r = await cli('estimate', '--scenario', SEED, '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.ok(Math.abs(j.api.costPerRequestUsd - 0.003) < 1e-12);
  assert.ok(Math.abs(j.api.monthlyUsd - 66) < 1e-9);
  assert.deepEqual(j.api.price.source, 'scenario');
  assert.equal(j.selfHosted.monthlyUsd, 200);
  assert.ok(Math.abs(j.breakEven.computeOnlyRequestsPerDay - 303.03) / 303.03 < 0.005);
  assert.ok(Math.abs(j.breakEven.withOpsRequestsPerDay - 3030.3) / 3030.3 < 0.005);
  assert.equal(j.verdict, 'api');
  assert.deepEqual(j.notes, []);
});

test('estimate without --json prints a readable table with the basis of the price', async () => {
  const r = await cli('estimate', '--scenario', SEED);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /API per request\s+\$0\.003/);
  assert.match(r.out, /API per month\s+\$66/);
  assert.match(r.out, /Self-hosted per month\s+\$200/);
  assert.match(r.out, /Break-even, with ops\s+3,030 req\/day/);
  assert.match(r.out, /source: scenario/);
  assert.match(r.out, /Month: 22 days/);
});

test('invalid input exits 2 with one `path: reason` line per problem and no stack trace', async () => {
  const bad = file('bad.json', JSON.stringify({
    workload: { requestsPerDay: -5, inputTokens: 'lots', outputTokens: 100, colour: 'red' },
    api: { model: 'gpt-4o' },
  }));
  const r = await cli('estimate', '--scenario', bad, '--json');
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.deepEqual(r.err.split('\n').sort(), [
    'workload.colour: unknown key',
    'workload.inputTokens: expected number, got string "lots"',
    'workload.requestsPerDay: must not be negative (got -5)',
  ]);
});

test('a file that is not JSON exits 2 with the parse error and its position', async () => {
  const broken = file('broken.json', '{\n  "workload": { "requestsPerDay": 10, }\n}');
  const r = await cli('estimate', '--scenario', broken);
  assert.equal(r.code, 2);
  assert.match(r.err, /broken\.json: invalid JSON at line 2, column \d+: /);
  assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
});

test('unknown model exits 2 naming api.model and suggesting close names', async () => {
  const f = file('model.json', JSON.stringify({ workload: { requestsPerDay: 1, inputTokens: 1, outputTokens: 1 }, api: { model: 'gpt-4o-minii' } }));
  const r = await cli('estimate', '--scenario', f);
  assert.equal(r.code, 2);
  assert.match(r.err, /^api\.model: unknown model "gpt-4o-minii"/);
});

test('a missing file, a missing --scenario and an unknown option exit 2 with a clear message', async () => {
  const missing = await cli('estimate', '--scenario', join(dir, 'nope.json'));
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.json: cannot read the scenario file \(ENOENT\)/);
  const none = await cli('estimate');
  assert.equal(none.code, 2);
  assert.equal(none.err.trim(), 'estimate: --scenario FILE is required');
  const unknown = await cli('estimate', '--scenraio', SEED);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /unknown option --scenraio/);
  const cmd = await cli('estimat');
  assert.equal(cmd.code, 2);
  assert.match(cmd.err, /unknown command "estimat"/);
});

test('every bundled example scenario estimates cleanly', async () => {
  for (const name of ['seed-sonnet-1000', 'seed-sonnet-migration', 'gpt4o-mini-batch-h100', 'gpt4o-three-way']) {
    const r = await cli('estimate', '--scenario', `examples/scenarios/${name}.json`, '--json');
    assert.equal(r.code, 0, `${name}: ${r.err}`);
  }
  const migration = JSON.parse((await cli('estimate', '--scenario', 'examples/scenarios/seed-sonnet-migration.json', '--json')).out);
  assert.equal(migration.selfHosted.setupOneTimeUsd, 360);
  assert.equal(migration.selfHosted.monthlyUsd, 560);
  // The self-hosted figures are unchanged; the open counterpart through a hosted API (Llama 3.3 70B at the
  // catalog's cheapest host) is cheaper still, so the verdict names it (README ▸ three-way economics).
  assert.equal(migration.selfHosted.monthlyUsd < migration.api.monthlyUsd, true);
  assert.equal(migration.hostedOpen.model, 'llama-3.3-70b');
  assert.equal(migration.verdict, 'hosted-open');
});

test('the bundled dist/cli.js runs as an executable with the same output and exit codes', () => {
  assert.ok(existsSync('dist/cli.js'), 'dist/cli.js is missing: run `npm run build` (npm test does)');
  assert.ok(readFileSync('dist/cli.js', 'utf8').startsWith('#!/usr/bin/env node'), 'dist/cli.js needs a shebang');
  const ok = spawnSync(process.execPath, ['dist/cli.js', 'estimate', '--scenario', SEED, '--json'], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).selfHosted.monthlyUsd, 200);
  const bad = spawnSync(process.execPath, ['dist/cli.js', 'estimate', '--scenario', file('neg.json', '{"workload":{"requestsPerDay":1,"inputTokens":-1,"outputTokens":1},"api":{"model":"gpt-4o"}}')], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim(), 'workload.inputTokens: must not be negative (got -1)');
});

test('the bundled CLI decodes Python \\N{NAME} escapes as the sources do (its names table is parsed on first use)', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'llm-cost-lens-names-'));
  writeFileSync(join(ws, 'a.py'), 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "caf\\N{LATIN SMALL LETTER E WITH ACUTE} \\N{EM DASH} \\N{NO SUCH NAME}"}])\n');
  const bundled = spawnSync(process.execPath, ['dist/cli.js', 'scan', ws, '--json'], { encoding: 'utf8' });
  assert.equal(bundled.status, 0, bundled.stderr);
  const source = await cli('scan', ws, '--json');
  assert.equal(source.code, 0, source.err);
  const tokens = (out: string) => JSON.parse(out).callSites[0].tokens;
  assert.deepEqual(tokens(bundled.stdout), tokens(source.out));
  // é and — are known names (one exact count for them); the unknown name makes the count a band
  assert.match(tokens(bundled.stdout).inputBasis, /unknown \\N\{…\} characters/);
  assert.equal(tokens(bundled.stdout).inputHigh - tokens(bundled.stdout).inputLow, 3);
});
