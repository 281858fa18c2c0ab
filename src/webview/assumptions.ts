// The assumption controls: each one writes one llmCostLens.* setting to the workspace folder (through the host).
// Values are checked here with the setting's own zod schema before anything is posted; the host checks again.
import * as z from 'zod';
import { SETTINGS } from '../core/settings';
import type { AssumptionKey, Assumptions, CallSiteRow } from '../core/protocol/messages';
import { formatUsd } from '../core/money';
import { appendFieldError, el } from './dom';
import { renderCallSiteControls } from './callSiteControls';
import { offerSpecs } from '../core/catalog/gpuOffers';

/** `nullable`: a number whose empty field removes the setting (its default is null: catalog price, no split). */
type Kind = 'number' | 'nullable' | 'days' | 'gpu' | 'precision' | 'ownership' | 'engine' | 'offer' | 'bool';
interface Control { key: AssumptionKey; label: string; kind: Kind; hint?: string; placeholder?: string }
interface Section { id: string; title: string; controls: Control[]; note?: string; resetLabel?: string }

export const SECTIONS: Section[] = [
  { id: 'volume', title: 'Volume', controls: [
    { key: 'requestsPerDay', label: 'Default requests per day', kind: 'number', hint: 'for calls without an llm-cost comment or a per-call volume' },
    { key: 'daysPerMonth', label: 'Days per month', kind: 'days' },
  ] },
  { id: 'deployment', title: 'Self-hosted deployment', controls: [
    { key: 'selfHosted.gpu', label: 'GPU', kind: 'gpu' },
    { key: 'selfHosted.gpuCount', label: 'GPUs per deployment', kind: 'number', hint: '0 = sized for the traffic' },
    { key: 'selfHosted.gpuHourlyUsd', label: 'Rent per GPU-hour (USD)', kind: 'nullable', hint: 'empty = the GPU catalog price; not used for owned GPUs', placeholder: 'catalog price' },
    { key: 'selfHosted.precision', label: 'Weight precision', kind: 'precision' },
    { key: 'selfHosted.utilization', label: 'Utilization (0–1)', kind: 'number', hint: 'share of capacity really served' },
    { key: 'selfHosted.fixedMonthlyUsd', label: 'Fixed infrastructure per month (USD)', kind: 'number' },
  ] },
  { id: 'owned', title: 'Owned GPUs (purchase + power)', resetLabel: 'Reset owned GPUs to defaults', note: 'Instead of rent: each GPU costs its purchase price ÷ amortization months + power (TDP × 0.7 load × PUE × $/kWh × 730 h) per month.', controls: [
    { key: 'selfHosted.gpuOwnership', label: 'GPUs are', kind: 'ownership' },
    { key: 'selfHosted.gpuPurchaseUsd', label: 'Purchase price per GPU (USD)', kind: 'nullable', hint: 'empty = the GPU catalog price', placeholder: 'catalog price' },
    { key: 'selfHosted.gpuAmortizationMonths', label: 'Purchase amortized over (months)', kind: 'number' },
    { key: 'selfHosted.powerUsdPerKWh', label: 'Power price (USD/kWh)', kind: 'number' },
    { key: 'selfHosted.pue', label: 'PUE (1–3)', kind: 'number', hint: 'cooling and power overhead of the room; 1.2–1.5 is typical' },
  ] },
  { id: 'ops', title: 'Ops and setup', controls: [
    { key: 'selfHosted.opsHoursPerMonth', label: 'Ops hours per month', kind: 'number' },
    { key: 'selfHosted.opsHourlyUsd', label: 'Engineering rate (USD/hour)', kind: 'number' },
    { key: 'selfHosted.setupHours', label: 'Setup hours (one-time)', kind: 'number' },
    { key: 'selfHosted.setupAmortizationMonths', label: 'Setup amortized over (months)', kind: 'number' },
  ] },
  { id: 'serving', title: 'Serving and traffic', resetLabel: 'Reset serving and traffic to defaults', note: 'Engine speed vs the calibrated model, a latency target (throughput at the largest batch that meets it), the traffic shape replicas are sized for, and where the GPUs are rented.', controls: [
    { key: 'selfHosted.engine', label: 'Serving engine', kind: 'engine' },
    { key: 'selfHosted.maxTpotMs', label: 'Latency target (ms per output token)', kind: 'nullable', hint: 'empty = no target (peak throughput)', placeholder: 'no target' },
    { key: 'selfHosted.maxTtftMs', label: 'Time to first token target (ms)', kind: 'nullable', hint: 'empty = no target', placeholder: 'no target' },
    { key: 'peakToAverage', label: 'Peak-to-average traffic', kind: 'number', hint: '1 = flat; replicas are sized for the peak' },
    { key: 'activeHoursPerDay', label: 'Active hours per day', kind: 'number', hint: '24 = round the clock' },
    { key: 'selfHosted.gpuOffer', label: 'GPU offer', kind: 'offer', hint: 'a tier takes the cheapest provider listing it; not used with a typed rent' },
    { key: 'selfHosted.scaleToZero', label: 'Scale to zero', kind: 'bool', hint: 'serverless GPUs billed per second for the active hours; cold start noted' },
  ] },
  { id: 'hybrid', title: 'Hybrid routing', controls: [
    { key: 'hybrid.selfHostedShare', label: 'Share of requests self-hosted (0–1)', kind: 'nullable', hint: 'each call site is costed at this split (the rest via the API); empty = no fixed split', placeholder: 'no fixed split' },
  ] },
];

export const controlId = (key: string) => `setting-${key.replace(/\./g, '-')}`;

export type Parsed = { ok: true; value: unknown; reset: boolean } | { ok: false; error: string };

/** Text typed into a control → the value to write (or a reset to the default), validated by the setting's schema. */
export function parseControl(key: AssumptionKey, raw: string): Parsed {
  const kind = SECTIONS.flatMap((s) => s.controls).find((c) => c.key === key)?.kind ?? 'number';
  const text = raw.trim();
  let value: unknown = text;
  if ((kind === 'nullable' || kind === 'offer') && text === '') return { ok: true, value: undefined, reset: true };
  if (kind === 'bool') value = text === 'true';
  if (kind === 'number' || kind === 'nullable' || kind === 'days') {
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

export function renderAssumptions(root: HTMLElement, a: Assumptions | null, errors: Record<string, FieldError>, selected: CallSiteRow | null = null): void {
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
    if (s.note) fs.append(el('p', s.note, 'basis'));
    for (const c of s.controls) fs.append(field(c, a, errors[c.key]));
    const reset = el('button', s.resetLabel ?? `Reset ${s.title.toLowerCase()} to defaults`, 'secondary');
    reset.type = 'button';
    reset.dataset.action = 'reset-section';
    reset.dataset.section = s.id;
    fs.append(reset);
    form.append(collapsible(s.id, s.title, fs));
    if (s.id === 'volume') form.append(renderCallSiteControls(selected, a, errors));
  }
  section.append(form);
}

/** Sections the user folded (kept across re-renders, which rebuild the form). */
const folded = new Set<string>();
let listening = false;

/** Registered on first render, not at import: the unit tests import this module's parsers in plain Node. */
function trackFolds(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('toggle', (ev) => {
    const d = ev.target;
    if (!(d instanceof HTMLDetailsElement) || !d.dataset.fold) return;
    if (d.open) folded.delete(d.dataset.fold);
    else folded.add(d.dataset.fold);
  }, true);
}

/** A section that folds under its title (a narrow panel shows the titles, the user opens what they need). */
function collapsible(id: string, title: string, body: HTMLElement): HTMLDetailsElement {
  trackFolds();
  const d = el('details', undefined, 'fold');
  d.dataset.fold = id;
  d.open = !folded.has(id);
  d.append(el('summary', title), body);
  return d;
}

function field(c: Control, a: Assumptions, error: FieldError | undefined): HTMLElement {
  const id = controlId(c.key);
  const wrap = el('div', undefined, 'field');
  const label = el('label', c.label);
  label.htmlFor = id;
  const value = a.values[c.key];
  let input: HTMLInputElement | HTMLSelectElement;
  if (c.kind === 'days' || c.kind === 'gpu' || c.kind === 'precision' || c.kind === 'ownership' || c.kind === 'engine' || c.kind === 'offer' || c.kind === 'bool') {
    const select = el('select');
    const options: [string, string][] =
      c.kind === 'days' ? [['30', '30 (every day)'], ['22', '22 (working days)']]
      : c.kind === 'gpu' ? [['auto', 'auto (cheapest GPU that fits and serves the volume)'], ...a.gpus.map((g): [string, string] => [g.id, `${g.id} (${g.memoryGb} GB, ${formatUsd(g.hourlyUsd)}/h)`])]
      : c.kind === 'ownership' ? [['rented', 'rented (pay per GPU-hour)'], ['owned', 'owned (purchase + power)']]
      : c.kind === 'engine' ? SETTINGS['selfHosted.engine'].schema.options.map((e): [string, string] => [e, e === 'vllm' ? 'vllm (default)' : e === 'tensorrt-llm' ? 'tensorrt-llm (the calibrated peak)' : e])
      : c.kind === 'offer' ? [['', 'GPU catalog price'], ...offerSpecs().map((o): [string, string] => [o, o.includes(':') ? o : `${o} (cheapest provider)`])]
      : c.kind === 'bool' ? [['false', 'no (always on)'], ['true', 'yes (serverless, per-second billing)']]
      : SETTINGS['selfHosted.precision'].schema.options.map((p): [string, string] => [p, p]);
    const current = value === null || value === undefined ? '' : String(value);
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
    if (c.placeholder) text.placeholder = c.placeholder;
    input = text;
  }
  input.id = id;
  input.name = c.key;
  input.dataset.setting = c.key;
  const described: string[] = [];
  let hintText = c.hint;
  if (c.key === 'selfHosted.gpuPurchaseUsd') {
    const gpu = a.gpus.find((g) => g.id === a.values['selfHosted.gpu']);
    if (gpu) hintText = `empty = the GPU catalog price (${gpu.id}: ${formatUsd(gpu.purchaseUsd)})`;
  }
  if (hintText) {
    const hint = el('span', hintText, 'hint');
    hint.id = `${id}-hint`;
    described.push(hint.id);
    wrap.append(label, input, hint);
  } else wrap.append(label, input);
  const origin = el('span', a.explicit.includes(c.key) ? 'set in this folder' : 'default', 'origin');
  wrap.append(origin);
  if (error) appendFieldError(wrap, input, id, error.message, described);
  if (described.length) input.setAttribute('aria-describedby', described.join(' '));
  return wrap;
}
