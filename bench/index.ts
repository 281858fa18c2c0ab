// `npm run bench`: runs every bench/*.ts module (each exports `run()` and prints its own figures).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function mainBench(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
  for (const f of files) {
    const mod = (await import(join(__dirname, f))) as { run?: () => Promise<void> };
    if (typeof mod.run !== 'function') continue;
    console.log(`\n=== ${f.replace(/\.ts$/, '')} ===`);
    await mod.run();
  }
}

mainBench().catch((e) => {
  console.error(e);
  process.exit(1);
});
