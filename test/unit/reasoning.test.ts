// Issue #11 (3): hidden reasoning tokens per model family and effort, billed at the output price, overridable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSettings } from '../../src/core/settings';
import { buildCallSite } from '../../src/core/scan/callSite';
import { reasoningTokensFor, REASONING_FAMILIES, EFFORT_TOKENS } from '../../src/core/catalog/reasoning';
import { parseAnnotation } from '../../src/core/scan/annotation';
import type { DetectedCall } from '../../src/core/detect/types';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

function call(over: Partial<DetectedCall> = {}): DetectedCall {
  return {
    file: 'app/x.py', line: 10, column: 5, endLine: 14, language: 'python', sdk: 'openai', api: 'chat.completions.create', kind: 'chat',
    model: 'o3', modelSource: 'literal', maxTokens: null, reasoningTokens: null, streaming: false, endpoint: 'api', baseUrl: null,
    qualifiedName: 'handle', annotation: null, confidence: 1,
    promptParts: [{ role: 'user', source: 'literal', text: 'Hello there', placeholders: [] }],
    ...over,
  };
}

test('every family row has a source and an ISO date', () => {
  for (const f of REASONING_FAMILIES) {
    assert.ok(f.source.length > 20, f.family);
    assert.match(f.asOf, /^\d{4}-\d{2}-\d{2}$/, f.family);
  }
});

test('model defaults: o3 / gpt-5 reason at medium, gpt-5.1 / Claude / gpt-4o do not unless asked', () => {
  assert.equal(reasoningTokensFor('o3', null).tokens, EFFORT_TOKENS.medium);
  assert.equal(reasoningTokensFor('o4-mini', null).tokens, 8192);
  assert.equal(reasoningTokensFor('gpt-5', null).tokens, 8192);
  assert.equal(reasoningTokensFor('gpt-5-mini-2025-08-07', null).tokens, 8192);
  assert.equal(reasoningTokensFor('gpt-5.1', null).tokens, 0);
  assert.equal(reasoningTokensFor('gpt-5-chat-latest', null).tokens, 0);
  assert.equal(reasoningTokensFor('claude-sonnet-4-6', null).tokens, 0);
  assert.equal(reasoningTokensFor('claude-sonnet-4-6', 4000).tokens, 4000, 'thinking.budget_tokens as written');
  assert.equal(reasoningTokensFor('gemini-2.5-pro', null).tokens, 8192);
  assert.equal(reasoningTokensFor('gemini-2.5-flash-lite', null).tokens, 0);
  assert.equal(reasoningTokensFor('gpt-4o', null).tokens, 0, 'look-alike: not a reasoning model');
  assert.equal(reasoningTokensFor('o3', 0).tokens, 0, 'effort minimal/none from the request');
});

test('o3 at default effort: 300 visible + 8,192 reasoning, billed at the output price (recomputed by hand)', () => {
  const c = buildCallSite(engine, call(), readSettings({}));
  assert.deepEqual([c.tokens.output, c.tokens.reasoning], [300 + 8192, 8192]);
  assert.match(c.tokens.outputBasis, /expected 300 .* \+ ≈8,192 reasoning/);
  assert.match(c.tokens.reasoningBasis, /OpenAI o-series default effort medium/);
  const p = c.cost!.api!.price;
  // ((input × in) + (300 + 8,192) × out) ÷ 10⁶ per request
  const perRequest = (c.tokens.input * p.inputUsdPerMTok + 8492 * p.outputUsdPerMTok) / 1e6;
  assert.ok(Math.abs(c.cost!.api!.costPerRequestUsd - perRequest) < 1e-12);
  assert.ok(Math.abs(c.cost!.api!.monthlyUsd - perRequest * 1000 * 30) < 1e-9);
});

test('overrides: annotation reasoning= wins over callSites, which wins over the family default', () => {
  assert.deepEqual(parseAnnotation('500/day reasoning=2k'), { ok: true, value: { requestsPerDay: 500, reasoningTokens: 2000 } });
  const site = buildCallSite(engine, call(), readSettings({ 'llmCostLens.callSites': { 'app/x.py#handle': { reasoningTokens: 1500 } } }));
  assert.deepEqual([site.tokens.reasoning, site.tokens.output], [1500, 1800]);
  assert.match(site.tokens.reasoningBasis, /llmCostLens\.callSites/);
  const ann = buildCallSite(engine, call({ annotation: 'reasoning=700' }), readSettings({ 'llmCostLens.callSites': { 'app/x.py#handle': { reasoningTokens: 1500 } } }));
  assert.deepEqual([ann.tokens.reasoning, ann.tokens.output], [700, 1000]);
});
