// Fixed-seed fuzz of the TS/JS detector: random token soups and mutated fixtures (cut, duplicated, shuffled,
// truncated, spliced with SDK-looking tokens) in every TS/JS grammar. Nothing may throw, and detectCalls must
// never report an analysis error (a crash the framework caught); every reported call must be well-formed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, type WorkspaceReader } from '../../src/core/detect/index';
import { mulberry32 } from './helpers/prng';
import { mutate as fuzzMutate, soup as fuzzSoup } from './helpers/fuzz';


const TOKENS = [
  'openai', 'client', 'chat', 'completions', 'create', 'messages', 'anthropic', 'new', 'OpenAI', 'Anthropic', '(', ')', '{', '}',
  '[', ']', '.', ',', ';', ':', '=', '=>', '...', '?.', '??', '||', '+', 'await', 'async', 'function', 'class', 'this', 'const',
  'let', 'var', 'import', 'from', 'export', 'require', '"openai"', "'@anthropic-ai/sdk'", '"ai"', '`t ${x} u`', '`', '${', '"gpt-4o"',
  'model', 'max_tokens', 'stream', 'true', '1024', 'process.env.M', 'baseURL', '"http://localhost:8000/v1"', 'invoke', 'pipe',
  'ChatOpenAI', 'RunnableSequence.from', 'generateText', 'fetch', '"https://api.openai.com/v1/chat/completions"', 'JSON.stringify',
  'readFileSync', '"prompts/x.txt"', 'send', 'new InvokeModelCommand', '<div>', '</div>', '/*', '*/', '//', '\n', ' ', 'as', 'any',
  'interface', 'type', '<', '>', '!', 'jest.mock', 'vi.fn', 'x', 'y', 'import("./a")', '#priv', '@dec', '\\u{1F600}', '日本',
];

const soup = (rand: () => number) => fuzzSoup(rand, TOKENS, 200, 0.3);
const mutate = (src: string, rand: () => number) => fuzzMutate(src, rand, TOKENS, 0);

function fixtureSources(): { file: string; text: string; root: string }[] {
  const out: { file: string; text: string; root: string }[] = [];
  for (const lang of ['typescript', 'javascript']) {
    const root = path.join('test/fixtures', lang);
    const walk = (dir: string): void => {
      for (const name of fs.readdirSync(path.join(root, dir))) {
        const rel = dir ? `${dir}/${name}` : name;
        if (fs.statSync(path.join(root, rel)).isDirectory()) walk(rel);
        else if (/\.(ts|tsx|js|jsx|mjs|cjs)$/.test(name)) out.push({ file: rel, text: fs.readFileSync(path.join(root, rel), 'utf8'), root });
      }
    };
    walk('');
  }
  return out;
}

const EXTS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'];

describe('TS/JS detector fuzz (seed 20240611)', () => {
  it('survives 1,500 random token soups and 2,500 mutated fixtures in every TS/JS grammar', async () => {
    const rand = mulberry32(20240611);
    const fixtures = fixtureSources();
    assert.ok(fixtures.length > 10);
    const ws: WorkspaceReader = {
      readFile: (p) => fixtures.find((f) => f.file === p)?.text ?? null,
      exists: (p) => fixtures.some((f) => f.file === p),
    };
    let analysed = 0;
    let calls = 0;
    const total = 4000;
    for (let n = 0; n < total; n++) {
      const ext = EXTS[n % EXTS.length]!;
      const base = fixtures[Math.floor(rand() * fixtures.length)]!;
      const text = n < 1500 ? soup(rand) : mutate(base.text, rand);
      const file = `fuzz/case${n}${ext}`;
      const result = await detectCalls(file, text, ws);
      assert.ok(!result.skipped?.startsWith('analysis error'), `case ${n} (${ext}): ${result.skipped}\n${text.slice(0, 400)}`);
      if (!result.skipped) analysed++;
      for (const c of result.calls) {
        calls++;
        assert.ok(c.line >= 1 && c.column >= 1 && c.endLine >= c.line, `case ${n}: bad position`);
        assert.ok(c.confidence > 0 && c.confidence <= 1);
        assert.equal(c.file, file);
      }
    }
    const pathological = [
      `import OpenAI from "openai"; const c = new OpenAI(); c${'\n  .chat'.repeat(3000)}.create({ model: "m" });`,
      `import OpenAI from "openai"; const a = b; const b = a; const o = { ...o, model: a }; new OpenAI().chat.completions.create(o);`,
      `import OpenAI from "openai"; const m = ${'['.repeat(2000)}${']'.repeat(2000)}; new OpenAI().chat.completions.create({ messages: m, model: \`\${m}\` });`,
      `import OpenAI from "openai"; let c; c = c; c = new OpenAI(c); c.chat.completions.create({ model: ${'('.repeat(500)}"x"${')'.repeat(500)} });`,
      `import { x } from "./a"; import { y } from "./b"; const openai = x; openai.chat.completions.create({ model: y });`,
    ];
    for (const [i, text] of pathological.entries()) {
      const result = await detectCalls(`fuzz/pathological${i}.ts`, text, ws);
      assert.ok(!result.skipped?.startsWith('analysis error'), `pathological ${i}: ${result.skipped}`);
    }
    // the mutated fixtures must still yield calls, or the fuzz would only be exercising the prefilter
    assert.ok(analysed > total / 2, `analysed ${analysed}`);
    assert.ok(calls > 1000, `calls ${calls}`);
  });
});
