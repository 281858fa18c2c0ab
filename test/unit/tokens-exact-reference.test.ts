// Counts called exact are checked against an independent tokenizer (gpt-tokenizer, o200k_base): Python escapes
// decoded as Python does, braces only where the code formats, OpenAI `name` framing (issue #11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTokens as reference } from 'gpt-tokenizer/encoding/o200k_base';
import { detectCalls } from '../../src/core/detect/index';
import { minifiedLineLength } from '../../src/core/detect/index';
import { buildCallSite } from '../../src/core/scan/callSite';
import { readSettings } from '../../src/core/settings';
import { countChatTokens } from '../../src/core/tokens';
import { decodePythonEscapes } from '../../src/core/tokens/pythonEscapes';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

const ws = readSettings({});
const py = (content: string, extra = '') => `from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": ${content}${extra}}])\n`;
/** OpenAI cookbook recipe, on the reference tokenizer: 3 per message + role (+ 1 + name) + 3 reply priming. */
const chatRef = (msgs: { role: string; content: string; name?: string }[]) =>
  msgs.reduce((s, m) => s + 3 + reference(m.role) + reference(m.content) + (m.name ? 1 + reference(m.name) : 0), 3);

async function site(source: string) {
  const r = await detectCalls('app.py', source);
  assert.equal(r.calls.length, 1, r.skipped ?? 'one call');
  return buildCallSite(engine, r.calls[0]!, ws);
}

test('decodePythonEscapes: every escape form Python decodes, others kept as written', () => {
  assert.equal(decodePythonEscapes('caf\\u00e9 \\U0001F600 \\x41 \\N{EM DASH}'), 'café 😀 A —');
  assert.equal(decodePythonEscapes('\\101\\7\\a\\b\\f\\v\\0'), 'A\x07\x07\b\f\v\0');
  assert.equal(decodePythonEscapes('a\\\nb'), 'ab', 'backslash-newline joins lines');
  assert.equal(decodePythonEscapes('\\d \\w \\q'), '\\d \\w \\q', 'unknown escapes stay (Python keeps them)');
  assert.equal(decodePythonEscapes('\\N{em dash}\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{CJK UNIFIED IDEOGRAPH-4E2D}'), '—é中', 'case-insensitive, algorithmic CJK names');
});

test('Python escapes are decoded before counting; the count is exact and matches gpt-tokenizer', async () => {
  const c = await site(py('"caf\\u00e9 \\U0001F600 \\x41 \\N{EM DASH}"'));
  assert.equal(c.tokens.parts[0]!.tokens, reference('café 😀 A —'));
  assert.ok(c.tokens.parts[0]!.tokens < reference('caf\\u00e9 \\U0001F600 \\x41 \\N{EM DASH}'), 'fewer than its source spelling');
  assert.equal(c.tokens.input, chatRef([{ role: 'user', content: 'café 😀 A —' }]));
  assert.match(c.tokens.inputBasis, /^exact/);
});

test('raw strings stay as written; bytes literals are not prompt text', async () => {
  const raw = await site(py('r"caf\\u00e9 \\d+"'));
  assert.equal(raw.tokens.parts[0]!.tokens, reference('caf\\u00e9 \\d+'));
  const bytes = await site(py('b"caf\\xc3\\xa9"'));
  assert.equal(bytes.tokens.parts[0]!.source, 'runtime', 'a bytes literal is not counted as text');
});

test('an unknown \\N{NAME} makes the count ≈ with a 1–4 token band per character', async () => {
  const c = await site(py('"A \\N{SOME NAME NOT IN THE TABLE} B"'));
  assert.doesNotMatch(c.tokens.inputBasis, /^exact/);
  const known = chatRef([{ role: 'user', content: 'A  B' }]);
  assert.deepEqual([c.tokens.input, c.tokens.inputLow, c.tokens.inputHigh], [known + 2, known + 1, known + 4]);
});

test('braces are placeholders only where the code formats', async () => {
  const plain = await site(py('"Reply as JSON like {answer} please"'));
  assert.deepEqual(plain.tokens.parts[0]!.placeholders, []);
  assert.equal(plain.tokens.parts[0]!.tokens, reference('Reply as JSON like {answer} please'));
  assert.match(plain.tokens.inputBasis, /^exact/);
  const f = await site('x = 1\n' + py('f"Reply as JSON like {x_y} please"').replace('x = 1\n', ''));
  assert.deepEqual(f.tokens.parts[0]!.placeholders.map((p) => p.name), ['x_y'], 'an f-string field is a placeholder');
  const fmt = await site(py('"Reply as JSON like {answer} please".format(answer=a)'));
  assert.deepEqual(fmt.tokens.parts[0]!.placeholders.map((p) => p.name), ['answer'], '.format makes it a template (look-alike)');
});

test('OpenAI chat framing counts `name`: +1 and the name\'s tokens (Python and TypeScript)', async () => {
  const msgs = [{ role: 'user', content: 'Hello there', name: 'alice_smith' }];
  assert.equal(countChatTokens(msgs, 'gpt-4o').tokens, chatRef(msgs));
  const p = await site(py('"Hello there"', ', "name": "alice_smith"'));
  assert.equal(p.tokens.input, chatRef(msgs));
  const r = await detectCalls('app.ts', 'import OpenAI from "openai";\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "Hello there", name: "alice_smith" }] });\n');
  assert.equal(buildCallSite(engine, r.calls[0]!, ws).tokens.input, chatRef(msgs));
  const without = await site(py('"Hello there"'));
  assert.equal(without.tokens.input, chatRef([{ role: 'user', content: 'Hello there' }]), 'look-alike: no name, no name tokens');
});

test('a long one-line prompt in a .py file is analysed; minified code is still skipped', async () => {
  const prompt = 'Answer carefully and cite the policy section. '.repeat(460); // ≈ 21 KB on one line
  const c = await site(py(JSON.stringify(prompt)));
  assert.equal(c.tokens.parts[0]!.tokens, reference(prompt));
  const minified = 'var a=1;'.repeat(2000) + 'import OpenAI from "openai";';
  assert.notEqual(minifiedLineLength(minified), null, 'look-alike: long lines of code are minified');
  assert.equal(minifiedLineLength(`x = ${JSON.stringify(prompt)}\n`), null);
});
