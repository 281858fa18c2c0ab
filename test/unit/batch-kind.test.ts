// A detected batch submission (kind 'batch', e.g. Anthropic messages.batches.create) is costed at the provider's
// batch price (catalog/batch.ts); the same request as an ordinary call is not, and a provider without a batch API
// gets no discount.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettings } from '../../src/core/settings';
import { buildCallSite } from '../../src/core/scan/callSite';
import type { DetectedCall } from '../../src/core/detect/types';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

function call(over: Partial<DetectedCall> = {}): DetectedCall {
  return {
    file: 'app/x.py', line: 10, column: 5, endLine: 14, language: 'python', sdk: 'anthropic', api: 'messages.create', kind: 'chat',
    model: 'claude-3-5-haiku-latest', modelSource: 'literal', maxTokens: 300, reasoningTokens: null, streaming: false, endpoint: 'api', baseUrl: null,
    qualifiedName: 'handle', annotation: null, confidence: 1,
    promptParts: [{ role: 'user', source: 'literal', text: 'Summarise the ticket in one line.', placeholders: [] }],
    ...over,
  };
}

test('kind batch: half the API price of the same request sent interactively, and the note says why', () => {
  const settings = readSettings({});
  const chat = buildCallSite(engine, call(), settings);
  const batch = buildCallSite(engine, call({ api: 'messages.batches.create', kind: 'batch' }), settings);
  assert.deepEqual([batch.tokens.input, batch.tokens.output], [chat.tokens.input, chat.tokens.output]);
  const [a, b] = [chat.cost!.api!.costPerRequestUsd, batch.cost!.api!.costPerRequestUsd];
  assert.ok(a > 0);
  assert.ok(Math.abs(b - a * 0.5) < 1e-12, `${b} vs ${a}`);
  assert.ok(batch.cost!.notes.some((n) => /batch submission: priced at the provider's batch price \(50 % off/.test(n)));
  assert.ok(!chat.cost!.notes.some((n) => /batch submission/.test(n)));
});

test('kind batch for a provider without a batch API: full price, with the catalog note', () => {
  const settings = readSettings({});
  const chat = buildCallSite(engine, call({ sdk: 'openai', model: 'deepseek-chat' }), settings);
  const batch = buildCallSite(engine, call({ sdk: 'openai', model: 'deepseek-chat', kind: 'batch' }), settings);
  assert.equal(batch.cost!.api!.costPerRequestUsd, chat.cost!.api!.costPerRequestUsd);
  assert.ok(batch.cost!.notes.some((n) => /no batch API recorded/.test(n)));
});
