// `llm-cost-lens diff` on real temporary git repositories: each side scanned at its own ref with its own settings,
// call sites matched across renames, exit codes, and no temporary worktree left behind.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { loadScanUsage } from '../../src/cli/usage';
import { scanWorkspace } from '../../src/core/scan/scan';
import { tempRepo, pyCall, PY_HEADER, type TempRepo } from './helpers/gitRepo';
import type { DiffResult } from '../../src/core/diff/types';
import { openRepo, removeTemporaryTrees, withCommitTree } from '../../src/core/diff/git';
import { BaseComparison, vsBaseLabel } from '../../src/core/diff/againstBase';

const repos: TempRepo[] = [];
after(() => repos.forEach((r) => r.remove()));

function repo(files: Record<string, string | Buffer>): TempRepo {
  const r = tempRepo(files);
  repos.push(r);
  r.commit('base');
  return r;
}

/** Runs the CLI with TMPDIR pointed at a fresh folder, and checks that folder and `git worktree list` are clean after. */
async function diff(r: TempRepo, ...args: string[]): Promise<{ code: number; out: string; err: string; json: () => DiffResult }> {
  const tmp = mkdtempSync(join(tmpdir(), 'llm-cost-lens-difftmp-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = await main(['diff', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  assert.deepEqual(readdirSync(tmp), [], 'temporary worktrees and indexes are removed');
  rmSync(tmp, { recursive: true });
  if (r.git('rev-parse', '--is-inside-work-tree').trim() === 'true') assert.equal(r.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length, 1, 'no worktree left registered');
  return { code, out: out.join('\n'), err: err.join('\n'), json: () => JSON.parse(out.join('\n')) as DiffResult };
}

const BOT = PY_HEADER + pyCall('answer', 'gpt-4o') + '\n' + pyCall('summarize', 'gpt-4o-mini', 'Summarize the ticket in one line.');

test('a model change in the working tree: one call site changed, the JSON contract, Δ per call site sums to the totals', async () => {
  const r = repo({ 'app/bot.py': BOT });
  r.write({ 'app/bot.py': BOT.replace('model="gpt-4o"', 'model="gpt-4.1"') });
  const res = await diff(r, r.dir, '--base', 'main', '--json');
  assert.equal(res.code, 0, res.err);
  const j = res.json();
  assert.deepEqual(Object.keys(j).sort(), ['base', 'basis', 'callSites', 'head', 'policy', 'summary', 'totals']);
  assert.equal(j.base.ref, 'main');
  assert.match(j.base.commit!, /^[0-9a-f]{40}$/);
  assert.deepEqual(j.head, { ref: 'working tree', commit: null });
  const changed = j.callSites.filter((c) => c.status === 'changed');
  assert.equal(changed.length, 1);
  const c = changed[0]!;
  assert.equal(c.key, 'app/bot.py#answer');
  assert.ok(c.changes.includes('model'), c.changes.join());
  assert.equal(c.before!.model, 'gpt-4o');
  assert.equal(c.after!.model, 'gpt-4.1');
  assert.ok(Math.abs(c.deltaMonthlyUsd - (c.after!.cost!.api!.monthlyUsd - c.before!.cost!.api!.monthlyUsd)) < 1e-9);
  assert.equal(j.callSites.find((x) => x.key === 'app/bot.py#summarize')!.status, 'unchanged');
  const sum = j.callSites.reduce((s, x) => s + x.deltaMonthlyUsd, 0);
  assert.ok(Math.abs(sum - j.totals.deltaMonthlyUsd) < 1e-9);
  assert.ok(Math.abs(j.totals.deltaPct! - (j.totals.deltaMonthlyUsd / j.totals.beforeMonthlyUsd) * 100) < 1e-9);
  assert.deepEqual(Object.keys(j.policy).sort(), ['status', 'violations']);
  assert.equal(j.policy.status, 'pass');
  // `before`/`after` are the call sites exactly as `scan --json` reports them.
  const head = await scanWorkspace(r.dir);
  assert.deepEqual(c.after, JSON.parse(JSON.stringify(head.callSites.find((x) => x.key === 'app/bot.py#answer'))));
});

test('no change: prints "no change", exits 0, and its totals equal two scans to the cent', async () => {
  const r = repo({ 'app/bot.py': BOT });
  const res = await diff(r, r.dir);
  assert.equal(res.code, 0, res.err);
  assert.match(res.out.split('\n')[0]!, /^no change$/);
  const j = (await diff(r, r.dir, '--json')).json();
  const scan1 = await scanWorkspace(r.dir);
  const scan2 = await scanWorkspace(r.dir);
  const cents = (n: number) => Math.round(n * 100);
  assert.equal(cents(j.totals.beforeMonthlyUsd), cents(scan1.totals.apiMonthlyUsd));
  assert.equal(cents(j.totals.afterMonthlyUsd), cents(scan2.totals.apiMonthlyUsd));
  assert.ok(scan1.totals.apiMonthlyUsd > 0);
  assert.equal(j.totals.deltaMonthlyUsd, 0);
  assert.equal(j.totals.deltaPct, 0);
  assert.ok(j.callSites.every((c) => c.status === 'unchanged' && c.changes.length === 0));
  const md = await diff(r, r.dir, '--format', 'md');
  assert.match(md.out, /LLM cost: no change/);
});

test('added and removed call sites, committed on a branch: --head REF is scanned from the ref, not the working tree', async () => {
  const r = repo({ 'app/bot.py': BOT });
  r.git('checkout', '-q', '-b', 'feature');
  r.write({ 'app/bot.py': PY_HEADER + pyCall('answer', 'gpt-4o') + '\n' + pyCall('classify', 'gpt-4.1-mini', 'Classify the ticket: billing, bug or other.') });
  r.commit('feature');
  r.write({ 'app/bot.py': '# the working tree differs from both refs\n' });
  const j = (await diff(r, r.dir, '--base', 'main', '--head', 'feature', '--json')).json();
  assert.equal(j.head.ref, 'feature');
  assert.match(j.head.commit!, /^[0-9a-f]{40}$/);
  const by = Object.fromEntries(j.callSites.map((c) => [c.key, c.status]));
  assert.deepEqual(by, { 'app/bot.py#answer': 'unchanged', 'app/bot.py#classify': 'added', 'app/bot.py#summarize': 'removed' });
  const removed = j.callSites.find((c) => c.status === 'removed')!;
  assert.equal(removed.after, null);
  assert.ok(removed.deltaMonthlyUsd < 0);
  const md = await diff(r, r.dir, '--base', 'main', '--head', 'feature', '--format', 'md');
  assert.match(md.out, /^<!-- llm-cost-lens:diff -->\n### LLM cost: [+−]\$[\d,.]+\/mo \([+−][\d.]+ %\), 1 added, 1 removed/);
});

test('renamed files (git mv committed, and a plain mv in the working tree) are neither added nor removed', async () => {
  const r = repo({ 'app/bot.py': BOT, 'app/other.py': PY_HEADER + pyCall('route', 'gpt-4o-mini', 'Route the request to a team.') });
  r.git('checkout', '-q', '-b', 'feature');
  r.git('mv', 'app/bot.py', 'app/assistant.py');
  r.commit('rename');
  const committed = (await diff(r, r.dir, '--base', 'main', '--head', 'feature', '--json')).json();
  assert.deepEqual(committed.basis.renames, { 'app/assistant.py': 'app/bot.py' });
  assert.ok(committed.callSites.every((c) => c.status === 'unchanged'), JSON.stringify(committed.callSites.map((c) => [c.key, c.status])));
  assert.ok(committed.callSites.some((c) => c.key === 'app/assistant.py#answer' && c.before!.file === 'app/bot.py'));
  // Untracked in the working tree: git's rename detection still sees it (through a throw-away index).
  renameSync(join(r.dir, 'app/other.py'), join(r.dir, 'app/router.py'));
  const wt = (await diff(r, r.dir, '--base', 'main', '--json')).json();
  assert.equal(wt.basis.renames['app/router.py'], 'app/other.py');
  assert.deepEqual(wt.callSites.filter((c) => c.status !== 'unchanged'), []);
  // The user's index is untouched: the move is still an unstaged deletion plus an untracked file.
  assert.match(r.git('status', '--porcelain'), /^ D app\/other\.py$/m, 'the deletion is still unstaged');
});

test("settings changed on one side only: each side is costed with its own .vscode/settings.json, read from that side", async () => {
  const r = repo({ 'app/bot.py': BOT });
  r.write({ '.vscode/settings.json': '{ // more traffic\n "llmCostLens.requestsPerDay": 5000, }' });
  const j = (await diff(r, r.dir, '--json')).json();
  assert.equal(j.basis.settings.base.file, null);
  assert.equal(j.basis.settings.head.file, '.vscode/settings.json');
  for (const c of j.callSites) {
    assert.equal(c.status, 'changed');
    assert.ok(c.changes.includes('volume.requestsPerDay'));
    assert.equal(c.before!.volume.requestsPerDay, 1000);
    assert.equal(c.after!.volume.requestsPerDay, 5000);
  }
  assert.ok(Math.abs(j.totals.afterMonthlyUsd - 5 * j.totals.beforeMonthlyUsd) < 1e-6);
  assert.ok(Math.abs(j.totals.deltaPct! - 400) < 1e-9);
  // The other way round: the setting committed at the base, deleted in the working tree.
  r.commit('settings');
  rmSync(join(r.dir, '.vscode'), { recursive: true });
  const k = (await diff(r, r.dir, '--base', 'HEAD', '--json')).json();
  assert.equal(k.basis.settings.base.file, '.vscode/settings.json');
  assert.ok(k.callSites.every((c) => c.before!.volume.requestsPerDay === 5000 && c.after!.volume.requestsPerDay === 1000));
});

test('uncommitted and untracked edits are part of the default head', async () => {
  const r = repo({ 'app/bot.py': BOT });
  r.write({ 'app/new_feature.py': PY_HEADER + pyCall('draft', 'gpt-4o', 'Draft a reply to the customer.') });
  const j = (await diff(r, r.dir, '--json')).json();
  assert.deepEqual(j.callSites.filter((c) => c.status !== 'unchanged').map((c) => [c.key, c.status]), [['app/new_feature.py#draft', 'added']]);
  assert.equal(j.totals.callSites.after, 3);
});

test('default base: the merge base of HEAD with main, not main\'s newer tip', async () => {
  const r = repo({ 'app/bot.py': BOT });
  const fork = r.git('rev-parse', 'HEAD').trim();
  r.git('checkout', '-q', '-b', 'feature');
  r.git('checkout', '-q', 'main');
  r.write({ 'app/later.py': PY_HEADER + pyCall('later', 'gpt-4o', 'Something main gained after the fork.') });
  r.commit('main moves on');
  r.git('checkout', '-q', 'feature');
  const j = (await diff(r, r.dir, '--json')).json();
  assert.equal(j.base.ref, 'main');
  assert.equal(j.base.commit, fork);
  assert.ok(j.callSites.every((c) => c.status === 'unchanged'), 'main\'s later commit is not shown as removed');
});

test('a ref that does not exist, a folder that is not a git work tree, a bad flag: exit 2 naming the problem', async () => {
  const r = repo({ 'app/bot.py': BOT });
  const bad = await diff(r, r.dir, '--base', 'no-such-branch');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--base: "no-such-branch" does not name a commit/);
  const badHead = await diff(r, r.dir, '--head', 'v9.9.9');
  assert.equal(badHead.code, 2);
  assert.match(badHead.err, /--head: "v9\.9\.9"/);
  const plain = mkdtempSync(join(tmpdir(), 'llm-cost-lens-nogit-'));
  writeFileSync(join(plain, 'bot.py'), BOT);
  const notGit = await diff({ ...r, git: () => 'false' }, plain);
  rmSync(plain, { recursive: true });
  assert.equal(notGit.code, 2);
  assert.match(notGit.err, /not a git work tree/);
  const flag = await diff(r, r.dir, '--fail-above-usd', 'lots');
  assert.equal(flag.code, 2);
  assert.match(flag.err, /--fail-above-usd: expected a number \(got "lots"\)/);
  const fmt = await diff(r, r.dir, '--format', 'xml');
  assert.equal(fmt.code, 2);
  assert.match(fmt.err, /--format: expected md, json, table or sarif/);
});

test('binary and huge files on one side only: skipped on that side, the call sites on the other are added', async () => {
  const huge = PY_HEADER + pyCall('big', 'gpt-4o') + '# padding\n'.repeat(120_000);
  const r = repo({ 'app/bot.py': BOT, 'app/blob.py': Buffer.from([0, 1, 2, 3, 0, 255, 0, 10]), 'app/huge.py': huge });
  r.write({ 'app/blob.py': PY_HEADER + pyCall('decode', 'gpt-4o-mini', 'Decode this.'), 'app/huge.py': PY_HEADER + pyCall('big', 'gpt-4o') });
  const j = (await diff(r, r.dir, '--json')).json();
  const moved = Object.fromEntries(j.callSites.filter((c) => c.status !== 'unchanged').map((c) => [c.key, c.status]));
  assert.deepEqual(moved, { 'app/blob.py#decode': 'added', 'app/huge.py#big': 'added' });
  // and the other way round: the head side's binary file removes its call sites, without an error
  r.commit('text');
  r.write({ 'app/blob.py': Buffer.from([0, 0, 0, 1]) });
  const k = await diff(r, r.dir, '--base', 'HEAD', '--json');
  assert.equal(k.code, 0, k.err);
  assert.deepEqual(k.json().callSites.filter((c) => c.status !== 'unchanged').map((c) => [c.key, c.status]), [['app/blob.py#decode', 'removed']]);
});

test('several calls in one function: an inserted call is "added", the others stay matched by position', async () => {
  const fn = (calls: string[]) => PY_HEADER + 'def pipeline(q):\n' + calls.map((m, i) => `    r${i} = client.chat.completions.create(model="${m}", messages=[{"role": "user", "content": "Step ${m} of the pipeline."}])\n`).join('') + '    return q\n';
  const r = repo({ 'app/pipe.py': fn(['gpt-4o', 'gpt-4o-mini']) });
  r.write({ 'app/pipe.py': fn(['o3-mini', 'gpt-4o', 'gpt-4o-mini']) });
  const j = (await diff(r, r.dir, '--json')).json();
  assert.deepEqual(j.callSites.map((c) => [c.status, c.after?.model]), [['added', 'o3-mini'], ['unchanged', 'gpt-4o'], ['unchanged', 'gpt-4o-mini']]);
  assert.ok(j.callSites.every((c) => c.key === 'app/pipe.py#pipeline'));
});

test('DIR below the repository root: only that folder, with that folder\'s settings; SARIF paths are from the root', async () => {
  const r = repo({ 'svc/app/bot.py': BOT, 'other/x.py': PY_HEADER + pyCall('x', 'gpt-4o') });
  r.write({ 'svc/app/bot.py': BOT.replace('model="gpt-4o-mini"', 'model="gpt-4o"'), 'other/x.py': PY_HEADER + pyCall('x', 'gpt-4.1') });
  const j = (await diff(r, join(r.dir, 'svc'), '--json')).json();
  assert.deepEqual(j.callSites.filter((c) => c.status !== 'unchanged').map((c) => c.key), ['app/bot.py#summarize']);
  const sarif = JSON.parse((await diff(r, join(r.dir, 'svc'), '--format', 'sarif')).out);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'svc/app/bot.py');
  assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.region.startLine, 8);
  // a folder the base does not have yet: everything in it is added
  r.write({ 'newsvc/a.py': PY_HEADER + pyCall('a', 'gpt-4o') });
  const k = (await diff(r, join(r.dir, 'newsvc'), '--json')).json();
  assert.deepEqual(k.callSites.map((c) => c.status), ['added']);
  assert.equal(k.totals.beforeMonthlyUsd, 0);
  assert.equal(k.totals.deltaPct, null);
});

test("the user's post-checkout hook does not run on the temporary worktree; an interrupted run's worktree can be removed", async () => {
  const r = repo({ 'app/bot.py': BOT });
  const marker = join(r.dir, 'hook-ran');
  r.write({ '.git/hooks/post-checkout': `#!/bin/sh\ntouch "${marker}"\n` });
  execFileSync('chmod', ['+x', join(r.dir, '.git/hooks/post-checkout')]);
  r.git('checkout', '-q', '-b', 'probe');
  assert.ok(existsSync(marker), 'the hook itself works');
  rmSync(marker);
  const res = await diff(r, r.dir, '--base', 'main');
  assert.equal(res.code, 0, res.err);
  assert.ok(!existsSync(marker), 'hook ran during diff');
  // What the CLI does on SIGINT: every worktree in use is removed at once.
  const repoInfo = await openRepo(r.dir);
  let seen = '';
  await withCommitTree(repoInfo, r.git('rev-parse', 'main').trim(), async (dir) => {
    seen = dir;
    assert.ok(existsSync(join(dir, 'app/bot.py')));
    await removeTemporaryTrees();
    assert.ok(!existsSync(dir));
  });
  assert.ok(seen && !existsSync(seen));
  assert.equal(r.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length, 1);
});

test('the editor\'s comparison: the index\'s scan against the default base, the base scanned once per commit; null without git', async () => {
  const r = repo({ 'app/bot.py': BOT });
  const cmp = new BaseComparison(r.dir);
  const same = await cmp.compare(await scanWorkspace(r.dir));
  assert.equal(vsBaseLabel(same!), 'no change vs main');
  r.write({ 'app/bot.py': BOT.replace('model="gpt-4o-mini"', 'model="gpt-4o"') });
  const d = (await cmp.compare(await scanWorkspace(r.dir)))!;
  assert.match(vsBaseLabel(d), /^\+\$[\d,.]+\/mo vs main$/);
  // the same figures as the CLI
  const cli = (await diff(r, r.dir, '--json')).json();
  assert.equal(d.totals.deltaMonthlyUsd, cli.totals.deltaMonthlyUsd);
  assert.deepEqual(d.callSites.map((c) => [c.key, c.status]), cli.callSites.map((c) => [c.key, c.status]));
  const plain = mkdtempSync(join(tmpdir(), 'llm-cost-lens-nogit-'));
  assert.equal(await new BaseComparison(plain).compare(await scanWorkspace(plain)), null);
  rmSync(plain, { recursive: true });
  assert.equal(r.git('worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree ')).length, 1);
});

test('diff --usage: both sides are costed with the measured usage; an unusable --usage file is exit 2 naming it', async () => {
  const bot = readFileSync(join(import.meta.dirname, '..', 'usage', 'workspace', 'app', 'bot.py'), 'utf8');
  const spans = join(import.meta.dirname, '..', 'usage', 'otel-spans.jsonl');
  const r = tempRepo({ 'app/bot.py': bot });
  try {
    r.commit('bot');
    const d = await diff(r, r.dir, '--json', '--base', 'HEAD', '--usage', spans);
    assert.equal(d.code, 0, d.err);
    const result = d.json();
    const measured = result.callSites.filter((c) => c.after?.volume.source === 'measured');
    assert.ok(measured.length >= 1, 'the measured call sites are measured on the head side');
    for (const c of measured) assert.equal(c.before?.volume.source, 'measured', `${c.key}: the base side uses the same measurements`);
    assert.ok(result.callSites.every((c) => c.status === 'unchanged'));
    const scanned = await scanWorkspace(r.dir, { calibrate: (await loadScanUsage(r.dir, [spans], { out: () => undefined, err: () => undefined }))!.calibrate });
    assert.ok(Math.abs(result.totals.afterMonthlyUsd - scanned.totals.apiMonthlyUsd) < 0.005, 'totals equal scan --usage to the cent');
    const bad = await diff(r, r.dir, '--json', '--base', 'HEAD', '--usage', join(r.dir, 'missing.jsonl'));
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^diff: --usage .*missing\.jsonl: /m);
  } finally {
    r.remove();
  }
});
