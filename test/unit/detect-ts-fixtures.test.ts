// Detection on the TS/JS fixtures must match expected.json exactly: a missed call, an extra call, or any
// differing field fails. Optional expectation keys (prompt, baseUrl, reasoningTokens, qualifiedName,
// annotation) are compared when the expectation states them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, type DetectedCall, type WorkspaceReader } from '../../src/core/detect/index';

interface ExpectedPart { role: string; source: string; text: string | null; placeholders: string[]; from?: { file: string; line: number } }
interface ExpectedCall {
  shape: string; line: number; column: number; sdk: string; api: string; kind: string; model: string | null; modelSource: string;
  maxTokens: number | null; streaming: boolean; endpoint: string;
  baseUrl?: string | null; reasoningTokens?: number | null; qualifiedName?: string; annotation?: string | null; prompt?: ExpectedPart[];
  constructorOnly?: boolean; modelFrom?: { file: string; line: number; column: number }[];
  /** a receiver inferred from the request shape: why, and the lowered confidence */
  receiver?: string; confidence?: number;
}
type Expected = Record<string, { negatives: string[]; calls: ExpectedCall[] }>;

function reader(root: string): WorkspaceReader {
  return {
    readFile: (p) => {
      try {
        return fs.readFileSync(path.join(root, p), 'utf8');
      } catch {
        return null;
      }
    },
    exists: (p) => fs.existsSync(path.join(root, p)),
  };
}

function project(c: DetectedCall, e: ExpectedCall): Record<string, unknown> {
  const out: Record<string, unknown> = {
    line: c.line, column: c.column, sdk: c.sdk, api: c.api, kind: c.kind, model: c.model, modelSource: c.modelSource,
    maxTokens: c.maxTokens, streaming: c.streaming, endpoint: c.endpoint,
  };
  if ('baseUrl' in e) out.baseUrl = c.baseUrl;
  if ('reasoningTokens' in e) out.reasoningTokens = c.reasoningTokens;
  if ('qualifiedName' in e) out.qualifiedName = c.qualifiedName;
  if ('annotation' in e) out.annotation = c.annotation;
  if ('constructorOnly' in e) out.constructorOnly = !!c.constructorOnly;
  if ('modelFrom' in e) out.modelFrom = c.modelFrom;
  if ('receiver' in e) out.receiver = c.receiver;
  if ('confidence' in e) out.confidence = c.confidence;
  if (e.prompt) {
    out.prompt = c.promptParts.map((p, i) => {
      const want = e.prompt?.[i];
      const part: Record<string, unknown> = { role: p.role, source: p.source, text: p.text, placeholders: p.placeholders };
      if (want?.from) part.from = p.from;
      return part;
    });
  }
  return out;
}

function strip(e: ExpectedCall): Record<string, unknown> {
  const { shape: _shape, ...rest } = e;
  return rest;
}

for (const lang of ['typescript', 'javascript']) {
  const root = path.join('test/fixtures', lang);
  const expected = JSON.parse(fs.readFileSync(path.join(root, 'expected.json'), 'utf8')) as Expected;
  describe(`TS/JS detection on test/fixtures/${lang}`, () => {
    it('has an expectation for every fixture source file', () => {
      const sources: string[] = [];
      const walk = (dir: string): void => {
        for (const name of fs.readdirSync(path.join(root, dir))) {
          const rel = dir ? `${dir}/${name}` : name;
          if (fs.statSync(path.join(root, rel)).isDirectory()) walk(rel);
          else if (/\.(ts|tsx|js|jsx|mjs|cjs)$/.test(name)) sources.push(rel);
        }
      };
      walk('');
      assert.deepEqual(sources.sort(), Object.keys(expected).sort());
    });
    for (const [file, spec] of Object.entries(expected)) {
      it(`${file}: ${spec.calls.length} call(s)${spec.negatives.length ? `, negatives ${spec.negatives.join(' ')}` : ''}`, async () => {
        const text = fs.readFileSync(path.join(root, file), 'utf8');
        const result = await detectCalls(file, text, reader(root));
        assert.equal(result.skipped, undefined);
        const want = [...spec.calls].sort((a, b) => a.line - b.line || a.column - b.column);
        assert.deepEqual(result.calls.map((c) => `${c.line}:${c.column}`), want.map((c) => `${c.line}:${c.column}`), 'call positions (missed or extra calls)');
        result.calls.forEach((c, i) => {
          assert.deepEqual(project(c, want[i]!), strip(want[i]!), `${file}:${c.line}:${c.column} (${want[i]!.shape})`);
          assert.equal(c.file, file);
          assert.ok(c.confidence > 0 && c.confidence <= 1);
        });
      });
    }
  });
}
