// Quick-start demo: runs the built CLI on the bundled example workspace.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const dir = 'examples/scenarios';
const args = ['dist/cli.js', 'estimate'];
for (const f of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) args.push('--scenario', `${dir}/${f}`);
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
