// Fixed-seed fuzz of the Python and notebook detector: random token soups, mutated fixtures (cut, duplicated,
// swapped lines, truncated, spliced with SDK-looking tokens), pathological nesting and self-referential
// bindings. Nothing may throw, detectCalls must never report an analysis error (a crash it caught), and every
// reported call must be well-formed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, type DetectedCall, type WorkspaceReader } from '../../src/core/detect/index';
import { mulberry32 } from './helpers/prng';
import { mutate as fuzzMutate, soup as fuzzSoup } from './helpers/fuzz';


const TOKENS = [
  'openai', 'client', 'chat', 'completions', 'create', 'messages', 'anthropic', 'OpenAI', 'Anthropic', 'self', 'self._client',
  '(', ')', '{', '}', '[', ']', '.', ',', ':', '=', '**', '*', '|', '+', '/', 'await', 'async', 'def', 'class', 'return', 'with', 'as',
  'import', 'from', 'lambda', 'if', 'else', 'or', 'for', 'in', '"gpt-4o"', 'f"x {y} z"', 'f"{', '"""', "'''", 'r"\\d"', 'b"x"',
  'model', 'max_tokens', 'stream', 'True', 'None', '1024', '1_000', 'os.getenv("M", "d")', 'base_url', '"http://localhost:8000/v1"',
  'invoke', 'ChatOpenAI', 'ChatPromptTemplate.from_messages', 'RunnableSequence', 'create_react_agent', 'init_chat_model',
  'requests.post', 'httpx.AsyncClient()', '"https://api.openai.com/v1/chat/completions"', 'json.dumps', 'open("p.txt").read()',
  'Path(__file__).parent', 'boto3.client("bedrock-runtime")', 'invoke_model', 'litellm.completion', 'genai.Client()',
  '@patch("openai.OpenAI")', '@property', 'MagicMock()', '#', '# llm-cost: 5/day', '\n', '\n    ', '    ', ' ', '\\', ';', 'x', 'y',
  '日本', '😀', '\t', 'from . import x', 'from .a import B', 'import openai as oa', 'global', 'nonlocal', 'yield', 'match', 'case',
];

const FIXTURES = ['test/fixtures/python', 'test/fixtures/notebooks'];

const soup = (rand: () => number) => fuzzSoup(rand, TOKENS, 250, 0.35);
const mutate = (src: string, rand: () => number) => fuzzMutate(src, rand, TOKENS, 1);

function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (root: string, dir: string): void => {
    for (const name of fs.readdirSync(path.join(root, dir))) {
      const rel = dir ? `${dir}/${name}` : name;
      if (fs.statSync(path.join(root, rel)).isDirectory()) walk(root, rel);
      else if (/\.(py|ipynb)$/.test(name)) out.push({ file: rel, text: fs.readFileSync(path.join(root, rel), 'utf8') });
    }
  };
  for (const root of FIXTURES) walk(root, '');
  return out;
}

const reader: WorkspaceReader = {
  readFile: (p) => (p.endsWith('.py') ? 'from openai import OpenAI\nX = "gpt-4o"\nc = OpenAI()\nfrom . import X\n' : null),
  exists: (p) => p.startsWith('pkg/'),
};

function wellFormed(c: DetectedCall, where: string): void {
  assert.ok(Number.isInteger(c.line) && c.line >= 1 && c.endLine >= c.line, `${where}: line`);
  assert.ok(Number.isInteger(c.column) && c.column >= 1, `${where}: column`);
  assert.ok(c.confidence > 0 && c.confidence <= 1, `${where}: confidence`);
  assert.ok(typeof c.api === 'string' && c.api.length > 0, `${where}: api`);
  for (const p of c.promptParts) assert.ok(p.source === 'runtime' ? p.text === null : typeof p.text === 'string', `${where}: part text`);
}

async function check(file: string, text: string, where: string): Promise<void> {
  const r = await detectCalls(file, text, reader, { timeBudgetMs: 60_000 });
  assert.ok(!r.skipped?.startsWith('analysis error'), `${where}: ${r.skipped}`);
  for (const c of r.calls) wellFormed(c, where);
}

describe('Python detector fuzz (seed 20240611)', () => {
  it('survives 2,000 random token soups', async () => {
    const rand = mulberry32(20240611);
    for (let i = 0; i < 2000; i++) await check(`pkg/soup${i}.py`, 'import openai\n' + soup(rand), `soup #${i}`);
  });

  it('survives 2,500 mutations of the fixtures (as .py and as notebooks)', async () => {
    const rand = mulberry32(7);
    const base = sources();
    for (let i = 0; i < 2500; i++) {
      const src = base[i % base.length]!;
      const text = mutate(src.text, rand);
      await check(`pkg/${src.file}`, text, `mutation #${i} of ${src.file}`);
      if (i % 5 === 0 && src.file.endsWith('.py')) {
        const nb = JSON.stringify({ cells: text.split('\n\n').map((s) => ({ cell_type: rand() < 0.8 ? 'code' : 'markdown', source: s })) });
        await check(`pkg/m${i}.ipynb`, nb, `notebook mutation #${i}`);
      }
    }
  });

  it('survives pathological nesting and self-referential bindings', async () => {
    const deep = 'from openai import OpenAI\nc = OpenAI()\nx = ' + '('.repeat(2000) + '"m"' + ')'.repeat(2000) + '\nc.chat.completions.create(model=x, messages=' + '[\n'.repeat(2000) + ']'.repeat(2000) + ')\n';
    const chain = 'from openai import OpenAI\na0 = OpenAI()\n' + Array.from({ length: 20000 }, (_, i) => `a${i + 1} = a${i}`).join('\n') + '\na20000.chat.completions.create(model=a0)\n';
    const cycle = 'from openai import OpenAI\nc = c\nd = [d, *d]\nm = {**m}\ns = s + s\nc.chat.completions.create(model=m, **m)\nclass A:\n    def __init__(self):\n        self.c = self.c\n    def f(self):\n        return self.c.chat.completions.create(model=self.m)\n';
    const lists = 'import openai\nmessages = [' + '['.repeat(800) + ']'.repeat(800) + ']\n';
    for (const [name, text] of [['deep', deep], ['chain', chain], ['cycle', cycle], ['lists', lists]] as const) await check(`pkg/${name}.py`, text, name);
  });
});
