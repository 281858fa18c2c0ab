// Counts called exact are checked against an independent tokenizer (gpt-tokenizer, o200k_base): Python escapes
// decoded as Python does, braces only where the code formats, OpenAI `name` framing (issue #11).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTokens as reference } from 'gpt-tokenizer/encoding/o200k_base';
import { countChatTokens } from '../../src/core/tokens';
import { decodePythonEscapes } from '../../src/core/tokens/pythonEscapes';

/** OpenAI cookbook recipe, on the reference tokenizer: 3 per message + role (+ 1 + name) + 3 reply priming. */
const chatRef = (msgs: { role: string; content: string; name?: string }[]) =>
  msgs.reduce((s, m) => s + 3 + reference(m.role) + reference(m.content) + (m.name ? 1 + reference(m.name) : 0), 3);

test('decodePythonEscapes: every escape form Python decodes, others kept as written', () => {
  assert.equal(decodePythonEscapes('caf\\u00e9 \\U0001F600 \\x41 \\N{EM DASH}'), 'café 😀 A —');
  assert.equal(decodePythonEscapes('\\101\\7\\a\\b\\f\\v\\0'), 'A\x07\x07\b\f\v\0');
  assert.equal(decodePythonEscapes('a\\\nb'), 'ab', 'backslash-newline joins lines');
  assert.equal(decodePythonEscapes('\\d \\w \\q'), '\\d \\w \\q', 'unknown escapes stay (Python keeps them)');
  assert.equal(decodePythonEscapes('\\N{em dash}\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{CJK UNIFIED IDEOGRAPH-4E2D}'), '—é中', 'case-insensitive, algorithmic CJK names');
});

test('OpenAI chat framing counts `name`: +1 and the name\'s tokens', () => {
  const msgs = [{ role: 'user', content: 'Hello there', name: 'alice_smith' }];
  assert.equal(countChatTokens(msgs, 'gpt-4o').tokens, chatRef(msgs));
  assert.equal(countChatTokens([{ role: 'user', content: 'Hello there' }], 'gpt-4o').tokens, chatRef([{ role: 'user', content: 'Hello there' }]));
});
