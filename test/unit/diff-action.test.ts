// The CI step (ci/action.mjs, what action.yml runs) against a temporary repository and a fake comment API on
// 127.0.0.1: one comment per pull request, created once and then updated, silence while nothing changed, the
// policy's exit code, GitLab's notes API, and a refused comment that does not hide the verdict.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { tempRepo, pyCall, PY_HEADER } from './helpers/gitRepo';

interface Comment { id: number; body: string }
interface Seen { method: string; url: string; auth: string | undefined; body: unknown }

/** GitHub's issue-comment endpoints, or GitLab's MR notes, kept in memory. */
function fakeApi() {
  const comments: Comment[] = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, body: `someone else's comment ${i}` }));
  const seen: Seen[] = [];
  let refuse = false;
  let nextId = 1000;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const body = raw ? JSON.parse(raw) : undefined;
      seen.push({ method: req.method!, url: url.pathname + url.search, auth: (req.headers.authorization ?? req.headers['private-token']) as string | undefined, body });
      const send = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (refuse && req.method !== 'GET') return send(403, { message: 'Resource not accessible by integration' });
      const list = url.pathname.match(/^\/repos\/o\/r\/issues\/7\/comments$|^\/api\/v4\/projects\/42\/merge_requests\/7\/notes$/);
      const one = url.pathname.match(/^\/repos\/o\/r\/issues\/comments\/(\d+)$|^\/api\/v4\/projects\/42\/merge_requests\/7\/notes\/(\d+)$/);
      if (list && req.method === 'GET') {
        const per = Number(url.searchParams.get('per_page'));
        const page = Number(url.searchParams.get('page'));
        return send(200, comments.slice((page - 1) * per, page * per));
      }
      if (list && req.method === 'POST') {
        const c = { id: nextId++, body: (body as { body: string }).body };
        comments.push(c);
        return send(201, c);
      }
      if (one && (req.method === 'PATCH' || req.method === 'PUT')) {
        const c = comments.find((x) => x.id === Number(one[1] ?? one[2]));
        if (!c) return send(404, {});
        c.body = (body as { body: string }).body;
        return send(200, c);
      }
      send(404, { message: `no route ${req.method} ${url.pathname}` });
    });
  });
  return { server, comments, seen, refuse: (on: boolean) => (refuse = on), ours: () => comments.filter((c) => c.body.includes('<!-- llm-cost-lens:diff -->')) };
}

const api = fakeApi();
const repo = tempRepo({ 'app/bot.py': PY_HEADER + pyCall('answer', 'gpt-4o-mini') });
const base = repo.commit('base');
const work = mkdtempSync(join(tmpdir(), 'llm-cost-lens-action-test-'));
after(() => {
  api.server.close();
  repo.remove();
  rmSync(work, { recursive: true, force: true });
});

async function action(extra: Record<string, string>): Promise<{ code: number; stdout: string; outputs: string }> {
  if (!api.server.listening) await new Promise<void>((r) => api.server.listen(0, '127.0.0.1', r));
  const port = (api.server.address() as AddressInfo).port;
  const outputs = join(work, `out-${Date.now()}`);
  writeFileSync(outputs, '');
  const env = {
    ...process.env, LCL_CLI: 'dist/cli.js', LCL_DIR: repo.dir, LCL_BASE: base, LCL_LINK_BASE: 'https://github.com/o/r/blob/abc/',
    GITHUB_TOKEN: 'secret-token', GITHUB_API_URL: `http://127.0.0.1:${port}`, GITHUB_REPOSITORY: 'o/r', LCL_PR: '7', GITHUB_OUTPUT: outputs,
    CI_API_V4_URL: `http://127.0.0.1:${port}/api/v4`, ...extra,
  };
    // Exactly as action.yml runs it: plain Node, the built CLI (npm run build; the unit tests of the CLI use dist/ too).
  const child = spawn(process.execPath, ['ci/action.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stdout += c));
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)));
  return { code, stdout, outputs: readFileSync(outputs, 'utf8') };
}

test('nothing changed and no comment yet: no comment is posted (silence), exit 0', async () => {
  const r = await action({});
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /comment: skipped: no change/);
  assert.equal(api.ours().length, 0);
  assert.ok(api.seen.every((s) => s.method === 'GET'));
  assert.ok(api.seen.some((s) => s.url.includes('page=2')), 'pages through the thread');
  assert.equal(api.seen[0]!.auth, 'Bearer secret-token');
});

test('a change creates one comment; the next push updates the same comment (found past the first page)', async () => {
  repo.write({ 'app/bot.py': PY_HEADER + pyCall('answer', 'gpt-4o') });
  const first = await action({});
  assert.equal(first.code, 0, first.stdout);
  assert.match(first.stdout, /comment: created 1000/);
  assert.equal(api.ours().length, 1);
  assert.match(api.ours()[0]!.body, /^<!-- llm-cost-lens:diff -->\n### LLM cost: \+\$[\d,.]+\/mo \(\+[\d.]+ %\), 1 call site changed/);
  assert.match(api.ours()[0]!.body, /\[`app\/bot\.py:5`\]\(https:\/\/github\.com\/o\/r\/blob\/abc\/app\/bot\.py#L5\)/);
  assert.match(first.outputs, /^status=pass$/m);
  assert.match(first.outputs, /^delta-monthly-usd=\d/m);
  repo.write({ 'app/bot.py': PY_HEADER + pyCall('answer', 'gpt-4.1') });
  const second = await action({});
  assert.match(second.stdout, /comment: updated 1000/);
  assert.equal(api.ours().length, 1, 'still one comment');
  assert.match(api.ours()[0]!.body, /gpt-4o-mini → gpt-4\.1/);
  assert.equal(api.seen.filter((s) => s.method === 'POST').length, 1);
});

test('a fail policy: exit 3, the comment says why, and SARIF is written from the same run', async () => {
  const sarif = join(work, 'llm-cost.sarif');
  const r = await action({ LCL_ARGS: '--fail-above-usd 1  --warn-above-pct 5', LCL_SARIF_FILE: sarif });
  assert.equal(r.code, 3, r.stdout);
  const results = JSON.parse(readFileSync(sarif, 'utf8')).runs[0].results;
  assert.deepEqual(results.map((x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [x.ruleId, x.locations[0]!.physicalLocation.artifactLocation.uri]), [['llm-cost/changed', 'app/bot.py']]);
  assert.match(r.outputs, /^status=fail$/m);
  assert.match(api.ours()[0]!.body, /\*\*Policy: ❌ fail\*\*\n- ❌ `fail-above-usd`: monthly API cost \+\$[\d,.]+\/mo is above the fail threshold of \+\$1\.00\/mo\n- ⚠️ `warn-above-pct`/);
});

test('the change undone: the existing comment is updated to "no change" rather than left showing old figures', async () => {
  repo.write({ 'app/bot.py': PY_HEADER + pyCall('answer', 'gpt-4o-mini') });
  const r = await action({});
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /comment: updated 1000/);
  assert.match(api.ours()[0]!.body, /LLM cost: no change/);
});

test('a token that may not comment: a warning, and the exit code is still the policy\'s', async () => {
  repo.write({ 'app/bot.py': PY_HEADER + pyCall('answer', 'gpt-4o') });
  api.refuse(true);
  const r = await action({ LCL_ARGS: '--fail-above-pct 1' });
  api.refuse(false);
  assert.equal(r.code, 3);
  assert.match(r.stdout, /::warning::could not post the LLM cost comment: GitHub API PATCH .* HTTP 403/);
});

test('GitLab: the merge request notes API with PRIVATE-TOKEN; a bad ref is exit 2 and posts nothing', async () => {
  const before = api.seen.length;
  const r = await action({ GITHUB_TOKEN: '', LCL_GITLAB_TOKEN: 'glpat-x', CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7' });
  assert.equal(r.code, 0, r.stdout);
  const mine = api.seen.slice(before);
  assert.ok(mine.some((s) => s.url.startsWith('/api/v4/projects/42/merge_requests/7/notes') && s.auth === 'glpat-x'));
  assert.ok(mine.some((s) => s.method === 'PUT'), 'updates the marker note it finds');
  const n = api.seen.length;
  const bad = await action({ LCL_BASE: 'no-such-ref' });
  assert.equal(bad.code, 2);
  assert.match(bad.stdout, /--base: "no-such-ref" does not name a commit/);
  assert.equal(api.seen.length, n, 'no API call when diff itself failed');
});
