// The exported cost report (editor "Export Cost Report…" and `scan --report`): the same numbers as `scan --json`,
// CSV that survives commas, quotes and newlines, and a Markdown table per call site with its basis.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanWorkspace, readWorkspaceSettings } from '../../src/core/scan/scan';
import { buildCostReport, csvField, renderCostReport, type CostReport } from '../../src/core/format/costReport';
import { priceCatalogInfo, getSnapshotCatalog } from '../../src/core/catalog/prices';
import { formatUsd } from '../../src/core/money';
import { SETTINGS } from '../../src/core/settings';
import { main } from '../../src/cli/main';

// As the CLI passes it: with today's staleness note (none until the snapshot is 90 days old).
// The catalog as seen the day after its date (a fixed clock): the figures here must not change when the real
// date passes the 90-day staleness limit; the staleness note has its own test below.
const FRESH = priceCatalogInfo(getSnapshotCatalog(), new Date(Date.parse(`${priceCatalogInfo(getSnapshotCatalog()).asOf}T00:00:00Z`) + 86_400_000));
const SNAPSHOT = { source: FRESH.source, asOf: FRESH.asOf, staleNote: FRESH.staleNote };

/** RFC 4180 reader (quoted fields may hold commas, doubled quotes and line breaks); rows split on CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-report-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

test('csvField: commas, quotes, CR and LF are quoted with quotes doubled; null is empty; numbers unrounded', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\rhere'), '"cr\rhere"');
  assert.equal(csvField(null), '');
  assert.equal(csvField(57.824999999999996), '57.824999999999996');
  assert.equal(csvField({ 'a,b': 1 }), '"{""a,b"":1}"');
});

test('JSON report: every call site and total carries exactly the numbers of `scan --json` (examples/)', async () => {
  const json = await cli(['scan', 'examples', '--json']);
  const report = await cli(['scan', 'examples', '--report', 'json']);
  assert.equal(json.code, 0);
  assert.equal(report.code, 0, report.err);
  const scan = JSON.parse(json.out);
  const r = JSON.parse(report.out) as CostReport;
  assert.equal(r.callSites.length, scan.callSites.length);
  assert.ok(r.callSites.length >= 2);
  for (const [i, c] of scan.callSites.entries()) {
    const row = r.callSites[i]!;
    assert.equal(row.file, c.file);
    assert.equal(row.line, c.line);
    assert.equal(row.key, c.key);
    assert.equal(row.model, c.model);
    assert.equal(row.modelSource, c.modelSource);
    assert.equal(row.inputTokens, c.tokens.input);
    assert.equal(row.inputBasis, c.tokens.inputBasis);
    assert.equal(row.outputTokens, c.tokens.output);
    assert.equal(row.requestsPerDay, c.volume.requestsPerDay);
    assert.equal(row.volumeSource, c.volume.source);
    assert.equal(row.apiMonthlyUsd, c.cost.api.monthlyUsd);
    assert.equal(row.selfHostedMonthlyUsd, c.cost.selfHosted.monthlyUsd);
    assert.equal(row.verdict, c.cost.verdict);
    assert.equal(row.priceSource, c.cost.api.price.source);
    assert.equal(row.priceAsOf, c.cost.api.price.asOf);
  }
  assert.equal(r.totals.apiMonthlyUsd, scan.totals.apiMonthlyUsd);
  assert.equal(r.totals.selfHostedMonthlyUsd, scan.totals.selfHostedMonthlyUsd);
  assert.equal(r.totals.bestRouting.monthlyUsd, scan.totals.routing.monthlyUsd);
  assert.deepEqual(r.totals.deployments.map((d) => [d.openModel, d.gpus, d.monthlyUsd]), scan.totals.deployments.map((d: { openModel: string; gpus: number; monthlyUsd: number }) => [d.openModel, d.gpus, d.monthlyUsd]));
  assert.deepEqual(r.priceSnapshot, { source: SNAPSHOT.source, asOf: SNAPSHOT.asOf });
  assert.equal(r.assumptions.length, Object.keys(SETTINGS).length);
  // Round trip: the parsed report renders to the same JSON again.
  assert.equal(renderCostReport(r, 'json'), report.out);
});

test('CSV report: a file name with a comma and quotes, a basis with a line break and a settings object survive a parse', async () => {
  const root = workspace({
    'app/we,ird "name".py': 'from openai import OpenAI\nclient = OpenAI()\n\ndef ask(q):\n    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": q}])\n',
    '.vscode/settings.json': JSON.stringify({ 'llmCostLens.daysPerMonth': 22, 'llmCostLens.placeholders': { 'a,"b"': 5 }, 'llmCostLens.hybrid.selfHostedShare': 0.25 }),
  });
  const scan = await scanWorkspace(root);
  const ws = readWorkspaceSettings(root);
  const report = buildCostReport(scan, ws, SNAPSHOT);
  report.callSites[0]!.outputBasis = 'expected 300\n(two lines)';
  const rows = parseCsv(renderCostReport(report, 'csv'));
  const head = rows[0]!;
  const c = rows[1]!;
  assert.equal(c.length, head.length);
  const col = (name: string) => c[head.indexOf(name)];
  assert.equal(col('file'), 'app/we,ird "name".py');
  assert.equal(col('key'), 'app/we,ird "name".py#ask');
  assert.equal(col('output_basis'), 'expected 300\n(two lines)');
  assert.equal(Number(col('api_usd_per_month')), scan.callSites[0]!.cost!.api!.monthlyUsd);
  assert.equal(Number(col('self_hosted_usd_per_month')), scan.callSites[0]!.cost!.selfHosted!.monthlyUsd);
  assert.equal(scan.callSites[0]!.cost!.hybrid!.selfHostedShare, 0.25);
  assert.equal(Number(col('hybrid_usd_per_month')), scan.callSites[0]!.cost!.hybrid!.monthlyUsd);
  assert.deepEqual(rows[2], ['']);
  const metrics = new Map(rows.filter((r) => r.length === 2).map((r) => [r[0], r[1]]));
  assert.equal(Number(metrics.get('api_usd_per_month')), scan.totals.apiMonthlyUsd);
  assert.equal(Number(metrics.get('days_per_month')), 22);
  assert.equal(metrics.get('prices_as_of'), SNAPSHOT.asOf);
  const settings = rows.filter((r) => r.length === 3 && r[0]!.startsWith('llmCostLens.'));
  assert.equal(settings.length, Object.keys(SETTINGS).length);
  assert.deepEqual(settings.find((r) => r[0] === 'llmCostLens.placeholders'), ['llmCostLens.placeholders', '{"a,\\"b\\"":5}', 'folder']);
  assert.deepEqual(settings.find((r) => r[0] === 'llmCostLens.requestsPerDay'), ['llmCostLens.requestsPerDay', '1000', 'default']);
});

test('Markdown report: one table row per call site with its basis and price date, totals, and each assumption\'s origin', async () => {
  const scan = await scanWorkspace('examples');
  const ws = readWorkspaceSettings('examples');
  const md = renderCostReport(buildCostReport(scan, ws, SNAPSHOT), 'markdown');
  const lines = md.split('\n');
  const header = lines.findIndex((l) => l.startsWith('| Call site |'));
  assert.ok(header > 0);
  assert.match(lines[header + 1]!, /^\|---\|/);
  const rows = lines.slice(header + 2, header + 2 + scan.callSites.length);
  for (const [i, c] of scan.callSites.entries()) {
    const cells = rows[i]!.slice(2, -2).split(' | ');
    assert.equal(cells[0], `${c.file}:${c.line}`);
    assert.equal(cells[1], c.key);
    assert.equal(cells[7], formatUsd(c.cost!.api!.monthlyUsd));
    assert.match(cells[4]!, /^≈?[\d,]+ \(/);
    assert.equal(cells.at(-1), `${c.cost!.api!.price.source} (${c.cost!.api!.price.asOf})`);
  }
  assert.ok(lines.includes(`| API, as the code is today | ${formatUsd(scan.totals.apiMonthlyUsd)} |`));
  assert.ok(lines.includes('| `llmCostLens.requestsPerDay` | 1000 | built-in default |'));
  assert.match(md, new RegExp(`as of ${SNAPSHOT.asOf}`));
  // A pipe in a value does not break the table.
  const piped = buildCostReport(scan, ws, SNAPSHOT);
  piped.callSites[0]!.inputBasis = 'a | b';
  assert.match(renderCostReport(piped, 'markdown'), /a \\\| b/);
});

test('scan --report: md/csv/json accepted, anything else or with --json is a usage error (exit 2)', async () => {
  assert.equal((await cli(['scan', 'examples', '--report', 'md'])).code, 0);
  assert.match((await cli(['scan', 'examples', '--report', 'csv'])).out, /^file,line,column,/);
  const bad = await cli(['scan', 'examples', '--report', 'xml']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--report: expected md, csv or json/);
  assert.equal((await cli(['scan', 'examples', '--report', 'json', '--json'])).code, 2);
});

test('Markdown report: the token basis is not marked ≈ twice, and a prompt file\'s volume says front matter as the scan table does', async () => {
  const md = await cli(['scan', 'examples', '--report', 'md']);
  assert.equal(md.code, 0, md.err);
  assert.doesNotMatch(md.out, /\(≈ /);
  assert.match(md.out, /\| prompts\/triage\.prompty:\d+ \|[^\n]*\| 20,000\/day \(front matter\) \|/);
  assert.match(md.out, /≈137 \(135–141, claude ≈ o200k_base/);
});

test('a stale price catalog heads the report\'s warnings (issue #11)', async () => {
  const root = workspace({ 'a.py': 'from openai import OpenAI\nclient = OpenAI()\nclient.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hi"}])\n' });
  const scan = await scanWorkspace(root);
  const staleNote = priceCatalogInfo(getSnapshotCatalog(), new Date('2027-06-01T00:00:00Z')).staleNote;
  assert.match(staleNote ?? '', /days old/);
  const r = buildCostReport(scan, readWorkspaceSettings(root), { ...SNAPSHOT, staleNote });
  assert.equal(r.warnings[0], staleNote);
  assert.match(renderCostReport(r, 'markdown'), /## Warnings\n\n- prices as of .* days old/);
  assert.equal(buildCostReport(scan, readWorkspaceSettings(root), { ...SNAPSHOT, staleNote: null }).warnings.length, 0, 'look-alike: a fresh catalog adds no warning');
});
