// The shipped layout: core bundled by esbuild into one CJS file, rank files as JSON in ranks/ beside it.
// Checks the bundle carries no rank data and finds its ranks through __dirname, as dist/extension.js will.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { getEncoding } from 'js-tiktoken';

test('bundled tokens module stays small and loads ranks/*.json from beside itself', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokens-bundle-'));
  try {
    const outfile = join(dir, 'tokens.js');
    await esbuild.build({
      entryPoints: [join(__dirname, '../../src/core/tokens/index.ts')],
      outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent',
    });
    const body = readFileSync(outfile, 'utf8');
    assert.ok(body.length < 100_000, `bundle is ${body.length} bytes`);
    assert.ok(!body.includes('IQ== Ig== Iw== JA=='), 'no rank data in the bundle');

    const req = createRequire(__filename);
    mkdirSync(join(dir, 'ranks'));
    for (const name of ['o200k_base', 'cl100k_base']) {
      writeFileSync(join(dir, 'ranks', `${name}.json`), JSON.stringify(req(`js-tiktoken/ranks/${name}`)));
    }
    const text = 'Bundled: the ranks are read from dist/ranks on first use.';
    const script = `const t = require(${JSON.stringify(outfile)});
      console.log(JSON.stringify([t.countTokens(process.argv[1], 'gpt-4o'), t.countTokens(process.argv[1], 'gpt-4')]));`;
    // a fresh process, cwd outside the repository: node_modules cannot be the source of the ranks
    const out = execFileSync(process.execPath, ['-e', script, text], { cwd: dir, encoding: 'utf8' });
    const [o200k, cl100k] = JSON.parse(out) as { tokens: number; basis: string }[];
    assert.equal(o200k.basis, 'exact');
    assert.equal(o200k.tokens, getEncoding('o200k_base').encode(text, [], []).length);
    assert.equal(cl100k.tokens, getEncoding('cl100k_base').encode(text, [], []).length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
