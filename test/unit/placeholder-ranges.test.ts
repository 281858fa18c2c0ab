// Placeholder positions for the editor's decorations: `{name}` and `${name}` within a call's lines, not `{{name}}`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callSitePlaceholderRanges, placeholderHoverText, placeholderRanges } from '../../src/core/scan/placeholderRanges';
import { analyzeDocument, readWorkspaceSettings, workspaceReader } from '../../src/core/scan/scan';
import { confinedReader } from '../../src/core/scan/confinedReader';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

const sizes = { placeholders: { ticket: 400 }, defaultPlaceholderTokens: 100 };

test('placeholderRanges: f-string fields with conversions and specs, template literals, not {{double}} or other lines', () => {
  const lines = ['x = f"{ticket}"', 'y = f"{ticket!r:>10} {{ticket}} {other}"', 'z = `${ ticket } ${other}`', 'after = f"{ticket}"'];
  const r = placeholderRanges(lines, 1, 3, ['ticket', 'other'], sizes);
  assert.deepEqual(r.map((x) => [x.line, lines[x.line]!.slice(x.start, x.end), x.tokens, x.setting]), [
    [0, '{ticket}', 400, 'placeholders'],
    [1, '{ticket!r:>10}', 400, 'placeholders'],
    [1, '{other}', 100, 'defaultPlaceholderTokens'],
    [2, '${ ticket }', 400, 'placeholders'],
    [2, '${other}', 100, 'defaultPlaceholderTokens'],
  ]);
  assert.equal(placeholderHoverText(r[0]!), 'prompt placeholder: 400 tokens assumed (llmCostLens.placeholders["ticket"])');
  assert.match(placeholderHoverText(r[2]!), /^prompt placeholder: 100 tokens assumed \(llmCostLens\.placeholders; default llmCostLens\.defaultPlaceholderTokens\)$/);
});

test('callSitePlaceholderRanges over the demo files: summarize.py {ticket_text}, classify.ts ${subject} ${body}', async () => {
  const ws = readWorkspaceSettings('examples');
  for (const [file, expected] of [['app/summarize.py', ['{ticket_text}']], ['app/classify.ts', ['${subject}', '${body}']]] as const) {
    const text = readFileSync(`examples/${file}`, 'utf8');
    const a = await analyzeDocument(engine, file, text, ws, workspaceReader('examples'));
    const lines = text.split('\n');
    const r = callSitePlaceholderRanges(lines, a.callSites, ws.settings);
    assert.deepEqual(r.map((x) => lines[x.line]!.slice(x.start, x.end)), expected, file);
  }
});

test('confinedReader: files inside are read, a symlink leading out of the folder is not', () => {
  const dir = mkdtempSync(join(tmpdir(), 'llm-cost-confined-'));
  const root = join(dir, 'ws');
  mkdirSync(root);
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  writeFileSync(join(root, 'inside.txt'), 'inside');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'));
  const plain = workspaceReader(root);
  const confined = confinedReader(root, plain);
  assert.equal(plain.readFile('link.txt'), 'outside', 'the plain reader follows the link');
  assert.equal(confined.readFile('link.txt'), null);
  assert.equal(confined.exists('link.txt'), false);
  assert.equal(confined.readFile('inside.txt'), 'inside');
  assert.equal(confined.readFile('../secret.txt'), null);
});
