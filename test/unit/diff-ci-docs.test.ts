// The CI files stay true to the README and to the script they run: the documented YAML is the shipped YAML, every
// action input reaches ci/action.mjs, and every variable the script reads is documented in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const readme = readFileSync('README.md', 'utf8');
const action = readFileSync('action.yml', 'utf8');
const script = readFileSync('ci/action.mjs', 'utf8');

test('the README shows the workflow and GitLab examples exactly as shipped in examples/ci', () => {
  for (const f of ['examples/ci/github-workflow.yml', 'examples/ci/gitlab-ci.yml']) assert.ok(readme.includes('```yaml\n' + readFileSync(f, 'utf8') + '```'), `${f} is not in README.md verbatim`);
});

test('action.yml: composite, runs ci/action.mjs, every input reaches it, and the README names every input and output', () => {
  assert.match(action, /^runs:\n {2}using: composite$/m);
  assert.match(action, /run: node "\$GITHUB_ACTION_PATH\/ci\/action\.mjs"/);
  const inputs = [...action.split(/^outputs:/m)[0]!.split(/^inputs:/m)[1]!.matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]!);
  assert.deepEqual(inputs, ['path', 'base', 'args', 'comment', 'sarif-file', 'github-token', 'node-version']);
  for (const i of inputs.filter((x) => x !== 'node-version')) assert.match(action, new RegExp(`\\$\\{\\{ inputs\\.${i}`), `input ${i} is not used`);
  const outputs = [...action.split(/^outputs:/m)[1]!.split(/^runs:/m)[0]!.matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]!);
  for (const name of [...inputs, ...outputs]) assert.ok(readme.includes(`\`${name}\``), `README does not name ${name}`);
  // never interpolate an input into a shell line: inputs travel as environment variables
  for (const line of action.split('\n').filter((l) => /^\s+(run:|if \[|git |node )/.test(l))) assert.ok(!line.includes('${{'), line);
});

test('every LCL_ variable ci/action.mjs reads is documented in its header, and set by action.yml or the GitLab example', () => {
  const read = new Set([...script.matchAll(/env\.(LCL_[A-Z_]+)/g)].map((m) => m[1]!));
  const gitlab = readFileSync('examples/ci/gitlab-ci.yml', 'utf8');
  for (const v of read) {
    assert.match(script.split('import ')[0]!, new RegExp(`//.*${v}`), `${v} undocumented`);
    assert.ok(action.includes(`${v}:`) || gitlab.includes(v), `${v} set nowhere`);
  }
});
