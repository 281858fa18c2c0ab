import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { configuration } from '../../scripts/configuration';
import { SETTINGS, readSettings } from '../../src/core/settings';

test('package.json contributes.configuration is generated from the zod settings schema (run scripts/configuration.ts --write)', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.deepEqual(pkg.contributes.configuration, configuration());
});

test('every setting has a description, a scope and a default that its own schema accepts; volume and self-hosted settings are per folder', () => {
  for (const [key, s] of Object.entries(SETTINGS)) {
    assert.ok(s.description.length > 20, `${key}: markdownDescription`);
    assert.ok((s.schema as { safeParse(v: unknown): { success: boolean } }).safeParse(s.default).success, `${key}: default ${JSON.stringify(s.default)} fails its schema`);
    if (s.category === 'Volume' || s.category === 'Self-hosted') assert.equal(s.scope, 'resource', `${key}: scope`);
  }
  assert.deepEqual(readSettings({}).warnings, []);
});
