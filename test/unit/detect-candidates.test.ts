// The candidate filters (detect/ts/candidates.ts) only skip work: detection with them must equal detection without
// them on every fixture, real-world file and example, and on look-alikes written to slip past a name-based filter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectCalls, languageForPath } from '../../src/core/detect/index';
import { getParser } from '../../src/core/detect/parser';
import { workspaceReader } from '../../src/core/scan/workspaceScanner';
import { REQUEST_NAMES, callsAndNews, candidateFilter } from '../../src/core/detect/ts/candidates';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(m|c)?[jt]sx?$/.test(e.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, 'test', 'fixtures'));
  walk(path.join(ROOT, 'examples'));
  return out.sort();
}

async function both(rel: string, text: string, root?: string) {
  const ws = root ? workspaceReader(root) : undefined;
  candidateFilter.enabled = false;
  try {
    const all = await detectCalls(rel, text, ws);
    candidateFilter.enabled = true;
    return { all, filtered: await detectCalls(rel, text, root ? workspaceReader(root) : undefined) };
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

  it('lists calls and constructors in the order descendantsOfType does', async () => {
    for (const f of sourceFiles()) {
      const grammar = /\.tsx$/.test(f) ? 'tsx' : /\.(m|c)?ts$/.test(f) ? 'typescript' : 'javascript';
      const tree = (await getParser(grammar)).parse(fs.readFileSync(f, 'utf8'))!;
      try {
        const { calls, news } = callsAndNews(tree.rootNode);
        assert.deepEqual(calls.map((n) => n.id), tree.rootNode.descendantsOfType('call_expression').map((n) => n.id), f);
        assert.deepEqual(news.map((n) => n.id), tree.rootNode.descendantsOfType('new_expression').map((n) => n.id), f);
      } finally {
        tree.delete();
      }
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
    assert.ok(files > 40, `${files} files`);
  });
});
