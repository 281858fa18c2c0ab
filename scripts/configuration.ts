// package.json `contributes.configuration`, generated from the zod settings schema (src/core/settings.ts), the
// single source of truth. `node --import tsx scripts/configuration.ts --write` updates package.json;
// test/unit/configuration.test.ts fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { SETTINGS, SETTINGS_PREFIX, type SettingSpec } from '../src/core/settings';

const CATEGORY_ORDER = ['Volume', 'Tokens', 'Prices', 'Self-hosted', 'Policy'] as const;

function jsonType(s: SettingSpec<unknown>): string | string[] {
  const d = s.default;
  if (s.enum) return 'string';
  if (d === null) return ['number', 'null'];
  if (typeof d === 'number') return Number.isInteger(d) && /gpuCount/.test(s.description) ? 'integer' : 'number';
  if (typeof d === 'string') return 'string';
  if (typeof d === 'boolean') return 'boolean';
  if (Array.isArray(d)) return 'array';
  return 'object';
}

export function configuration(): unknown[] {
  return CATEGORY_ORDER.map((category, i) => {
    const properties: Record<string, unknown> = {};
    let order = 0;
    for (const [key, raw] of Object.entries(SETTINGS)) {
      const s = raw as SettingSpec<unknown>;
      if (s.category !== category) continue;
      properties[SETTINGS_PREFIX + key] = {
        type: jsonType(s),
        default: s.default,
        markdownDescription: s.description,
        scope: s.scope,
        order: order++,
        ...(s.minimum !== undefined ? { minimum: s.minimum } : {}),
        ...(s.maximum !== undefined ? { maximum: s.maximum } : {}),
        ...(s.enum ? { enum: [...s.enum] } : {}),
        // Array settings hold strings (usageFiles: paths).
        ...(Array.isArray(s.default) ? { items: { type: 'string' } } : {}),
      };
    }
    return { id: `llmCostLens.${category.toLowerCase().replace(/[^a-z]/g, '')}`, title: `LLM Cost Lens: ${category}`, order: i, properties };
  });
}

if (process.argv.includes('--write')) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  pkg.contributes.configuration = configuration();
  writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
  console.log('package.json contributes.configuration updated');
}
