// The selected call site's controls: its requests/day and API model (llmCostLens.callSites["path#name"]) and the
// open model its API model maps to (llmCostLens.openModelFor, which applies to every call of that API model).
// Values are checked here with the same schemas; the host checks again (and checks the model against the catalog).
import { callSiteOverrideSchema } from '../core/settings';
import type { Assumptions, CallSiteControl, CallSiteRow } from '../core/protocol/messages';
import { formatCount } from '../core/money';
import { appendFieldError, el } from './dom';
import type { FieldError } from './assumptions';

export const CALL_SITE_IDS: Record<CallSiteControl, string> = {
  'callSite.requestsPerDay': 'callsite-requestsPerDay',
  'callSite.model': 'callsite-model',
  openModelFor: 'callsite-openModel',
};

/** Text typed into a call-site field → the value to write, or null to remove the field (empty text). */
export function parseCallSiteField(field: 'requestsPerDay' | 'model', key: string, raw: string): { ok: true; value: number | string | null } | { ok: false; error: string } {
  const name = `llmCostLens.callSites[${JSON.stringify(key)}].${field}`;
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  if (field === 'model') return { ok: true, value: text };
  const cleaned = text.replace(/[,_\s]/g, '').replace(/\/day$/i, '');
  const n = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(n)) return { ok: false, error: `${name}: "${text}" is not a number` };
  const parsed = callSiteOverrideSchema.shape.requestsPerDay.safeParse(n);
  if (!parsed.success) return { ok: false, error: `${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}` };
  return { ok: true, value: n };
}

export function renderCallSiteControls(row: CallSiteRow | null, a: Assumptions, errors: Record<string, FieldError>): HTMLFieldSetElement {
  const fs = el('fieldset');
  fs.dataset.section = 'callsite';
  fs.append(el('legend', 'Selected call site'));
  if (!row) {
    fs.append(el('p', 'Select a call site in the table above to set its requests per day, API model and open model.', 'empty'));
    return fs;
  }
  const where = el('p', undefined, 'basis');
  // a multi-root row's key starts with its folder's name; the folder's own settings file has the key without it
  const key = row.folder !== undefined && row.key.startsWith(`${row.folder}/`) ? row.key.slice(row.folder.length + 1) : row.key;
  where.append(`${row.file}:${row.line} — saved as `, el('code', `llmCostLens.callSites["${key}"]`), ...(row.folder !== undefined ? [` in folder ${row.folder}`] : []));
  fs.append(where);

  const annotated = row.volumeSource === 'annotation';
  fs.append(textField('callSite.requestsPerDay', 'Requests per day (this call site)', row.override.requestsPerDay === null ? '' : String(row.override.requestsPerDay),
    `${formatCount(row.requestsPerDay)} (${row.volumeSource})`,
    annotated ? 'An llm-cost comment above the call sets its volume and wins over this value.' : 'empty = the default requests per day',
    row.override.requestsPerDay !== null ? 'set in this folder' : `now: ${row.volumeSource}`, errors));

  fs.append(textField('callSite.model', 'API model (priced for this call site)', row.override.model ?? '', row.model ?? 'unresolved',
    row.modelSource === 'annotation' ? 'An llm-cost comment names the model and wins over this value.' : `a price-catalog id, e.g. gpt-4o-mini; empty = the model in the code${row.override.model === null ? ` (${row.modelSource})` : ''}`,
    row.override.model !== null ? 'set in this folder' : `now: ${row.modelSource}`, errors));

  fs.append(openModelField(row, a, errors));

  const reset = el('button', 'Reset this call site to defaults', 'secondary');
  reset.type = 'button';
  reset.dataset.action = 'reset-callsite';
  reset.dataset.key = row.key;
  if (row.model) reset.dataset.model = row.model;
  fs.append(reset);
  return fs;
}

function textField(control: CallSiteControl, label: string, value: string, placeholder: string, hint: string, origin: string, errors: Record<string, FieldError>): HTMLElement {
  const id = CALL_SITE_IDS[control];
  const error = errors[control];
  const input = el('input');
  input.type = 'text';
  input.autocomplete = 'off';
  if (control === 'callSite.requestsPerDay') input.inputMode = 'decimal';
  input.value = error ? error.text : value;
  input.placeholder = placeholder;
  input.dataset.callsiteField = control === 'callSite.model' ? 'model' : 'requestsPerDay';
  return wrap(id, label, input, hint, origin, error);
}

function openModelField(row: CallSiteRow, a: Assumptions, errors: Record<string, FieldError>): HTMLElement {
  const id = CALL_SITE_IDS.openModelFor;
  const select = el('select');
  const current = row.openModelOverride ?? '';
  const options: [string, string][] = [
    ['', row.openModelOverride === null ? `built-in mapping (${row.openModel ?? 'none'})` : 'built-in mapping'],
    ...a.openModels.map((m): [string, string] => [m.id, `${m.id} (${formatCount(m.paramsB)}B)`]),
    ['none', 'none (keep this API model on the API)'],
  ];
  if (!options.some(([v]) => v === current)) options.splice(1, 0, [current, current]);
  for (const [v, text] of options) {
    const o = el('option', text);
    o.value = v;
    o.selected = v === current;
    select.append(o);
  }
  if (row.model === null) select.disabled = true;
  else select.dataset.openModelFor = row.model;
  const label = row.model === null ? 'Open model (the API model is unresolved)' : `Open model for ${row.model} (every call site using it)`;
  const hint = row.model === null ? 'set an API model first' : 'what would serve this traffic when self-hosted';
  return wrap(id, label, select, hint, row.openModelOverride !== null ? `set in this folder: llmCostLens.openModelFor["${row.model}"]` : `now: ${row.openModelReason}`, errors.openModelFor);
}

function wrap(id: string, label: string, input: HTMLInputElement | HTMLSelectElement, hint: string, origin: string, error: FieldError | undefined): HTMLElement {
  const w = el('div', undefined, 'field');
  const l = el('label', label);
  l.htmlFor = id;
  input.id = id;
  const h = el('span', hint, 'hint');
  h.id = `${id}-hint`;
  const described = [h.id];
  w.append(l, input, h, el('span', origin, 'origin'));
  if (error) appendFieldError(w, input, id, error.message, described);
  input.setAttribute('aria-describedby', described.join(' '));
  return w;
}
