// Prompt files (.prompty / Dotprompt): front matter, role sections, placeholders, and the cost through the engine.
import { getSnapshotCatalog } from '../../src/core/catalog/prices';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseYamlBlock, splitFrontMatter } from '../../src/core/prompts/frontMatter';
import { parsePromptFile, renderableText } from '../../src/core/detect/promptFile';
import { estimatePromptFile } from '../../src/core/scan/promptFileSite';
import { countInput } from '../../src/core/scan/callSite';
import { callScenario } from '../../src/core/economics/callScenario';
import { estimate } from '../../src/core/economics/estimate';
import { readSettings } from '../../src/core/settings';
import { readWorkspaceSettings } from '../../src/core/scan/scan';
import { promptLensTitle } from '../../src/core/format/promptLensText';
import { formatUsd } from '../../src/core/money';
import { createEngineContext } from '../../src/core/engine/context';

const engine = createEngineContext();

test('front matter: nested block mappings, flow mappings and lists, comments, quotes, numbers', () => {
  const data = parseYamlBlock([
    'name: "Triage"   # a comment',
    'model:',
    '  api: chat',
    '  configuration: { type: azure_openai, azure_deployment: gpt-4o, extra: { a: 1 } }',
    '  parameters:',
    '    max_tokens: 1_000',
    'tags: [a, "b, c"]',
    'steps:',
    '  - one',
    '  - two',
    'description: |',
    '  line one',
    '  line two',
    'requestsPerDay: 5000 # hint',
  ]);
  assert.deepEqual(data, {
    name: 'Triage',
    model: { api: 'chat', configuration: { type: 'azure_openai', azure_deployment: 'gpt-4o', extra: { a: 1 } }, parameters: { max_tokens: 1000 } },
    tags: ['a', 'b, c'],
    steps: ['one', 'two'],
    description: 'line one\nline two',
    requestsPerDay: 5000,
  });
  assert.equal(splitFrontMatter(['no', 'front matter']).present, false);
  assert.equal(splitFrontMatter(['---', 'a: 1', 'no closing fence']).present, false);
});

test('prompty: model from model.configuration.name, max_tokens, requestsPerDay, role sections without comments or tags', () => {
  const f = parsePromptFile(readFileSync('examples/prompts/triage.prompty', 'utf8'), 'triage.prompty');
  assert.equal(f.format, 'prompty');
  assert.deepEqual([f.model, f.modelKey, f.maxTokens, f.requestsPerDay], ['gpt-4o-mini', 'model.configuration.name', 400, 20000]);
  assert.deepEqual(f.sections.map((s) => [s.role, s.line, s.placeholders]), [['system', 20, ['customer.plan', 'customer.name']], ['user', 27, ['ticket']]]);
  assert.ok(!f.sections[0]!.text.includes('{#') && !f.sections[0]!.text.includes('{%'), f.sections[0]!.text);
  assert.deepEqual(f.problems, []);
});

test('prompty: azure_deployment; text before the first role is the system prompt; a bad hint is reported', () => {
  const f = parsePromptFile(['---', 'model:', '  configuration:', '    type: azure_openai', '    azure_deployment: gpt-4o', 'requestsPerDay: lots', '---', 'Be brief.', 'user:', '{{question}}'].join('\n'), 'x.prompty');
  assert.deepEqual([f.model, f.modelKey, f.requestsPerDay], ['gpt-4o', 'model.configuration.azure_deployment', null]);
  assert.deepEqual(f.sections.map((s) => [s.role, s.text]), [['system', 'Be brief.'], ['user', '{{question}}']]);
  assert.match(f.problems[0]!, /requestsPerDay: "lots"/);
});

test('dotprompt: model provider/name, config.maxOutputTokens, {{role}} sections, handlebars blocks removed', () => {
  const text = ['---', 'model: googleai/gemini-2.0-flash', 'config:', '  maxOutputTokens: 128', 'metadata:', '  requestsPerDay: 300', '---',
    '{{role "system"}}', 'You write haiku.', '{{#if mood}}Mood: {{ mood | upper }}{{/if}}', '{{role "user"}}', 'Topic: {{topic}}'].join('\n');
  const f = parsePromptFile(text, 'haiku.prompt');
  assert.equal(f.format, 'dotprompt');
  assert.deepEqual([f.model, f.maxTokens, f.requestsPerDay], ['googleai/gemini-2.0-flash', 128, 300]);
  assert.deepEqual(f.sections.map((s) => [s.role, s.line, s.text, s.placeholders]), [
    ['system', 8, 'You write haiku.\nMood: {{mood}}', ['mood']],
    ['user', 11, 'Topic: {{topic}}', ['topic']],
  ]);
  const e = estimatePromptFile(engine, 'haiku.prompt', text, readSettings({})).site!;
  assert.equal(e.model, 'googleai/gemini-2.0-flash', 'the model as written: the catalog resolves the provider prefix');
  assert.ok(e.cost?.api, 'priced despite the provider prefix');
  assert.equal(e.tokens.output, 128, 'expected output capped by maxOutputTokens');
  assert.deepEqual(e.volume, { requestsPerDay: 300, callsPerRequest: 1, source: 'annotation', hidden: null });
});

test('renderableText: Jinja comments and tags, handlebars comments and blocks removed; filters reduced', () => {
  assert.equal(renderableText('a{# c #}b{% if x %}c{% endif %}{{!-- note --}}{{! n }}{{#each xs}}d{{/each}}{{else}}{{ y | trim }}'), 'abcd{{y}}');
});

test('prompt file cost equals callScenario + estimate on the same counts (engine reused, placeholders sized by settings)', () => {
  const ws = readWorkspaceSettings('examples');
  const settings = { ...ws.settings, placeholders: { ...ws.settings.placeholders, ticket: 600 } };
  const text = readFileSync('examples/prompts/triage.prompty', 'utf8');
  const f = parsePromptFile(text, 'triage.prompty');
  const e = estimatePromptFile(engine, 'prompts/triage.prompty', text, { settings, explicit: ws.explicit }).site!;
  const counted = countInput({ kind: 'chat', promptParts: f.sections.map((s) => ({ role: s.role, source: 'file', text: s.text, placeholders: s.placeholders })) }, 'gpt-4o-mini', settings);
  assert.equal(e.tokens.input, counted.total.tokens);
  assert.equal(e.tokens.parts[1]!.placeholders[0]!.tokens, 600, 'ticket sized by llmCostLens.placeholders');
  assert.equal(e.tokens.parts[0]!.placeholders[0]!.tokens, settings.defaultPlaceholderTokens);
  const out = estimate(callScenario(settings, 'gpt-4o-mini', e.openModel.model, 20000, e.tokens.input, e.tokens.output), { catalog: getSnapshotCatalog() });
  assert.ok(out.ok);
  assert.equal(e.cost!.api!.monthlyUsd, out.result.api.monthlyUsd);
  assert.equal(e.cost!.selfHosted!.monthlyUsd, out.result.selfHosted.monthlyUsd);
  assert.equal(e.tokens.output, 300, 'built-in chat output (under max_tokens 400)');
});

test('lens title: tokens, API and self-hosted monthly cost, volume and where it came from', () => {
  const ws = readWorkspaceSettings('examples');
  const e = estimatePromptFile(engine, 'prompts/triage.prompty', readFileSync('examples/prompts/triage.prompty', 'utf8'), ws);
  const title = promptLensTitle(e);
  assert.match(title, /^≈[\d,]+ → 300 tok · API \$[\d,]+\/mo \(gpt-4o-mini\) · self-host \$[\d,]+\/mo · at 20,000\/day \(front matter\)$/);
  assert.ok(title.includes(formatUsd(e.site!.cost!.api!.monthlyUsd)));
  const defaults = readSettings({});
  const none = estimatePromptFile(engine, 'x.prompt', 'Hello {{name}}', defaults);
  assert.match(promptLensTitle(none), /^≈\d+ → 300 tok · ≈ API \$[\d.,]+\/mo at gpt-4o-mini \(assumed; set `model:` in the front matter\) · self-host \$[\d,]+\/mo · at 1,000\/day \(default\)$/);
  const prefixed = estimatePromptFile(engine, 'x.prompt', '---\nmodel: acme/gpt-4o-mini\n---\nHi', defaults);
  assert.ok(prefixed.site!.cost?.api, 'a provider prefix does not make the model unpriced');
  const unpriced = estimatePromptFile(engine, 'x.prompt', '---\nmodel: gpt-4o-minii\n---\nHi', defaults);
  assert.match(promptLensTitle(unpriced), /unpriced model "gpt-4o-minii" \(did you mean .*gpt-4o-mini/);
  const unclosed = estimatePromptFile(engine, 'x.prompt', '---\nmodel: gpt-4o\nHi', defaults);
  assert.equal(promptLensTitle(unclosed), 'not costed: front matter: the opening "---" has no closing "---" line');
});
