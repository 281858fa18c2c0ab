// Tokenizes with the same engine VS Code uses (vscode-textmate + oniguruma wasm), in plain Node,
// so the prompt-file grammar and the {{placeholder}} injection are checked without an editor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type * as Textmate from 'vscode-textmate';
import type * as Oniguruma from 'vscode-oniguruma';

const require = createRequire(join(process.cwd(), 'package.json'));
const tm = require('vscode-textmate') as typeof Textmate;
const onig = require('vscode-oniguruma') as typeof Oniguruma;

const PROMPT = 'source.llm-prompt';
const INJECTION = 'llm-prompt.placeholder.injection';
const INJECT_TO = ['source.python', 'source.ts', 'source.tsx', 'source.js', 'source.js.jsx'];
const OWN: Record<string, string> = {
  [PROMPT]: 'syntaxes/prompt.tmLanguage.json',
  [INJECTION]: 'syntaxes/placeholder-injection.tmLanguage.json',
};

let onigLib: Promise<Textmate.IOnigLib> | undefined;
function loadOnig(): Promise<Textmate.IOnigLib> {
  onigLib ??= onig.loadWASM(readFileSync('node_modules/vscode-oniguruma/release/onig.wasm').buffer as ArrayBuffer).then(() => ({
    createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
    createOnigString: (s: string) => new onig.OnigString(s),
  }));
  return onigLib;
}

/** A registry with our grammars plus `extra` (scope → grammar object or file path); injections as package.json's injectTo declares them. */
function registry(extra: Record<string, object | string> = {}): Textmate.Registry {
  return new tm.Registry({
    onigLib: loadOnig(),
    loadGrammar: async (scope) => {
      const source = OWN[scope] ?? extra[scope];
      if (source === undefined) return null;
      return typeof source === 'string'
        ? tm.parseRawGrammar(readFileSync(source, 'utf8'), source)
        : tm.parseRawGrammar(JSON.stringify(source), `${scope}.json`);
    },
    getInjections: (scope) => (INJECT_TO.includes(scope) ? [INJECTION] : undefined),
  });
}

interface Tok { line: number; text: string; scopes: string[] }

async function tokenize(reg: Textmate.Registry, scope: string, text: string): Promise<Tok[]> {
  const grammar = await reg.loadGrammar(scope);
  assert.ok(grammar, `grammar ${scope} loads`);
  const out: Tok[] = [];
  let state = tm.INITIAL;
  text.split('\n').forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    for (const t of r.tokens) out.push({ line: i + 1, text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
  });
  return out;
}

/** Scopes of the nth token whose text is exactly `text`. */
function scopesOf(toks: Tok[], text: string, nth = 0): string[] {
  const found = toks.filter((t) => t.text === text)[nth];
  assert.ok(found, `a token ${JSON.stringify(text)} (#${nth}) exists; tokens: ${JSON.stringify(toks.map((t) => t.text))}`);
  return found.scopes;
}

function has(scopes: string[], scope: string): boolean {
  return scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
}

/** Every placeholder name the grammar marked, with its line: what a reader would see highlighted. */
function placeholders(toks: Tok[]): string[] {
  return toks.filter((t) => t.scopes.includes('variable.other.placeholder.llm-prompt')).map((t) => `${t.line}:${t.text}`);
}

test('grammar files: scope names, and the injection targets string scopes only', () => {
  const prompt = JSON.parse(readFileSync(OWN[PROMPT], 'utf8'));
  const injection = JSON.parse(readFileSync(OWN[INJECTION], 'utf8'));
  assert.equal(prompt.scopeName, PROMPT);
  assert.equal(injection.scopeName, INJECTION);
  const selectors = String(injection.injectionSelector).split(',').map((s) => s.trim());
  assert.deepEqual(selectors.map((s) => s.split(/\s+/)[0]), ['L:string.quoted', 'L:string.template']);
});

test('examples/prompts/triage.prompty: front matter keys, roles, placeholders, a Jinja tag and a comment', async () => {
  const toks = await tokenize(registry(), PROMPT, readFileSync('examples/prompts/triage.prompty', 'utf8'));

  for (const key of ['name', 'model', 'requestsPerDay']) {
    const s = scopesOf(toks, key);
    assert.ok(has(s, 'meta.embedded.block.frontmatter') && s.includes('entity.name.tag.yaml'), `${key}: ${s.join(' ')}`);
  }
  assert.ok(has(scopesOf(toks, '20000'), 'constant.numeric'));
  assert.ok(has(scopesOf(toks, 'gpt-4o-mini'), 'string.unquoted'));
  assert.ok(has(scopesOf(toks, '#'), 'comment.line.number-sign.yaml'), 'a YAML comment in the front matter');
  assert.ok(scopesOf(toks, '---', 1).includes('punctuation.definition.front-matter.end.llm-prompt'));

  for (const role of ['system', 'user']) {
    const s = scopesOf(toks, role);
    assert.ok(s.includes('markup.heading.role.llm-prompt') && s.includes('entity.name.tag.role.llm-prompt'), `${role}: ${s.join(' ')}`);
    assert.ok(!has(s, 'meta.front-matter'), 'the body is outside the front matter');
  }

  assert.deepEqual(placeholders(toks), ['21:customer.plan', '25:customer.name', '29:ticket']);
  const open = toks.find((t) => t.line === 29 && t.text === '{{');
  const close = toks.find((t) => t.line === 29 && t.text === '}}');
  assert.ok(open?.scopes.includes('punctuation.definition.template-expression.begin.llm-prompt'));
  assert.ok(close?.scopes.includes('punctuation.definition.template-expression.end.llm-prompt'));

  assert.ok(scopesOf(toks, 'if').includes('keyword.control.llm-prompt'));
  assert.ok(scopesOf(toks, 'endif').includes('keyword.control.llm-prompt'));
  assert.ok(scopesOf(toks, '{#').includes('comment.block.llm-prompt'));
  const commentText = toks.find((t) => t.text.includes('Keep the label list'));
  assert.ok(commentText?.scopes.includes('comment.block.llm-prompt'));
});

test('other prompt styles: Dotprompt/Handlebars, XML role tags, Markdown role headings, {% raw %}', async () => {
  const text = [
    '---',
    'model: googleai/gemini-1.5-flash',
    'system: not a role in the front matter',
    '---',
    '{{!-- a Handlebars comment with {{braces}} --}}',
    '{{role "system"}}',
    'Reply to the user:',
    '{{#if topic}}About {{topic}}.{{else}}Pick one.{{/if}}',
    '{{#each items}}- {{this}} {{@index}}{{/each}}',
    '<user>',
    '{{ question | trim }} {{{ raw_html }}} {{- trimmed -}}',
    '</user>',
    '# assistant',
    '{% raw %}{{ literal }}{% endraw %}',
    '{% for t in tickets %}{{ t.body }}{% endfor %}',
  ].join('\n');
  const toks = await tokenize(registry(), PROMPT, text);

  const fmSystem = scopesOf(toks, 'system');
  assert.ok(fmSystem.includes('entity.name.tag.yaml') && !fmSystem.includes('entity.name.tag.role.llm-prompt'));
  assert.ok(scopesOf(toks, ' a Handlebars comment with {{braces}} ').includes('comment.block.llm-prompt'));
  assert.ok(scopesOf(toks, 'system', 1).includes('entity.name.tag.role.llm-prompt'), 'Dotprompt {{role "system"}}');
  assert.ok(!toks.some((t) => t.line === 7 && has(t.scopes, 'entity.name.tag.role')), 'a role word mid-line is not a header');
  assert.ok(scopesOf(toks, 'if').includes('keyword.control.llm-prompt'));
  assert.ok(scopesOf(toks, '/').includes('keyword.control.block.llm-prompt'));
  assert.ok(scopesOf(toks, 'else').includes('keyword.control.llm-prompt'));
  assert.ok(scopesOf(toks, 'this').includes('variable.language.llm-prompt'));
  assert.ok(scopesOf(toks, 'user').includes('entity.name.tag.role.llm-prompt'), '<user> tag');
  assert.ok(scopesOf(toks, 'assistant').includes('markup.heading.role.llm-prompt'), '# assistant');
  assert.ok(scopesOf(toks, 'trim').includes('support.function.filter.llm-prompt'));
  assert.ok(scopesOf(toks, '{{ literal }}').includes('markup.raw.llm-prompt'), 'nothing is a placeholder inside {% raw %}');
  assert.ok(scopesOf(toks, 't').includes('variable.other.llm-prompt'), 'loop variables in {% %} are variables, not inputs');
  assert.deepEqual(placeholders(toks), ['8:topic', '8:topic', '9:items', '11:question', '11:raw_html', '11:trimmed', '15:t.body']);
});

test('front matter ends at --- even when the embedded YAML grammar leaves a rule open', async () => {
  // A stand-in for source.yaml whose block scalar never ends: the front matter's begin/while rule must pop it.
  const greedyYaml = {
    scopeName: 'source.yaml',
    patterns: [{ begin: '\\|', end: '(?!)', name: 'string.unquoted.block.yaml' }],
  };
  const text = ['---', 'description: |', '  a long description', '---', 'user:', 'Hi {{name}}'].join('\n');
  const toks = await tokenize(registry({ 'source.yaml': greedyYaml }), PROMPT, text);
  assert.ok(scopesOf(toks, '  a long description').includes('string.unquoted.block.yaml'), 'the YAML grammar is used when present');
  assert.ok(scopesOf(toks, '---', 1).includes('punctuation.definition.front-matter.end.llm-prompt'));
  assert.ok(scopesOf(toks, 'user').includes('entity.name.tag.role.llm-prompt'));
  assert.deepEqual(placeholders(toks), ['6:name']);
});

test('a file without front matter: --- later on is not front matter', async () => {
  const toks = await tokenize(registry(), PROMPT, 'system:\nBe brief.\n---\nmodel: x\n{{q}}');
  assert.ok(!toks.some((t) => has(t.scopes, 'meta.front-matter')));
  assert.deepEqual(placeholders(toks), ['5:q']);
});

// Minimal host grammars whose scopes mimic the real ones (checked against VS Code's built-in grammars below):
// MagicPython names both quote kinds string.quoted.single.python, highlights str.format fields inside plain strings
// (so the injection must win the tie at `{{`: the L: prefix), and marks f-strings string.interpolated.python.
const fakePython = {
  scopeName: 'source.python',
  patterns: [
    { match: '#.*$', name: 'comment.line.number-sign.python' },
    { begin: '"""', end: '"""', name: 'string.quoted.docstring.multi.python' },
    {
      begin: 'f"', end: '"', name: 'meta.fstring.python string.interpolated.python string.quoted.single.python',
      patterns: [{ match: '\\{\\{|\\}\\}', name: 'constant.character.escape.python' }, { match: '\\{[^}]*\\}', name: 'constant.character.format.placeholder.other.python' }],
    },
    {
      begin: '"', end: '"', name: 'string.quoted.single.python',
      patterns: [{ match: '\\{\\{|\\}\\}|\\{[^{}]*\\}', name: 'constant.character.format.placeholder.other.python' }],
    },
    { match: '[{}]', name: 'punctuation.definition.dict.python' },
  ],
};
const fakeTs = {
  scopeName: 'source.ts',
  patterns: [
    { match: '//.*$', name: 'comment.line.double-slash.ts' },
    { begin: '"', end: '"', name: 'string.quoted.double.ts' },
    { begin: "'", end: "'", name: 'string.quoted.single.ts' },
    {
      begin: '`', end: '`', name: 'string.template.ts',
      patterns: [{ begin: '\\$\\{', end: '\\}', name: 'meta.template.expression.ts', patterns: [{ include: '$self' }, { match: '[{}]', name: 'punctuation.definition.block.ts' }] }],
    },
    { match: '[{}]', name: 'punctuation.definition.block.ts' },
  ],
};

const PY_SAMPLE = [
  'PROMPT = "Summarise {{ticket}} for {{ user.name }}: {lang} ${name} {{{raw}}} ${{ secrets.TOKEN }}"',
  'F = f"Hello {{name}} and {x}"',
  '"""Docstring about {{name}}."""',
  'x = {{name}}  # and {{in_comment}}',
  "y = \"{{ 9bad }} {{a-b}} {{done}}\"",
].join('\n');
const PY_EXPECTED = ['1:ticket', '1:user.name', '5:done'];

const TS_SAMPLE = [
  'const p = `Summarise {{ticket}} in ${lang} and ${ {{inner}} } {name}`;',
  "const q = 'hi {{ user.name }}'; // {{in_comment}}",
  'const r = "x {{name}} {name} ${name}"; const s = {{name}};',
].join('\n');
const TS_EXPECTED = ['1:ticket', '2:user.name', '3:name'];

test('injection: {{name}} inside Python strings only; not {name}, ${name}, {{{x}}}, ${{ }}, f-strings, docstrings, comments or code', async () => {
  const toks = await tokenize(registry({ 'source.python': fakePython }), 'source.python', PY_SAMPLE);
  assert.deepEqual(placeholders(toks), PY_EXPECTED);
  const s = scopesOf(toks, 'ticket');
  assert.ok(s.includes('string.quoted.single.python') && s.includes('meta.template.expression.llm-prompt'));
  assert.ok(scopesOf(toks, '{{').includes('punctuation.definition.template-expression.begin.llm-prompt'));
});

test('injection: {{name}} inside TypeScript strings and template literals, not inside ${…} or outside strings', async () => {
  const toks = await tokenize(registry({ 'source.ts': fakeTs }), 'source.ts', TS_SAMPLE);
  assert.deepEqual(placeholders(toks), TS_EXPECTED);
  assert.ok(scopesOf(toks, 'ticket').includes('string.template.ts'));
});

test('injection is not applied to grammars outside injectTo', async () => {
  const fakeGo = { ...fakeTs, scopeName: 'source.go' };
  const toks = await tokenize(registry({ 'source.go': fakeGo }), 'source.go', 'const r = "x {{name}}"');
  assert.deepEqual(placeholders(toks), []);
});

// VS Code's own grammars, when the e2e setup has cached code-server (test/e2e/setup.sh): the real string scopes.
function builtinExtensionsDir(): string | undefined {
  const tools = process.env.LLM_COST_LENS_TOOLS ?? join(homedir(), '.cache/llm-cost-lens-e2e');
  if (!existsSync(tools)) return undefined;
  const dirs = readdirSync(tools).filter((d) => d.startsWith('code-server-')).sort().reverse();
  return dirs.map((d) => join(tools, d, 'node_modules/code-server/lib/vscode/extensions')).find((d) => existsSync(join(d, 'python/syntaxes')));
}
const builtin = builtinExtensionsDir();
const skipBuiltin = builtin ? false : 'VS Code built-in grammars not cached (run test/e2e/setup.sh)';

test('with VS Code built-in grammars: the injection in Python, TS, TSX, JS, JSX strings', { skip: skipBuiltin }, async () => {
  const ext = builtin!;
  const reg = registry({
    'source.python': join(ext, 'python/syntaxes/MagicPython.tmLanguage.json'),
    'source.regexp.python': join(ext, 'python/syntaxes/MagicRegExp.tmLanguage.json'),
    'source.ts': join(ext, 'typescript-basics/syntaxes/TypeScript.tmLanguage.json'),
    'source.tsx': join(ext, 'typescript-basics/syntaxes/TypeScriptReact.tmLanguage.json'),
    'source.js': join(ext, 'javascript/syntaxes/JavaScript.tmLanguage.json'),
    'source.js.jsx': join(ext, 'javascript/syntaxes/JavaScriptReact.tmLanguage.json'),
  });
  assert.deepEqual(placeholders(await tokenize(reg, 'source.python', PY_SAMPLE)), PY_EXPECTED, 'python');
  for (const scope of ['source.ts', 'source.tsx', 'source.js', 'source.js.jsx']) {
    assert.deepEqual(placeholders(await tokenize(reg, scope, TS_SAMPLE)), TS_EXPECTED, scope);
  }
  const jsx = await tokenize(reg, 'source.tsx', 'const e = <div title="{{t}}">{{child}}</div>;');
  assert.deepEqual(placeholders(jsx), ['1:t'], 'a JSX attribute string yes, JSX children no');
});

test('with VS Code built-in grammars: the YAML grammar takes the front matter and hands back at ---', { skip: skipBuiltin }, async () => {
  const ext = builtin!;
  const yaml = Object.fromEntries(
    readdirSync(join(ext, 'yaml/syntaxes')).map((f) => {
      const path = join(ext, 'yaml/syntaxes', f);
      return [JSON.parse(readFileSync(path, 'utf8')).scopeName as string, path];
    }),
  );
  const toks = await tokenize(registry(yaml), PROMPT, readFileSync('examples/prompts/triage.prompty', 'utf8'));
  const model = scopesOf(toks, 'model');
  assert.ok(model.includes('entity.name.tag.yaml') && model.includes('meta.mapping.yaml'), `model: ${model.join(' ')}`);
  assert.ok(has(scopesOf(toks, '20000'), 'constant.numeric'));
  assert.ok(scopesOf(toks, 'system').includes('entity.name.tag.role.llm-prompt'));
  assert.deepEqual(placeholders(toks), ['21:customer.plan', '25:customer.name', '29:ticket']);
});
