// Detection on the Python and notebook fixtures must match expected.json exactly: a missed call, an extra
// call, or any differing field (model, source, tokens cap, endpoint, prompt parts ...) fails.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, type DetectedCall, type WorkspaceReader } from '../../src/core/detect/index';

interface ExpectedCall { shape: string; cell?: number; line: number; column: number; [key: string]: unknown }
type Expected = Record<string, { negatives: string[]; calls: ExpectedCall[]; skipped?: string }>;

function reader(root: string): WorkspaceReader {
  return {
    readFile: (p) => (fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p), 'utf8') : null),
    exists: (p) => fs.existsSync(path.join(root, p)),
  };
}

function project(c: DetectedCall): Record<string, unknown> {
  return {
    ...(c.cell !== undefined ? { cell: c.cell } : {}),
    line: c.line, column: c.column, sdk: c.sdk, api: c.api, kind: c.kind, model: c.model, modelSource: c.modelSource,
    maxTokens: c.maxTokens, reasoningTokens: c.reasoningTokens, streaming: c.streaming, endpoint: c.endpoint, baseUrl: c.baseUrl,
    qualifiedName: c.qualifiedName, annotation: c.annotation,
    ...(c.constructorOnly ? { constructorOnly: true } : {}),
    ...(c.deploymentKey ? { deploymentKey: c.deploymentKey } : {}),
    ...(c.modelFrom ? { modelFrom: c.modelFrom } : {}),
    prompt: c.promptParts.map((p) => ({ role: p.role, source: p.source, text: p.text, placeholders: p.placeholders, ...(p.from ? { from: p.from } : {}) })),
  };
}

function sourcesUnder(root: string, pattern: RegExp, dir = ''): string[] {
  return fs.readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = dir ? `${dir}/${name}` : name;
    if (fs.statSync(path.join(root, rel)).isDirectory()) return sourcesUnder(root, pattern, rel);
    return pattern.test(name) ? [rel] : [];
  });
}

for (const [lang, pattern] of [['python', /\.py$/], ['notebooks', /\.ipynb$/]] as const) {
  const root = path.join('test/fixtures', lang);
  const expected = JSON.parse(fs.readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected;
  describe(`Python detection on test/fixtures/${lang}`, () => {
    it('has an expectation for every fixture source file', () => {
      assert.deepEqual(sourcesUnder(root, pattern).sort(), Object.keys(expected).sort());
    });
    it('lists every file with no calls as a look-alike negative or a plain module', () => {
      for (const [file, spec] of Object.entries(expected)) {
        for (const c of spec.calls) assert.ok(c.shape && !c.shape.startsWith('negative:'), `${file}: positive shapes only in calls`);
        for (const n of spec.negatives) assert.match(n, /^negative:/, file);
      }
    });
    for (const [file, spec] of Object.entries(expected)) {
      it(`${file}: ${spec.calls.length} call(s)${spec.negatives.length ? `, ${spec.negatives.join(' ')}` : ''}`, async () => {
        const result = await detectCalls(file, fs.readFileSync(path.join(root, file), 'utf8'), reader(root));
        assert.equal(result.skipped, spec.skipped);
        const key = (c: { cell?: number; line: number; column: number }) => `${c.cell ?? '-'}:${c.line}:${c.column}`;
        assert.deepEqual(result.calls.map(key), spec.calls.map(key), 'call positions (missed or extra calls)');
        result.calls.forEach((c, i) => {
          // invokedFrom: a constructor-only site that `scan` drops because that file invokes the model (scan-fixtures);
          // scanSkipped: one that `scan` lists under `skipped` (an unpriced Azure deployment, detect/workspace.ts)
          const { shape, invokedFrom: _invokedFrom, scanSkipped: _scanSkipped, ...want } = spec.calls[i]!;
          assert.deepEqual(project(c), want, `${file}:${key(c)} (${shape})`);
          assert.equal(c.file, file);
          assert.equal(c.language, 'python');
          assert.ok(c.confidence > 0 && c.confidence <= 1);
          assert.ok(c.endLine >= c.line);
        });
      });
    }
  });
}
