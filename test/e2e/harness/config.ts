// What run.mjs hands to the test processes through the environment: tool paths, the .vsix, where artifacts go.
import { existsSync } from 'node:fs';

export interface E2EConfig {
  /** code-server launcher (a Node script; runs on `node24`). */
  codeServer: string;
  /** Node 24's binary; its folder goes first on code-server's PATH. */
  node24: string;
  chromium: string;
  vsix: string;
  /** test-results/e2e: screenshots and logs, kept after the run. */
  resultsDir: string;
  /** Scratch root for HOME, user-data, extensions and workspace copies; removed after the run. */
  tmpDir: string;
  /** The demo workspace that each session copies. */
  workspaceSource: string;
  /** Written by each session: process-group ids for run.mjs to reap if a test process dies. */
  pidFile: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through \`npm run test:e2e\` (node test/e2e/run.mjs)`);
  return value;
}

export function loadConfig(): E2EConfig {
  const config: E2EConfig = {
    codeServer: required('LLM_COST_LENS_E2E_CODE_SERVER'),
    node24: required('LLM_COST_LENS_E2E_NODE24'),
    chromium: required('LLM_COST_LENS_E2E_CHROMIUM'),
    vsix: required('LLM_COST_LENS_E2E_VSIX'),
    resultsDir: required('LLM_COST_LENS_E2E_RESULTS'),
    tmpDir: required('LLM_COST_LENS_E2E_TMP'),
    workspaceSource: required('LLM_COST_LENS_E2E_WORKSPACE'),
    pidFile: required('LLM_COST_LENS_E2E_PIDS'),
  };
  for (const key of ['codeServer', 'node24', 'chromium', 'vsix', 'workspaceSource'] as const) {
    if (!existsSync(config[key])) throw new Error(`e2e: ${key} not found at ${config[key]}`);
  }
  return config;
}
