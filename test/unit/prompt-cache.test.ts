// Anthropic cache_control in the code (detect/request/cacheControl.ts → scan/promptCache.ts): the cached prefix is
// priced at the catalog's cache-read price, writes at the cache-write price at most once per 5-minute window.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanWorkspace, readWorkspaceSettings } from '../../src/core/scan/scan';
import { lookupApiPrice, getSnapshotCatalog } from '../../src/core/catalog/prices';
import { quickFixesFor } from '../../src/core/fixes/quickFixModel';
import { CACHE_WINDOWS_PER_DAY } from '../../src/core/scan/promptCache';
import { tempTree } from './helpers/tempTree';

const RULES = Array.from({ length: 160 }, (_, i) => `Rule ${i + 1}: answer politely and cite the policy section.`).join(' ');
const py = (system: string, perDay = 10_000, model = 'claude-sonnet-4-6', extra = '') => `from anthropic import Anthropic
client = Anthropic()
RULES = "${RULES}"

def answer(q):
    # llm-cost: ${perDay}/day
    return client.messages.create(model="${model}", max_tokens=300, system=${system}, messages=[{"role": "user", "content": q}]${extra})
`;
const ts = (system: string) => `import Anthropic from '@anthropic-ai/sdk';
const client = new Anthropic();
const RULES = '${RULES}';
export async function answer(q: string) {
  // llm-cost: 10000/day
  return client.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 300, system: ${system}, messages: [{ role: 'user', content: q }] });
}
`;
const PY_BLOCK = '[{"type": "text", "text": RULES, "cache_control": {"type": "ephemeral"}}]';
const TS_BLOCK = "[{ type: 'text', text: RULES, cache_control: { type: 'ephemeral' } }]";

async function site(file: string, text: string) {
  const root = tempTree({ [file]: text });
  const r = await scanWorkspace(root);
  return { c: r.callSites[0]!, settings: readWorkspaceSettings(root).settings };
}

/** The bill worked out by hand from the catalog's prices: prefix P read on (1 − w) of calls, written on w. */
function byHand(input: number, output: number, prefix: number, callsPerDay: number): number {
  const p = lookupApiPrice(getSnapshotCatalog(), 'claude-sonnet-4-6');
  assert.ok(p.ok && p.price.cachedInputUsdPerMTok !== null && p.price.cacheWriteUsdPerMTok !== null);
  const { inputUsdPerMTok: inp, outputUsdPerMTok: out, cachedInputUsdPerMTok: read, cacheWriteUsdPerMTok: write } = p.price;
  const w = Math.min(1, CACHE_WINDOWS_PER_DAY / callsPerDay);
  const perCall = ((input - prefix) * inp + prefix * (1 - w) * read! + prefix * w * write! + output * out) / 1e6;
  return perCall * callsPerDay * 30;
}

test('cache_control on the system block (Python and TypeScript): prefix at cache-read, writes amortised, stated in the notes', async () => {
  for (const [file, text] of [['a.py', py(PY_BLOCK)], ['a.ts', ts(TS_BLOCK)]] as const) {
    const { c } = await site(file, text);
    const system = c.tokens.parts.find((p) => p.role === 'system')!.tokens;
    assert.ok(system >= 1024, `${file}: ${system} tokens`);
    const w = CACHE_WINDOWS_PER_DAY / 10_000;
    assert.ok(Math.abs(c.tokens.cachedInputTokens! - system * (1 - w)) < 1e-9, `${file}: reads`);
    assert.ok(Math.abs(c.tokens.cacheWriteTokens! - system * w) < 1e-9, `${file}: writes`);
    assert.ok(Math.abs(c.cost!.api!.monthlyUsd - byHand(c.tokens.input, c.tokens.output, system, 10_000)) < 1e-6, `${file}: ${c.cost!.api!.monthlyUsd}`);
    assert.ok(c.cost!.notes.some((n) => /prompt cache \(cache_control\).*cache-read price on 97\.1 %.*at most once per 5 minutes \(288\/day\)/.test(n)), c.cost!.notes.join('\n'));
  }
});

test('cache_control on a message content block caches the prefix up to it; a runtime part before it ends the prefix', async () => {
  const text = py('RULES', 10_000, 'claude-sonnet-4-6').replace('messages=[{"role": "user", "content": q}]', 'messages=[{"role": "user", "content": [{"type": "text", "text": RULES, "cache_control": {"type": "ephemeral"}}, {"type": "text", "text": q}]}]');
  const { c } = await site('a.py', text);
  const statics = c.tokens.parts.filter((p) => p.source !== 'runtime').reduce((s, p) => s + p.tokens, 0);
  assert.ok(Math.abs(c.tokens.cachedInputTokens! + c.tokens.cacheWriteTokens! - statics) < 1e-9, 'system + the marked block');
  // the user's text first, then the marked block: the prefix changes per request, nothing is cached
  const varying = py('RULES').replace('messages=[{"role": "user", "content": q}]', 'messages=[{"role": "user", "content": [{"type": "text", "text": q}, {"type": "text", "text": RULES, "cache_control": {"type": "ephemeral"}}]}]');
  const v = await site('b.py', varying);
  assert.equal(v.c.tokens.cachedInputTokens, undefined, 'never a hit');
  const upTo = v.c.tokens.parts.reduce((s, p) => s + p.tokens, 0);
  assert.equal(v.c.tokens.cacheWriteTokens, upTo, 'every call writes the whole prefix');
  assert.ok(v.c.cost!.notes.some((n) => /changes per request .* every call writes it at the cache-write price/.test(n)), v.c.cost!.notes.join('\n'));
});

test('look-alikes: cache_control elsewhere, another type, a non-Claude model, a short prefix are not priced as cached', async () => {
  const cases: [string, string][] = [
    ['metadata', py('RULES', 10_000, 'claude-sonnet-4-6', ', metadata={"cache_control": {"type": "ephemeral"}}')],
    ['other type', py(PY_BLOCK.replace('"ephemeral"', '"persistent"'))],
    ['short', py(PY_BLOCK).replace(`RULES = "${RULES}"`, 'RULES = "Be brief."')],
  ];
  for (const [name, text] of cases) {
    const { c } = await site('a.py', text);
    assert.equal(c.tokens.cachedInputTokens, undefined, name);
    assert.equal(c.tokens.cacheWriteTokens, undefined, name);
  }
  const openai = `from openai import OpenAI
client = OpenAI()
RULES = "${RULES}"
def f(q):
    return client.chat.completions.create(model="gpt-4.1", messages=[{"role": "system", "content": [{"type": "text", "text": RULES, "cache_control": {"type": "ephemeral"}}]}, {"role": "user", "content": q}])
`;
  const o = await site('o.py', openai);
  assert.equal(o.c.tokens.cachedInputTokens, undefined);
  assert.ok(o.c.cost!.notes.some((n) => n.includes("cache_control is Anthropic's field")));
});

test('at fewer calls than 5-minute windows every call writes the cache: dearer than no cache, and no cache fix is offered', async () => {
  const { c } = await site('a.py', py(PY_BLOCK, 100));
  assert.equal(c.tokens.cachedInputTokens, undefined);
  const uncached = await site('b.py', py('RULES', 100));
  assert.ok(c.cost!.api!.monthlyUsd > uncached.c.cost!.api!.monthlyUsd, 'writes cost 1.25× input');
  assert.ok(!quickFixesFor(getSnapshotCatalog(), uncached.c, uncached.settings, py('RULES', 100).split('\n')).some((f) => f.kind === 'cache-system-prompt'));
});

test('the cache quick fix: after its edit the scan shows exactly the "after" figure of its title', async () => {
  const text = py('RULES');
  const { c, settings } = await site('a.py', text);
  const fix = quickFixesFor(getSnapshotCatalog(), c, settings, text.split('\n')).find((f) => f.kind === 'cache-system-prompt')!;
  assert.ok(fix);
  const e = fix.edits[0]!;
  const lines = text.split('\n');
  lines[e.line] = lines[e.line]!.slice(0, e.character) + e.text + lines[e.line]!.slice(e.endCharacter);
  const edited = await site('a.py', lines.join('\n'));
  assert.ok(Math.abs(edited.c.cost!.api!.monthlyUsd - fix.afterUsd) < 1e-9, `${edited.c.cost!.api!.monthlyUsd} vs ${fix.afterUsd}`);
  assert.ok(Math.abs(c.cost!.api!.monthlyUsd - fix.beforeUsd) < 1e-9);
  assert.equal(fix.note, edited.c.tokens.promptCache);
});

test('estimate: workload.cacheWriteTokens billed at the catalog cache-write price; with cachedInputTokens at most inputTokens', async () => {
  const { estimate } = await import('../../src/core/economics/estimate');
  const base = { workload: { requestsPerDay: 1000, inputTokens: 2000, outputTokens: 100, daysPerMonth: 30 }, api: { model: 'claude-sonnet-4-6' } };
  const plain = estimate(base, { catalog: getSnapshotCatalog() });
  const written = estimate({ ...base, workload: { ...base.workload, cacheWriteTokens: 1000 } }, { catalog: getSnapshotCatalog() });
  assert.ok(plain.ok && written.ok);
  const p = lookupApiPrice(getSnapshotCatalog(), 'claude-sonnet-4-6');
  assert.ok(p.ok);
  const premium = 1000 * (p.price.cacheWriteUsdPerMTok! - p.price.inputUsdPerMTok) / 1e6 * 1000 * 30;
  assert.ok(Math.abs(written.result.api.monthlyUsd - plain.result.api.monthlyUsd - premium) < 1e-9);
  assert.equal(written.result.assumptions.cacheWriteTokens, 1000);
  const own = estimate({ workload: { ...base.workload, cacheWriteTokens: 1000 }, api: { inputUsdPerMTok: 3, outputUsdPerMTok: 15 } }, { catalog: getSnapshotCatalog() });
  assert.ok(own.ok && own.result.notes.some((n) => n.startsWith('no cache-write price')), 'a scenario price has no write price: input price, noted');
  const { scenarioSchema } = await import('../../src/core/config');
  const bad = scenarioSchema.safeParse({ ...base, workload: { ...base.workload, cachedInputTokens: 1500, cacheWriteTokens: 1000 } });
  assert.ok(!bad.success && bad.error.issues.some((i) => i.path.join('.') === 'workload.cacheWriteTokens'));
});
