// The candidate filters (detect/ts/candidates.ts, detect/py/candidates.ts) only skip work: detection with them must equal detection without
// them on every fixture, real-world file and example, and on look-alikes written to slip past a name-based filter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, languageForPath } from '../../src/core/detect/index';
import { getParser } from '../../src/core/detect/parser';
import { workspaceReader } from '../../src/core/scan/workspaceScanner';
import { REQUEST_NAMES, callsAndNews, candidateFilter, requestCandidates, usedUncalled as usedUncalledJs } from '../../src/core/detect/ts/candidates';
import { newFileCtx } from '../../src/core/detect/ts/context';
import { PY_REQUEST_NAMES, usedUncalled } from '../../src/core/detect/py/candidates';
import type { WorkspaceReader } from '../../src/core/detect/types';
import { PyFile } from '../../src/core/detect/py/file';
import { assignmentExpressions, type FileCtx } from '../../src/core/detect/ts/context';
import { extractNotebook } from '../../src/core/detect/notebook';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.((m|c)?[jt]sx?|py|ipynb)$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  walk(path.join(ROOT, 'examples'));
  return out.sort();
}

async function both(rel: string, text: string, root?: string | (() => WorkspaceReader)) {
  const reader = () => (typeof root === 'function' ? root() : root ? workspaceReader(root) : undefined);
  candidateFilter.enabled = false;
  try {
    const all = await detectCalls(rel, text, reader());
    candidateFilter.enabled = true;
    return { all, filtered: await detectCalls(rel, text, reader()) };
  } finally {
    candidateFilter.enabled = true;
  }
}

/** Requests reached without a table method name at the call: object-literal aliases, class fields, declared functions. */
const LOOK_ALIKES = `import OpenAI from 'openai';
const client = new OpenAI();
const api = { run: client.chat.completions.create };
api.run({ model: 'gpt-4o', messages: [] });
const holder = { ['go']: client.embeddings.create };
holder.go({ model: 'text-embedding-3-small', input: 'x' });
const late = {};
late.ask = client.responses.create;
late.ask({ model: 'gpt-4.1-mini', input: 'hi' });
class X {
  ask = client.chat.completions.create;
  go() { return this.ask({ model: 'gpt-4o-mini', messages: [] }); }
}
function complete(p) { return client.chat.completions.create(p); }
complete({ model: 'o3', messages: [] });
const quoted = { 'say': client.chat.completions.create };
quoted.say({ model: 'gpt-4.1', messages: [] });
String(1).trim();
logger.info('x');
const esc = { 'sh\\u006fut': client.chat.completions.create };
esc.shout({ model: 'gpt-4o', messages: [] });
`;

/** Without any string escape in the file, so the word scan is used: a name with a non-ASCII letter. */
const UNICODE_NAME = `import OpenAI from 'openai';
const client = new OpenAI();
const café = client.chat.completions.create;
café({ model: 'gpt-4o', messages: [] });
`;

describe('TS candidate filter', () => {
  it('takes every method, function and client name of the SDK table', () => {
    for (const n of ['create', 'generateText', 'invoke', 'stream', 'send', 'runTools', 'ChatOpenAI', 'fetch', 'post']) assert.ok(REQUEST_NAMES.has(n), n);
    assert.ok(!REQUEST_NAMES.has('push') && !REQUEST_NAMES.has('info'));
  });

  it('lists calls, constructors and assignments in the order descendantsOfType does', async () => {
    for (const f of sourceFiles().filter((p) => /[jt]sx?$/.test(p))) {
      const grammar = /\.tsx$/.test(f) ? 'tsx' : /\.(m|c)?ts$/.test(f) ? 'typescript' : 'javascript';
      const tree = (await getParser(grammar)).parse(fs.readFileSync(f, 'utf8'))!;
      try {
        const { calls, news, assigns } = callsAndNews(tree.rootNode);
        assert.deepEqual(calls.map((n) => n.id), tree.rootNode.descendantsOfType('call_expression').map((n) => n.id), f);
        assert.deepEqual(news.map((n) => n.id), tree.rootNode.descendantsOfType('new_expression').map((n) => n.id), f);
        assert.deepEqual(assigns.map((n) => n.id), tree.rootNode.descendantsOfType('assignment_expression').map((n) => n.id), f);
        const sibling = { root: tree.rootNode, assignmentNodes: null } as unknown as FileCtx;
        assert.deepEqual(assignmentExpressions(sibling).map((n) => n.id), assigns.map((n) => n.id), f);
      } finally {
        tree.delete();
      }
    }
  });

  it('decides from the text of a call as from its callee', async () => {
    const tricky = [
      'a.b(x).c(y);\nf(x)(y);\n(g)(1);\nh . i (2);\nj /* c */ .k(3);\ncafé(4);\nx[0](5);\n"s".concat(z);\nfoo<T>(1);\na?.b(2);\na!.b(3);\nl.\n  m(6);\ntag`x`;\nq.r`y`;\n',
      'class A extends B { constructor() { super(1); super.x(2); this.y(3); this.z.w(4); } m() { return new.target; } }\n',
      '!function () { return 1; }();\nimport("x").then(f);\nconst o = { run() { return 1; } };\no.run();\nfunction fn() {}\nfn();\nasync(1);\n',
      'a.if(1) b c(;\n',
    ];
    let decided = 0;
    for (const f of [...tricky.map((t, i) => `tricky${i}.ts\u0000${t}`), ...sourceFiles().filter((p) => /[jt]sx?$/.test(p))]) {
      const [name, text] = f.includes('\u0000') ? f.split('\u0000') as [string, string] : [f, fs.readFileSync(f, 'utf8')];
      const grammar = /\.tsx$/.test(name) ? 'tsx' : /\.(m|c)?ts$/.test(name) ? 'typescript' : 'javascript';
      const tree = (await getParser(grammar)).parse(text)!;
      try {
        const fc = newFileCtx({ parseSibling: () => null, checkBudget: () => {}, files: new Map() }, name, text, tree.rootNode);
        const { calls } = callsAndNews(tree.rootNode);
        const c = requestCandidates(fc, calls);
        for (const call of calls) {
          const fromText = c.byText(call);
          if (fromText === undefined) continue;
          const callee = call.childForFieldName('function')!;
          assert.ok(callee.type !== 'import' && callee.type !== 'super', `${call.text} in ${name}`);
          assert.equal(fromText, c.byCallee(callee), `${call.text} in ${name}`);
          decided++;
        }
      } finally {
        tree.delete();
      }
    }
    assert.ok(decided > 300, `${decided} calls decided from the text`);
  });

  it('finds the words the text uses other than as a call, as one regex pass does', () => {
    const spec = (text: string) => {
      const out = new Set<string>();
      for (const m of text.matchAll(/(?<![\w$])[A-Za-z_$][\w$]*(?![\w$])(?!\s*\()/g)) out.add(m[0]);
      for (const m of text.matchAll(/(?<![\w$])function\s*\*?\s*([A-Za-z_$][\w$]*)/g)) out.add(m[1]!);
      return out;
    };
    const odd = 'function  *\n gen() {}\nfunctionfoo(1);\nfunction$x(2);\nx.y (3);\n$a$($b);\na1(b1);\n';
    for (const text of [odd, LOOK_ALIKES, ...sourceFiles().filter((p) => /[jt]sx?$/.test(p)).map((p) => fs.readFileSync(p, 'utf8'))]) {
      const words = spec(text);
      for (const w of new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? [])) assert.equal(usedUncalledJs(text, w), words.has(w), `${w} in ${text.slice(0, 40)}`);
    }
  });

  it('detects the look-alikes exactly as without the filter, and finds them', async () => {
    const { all, filtered } = await both('look.ts', LOOK_ALIKES);
    assert.deepEqual(filtered, all);
    assert.deepEqual(filtered.calls.map((c) => c.line), [4, 6, 9, 12, 14, 17, 21]);
  });

  it('keeps a call of a name the word scan cannot see', async () => {
    const { all, filtered } = await both('unicode.ts', UNICODE_NAME);
    assert.deepEqual(filtered, all);
    assert.deepEqual(filtered.calls.map((c) => c.line), [4]);
  });

  it('changes no detection on the fixtures, real-world files and examples', async () => {
    let files = 0;
    for (const f of sourceFiles()) {
      if (!languageForPath(f)) continue;
      const rel = path.relative(ROOT, f);
      const root = rel.split(path.sep).slice(0, rel.startsWith('examples') ? 2 : 3).join('/');
      const text = fs.readFileSync(f, 'utf8');
      const withWs = await both(path.relative(root, rel), text, path.join(ROOT, root));
      assert.deepEqual(withWs.filtered, withWs.all, rel);
      const alone = await both(path.relative(root, rel), text);
      assert.deepEqual(alone.filtered, alone.all, `${rel} (no workspace)`);
      files++;
    }
    assert.ok(files > 100, `${files} files`);
  });
});

/** Python requests reached without a table name at the call (class and instance attributes, a property, dict keys), an unused model. */
const PY_LOOK_ALIKES = `import logging
import langchain_openai
from openai import OpenAI

client = OpenAI()
logger = logging.getLogger(__name__)


class Holder:
    ask = client.chat.completions.create

    def __init__(self):
        self.speak = client.responses.create

    @property
    def talk(self):
        return client.chat.completions.create

    def go(self):
        self.speak(model="gpt-4.1-mini", input="hi")
        return self.talk(model="gpt-4o", messages=[])


Holder.ask(model="gpt-4o-mini", messages=[])
Holder().talk(model="o3", messages=[])
d = dict(embed=client.embeddings.create)
d.embed(model="text-embedding-3-small", input="x")
later = {}
later["send_it"] = client.chat.completions.create
later.send_it(model="gpt-4.1", messages=[])
reply = client.chat.completions.create
reply(model="gpt-4o", messages=[])
str(1).strip()
logger.info("x")
sum([1, 2])
langchain_openai.ChatOpenAI(model="gpt-4o-mini")
`;

/** A dict key the source never spells as the word that is called: each makes every attribute name a possible key. */
const PY_COMPUTED_KEYS: [string, string][] = [
  ['a constant name', 'K = "sh" "out"\nholder = {K: client.chat.completions.create}\nholder.shout(model="gpt-4o", messages=[])\n'],
  ['implicit concatenation', 'holder = {"sh" "out": client.chat.completions.create}\nholder.shout(model="gpt-4o", messages=[])\n'],
  ['a concatenation', 'holder = {"sh" + "out": client.chat.completions.create}\nholder.shout(model="gpt-4o", messages=[])\n'],
  ['an escape', 'holder = {"sh\\x6fut": client.chat.completions.create}\nholder.shout(model="gpt-4o", messages=[])\n'],
  ['an f-string', 'N = "sh"\nholder = {f"{N}out": client.chat.completions.create}\nholder.shout(model="gpt-4o", messages=[])\n'],
];

/** `tools` comes from another workspace file whose class gives it `shout`: the word is nowhere in main.py. */
const PY_CROSS_FILE: Record<string, string> = {
  'helpers.py': 'from openai import OpenAI\n\nclient = OpenAI()\n\n\nclass Tools:\n    shout = client.chat.completions.create\n\n\ntools = Tools()\n',
  'main.py': 'import openai\nfrom helpers import tools\n\ntools.shout(model="gpt-4o", messages=[])\n',
};
/** What a Python file binds, by scope: names, `self.x` attributes, module `X.attr` assignments, calls. */
function bound(f: PyFile): unknown[] {
  const b = (x: { pos: number; kind: string; node: { id: number }; extra?: string }) => [x.pos, x.kind, x.node.id, x.extra];
  const out: unknown[] = [];
  for (const [id, scope] of f.scopes) for (const [name, list] of scope.bindings) out.push([id, name, list.map(b)]);
  for (const [id, attrs] of f.selfAttrs) for (const [name, list] of attrs) out.push([id, 'self', name, list.map(b)]);
  for (const [key, node] of f.moduleAttrs) out.push(['module', key, node.id]);
  out.push(f.calls.map((c) => c.id));
  return out;
}

const memoryReader = (files: Record<string, string>) => (): WorkspaceReader => ({ readFile: (p) => files[p] ?? null, exists: (p) => p in files });

describe('Python candidate filter', () => {
  it('takes every method, function and client name of the SDK table', () => {
    for (const n of ['create', 'completion', 'chat', 'invoke', 'kickoff', 'run', 'ChatOpenAI', 'post', 'with_options', 'to_thread', '__call__', 'content']) assert.ok(PY_REQUEST_NAMES.has(n), n);
    assert.ok(!PY_REQUEST_NAMES.has('append') && !PY_REQUEST_NAMES.has('info') && !PY_REQUEST_NAMES.has('strip'));
  });

  it('tells a word used as a name or key from a word that is only called', () => {
    for (const t of ['ask = 1', 'x.ask = 1', 'f(ask=1)', '{"ask": 1}', 'def ask(self):', 'async def  ask (x):', 'class ask(Base):', 'y = x.ask', 'def \\\n ask(x):']) assert.ok(usedUncalled(t, 'ask'), t);
    for (const t of ['x.ask(1)', 'ask (1)', 'task = 1', 'asked = 1', 'x.ask\n(1)', 'undef ask(1)']) assert.ok(!usedUncalled(t, 'ask'), t);
  });

  it('reads callees and bound names from the text as the tree has them', async () => {
    const parser = await getParser('python');
    const tricky = [
      'a.b(x).c(y)\nf(x)(y)\n(g)(1)\nh . i (2)\n(j  # c\n .k(3))\ncafé(4)\n1 .real.conjugate()\nx[0](5)\n"s".join(z)\nl.\\\n  m(6)\n',
      'café = 1\nx.y.z = 2\nself.a: int = 3\nX . attr = 5\nd["k"] = 1\na, b = 1, 2\nv: int\nw = u = 4\nx == 1\nlambda q: q\n',
      'class K:\n  b: str\n  def m(self):\n    self.c = 1\n    cls.d = 2\n    self.e: int\n  async  def  g (x): pass\nclass L(K): pass\nclass M : pass\ndef café(): pass\nclass Café: pass\n',
      'def h[T](y): pass\nclass N[T]: pass\n',
      'def p(a, b: int, c=1, d: str = "x", *args, e, **kw): pass\ndef q(café, /, g, *, h): pass\nlambda i, j=2: i\ndef r(\n  k,  # c\n  l\n): pass\n',
      // syntax errors: `a.if(1)` parses as a call of `a`, not as the text reads
      'a.if(1)\nb.lambda(2)\nc.d(3)\nx.def = 1\n',
    ];
    let calls = 0;
    let names = 0;
    for (const source of [...tricky, PY_LOOK_ALIKES, ...sourceFiles().filter((p) => /\.(py|ipynb)$/.test(p)).map((p) => fs.readFileSync(p, 'utf8'))]) {
      const text = source.trimStart().startsWith('{') ? extractNotebook(source).source : source;
      const tree = parser.parse(text)!;
      try {
        const ctx = { relPath: 'x.py', text, language: 'python', tree, parseSibling: () => null, checkBudget: () => {} };
        const f = new PyFile('x.py', tree.rootNode, { files: new Map(), ctx, depth: 0 }, 0);
        // an imported file's text is not kept: it is read from its tree only
        const fromTree = new PyFile('x.py', tree.rootNode, { files: new Map(), ctx, depth: 0 }, 1);
        for (const call of f.calls) {
          const fn = call.childForFieldName('function')!;
          const name = fn.type === 'identifier' ? fn.text : fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
          assert.deepEqual(f.calledName(call), { type: fn.type, name }, `${call.text} in ${text.slice(0, 40)}`);
          calls++;
        }
        assert.deepEqual(bound(f), bound(fromTree), text.slice(0, 60));
        names += bound(f).length;
      } finally {
        tree.delete();
      }
    }
    assert.ok(calls > 500 && names > 500, `${calls} calls, ${names} names`);
  });

  it('detects the look-alikes exactly as without the filter, and finds them', async () => {
    const { all, filtered } = await both('look.py', PY_LOOK_ALIKES);
    assert.deepEqual(filtered, all);
    assert.deepEqual(filtered.calls.map((c) => c.line), [20, 21, 24, 25, 27, 30, 32, 36]);
  });

  for (const [what, body] of PY_COMPUTED_KEYS) {
    it(`finds a request under a dict key spelled by ${what}`, async () => {
      const { all, filtered } = await both('keys.py', `from openai import OpenAI\n\nclient = OpenAI()\n${body}`);
      assert.deepEqual(filtered, all);
      assert.deepEqual(filtered.calls.map((c) => c.model), ['gpt-4o']);
    });
  }

  it('keeps an attribute of an object imported from another workspace file', async () => {
    const { all, filtered } = await both('main.py', PY_CROSS_FILE['main.py']!, memoryReader(PY_CROSS_FILE));
    assert.deepEqual(filtered, all);
    assert.deepEqual(filtered.calls.map((c) => `${c.line}:${c.model}`), ['4:gpt-4o']);
  });
});
