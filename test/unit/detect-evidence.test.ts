// What may make a file's calls count: SDK names in code and strings, never in comments or Python docstrings
// (detect/evidence.ts). A file's result must not depend on its comments' words; and the grammar shared by
// TypeScript and JavaScript (TSX) must give way to the file's own grammar where it cannot read the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCalls, registeredGrammars, type DetectedCall, type WorkspaceReader } from '../../src/core/detect/index';

function memoryReader(files: Record<string, string>): WorkspaceReader {
  return { readFile: (p) => (Object.hasOwn(files, p) ? files[p]! : null), exists: (p) => Object.hasOwn(files, p) };
}
const at = (c: DetectedCall) => `${c.line}:${c.column} ${c.sdk} ${c.api} ${c.model ?? '-'}`;
async function found(file: string, text: string, ws: WorkspaceReader = memoryReader({})): Promise<string[]> {
  return (await detectCalls(file, text, ws)).calls.map(at);
}

// A LlamaIndex query engine built in another module of the workspace, run from app.py.
const ENGINE = 'from llama_index.core import VectorStoreIndex\n\nindex = VectorStoreIndex.from_documents([])\nquery_engine = index.as_query_engine()\n';
const APP = 'from engine import query_engine\n\n\ndef answer(question):\n    return query_engine.query(question)\n';

test('words in comments and docstrings never change what a file is found to call', async () => {
  const ws = memoryReader({ 'engine.py': ENGINE });
  const plain = await found('app.py', APP, ws);
  const variants = [
    `# Answers come from llama_index (see engine.py); an OpenAI key is not needed here.\n${APP}`,
    `"""Question answering on top of the LlamaIndex engine; nothing here talks to OpenAI or Anthropic directly."""\n${APP}`,
    APP.replace('    return', '    """Ask the llama_index engine."""\n    # together with the cache, this is the slow path\n    return'),
    `"""Part one, llama_index"""  "part two, openai"\n${APP}`,
  ];
  for (const text of variants) assert.deepEqual(await found('app.py', text, ws), plain, text);
  const ts = 'import { agent } from "./agent";\n\nexport async function reply(q: string) {\n  return agent.run(q);\n}\n';
  const tsPlain = await found('reply.ts', ts);
  assert.deepEqual(await found('reply.ts', `// Uses @openai/agents and the OpenAI Responses API under the hood.\n/* anthropic fallback: later */\n${ts}`), tsPlain);
});

test('a name in code or in a string that is used still counts', async () => {
  // the request by its URL: the needle is in a string argument, not a statement of its own
  const http = 'import requests\n\n\ndef ask(q):\n    """Plain HTTP, no SDK."""\n    return requests.post("https://api.openai.com/v1/chat/completions", json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": q}]})\n';
  assert.deepEqual(await found('http_call.py', http), ['6:12 http chat.completions.create gpt-4o-mini']);
  // an untyped client recognised by its request shape, with no SDK name elsewhere in the file
  const shape = 'def embed(client, texts):\n    return client.embeddings.create(model="text-embedding-3-small", input=texts)\n';
  assert.deepEqual(await found('shape.py', shape), ['2:12 openai embeddings.create text-embedding-3-small']);
  // the needle inside an f-string's expression is code
  const fstr = 'import openai\n\nclient = openai.OpenAI()\nprint(f"{client.chat.completions.create(model=\'gpt-4o\', messages=[])}")\n';
  assert.equal((await found('fstring.py', fstr)).length, 1);
});

test('TypeScript the TSX grammar cannot read (`<T>x` casts, generic arrows) keeps its own grammar; JS with JSX reads as TSX', async () => {
  assert.ok(['javascript', 'tsx', 'typescript'].every((g) => registeredGrammars().includes(g)));
  const call = 'client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: q }] })';
  const plain = `import OpenAI from "openai";\nconst client = new OpenAI();\nexport async function ask(q: string) {\n  return ${call};\n}\n`;
  const cast = `import OpenAI from "openai";\nconst client = <OpenAI>new OpenAI();\nexport async function ask(q: string) {\n  const n = <number>(<unknown>q.length);\n  return ${call};\n}\n`;
  assert.deepEqual(await found('plain.ts', plain), ['4:10 openai chat.completions.create gpt-4o']);
  assert.deepEqual(await found('cast.ts', cast), ['5:10 openai chat.completions.create gpt-4o']);
  const arrow = `import OpenAI from "openai";\nconst first = <T>(xs: T[]): T => xs[0]!;\nconst client = new OpenAI();\nexport async function ask(q: string) {\n  return ${call};\n}\n`;
  assert.deepEqual(await found('arrow.ts', arrow), ['5:10 openai chat.completions.create gpt-4o']);
  // JavaScript with JSX and a comparison the TSX grammar reads as it is
  const js = `const OpenAI = require("openai");\nconst client = new OpenAI();\nasync function ask(q) {\n  if (q.length < 3 && q.length > 1) return null;\n  return ${call};\n}\nconst View = () => <p>{ask("hi")}</p>;\n`;
  assert.deepEqual(await found('ask.js', js), ['5:10 openai chat.completions.create gpt-4o']);
});
