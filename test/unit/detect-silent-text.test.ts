// The parse-free check (detect/silentText.ts) may only say "SDK names only in comments" when the syntax tree agrees
// (detect/evidence.ts): checked on every source file of the repository's fixtures and examples, on each of them
// with its needles moved into comments, and on hand-made traps (URLs in strings, nested f-strings and templates,
// regular expressions holding quotes, JSX, bare strings that are not statements).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getParser } from '../../src/core/detect/parser';
import { namesSdkInCode, needleMatches } from '../../src/core/detect/evidence';
import { sdkNamesOnlyInComments } from '../../src/core/detect/silentText';
import { prefilterNeedles } from '../../src/core/detect/index';

const NEEDLES = new RegExp(prefilterNeedles().map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
const LANG: Record<string, [language: string, grammar: string]> = {
  '.py': ['python', 'python'], '.ts': ['typescript', 'typescript'], '.tsx': ['tsx', 'tsx'], '.js': ['javascript', 'javascript'], '.jsx': ['javascript', 'javascript'], '.mjs': ['javascript', 'javascript'],
};

async function treeSaysSilent(text: string, ext: string): Promise<boolean> {
  const [language, grammar] = LANG[ext]!;
  const tree = (await getParser(grammar)).parse(text)!;
  try {
    return !namesSdkInCode(tree.rootNode, language, needleMatches(text, NEEDLES));
  } finally {
    tree.delete();
  }
}
const lexerSaysSilent = (text: string, ext: string) => sdkNamesOnlyInComments(text, LANG[ext]![0], () => needleMatches(text, NEEDLES));

function sources(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (LANG[path.extname(e.name)]) out.push(p);
  }
  return out;
}

/** The file with every line that names an SDK turned into a comment (what a file of prose about SDKs looks like). */
function commentedOut(text: string, ext: string): string {
  const mark = ext === '.py' ? '# ' : '// ';
  return text.split('\n').map((line) => (NEEDLES.lastIndex = 0, NEEDLES.test(line) ? `${mark}${line}` : line)).join('\n');
}

test('on every fixture and example, and on each with its SDK lines commented out, the lexer never contradicts the tree', async () => {
  const files = [...sources('test/fixtures'), ...sources('examples')];
  assert.ok(files.length >= 150, `${files.length} files`);
  let claimed = 0, checked = 0;
  for (const file of files) {
    const ext = path.extname(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const variant of [text, commentedOut(text, ext)]) {
      checked++;
      if (!lexerSaysSilent(variant, ext)) continue;
      claimed++;
      assert.ok(await treeSaysSilent(variant, ext), `${file}: the lexer says comments only, the tree does not`);
    }
  }
  console.log(`lexer: ${claimed} of ${checked} variants claimed comment-only, all confirmed by the tree`);
  // the check must be doing something: most commented-out variants are claimed
  assert.ok(claimed > files.length / 3, `claimed ${claimed} of ${checked}`);
});

test('traps: names in strings, templates, f-strings and regexes count; JSX and broken files are left to the parser', async () => {
  const cases: [text: string, ext: string, silent: boolean][] = [
    ['# Calls OpenAI.\nimport requests\nrequests.post("https://api.openai.com/v1/chat/completions")\n', '.py', false],
    ['# Calls OpenAI.\nx = 1  # together\n\n\ndef f():\n    """Group the rows together."""\n    return 2\n', '.py', true],
    ['"""Docs: openai."""\nPROMPT = """\n# Role\nYou use openai tools.\n"""\n', '.py', false],
    ['X = """cohere""".upper()\n', '.py', false],
    ['def f():\n    return ("""\n    together\n    """)\n', '.py', false],
    ['x = f"{d["openai"]}"  # together\n', '.py', false],
    ['x = f"{d[\'k\']:>{w}} # openai"\n', '.py', false],
    ['x = f"{{literal}} {y}" # openai mention\n', '.py', true],
    ['s = r"\\"" # openai\n', '.py', true],
    ['s = "unterminated # openai\n', '.py', false],
    ['// Uses OpenAI.\nconst url = "https://api.openai.com/v1/chat/completions";\nfetch(url);\n', '.ts', false],
    ['/* anthropic */\nconst re = /"\'`/g; // together\nconst n = a / b / c; // cohere\n', '.ts', true],
    ['const t = `${x /* openai */}` + `// together ${`nested ${y}`}`;\n', '.ts', false],
    ['const t = `a ${ {k: 1}.k } b`; // together\n', '.ts', true],
    ['// together\nconst el = <p>Don\'t</p>;\nopenai();\n', '.tsx', false],
    ['// together\nconst view = () => <p>hi</p>;\n', '.tsx', false],
    ['if (x) return /openai/.test(s);\n', '.js', false],
    ['const x = y.z; // mistral breeze\n', '.js', true],
  ];
  for (const [text, ext, silent] of cases) {
    assert.equal(lexerSaysSilent(text, ext), silent, JSON.stringify(text));
    if (silent) assert.ok(await treeSaysSilent(text, ext), `the tree disagrees: ${JSON.stringify(text)}`);
  }
});
