// `scan` lists .prompt / .prompty files as call sites (issue #4): costed on the same path as code call sites,
// not listed when code already sends them, malformed front matter reported, and the editor's lens = the scan record.
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { scanWorkspace, readWorkspaceSettings, WorkspaceScanner } from '../../src/core/scan/scan';
import { estimatePromptFile } from '../../src/core/scan/promptFileSite';
import { countInput } from '../../src/core/scan/callSite';
import { callScenario } from '../../src/core/economics/callScenario';
import { estimate } from '../../src/core/economics/estimate';
import { detectCalls, dropPromptFilesUsedByCode, languageForPath, type DetectedCall } from '../../src/core/detect/index';
import { renderScan } from '../../src/core/format/scanReport';
import { formatCount, formatUsd } from '../../src/core/money';
import { promptLensTitle, promptLensTooltip } from '../../src/core/format/promptLensText';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'llm-cost-lens-prompt-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

// No SDK name anywhere, and one paragraph per line: neither the prefilter nor the minified heuristic may drop it.
const LONG = 'Answer in the voice of a patient support engineer. '.repeat(12).trim();
const REVIEW = ['---', 'model:', '  api: chat', '  configuration:', '    type: openai', '    name: gpt-4o', '  parameters:', '    max_tokens: 150',
  'requestsPerDay: 2_500', '---', 'system:', ...Array(12).fill(LONG), '', 'user:', 'Review this diff: {{diff}}', '', ''].join('\n');

test('languageForPath: .prompt and .prompty are listed (language "prompt")', () => {
  assert.equal(languageForPath('prompts/a.prompty'), 'prompt');
  assert.equal(languageForPath('prompts/b.PROMPT'), 'prompt');
  assert.equal(languageForPath('prompts/c.prompts'), null);
});

test('scan lists a prompt file: model, max tokens, tokens from its sections, front-matter volume, and the engine estimate as cost', async () => {
  const root = workspace({ 'prompts/review.prompty': REVIEW, '.vscode/settings.json': '{ "llmCostLens.daysPerMonth": 22 }' });
  const r = await scanWorkspace(root);
  assert.deepEqual(r.skipped, []);
  assert.equal(r.callSites.length, 1);
  const c = r.callSites[0]!;
  assert.deepEqual(
    [c.file, c.line, c.column, c.endLine, c.language, c.sdk, c.api, c.kind, c.model, c.modelSource, c.maxTokens, c.endpoint, c.key],
    ['prompts/review.prompty', 11, 1, 26, 'prompt', 'prompt-file', 'prompty', 'chat', 'gpt-4o', 'literal', 150, 'api', 'prompts/review.prompty#<prompt>'],
  );
  assert.deepEqual(c.volume, { requestsPerDay: 2500, callsPerRequest: 1, source: 'annotation', hidden: null });
  const ws = readWorkspaceSettings(root);
  const counted = countInput({ kind: 'chat', promptParts: [
    { role: 'system', source: 'file', text: Array(12).fill(LONG).join('\n'), placeholders: [] },
    { role: 'user', source: 'file', text: 'Review this diff: {{diff}}', placeholders: ['diff'] },
  ] }, 'gpt-4o', ws.settings);
  assert.equal(c.tokens.input, counted.total.tokens);
  assert.deepEqual(c.tokens.parts.map((p) => [p.role, p.source, p.placeholders]), [['system', 'file', []], ['user', 'file', [{ name: 'diff', tokens: 100 }]]]);
  assert.equal(c.tokens.output, 150, 'built-in 300 capped by max_tokens');
  const out = estimate(callScenario(ws.settings, 'gpt-4o', c.openModel.model, 2500, c.tokens.input, 150), { catalog: getSnapshotCatalog() });
  assert.ok(out.ok);
  assert.deepEqual(c.cost!.api, out.result.api);
  assert.equal(c.cost!.selfHosted!.monthlyUsd, out.result.selfHosted.monthlyUsd);
  assert.equal(r.totals.apiMonthlyUsd, out.result.api.monthlyUsd, 'the totals include it');
  assert.match(renderScan(r), /11:1 prompty +gpt-4o .*2,500\/day \(front matter\)/);
});

test('a callSites setting for the file applies unless the front matter sets the volume, and then says it is hidden', async () => {
  const root = workspace({
    'a.prompt': '---\nmodel: gpt-4o-mini\n---\nHi {{name}}',
    'b.prompt': '---\nmodel: gpt-4o-mini\nmetadata:\n  requestsPerDay: 50\n---\nHi',
    '.vscode/settings.json': '{ "llmCostLens.callSites": { "a.prompt#<prompt>": { "requestsPerDay": 7 }, "b.prompt#<prompt>": { "requestsPerDay": 9 } } }',
  });
  const [a, b] = (await scanWorkspace(root)).callSites;
  assert.deepEqual([a!.api, a!.volume.requestsPerDay, a!.volume.source], ['dotprompt', 7, 'settings']);
  assert.deepEqual([b!.volume.requestsPerDay, b!.volume.source], [50, 'annotation']);
  assert.match(b!.volume.hidden!, /callSites\["b\.prompt#<prompt>"\]\.requestsPerDay \(9\) is hidden by the front matter's requestsPerDay/);
});

test('a prompt file that code reads and sends (Python open().read(), TS readFileSync + concatenation) is not listed again', async () => {
  const prompt = (model: string) => `---\nmodel: ${model}\n---\nSummarize: {{text}}\n`;
  const root = workspace({
    'prompts/used_py.prompt': prompt('gpt-4o'),
    'prompts/used_ts.prompty': prompt('gpt-4o'),
    'prompts/alone.prompt': prompt('gpt-4o-mini'),
    'app/main.py': 'from openai import OpenAI\nclient = OpenAI()\nTEMPLATE = open("prompts/used_py.prompt").read()\n'
      + 'def run(t):\n    return client.chat.completions.create(model="gpt-4o", messages=[{"role": "system", "content": TEMPLATE.format(text=t)}])\n',
    'app/b.ts': "import OpenAI from 'openai';\nimport { readFileSync } from 'node:fs';\nconst client = new OpenAI();\n"
      + "export async function f(q: string) {\n  const p = readFileSync('prompts/used_ts.prompty', 'utf8');\n"
      + "  return client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: p + q }] });\n}\n",
  });
  const r = await scanWorkspace(root);
  assert.deepEqual(r.callSites.map((c) => c.file), ['app/b.ts', 'app/main.py', 'prompts/alone.prompt']);
  assert.deepEqual(r.callSites.slice(0, 2).map((c) => c.tokens.parts[0]!.source), ['file', 'file'], 'the code call sites carry the file as a prompt part');
});

test('dropPromptFilesUsedByCode: only prompt-file sites whose file another call sends are dropped', () => {
  const base = { line: 1, column: 1, endLine: 1, kind: 'chat', model: 'gpt-4o', modelSource: 'literal', maxTokens: null, reasoningTokens: null, streaming: false,
    endpoint: 'api', baseUrl: null, qualifiedName: '<prompt>', annotation: null, confidence: 1 } as const;
  const promptSite = (file: string): DetectedCall => ({ ...base, file, language: 'prompt', sdk: 'prompt-file', api: 'dotprompt', promptParts: [{ role: 'user', source: 'file', text: 'x', placeholders: [] }] });
  const code: DetectedCall = { ...base, file: 'app.py', language: 'python', sdk: 'openai', api: 'chat.completions.create', qualifiedName: 'f',
    promptParts: [{ role: 'user', source: 'file', text: 'x', placeholders: [], from: { file: 'p/used.prompt', line: 1 } }, { role: 'system', source: 'constant', text: 'y', placeholders: [], from: { file: 'p/other.prompt', line: 1 } }] };
  const all = [promptSite('p/used.prompt'), promptSite('p/other.prompt'), code];
  assert.deepEqual(dropPromptFilesUsedByCode(all).map((c) => c.file), ['p/other.prompt', 'app.py'], 'a constant that merely names the same path is not the file sent');
  const alone = [promptSite('p/used.prompt')];
  assert.equal(dropPromptFilesUsedByCode(alone), alone);
});

test('malformed front matter: an unclosed fence is a skip reason, unusable fields are problems naming the field; no crash', async () => {
  const root = workspace({
    'p/unclosed.prompty': '---\nmodel:\n  configuration:\n    name: gpt-4o\nsystem:\nHi\n',
    'p/bad.prompty': '---\nmodel:\n  configuration:\n    name: [gpt-4o, gpt-4o-mini]\n  parameters:\n    max_tokens: lots\nrequestsPerDay: -5\n---\nuser:\n{{q}}\n',
    'p/empty.prompt': '---\nmodel: gpt-4o\n---\n\n',
  });
  const r = await scanWorkspace(root);
  assert.deepEqual(r.skipped, [
    { file: 'p/empty.prompt', reason: 'prompt file: no template text after the front matter' },
    { file: 'p/unclosed.prompty', reason: 'front matter: the opening "---" has no closing "---" line' },
  ]);
  const bad = r.callSites.find((c) => c.file === 'p/bad.prompty')!;
  assert.deepEqual(bad.problems, [
    'front matter model.configuration.name: ["gpt-4o","gpt-4o-mini"] is not a model name (ignored)',
    'front matter model.parameters.max_tokens: "lots" is not a number ≥ 0 (ignored)',
    'front matter requestsPerDay: -5 is not a number ≥ 0 (ignored)',
  ]);
  assert.deepEqual([bad.model, bad.modelSource, bad.assumedModel, bad.maxTokens, bad.volume.source, bad.cost?.verdict], [null, 'assumed', 'gpt-4o-mini', null, 'default', 'hosted-open']); // Llama 3.1 8B hosted undercuts gpt-4o-mini
  assert.match(bad.cost!.notes.join('\n'), /model unresolved: priced at gpt-4o-mini \(assumed: built-in fallback\); name it in the front matter/);
  assert.match(renderScan(r), /warning: p\/bad\.prompty:9: front matter model\.parameters\.max_tokens: "lots"/);
});

test('endpoint: Dotprompt ollama/… and a Prompty configuration on localhost are self-hosted; detection needs no SDK name', async () => {
  const ollama = await detectCalls('x.prompt', '---\nmodel: ollama/llama3.1\n---\nHi');
  assert.equal(ollama.calls[0]!.endpoint, 'self-hosted');
  const local = await detectCalls('x.prompty', '---\nmodel:\n  configuration:\n    type: openai\n    name: llama3\n    base_url: http://localhost:8000/v1\n---\nHi');
  assert.deepEqual([local.calls[0]!.endpoint, local.calls[0]!.baseUrl], ['self-hosted', 'http://localhost:8000/v1']);
  const azure = await detectCalls('x.prompty', '---\nmodel:\n  configuration:\n    type: azure_openai\n    azure_endpoint: https://acme.openai.azure.com\n    azure_deployment: gpt-4o\n---\nHi');
  assert.equal(azure.calls[0]!.endpoint, 'api');
});

test('the editor lens renders exactly the scan record of the file (same detection and costing)', async () => {
  const root = workspace({ 'prompts/review.prompty': REVIEW, 'prompts/plain.prompt': 'Tell me about {{topic}}.\n', '.vscode/settings.json': '{ "llmCostLens.requestsPerDay": 40 }' });
  const scanner = new WorkspaceScanner(root);
  await scanner.scan();
  const r = scanner.result();
  // The editor learns the workspace's most used model from its index (FolderSettings.setWorkspaceModel).
  const ws = { ...readWorkspaceSettings(root), workspaceModel: scanner.workspaceModel };
  assert.equal(ws.workspaceModel, 'gpt-4o');
  for (const file of ['prompts/review.prompty', 'prompts/plain.prompt']) {
    const lens = estimatePromptFile(engine, file, readFileSync(join(root, file), 'utf8'), ws);
    const record = r.callSites.find((c) => c.file === file)!;
    assert.deepEqual(lens.site, record, file);
    assert.equal(promptLensTitle(lens), promptLensTitle({ site: record, skipped: null }));
    assert.equal(promptLensTooltip(lens), promptLensTooltip({ site: record, skipped: null }));
  }
  const review = r.callSites.find((c) => c.file === 'prompts/review.prompty')!;
  assert.equal(promptLensTitle({ site: review, skipped: null }),
    `≈${formatCount(review.tokens.input)} → 150 tok · API ${formatUsd(review.cost!.api!.monthlyUsd)}/mo (gpt-4o) · self-host ${formatUsd(review.cost!.selfHosted!.monthlyUsd)}/mo · at 2,500/day (front matter)`);
  assert.match(promptLensTitle({ site: r.callSites.find((c) => c.file === 'prompts/plain.prompt')!, skipped: null }), /≈ API \$[\d.,]+\/mo at gpt-4o \(assumed; set `model:` in the front matter\) · .* · at 40\/day \(settings\)$/);
});
