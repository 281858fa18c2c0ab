// Quick fixes that write llmCostLens.callSites (src/core/fixes/settingsFixes.ts): the Batch API price and the
// hosted open model. Each saving equals the difference of two engine estimates run here by hand, and applying
// the patch to the folder settings makes the scan show the "after" figure.
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkspaceSettings, scanWorkspace } from '../../src/core/scan/scan';
import { callScenario } from '../../src/core/economics/callScenario';
import { estimate } from '../../src/core/economics/estimate';
import { quickFixesFor } from '../../src/core/fixes/quickFixModel';
import { qualityShort } from '../../src/core/fixes/settingsFixes';
import { lensTitle } from '../../src/core/format/lensText';
import { formatUsd } from '../../src/core/money';
import { tempTree } from './helpers/tempTree';

const JOB = `from openai import OpenAI
client = OpenAI()

def summarize(doc):
    # llm-cost: 20000/day
    return client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "user", "content": doc}])
`;

async function scanned(files: Record<string, string>, settings?: object) {
  const root = tempTree(files);
  if (settings) {
    mkdirSync(join(root, '.vscode'), { recursive: true });
    writeFileSync(join(root, '.vscode', 'settings.json'), JSON.stringify(settings));
  }
  return { root, result: await scanWorkspace(root), settings: readWorkspaceSettings(root).settings };
}

function engine(settings: Parameters<typeof callScenario>[0], model: string, perDay: number, input: number, output: number, batch: boolean, providers?: readonly string[]): number {
  const out = estimate(callScenario(settings, model, null, perDay, input, output, undefined, batch), { catalog: getSnapshotCatalog(), ...(providers ? { hostedProviders: providers } : {}) });
  assert.ok(out.ok);
  return out.result.api.monthlyUsd;
}

test('batch fix: saving = interactive − batch engine estimate; the patch prices the call at the batch price', async () => {
  const { result, settings } = await scanned({ 'jobs/summarize.py': JOB });
  const c = result.callSites[0]!;
  const fix = quickFixesFor(getSnapshotCatalog(), c, settings, JOB.split('\n')).find((f) => f.kind === 'batch-api');
  assert.ok(fix, 'offered for a non-streamed OpenAI chat call');
  const perDay = c.volume.requestsPerDay * c.volume.callsPerRequest;
  const before = engine(settings, 'gpt-4o', perDay, c.tokens.input, c.tokens.output, false);
  const after = engine(settings, 'gpt-4o', perDay, c.tokens.input, c.tokens.output, true);
  assert.equal(fix.savingUsd, before - after);
  assert.ok(Math.abs(after - before / 2) < 1e-9, 'OpenAI batch is half price');
  assert.equal(fix.title, `Use the Batch API if this is an offline job (−50 %, −${formatUsd(before - after)}/mo)`);
  assert.deepEqual(fix.settings, { key: c.key, patch: { batch: true } });
  assert.deepEqual(fix.edits, []);
  assert.match(fix.note, /The code is not changed/);
  // applied: the scan (and so the lens) shows the after figure, says it is the batch price, and offers no second batch fix
  const again = await scanned({ 'jobs/summarize.py': JOB }, { 'llmCostLens.callSites': { [c.key]: fix.settings!.patch } });
  const b = again.result.callSites[0]!;
  assert.equal(b.cost!.api!.monthlyUsd, after);
  assert.match(lensTitle(b), /^API \$[\d,]+\/mo \(batch price\) · /);
  assert.ok(b.cost!.notes.some((n) => n.includes('llmCostLens.callSites["jobs/summarize.py#summarize"].batch is true')), b.cost!.notes.join('\n'));
  assert.ok(!quickFixesFor(getSnapshotCatalog(), b, again.settings, JOB.split('\n')).some((f) => f.kind === 'batch-api'));
});

test('batch fix: not for a streamed call, a provider without a batch API, or an embedding', async () => {
  const streamed = JOB.replace('max_tokens=300,', 'max_tokens=300, stream=True,');
  const deepseek = JOB.replace('from openai import OpenAI\nclient = OpenAI()', 'from openai import OpenAI\nclient = OpenAI(base_url="https://api.deepseek.com")').replace('"gpt-4o"', '"deepseek-chat"');
  const embed = `from openai import OpenAI
client = OpenAI()

def embed(doc):
    # llm-cost: 20000/day
    return client.embeddings.create(model="text-embedding-3-small", input=doc)
`;
  for (const [name, text] of [['streamed', streamed], ['deepseek', deepseek], ['embedding', embed]] as const) {
    const { result, settings } = await scanned({ 'a.py': text });
    const c = result.callSites[0]!;
    assert.ok(c.cost?.api, `${name}: priced`);
    assert.ok(!quickFixesFor(getSnapshotCatalog(), c, settings, text.split('\n')).some((f) => f.kind === 'batch-api'), `${name}: no batch fix`);
  }
});

test('hosted-open fix: saving = API − hosted host estimate; the pin prices the call at that host; quality in the title', async () => {
  const { result, settings } = await scanned({ 'jobs/summarize.py': JOB });
  const c = result.callSites[0]!;
  const h = c.cost!.hostedOpen!;
  assert.ok(h && h.providerModelId, 'the scan has a hosted column for gpt-4o');
  const fix = quickFixesFor(getSnapshotCatalog(), c, settings, JOB.split('\n')).find((f) => f.kind === 'hosted-open');
  assert.ok(fix);
  const perDay = c.volume.requestsPerDay * c.volume.callsPerRequest;
  const pinned = `${h.provider}/${h.providerModelId}`;
  const before = engine(settings, 'gpt-4o', perDay, c.tokens.input, c.tokens.output, false);
  const after = engine(settings, pinned, perDay, c.tokens.input, c.tokens.output, false);
  assert.equal(fix.savingUsd, before - after);
  // the host's own estimate is the hosted column the lens shows (same tokens, same rates)
  assert.ok(Math.abs(after - h.monthlyUsd) < 1e-6, `${after} vs hosted column ${h.monthlyUsd}`);
  assert.equal(fix.title, `Route to hosted ${h.model} on ${h.providerName} (−${formatUsd(before - after)}/mo; ${qualityShort(c.openModel.quality)}: check on your evals)`);
  assert.match(fix.title, /MMLU \d+\.\d vs \d+\.\d/);
  assert.deepEqual(fix.settings, { key: c.key, patch: { model: pinned } });
  assert.match(fix.note, /Quality: .*MMLU/);
  const again = await scanned({ 'jobs/summarize.py': JOB }, { 'llmCostLens.callSites': { [c.key]: { model: pinned } } });
  const r = again.result.callSites[0]!;
  assert.equal(r.model, pinned);
  assert.ok(lensTitle(r).includes(pinned), 'the lens names the pinned host model');
  assert.ok(!quickFixesFor(getSnapshotCatalog(), r, again.settings, JOB.split('\n')).some((f) => f.kind === 'hosted-open' && f.settings?.patch.model === pinned));
});

test('hosted-open fix: none when the folder hides the hosted column or the call has no open counterpart', async () => {
  const none = await scanned({ 'a.py': JOB }, { 'llmCostLens.hostedProviders': ['none'] });
  assert.ok(!quickFixesFor(getSnapshotCatalog(), none.result.callSites[0]!, none.settings, JOB.split('\n')).some((f) => f.kind === 'hosted-open'));
  const noCounterpart = await scanned({ 'a.py': JOB }, { 'llmCostLens.openModelFor': { 'gpt-4o': 'none' } });
  assert.ok(!quickFixesFor(getSnapshotCatalog(), noCounterpart.result.callSites[0]!, noCounterpart.settings, JOB.split('\n')).some((f) => f.kind === 'hosted-open'));
  assert.equal(qualityShort('not compared: a frontier model'), 'quality not compared');
});
