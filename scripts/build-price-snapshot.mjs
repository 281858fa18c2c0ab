// Regenerates src/core/catalog/snapshot/prices.json from the installed @pydantic/genai-prices package.
// Offline: reads the data embedded in the package (never its network updatePrices).
// Run: node --import tsx scripts/build-price-snapshot.mjs [--as-of YYYY-MM-DD]
// The package carries no per-price dates, so "prices as of" is the npm publish date of the installed version:
// add the new version to PUBLISHED below (from `npm view @pydantic/genai-prices time`) when upgrading.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForUpdate } from '@pydantic/genai-prices';
import { upstreamDataSchema, compactProviders, describeIssues, UPSTREAM_PACKAGE } from '../src/core/catalog/prices-data.ts';

const PUBLISHED = {
  '0.1.7': '2026-09-16',
  '0.1.8': '2026-09-23',
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgJsonPath = join(dirname(require.resolve(UPSTREAM_PACKAGE)), '..', 'package.json');
const version = JSON.parse(readFileSync(pkgJsonPath, 'utf8')).version;
const asOfFlag = process.argv.indexOf('--as-of');
const asOf = asOfFlag > 0 ? process.argv[asOfFlag + 1] : PUBLISHED[version];
if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
  console.error(`no publish date recorded for ${UPSTREAM_PACKAGE} ${version}: add it to PUBLISHED in this script or pass --as-of YYYY-MM-DD`);
  process.exit(2);
}

const parsed = upstreamDataSchema.safeParse(await waitForUpdate());
if (!parsed.success) {
  console.error(`the data embedded in ${UPSTREAM_PACKAGE} ${version} does not match our schema: ${describeIssues(parsed.error)}`);
  process.exit(1);
}
const file = { format: 1, source: UPSTREAM_PACKAGE, version, asOf, providers: compactProviders(parsed.data) };
const out = join(root, 'src/core/catalog/snapshot/prices.json');
mkdirSync(dirname(out), { recursive: true });
const text = JSON.stringify(file);
writeFileSync(out, text + '\n');
const models = file.providers.reduce((n, p) => n + p.models.length, 0);
console.log(`wrote ${out}: ${file.providers.length} providers, ${models} models, ${(text.length / 1024).toFixed(0)} KiB, ${UPSTREAM_PACKAGE} ${version} as of ${asOf}`);
