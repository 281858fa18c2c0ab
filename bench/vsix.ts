// `npm run bench -- vsix`: packages the extension as `npm run package` does (into a temporary file) and prints the
// VSIX size with its largest entries, so a grammar or bundle that grows the download shows up here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = 1024 * 1024;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'llm-cost-lens-vsix-'));
  try {
    const out = join(dir, 'bench.vsix');
    const vsce = join(__dirname, '..', 'node_modules', '.bin', 'vsce');
    const packed = spawnSync(vsce, ['package', '--no-dependencies', '--out', out], { cwd: join(__dirname, '..'), encoding: 'utf8' });
    if (packed.status !== 0) {
      console.log(`vsix: vsce package failed (exit ${packed.status}): ${(packed.stderr || packed.stdout).trim().split('\n').slice(-3).join(' | ')}`);
      return;
    }
    const listed = spawnSync('unzip', ['-l', out], { encoding: 'utf8' });
    const entries = listed.status === 0
      ? listed.stdout.split('\n').map((l) => /^\s*(\d+)\s+\S+\s+\S+\s+(extension\/\S.*)$/.exec(l)).filter((m): m is RegExpExecArray => m !== null).map((m) => ({ size: Number(m[1]), name: m[2]! }))
      : [];
    if (listed.status !== 0) console.log('vsix: `unzip` is not available, so per-file sizes are not listed');
    const unpacked = entries.reduce((s, e) => s + e.size, 0);
    console.log(`vsix: ${(statSync(out).size / MB).toFixed(2)} MB compressed, ${(unpacked / MB).toFixed(2)} MB unpacked, ${entries.length} files (dev build; \`npm run package\` minifies the bundles)`);
    const grammars = entries.filter((e) => /tree-sitter-[\w-]+\.wasm$/.test(e.name) && !e.name.endsWith('web-tree-sitter.wasm'));
    console.log(`  grammars shipped: ${grammars.map((g) => `${/tree-sitter-([\w-]+)\.wasm$/.exec(g.name)![1]} ${(g.size / MB).toFixed(2)} MB`).join(', ') || 'none'}`);
    for (const e of [...entries].sort((a, b) => b.size - a.size).slice(0, 6)) console.log(`  ${(e.size / MB).toFixed(2).padStart(6)} MB  ${e.name}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
