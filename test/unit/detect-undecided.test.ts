import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCalls, detectWithoutParsing } from '../../src/core/detect';

const PY = 'from openai import OpenAI\n\nclient = OpenAI()\n# openai is named here in a comment too\nr = client.chat.completions.create(model="gpt-4o-mini", messages=[])\n';
const TS = 'import OpenAI from "openai";\nconst client = new OpenAI();\nawait client.chat.completions.create({ model: "gpt-4o", messages: [] });\n';

test('undecided files carry the needle matches their checks found; the detection with them equals a full one', async () => {
  for (const [rel, text] of [['app/x.py', PY], ['app/x.ts', TS]] as const) {
    const verdict = detectWithoutParsing(rel, text);
    assert.ok('undecided' in verdict, rel);
    const matches = verdict.undecided.matches;
    assert.ok(matches && matches.length >= 2, `${rel}: the lexer's matches are handed on`);
    for (const [a, b] of matches) assert.match(text.slice(a, b), /openai|completions\.create/i);
    const full = await detectCalls(rel, text);
    const reused = await detectCalls(rel, text, undefined, { undecided: verdict.undecided });
    assert.deepEqual(reused, full, rel);
    assert.equal(full.calls.length, 1, rel);
  }
});

test('the matches handed on are what the detection reads (none: the file names no SDK in code)', async () => {
  const none = await detectCalls('app/x.py', PY, undefined, { undecided: { matches: [] } });
  assert.deepEqual(none.calls, []);
  // Without matches (a language whose checks stop before matching), the detection matches the needles itself.
  const own = await detectCalls('app/x.py', PY, undefined, { undecided: {} });
  assert.equal(own.calls.length, 1);
});

test('decided files: done, with the same result detectCalls gives', async () => {
  const comment = '# we used to call openai here\nx = 1\n';
  const verdict = detectWithoutParsing('app/old.py', comment);
  assert.ok('done' in verdict);
  assert.deepEqual(verdict.done, await detectCalls('app/old.py', comment));
  const notebook = detectWithoutParsing('nb.ipynb', JSON.stringify({ cells: [{ cell_type: 'code', source: [PY] }] }));
  assert.deepEqual(notebook, { undecided: {} }, 'a notebook is checked again on its extracted source');
});
