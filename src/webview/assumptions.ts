// The assumption controls: each one writes one llmCostLens.* setting to the workspace folder (through the host).
// Values are checked here with the setting's own zod schema before anything is posted; the host checks again.
import * as z from 'zod';
import { SETTINGS } from '../core/settings';
import type { AssumptionKey, Assumptions } from '../shared/messages';
import { formatUsd } from '../core/format/money';
import { el } from './dom';

type Kind = 'number' | 'days' | 'gpu' | 'precision' | 'hourly';
interface Control { key: AssumptionKey; label: string; kind: Kind; hint?: string }
interface Section { id: string; title: string; controls: Control[] }

export const SECTIONS: Section[] = [
  { id: 'volume', title: 'Volume', controls: [
    { key: 'requestsPerDay', label: 'Default requests per day', kind: 'number', hint: 'for calls without an llm-cost comment or a per-call volume' },
    { key: 'daysPerMonth', label: 'Days per month', kind: 'days' },
  ] },
  { id: 'deployment', title: 'Self-hosted deployment', controls: [
    { key: 'selfHosted.gpu', label: 'GPU', kind: 'gpu' },
    { key: 'selfHosted.gpuCount', label: 'GPUs per deployment', kind: 'number', hint: '0 = sized for the traffic' },
    { key: 'selfHosted.gpuHourlyUsd', label: 'Rent per GPU-hour (USD)', kind: 'hourly', hint: 'empty = the GPU catalog price' },
    { key: 'selfHosted.precision', label: 'Weight precision', kind: 'precision' },
    { key: 'selfHosted.utilization', label: 'Utilization (0–1)', kind: 'number', hint: 'share of capacity really served' },
    { key: 'selfHosted.fixedMonthlyUsd', label: 'Fixed infrastructure per month (USD)', kind: 'number' },
  ] },
  { id: 'ops', title: 'Ops and setup', controls: [
    { key: 'selfHosted.opsHoursPerMonth', label: 'Ops hours per month', kind: 'number' },
    { key: 'selfHosted.opsHourlyUsd', label: 'Engineering rate (USD/hour)', kind: 'number' },
    { key: 'selfHosted.setupHours', label: 'Setup hours (one-time)', kind: 'number' },
    { key: 'selfHosted.setupAmortizationMonths', label: 'Setup amortized over (months)', kind: 'number' },
  ] },
];

export const controlId = (key: string) => `setting-${key.replace(/\./g, '-')}`;

export type Parsed = { ok: true; value: unknown; reset: boolean } | { ok: false; error: string };

/** Text typed into a control → the value to write (or a reset to the default), validated by the setting's schema. */
export function parseControl(key: AssumptionKey, raw: string): Parsed {
  const kind = SECTIONS.flatMap((s) => s.controls).find((c) => c.key === key)?.kind ?? 'number';
  const text = raw.trim();
  let value: unknown = text;
  if (kind === 'hourly' && text === '') return { ok: true, value: undefined, reset: true };
  if (kind === 'number' || kind === 'hourly' || kind === 'days') {
    const cleaned = text.replace(/[,_\s]/g, '').replace(/^\$/, '');
    if (cleaned === '') return { ok: false, error: `llmCostLens.${key}: enter a number` };
    value = Number(cleaned);
    if (!Number.isFinite(value)) return { ok: false, error: `llmCostLens.${key}: "${text}" is not a number` };
  }
  const parsed = (SETTINGS[key].schema as z.ZodType).safeParse(value);
  if (!parsed.success) return { ok: false, error: `llmCostLens.${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}` };
  return { ok: true, value: parsed.data, reset: false };
}

export interface FieldError { message: string; text: string }

export function renderAssumptions(root: HTMLElement, a: Assumptions | null, errors: Record<string, FieldError>): void {
  const section = el('section');
  section.id = 'assumptions';
  section.append(el('h2', 'Assumptions'), el('p', 'Saved in this folder\'s .vscode/settings.json (the file the CLI reads too); every view updates.', 'basis'));
  root.append(section);
  if (!a) return;
  for (const w of a.warnings) section.append(el('p', `Warning: ${w}`, 'problem'));
  const form = el('form');
  form.id = 'assumptions-form';
  form.noValidate = true;
  for (const s of SECTIONS) {
    const fs = el('fieldset');
    fs.dataset.section = s.id;
    fs.append(el('legend', s.title));
    for (const c of s.controls) fs.append(field(c, a, errors[c.key]));
    const reset = el('button', `Reset ${s.title.toLowerCase()} to defaults`, 'secondary');
    reset.type = 'button';
    reset.dataset.action = 'reset-section';
    reset.dataset.section = s.id;
    fs.append(reset);
    form.append(fs);
  }
  section.append(form);
}

function field(c: Control, a: Assumptions, error: FieldError | undefined): HTMLElement {
  const id = controlId(c.key);
  const wrap = el('div', undefined, 'field');
  const label = el('label', c.label);
  label.htmlFor = id;
  const value = a.values[c.key];
  let input: HTMLInputElement | HTMLSelectElement;
  if (c.kind === 'days' || c.kind === 'gpu' || c.kind === 'precision') {
    const select = el('select');
    const options: [string, string][] =
      c.kind === 'days' ? [['30', '30 (every day)'], ['22', '22 (working days)']]
      : c.kind === 'gpu' ? a.gpus.map((g) => [g.id, `${g.id} (${g.memoryGb} GB, ${formatUsd(g.hourlyUsd)}/h)`])
      : (SETTINGS['selfHosted.precision'].enum ?? []).map((p) => [p, p]);
    const current = String(value);
    if (!options.some(([v]) => v === current)) options.unshift([current, current]);
    for (const [v, text] of options) {
      const o = el('option', text);
      o.value = v;
      o.selected = v === current;
      select.append(o);
    }
    input = select;
  } else {
    const text = el('input');
    text.type = 'text';
    text.inputMode = 'decimal';
    text.autocomplete = 'off';
    text.value = error ? error.text : value === null || value === undefined ? '' : String(value);
    if (c.kind === 'hourly') text.placeholder = 'catalog price';
    input = text;
  }
  input.id = id;
  input.name = c.key;
  input.dataset.setting = c.key;
  const described: string[] = [];
  if (c.hint) {
    const hint = el('span', c.hint, 'hint');
    hint.id = `${id}-hint`;
    described.push(hint.id);
    wrap.append(label, input, hint);
  } else wrap.append(label, input);
  const origin = el('span', a.explicit.includes(c.key) ? 'set in this folder' : 'default', 'origin');
  wrap.append(origin);
  if (error) {
    const msg = el('p', error.message, 'error');
    msg.id = `${id}-error`;
    msg.setAttribute('role', 'alert');
    described.push(msg.id);
    input.setAttribute('aria-invalid', 'true');
    wrap.append(msg);
  }
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  return wrap;
}
