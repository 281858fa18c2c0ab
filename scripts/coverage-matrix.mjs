// Coverage matrix of the detection fixtures: SDK × language × call shape, with the count of positives (expected
// call sites) and look-alike negatives in each cell, generated from every test/fixtures/*/expected.json.
//
//   node scripts/coverage-matrix.mjs           writes test/fixtures/COVERAGE.md
//   node scripts/coverage-matrix.mjs --stdout  prints the markdown instead
//   node scripts/coverage-matrix.mjs --json    prints the cells and the gaps (used by test/unit/coverage-matrix.test.ts)
//
// expected.json: { "<file relative to its fixture folder>": { "negatives": [...], "calls": [{ "sdk", "shape", ... }] } }.
// A positive is one expected call: its cell is (call.sdk, language of the file, call.shape).
// A negative is a look-alike tag ("negative:mock") of a file. Tags carry no SDK, so a negative counts for every SDK the
// file imports (import/require of the SDK's packages) or calls in its positives, and for `http` when the file sends
// HTTP requests (fetch, axios, requests, httpx, aiohttp). A negative written as an object
// { "shape": "negative:…", "sdk": "openai" } counts for that SDK only.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const OUT = join(FIXTURES, 'COVERAGE.md');

export const SDKS = ['openai', 'anthropic', 'google', 'bedrock', 'litellm', 'langchain', 'vercel-ai', 'ollama', 'mistral', 'cohere', 'groq', 'together', 'voyage', 'zhipuai', 'http',
  'openai-agents', 'pydantic-ai', 'llamaindex', 'crewai', 'dspy', 'haystack', 'mastra', 'azure-ai-inference', 'azure-ai-agents', 'azure-openai', 'huggingface',
  // Go, Java, C#, Ruby frameworks (detect/java, detect/csharp, detect/ruby)
  'spring-ai', 'semantic-kernel', 'ruby-llm'];
export const LANGUAGES = ['python', 'typescript', 'javascript', 'notebook', 'go', 'java', 'csharp', 'ruby'];

/** Imported module name → SDK (the module name or its first dotted/slashed segments). */
const MODULE_SDK = [
  [/^openai($|[./])/, 'openai'],
  [/^@azure\/openai($|\/)/, 'azure-openai'],
  [/^azure\.ai\.inference($|\.)|^@azure-rest\/ai-inference($|\/)/, 'azure-ai-inference'],
  [/^azure\.ai\.(agents|projects)($|\.)/, 'azure-ai-agents'],
  [/^anthropic($|\.)|^@anthropic-ai\/(sdk|bedrock-sdk|vertex-sdk)($|\/)/, 'anthropic'],
  [/^google\.(genai|generativeai)($|\.)|^vertexai($|\.)|^@google\/(genai|generative-ai)($|\/)|^@google-cloud\/vertexai($|\/)/, 'google'],
  [/^boto3($|\.)|^aiobotocore($|\.)|^@aws-sdk\/client-bedrock/, 'bedrock'],
  [/^litellm($|\.)/, 'litellm'],
  [/^langchain($|[._-])|^@langchain\//, 'langchain'],
  [/^ai$|^@ai-sdk\//, 'vercel-ai'],
  [/^ollama($|[./])/, 'ollama'],
  [/^mistralai($|\.)|^@mistralai\//, 'mistral'],
  [/^cohere($|[.-])|^cohere-ai$/, 'cohere'],
  [/^groq($|\.)|^groq-sdk$/, 'groq'],
  [/^together($|\.)|^together-ai$/, 'together'],
  [/^voyageai($|\.)/, 'voyage'],
  [/^zhipuai($|\.)|^zai($|\.)/, 'zhipuai'],
  [/^huggingface_hub($|\.)|^@huggingface\/inference($|\/)/, 'huggingface'],
  [/^(requests|httpx|aiohttp|urllib3?|axios|node-fetch|undici|got)($|[./])/, 'http'],
  [/^agents($|\.)|^@openai\/agents/, 'openai-agents'],
  [/^pydantic_ai($|\.)/, 'pydantic-ai'],
  [/^llama_index($|\.)/, 'llamaindex'],
  [/^crewai($|\.)/, 'crewai'],
  [/^dspy($|\.)/, 'dspy'],
  [/^haystack($|\.)|^haystack_integrations($|\.)/, 'haystack'],
  [/^@mastra\//, 'mastra'],
];

/** Go import paths, Java packages, C# namespaces, Ruby gems → SDK. */
const LANG_MODULE_SDK = [
  [/sashabaranov\/go-openai|openai\/openai-go|^com\.openai\b|^OpenAI\b|^Azure\.AI\.OpenAI\b|^openai$/, 'openai'],
  [/anthropic-sdk-go|^com\.anthropic\b|^Anthropic\b|^anthropic$/, 'anthropic'],
  [/google\.golang\.org\/genai/, 'google'],
  [/tmc\/langchaingo|^dev\.langchain4j\b/, 'langchain'],
  [/^org\.springframework\.ai\b/, 'spring-ai'],
  [/^Microsoft\.SemanticKernel\b/, 'semantic-kernel'],
  [/^ruby_llm$/, 'ruby-llm'],
];

function languageOf(file) {
  const ext = extname(file).toLowerCase();
  if (ext === '.py') return 'python';
  if (['.ts', '.tsx', '.mts', '.cts'].includes(ext)) return 'typescript';
  if (['.js', '.jsx', '.mjs', '.cjs'].includes(ext)) return 'javascript';
  if (ext === '.ipynb') return 'notebook';
  if (ext === '.go') return 'go';
  if (ext === '.java') return 'java';
  if (ext === '.cs') return 'csharp';
  if (ext === '.rb') return 'ruby';
  return null;
}

function codeOf(path) {
  if (!existsSync(path)) return '';
  const text = readFileSync(path, 'utf8');
  if (extname(path).toLowerCase() !== '.ipynb') return text;
  try {
    const nb = JSON.parse(text);
    return (nb.cells ?? []).filter((c) => c.cell_type === 'code').map((c) => (Array.isArray(c.source) ? c.source.join('') : String(c.source ?? ''))).join('\n');
  } catch {
    return text;
  }
}

/** SDKs a file imports (Python import/from, JS import/require/dynamic import), plus `http` for fetch(). */
export function sdksMentioned(code) {
  const modules = [
    ...[...code.matchAll(/^\s*from\s+([\w.]+)\s+import\b/gm)].map((m) => m[1]),
    ...[...code.matchAll(/^\s*import\s+([\w.]+(?:\s*,\s*[\w.]+)*)/gm)].flatMap((m) => m[1].split(',').map((s) => s.trim())),
    ...[...code.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]),
  ];
  // Go import paths, Java `import`, C# `using`, Ruby `require`: the SDK named by the path (LANG_MODULE_SDK)
  for (const m of code.matchAll(/^\s*(?:import\s+(?:static\s+)?([\w.]+)|using\s+([\w.]+)\s*;|require\s+['"]([^'"]+)['"])|^\s*(?:import\s+)?(?:\w+\s+)?"([\w./-]+)"\s*$/gm)) modules.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  const out = new Set();
  for (const mod of modules) for (const [re, sdk] of LANG_MODULE_SDK) if (re.test(mod)) out.add(sdk);
  for (const mod of modules) for (const [re, sdk] of MODULE_SDK) if (re.test(mod)) out.add(sdk);
  if (/(^|[^\w.])fetch\s*\(/.test(code)) out.add('http');
  return out;
}

/** Everything the matrix shows, from the expected.json files. */
export function collect() {
  const dirs = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'expected.json'))).map((d) => d.name).sort();
  /** key `sdk|language|shape` → { positives, negatives } */
  const cells = new Map();
  const bump = (sdk, language, shape, field, files) => {
    const key = `${sdk}|${language}|${shape}`;
    const cell = cells.get(key) ?? { sdk, language, shape, positives: 0, negatives: 0, files: [] };
    cell[field]++;
    if (!cell.files.includes(files)) cell.files.push(files);
    cells.set(key, cell);
  };
  let fileCount = 0;
  const unattributed = [];
  for (const dir of dirs) {
    const expected = JSON.parse(readFileSync(join(FIXTURES, dir, 'expected.json'), 'utf8'));
    for (const [file, spec] of Object.entries(expected)) {
      const language = languageOf(file);
      if (!language) throw new Error(`${dir}/expected.json: ${file}: unknown language`);
      fileCount++;
      const rel = `${dir}/${file}`;
      const calls = spec.calls ?? [];
      for (const c of calls) {
        if (!SDKS.includes(c.sdk)) throw new Error(`${rel}: unknown sdk ${c.sdk}`);
        bump(c.sdk, language, c.shape ?? '(untagged)', 'positives', rel);
      }
      const fileSdks = sdksMentioned(codeOf(join(FIXTURES, dir, file)));
      for (const c of calls) fileSdks.add(c.sdk);
      for (const n of spec.negatives ?? []) {
        const tag = typeof n === 'string' ? n : n.shape;
        const targets = typeof n === 'object' && n.sdk ? [n.sdk] : [...fileSdks];
        if (targets.length === 0) unattributed.push({ file: rel, shape: tag });
        for (const sdk of targets) bump(sdk, language, tag, 'negatives', rel);
      }
    }
  }
  const list = [...cells.values()].sort((a, b) => SDKS.indexOf(a.sdk) - SDKS.indexOf(b.sdk) || LANGUAGES.indexOf(a.language) - LANGUAGES.indexOf(b.language)
    || Number(a.shape.startsWith('negative:')) - Number(b.shape.startsWith('negative:')) || a.shape.localeCompare(b.shape));
  for (const c of list) c.files.sort();
  /** (sdk, language) summary */
  const summary = [];
  for (const sdk of SDKS) for (const language of LANGUAGES) {
    const mine = list.filter((c) => c.sdk === sdk && c.language === language);
    if (mine.length === 0) continue;
    summary.push({ sdk, language, positives: mine.reduce((s, c) => s + c.positives, 0), negatives: mine.reduce((s, c) => s + c.negatives, 0),
      positiveShapes: mine.filter((c) => c.positives > 0).length, negativeShapes: mine.filter((c) => c.negatives > 0).length });
  }
  // A claimed cell is one with a positive; a gap is a claimed cell with no look-alike negative. Cells with negatives
  // only (look-alikes of an SDK not claimed for that language) are shown but are not gaps.
  const gaps = summary.filter((s) => s.positives > 0 && s.negatives === 0).map((s) => ({ sdk: s.sdk, language: s.language }));
  return { dirs, fileCount, cells: list, summary, gaps, unattributed };
}

export function render(model) {
  const { dirs, fileCount, cells, summary, gaps, unattributed } = model;
  const L = [];
  L.push('# Detection fixture coverage');
  L.push('');
  L.push('<!-- Generated by `node scripts/coverage-matrix.mjs` from test/fixtures/*/expected.json; do not edit by hand.');
  L.push('     test/unit/coverage-matrix.test.ts fails when this file is out of date. -->');
  L.push('');
  L.push(`From ${fileCount} fixture files in ${dirs.map((d) => `\`${d}/\``).join(', ')}. A cell reads **positives / look-alike negatives**:`);
  L.push('positives are expected call sites; negatives are look-alike tags (`negative:*`) of files that import the SDK');
  L.push('(or call it in their positives; `http` for files that send HTTP requests), since a tag names no SDK itself.');
  L.push('');
  L.push('## SDK × language');
  L.push('');
  L.push(`| SDK | ${LANGUAGES.join(' | ')} |`);
  L.push(`|---|${LANGUAGES.map(() => '---:').join('|')}|`);
  for (const sdk of SDKS) {
    const row = LANGUAGES.map((language) => {
      const s = summary.find((x) => x.sdk === sdk && x.language === language);
      return s ? `${s.positives} / ${s.negatives}${s.positives > 0 && s.negatives === 0 ? ' ⚠' : ''}` : '—';
    });
    L.push(`| ${sdk} | ${row.join(' | ')} |`);
  }
  L.push('');
  L.push('⚠ marks a claimed cell without a look-alike negative; — marks an SDK with no fixture in that language;');
  L.push('0 / n is a cell with look-alikes only (the SDK is not claimed for that language).');
  L.push('');
  L.push('## Gaps');
  L.push('');
  if (gaps.length === 0) L.push('None: every claimed (SDK, language) cell has at least one positive and one look-alike negative.');
  else for (const g of gaps) L.push(`- ${g.sdk} × ${g.language}: no look-alike negative`);
  if (unattributed.length) {
    L.push('');
    L.push('Negatives in files that import no SDK (counted in no cell):');
    L.push('');
    for (const u of unattributed) L.push(`- \`${u.file}\`: ${u.shape}`);
  }
  L.push('');
  L.push('## SDK × language × call shape');
  L.push('');
  L.push('| SDK | language | shape | positives | negatives | fixture files |');
  L.push('|---|---|---|---:|---:|---|');
  for (const c of cells) L.push(`| ${c.sdk} | ${c.language} | ${c.shape} | ${c.positives} | ${c.negatives} | ${c.files.map((f) => `\`${f}\``).join(' ')} |`);
  L.push('');
  return L.join('\n');
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const model = collect();
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(model, null, 2) + '\n');
  else if (process.argv.includes('--stdout')) process.stdout.write(render(model));
  else {
    writeFileSync(OUT, render(model));
    console.log(`wrote ${OUT.slice(ROOT.length + 1)}: ${model.summary.length} (sdk, language) cells, ${model.cells.length} shape rows, ${model.gaps.length} gap(s)`);
  }
}
