import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPriceDir, pricesCommand } from '../../src/cli/prices';
import { createEngineContext } from '../../src/core/engine/context';

async function run(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'llmcl-prices-cli-'));
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await pricesCommand([...args, '--dir', dir], { out: (s) => out.push(s), err: (s) => err.push(s) }, createEngineContext());
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('prices QUERY prints a table with source and "prices as of"', async () => {
  const r = await run(['claude-3-5-haiku-20241022']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /"claude-3-5-haiku-20241022" → anthropic\/claude-3-5-haiku-latest \(alias\)/);
  assert.match(r.out, /anthropic\/claude-3-5-haiku-latest .*\$0\.8 +\$4 +\$0\.08 +\$1 +−50%/);
  assert.match(r.out, /source: @pydantic\/genai-prices 0\.1\.8 · prices as of 2026-09-23/);
});

test('prices without a query lists the first 50 and says how many more', async () => {
  const r = await run([]);
  assert.equal(r.code, 0);
  assert.match(r.out, /… [\d,]+ more \(use --all/);
});

test('prices --json carries source, date, resolution and full entries', async () => {
  const r = await run(['gemini-2.5-pro', '--json']);
  assert.equal(r.code, 0);
  const j = JSON.parse(r.out);
  assert.equal(j.source, '@pydantic/genai-prices 0.1.8');
  assert.equal(j.asOf, '2026-09-23');
  assert.deepEqual(j.resolved, { modelId: 'gemini-2.5-pro', provider: 'google', matchedBy: 'exact' });
  const first = j.models[0];
  assert.equal(first.modelId, 'gemini-2.5-pro');
  assert.equal(first.tiers[0].aboveInputTokens, 200000);
});

test('unknown model: exit 2 with suggestions; bad flags: exit 2 naming the flag', async () => {
  const r = await run(['claude-sonet-4-6']);
  assert.equal(r.code, 2);
  assert.match(r.err, /QUERY: no priced model matches "claude-sonet-4-6"; did you mean .*"claude-sonnet-4-6"/);
  const bad = await run(['--nope']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown option --nope/);
  const url = await run(['--update', '--url', 'ftp://x']);
  assert.equal(url.code, 2);
  assert.match(url.err, /--url: expected an http\(s\) URL/);
  const urlWithout = await run(['--url', 'https://example.com/x.json']);
  assert.equal(urlWithout.code, 2);
  assert.match(urlWithout.err, /--url: only valid with --update/);
});

test('default price dir honours LLM_COST_LENS_PRICES_DIR and XDG_CACHE_HOME', () => {
  assert.equal(defaultPriceDir({ LLM_COST_LENS_PRICES_DIR: '/x/y' }), '/x/y');
  assert.equal(defaultPriceDir({ XDG_CACHE_HOME: '/c' }), join('/c', 'llm-cost-lens'));
});
