import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeApiModelId, openCounterpartFor } from '../../src/core/catalog/counterparts';

test('large-class API models map to llama-3.3-70b', () => {
  for (const id of ['claude-sonnet-4-6', 'claude-opus-4-1', 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'us.anthropic.claude-sonnet-4-20250514-v1:0',
    'claude-3-5-sonnet@20240620', 'gpt-4o', 'openai/gpt-4o-2024-08-06', 'gpt-4.1', 'gpt-5', 'o3', 'gemini-2.5-pro', 'gemini-1.5-pro-002', 'mistral-large-latest']) {
    const c = openCounterpartFor(id);
    assert.equal(c.model, 'llama-3.3-70b', id);
    assert.equal(c.source, 'rule');
  }
});

test('small-class API models map to llama-3.1-8b', () => {
  for (const id of ['claude-haiku-4-5', 'claude-3-5-haiku-20241022', 'gpt-4o-mini', 'gpt-4.1-nano', 'gpt-5-mini', 'o4-mini', 'gemini-2.5-flash',
    'gemini-2.5-flash-lite', 'gpt-3.5-turbo', 'mistral-small-latest']) {
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
  assert.equal(openCounterpartFor('deepseek-reasoner').model, 'deepseek-v3');
  assert.equal(openCounterpartFor('qwen-max').model, 'qwen3-235b-a22b');
  assert.equal(openCounterpartFor('qwen-turbo').model, 'qwen3-30b-a3b');
  assert.equal(openCounterpartFor('gpt-4o').model, 'llama-3.3-70b', 'look-alike: other families keep the tier rule');
  assert.match(openCounterpartFor('o3').quality, /^not compared: a frontier\/reasoning API model/);
  assert.match(openCounterpartFor('gpt-4o-mini').quality, /^not compared/);
  assert.match(openCounterpartFor('deepseek-reasoner').quality, /^(same family|the same model)/);
  assert.equal(openCounterpartFor('text-embedding-3-small').quality, 'no counterpart');
});
