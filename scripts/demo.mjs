// Quick-start demo: the built CLI on the bundled example workspace — a scan of its code, then its scenario files.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit' }).status ?? 1;
console.log('$ llm-cost-lens scan examples\n');
let status = run(['scan', 'examples']);
const dir = 'examples/scenarios';
const scenarios = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => ['--scenario', `${dir}/${f}`]);
console.log('\n$ llm-cost-lens estimate ' + scenarios.join(' ') + '\n');
status ||= run(['estimate', ...scenarios]);
process.exit(status);
