// Detection quality on real public application code: runs detectCalls on every file of test/fixtures/real-world
// and compares with the hand-labelled ground truth in test/fixtures/real-world/ground-truth.json.
//
//   node --import tsx scripts/detection-eval.mjs [--json] [--corpus DIR] [--src CHECKOUT]
//
// --src CHECKOUT measures the detector of another checkout of this project (its src/core/detect) against the same
// labels, e.g. a helper's worktree before its merge.
//
// --corpus DIR also measures the files of an external corpus (not committed: third-party code stays out of the
// repo) against the hand labels in test/fixtures/real-world/external-ground-truth.json, keyed by the path under DIR.
// A labelled file that is absent from DIR is listed as unavailable and not counted.
//
// Known misses stay visible: a call labelled `knownMiss: "<pattern>"`, a model labelled `knownModelMiss`, and a
// file's `knownFalsePositives: [{ line, pattern }]` are counted in every figure like any other miss; they are only
// marked "known" in the lists, so the unit test can fail on a NEW miss or false positive without hiding old ones.
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
export const EXTERNAL_TRUTH = path.join(ROOT, 'external-ground-truth.json');

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

/**
 * Runs detection on every labelled file and returns the measurements. Defaults: the committed set; pass
 * { root: DIR, truth: EXTERNAL_TRUTH } for an external corpus.
 */
export async function evaluate({ root = ROOT, truth = path.join(ROOT, 'ground-truth.json'), src = path.join(here, '..') } = {}) {
  const { detectCalls } = await import(pathToFileURL(path.join(src, 'src', 'core', 'detect', 'index.ts')).href);
  const labelled = JSON.parse(fs.readFileSync(truth, 'utf8'));
  const ws = reader(root);
  const unavailable = root === ROOT ? [] : Object.keys(labelled).filter((f) => !fs.existsSync(path.join(root, f)));
  const expected = Object.fromEntries(Object.entries(labelled).filter(([f]) => !unavailable.includes(f)));
  const misses = [];
  const falsePositives = [];
  const matched = [];
  const missingFiles = [];
  const skipped = [];
  let expectedCount = 0;
  let detectedCount = 0;
  for (const [file, spec] of Object.entries(expected)) {
    const abs = path.join(root, file);
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
        misses.push({ file, line: exp.line, sdk: exp.sdk, api: exp.api, known: Boolean(exp.knownMiss), cause: exp.knownMiss ?? CAUSES[`${file}:${exp.line}`] ?? guessMissCause(exp, text) });
        continue;
      }
      const [got] = detected.splice(i, 1);
      matched.push({ file, exp, got });
    }
    for (const c of detected) {
      const known = (spec.knownFalsePositives ?? []).find((k) => k.line === c.line);
      falsePositives.push({ file, line: c.line, sdk: c.sdk, api: c.api, model: c.model, known: Boolean(known), cause: known?.pattern ?? CAUSES[`${file}:${c.line}`] ?? guessFpCause(c, text, file) });
    }
  }
  const knowable = Object.values(expected).flatMap((s) => s.calls).filter((c) => c.model !== null).length;
  const modelResolved = matched.filter((m) => m.exp.model !== null && m.got.model === m.exp.model).length;
  // right only because the framework's documented default happens to be the model the file configures elsewhere
  const modelByDefault = matched.filter((m) => m.exp.model !== null && m.got.model === m.exp.model && m.got.modelSource === 'framework-default')
    .map((m) => ({ file: m.file, line: m.exp.line, got: m.got.model }));
  const modelWrong = matched.filter((m) => m.exp.model !== null && m.got.model !== m.exp.model)
    .map((m) => ({ file: m.file, line: m.exp.line, expected: m.exp.model, got: m.got.model, known: Boolean(m.exp.knownModelMiss), cause: m.exp.knownModelMiss }));
  // a known miss that is now found, or a known model miss now resolved: the label should be updated
  const nowPassing = [
    ...matched.filter((m) => m.exp.knownMiss).map((m) => `${m.file}:${m.exp.line} found now (remove knownMiss)`),
    ...matched.filter((m) => m.exp.knownModelMiss && m.got.model === m.exp.model).map((m) => `${m.file}:${m.exp.line} model resolved now (remove knownModelMiss)`),
  ];
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
    modelByDefault,
    modelResolution: knowable ? modelResolved / knowable : 1,
    misses, falsePositives, columnWrong, apiWrong, modelWrong, modelInvented, missingFiles, skipped, unavailable, nowPassing,
  };
}

const pct = (x) => `${(100 * x).toFixed(1)} %`;

/** Misses, false positives and unresolved models grouped by their pattern (the cause text before any "(…)" detail). */
export function groupByPattern(r) {
  const groups = new Map();
  const add = (kind, x) => {
    // a recorded pattern is used whole; a free-text note is cut before its "(detail)"
    const cause = String(x.cause ?? 'unexplained');
    const pattern = `${kind}: ${x.known ? cause : cause.replace(/\s*\(.*$/, '')}`;
    groups.set(pattern, [...(groups.get(pattern) ?? []), `${x.file}:${x.line}`]);
  };
  for (const m of r.misses) add('miss', m);
  for (const f of r.falsePositives) add('false positive', f);
  for (const m of r.modelWrong) if (m.cause) add('model', m);
  return [...groups.entries()];
}

/** The figures of two reports added up (the committed set and an external corpus). */
export function combine(a, b) {
  const tp = a.truePositives + b.truePositives;
  const expected = a.expected + b.expected;
  const detected = a.detected + b.detected;
  const knowable = a.modelKnowable + b.modelKnowable;
  const resolved = a.modelResolved + b.modelResolved;
  return { files: a.files + b.files, expected, detected, truePositives: tp, recall: expected ? tp / expected : 1, precision: detected ? tp / detected : 1, modelKnowable: knowable, modelResolved: resolved, modelResolution: knowable ? resolved / knowable : 1 };
}

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
  const tag = (x) => (x.known ? '[known] ' : '');
  list('Misses', r.misses, (m) => `${tag(m)}${m.file}:${m.line}  ${m.sdk} ${m.api} — ${m.cause}`);
  list('False positives', r.falsePositives, (f) => `${tag(f)}${f.file}:${f.line}  ${f.sdk} ${f.api}${f.model ? ` (${f.model})` : ''} — ${f.cause}`);
  list('Column differs', r.columnWrong, (c) => `${c.file}:${c.line}  expected ${c.expected}, got ${c.got}`);
  list('sdk/api differs', r.apiWrong, (c) => `${c.file}:${c.line}  expected ${c.expected}, got ${c.got}`);
  list('Model differs (knowable)', r.modelWrong, (c) => `${tag(c)}${c.file}:${c.line}  expected ${c.expected}, got ${c.got}${c.cause ? ` — ${c.cause}` : ''}`);
  list('Model matched only through the framework default (counted as resolved)', r.modelByDefault ?? [], (c) => `${c.file}:${c.line}  ${c.got}`);
  list('Model reported where the file does not make it knowable', r.modelInvented, (c) => `${c.file}:${c.line}  got ${c.got} (${c.source})`);
  list('Skipped by the detector', r.skipped, (s) => s);
  list('Missing fixture files', r.missingFiles, (s) => s);
  list('Known misses that pass now (update the labels)', r.nowPassing ?? [], (s) => s);
  if (r.unavailable?.length) out.push(`Labelled but absent from the corpus (not counted): ${r.unavailable.length}`);
  const grouped = groupByPattern(r);
  if (grouped.length) {
    out.push('Misses and false positives by pattern:');
    for (const [pattern, sites] of grouped) out.push(`  ${pattern} (${sites.length}): ${sites.join(', ')}`);
  }
  return out.join('\n');
}

async function main() {
  const json = process.argv.includes('--json');
  const i = process.argv.indexOf('--corpus');
  const s = process.argv.indexOf('--src');
  const src = s < 0 ? undefined : path.resolve(process.argv[s + 1] ?? '');
  if (src && !fs.existsSync(path.join(src, 'src', 'core', 'detect', 'index.ts'))) { console.error(`--src needs a checkout with src/core/detect/index.ts (got ${src})`); process.exitCode = 2; return; }
  const committed = await evaluate({ src });
  if (i < 0) { console.log(json ? JSON.stringify(committed, null, 2) : formatReport(committed)); return; }
  const dir = process.argv[i + 1];
  if (!dir || !fs.existsSync(dir)) { console.error(`--corpus needs an existing directory (got ${dir ?? 'nothing'})`); process.exitCode = 2; return; }
  const external = await evaluate({ root: path.resolve(dir), truth: EXTERNAL_TRUTH, src });
  const both = combine(committed, external);
  if (json) { console.log(JSON.stringify({ committed, external, combined: both }, null, 2)); return; }
  console.log(`${formatReport(committed)}\n\nExternal corpus (${dir}):\n${formatReport(external)}`);
  console.log(`\nCombined: ${both.files} files, recall ${pct(both.recall)} (${both.truePositives}/${both.expected}), precision ${pct(both.precision)} (${both.truePositives}/${both.detected}), model resolution ${pct(both.modelResolution)} (${both.modelResolved}/${both.modelKnowable})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
