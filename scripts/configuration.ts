// package.json `contributes.configuration`, generated from the zod settings schema (src/core/settings.ts), the
// single source of truth. `node --import tsx scripts/configuration.ts --write` updates package.json;
// test/unit/configuration.test.ts fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod';
import { SETTINGS, SETTINGS_PREFIX, type SettingSpec } from '../src/core/settings';

const CATEGORY_ORDER = ['Volume', 'Tokens', 'Prices', 'Self-hosted', 'Policy'] as const;

type JsonSchema = { type?: string; anyOf?: JsonSchema[]; enum?: unknown[]; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number };

/**
 * The Settings UI's type, bounds and enum, from the setting's zod schema itself (`z.toJSONSchema`): an `.int()`
 * schema is an `integer`, `.min/.max/.gt` become `minimum/maximum/exclusiveMinimum`, `.nullable()` adds `null`.
 * Record and array settings (their entries are validated one by one) stay `object` / `array`.
 */
function uiSchema(s: SettingSpec<unknown>): Record<string, unknown> {
  const d = s.default;
  if (Array.isArray(d)) return { type: 'array', items: { type: 'string' } }; // usageFiles: paths
  if (d !== null && typeof d === 'object') return { type: 'object' };
  const json = z.toJSONSchema(s.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const variants = json.anyOf ?? [json];
  const value = variants.find((v) => v.type !== 'null') ?? {};
  const nullable = variants.some((v) => v.type === 'null');
  if (!value.type) throw new Error(`scripts/configuration.ts: cannot derive a JSON type from the schema of ${JSON.stringify(d)}`);
  const out: Record<string, unknown> = { type: nullable ? [value.type, 'null'] : value.type };
  for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const) if (value[k] !== undefined) out[k] = value[k];
  if (value.enum) out.enum = value.enum;
  return out;
}

export function configuration(): unknown[] {
  return CATEGORY_ORDER.map((category, i) => {
    const properties: Record<string, unknown> = {};
    let order = 0;
    for (const [key, raw] of Object.entries(SETTINGS)) {
      const s = raw as SettingSpec<unknown>;
      if (s.category !== category) continue;
      properties[SETTINGS_PREFIX + key] = {
        ...uiSchema(s),
        default: s.default,
        markdownDescription: s.description,
        scope: s.scope,
        order: order++,
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
