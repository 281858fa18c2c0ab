// The e2e harness's switch that breaks a feature on purpose (LLM_COST_LENS_E2E_BREAK) must not ship: a production
// bundle built as scripts/build.mjs builds it (hooks off) has no trace of it; with LLM_COST_LENS_E2E_HOOKS=1 it does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

async function activationBundle(hooks: boolean): Promise<string> {
  const out = await esbuild.build({
    entryPoints: ['src/extension/extension.ts'], bundle: true, minify: true, write: false, platform: 'node', format: 'cjs',
    target: 'node20', external: ['vscode'], logLevel: 'silent', define: { __E2E_HOOKS__: JSON.stringify(hooks) },
  });
  return out.outputFiles[0]!.text;
}

test('the production activation bundle carries no e2e test hook; the e2e build does', async () => {
  assert.match(readFileSync('scripts/build.mjs', 'utf8'), /define: \{ __E2E_HOOKS__: JSON\.stringify\(e2eHooks\) \}/, 'the build defines __E2E_HOOKS__');
  assert.doesNotMatch(await activationBundle(false), /LLM_COST_LENS_E2E_BREAK/);
  assert.match(await activationBundle(true), /LLM_COST_LENS_E2E_BREAK/);
});
