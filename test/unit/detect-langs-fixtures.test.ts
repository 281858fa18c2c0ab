// Go, Java, C# and Ruby detection on their fixtures must match expected.json exactly: a missed call, an extra call
// or any differing field fails (the prompt parts included). Every directory holds positives and look-alikes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, type DetectedCall, type WorkspaceReader } from '../../src/core/detect/index';

interface ExpectedCall {
  shape: string; line: number; column: number; sdk: string; api: string; kind: string; model: string | null; modelSource: string;
  maxTokens: number | null; streaming: boolean; endpoint: string; baseUrl: string | null; qualifiedName: string; annotation: string | null;
  prompt: { role: string; source: string; text: string | null; placeholders: string[] }[];
}
type Expected = Record<string, { negatives: string[]; calls: ExpectedCall[] }>;

const LANGS: Record<string, RegExp> = { go: /\.go$/, java: /\.java$/, csharp: /\.cs$/, ruby: /\.rb$/ };

function reader(root: string): WorkspaceReader {
  return {
    readFile: (p) => (fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p), 'utf8') : null),
    exists: (p) => fs.existsSync(path.join(root, p)),
  };
}

function project(c: DetectedCall): Omit<ExpectedCall, 'shape'> {
  return {
    line: c.line, column: c.column, sdk: c.sdk, api: c.api, kind: c.kind, model: c.model, modelSource: c.modelSource,
    maxTokens: c.maxTokens, streaming: c.streaming, endpoint: c.endpoint, baseUrl: c.baseUrl, qualifiedName: c.qualifiedName,
    annotation: c.annotation, prompt: c.promptParts.map((p) => ({ role: p.role, source: p.source, text: p.text, placeholders: p.placeholders })),
  };
}

for (const [lang, ext] of Object.entries(LANGS)) {
  const root = path.join('test/fixtures', lang);
  if (!fs.existsSync(path.join(root, 'expected.json'))) continue;
  const expected = JSON.parse(fs.readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected;
  describe(`${lang} detection on test/fixtures/${lang}`, () => {
    it('has an expectation for every fixture source file, and look-alikes', () => {
      const sources = fs.readdirSync(root).filter((n) => ext.test(n)).sort();
      assert.deepEqual(sources, Object.keys(expected).sort());
      assert.ok(Object.values(expected).some((s) => s.negatives.length > 0), 'no look-alike negative');
    });
    for (const [file, spec] of Object.entries(expected)) {
      it(`${file}: ${spec.calls.length} call(s)${spec.negatives.length ? `, negatives ${spec.negatives.join(' ')}` : ''}`, async () => {
        const result = await detectCalls(`${file}`, fs.readFileSync(path.join(root, file), 'utf8'), reader(root));
        assert.equal(result.skipped, undefined);
        assert.deepEqual(result.calls.map((c) => `${c.line}:${c.column}`), spec.calls.map((c) => `${c.line}:${c.column}`), 'call positions (missed or extra calls)');
        result.calls.forEach((c, i) => {
          const { shape, ...want } = spec.calls[i]!;
          assert.deepEqual(project(c), want, `${file}:${c.line}:${c.column} (${shape})`);
          assert.equal(c.language, lang);
        });
      });
    }
  });
}
