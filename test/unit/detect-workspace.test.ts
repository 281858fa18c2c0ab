// The workspace-level pass over per-file detection results: a LangChain constructor reported because its own file
// never invokes it is dropped when another file's invocation names it (models.py builds, app.py invokes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, dropInvokedConstructors, type DetectedCall, type WorkspaceReader } from '../../src/core/detect/index';

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
