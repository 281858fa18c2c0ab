// Framework behaviour (dispatch, prefilter, limits) and Python resolution cases not covered by the fixtures.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectCalls, languageForPath, mightContainLlmCalls, type WorkspaceReader } from '../../src/core/detect/index';
import { placeholdersIn, annotationFromLine, stripProviderPrefix } from '../../src/core/detect/promptParts';
import { endpointFor } from '../../src/core/detect/endpoint';

function ws(files: Record<string, string>): WorkspaceReader {
  return { readFile: (p) => files[p] ?? null, exists: (p) => p in files };
}

describe('detect framework', () => {
  it('maps extensions to languages', () => {
    assert.equal(languageForPath('a/b.py'), 'python');
    assert.equal(languageForPath('nb/x.ipynb'), 'notebook');
    assert.equal(languageForPath('README.md'), null);
    assert.equal(languageForPath('Makefile'), null);
  });

  it('prefilters on SDK and endpoint names', () => {
    assert.equal(mightContainLlmCalls('import numpy as np\nprint(np.zeros(3))'), false);
    assert.equal(mightContainLlmCalls('from OpenAI import x'), true);
    assert.equal(mightContainLlmCalls('url = "http://h/v1/chat/completions"'), true);
  });

  it('does not parse files the prefilter rejects, and skips oversized, binary and minified files with a reason', async () => {
    assert.deepEqual(await detectCalls('a.py', 'x = 1\n'), { calls: [] });
    assert.match((await detectCalls('a.py', 'import openai\n' + '#'.repeat(200), undefined, { maxChars: 100 })).skipped ?? '', /larger than 100/);
    assert.equal((await detectCalls('a.py', 'import openai\u0000')).skipped, 'binary');
    assert.equal((await detectCalls('a.py', 'import openai;' + 'x=1;'.repeat(3000))).skipped, 'minified');
  });

  it('returns skipped instead of throwing when the time budget is spent', async () => {
    const src = 'from openai import OpenAI\nc = OpenAI()\n' + 'c.chat.completions.create(model="m", messages=[])\n'.repeat(2000);
    const r = await detectCalls('a.py', src, undefined, { timeBudgetMs: -1 });
    assert.equal(r.skipped, 'over the time budget');
    assert.deepEqual(r.calls, []);
  });
});

describe('python resolution', () => {
  it('follows client aliases, sub-clients and import aliases', async () => {
    const src = [
      'import openai as oa',
      'c = oa.OpenAI()',
      'chat = c.chat',
      'comp = chat.completions',
      'comp.create(model="gpt-4o", messages=[{"role": "user", "content": "hi"}])',
    ].join('\n');
    const [call] = (await detectCalls('x.py', src)).calls;
    assert.equal(call?.api, 'chat.completions.create');
    assert.equal(call?.line, 5);
    assert.equal(call?.model, 'gpt-4o');
  });

  it('counts columns in UTF-16 code units', async () => {
    const src = 'from openai import OpenAI\nc = OpenAI()\nx = "😀é"; c.embeddings.create(model="m", input="a")\n';
    const [call] = (await detectCalls('x.py', src)).calls;
    assert.equal(call?.column, src.split('\n')[2]!.indexOf('c.embeddings') + 1);
  });

  it('resolves os.environ.get defaults, `or` defaults and class constants', async () => {
    const src = [
      'import os',
      'from anthropic import Anthropic',
      'class Bot:',
      '    MODEL = os.environ.get("BOT_MODEL", "claude-haiku-4-5")',
      '    def __init__(self):',
      '        self.c = Anthropic()',
      '    def a(self):',
      '        return self.c.messages.create(model=self.MODEL, max_tokens=10, messages=[])',
      '    def b(self):',
      '        return self.c.messages.create(model=os.getenv("M") or "claude-opus-4-1", max_tokens=10, messages=[])',
    ].join('\n');
    const calls = (await detectCalls('x.py', src)).calls;
    assert.deepEqual(calls.map((c) => [c.model, c.modelSource, c.qualifiedName]), [
      ['claude-haiku-4-5', 'env-default', 'Bot.a'],
      ['claude-opus-4-1', 'env-default', 'Bot.b'],
    ]);
  });

  it('reports an unresolvable model as unresolved with lower confidence, and runtime prompts as runtime parts', async () => {
    const src = 'from openai import OpenAI\ndef f(model, msgs):\n    return OpenAI().chat.completions.create(model=model, messages=msgs)\n';
    const [call] = (await detectCalls('x.py', src)).calls;
    assert.equal(call?.model, null);
    assert.equal(call?.modelSource, 'unresolved');
    assert.deepEqual(call?.promptParts.map((p) => [p.source, p.text]), [['runtime', null]]);
    assert.ok((call?.confidence ?? 1) < 0.6);
  });

  it('resolves constants imported from other workspace files, relative and absolute', async () => {
    const files = {
      'pkg/consts.py': 'MODEL = "gpt-4.1"\nSYSTEM = "Be kind."\n',
      'pkg/svc.py': 'from openai import OpenAI\nfrom .consts import MODEL\nfrom pkg.consts import SYSTEM as S\nOpenAI().chat.completions.create(model=MODEL, messages=[{"role": "system", "content": S}])\n',
    };
    const [call] = (await detectCalls('pkg/svc.py', files['pkg/svc.py'], ws(files))).calls;
    assert.equal(call?.model, 'gpt-4.1');
    assert.equal(call?.modelSource, 'constant');
    assert.deepEqual(call?.promptParts, [{ role: 'system', source: 'imported', text: 'Be kind.', placeholders: [], from: { file: 'pkg/consts.py', line: 2 } }]);
  });

  it('uses a client built in another workspace file', async () => {
    const files = {
      'app/clients.py': 'from openai import OpenAI\nllm_client = OpenAI(base_url="http://vllm:8000/v1")\n',
      'app/use.py': 'from app.clients import llm_client\nllm_client.chat.completions.create(model="qwen", messages=[])\n',
    };
    const [call] = (await detectCalls('app/use.py', files['app/use.py'], ws(files))).calls;
    assert.equal(call?.endpoint, 'self-hosted');
    assert.equal(call?.baseUrl, 'http://vllm:8000/v1');
  });

  it('sees through instrumentation wrappers that keep the client interface', async () => {
    const src = 'import instructor\nfrom openai import OpenAI\nfrom langsmith.wrappers import wrap_openai\nc = instructor.from_openai(OpenAI())\nd = wrap_openai(OpenAI())\nc.chat.completions.create(model="gpt-4o", response_model=User, messages=[])\nd.chat.completions.create(model="gpt-4o-mini", messages=[])\n';
    assert.deepEqual((await detectCalls('x.py', src)).calls.map((c) => [c.line, c.model]), [[6, 'gpt-4o'], [7, 'gpt-4o-mini']]);
  });

  it('ignores other libraries named like SDK methods and SDK names in strings', async () => {
    const src = 'import openai\nimport redis\nr = redis.Redis()\nr.chat.completions.create(model="x")\ns = "openai.ChatCompletion.create(model=1)"\n';
    assert.deepEqual((await detectCalls('x.py', src)).calls, []);
  });

  it('reads annotations from the comment line directly above the call', async () => {
    const src = 'import litellm\n# llm-cost: 1000/day calls=3\nlitellm.completion(model="gpt-4o", messages=[])\n';
    assert.equal((await detectCalls('x.py', src)).calls[0]?.annotation, '1000/day calls=3');
  });
});

describe('notebooks', () => {
  const nb = (cells: [string, string][]) => JSON.stringify({ nbformat: 4, metadata: {}, cells: cells.map(([t, s]) => ({ cell_type: t, source: s, metadata: {} })) });

  it('resolves clients across cells and reports positions within the code cell', async () => {
    const text = nb([['markdown', 'openai'], ['code', '!pip install openai\nfrom openai import OpenAI\nc = OpenAI()'], ['code', 'x = 1\n  \nc.chat.completions.create(model="gpt-4o", messages=[])']]);
    const r = await detectCalls('n.ipynb', text);
    assert.deepEqual(r.calls.map((c) => [c.file, c.cell, c.line, c.column]), [['n.ipynb', 1, 3, 1]]);
  });

  it('skips invalid notebook JSON with a reason', async () => {
    assert.equal((await detectCalls('n.ipynb', '{ "cells": [ openai')).skipped, 'notebook is not valid JSON');
  });
});

describe('prompt helpers', () => {
  it('finds placeholders in format, Jinja and template-literal styles', () => {
    assert.deepEqual(placeholdersIn('Hi {name}, {{ topic }} ${user.id} {name} {{ escaped'), ['name', 'topic', 'user.id']);
  });
  it('parses annotations and strips provider prefixes', () => {
    assert.equal(annotationFromLine('    # llm-cost: 5000/day output=400'), '5000/day output=400');
    assert.equal(annotationFromLine('x = 1  # llm-cost: 5'), null);
    assert.equal(stripProviderPrefix('openai:gpt-4o'), 'gpt-4o');
    assert.equal(stripProviderPrefix('llama3.1:8b'), 'llama3.1:8b'); // an Ollama tag, not a provider
  });
  it('decides API vs self-hosted from the base URL', () => {
    assert.equal(endpointFor({ t: 'str', text: 'https://api.groq.com/openai/v1' }, false, false).endpoint, 'api');
    assert.equal(endpointFor({ t: 'str', text: 'http://localhost:11434' }, false, false).endpoint, 'self-hosted');
    assert.equal(endpointFor({ t: 'env', name: 'X', def: null }, false, false).endpoint, 'self-hosted');
    assert.equal(endpointFor({ t: 'env', name: 'AZ', def: null }, false, true).endpoint, 'api');
    assert.equal(endpointFor(null, true, false).endpoint, 'self-hosted');
  });
});
