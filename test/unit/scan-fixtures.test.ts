// `scan` end to end over each fixture folder: every expected call site of expected.json is reported by the scan
// (file, line, column, sdk, api, model, endpoint) and nothing else — the same check as the detection tests, but
// through the walk, prefilter, settings and costing of the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scanWorkspace } from '../../src/core/scan/scan';

interface Expected { calls: { line: number; column: number; sdk: string; api: string; model: string | null; endpoint: string; cell?: number; invokedFrom?: string; scanSkipped?: string }[] }

for (const dir of ['python', 'typescript', 'javascript', 'notebooks']) {
  test(`scan of test/fixtures/${dir} reports exactly the call sites of its expected.json`, async () => {
    const expected = JSON.parse(readFileSync(`test/fixtures/${dir}/expected.json`, 'utf8')) as Record<string, Expected>;
    const want = Object.entries(expected)
      // a LangChain constructor its own file never invokes is dropped by the scan when another file invokes it, and
      // listed under `skipped` when nothing invokes it and its model is an unpriced Azure deployment name
      .flatMap(([file, e]) => e.calls.filter((c) => !c.invokedFrom && !c.scanSkipped).map((c) => `${file}${c.cell !== undefined ? `#${c.cell}` : ''}:${c.line}:${c.column} ${c.sdk} ${c.api} ${c.model} ${c.endpoint}`))
      .sort();
    const r = await scanWorkspace(`test/fixtures/${dir}`);
    const got = r.callSites.map((c) => `${c.file}${c.cell !== undefined ? `#${c.cell}` : ''}:${c.line}:${c.column} ${c.sdk} ${c.api} ${c.model} ${c.endpoint}`).sort();
    assert.deepEqual(got, want);
    const skippedSites = Object.entries(expected).flatMap(([file, e]) => e.calls.filter((c) => c.scanSkipped).map((c) => `${file}:${c.line}`)).sort();
    assert.deepEqual(r.skipped.filter((s) => /^line \d+: /.test(s.reason)).map((s) => `${s.file}:${/^line (\d+)/.exec(s.reason)![1]}`).sort(), skippedSites);
    assert.ok(r.callSites.every((c) => c.cost !== null || c.problems.length > 0), 'every call site is costed or says why not');
  });
}
