import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kvBytesPerToken, listOpenModels, resolveOpenModel } from '../../src/core/catalog/openModels';
import { CatalogLookupError } from '../../src/core/catalog/names';

const REQUIRED = ['llama-3.1-8b', 'llama-3.3-70b', 'llama-3.2-90b-vision', 'qwen2.5-7b', 'qwen2.5-72b', 'mistral-7b', 'mixtral-8x7b',
  'mixtral-8x22b', 'gemma-2-9b', 'gemma-2-27b', 'qwen3-30b-a3b', 'qwen3-235b-a22b', 'deepseek-v3'];

test('catalog has every required open model with consistent numbers', () => {
  const ids = listOpenModels().map((m) => m.id);
  for (const id of REQUIRED) assert.ok(ids.includes(id), `missing ${id}`);
  for (const m of listOpenModels()) {
    assert.ok(m.activeParamsB > 0 && m.activeParamsB <= m.totalParamsB, m.id);
    assert.equal(m.moe !== undefined, m.activeParamsB < m.totalParamsB, `${m.id}: MoE iff active < total`);
    assert.ok(m.kvLayers <= m.layers && m.kvHeads <= m.heads && m.contextTokens >= 8192, m.id);
    assert.ok(m.source.length > 5 && /^\d{4}-\d{2}/.test(m.asOf), m.id);
  }
});

test('BF16 KV cache per token matches the reference table (KiB)', () => {
  const expected: Record<string, number> = {
    'llama-3.1-8b': 128, 'llama-3.3-70b': 320, 'llama-3.2-90b-vision': 320, 'qwen2.5-7b': 56, 'qwen2.5-72b': 320, 'mistral-7b': 128,
    'mixtral-8x7b': 128, 'mixtral-8x22b': 224, 'gemma-2-9b': 336, 'gemma-2-27b': 368, 'qwen3-30b-a3b': 96, 'qwen3-235b-a22b': 188,
  };
  for (const [id, kib] of Object.entries(expected)) assert.equal(kvBytesPerToken(resolveOpenModel(id), 2) / 1024, kib, id);
  // DeepSeek MLA: 61 × (512 + 64) × 2 bytes ≈ 69 KiB, far below a GQA model of its size.
  assert.equal(Math.round(kvBytesPerToken(resolveOpenModel('deepseek-v3'), 2) / 1024), 69);
  assert.equal(kvBytesPerToken(resolveOpenModel('llama-3.1-8b'), 1) * 2, kvBytesPerToken(resolveOpenModel('llama-3.1-8b'), 2));
});

test('resolves HF repo ids, Ollama tags and spelling variants', () => {
  const cases: Array<[string, string]> = [
    ['meta-llama/Llama-3.3-70B-Instruct', 'llama-3.3-70b'], ['llama3.3:70b', 'llama-3.3-70b'], ['llama3.1:8b', 'llama-3.1-8b'],
    ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'llama-3.1-8b'], ['Llama 3.1 8B', 'llama-3.1-8b'], ['qwen2.5:72b', 'qwen2.5-72b'],
    ['Qwen/Qwen2.5-7B-Instruct', 'qwen2.5-7b'], ['mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral-8x7b'], ['mixtral:8x22b', 'mixtral-8x22b'],
    ['gemma2:9b', 'gemma-2-9b'], ['google/gemma-2-27b-it', 'gemma-2-27b'], ['qwen3:30b-a3b', 'qwen3-30b-a3b'],
    ['Qwen/Qwen3-235B-A22B', 'qwen3-235b-a22b'], ['deepseek-ai/DeepSeek-V3', 'deepseek-v3'], ['llama3.2-vision:90b', 'llama-3.2-90b-vision'],
    ['mistral', 'mistral-7b'], ['LLAMA-3.3-70B', 'llama-3.3-70b'],
  ];
  for (const [input, id] of cases) assert.equal(resolveOpenModel(input).id, id, input);
});

test('unknown model gives a named error with suggestions', () => {
  assert.throws(() => resolveOpenModel('llama-4-400b'), (e: unknown) => {
    assert.ok(e instanceof CatalogLookupError);
    assert.equal(e.field, 'selfHosted.model');
    assert.match(e.message, /unknown open model "llama-4-400b"/);
    assert.ok(e.suggestions.length > 0 && e.suggestions.every((s) => s.startsWith('llama')), e.suggestions.join());
    return true;
  });
});
