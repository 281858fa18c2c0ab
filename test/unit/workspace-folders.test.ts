// Multi-root: `.code-workspace` folders (names, relative paths, bad input) and the sum of per-folder totals, each
// folder scanned with its own settings; `scan FILE.code-workspace` prints the same figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { scanWorkspace } from '../../src/core/scan/scan';
import { combineFolderScans, readWorkspaceFile, sumTotals } from '../../src/core/scan/workspaceFolders';
import { formatUsd } from '../../src/core/money';
import { tempTree } from './helpers/tempTree';

const py = (model: string) => `from openai import OpenAI
client = OpenAI()

def run(t):
    return client.chat.completions.create(model="${model}", messages=[{"role": "user", "content": t}])
`;

function twoFolders() {
  return tempTree({
    'backend/app.py': py('gpt-4o'),
    // the backend's own volume: the frontend keeps the default
    'backend/.vscode/settings.json': JSON.stringify({ 'llmCostLens.requestsPerDay': 5000 }),
    'web/app.py': py('gpt-4o-mini'),
    'web/lib/app.py': py('gpt-4o-mini'),
    'all.code-workspace': '// JSONC\n{ "folders": [ { "path": "backend" }, { "path": "web", "name": "Frontend" }, ], "settings": {} }',
  });
}

test('workspace file: folder paths resolve against the file, names from `name` or the basename', () => {
  const root = twoFolders();
  assert.deepEqual(readWorkspaceFile(join(root, 'all.code-workspace')), [
    { name: 'backend', path: resolve(root, 'backend') },
    { name: 'Frontend', path: resolve(root, 'web') },
  ]);
  const bad = tempTree({ 'a.code-workspace': '{ "folders": [ { "uri": "vscode-remote://x" } ] }', 'b.code-workspace': '[1]' });
  assert.throws(() => readWorkspaceFile(join(bad, 'a.code-workspace')), /folders\[0\]\.path must be a string/);
  assert.throws(() => readWorkspaceFile(join(bad, 'b.code-workspace')), /"folders" must be a non-empty array/);
});

test('multi-root totals: each folder with its own settings, the workspace total is their sum', async () => {
  const root = twoFolders();
  const backend = await scanWorkspace(join(root, 'backend'));
  const web = await scanWorkspace(join(root, 'web'));
  assert.equal(backend.callSites[0]!.volume.requestsPerDay, 5000, "the backend folder's own settings apply");
  assert.equal(web.callSites[0]!.volume.source, 'default');
  const t = sumTotals([backend.totals, web.totals]);
  assert.equal(t.apiMonthlyUsd, backend.totals.apiMonthlyUsd + web.totals.apiMonthlyUsd);
  assert.equal(t.selfHostedMonthlyUsd, backend.totals.selfHostedMonthlyUsd + web.totals.selfHostedMonthlyUsd);
  assert.equal(t.callSites, 3);
  const combined = combineFolderScans([{ name: 'backend', result: backend }, { name: 'Frontend', result: web }], root);
  assert.deepEqual(combined.callSites.map((c) => c.file).sort(), ['Frontend/app.py', 'Frontend/lib/app.py', 'backend/app.py']);
  assert.equal(combineFolderScans([{ name: 'backend', result: backend }], root), backend, 'one folder: its result as is');
});

test('cli: scan FILE.code-workspace prints each folder and the summed total; --json has the same figures', async () => {
  const root = twoFolders();
  const file = join(root, 'all.code-workspace');
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'scan', file, ...args], { encoding: 'utf8' });
  const json = cli('--json');
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout) as { folders: { name: string; totals: { apiMonthlyUsd: number } }[]; totals: { apiMonthlyUsd: number } };
  assert.deepEqual(out.folders.map((f) => f.name), ['backend', 'Frontend']);
  assert.equal(out.totals.apiMonthlyUsd, out.folders[0]!.totals.apiMonthlyUsd + out.folders[1]!.totals.apiMonthlyUsd);
  const table = cli();
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /== backend \(/);
  assert.ok(table.stdout.includes(`all folders: API ${formatUsd(out.totals.apiMonthlyUsd)}/mo`), table.stdout);
  const refused = cli('--report', 'md');
  assert.equal(refused.status, 2, refused.stderr);
});

test('status bar tooltip: a "by folder" table only with several folders, names escaped', async () => {
  const { folderTotalsMarkdown } = await import('../../src/core/format/folderTotalsText');
  const root = twoFolders();
  const backend = await scanWorkspace(join(root, 'backend'));
  assert.equal(folderTotalsMarkdown([{ name: 'backend', result: backend }]), '');
  const text = folderTotalsMarkdown([{ name: 'backend', result: backend }, { name: 'a|b', result: backend }]);
  assert.ok(text.includes(`| backend | 1 | ${formatUsd(backend.totals.apiMonthlyUsd)} | ${formatUsd(backend.totals.selfHostedMonthlyUsd)} |`), text);
  assert.ok(!text.includes('| a|b |'), 'a pipe in a folder name cannot add a column');
});
