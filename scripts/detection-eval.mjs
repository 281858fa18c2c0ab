// Detection quality on real public application code: runs detectCalls on every file of test/fixtures/real-world
// and compares with the hand-labelled ground truth in test/fixtures/real-world/ground-truth.json.
//
//   node --import tsx scripts/detection-eval.mjs [--json]
//
// Matching is by file + line (a detected call on the labelled line of the call expression). Column, sdk/api and
// model agreement are reported separately on the matched calls. The model-resolution rate is over the labelled
// calls whose model the file makes knowable (model != null in ground-truth.json); a missed call counts as unresolved.
// Every miss and false positive is listed with file:line and a one-line cause (CAUSES below, written by hand after
// reading the detector's behaviour on that shape; a heuristic guess when a new one appears).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.join(here, '..', 'test', 'fixtures', 'real-world');

/** Hand-written diagnoses, keyed "file:line" (miss or false positive). */
const CAUSES = {
  // diagnosed with minimal probes against detectCalls (the same shape with one thing changed is detected)
  'python/zkyuan-python_study__req_call.py:19': 'URL is os.getenv("OPENAI_BASE_URL") + "/chat/completions": an env base concatenated with an endpoint path is not resolved to an LLM endpoint (a literal URL constant is)',
  'python/yym68686-uni-api__aws-boto3.py:23': 'boto3.client(service_name="bedrock-runtime", ...) keyword form is not recognised as a Bedrock client (positional "bedrock-runtime" is)',
  'typescript/mem0ai-mem0__aws_bedrock.ts:120': 'client and ConverseCommand come from a lazily awaited dynamic import("@aws-sdk/client-bedrock-runtime") (destructured from Promise.all); static imports are recognised',
  'typescript/mem0ai-mem0__langchain.ts:68': 'LangChain model injected through config and typed BaseLanguageModel (@langchain/core): a type-annotated model with no constructor in the workspace is not treated as a model object',
  'typescript/mem0ai-mem0__langchain.ts:84': 'same: this.llmInstance is a BaseLanguageModel-typed injected model; no constructor in the workspace',
  'javascript/ar123456-chatgpt-project__app.js:22': 'POST https://api.openai.com/v1/images/generations: the image-generation path is not in HTTP_ENDPOINTS',
};

function reader(root) {
  return {
    readFile: (p) => (fs.existsSync(path.join(root, p)) ? fs.readFileSync(path.join(root, p), 'utf8') : null),
    exists: (p) => fs.existsSync(path.join(root, p)),
  };
}

function guessMissCause(exp, text) {
  const line = text.split('\n')[exp.line - 1] ?? '';
  if (/self\.\w+\.(\w+\.)*\w+\(/.test(line) || /this\.\w+\.(\w+\.)*\w+\(/.test(line)) return `client/model held in an instance attribute (${exp.note})`;
  if (/fetch\(|requests\.|axios/.test(line)) return `raw HTTP request whose URL/body is indirect (${exp.note})`;
  return exp.note || 'not recognised';
}

function guessFpCause(call, text, file) {
  const line = text.split('\n')[call.line - 1] ?? '';
  if (/\.test\.|test_|mock/i.test(file)) return 'call inside a test/mock file';
  if (/^\s*(#|\/\/)/.test(line)) return 'comment';
  if (/\bdef \w+|function |=>/.test(line)) return 'definition, not a request';
  return `detected ${call.sdk} ${call.api} on: ${line.trim().slice(0, 80)}`;
}

/** Runs detection on every labelled file and returns the measurements. */
export async function evaluate() {
  const { detectCalls } = await import(pathToFileURL(path.join(here, '..', 'src', 'core', 'detect', 'index.ts')).href);
  const expected = JSON.parse(fs.readFileSync(path.join(ROOT, 'ground-truth.json'), 'utf8'));
  const ws = reader(ROOT);
  const misses = [];
  const falsePositives = [];
  const matched = [];
  const missingFiles = [];
  const skipped = [];
  let expectedCount = 0;
  let detectedCount = 0;
  for (const [file, spec] of Object.entries(expected)) {
    const abs = path.join(ROOT, file);
    if (!fs.existsSync(abs)) { missingFiles.push(file); continue; }
    const text = fs.readFileSync(abs, 'utf8');
    const result = await detectCalls(file, text, ws);
    if (result.skipped) skipped.push(`${file}: ${result.skipped}`);
    const detected = [...result.calls];
    detectedCount += detected.length;
    expectedCount += spec.calls.length;
    for (const exp of spec.calls) {
      const i = detected.findIndex((c) => c.line === exp.line);
      if (i < 0) {
        misses.push({ file, line: exp.line, sdk: exp.sdk, api: exp.api, cause: CAUSES[`${file}:${exp.line}`] ?? guessMissCause(exp, text) });
        continue;
      }
      const [got] = detected.splice(i, 1);
      matched.push({ file, exp, got });
    }
    for (const c of detected) {
      falsePositives.push({ file, line: c.line, sdk: c.sdk, api: c.api, model: c.model, cause: CAUSES[`${file}:${c.line}`] ?? guessFpCause(c, text, file) });
    }
  }
  const knowable = Object.values(expected).flatMap((s) => s.calls).filter((c) => c.model !== null).length;
  const modelResolved = matched.filter((m) => m.exp.model !== null && m.got.model === m.exp.model).length;
  const modelWrong = matched.filter((m) => m.exp.model !== null && m.got.model !== m.exp.model)
    .map((m) => ({ file: m.file, line: m.exp.line, expected: m.exp.model, got: m.got.model }));
  const modelInvented = matched.filter((m) => m.exp.model === null && m.got.model !== null)
    .map((m) => ({ file: m.file, line: m.exp.line, got: m.got.model, source: m.got.modelSource }));
  const apiWrong = matched.filter((m) => m.got.sdk !== m.exp.sdk || m.got.api !== m.exp.api)
    .map((m) => ({ file: m.file, line: m.exp.line, expected: `${m.exp.sdk} ${m.exp.api}`, got: `${m.got.sdk} ${m.got.api}` }));
  const columnWrong = matched.filter((m) => m.got.column !== m.exp.column)
    .map((m) => ({ file: m.file, line: m.exp.line, expected: m.exp.column, got: m.got.column }));
  const tp = matched.length;
  return {
    files: Object.keys(expected).length,
    expected: expectedCount,
    detected: detectedCount,
    truePositives: tp,
    recall: expectedCount ? tp / expectedCount : 1,
    precision: detectedCount ? tp / detectedCount : 1,
    columnAgreement: tp ? (tp - columnWrong.length) / tp : 1,
    apiAgreement: tp ? (tp - apiWrong.length) / tp : 1,
    modelKnowable: knowable,
    modelResolved,
    modelResolution: knowable ? modelResolved / knowable : 1,
    misses, falsePositives, columnWrong, apiWrong, modelWrong, modelInvented, missingFiles, skipped,
  };
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;

/** Human-readable report. */
export function formatReport(r) {
  const out = [];
  out.push(`Real-world detection: ${r.files} files, ${r.expected} labelled call sites, ${r.detected} detected`);
  out.push(`  recall             ${pct(r.recall)}  (${r.truePositives}/${r.expected}, matched by file + line)`);
  out.push(`  precision          ${pct(r.precision)}  (${r.truePositives}/${r.detected})`);
  out.push(`  column agreement   ${pct(r.columnAgreement)}  (of matched)`);
  out.push(`  sdk/api agreement  ${pct(r.apiAgreement)}  (of matched)`);
  out.push(`  model resolution   ${pct(r.modelResolution)}  (${r.modelResolved}/${r.modelKnowable} calls whose model the file makes knowable)`);
  const list = (title, rows, fmt) => { if (rows.length) { out.push(`${title} (${rows.length}):`); for (const x of rows) out.push(`  ${fmt(x)}`); } };
  list('Misses', r.misses, (m) => `${m.file}:${m.line}  ${m.sdk} ${m.api} — ${m.cause}`);
  list('False positives', r.falsePositives, (f) => `${f.file}:${f.line}  ${f.sdk} ${f.api}${f.model ? ` (${f.model})` : ''} — ${f.cause}`);
  list('Column differs', r.columnWrong, (c) => `${c.file}:${c.line}  expected ${c.expected}, got ${c.got}`);
  list('sdk/api differs', r.apiWrong, (c) => `${c.file}:${c.line}  expected ${c.expected}, got ${c.got}`);
  list('Model differs (knowable)', r.modelWrong, (c) => `${c.file}:${c.line}  expected ${c.expected}, got ${c.got}`);
  list('Model reported where the file does not make it knowable', r.modelInvented, (c) => `${c.file}:${c.line}  got ${c.got} (${c.source})`);
  list('Skipped by the detector', r.skipped, (s) => s);
  list('Missing fixture files', r.missingFiles, (s) => s);
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  evaluate().then((r) => console.log(process.argv.includes('--json') ? JSON.stringify(r, null, 2) : formatReport(r)));
}
