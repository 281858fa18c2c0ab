import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The full package is the reference; src/ must only ever use the rank files.
import { getEncoding } from 'js-tiktoken';
import { mulberry32 as rng } from './helpers/prng';
import {
  countChatTokens,
  countTokens,
  isEncoderLoaded,
  setRanksDir,
  sumCounts,
  TokenCountCache,
  TokenCounter,
  unloadEncoders,
  type EncodingName,
} from '../../src/core/tokens';

const reference = { o200k_base: getEncoding('o200k_base'), cl100k_base: getEncoding('cl100k_base') };
const ref = (enc: EncodingName, text: string): number => reference[enc].encode(text, [], []).length;
const MODEL: Record<EncodingName, string> = { o200k_base: 'gpt-4o', cl100k_base: 'gpt-4' };


const SAMPLES = [
  'Hello, world!',
  "I'm sure you'll see they've DONE it. We'd've",
  'def f(x):\n    return x ** 2  # square\n\n\n\tprint(f(3))\r\n',
  'const total = items.reduce((s, i) => s + i.price * 1.0825, 0);',
  '1234567890 3.14159 1e-9 0xDEADBEEF 100,000,000',
  '这是一个很长的中文句子，没有空格。日本語のテキストも。한국어 문장도 있습니다.',
  'emoji 🎉🚀👩‍👩‍👧‍👦 and accents: café, naïve, Ærøskøbing, Straße',
  'special tokens as text: <|endoftext|> <|endofprompt|> <|fim_prefix|>',
  '    \n\n   \t  trailing spaces   ',
  '=====================================================================',
  'https://example.com/path?query=a&b=c#frag /usr/local/bin//x',
  'ALLCAPS mixedCase snake_case kebab-case CamelCaseIdentifier',
  '{"role": "user", "content": "Summarize the following:\\n{document}"}',
];

for (const enc of ['o200k_base', 'cl100k_base'] as const) {
  test(`${enc}: exact counts equal the full js-tiktoken package on varied samples`, () => {
    for (const s of SAMPLES) {
      const c = countTokens(s, MODEL[enc]);
      assert.equal(c.tokens, ref(enc, s), JSON.stringify(s));
      assert.equal(c.basis, 'exact');
      assert.equal(c.tokenizer, enc);
      assert.equal(c.low, c.tokens);
      assert.equal(c.high, c.tokens);
    }
  });

  test(`${enc}: exact counts equal js-tiktoken on 300 random strings`, () => {
    const rand = rng(enc === 'o200k_base' ? 42 : 7);
    const alphabet = [...'aeiou xyzTHE  \n\n\t\r.,;:!?\'"()[]{}<>/\\|_-+=*&^%$#@~`0123456789'].concat(['é', 'ß', '中', '文', '😀', '\u0301', "'s", "'LL", '  ', '\r\n']);
    for (let i = 0; i < 300; i++) {
      const len = Math.floor(rand() * 120);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(rand() * alphabet.length)];
      assert.equal(countTokens(s, MODEL[enc]).tokens, ref(enc, s), JSON.stringify(s));
    }
  });

  test(`${enc}: long unbroken runs (where the reference merge is slow) count exactly`, () => {
    const rand = rng(3);
    const letters = Array.from({ length: 700 }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)]).join('');
    for (const s of ['a'.repeat(600), letters, '中文字符没有空格'.repeat(60), '-'.repeat(500), ' '.repeat(400) + 'x']) {
      assert.equal(countTokens(s, MODEL[enc]).tokens, ref(enc, s), s.slice(0, 20));
    }
  });
}

test('long text: ~1 MiB of TypeScript lib declarations counts exactly', () => {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|md|json)$/.test(name)) files.push(p);
    }
  };
  walk('node_modules/typescript/lib');
  let text = '';
  for (const f of files.sort()) {
    if (text.length >= 1 << 20) break;
    text += readFileSync(f, 'utf8');
  }
  text = text.slice(0, 1 << 20);
  assert.ok(text.length > 500_000);
  assert.equal(countTokens(text, 'gpt-4.1').tokens, ref('o200k_base', text));
});

test('empty string is 0 for every family, exact or not', () => {
  for (const model of ['gpt-4o', 'gpt-4', 'claude-sonnet-4-5', 'llama-3.1-8b', null]) {
    const c = countTokens('', model);
    assert.deepEqual([c.tokens, c.low, c.high], [0, 0, 0], String(model));
  }
});

test('estimates scale the o200k count by the family ratio, with a band that brackets it', () => {
  const text = SAMPLES.join('\n').repeat(20);
  const base = ref('o200k_base', text);
  const cases: [string | null, string, number, number, number][] = [
    ['claude-sonnet-4-5-20250929', 'claude', 1.15, 1.05, 1.25],
    ['claude-opus-4-7', 'claude-4.7+', 1.35, 1.1, 1.75],
    ['meta-llama/Llama-3.3-70B-Instruct', 'llama-3', 1.0, 0.95, 1.05],
    ['gemini-2.5-pro', 'gemini', 1.145, 1.05, 1.25],
    ['gemma-3-27b-it', 'gemma', 1.145, 1.1, 1.19],
    ['Qwen/Qwen3-30B-A3B', 'qwen', 1.015, 1.0, 1.03],
    ['some-brand-new-model', 'unknown', 1.0, 0.85, 1.5],
    [null, 'unknown', 1.0, 0.85, 1.5],
  ];
  for (const [model, family, ratio, lo, hi] of cases) {
    const c = countTokens(text, model);
    assert.equal(c.basis, 'approx', String(model));
    assert.equal(c.tokens, Math.round(base * ratio), String(model));
    assert.equal(c.low, Math.floor(base * lo + 1e-9), String(model));
    assert.equal(c.high, Math.ceil(base * hi - 1e-9), String(model));
    assert.ok(c.low <= c.tokens && c.tokens <= c.high);
    assert.ok(c.low < c.high, `${model}: an estimate has a real band`);
    assert.ok(c.tokenizer.startsWith(`${family} ≈ o200k_base`), c.tokenizer);
    assert.ok(c.note && c.note.length > 20, 'the note cites the source of the ratio');
  }
});

test('Claude is never exact, whatever the spelling', () => {
  for (const m of ['claude-3-5-haiku-20241022', 'anthropic/claude-sonnet-4-6', 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude-2.1', 'claude-opus-4-7']) {
    const c = countTokens('The quick brown fox jumps over the lazy dog.', m);
    assert.equal(c.basis, 'approx', m);
    assert.ok(c.high > c.low, m);
  }
});

test('chat framing: OpenAI = 3 per message + role tokens + 3 reply priming (cookbook recipe)', () => {
  const messages = [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'What is the capital of France?' },
    { role: 'assistant', content: 'Paris.' },
  ];
  for (const enc of ['o200k_base', 'cl100k_base'] as const) {
    const expected = messages.reduce((n, m) => n + 3 + ref(enc, m.role) + ref(enc, m.content), 3);
    const c = countChatTokens(messages, MODEL[enc]);
    assert.equal(c.tokens, expected);
    assert.equal(c.basis, 'exact');
    assert.equal(c.low, c.high);
  }
  assert.equal(countChatTokens([], 'gpt-4o').tokens, 0);
});

test('chat framing for estimated families is added on top of the scaled content, band included', () => {
  const messages = [
    { role: 'system', content: 'Answer in one word.' },
    { role: 'user', content: 'Colour of the sky on a clear day?' },
  ];
  const cases: [string, number, number][] = [
    ['claude-sonnet-4-6', 4, 3],
    ['llama-3.1-8b-instruct', 5, 5],
    ['qwen2.5-72b-instruct', 5, 3],
  ];
  for (const [model, perMessage, perRequest] of cases) {
    const parts = messages.map((m) => countTokens(m.content, model));
    const framing = perMessage * messages.length + perRequest;
    const c = countChatTokens(messages, model);
    assert.equal(c.tokens, parts.reduce((s, p) => s + p.tokens, 0) + framing, model);
    assert.equal(c.low, parts.reduce((s, p) => s + p.low, 0) + framing, model);
    assert.equal(c.high, parts.reduce((s, p) => s + p.high, 0) + framing, model);
    assert.equal(c.basis, 'approx');
    assert.match(c.note ?? '', /chat framing/);
  }
});

test('sumCounts: approx if any part is approx, bands add; exact parts stay exact', () => {
  const a = countTokens('alpha beta gamma', 'gpt-4o');
  const b = countTokens('delta epsilon', 'gpt-4o');
  const exactSum = sumCounts([a, b]);
  assert.equal(exactSum.basis, 'exact');
  assert.equal(exactSum.tokens, a.tokens + b.tokens);
  assert.equal(exactSum.low, exactSum.high);
  const c = countTokens('zeta eta theta iota kappa lambda mu', 'claude-haiku-4-5');
  const mixed = sumCounts([a, b, c]);
  assert.equal(mixed.basis, 'approx');
  assert.equal(mixed.tokens, a.tokens + b.tokens + c.tokens);
  assert.equal(mixed.low, a.low + b.low + c.low);
  assert.equal(mixed.high, a.high + b.high + c.high);
  assert.deepEqual(sumCounts([]), { tokens: 0, basis: 'exact', tokenizer: 'none', low: 0, high: 0 });
});

test('cache: identical results with and without it; bounded; recency-ordered', () => {
  const texts = SAMPLES.concat(SAMPLES.map((s) => s.toUpperCase()));
  const models = ['gpt-4o', 'gpt-4', 'claude-sonnet-4-5', null];
  const off = new TokenCountCache(0);
  const uncached = models.flatMap((m) => texts.map((t) => new TokenCounter(off).countTokens(t, m)));
  assert.equal(off.stats().size, 0);
  const cache = new TokenCountCache(1000);
  const counter = new TokenCounter(cache);
  const first = models.flatMap((m) => texts.map((t) => counter.countTokens(t, m)));
  const second = models.flatMap((m) => texts.map((t) => counter.countTokens(t, m)));
  assert.deepEqual(first, uncached);
  assert.deepEqual(second, uncached);
  assert.ok(cache.stats().hits > 0);

  const small = new TokenCountCache(5);
  const bounded = new TokenCounter(small);
  for (let i = 0; i < 20; i++) bounded.countTokens(`distinct text number ${i}`, 'gpt-4o');
  assert.equal(small.stats().size, 5);
  // keep "number 15" fresh, insert one more: the oldest other entry goes, 15 stays (a hit, not a miss)
  bounded.countTokens('distinct text number 15', 'gpt-4o');
  bounded.countTokens('one more text', 'gpt-4o');
  const before = small.stats();
  bounded.countTokens('distinct text number 15', 'gpt-4o');
  assert.equal(small.stats().hits, before.hits + 1);
});

test('ranks load lazily from a rank directory of JSON files (the dist/ layout)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ranks-'));
  const req = createRequire(__filename);
  writeFileSync(join(dir, 'cl100k_base.json'), JSON.stringify(req('js-tiktoken/ranks/cl100k_base')));
  unloadEncoders();
  setRanksDir(dir);
  try {
    assert.equal(isEncoderLoaded('cl100k_base'), false);
    const text = 'Lazy loading keeps activation cheap.';
    assert.equal(countTokens(text, 'gpt-3.5-turbo').tokens, ref('cl100k_base', text));
    assert.equal(isEncoderLoaded('cl100k_base'), true);
    assert.equal(isEncoderLoaded('o200k_base'), false, 'only the encoding that was needed is loaded');
    // o200k_base is missing from this directory: the count degrades to a labelled byte estimate
    const missing = countTokens(text, 'gpt-4o');
    assert.equal(missing.basis, 'approx');
    assert.match(missing.note ?? '', /ranks unavailable/);
    assert.ok(missing.low <= missing.tokens && missing.tokens <= missing.high);
  } finally {
    setRanksDir(null);
    unloadEncoders();
  }
  assert.equal(countTokens('back to normal', 'gpt-4o').basis, 'exact', 'a new rank location retries failed loads');
});
