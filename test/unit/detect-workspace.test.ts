// The workspace-level pass over per-file detection results: a LangChain constructor reported because its own file
// never invokes it is dropped when another file's invocation names it (models.py builds, app.py invokes); one whose
// model is only an Azure deployment name gets the reason `scan` lists it under `skipped` with when the name is unpriced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, dropInvokedConstructors, type DetectedCall, type WorkspaceReader } from '../../src/core/detect/index';
import { unpricedDeploymentReason } from '../../src/core/detect/workspace';

const root = 'test/fixtures/python';
const reader: WorkspaceReader = {
  readFile: (p) => (fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p), 'utf8') : null),
  exists: (p) => fs.existsSync(path.join(root, p)),
};
const at = (c: DetectedCall) => `${c.file}:${c.line}:${c.column}${c.constructorOnly ? ' ctor' : ''}`;

async function detect(...files: string[]): Promise<DetectedCall[]> {
  const out: DetectedCall[] = [];
  for (const f of files) out.push(...(await detectCalls(f, fs.readFileSync(path.join(root, f), 'utf8'), reader)).calls);
  return out;
}

test('constructors invoked from another file are dropped; the one invoked nowhere stays', async () => {
  const all = await detect('lc_split/models.py', 'lc_split/app.py');
  assert.deepEqual(all.map(at), ['lc_split/models.py:5:7 ctor', 'lc_split/models.py:6:12 ctor', 'lc_split/models.py:9:12 ctor', 'lc_split/app.py:6:12', 'lc_split/app.py:10:12']);
  assert.deepEqual(dropInvokedConstructors(all).map(at), ['lc_split/models.py:9:12 ctor', 'lc_split/app.py:6:12', 'lc_split/app.py:10:12']);
});

test('without the invoking file, every constructor stays (the decision is per workspace, not per file)', async () => {
  const models = await detect('lc_split/models.py');
  assert.deepEqual(dropInvokedConstructors(models).map(at), models.map(at));
});

test('only constructor-only sites are dropped, never an invocation at the same place', () => {
  const base: Omit<DetectedCall, 'file' | 'line' | 'column'> = {
    language: 'python', sdk: 'langchain', api: 'invoke', kind: 'chat', model: null, modelSource: 'unresolved', maxTokens: null, reasoningTokens: null,
    streaming: false, endpoint: 'api', baseUrl: null, qualifiedName: '<module>', annotation: null, promptParts: [], confidence: 0.5, endLine: 1,
  };
  const invocation: DetectedCall = { ...base, file: 'a.py', line: 3, column: 1, modelFrom: [{ file: 'a.py', line: 3, column: 1 }] };
  const ctor: DetectedCall = { ...base, file: 'b.py', line: 1, column: 7, constructorOnly: true };
  assert.deepEqual(dropInvokedConstructors([invocation, ctor]), [invocation, ctor]);
  assert.deepEqual(dropInvokedConstructors([{ ...invocation, modelFrom: [{ file: 'b.py', line: 1, column: 7 }] }, ctor]).length, 1);
});

test('a constructor nothing invokes whose model is only an Azure deployment name gets a skip reason saying how to price it', async () => {
  const calls = await detect('langchain_azure_deployment.py');
  assert.deepEqual(calls.map((c) => [c.line, c.deploymentKey, unpricedDeploymentReason(c)]), [
    [4, 'deployment_name', 'line 4: AzureChatOpenAI(deployment_name="support-bot-prod") is never invoked in the workspace and "support-bot-prod" is an Azure deployment name, not a priced model: to cost it, write "# llm-cost: model=<model id>" on the line above or price "support-bot-prod" in llmCostLens.prices'],
    [10, 'azure_deployment', 'line 10: AzureChatOpenAI(azure_deployment="triage") is never invoked in the workspace and "triage" is an Azure deployment name, not a priced model: to cost it, write "# llm-cost: model=<model id>" on the line above or price "triage" in llmCostLens.prices'],
  ]);
});

test('look-alikes keep no skip reason: a model named beside the deployment, an invoked deployment, a deployment from the environment', async () => {
  const calls = await detect('langchain_azure_deployment_named.py');
  assert.deepEqual(calls.map((c) => [c.line, c.api, c.model, c.deploymentKey ?? null, unpricedDeploymentReason(c)]), [
    [7, 'AzureChatOpenAI', 'gpt-4o-mini', null, null],
    // the invocation is a call site (it runs the deployment); its model is still the deployment name
    [13, 'invoke', 'support-bot-prod', 'deployment_name', null],
    [16, 'AzureChatOpenAI', null, null, null],
  ]);
});

test('TypeScript: the same rule, its reason in TypeScript (an options object, a // comment); look-alikes keep none', async () => {
  const file = 'langchain-azure-deployment.ts';
  const { calls } = await detectCalls(file, fs.readFileSync(path.join('test/fixtures/parity', file), 'utf8'));
  assert.deepEqual(calls.map((c) => [c.line, c.api, c.model, c.deploymentKey ?? null, unpricedDeploymentReason(c)]), [
    [6, 'AzureChatOpenAI', 'triage', 'azureOpenAIApiDeploymentName', 'line 6: new AzureChatOpenAI({ azureOpenAIApiDeploymentName: "triage" }) is never invoked in the workspace and "triage" is an Azure deployment name, not a priced model: to cost it, write "// llm-cost: model=<model id>" on the line above or price "triage" in llmCostLens.prices'],
    [9, 'invoke', 'support-bot-prod', 'azureOpenAIApiDeploymentName', null],
  ]);
  const named = [
    'import { AzureChatOpenAI } from "@langchain/openai";',
    'const a = new AzureChatOpenAI({ azureOpenAIApiDeploymentName: "support-bot-prod", model: "gpt-4o-mini" });',
    'const b = new AzureChatOpenAI({ azureOpenAIApiDeploymentName: process.env.AZURE_OPENAI_DEPLOYMENT });',
  ].join('\n');
  const lookAlikes = (await detectCalls('named.ts', named)).calls;
  assert.deepEqual(lookAlikes.map((c) => [c.line, c.model, c.deploymentKey ?? null, unpricedDeploymentReason(c)]), [
    [2, 'gpt-4o-mini', null, null],
    [3, null, null, null],
  ]);
});

test('a deployment constructor invoked from another file is dropped before the skip rule applies', () => {
  const base: Omit<DetectedCall, 'file' | 'line' | 'column' | 'api'> = {
    language: 'python', sdk: 'langchain', kind: 'chat', model: 'triage', modelSource: 'literal', maxTokens: null, reasoningTokens: null,
    streaming: false, endpoint: 'api', baseUrl: null, qualifiedName: '<module>', annotation: null, promptParts: [], confidence: 0.5, endLine: 1, deploymentKey: 'azure_deployment',
  };
  const ctor: DetectedCall = { ...base, file: 'models.py', line: 3, column: 7, api: 'AzureChatOpenAI', constructorOnly: true };
  const invocation: DetectedCall = { ...base, file: 'app.py', line: 2, column: 1, api: 'invoke', modelFrom: [{ file: 'models.py', line: 3, column: 7 }] };
  const kept = dropInvokedConstructors([ctor, invocation]);
  assert.deepEqual(kept, [invocation]);
  assert.deepEqual(kept.map(unpricedDeploymentReason), [null]);
  assert.match(unpricedDeploymentReason(ctor)!, /^line 3: AzureChatOpenAI\(azure_deployment="triage"\) is never invoked/);
});
