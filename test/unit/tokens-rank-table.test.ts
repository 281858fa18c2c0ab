// The build's binary rank files (src/core/tokens/rankTable.ts, dist/ranks/<encoding>.bin): the same rank map as
// parsing the JSON, loaded by the shipped layout, and never trusted when unusable (the JSON is read instead).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { getEncoding } from 'js-tiktoken';
import type { TiktokenBPE } from 'js-tiktoken/lite';
import { decodeRankTable, encodeRankTable } from '../../src/core/tokens/rankTable';
import { isEncoderLoaded, parseRanks, unloadEncoders } from '../../src/core/tokens/bpe';
import { countTokens } from '../../src/core/tokens';
import { loadRankTable, setRanksDir } from '../../src/core/tokens/ranks';

const req = createRequire(__filename);
const bpeOf = (name: string) => req(`js-tiktoken/ranks/${name}`) as TiktokenBPE;

test('binary rank table == the parsed JSON ranks (o200k_base, cl100k_base)', () => {
  for (const name of ['o200k_base', 'cl100k_base']) {
    const bpe = bpeOf(name);
    const ranks = parseRanks(bpe.bpe_ranks);
    const table = decodeRankTable(encodeRankTable(bpe, ranks));
    assert.equal(table.patStr, bpe.pat_str, name);
    assert.equal(table.ranks.size, ranks.size, name);
    for (const [token, rank] of ranks) if (table.ranks.get(token) !== rank || !table.ranks.has(token)) assert.fail(`${name}: ${JSON.stringify(token)} ${rank} → ${table.ranks.get(token)}`);
    // not in the vocabulary: a longer run, a token with a byte more or less, the empty string
    for (const [token] of [...ranks].slice(0, 5000)) {
      for (const other of [token + token + token + '\u00ff', token.slice(1) + '\u00fe', '']) assert.equal(table.ranks.get(other), ranks.get(other), JSON.stringify(other));
    }
  }
});

test('binary rank table: ranks with gaps, any alignment, and files that are not one', () => {
  const ranks = new Map([['a', 0], ['bc', 2], ['\u00ff\u0000', 5], ['\u00e9t\u00e9', 6]]);
  const bin = encodeRankTable({ pat_str: 'x' }, ranks);
  for (const shift of [0, 1, 2, 3]) {
    const shifted = Buffer.concat([Buffer.alloc(shift), bin]).subarray(shift); // a view at an odd offset
    const table = decodeRankTable(shifted);
    assert.equal(table.patStr, 'x');
    assert.equal(table.ranks.size, 4);
    for (const [k, v] of ranks) assert.equal(table.ranks.get(k), v);
    for (const k of ['b', 'c', 'ab', '\u00ff', '']) assert.equal(table.ranks.has(k), false);
  }
  assert.throws(() => decodeRankTable(Buffer.from('no header')), /no header line/);
  assert.throws(() => decodeRankTable(Buffer.from('{}\n')), /bad header/);
  assert.throws(() => decodeRankTable(bin.subarray(0, bin.length - 1)), /truncated/);
  assert.throws(() => decodeRankTable(bin.subarray(0, bin.indexOf(10) + 3)), /truncated/);
  assert.throws(() => decodeRankTable(Buffer.concat([bin, Buffer.from('x')])), /truncated/);
  // the layout before the hash table was stored (format 1: no slots) is refused, so the JSON is read instead
  const eol = bin.indexOf(10);
  const header = JSON.parse(bin.toString('utf8', 0, eol)) as { pat_str: string; ranks: number };
  assert.throws(() => decodeRankTable(Buffer.concat([Buffer.from(`${JSON.stringify({ pat_str: header.pat_str, ranks: header.ranks })}\n`), bin.subarray(eol + 1)])), /not format 2/);
  // a damaged table (every slot naming a rank that does not exist): lookups miss, without looping or throwing
  const damaged = Buffer.from(bin);
  damaged.fill(0x7f, damaged.length - 4 * (JSON.parse(bin.toString('utf8', 0, eol)) as { slots: number }).slots);
  const broken = decodeRankTable(damaged);
  for (const k of [...ranks.keys(), 'zz', '']) assert.equal(broken.ranks.get(k), undefined, k);
});

test('the shipped layout counts exactly from <encoding>.bin; an unusable .bin falls back to the JSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokens-bin-'));
  try {
    const outfile = join(dir, 'tokens.js');
    await esbuild.build({ entryPoints: [join(__dirname, '../../src/core/tokens/index.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    mkdirSync(join(dir, 'ranks'));
    for (const name of ['o200k_base', 'cl100k_base']) {
      const bpe = bpeOf(name);
      writeFileSync(join(dir, 'ranks', `${name}.json`), JSON.stringify(bpe));
      writeFileSync(join(dir, 'ranks', `${name}.bin`), encodeRankTable(bpe, parseRanks(bpe.bpe_ranks)));
    }
    const text = 'Ranks from .bin: naïve café, 東京の天気は晴れです, 🙂🙂, ' + 'x'.repeat(300) + ' {placeholder} \t\n  indent';
    const script = `const t = require(${JSON.stringify(outfile)});
      console.log(JSON.stringify([t.countTokens(process.argv[1], 'gpt-4o'), t.countTokens(process.argv[1], 'gpt-4')]));`;
    const count = () => JSON.parse(execFileSync(process.execPath, ['-e', script, text], { cwd: dir, encoding: 'utf8' })) as { tokens: number; basis: string }[];
    const want = [getEncoding('o200k_base').encode(text, [], []).length, getEncoding('cl100k_base').encode(text, [], []).length];
    setRanksDir(join(dir, 'ranks'));
    try {
      assert.ok(loadRankTable('o200k_base'), 'the .bin is what loads');
      assert.deepEqual(count().map((c) => [c.tokens, c.basis]), want.map((n) => [n, 'exact']));
      // in this process too, over every Python and TypeScript fixture
      unloadEncoders();
      const ref = { 'gpt-4o': getEncoding('o200k_base'), 'gpt-4': getEncoding('cl100k_base') };
      for (const f of [...readdirSync('test/fixtures/python').map((n) => join('test/fixtures/python', n)), ...readdirSync('test/fixtures/typescript').map((n) => join('test/fixtures/typescript', n))].filter((p) => statSync(p).isFile())) {
        const t = readFileSync(f, 'utf8');
        for (const [model, enc] of Object.entries(ref)) assert.equal(countTokens(t, model).tokens, enc.encode(t, [], []).length, `${f} ${model}`);
      }
      assert.ok(isEncoderLoaded('o200k_base') && isEncoderLoaded('cl100k_base'));
      // the VSIX layout: the .bin files alone
      for (const name of ['o200k_base', 'cl100k_base']) rmSync(join(dir, 'ranks', `${name}.json`));
      assert.deepEqual(count().map((c) => [c.tokens, c.basis]), want.map((n) => [n, 'exact']), '.bin only');
      for (const name of ['o200k_base', 'cl100k_base']) writeFileSync(join(dir, 'ranks', `${name}.json`), JSON.stringify(bpeOf(name)));
      writeFileSync(join(dir, 'ranks', 'o200k_base.bin'), 'garbage');
      assert.equal(loadRankTable('o200k_base'), null);
      assert.deepEqual(count().map((c) => [c.tokens, c.basis]), want.map((n) => [n, 'exact']));
    } finally {
      setRanksDir(null);
      unloadEncoders();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
