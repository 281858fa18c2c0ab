// The same request written in Python and in TS must give the same DetectedCall apart from where it is: both
// front ends feed one request interpreter (request/fields.ts, request/prompts.ts), and this catches them drifting.
// Model (literal, constant, env default, an Azure deployment standing for it), max tokens (direct and nested config),
// thinking budget and reasoning effort, streaming, endpoint (env base URL, local host, Ollama cloud, Azure) and
// prompt parts (system, messages, content blocks, tools) are all compared. A template's hole is written in its
// language's syntax (`{x}` in an f-string, `${x}` in a template literal): that spelling is normalised, the placeholder
// names are compared.
// Twins live in test/fixtures/parity/: `name.py` pairs with `name.ts` (underscores become dashes).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, type DetectedCall } from '../../src/core/detect/index';

const DIR = path.join(__dirname, '..', 'fixtures', 'parity');

function withoutPosition(c: DetectedCall): Record<string, unknown> {
  const { file: _f, line: _l, column: _c, endLine: _e, language: _lang, modelFrom: _m, ...rest } = c;
  const promptParts = rest.promptParts.map((p) => (p.text === null ? p : { ...p, text: p.text.replace(/\$\{([^{}]+)\}/g, '{$1}') }));
  // the deployment keyword is spelled per SDK (`azure_deployment`, `azureOpenAIApiDeploymentName`): whether one named the model is compared
  return { ...rest, promptParts, ...(rest.deploymentKey ? { deploymentKey: 'set' } : {}) };
}

async function detect(name: string): Promise<Record<string, unknown>[]> {
  const r = await detectCalls(name, fs.readFileSync(path.join(DIR, name), 'utf8'));
  assert.equal(r.skipped, undefined, `${name} was skipped: ${r.skipped}`);
  return r.calls.map(withoutPosition);
}

describe('Python/TS parity on twin fixtures', () => {
  const pythonFiles = fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort();
  it('has twins to compare', () => assert.ok(pythonFiles.length >= 10));
  for (const py of pythonFiles) {
    const ts = py.replace(/_/g, '-').replace(/\.py$/, '.ts');
    it(`${py} ≡ ${ts}`, async () => {
      const [a, b] = [await detect(py), await detect(ts)];
      assert.ok(a.length > 0, `${py}: no call detected`);
      assert.deepEqual(b, a);
    });
  }
});
