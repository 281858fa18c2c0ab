// Prompt template files (`.prompty`, Dotprompt `.prompt`): the front matter's model, output cap and volume hint,
// the role sections of the body, and their cost through the same engine and token counting as a call site.
import { splitFrontMatter, get, type YamlValue } from './frontMatter';
import { normalizeRole } from './common';
import type { PromptPart } from '../detect/types';
import { BUILT_IN_OUTPUT, basisLabel, callScenario, countInput, type PartReport } from '../scan/callSite';
import { estimate } from '../economics/estimate';
import { lookupApiPrice } from '../catalog/prices';
import { openCounterpartFor } from '../catalog/counterparts';
import type { SettingKey, Settings } from '../settings';

export interface PromptSection {
  role: string;
  /** 1-based line of the role marker (or of the first body line when there is none) */
  line: number;
  /** the text sent to the model: template comments and control tags removed, placeholders kept as `{{name}}` */
  text: string;
  placeholders: string[];
}

export interface PromptFile {
  format: 'prompty' | 'dotprompt';
  /** the model as the front matter names it, provider prefix included */
  model: string | null;
  /** where in the front matter the model was found, e.g. `model.configuration.name` */
  modelKey: string | null;
  /** max_tokens / maxOutputTokens */
  maxTokens: number | null;
  /** the `requestsPerDay` hint (top level or under `metadata`) */
  requestsPerDay: number | null;
  sections: PromptSection[];
  problems: string[];
}

const ROLE_LINE = /^\s*(system|user|assistant|developer|human|ai|tool|function)\s*:\s*$/i;
// Dotprompt: {{role "system"}} starts a section; {{history}} and {{media …}} are runtime parts we do not size.
const DOTPROMPT_ROLE = /\{\{\s*role\s+["'](\w+)["']\s*\}\}/g;
const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|[^{}]*)?\}\}/g;

function num(v: YamlValue | undefined): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  if (typeof v === 'string' && /^\d[\d_,]*$/.test(v)) return Number(v.replace(/[_,]/g, ''));
  return null;
}

function str(v: YamlValue | undefined): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** What is sent: Jinja/Handlebars comments and control tags removed, `{{ name | filter }}` reduced to `{{name}}`. */
export function renderableText(text: string): string {
  return text
    .replace(/\{#[\s\S]*?#\}/g, '')
    .replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, '')
    .replace(/\{%-?[\s\S]*?-?%\}/g, '')
    .replace(/\{\{\s*[#/^][^{}]*\}\}|\{\{\s*else\s*\}\}/g, '')
    .replace(PLACEHOLDER, (_m, name: string) => `{{${name}}}`);
}

function placeholderNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

export function parsePromptFile(text: string, fileName = ''): PromptFile {
  const lines = text.split(/\r?\n/);
  const fm = splitFrontMatter(lines);
  const problems: string[] = [];
  const data = fm.data;

  // Prompty: model.configuration.{name|model|azure_deployment}; Dotprompt: model: provider/name.
  let model: string | null = null;
  let modelKey: string | null = null;
  const candidates: [string[], string][] = [
    [['model', 'configuration', 'name'], 'model.configuration.name'],
    [['model', 'configuration', 'model'], 'model.configuration.model'],
    [['model', 'configuration', 'azure_deployment'], 'model.configuration.azure_deployment'],
    [['model', 'id'], 'model.id'],
    [['model'], 'model'],
  ];
  for (const [path, label] of candidates) {
    const v = str(get(data, ...path));
    if (v) {
      [model, modelKey] = [v, label];
      break;
    }
  }
  const maxTokens = num(get(data, 'model', 'parameters', 'max_tokens')) ?? num(get(data, 'model', 'parameters', 'max_completion_tokens'))
    ?? num(get(data, 'config', 'maxOutputTokens')) ?? num(get(data, 'config', 'max_tokens'));
  const hint = get(data, 'requestsPerDay') ?? get(data, 'metadata', 'requestsPerDay');
  const requestsPerDay = num(hint);
  if (hint !== undefined && hint !== null && requestsPerDay === null) problems.push(`requestsPerDay: ${JSON.stringify(hint)} is not a number ≥ 0 (ignored)`);

  const format: PromptFile['format'] = fileName.endsWith('.prompty') || get(data, 'model', 'api') !== undefined || get(data, 'model', 'configuration') !== undefined ? 'prompty' : 'dotprompt';
  const sections = format === 'prompty' ? promptySections(lines, fm.bodyStart) : dotpromptSections(lines, fm.bodyStart);
  return { format, model, modelKey, maxTokens, requestsPerDay, sections, problems };
}

function section(role: string, line: number, raw: string): PromptSection | null {
  const text = renderableText(raw).trim();
  return text === '' ? null : { role: normalizeRole(role), line, text, placeholders: placeholderNames(text) };
}

/** Prompty: `system:` / `user:` / `assistant:` lines start sections; text before the first one is the system prompt. */
function promptySections(lines: string[], start: number): PromptSection[] {
  const out: PromptSection[] = [];
  let role = 'system';
  let line = start + 1;
  let buf: string[] = [];
  const flush = () => {
    const s = section(role, line, buf.join('\n'));
    if (s) out.push(s);
  };
  for (let i = start; i < lines.length; i++) {
    const m = ROLE_LINE.exec(lines[i]!);
    if (m) {
      flush();
      [role, line, buf] = [m[1]!, i + 1, []];
    } else buf.push(lines[i]!);
  }
  flush();
  return out;
}

/** Dotprompt: `{{role "x"}}` switches the role mid-text; without one the whole body is the user's message. */
function dotpromptSections(lines: string[], start: number): PromptSection[] {
  const body = lines.slice(start).join('\n');
  const out: PromptSection[] = [];
  let role = 'user';
  let last = 0;
  const lineAt = (offset: number) => start + 1 + (body.slice(0, offset).match(/\n/g)?.length ?? 0);
  let sectionLine = lineAt(0);
  for (const m of body.matchAll(DOTPROMPT_ROLE)) {
    const s = section(role, sectionLine, body.slice(last, m.index));
    if (s) out.push(s);
    [role, last, sectionLine] = [m[1]!, m.index! + m[0].length, lineAt(m.index!)];
  }
  const s = section(role, sectionLine, body.slice(last));
  if (s) out.push(s);
  return out;
}

export interface PromptFileEstimate {
  /** the model priced and tokenized: the front matter's, provider prefix removed when the catalog needs that */
  model: string | null;
  modelKey: string | null;
  tokens: { input: number; output: number; approximate: boolean; inputBasis: string; outputBasis: string; parts: PartReport[] };
  volume: { requestsPerDay: number; source: 'front matter' | 'settings' | 'default' };
  openModel: string | null;
  api: { monthlyUsd: number; perRequestUsd: number } | null;
  selfHosted: { monthlyUsd: number } | null;
  breakEvenRequestsPerDay: number | null;
  suggestions: string[];
  problems: string[];
}

/** `googleai/gemini-2.0-flash` → the catalog's `gemini-2.0-flash` when only the bare name is priced. */
function priceableModel(model: string, settings: Settings): { model: string; priced: boolean; suggestions: string[] } {
  const full = (m: string) => settings.prices[m]?.inputUsdPerMTok !== undefined && settings.prices[m]?.outputUsdPerMTok !== undefined;
  if (full(model)) return { model, priced: true, suggestions: [] };
  const found = lookupApiPrice(model);
  if (found.ok) return { model, priced: true, suggestions: [] };
  const slash = model.indexOf('/');
  if (slash > 0) {
    const bare = model.slice(slash + 1);
    if (full(bare) || lookupApiPrice(bare).ok) return { model: bare, priced: true, suggestions: [] };
  }
  return { model, priced: false, suggestions: found.suggestions };
}

export function estimatePromptFile(file: PromptFile, settings: Settings, explicit: ReadonlySet<SettingKey> = new Set()): PromptFileEstimate {
  const problems = [...file.problems];
  const resolved = file.model ? priceableModel(file.model, settings) : null;
  const model = resolved?.model ?? null;
  const parts: PromptPart[] = file.sections.map((s) => ({ role: s.role, source: 'file', text: s.text, placeholders: s.placeholders }));
  const counted = countInput({ promptParts: parts, kind: 'chat' }, model, settings);
  const expected = settings.expectedOutputTokens.chat ?? BUILT_IN_OUTPUT.chat;
  const capped = file.maxTokens !== null && expected > file.maxTokens;
  const output = capped ? file.maxTokens! : expected;
  const outputBasis = `expected ${expected} (${settings.expectedOutputTokens.chat !== undefined ? 'expectedOutputTokens setting' : 'built-in default for chat'})${capped ? `, capped by max_tokens ${file.maxTokens}` : ''}`;
  const volume: PromptFileEstimate['volume'] = file.requestsPerDay !== null
    ? { requestsPerDay: file.requestsPerDay, source: 'front matter' }
    : { requestsPerDay: settings.requestsPerDay, source: explicit.has('requestsPerDay') ? 'settings' : 'default' };
  const openModel = model ? openCounterpartFor(model, settings.openModelFor).model : null;
  const priced = resolved?.priced ?? false;
  const out = estimate(callScenario(settings, priced ? model : null, openModel, volume.requestsPerDay, counted.total.tokens, output));
  const base = {
    model, modelKey: file.modelKey,
    tokens: { input: counted.total.tokens, output, approximate: counted.total.basis !== 'exact', inputBasis: basisLabel(counted.total), outputBasis, parts: counted.parts },
    volume, openModel, suggestions: resolved?.suggestions ?? [], problems,
  };
  if (!out.ok) {
    problems.push(...out.problems.map((p) => `self-hosted estimate: ${p}`));
    return { ...base, api: null, selfHosted: null, breakEvenRequestsPerDay: null };
  }
  const r = out.result;
  const comparable = priced && openModel !== null;
  return {
    ...base,
    api: priced ? { monthlyUsd: r.api.monthlyUsd, perRequestUsd: r.api.costPerRequestUsd } : null,
    selfHosted: openModel !== null ? { monthlyUsd: r.selfHosted.monthlyUsd } : null,
    breakEvenRequestsPerDay: comparable ? r.breakEven.withOpsRequestsPerDay : null,
  };
}
