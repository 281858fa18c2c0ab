import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeModelName, tokenizerFor } from '../../src/core/tokens';

const O200K = [
  'gpt-4o', 'GPT-4o', 'gpt-4o-mini', 'gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'chatgpt-4o-latest',
  'openai/gpt-4o', 'azure/gpt-4o', 'openrouter/openai/gpt-4o-mini', 'gpt4o', 'my-gpt-4o-deployment', 'gpt_4o_mini',
  'gpt-4.1', 'gpt-4.1-mini', 'gpt-4.1-nano-2025-04-14', 'gpt-41-mini', 'gpt-4-1', 'gpt-4.5-preview',
  'gpt-5', 'gpt-5-mini', 'gpt-5.1', 'gpt-5-codex', 'gpt-5-chat-latest', 'openai/gpt-5.2',
  'o1', 'o1-mini', 'o1-preview-2024-09-12', 'o3', 'o3-mini', 'o3-pro', 'o4-mini', 'o4-mini-2025-04-16', 'openai/o3',
  'gpt-oss-120b', 'openai.gpt-oss-20b-1:0', 'gpt-realtime', 'gpt-4o-realtime-preview', 'codex-mini-latest',
];
const CL100K = [
  'gpt-4', 'gpt-4-0613', 'gpt-4-32k', 'gpt-4-turbo', 'gpt-4-turbo-2024-04-09', 'gpt-4-1106-preview', 'gpt-4-0125-preview',
  'gpt-4-vision-preview', 'gpt-3.5-turbo', 'gpt-3.5-turbo-0125', 'gpt-35-turbo', 'gpt-35-turbo-16k', 'openai/gpt-3.5-turbo',
  'gpt-3.5-turbo-instruct', 'text-embedding-3-small', 'text-embedding-3-large', 'text-embedding-ada-002', 'azure/gpt-4',
];
const FAMILIES: [string, string][] = [
  ['claude-3-5-sonnet-20240620', 'claude'],
  ['claude-3-5-haiku-20241022', 'claude'],
  ['claude-3-opus-latest', 'claude'],
  ['claude-sonnet-4-20250514', 'claude'],
  ['claude-opus-4-1-20250805', 'claude'],
  ['claude-sonnet-4-5', 'claude'],
  ['claude-haiku-4-5-20251001', 'claude'],
  ['claude-opus-4-6', 'claude'],
  ['anthropic/claude-sonnet-4.6', 'claude'],
  ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'claude'],
  ['us.anthropic.claude-sonnet-4-20250514-v1:0', 'claude'],
  ['claude-opus-4-7', 'claude-4.7+'],
  ['claude-opus-4.7', 'claude-4.7+'],
  ['claude-sonnet-5', 'claude-4.7+'],
  ['claude-2.1', 'claude-legacy'],
  ['claude-instant-1.2', 'claude-legacy'],
  ['gemini-2.5-pro', 'gemini'],
  ['models/gemini-1.5-flash', 'gemini'],
  ['vertex_ai/gemini-2.0-flash-001', 'gemini'],
  ['gemma-2-9b-it', 'gemma'],
  ['google/gemma-3-27b-it', 'gemma'],
  ['gemma3:27b', 'gemma'],
  ['meta-llama/Llama-3.3-70B-Instruct', 'llama-3'],
  ['llama3.1:8b', 'llama-3'],
  ['llama-3.3-70b-versatile', 'llama-3'],
  ['meta.llama3-1-70b-instruct-v1:0', 'llama-3'],
  ['accounts/fireworks/models/llama-v3p1-70b-instruct', 'llama-3'],
  ['meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo', 'llama-3'],
  ['llama-2-7b-chat', 'llama-2'],
  ['codellama:13b', 'llama-2'],
  ['meta-llama/llama-4-scout-17b-16e-instruct', 'llama-4'],
  ['qwen2.5-72b-instruct', 'qwen'],
  ['Qwen/Qwen3-235B-A22B', 'qwen'],
  ['qwq-32b', 'qwen'],
  ['mistral-large-latest', 'mistral'],
  ['open-mistral-nemo', 'mistral'],
  ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mistral'],
  ['codestral-latest', 'mistral'],
  ['deepseek-chat', 'deepseek'],
  ['deepseek-ai/DeepSeek-V3', 'deepseek'],
  ['command-r-plus', 'unknown'],
  ['grok-4', 'unknown'],
  ['', 'unknown'],
];

test('OpenAI o200k_base models map to the exact o200k_base tokenizer', () => {
  for (const m of O200K) {
    const t = tokenizerFor(m);
    assert.deepEqual([t.family, t.encoding, t.exact, t.ratio], ['openai', 'o200k_base', true, 1], m);
    assert.deepEqual(t.band, [1, 1], m);
  }
});

test('GPT-4 / GPT-3.5 / embedding models map to the exact cl100k_base tokenizer', () => {
  for (const m of CL100K) {
    const t = tokenizerFor(m);
    assert.deepEqual([t.family, t.encoding, t.exact], ['openai', 'cl100k_base', true], m);
  }
});

test('other families are calibrated estimates with a band around the ratio and a cited note', () => {
  for (const [m, family] of FAMILIES) {
    const t = tokenizerFor(m);
    assert.equal(t.family, family, m);
    assert.equal(t.exact, false, m);
    assert.equal(t.encoding, 'o200k_base', m);
    assert.ok(t.band[0] <= t.ratio && t.ratio <= t.band[1] && t.band[0] < t.band[1], m);
    assert.ok(t.note.length > 20, m);
  }
  assert.equal(tokenizerFor(null).family, 'unknown');
});

test('newer Claude tokenizer gets a wider band than Claude 3–4.6', () => {
  const old = tokenizerFor('claude-opus-4-6');
  const next = tokenizerFor('claude-opus-4-7');
  assert.ok(next.band[1] - next.band[0] > old.band[1] - old.band[0]);
  assert.ok(next.ratio > old.ratio);
});

test('unknown models have the widest band', () => {
  const unknown = tokenizerFor('totally-unknown');
  for (const [m] of FAMILIES.filter(([, f]) => f !== 'unknown' && f !== 'claude-4.7+')) {
    const t = tokenizerFor(m);
    assert.ok(unknown.band[1] - unknown.band[0] >= t.band[1] - t.band[0], m);
  }
});

test('normalizeModelName drops routing prefixes and unifies separators', () => {
  assert.equal(normalizeModelName(' OpenAI/GPT-4o '), 'gpt-4o');
  assert.equal(normalizeModelName('accounts/fireworks/models/llama-v3p1-70b-instruct'), 'llama-v3p1-70b-instruct');
  assert.equal(normalizeModelName('gpt_4o mini'), 'gpt-4o-mini');
});
