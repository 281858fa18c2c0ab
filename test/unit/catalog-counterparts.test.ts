import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeApiModelId, openCounterpartFor } from '../../src/core/catalog/counterparts';

test('large-class API models map to llama-3.3-70b, OpenAI\'s to gpt-oss-120b', () => {
  for (const id of ['gpt-4o', 'openai/gpt-4o-2024-08-06', 'gpt-4.1', 'gpt-5', 'o3', 'o1', 'chatgpt-4o-latest']) {
    assert.equal(openCounterpartFor(id).model, 'gpt-oss-120b', id);
  }
  for (const id of ['claude-sonnet-4-6', 'claude-opus-4-1', 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'us.anthropic.claude-sonnet-4-20250514-v1:0',
    'claude-3-5-sonnet@20240620', 'gemini-2.5-pro', 'gemini-1.5-pro-002', 'mistral-large-latest']) {
    const c = openCounterpartFor(id);
    assert.equal(c.model, 'llama-3.3-70b', id);
    assert.equal(c.source, 'rule');
  }
});

test('small-class API models map to llama-3.1-8b, OpenAI\'s to gpt-oss-20b', () => {
  for (const id of ['gpt-4o-mini', 'gpt-4.1-nano', 'gpt-4.1-mini', 'gpt-5-mini', 'gpt-5-nano', 'o4-mini', 'o3-mini', 'gpt-3.5-turbo']) {
    assert.equal(openCounterpartFor(id).model, 'gpt-oss-20b', id);
  }
  // Look-alikes: non-text OpenAI models stay without a counterpart.
  for (const id of ['gpt-4o-mini-tts', 'gpt-4o-realtime-preview', 'gpt-4o-mini-transcribe', 'gpt-image-1']) assert.equal(openCounterpartFor(id).model, null, id);
  for (const id of ['claude-haiku-4-5', 'claude-3-5-haiku-20241022', 'gemini-2.5-flash',
    'gemini-2.5-flash-lite', 'mistral-small-latest']) {
    assert.equal(openCounterpartFor(id).model, 'llama-3.1-8b', id);
  }
});

test('embeddings and non-text models have no counterpart, with a reason', () => {
  for (const id of ['text-embedding-3-small', 'voyage-3', 'gemini-embedding-001', 'whisper-1', 'dall-e-3', 'tts-1']) {
    const c = openCounterpartFor(id);
    assert.equal(c.model, null, id);
    assert.ok(c.reason.length > 10, id);
  }
  const unknown = openCounterpartFor('acme-super-model');
  assert.equal(unknown.model, null);
  assert.match(unknown.reason, /llmCostLens\.openModelFor/);
});

test('open models served through an API keep their own identity', () => {
  assert.equal(openCounterpartFor('llama-3.3-70b-versatile').model, 'llama-3.3-70b');
  assert.equal(openCounterpartFor('meta-llama/Llama-3.3-70B-Instruct').source, 'open-model');
});

test('overrides: exact beats glob, more specific glob beats broader, bad values fall back with a warning', () => {
  const overrides = { 'gpt-4o': 'qwen2.5-72b', 'gpt-4o*': 'mixtral-8x7b', 'gpt-*': 'llama-3.1-8b', 'claude-*': 'none', 'gemini-*': 'no-such-model' };
  assert.equal(openCounterpartFor('gpt-4o', overrides).model, 'qwen2.5-72b');
  assert.equal(openCounterpartFor('GPT-4o', overrides).model, 'qwen2.5-72b');
  assert.equal(openCounterpartFor('gpt-4o-mini', overrides).model, 'mixtral-8x7b');
  assert.equal(openCounterpartFor('gpt-5', overrides).model, 'llama-3.1-8b');
  const none = openCounterpartFor('claude-sonnet-4-6', overrides);
  assert.equal(none.model, null);
  assert.equal(none.source, 'override');
  const bad = openCounterpartFor('gemini-2.5-pro', overrides);
  assert.equal(bad.model, 'llama-3.3-70b');
  assert.match(bad.warning ?? '', /llmCostLens\.openModelFor\["gemini-\*"\].*no-such-model/);
  assert.equal(openCounterpartFor('openai/gpt-4o', overrides).model, 'qwen2.5-72b', 'override keys match the normalised id');
});

test('normalizeApiModelId strips provider prefixes', () => {
  assert.equal(normalizeApiModelId('anthropic.claude-3-5-sonnet-20240620-v1:0'), 'claude-3-5-sonnet-20240620');
  assert.equal(normalizeApiModelId('openai/gpt-4o'), 'gpt-4o');
  assert.equal(normalizeApiModelId('claude-3-5-sonnet@20240620'), 'claude-3-5-sonnet');
});

test('family counterparts and a quality note beside every counterpart (issue #11)', () => {
  assert.equal(openCounterpartFor('deepseek-chat').model, 'deepseek-v3');
  assert.equal(openCounterpartFor('deepseek-reasoner').model, 'deepseek-r1', 'the reasoner is R1 (same architecture)');
  assert.equal(openCounterpartFor('qwen-max').model, 'qwen3-235b-a22b');
  assert.equal(openCounterpartFor('qwen-turbo').model, 'qwen3-30b-a3b');
  assert.equal(openCounterpartFor('claude-opus-4-1').model, 'llama-3.3-70b', 'look-alike: other families keep the tier rule');
  assert.match(openCounterpartFor('claude-opus-4-1').quality, /^not compared: a frontier\/reasoning API model/);
  assert.match(openCounterpartFor('o3').quality, /^not compared on a shared benchmark: gpt-oss-120b/);
  assert.match(openCounterpartFor('deepseek-reasoner').quality, /^(same family|the same model)/);
  assert.equal(openCounterpartFor('text-embedding-3-small').quality, 'no counterpart');
});

test('quality notes: a benchmark gap where both sides are published (hand-checked), the counterpart\'s figures elsewhere', () => {
  // gpt-oss-20b MMLU 85.3 (model card 2025-08-08) − GPT-4o mini 82.0 (OpenAI 2024-07-18) = +3.3
  assert.match(openCounterpartFor('gpt-4o-mini').quality, /^gpt-oss-20b vs GPT-4o mini: MMLU 85\.3 vs 82\.0 \(\+3\.3 pts\) — .*arXiv 2508\.10925, 2025-08-08.*2024-07-18/);
  // 90.0 − 90.2 = −0.2; 85.3 − 86.9 = −1.6 and 71.5 − 77.2 = −5.7
  assert.match(openCounterpartFor('gpt-4.1').quality, /MMLU 90\.0 vs 90\.2 \(−0\.2 pts\)/);
  assert.match(openCounterpartFor('o3-mini').quality, /MMLU 85\.3 vs 86\.9 \(−1\.6 pts\), GPQA Diamond 71\.5 vs 77\.2 \(−5\.7 pts\)/);
  assert.match(openCounterpartFor('gpt-4o').quality, /reasoning model/);
  // No API figure: the counterpart's own figures with their source, never a made-up gap.
  const haiku = openCounterpartFor('claude-haiku-4-5').quality;
  assert.match(haiku, /^not compared on a shared benchmark: llama-3\.1-8b scores MMLU 73\.0, GPQA Diamond 31\.8 \(Meta .*2024-12-06\)/);
  assert.doesNotMatch(haiku, /pts/);
  assert.match(openCounterpartFor('claude-sonnet-4-6').quality, /expect a capability gap.*llama-3\.3-70b scores MMLU 86\.0, GPQA Diamond 50\.5/);
  assert.equal(openCounterpartFor('deepseek-reasoner').model, 'deepseek-r1');
});
