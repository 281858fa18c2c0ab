// The scan's byte prefilter (src/core/scan/bytePrefilter.ts) must give exactly what decoding the file as UTF-8 and
// running the text checks gives: on every fixture, example and real-world file, and on files that are not clean
// UTF-8 (latin1 bytes, broken sequences around a needle, a BOM, UTF-16) or that sit at the minified borderline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { classifyBytes, classifyText } from '../../src/core/scan/bytePrefilter';
import { compileNeedles } from '../../src/core/scan/needleMatcher';
import { readBytes } from '../../src/core/scan/reader';
import { prefilterNeedles, languageForPath } from '../../src/core/detect';
import { mulberry32 } from './helpers/prng';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** The byte path, as the scan runs it (read into the reused buffer), against the decoded path. */
const scratch = { buf: Buffer.alloc(16) }; // small: reading grows it, as the scan's reader does
function assertSame(abs: string, rel: string): void {
  const bytes = readBytes(abs, scratch);
  assert.ok(bytes, `${rel}: readable`);
  const got = classifyBytes(bytes, rel);
  const want = classifyText(readFileSync(abs, 'utf8'), rel);
  assert.deepEqual(got, want, rel);
}

test('byte prefilter == decoded prefilter on every fixture, example and real-world file', () => {
  let n = 0, passed = 0;
  for (const root of ['test/fixtures', 'examples']) {
    for (const abs of files(root)) {
      const rel = relative(root, abs).split('\\').join('/');
      assertSame(abs, rel);
      // also as a source file of each language, whatever its real extension (the verdict depends on the path)
      for (const ext of ['.py', '.ts', '.prompt']) assertSame(abs, `${rel}${ext}`);
      if (languageForPath(rel) !== null && classifyText(readFileSync(abs, 'utf8'), rel).skip === null) passed++;
      n++;
    }
  }
  assert.ok(n > 150, `${n} files`);
  assert.ok(passed > 100, `${passed} files pass the prefilter`); // the test sees both verdicts
});

const dir = mkdtempSync(join(tmpdir(), 'llm-cost-lens-bytes-'));
function check(name: string, bytes: Buffer, expectSkip?: string | null): void {
  const abs = join(dir, name);
  writeFileSync(abs, bytes);
  assertSame(abs, name);
  if (expectSkip !== undefined) assert.equal(classifyBytes(readBytes(abs)!, name).skip, expectSkip, name);
}

test('byte prefilter == decoded prefilter on files that are not clean UTF-8', () => {
  const ascii = (s: string) => Buffer.from(s, 'latin1');
  // latin1 text (invalid UTF-8) around a needle, and a needle split by or glued to broken sequences
  check('latin1.py', ascii('# caf\xe9 na\xefve\nimport openai\n'), null);
  check('latin1-none.py', ascii('# caf\xe9 na\xefve\nimport os\n'), 'no SDK');
  check('broken-lead.py', Buffer.concat([ascii('x = "'), Buffer.from([0xe2, 0x82]), ascii('OpenAI"\n')]), null);
  check('broken-inside.py', Buffer.concat([ascii('open'), Buffer.from([0xc3]), ascii('ai\n')]), 'no SDK');
  check('continuation-only.ts', Buffer.concat([Buffer.from([0x80, 0xbf]), ascii('anthropic')]), null);
  check('overlong.py', Buffer.concat([Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), ascii('litellm')]), null);
  check('surrogate.py', Buffer.concat([Buffer.from([0xed, 0xa0, 0x80]), ascii('groq')]), null);
  // case: ASCII letters in any case match; non-ASCII look-alikes (Kelvin sign, long s, dotless i) do not
  check('upper.ts', ascii('import X from "OPENAI";\n'), null);
  check('kelvin.py', Buffer.from('# \u212Aohere \u017Fdk mi\u0131stral\n', 'utf8'), 'no SDK');
  check('fullwidth.py', Buffer.from('# \uff4f\uff50\uff45\uff4e\uff41\uff49\n', 'utf8'), 'no SDK');
  // BOM: kept in the text as U+FEFF, as readFileSync keeps it
  check('bom.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii('from openai import OpenAI\n')]), null);
  check('bom-none.py', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii('import os\n')]), 'no SDK');
  // UTF-16 (with and without BOM): NUL bytes, so binary whether or not a needle is there
  check('utf16le.py', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('import openai\n', 'utf16le')]), 'binary (contains NUL bytes)');
  check('utf16be.ts', Buffer.from('import openai\n', 'utf16le').swap16(), 'binary (contains NUL bytes)');
  check('utf16-none.py', Buffer.from('import os\n', 'utf16le'), 'binary (contains NUL bytes)');
  check('nul.prompt', ascii('hello\0world'), 'binary (contains NUL bytes)');
  check('empty.py', Buffer.alloc(0), 'no SDK');
  check('empty.prompt', Buffer.alloc(0), null);
});

test('byte prefilter == decoded prefilter at the minified borderline', () => {
  const line = (n: number, c = 'x') => c.repeat(n);
  // 5,000+ bytes on one line: minified as bytes, and as text unless multi-byte characters make it shorter
  check('min.js', Buffer.from(`var a="openai";${line(6000)}`), undefined);
  check('min-none.js', Buffer.from(line(6000)), undefined);
  check('multibyte-short.js', Buffer.from(`import "openai";${line(1700, '\u20ac')}`, 'utf8'), undefined); // 5,100 bytes, 1,716 chars
  check('multibyte-long.js', Buffer.from(`import "openai";${line(5200, '\u00e9')}`, 'utf8'), undefined);
  check('avg-500.js', Buffer.from(`${line(499)}\n`.repeat(20) + 'openai'), undefined); // 10,006 bytes on 21 lines
  check('avg-506.js', Buffer.from(`${line(530)}\n`.repeat(20) + 'openai'), undefined); // 10,626 bytes on 21 lines
  check('strings.py', Buffer.from(`PROMPT = "${line(20000)}"\nimport openai\n`), undefined); // a long string is not minified code
  check('long.prompt', Buffer.from(`${line(20000)}\n`), null); // prompt files are never minified
  for (const name of ['min.js', 'min-none.js', 'multibyte-long.js', 'avg-506.js']) assert.match(classifyBytes(readBytes(join(dir, name))!, name).skip ?? '', /^minified/, name);
  for (const name of ['multibyte-short.js', 'avg-500.js', 'strings.py']) assert.equal(classifyBytes(readBytes(join(dir, name))!, name).skip, null, name);
});

test('byte prefilter == decoded prefilter on random byte soup with needles in it', () => {
  const r = mulberry32(20251203);
  const needles = prefilterNeedles();
  const pieces = [...needles, ...needles.map((n) => n.toUpperCase()), 'x', ' ', '\n', 'é', '\u212A', '\ud83d\ude00'];
  for (let k = 0; k < 400; k++) {
    const parts: Buffer[] = [];
    for (let i = 0, m = 1 + Math.floor(r() * 12); i < m; i++) {
      const roll = r();
      if (roll < 0.3) parts.push(Buffer.from([1 + Math.floor(r() * 255)]));
      else if (roll < 0.5) {
        // a needle cut short or with a byte in the middle: close to a match, not one
        const n = needles[Math.floor(r() * needles.length)]!;
        const cut = Math.floor(r() * n.length);
        parts.push(Buffer.concat([Buffer.from(n.slice(0, cut)), Buffer.from([0x80 + Math.floor(r() * 64)]), Buffer.from(n.slice(cut))]));
      } else parts.push(Buffer.from(pieces[Math.floor(r() * pieces.length)]!, 'utf8'));
    }
    check(`soup-${k}.py`, Buffer.concat(parts));
  }
});

test('the needle matcher finds what the case-insensitive RegExp finds', () => {
  const needles = ['openai', '"ai"', '.invoke(', 'zai', 'ai.agents', '/v1/messages', 'aab', 'ab'];
  const re = new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
  const match = compileNeedles(needles);
  const r = mulberry32(7);
  const alphabet = ['a', 'A', 'b', 'i', 'I', 'z', 'Z', '"', '.', '(', '/', 'v', '1', 'm', 'e', 's', 'g', 'o', 'p', 'n', 'k', 'x', 'aa', 'O'];
  for (let k = 0; k < 3000; k++) {
    let s = '';
    for (let i = 0, m = Math.floor(r() * 30); i < m; i++) s += alphabet[Math.floor(r() * alphabet.length)];
    assert.equal(match(Buffer.from(s, 'latin1')), re.test(s), JSON.stringify(s));
  }
  assert.equal(compileNeedles([])(Buffer.from('anything')), false);
  assert.throws(() => compileNeedles(['caf\u00e9']), /ASCII/);
});

test('the needle matcher agrees with the RegExp for random needle sets (shared prefixes, suffixes, both cases, punctuation)', () => {
  const r = mulberry32(11);
  const letters = 'abcdABZz@.[_ 09\x7f';
  const pick = () => letters[Math.floor(r() * letters.length)]!;
  for (let set = 0; set < 300; set++) {
    const needles = Array.from({ length: 1 + Math.floor(r() * 10) }, () => Array.from({ length: 1 + Math.floor(r() * 5) }, pick).join(''));
    const re = new RegExp(needles.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
    const match = compileNeedles(needles);
    for (let k = 0; k < 100; k++) {
      const bytes = Buffer.from(Array.from({ length: Math.floor(r() * 40) }, () => (r() < 0.8 ? letters.charCodeAt(Math.floor(r() * letters.length)) : Math.floor(r() * 256))));
      assert.equal(match(bytes), re.test(bytes.toString('latin1')), `${JSON.stringify(needles)} in ${JSON.stringify(bytes.toString('latin1'))}`);
    }
  }
});

test('readBytes reads files larger than its buffer, and an empty file; null when missing', () => {
  const big = Buffer.alloc(700_000, 'a');
  big.write('openai', 650_000);
  writeFileSync(join(dir, 'big.py'), big);
  const got = readBytes(join(dir, 'big.py'), scratch)!;
  assert.equal(got.length, big.length);
  assert.ok(got.equals(big));
  assert.ok(readBytes(join(dir, 'big.py'))!.equals(big), 'with a buffer of its own');
  writeFileSync(join(dir, 'zero.py'), '');
  assert.equal(readBytes(join(dir, 'zero.py'))!.length, 0);
  assert.equal(readBytes(join(dir, 'missing.py')), null);
});

test('readBytes with the size the walk saw: the whole file when it grew or shrank since, or is as seen', () => {
  const file = join(dir, 'sized.py');
  for (const [now, seen] of [[5000, 5000], [5000, 100], [5000, 9000], [0, 10], [70_000, 70_000], [70_000, 10], [131_072, 131_072]] as const) {
    const body = Buffer.alloc(now, 'b');
    writeFileSync(file, body);
    for (const buf of [Buffer.alloc(16), Buffer.alloc(65_536), Buffer.alloc(1 << 20)]) {
      const got = readBytes(file, { buf }, seen);
      assert.ok(got?.equals(body), `${now} bytes on disk, ${seen} seen, a ${buf.length}-byte buffer`);
    }
  }
});
