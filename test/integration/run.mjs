#!/usr/bin/env node
// Integration tests in a real VS Code desktop (`npm run test:desktop`), for machines that can download VS Code:
// bundles test/integration/suite/*.ts with esbuild, then @vscode/test-electron's runTests starts VS Code with
// this extension in development mode on a copy of examples/, and mocha runs the suite inside the extension host.
// Flags: --build-only (bundle and stop; used where VS Code cannot be downloaded).
// Env: LLM_COST_LENS_VSCODE_VERSION (default "stable"; "min" = the engines.vscode minimum).
import * as esbuild from 'esbuild';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');
const suiteDir = join(repo, 'test/integration/suite');
const outDir = join(repo, '.vscode-test/integration-suite');

rmSync(outDir, { recursive: true, force: true });
await esbuild.build({
  entryPoints: readdirSync(suiteDir).filter((f) => f.endsWith('.ts')).map((f) => join(suiteDir, f)),
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  // vscode is provided by the extension host; mocha is loaded from the repo's node_modules at run time.
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`[integration] suite bundled into ${outDir}`);
if (process.argv.includes('--build-only')) process.exit(0);

const { runTests } = await import('@vscode/test-electron');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const wanted = process.env.LLM_COST_LENS_VSCODE_VERSION ?? 'stable';
const version = wanted === 'min' ? pkg.engines.vscode.replace(/^[^\d]*/, '') : wanted;

const scratch = mkdtempSync(join(tmpdir(), 'llm-cost-lens-integration-'));
const workspace = join(scratch, 'examples');
cpSync(join(repo, 'examples'), workspace, { recursive: true });
try {
  await runTests({
    version,
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(outDir, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes', '--disable-workspace-trust'],
    extensionTestsEnv: { LLM_COST_LENS_INTEGRATION_WORKSPACE: workspace },
  });
  process.exitCode = 0;
} catch (error) {
  console.error(`[integration] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
