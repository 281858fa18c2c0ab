// Quick fixes (src/extension/quickFixModel.ts): the saving in each title is the difference of two engine estimates
// of the call's scenario, and the edit is made in the call's own syntax.
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkspaceSettings, scanWorkspace } from '../../src/core/scan/scan';
import { callScenario } from '../../src/core/economics/callScenario';
import { estimate } from '../../src/core/economics/estimate';
import { apiMonthlyUsd, quickFixesFor, RUNAWAY_REPLY_TOKENS, suggestedCap, type TextEditSpec } from '../../src/core/fixes/quickFixModel';
import { formatUsd } from '../../src/core/money';
import { tempTree } from './helpers/tempTree';

const PY = `from openai import OpenAI
client = OpenAI()

def report(account):
    # llm-cost: 30000/day
    return client.chat.completions.create(
        model="gpt-4.1",
        messages=[{"role": "user", "content": account}],
    )
`;
const TS = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function tag(doc: string) {
  // llm-cost: 5000/day
  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: doc }] });
}
`;
const CAPPED = `from anthropic import Anthropic
client = Anthropic()

def s(t):
    # llm-cost: 1000/day
    return client.messages.create(model="claude-haiku-4-5", max_tokens=300, messages=[{"role": "user", "content": t}])
`;

function apply(text: string, edits: TextEditSpec[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].reverse()) {
    const l = lines[e.line]!;
    lines[e.line] = l.slice(0, e.character) + e.text + lines[e.endLine]!.slice(e.endCharacter);
  }
  return lines.join('\n');
}

async function scanned(files: Record<string, string>) {
  const root = tempTree(files);
  return { root, result: await scanWorkspace(root), settings: readWorkspaceSettings(root).settings };
}

test('quick fixes: the baseline is the lens figure; each saving is before − after of two engine estimates', async () => {
  const { root, result, settings } = await scanned({ 'jobs/report.py': PY });
  const c = result.callSites[0]!;
  assert.equal(apiMonthlyUsd(getSnapshotCatalog(), c, settings, {}), c.cost!.api!.monthlyUsd, 'the unchanged scenario gives the scanned figure');
  const fixes = quickFixesFor(getSnapshotCatalog(), c, settings, readFileSync(join(root, c.file), 'utf8').split('\n'));
  assert.deepEqual(fixes.map((f) => f.kind).sort(), ['batch-api', 'cap-max-tokens', 'hosted-open', 'switch-model']);
  const perDay = c.volume.requestsPerDay * c.volume.callsPerRequest;
  const engine = (model: string, output: number) => {
    const out = estimate(callScenario(settings, model, null, perDay, c.tokens.input, output), { catalog: getSnapshotCatalog() });
    assert.ok(out.ok);
    return out.result.api.monthlyUsd;
  };
  const sw = fixes.find((f) => f.kind === 'switch-model')!;
  assert.equal(sw.savingUsd, engine('gpt-4.1', c.tokens.output) - engine('gpt-4.1-mini', c.tokens.output));
  assert.ok(sw.title.startsWith(`Switch to gpt-4.1-mini (−${formatUsd(sw.savingUsd)}/mo;`), sw.title);
  const cap = fixes.find((f) => f.kind === 'cap-max-tokens')!;
  const n = suggestedCap(c.tokens.output);
  assert.equal(n, 400, 'the default 300-token reply gets a 400 cap');
  assert.equal(cap.savingUsd, engine('gpt-4.1', RUNAWAY_REPLY_TOKENS) - engine('gpt-4.1', n));
  assert.ok(cap.title.includes(`(−${formatUsd(cap.savingUsd)}/mo worst case`), cap.title);
  for (const f of fixes) assert.ok(Number.isFinite(f.savingUsd) && f.savingUsd > 0);
});

test('quick fixes: edits in Python (keyword on its own line) and TypeScript (object property), model literal replaced', async () => {
  const { root, result, settings } = await scanned({ 'a.py': PY, 'b.ts': TS });
  const py = result.callSites.find((c) => c.file === 'a.py')!;
  const fixesPy = quickFixesFor(getSnapshotCatalog(), py, settings, PY.split('\n'));
  assert.match(apply(PY, fixesPy.find((f) => f.kind === 'switch-model')!.edits), /model="gpt-4\.1-mini",/);
  assert.match(apply(PY, fixesPy.find((f) => f.kind === 'cap-max-tokens')!.edits), /create\(\n {8}max_tokens=400,\n {8}model="gpt-4\.1",/);
  const ts = result.callSites.find((c) => c.file === 'b.ts')!;
  const text = readFileSync(join(root, 'b.ts'), 'utf8');
  const fixesTs = quickFixesFor(getSnapshotCatalog(), ts, settings, text.split('\n'));
  assert.match(apply(text, fixesTs.find((f) => f.kind === 'switch-model')!.edits), /model: 'gpt-4o-mini'/);
  assert.match(apply(text, fixesTs.find((f) => f.kind === 'cap-max-tokens')!.edits), /create\(\{ max_tokens: 400, model: 'gpt-4o'/);
});

test('quick fixes: none for a call that already has max_tokens and the cheapest tier, or a model not in the code', async () => {
  const { result, settings } = await scanned({ 'c.py': CAPPED, 'd.py': PY.replace('model="gpt-4.1"', 'model=pick()') });
  const capped = result.callSites.find((c) => c.file === 'c.py')!;
  // the settings fixes (batch price, hosted open model) still apply: they are tested in settings-fixes.test.ts
  assert.deepEqual(quickFixesFor(getSnapshotCatalog(), capped, settings, CAPPED.split('\n')).filter((f) => f.edits.length > 0), []);
  const unresolved = result.callSites.find((c) => c.file === 'd.py')!;
  assert.ok(!quickFixesFor(getSnapshotCatalog(), unresolved, settings, PY.split('\n')).some((f) => f.kind === 'switch-model'), 'no model literal to replace');
});

const LONG_RULES = Array.from({ length: 160 }, (_, i) => `Rule ${i + 1}: answer politely and cite the policy section.`).join(' ');
const CACHED = (system: string, model = 'claude-sonnet-4-6') => `from anthropic import Anthropic
client = Anthropic()
SYSTEM_PROMPT = "${LONG_RULES}"

def answer(q):
    # llm-cost: 10000/day
    return client.messages.create(model="${model}", max_tokens=300, system=${system}, messages=[{"role": "user", "content": q}])
`;

test('quick fixes: cache a long static Anthropic system prompt; the saving is two engine estimates apart', async () => {
  const text = CACHED('SYSTEM_PROMPT');
  const { result, settings } = await scanned({ 'a.py': text });
  const c = result.callSites[0]!;
  const system = c.tokens.parts.find((p) => p.role === 'system')!;
  assert.ok(system.tokens >= 1024, `the system prompt has ${system.tokens} tokens`);
  const fix = quickFixesFor(getSnapshotCatalog(), c, settings, text.split('\n')).find((f) => f.kind === 'cache-system-prompt');
  assert.ok(fix, 'a cache fix is offered');
  const perDay = c.volume.requestsPerDay * c.volume.callsPerRequest;
  const engine = (cached: number, written: number) => {
    const out = estimate(callScenario(settings, c.model, null, perDay, c.tokens.input, c.tokens.output, cached, false, written), { catalog: getSnapshotCatalog() });
    assert.ok(out.ok);
    return out.result.api.monthlyUsd;
  };
  // read from the cache except at most once per 5-minute window (288/day), when it is written (scan/promptCache.ts)
  const w = 288 / perDay;
  assert.equal(fix.savingUsd, engine(0, 0) - engine(system.tokens * (1 - w), system.tokens * w));
  assert.equal(fix.title, `Cache the ${system.tokens.toLocaleString('en-US')}-token system prompt (−${formatUsd(fix.savingUsd)}/mo)`);
  assert.match(apply(text, fix.edits), /system=\[\{"type": "text", "text": SYSTEM_PROMPT, "cache_control": \{"type": "ephemeral"\}\}\], messages=/);
});

test('quick fixes: no cache fix for a prompt built by a call, one with a placeholder, one already cached, or a short one', async () => {
  for (const [name, text] of [
    ['built', CACHED('build(q)')],
    ['cached', CACHED('[{"type": "text", "text": SYSTEM_PROMPT, "cache_control": {"type": "ephemeral"}}]')],
    ['placeholder', CACHED('SYSTEM_PROMPT').replace(`SYSTEM_PROMPT = "${LONG_RULES}"`, `SYSTEM_PROMPT = f"${LONG_RULES} {user}"`)],
    ['short', CACHED('SYSTEM_PROMPT').replace(LONG_RULES, 'Be brief.')],
  ] as const) {
    const { result, settings } = await scanned({ 'a.py': text });
    const c = result.callSites[0]!;
    assert.ok(!quickFixesFor(getSnapshotCatalog(), c, settings, text.split('\n')).some((f) => f.kind === 'cache-system-prompt'), `${name}: no cache fix`);
  }
});

test('quick fixes: OpenAI caches a long static prefix by itself — advice with the engine saving, no edit', async () => {
  const text = `from openai import OpenAI
client = OpenAI()
SYSTEM_PROMPT = "${LONG_RULES}"

def answer(q):
    # llm-cost: 10000/day
    return client.chat.completions.create(model="gpt-4.1-mini", max_tokens=300, messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": q}])
`;
  const { result, settings } = await scanned({ 'a.py': text });
  const c = result.callSites[0]!;
  const fix = quickFixesFor(getSnapshotCatalog(), c, settings, text.split('\n')).find((f) => f.kind === 'openai-prefix-cache');
  assert.ok(fix, JSON.stringify(c.tokens.parts));
  const system = c.tokens.parts.find((p) => p.role === 'system')!.tokens;
  assert.equal(fix.savingUsd, apiMonthlyUsd(getSnapshotCatalog(), c, settings, {})! - apiMonthlyUsd(getSnapshotCatalog(), c, settings, { cachedInputTokens: system })!);
  assert.deepEqual(fix.edits, []);
  assert.match(fix.note, /1,024 tokens or more automatically/);
  // a short system prompt: nothing is cached, no advice
  const short = text.replace(LONG_RULES, 'Be brief.');
  const s = await scanned({ 'b.py': short });
  assert.ok(!quickFixesFor(getSnapshotCatalog(), s.result.callSites[0]!, s.settings, short.split('\n')).some((f) => f.kind === 'openai-prefix-cache'));
});
