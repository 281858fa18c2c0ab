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

test('the Settings UI\'s type, bounds and enums come from each schema: what the UI accepts, the schema accepts', () => {
  const props = Object.assign({}, ...configuration().map((c) => (c as { properties: Record<string, Record<string, unknown>> }).properties)) as Record<string, Record<string, unknown>>;
  assert.equal(props['llmCostLens.selfHosted.gpuCount']!.type, 'integer');
  assert.deepEqual(props['llmCostLens.selfHosted.precision']!.enum, ['bf16', 'fp8', 'int4']);
  assert.deepEqual(props['llmCostLens.selfHosted.gpuHourlyUsd']!.type, ['number', 'null']);
  // Each numeric bound the UI shows is one the schema enforces: the bound itself passes (or, exclusive, fails)
  // and one step beyond it fails.
  for (const [key, p] of Object.entries(props)) {
    const schema = SETTINGS[key.slice('llmCostLens.'.length) as keyof typeof SETTINGS].schema as { safeParse(v: unknown): { success: boolean } };
    if (typeof p.minimum === 'number') {
      assert.ok(schema.safeParse(p.minimum).success, `${key}: minimum ${p.minimum} rejected by its schema`);
      assert.ok(!schema.safeParse(p.minimum - 1).success, `${key}: below minimum accepted`);
    }
    if (typeof p.maximum === 'number') {
      assert.ok(schema.safeParse(p.maximum).success, `${key}: maximum ${p.maximum} rejected by its schema`);
      assert.ok(!schema.safeParse(p.maximum + 1).success, `${key}: above maximum accepted`);
    }
    if (typeof p.exclusiveMinimum === 'number') assert.ok(!schema.safeParse(p.exclusiveMinimum).success, `${key}: exclusive minimum accepted`);
    if (p.type === 'integer') assert.ok(!schema.safeParse(1.5).success, `${key}: a fraction accepted`);
  }
});
