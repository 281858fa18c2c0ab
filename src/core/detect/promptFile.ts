// Prompt template files (`.prompty`, Dotprompt `.prompt`): the front matter's model, output cap, endpoint and volume
// hint, and the role sections of the body. `detectPromptFile` turns one into the single call it makes, a
// DetectedCall like any in code, so `scan`, the editor's lens and the totals cost it on the same path (buildCallSite).
import { splitFrontMatter, get, type YamlValue } from '../prompts/frontMatter';
import { confidenceFor, normalizeRole } from './promptParts';
import { endpointFor } from './endpoint';
import type { DetectedCall, DetectResult, PromptPart } from './types';

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
  /** Prompty `model.configuration.{base_url|endpoint|azure_endpoint}` */
  baseUrl: string | null;
  /** Prompty `model.configuration.type` (openai, azure_openai, serverless, …) */
  configurationType: string | null;
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
    const raw = get(data, ...path);
    const v = str(raw);
    if (v) {
      [model, modelKey] = [v, label];
      break;
    }
    // `model: 4` or `name: [a, b]`: a value where a model name belongs; a mapping under `model` is Prompty's shape.
    if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) problems.push(`${label}: ${JSON.stringify(raw)} is not a model name (ignored)`);
  }
  // The first key present wins; a value that is not a number is reported rather than silently skipped.
  const numberAt = (paths: [string[], string][]): number | null => {
    for (const [path, label] of paths) {
      const raw = get(data, ...path);
      if (raw === undefined || raw === null) continue;
      const n = num(raw);
      if (n === null) problems.push(`${label}: ${JSON.stringify(raw)} is not a number ≥ 0 (ignored)`);
      return n;
    }
    return null;
  };
  const maxTokens = numberAt([
    [['model', 'parameters', 'max_tokens'], 'model.parameters.max_tokens'],
    [['model', 'parameters', 'max_completion_tokens'], 'model.parameters.max_completion_tokens'],
    [['config', 'maxOutputTokens'], 'config.maxOutputTokens'],
    [['config', 'max_tokens'], 'config.max_tokens'],
  ]);
  const requestsPerDay = numberAt([[['requestsPerDay'], 'requestsPerDay'], [['metadata', 'requestsPerDay'], 'metadata.requestsPerDay']]);
  const configuration = (key: string) => str(get(data, 'model', 'configuration', key));
  const baseUrl = configuration('base_url') ?? configuration('endpoint') ?? configuration('azure_endpoint');
  const configurationType = configuration('type');

  const format: PromptFile['format'] = fileName.endsWith('.prompty') || get(data, 'model', 'api') !== undefined || get(data, 'model', 'configuration') !== undefined ? 'prompty' : 'dotprompt';
  const sections = format === 'prompty' ? promptySections(lines, fm.bodyStart) : dotpromptSections(lines, fm.bodyStart);
  return { format, model, modelKey, maxTokens, requestsPerDay, baseUrl, configurationType, sections, problems };
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

const PROMPT_FILE = /\.(prompt|prompty)$/i;

export function isPromptFilePath(relPath: string): boolean {
  return PROMPT_FILE.test(relPath);
}

/** The name the call site is keyed by (`prompts/triage.prompty#<prompt>` in llmCostLens.callSites). */
export const PROMPT_QUALIFIED_NAME = '<prompt>';

/**
 * A prompt file as the one request it describes: kind chat, the front matter's model (as written: the price catalog
 * resolves provider prefixes such as `googleai/`), max tokens and endpoint, the role sections as prompt parts with
 * their `{{placeholders}}`, and the front matter's `requestsPerDay` handed over as an annotation, so it takes
 * precedence over llmCostLens.callSites exactly as an `llm-cost:` comment does in code. Never throws: a front matter
 * that cannot be read is a skip reason, a field that cannot be used is a problem on the call site.
 */
export function detectPromptFile(relPath: string, text: string): DetectResult {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() === '---' && !splitFrontMatter(lines).present) return { calls: [], skipped: 'front matter: the opening "---" has no closing "---" line' };
  const f = parsePromptFile(text, relPath);
  if (!f.sections.length) return { calls: [], skipped: 'prompt file: no template text after the front matter' };
  const problems = f.problems.map((p) => `front matter ${p}`);
  let annotation: string | null = null;
  if (f.requestsPerDay !== null) {
    // parseAnnotation reads plain decimals; 1e21 would not survive the round trip.
    if (/^\d+(\.\d+)?$/.test(String(f.requestsPerDay))) annotation = `${f.requestsPerDay}/day`;
    else problems.push(`front matter requestsPerDay: ${f.requestsPerDay} is too large (ignored)`);
  }
  const parts: PromptPart[] = f.sections.map((s) => ({ role: s.role, source: 'file', text: s.text, placeholders: s.placeholders }));
  const modelSource = f.model ? 'literal' : 'unresolved';
  // Dotprompt's `ollama/…` runs on a local Ollama; a Prompty configuration may name its endpoint.
  const { endpoint, baseUrl } = endpointFor(f.baseUrl ? { t: 'str', text: f.baseUrl } : null, /^ollama\//i.test(f.model ?? ''), f.configurationType === 'azure_openai');
  let endLine = lines.length;
  while (endLine > 1 && lines[endLine - 1]!.trim() === '') endLine--;
  const call: DetectedCall = {
    file: relPath, line: f.sections[0]!.line, column: 1, endLine,
    language: 'prompt', sdk: 'prompt-file', api: f.format, kind: 'chat',
    model: f.model, modelSource, maxTokens: f.maxTokens, reasoningTokens: null, streaming: false,
    endpoint, baseUrl,
    qualifiedName: PROMPT_QUALIFIED_NAME, annotation, promptParts: parts,
    confidence: confidenceFor(modelSource, parts),
    ...(problems.length ? { problems } : {}),
  };
  return { calls: [call] };
}
