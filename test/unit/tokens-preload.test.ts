// The editor's background tokenizer load: the sliced parse must build exactly the ranks the one-shot parse builds,
// however often it is cut, and a preloaded encoder must count exactly like one loaded on demand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRanks, parseRanksSliced } from '../../src/core/tokens/bpe';
import { loadRanks } from '../../src/core/tokens/ranks';
import { countTokens, isEncoderLoaded, preloadEncoder, unloadEncoders } from '../../src/core/tokens';

test('sliced rank parse (cut every 1,024 tokens, mid-line) equals the one-shot parse for cl100k_base', async () => {
  const bpe = loadRanks('cl100k_base').bpe_ranks;
  const whole = parseRanks(bpe);
  let turns = 0;
  const slicedDone = parseRanksSliced(bpe, 0);
  // count event-loop turns while it runs: a 0 ms slice must yield many times
  const ticker = setInterval(() => turns++, 0);
  const sliced = await slicedDone;
  clearInterval(ticker);
  assert.equal(sliced.size, whole.size);
  assert.ok(sliced.size > 100_000);
  for (const [k, v] of whole) if (sliced.get(k) !== v) assert.fail(`rank of ${JSON.stringify(k)}: ${sliced.get(k)} vs ${v}`);
  assert.ok(turns > 10, `expected the parse to give the event loop turns, saw ${turns}`);
});

test('a preloaded encoder counts exactly like one loaded on demand', async () => {
  const text = 'Summarize the ticket in three bullet points: 東京の天気は？ ünïcödé — and name the product area.';
  unloadEncoders();
  const onDemand = countTokens(text, 'gpt-4o');
  unloadEncoders();
  assert.equal(isEncoderLoaded('o200k_base'), false);
  await preloadEncoder('o200k_base', 5);
  assert.equal(isEncoderLoaded('o200k_base'), true);
  assert.deepEqual(countTokens(text, 'gpt-4o'), onDemand);
});
