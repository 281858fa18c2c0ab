// Quick fixes in code-server (issue 14): the lightbulb menu's titles carry the saving the engine computes for the
// CLI's scan of the same file; applying one edits the code in the call's syntax and the CodeLens shows the new cost.
import { getSnapshotCatalog } from '../../../src/core/catalog/prices';
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { expectVisible } from '../harness/expect';
import { callSiteIn, cliScan } from '../stories/editor';
import { TREE_FILES, writeFiles } from '../stories/tree';
import { readWorkspaceSettings } from '../../../src/core/scan/scan';
import { apiMonthlyUsd, quickFixesFor, type QuickFix } from '../../../src/core/fixes/quickFixModel';
import { formatUsd } from '../../../src/core/money';

/** An Anthropic call with a long static system prompt (over the 1,024-token cacheable minimum). */
const CACHE_FILE = 'jobs/policy.py';
const CACHE_SOURCE = `from anthropic import Anthropic

client = Anthropic()
POLICY = "${Array.from({ length: 160 }, (_, i) => `Rule ${i + 1}: answer politely and cite the policy section.`).join(' ')}"


def answer(q: str) -> str:
    # llm-cost: 10000/day
    r = client.messages.create(model="claude-sonnet-4-6", max_tokens=300, system=POLICY, messages=[{"role": "user", "content": q}])
    return r.content[0].text
`;

/** An offline job on a model whose provider sells a batch API (Python) and one with a hosted open counterpart (TS). */
const BATCH_FILE = 'jobs/digest.py';
const BATCH_SOURCE = `from openai import OpenAI

client = OpenAI()


def digest(doc: str) -> str:
    # llm-cost: 20000/day
    r = client.chat.completions.create(model="gpt-4o", max_tokens=300, messages=[{"role": "user", "content": doc}])
    return r.choices[0].message.content
`;
const HOSTED_FILE = 'jobs/summary.ts';
const HOSTED_SOURCE = `import OpenAI from 'openai';

const client = new OpenAI();

export async function summarize(doc: string): Promise<string> {
  // llm-cost: 20000/day
  const r = await client.chat.completions.create({ model: 'gpt-4o', max_tokens: 300, messages: [{ role: 'user', content: doc }] });
  return r.choices[0]?.message.content ?? '';
}
`;

describe('quick fixes: saving in the title, the edit, the lens after it', () => {
  let session: Session;
  let wb: Workbench;

  before(async () => {
    session = await Session.start({
      name: 'quickfix',
      prepare: (ws) => writeFiles(ws, { ...TREE_FILES, [CACHE_FILE]: CACHE_SOURCE, [BATCH_FILE]: BATCH_SOURCE, [HOSTED_FILE]: HOSTED_SOURCE }),
    });
    wb = new Workbench(session);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  });
  after(async () => {
    await session?.stop();
  });

  /** The fix the engine offers for the CLI's record of the call in `file`. */
  function expectedFix(file: string, kind: QuickFix['kind']) {
    const scan = cliScan(session.workspace);
    const c = callSiteIn(scan, file);
    const settings = readWorkspaceSettings(session.workspace).settings;
    const fix = quickFixesFor(getSnapshotCatalog(), c, settings, readFileSync(join(session.workspace, file), 'utf8').split('\n')).find((f) => f.kind === kind);
    assert.ok(fix, `the engine offers a ${kind} fix for ${file}`);
    return { c, fix, settings };
  }

  async function applyFix(file: string, line: number, title: string): Promise<void> {
    await wb.openFile(file);
    await wb.goTo(line, 10);
    const item = wb.page.locator('.action-widget .monaco-list-row').filter({ hasText: title });
    // Ctrl+. asked before the file's analysis is ready answers "no code actions": ask again until the fix is listed.
    const deadline = Date.now() + 30_000;
    for (;;) {
      await wb.page.keyboard.press('Control+.');
      const shown = await item.first().waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
      if (shown || Date.now() > deadline) break;
      await wb.page.keyboard.press('Escape');
    }
    await (await expectVisible(session, item, `a quick fix titled ${JSON.stringify(title)}`, 1_000)).click();
  }

  it('"Switch to gpt-4.1-mini (−$X/mo …)" replaces the model literal and the lens shows the cheaper cost', async () => {
    await wb.waitForExtensionReady();
    const { c, fix } = expectedFix('jobs/nightly.py', 'switch-model');
    assert.match(fix.title, /^Switch to gpt-4\.1-mini \(−\$[\d,.]+\/mo;/);
    await wb.openFile('jobs/nightly.py');
    await wb.waitForCodeLens(`API ${formatUsd(c.cost!.api!.monthlyUsd)}/mo`, 60_000);
    await applyFix('jobs/nightly.py', c.line + 1, fix.title);
    await expectVisible(session, wb.page.locator('.editor-instance .view-lines').filter({ hasText: 'model="gpt-4.1-mini"' }), 'the edited model literal in the editor', 10_000);
    const lens = await wb.waitForCodeLens(`API ${formatUsd(fix.afterUsd)}/mo`, 30_000);
    console.log(`[e2e] ${fix.title} → lens ${JSON.stringify(lens)}`);
  });

  it('"Cap max_tokens at 400 (−$X/mo worst case …)" inserts the argument in Python syntax', async () => {
    const { c, fix, settings } = expectedFix('jobs/tagger.py', 'cap-max-tokens');
    assert.match(fix.title, /^Cap max_tokens at 400 \(−\$[\d,.]+\/mo worst case/);
    await applyFix('jobs/tagger.py', c.line, fix.title);
    await expectVisible(session, wb.page.locator('.editor-instance .view-lines').filter({ hasText: 'max_tokens=400' }), 'max_tokens=400 in the editor', 10_000);
    // The expected reply (300) is under the cap, so the estimate keeps its figure; the lens is recomputed from the edit.
    assert.equal(apiMonthlyUsd(getSnapshotCatalog(), c, settings, {}), c.cost!.api!.monthlyUsd);
    await wb.waitForCodeLens(`API ${formatUsd(c.cost!.api!.monthlyUsd)}/mo`, 30_000);
  });

  it('"Cache the N-token system prompt (−$X/mo)" wraps the system prompt with cache_control', async () => {
    const { c, fix } = expectedFix(CACHE_FILE, 'cache-system-prompt');
    assert.match(fix.title, /^Cache the [\d,]+-token system prompt \(−\$[\d,.]+\/mo\)$/);
    await applyFix(CACHE_FILE, c.line, fix.title);
    await expectVisible(session, wb.page.locator('.editor-instance .view-lines').filter({ hasText: '"cache_control": {"type": "ephemeral"}' }), 'the cache_control block in the editor', 10_000);
    // The scan reads cache_control: the lens shows the cached figure the title promised (writes amortised).
    assert.ok(fix.afterUsd < c.cost!.api!.monthlyUsd);
    const lens = await wb.waitForCodeLens(`API ${formatUsd(fix.afterUsd)}/mo`, 30_000);
    console.log(`[e2e] ${fix.title} → lens ${JSON.stringify(lens)}`);
  });

  it('"Use the Batch API if this is an offline job (−50 %, −$X/mo)" sets callSites batch and the lens shows the batch price', async () => {
    const { c, fix } = expectedFix(BATCH_FILE, 'batch-api');
    assert.match(fix.title, /^Use the Batch API if this is an offline job \(−50 %, −\$[\d,.]+\/mo\)$/);
    await wb.openFile(BATCH_FILE);
    await wb.waitForCodeLens(`API ${formatUsd(c.cost!.api!.monthlyUsd)}/mo`, 60_000);
    await applyFix(BATCH_FILE, c.line, fix.title);
    const lens = await wb.waitForCodeLens(`API ${formatUsd(fix.afterUsd)}/mo (batch price)`, 30_000);
    const entry = readWorkspaceSettings(session.workspace).settings.callSites[c.key];
    assert.deepEqual(entry, { batch: true }, 'written to the folder settings, code untouched');
    assert.equal(readFileSync(join(session.workspace, BATCH_FILE), 'utf8'), BATCH_SOURCE);
    console.log(`[e2e] ${fix.title} → lens ${JSON.stringify(lens)}`);
  });

  it('"Route to hosted <open model> on <host> (−$X/mo; quality …)" pins the host model and the lens prices it', async () => {
    const { c, fix } = expectedFix(HOSTED_FILE, 'hosted-open');
    assert.match(fix.title, /^Route to hosted [\w.-]+ on .+ \(−\$[\d,.]+\/mo; MMLU [\d.]+ vs [\d.]+: check on your evals\)$/);
    await wb.openFile(HOSTED_FILE);
    await wb.waitForCodeLens(`API ${formatUsd(c.cost!.api!.monthlyUsd)}/mo`, 60_000);
    await applyFix(HOSTED_FILE, c.line, fix.title);
    const pinned = fix.settings!.patch.model!;
    const lens = await wb.waitForCodeLens(`API ${formatUsd(fix.afterUsd)}/mo`, 30_000);
    assert.ok(lens.includes(pinned), `the lens names the pinned model: ${lens}`);
    assert.deepEqual(readWorkspaceSettings(session.workspace).settings.callSites[c.key], { model: pinned });
    console.log(`[e2e] ${fix.title} → lens ${JSON.stringify(lens)}`);
  });
});
