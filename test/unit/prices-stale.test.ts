// Issue #11 (7): the price catalog's staleness warning (> 90 days) in `prices`, `estimate`, `scan --report` and
// the hover, computed from an injected clock (Io.now), never from the machine's date or a hard-coded one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { priceCatalogInfo, getSnapshotCatalog } from '../../src/core/catalog/prices';
import { hoverMarkdown } from '../../src/core/format/hoverText';
import { buildCallSite } from '../../src/core/scan/callSite';
import { readSettings } from '../../src/core/settings';
import { openAiChatCall } from './helpers/detectedCall';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

const emptyDir = mkdtempSync(join(tmpdir(), 'llm-cost-stale-')); // no downloaded catalog: the bundled snapshot
const asOf = priceCatalogInfo(getSnapshotCatalog(), new Date('2026-01-01T00:00:00Z')).asOf;
const day = (n: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) + n * 86_400_000);

async function run(args: string[], now: Date): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => now });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('`prices` warns only past 90 days, counting from the catalog date with the injected clock', async () => {
  assert.equal(asOf, '2026-09-23', 'the bundled snapshot date (README: prices as of 2026-09-23)');
  // 2026-12-02 (the session's today) is 70 days after 2026-09-23: no warning yet.
  const fresh = await run(['prices', 'gpt-4o-mini', '--dir', emptyDir], new Date('2026-12-02T12:00:00Z'));
  assert.equal(fresh.code, 0);
  assert.doesNotMatch(fresh.out, /days old/);
  assert.doesNotMatch((await run(['prices', 'gpt-4o-mini', '--dir', emptyDir], day(90))).out, /days old/, 'exactly 90 days is not stale');
  const stale = await run(['prices', 'gpt-4o-mini', '--dir', emptyDir], day(91));
  assert.match(stale.out, /^note: prices as of 2026-09-23 are 91 days old: check the provider's pricing page/m);
  // Sep 23 → Jan 1: 7 + 31 + 30 + 31 + 1 = 100 days
  assert.match((await run(['prices', 'gpt-4o-mini', '--dir', emptyDir], new Date('2027-01-01T00:00:00Z'))).out, /are 100 days old/);
  const json = JSON.parse((await run(['prices', 'gpt-4o-mini', '--json', '--dir', emptyDir], day(91))).out);
  assert.equal(json.stale, true);
});

test('`estimate` and `scan --report` carry the warning from the same clock', async () => {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-stale-ws-'));
  writeFileSync(join(root, 's.json'), JSON.stringify({ workload: { requestsPerDay: 100, inputTokens: 500, outputTokens: 100 }, api: { model: 'gpt-4o-mini' } }));
  const est = JSON.parse((await run(['estimate', '--scenario', join(root, 's.json'), '--json'], day(120))).out);
  assert.ok(est.notes.some((n: string) => /are 120 days old/.test(n)), est.notes.join('\n'));
  const freshEst = JSON.parse((await run(['estimate', '--scenario', join(root, 's.json'), '--json'], day(10))).out);
  assert.ok(!freshEst.notes.some((n: string) => /days old/.test(n)));
  mkdirSync(join(root, 'app'));
  writeFileSync(join(root, 'app/a.py'), 'from openai import OpenAI\nclient = OpenAI()\ndef f(q):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n');
  const report = await run(['scan', root, '--report', 'md'], day(120));
  assert.equal(report.code, 0, report.err);
  assert.match(report.out, /prices as of 2026-09-23 are 120 days old/);
  assert.doesNotMatch((await run(['scan', root, '--report', 'md'], day(30))).out, /days old/);
});

test('the hover shows the warning under the price source when the caller passes it', () => {
  const call = openAiChatCall();
  const site = buildCallSite(engine, call, readSettings({}));
  const note = priceCatalogInfo(getSnapshotCatalog(), day(91)).staleNote;
  assert.ok(note);
  const text = hoverMarkdown(site, { openPanel: 'x' }, { priceStaleNote: note });
  assert.match(text, /\| Prices \| .* prices as of 2026-09-23 \|\n\| {2}\| ⚠ prices as of 2026-09-23 are 91 days old/);
  assert.doesNotMatch(hoverMarkdown(site, { openPanel: 'x' }, { priceStaleNote: priceCatalogInfo(getSnapshotCatalog(), day(89)).staleNote }), /days old/);
});
