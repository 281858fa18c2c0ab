// The editor's CodeLens and hover text (pure modules of src/extension) over the demo workspace's call sites.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeDocument, readWorkspaceSettings, workspaceReader } from '../../src/core/scan/scan';
import { lensTitle, parseVolume, setVolumeTitle } from '../../src/extension/lensText';
import { hoverMarkdown, md } from '../../src/extension/hoverText';
import { formatUsd } from '../../src/core/format/money';

const root = 'examples';
async function site(file: string) {
  const r = await analyzeDocument(file, readFileSync(`${root}/${file}`, 'utf8'), readWorkspaceSettings(root), workspaceReader(root));
  assert.equal(r.callSites.length, 1);
  return r.callSites[0];
}

test('lens: ≈ for approximate counts, API and self-hosted monthly cost, break-even, volume', async () => {
  const c = await site('app/summarize.py');
  const title = lensTitle(c);
  assert.match(title, /^≈\d+ → 300 tok · API \$[\d,]+\/mo \(claude-sonnet-4-6\) · self-host \$[\d,]+\/mo · break-even [\d,]+\/day · at 1,000\/day$/);
  assert.ok(title.includes(formatUsd(c.cost!.api!.monthlyUsd)));
  assert.equal(setVolumeTitle(c), 'Set volume… (comment wins)');
});

test('lens: unpriced model with suggestions; self-hosted endpoint shows what the API would cost', async () => {
  const c = structuredClone(await site('app/classify.ts'));
  c.model = 'gpt-4o-minii';
  c.cost = { ...c.cost!, api: null, suggestions: ['gpt-4o-mini', 'gpt-4o'] };
  assert.match(lensTitle(c), /unpriced model "gpt-4o-minii" \(did you mean gpt-4o-mini, gpt-4o\?\)/);
  const d = structuredClone(await site('app/classify.ts'));
  d.endpoint = 'self-hosted';
  assert.match(lensTitle(d), /self-hosted endpoint · via API \$58\/mo \(gpt-4o-mini\)/);
});

test('hover: table with basis, parts, prices as of, both break-evens, verdict; command link to the panel only', async () => {
  const c = await site('app/summarize.py');
  const text = hoverMarkdown(c, { openPanel: 'llmCostLens.openPanel' });
  for (const s of ['| Input |', 'ticket\\_text', 'prices as of ', 'with ops', 'compute only', '| Verdict | **api** |', '(command:llmCostLens.openPanel)']) assert.ok(text.includes(s), `missing ${s}\n${text}`);
  assert.equal([...text.matchAll(/\(command:/g)].length, 1);
});

test('md() escapes table-breaking and link characters', () => {
  assert.equal(md('a|b [x](command:evil) <b>'), 'a\\|b \\[x\\]\\(command:evil\\) \\<b\\>');
});

test('parseVolume: numbers ≥ 0, separators allowed, clear errors otherwise', () => {
  assert.deepEqual(parseVolume('2,500'), { ok: true, value: 2500 });
  assert.deepEqual(parseVolume(' 0 '), { ok: true, value: 0 });
  assert.deepEqual(parseVolume('1_000/day'), { ok: true, value: 1000 });
  assert.equal(parseVolume('-5').ok, false);
  assert.equal(parseVolume('abc').ok, false);
  assert.equal(parseVolume('').ok, false);
  assert.equal(parseVolume('Infinity').ok, false);
});
