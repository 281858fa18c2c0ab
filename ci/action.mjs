#!/usr/bin/env node
// The CI step behind action.yml (and the GitLab example): run `llm-cost-lens diff`, keep ONE comment per pull /
// merge request up to date (found by the hidden marker), stay silent while nothing changed, and exit with diff's
// exit code (0 pass or warn, 3 a fail policy tripped, 2 invalid input, 1 internal error). Plain Node ≥ 20, no
// dependencies: it runs before anything is installed in the user's repository.
//
// Environment:
//   LCL_CLI          path of the CLI (dist/cli.js); run with this Node and its flags
//   LCL_DIR          folder to diff (default .)          LCL_BASE   base ref or commit (default: diff's own default)
//   LCL_ARGS         more diff flags, split on spaces, e.g. "--fail-above-usd 500 --fail-on-unpriced"
//   LCL_COMMENT      "false" to skip commenting (default true)
//   LCL_LINK_BASE    prefix of file links in the comment, e.g. https://github.com/o/r/blob/<sha>/
//   LCL_SARIF_FILE   also write SARIF (changed call sites on their lines) to this file, for code scanning
//   GitHub:  GITHUB_TOKEN, GITHUB_API_URL, GITHUB_REPOSITORY, LCL_PR (pull request number), GITHUB_OUTPUT
//   GitLab:  LCL_GITLAB_TOKEN, CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const MARKER = '<!-- llm-cost-lens:diff -->';
const env = process.env;

/** A platform's comment API: list the thread's comments, create one, update one. */
function platform() {
  if (env.LCL_GITLAB_TOKEN && env.CI_MERGE_REQUEST_IID) {
    const base = `${env.CI_API_V4_URL}/projects/${encodeURIComponent(env.CI_PROJECT_ID)}/merge_requests/${env.CI_MERGE_REQUEST_IID}/notes`;
    return { name: 'GitLab', headers: { 'PRIVATE-TOKEN': env.LCL_GITLAB_TOKEN }, list: (page) => `${base}?per_page=100&page=${page}`, create: base, update: (id) => `${base}/${id}`, updateMethod: 'PUT' };
  }
  if (env.GITHUB_TOKEN && env.LCL_PR) {
    const api = env.GITHUB_API_URL || 'https://api.github.com';
    const issue = `${api}/repos/${env.GITHUB_REPOSITORY}/issues`;
    return {
      name: 'GitHub',
      headers: { authorization: `Bearer ${env.GITHUB_TOKEN}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
      list: (page) => `${issue}/${env.LCL_PR}/comments?per_page=100&page=${page}`,
      create: `${issue}/${env.LCL_PR}/comments`,
      update: (id) => `${issue}/comments/${id}`,
      updateMethod: 'PATCH',
    };
  }
  return null;
}

async function call(p, method, url, body) {
  const res = await fetch(url, { method, headers: { ...p.headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  if (!res.ok) throw new Error(`${p.name} API ${method} ${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

async function findOwnComment(p) {
  for (let page = 1; page <= 50; page++) {
    const list = await call(p, 'GET', p.list(page));
    const mine = list.find((c) => typeof c.body === 'string' && c.body.includes(MARKER));
    if (mine) return mine;
    if (list.length < 100) return null;
  }
  return null;
}

/** Creates or updates the single comment; returns what was done. */
export async function upsertComment(body, noChange) {
  const p = platform();
  if (!p) return 'skipped: no pull request or token';
  const existing = await findOwnComment(p);
  // Silence while nothing changed; but a comment showing an old change must not stay up once it is undone.
  if (noChange && !existing) return 'skipped: no change';
  if (existing) {
    await call(p, p.updateMethod, p.update(existing.id), { body });
    return `updated ${existing.id}`;
  }
  const made = await call(p, 'POST', p.create, { body });
  return `created ${made?.id}`;
}

function output(name, value) {
  if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
}

async function run() {
  const tmp = mkdtempSync(join(tmpdir(), 'llm-cost-lens-action-'));
  try {
    const jsonFile = join(tmp, 'diff.json');
    const args = [env.LCL_CLI, 'diff', env.LCL_DIR || '.', '--format', 'md', '--json-file', jsonFile];
    if (env.LCL_BASE) args.push('--base', env.LCL_BASE);
    if (env.LCL_LINK_BASE) args.push('--link-base', env.LCL_LINK_BASE);
    if (env.LCL_SARIF_FILE) args.push('--sarif-file', env.LCL_SARIF_FILE);
    args.push(...(env.LCL_ARGS || '').split(/\s+/).filter(Boolean));
    const r = spawnSync(process.execPath, [...process.execArgv, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    process.stderr.write(r.stderr ?? '');
    const code = r.status ?? 1;
    if (code !== 0 && code !== 3) {
      console.error(`llm-cost-lens diff failed (exit ${code}); no comment posted`);
      return code;
    }
    const diff = JSON.parse(readFileSync(jsonFile, 'utf8'));
    console.log(r.stdout);
    output('status', diff.policy.status);
    output('delta-monthly-usd', diff.totals.deltaMonthlyUsd);
    output('headline', diff.summary.headline.replace(/\n/g, ' '));
    if (env.LCL_COMMENT !== 'false') {
      try {
        console.log(`comment: ${await upsertComment(r.stdout.trimEnd(), diff.summary.noChange)}`);
      } catch (e) {
        // A fork's read-only token cannot comment: say so, but let the policy decide the build.
        console.log(`::warning::could not post the LLM cost comment: ${e.message}`);
      }
    }
    return code;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(`internal error: ${e?.stack ?? e}`);
      process.exitCode = 1;
    },
  );
}
