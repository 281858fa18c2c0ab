import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { CLI_INTERRUPT_BUDGET, shortRunV8Flag } from '../../src/cli/v8Tuning';

test('the CLI raises the tiering budget on V8 11 (Node 20) only', () => {
  assert.equal(shortRunV8Flag('11.3.244.8-node.38'), `--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
  // Node 22 and 24: other tiering flags; setting this one would print "unrecognized flag" on every run.
  assert.equal(shortRunV8Flag('12.4.254.21-node.33'), null);
  assert.equal(shortRunV8Flag('13.6.233.17-node.53'), null);
  assert.equal(shortRunV8Flag('1.11.0'), null);
});

test('this V8 accepts the flag the CLI sets, silently, and the bundled CLI runs clean with it', () => {
  const flag = shortRunV8Flag(process.versions.v8);
  if (flag) {
    const r = spawnSync(process.execPath, ['-e', `require('v8').setFlagsFromString(${JSON.stringify(flag)}); console.log('ran')`], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '', `V8 ${process.versions.v8} complained about ${flag}`);
    assert.equal(r.stdout.trim(), 'ran');
  }
  const cli = spawnSync(process.execPath, ['dist/cli.js', 'scan', 'examples', '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(cli.stderr, '');
  assert.ok(JSON.parse(cli.stdout).callSites.length > 0);
});
