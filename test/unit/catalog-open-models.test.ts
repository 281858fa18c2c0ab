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

test('MoE shapes agree with the published totals: one expert = 3 × hidden × expertFfn × moeLayers ≈ (total − active) ÷ (E − k)', () => {
  const moe = listOpenModels().filter((m) => m.moe);
  for (const id of ['mixtral-8x7b', 'mixtral-8x22b', 'qwen3-30b-a3b', 'qwen3-235b-a22b', 'deepseek-v3', 'deepseek-r1', 'gpt-oss-120b', 'gpt-oss-20b', 'llama-4-scout', 'llama-4-maverick']) {
    assert.ok(moe.some((m) => m.id === id), `missing MoE model ${id}`);
  }
  for (const m of moe) {
    const { experts, activeExperts, sharedExperts, moeLayers, expertFfn } = m.moe!;
    const fromShape = (3 * m.hidden * expertFfn * moeLayers) / 1e9; // gated MLP: gate, up, down
    const fromTotals = (m.totalParamsB - m.activeParamsB) / (experts - activeExperts);
    // Within 5 %: model cards round the totals, and gpt-oss counts the unembedding (not the embedding) as active.
    assert.ok(Math.abs(fromShape / fromTotals - 1) < 0.05, `${m.id}: ${fromShape.toFixed(3)}B from the shape vs ${fromTotals.toFixed(3)}B from the totals`);
    // Shared experts are part of what every token reads (active − k routed experts).
    assert.ok(m.activeParamsB - activeExperts * fromTotals >= sharedExperts * fromShape, m.id);
    assert.ok(moeLayers <= m.layers && activeExperts < experts, m.id);
  }
});

test('Llama 4 resolves from HF ids and provider names; KV cache 48 × 8 × 128 × 2 × 2 bytes', () => {
  assert.equal(resolveOpenModel('meta-llama/Llama-4-Scout-17B-16E-Instruct').id, 'llama-4-scout');
  assert.equal(resolveOpenModel('meta-llama/llama-4-maverick-17b-128e-instruct').id, 'llama-4-maverick');
  assert.equal(resolveOpenModel('llama4:scout').id, 'llama-4-scout');
  assert.equal(kvBytesPerToken(resolveOpenModel('llama-4-maverick'), 2), 48 * 8 * 128 * 2 * 2);
});
