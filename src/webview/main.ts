// Cost panel UI. A view only: renders what the extension sends, posts typed intents back.
import { ASSUMPTION_KEYS, hostToWebviewSchema, scenarioRowSchema, workspaceViewSchema, chartViewSchema, changesViewSchema, type AssumptionKey, type CallSiteControl, type ChangesViewMessage, type ChartView, type ScenarioRow, type WebviewToHost, type WorkspaceView } from '../core/protocol/messages';
import { parseCallSiteField } from './callSiteControls';
import { el } from './dom';
import { renderCallSites, WORKSPACE_TARGET, type Sort, type SortColumn } from './callSiteTable';
import { parseControl, renderAssumptions, SECTIONS, type FieldError } from './assumptions';
import { renderScenarios } from './scenarioTable';
import { renderUsage } from './usageSection';
import { renderChanges } from './changesTable';

declare function acquireVsCodeApi(): { postMessage(m: WebviewToHost): void; getState(): unknown; setState(s: unknown): void };
const vscode = acquireVsCodeApi();

interface PanelState {
  rows: ScenarioRow[];
  selected: string | null;
  workspace: WorkspaceView | null;
  sort: Sort;
  target: string;
  chart: ChartView | null;
  errors: Record<string, FieldError>;
  exported: { file: string | null; error: string | null } | null;
  changes: ChangesViewMessage | null;
}
let state: PanelState = { rows: [], selected: null, workspace: null, sort: { column: 'site', descending: false }, target: WORKSPACE_TARGET, chart: null, errors: {}, exported: null, changes: null };

const CALL_SITE_ERRORS: CallSiteControl[] = ['callSite.requestsPerDay', 'callSite.model', 'openModelFor'];

function update(patch: Partial<PanelState>): void {
  state = { ...state, ...patch };
  vscode.setState(state);
  render();
}

function render(): void {
  const root = document.getElementById('root')!;
  const focusedId = document.activeElement instanceof HTMLElement ? focusKey(document.activeElement) : null;
  // A text field being edited keeps what the user typed and the selection: a state update arriving mid-typing (a
  // rescan, another control's write) re-renders the panel, and the fresh field would show the stored value with the
  // caret at its end, so the next keys appended to it ("1.3" + "0.8" → "1.30.8").
  const editing = document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'text' ? document.activeElement : null;
  const typed = editing ? { value: editing.value, start: editing.selectionStart, end: editing.selectionEnd } : null;
  root.replaceChildren();
  const header = el('div', undefined, 'header');
  const exportButton = el('button', 'Export report…', 'secondary');
  exportButton.type = 'button';
  exportButton.id = 'export-report';
  exportButton.dataset.action = 'export';
  exportButton.title = 'Save the call sites, totals and assumptions as Markdown, CSV or JSON (the same report as llm-cost-lens scan --report)';
  header.append(el('h1', 'LLM Cost Lens'), exportButton);
  root.append(header);
  if (state.exported) {
    const status = el('p', state.exported.error ?? `Report saved to ${state.exported.file}`, state.exported.error ? 'error' : 'basis');
    status.id = 'export-status';
    status.setAttribute('role', 'status');
    root.append(status);
  }
  renderCallSites(root, state.workspace, state.sort, state.target, state.chart);
  renderUsage(root, state.workspace?.usage);
  renderChanges(root, state.changes);
  const selected = state.workspace?.callSites.find((r) => r.id === state.target) ?? null;
  renderAssumptions(root, state.workspace?.assumptions ?? null, state.errors, selected);
  renderScenarios(root, state.rows, state.selected);
  const refocused = focusedId ? root.querySelector<HTMLElement>(focusedId) : null;
  refocused?.focus();
  if (typed && refocused instanceof HTMLInputElement && refocused.type === 'text') {
    refocused.value = typed.value;
    refocused.setSelectionRange(typed.start, typed.end);
  }
}

/** A selector that finds the "same" element after a re-render, so keyboard focus survives updates. */
function focusKey(e: HTMLElement): string | null {
  if (e.id) return `#${CSS.escape(e.id)}`;
  if (e.dataset.action === 'sort') return `button[data-action="sort"][data-column="${e.dataset.column}"]`;
  if (e.dataset.action === 'reset-section') return `button[data-section="${e.dataset.section}"]`;
  if (e.dataset.action === 'reset-callsite') return 'button[data-action="reset-callsite"]';
  if (e.dataset.action === 'select-callsite') return `tr[data-id="${CSS.escape(e.dataset.id ?? '')}"]`;
  if (e.dataset.action === 'select-scenario') return `tr[data-file="${CSS.escape(e.dataset.file ?? '')}"]`;
  return null;
}

function sortBy(column: SortColumn): void {
  const descending = state.sort.column === column ? !state.sort.descending : column !== 'site' && column !== 'model' && column !== 'verdict';
  update({ sort: { column, descending } });
}

function selectTarget(target: string): void {
  if (target === state.target && state.chart?.target === target) return;
  const errors = { ...state.errors };
  if (target !== state.target) for (const k of CALL_SITE_ERRORS) delete errors[k];
  update({ target, errors });
  vscode.postMessage({ type: 'selectChart', target });
}

/** The selected call site's fields: llmCostLens.callSites[key].requestsPerDay / .model, or openModelFor[model]. */
function commitCallSite(input: HTMLInputElement | HTMLSelectElement): void {
  const row = state.workspace?.callSites.find((r) => r.id === state.target);
  if (!row) return;
  const errors = { ...state.errors };
  if (input instanceof HTMLSelectElement && input.dataset.openModelFor) {
    delete errors.openModelFor;
    update({ errors });
    vscode.postMessage({ type: 'setOpenModel', apiModel: input.dataset.openModelFor, openModel: input.value === '' ? null : input.value, key: row.key });
    return;
  }
  const field = input.dataset.callsiteField as 'requestsPerDay' | 'model';
  const control: CallSiteControl = field === 'model' ? 'callSite.model' : 'callSite.requestsPerDay';
  const parsed = parseCallSiteField(field, row.key, input.value);
  delete errors[control];
  if (!parsed.ok) {
    errors[control] = { message: parsed.error, text: input.value };
    update({ errors });
    return;
  }
  update({ errors });
  if (parsed.value !== row.override[field]) vscode.postMessage({ type: 'setCallSite', key: row.key, field, value: parsed.value });
}

function commit(input: HTMLInputElement | HTMLSelectElement): void {
  if (input.dataset.callsiteField || input.dataset.openModelFor) return commitCallSite(input);
  const key = input.dataset.setting as AssumptionKey | undefined;
  if (!key || !(ASSUMPTION_KEYS as readonly string[]).includes(key)) return;
  const parsed = parseControl(key, input.value);
  const errors = { ...state.errors };
  delete errors[key];
  if (!parsed.ok) {
    errors[key] = { message: parsed.error, text: input.value };
    update({ errors });
    return;
  }
  const current = state.workspace?.assumptions.values[key];
  const explicit = state.workspace?.assumptions.explicit.includes(key);
  update({ errors });
  if (parsed.reset) {
    if (explicit) vscode.postMessage({ type: 'resetSettings', keys: [key] });
  } else if (parsed.value !== current || !explicit) vscode.postMessage({ type: 'setSetting', key, value: parsed.value });
}

document.addEventListener('click', (ev) => {
  const target = (ev.target as HTMLElement).closest<HTMLElement>('[data-action]');
  if (!target) return;
  const action = target.dataset.action;
  switch (action) {
    case 'sort':
      sortBy(target.dataset.column as SortColumn);
      break;
    case 'open-callsite':
      ev.preventDefault();
      vscode.postMessage({ type: 'openFile', file: target.dataset.file!, line: Number(target.dataset.line), column: Number(target.dataset.column) });
      break;
    case 'select-callsite':
      selectTarget(target.dataset.id!);
      break;
    case 'open-scenario':
      ev.preventDefault();
      vscode.postMessage({ type: 'openFile', file: target.closest<HTMLElement>('tr')!.dataset.file! });
      break;
    case 'select-scenario':
      update({ selected: target.dataset.file! });
      break;
    case 'reset-section': {
      const section = SECTIONS.find((s) => s.id === target.dataset.section);
      if (!section) return;
      const errors = { ...state.errors };
      for (const c of section.controls) delete errors[c.key];
      update({ errors });
      vscode.postMessage({ type: 'resetSettings', keys: section.controls.map((c) => c.key) });
      break;
    }
    case 'reset-callsite': {
      const errors = { ...state.errors };
      for (const k of CALL_SITE_ERRORS) delete errors[k];
      update({ errors });
      vscode.postMessage({ type: 'resetCallSite', key: target.dataset.key!, apiModel: target.dataset.model ?? null });
      break;
    }
    case 'export':
      update({ exported: null });
      vscode.postMessage({ type: 'exportReport' });
      break;
  }
});

document.addEventListener('keydown', (ev) => {
  const t = ev.target as HTMLElement;
  if (ev.key !== 'Enter' && ev.key !== ' ') return;
  if (t instanceof HTMLTableRowElement && t.dataset.action === 'select-callsite') {
    ev.preventDefault();
    selectTarget(t.dataset.id!);
  } else if (t instanceof HTMLTableRowElement && t.dataset.action === 'select-scenario') {
    ev.preventDefault();
    update({ selected: t.dataset.file! });
  } else if (ev.key === 'Enter' && t instanceof HTMLInputElement && (t.dataset.setting || t.dataset.callsiteField)) {
    ev.preventDefault();
    commit(t);
  }
});
document.addEventListener('change', (ev) => {
  const t = ev.target;
  if ((t instanceof HTMLInputElement || t instanceof HTMLSelectElement) && (t.dataset.setting || t.dataset.callsiteField || t.dataset.openModelFor)) commit(t);
});
document.addEventListener('submit', (ev) => ev.preventDefault());

// The charts are drawn for the panel's width: drawn again when it changes (a panel moved beside the editor, or
// resized), or a chart drawn at 1,200 px would be shrunk to illegible text at 400 px.
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let drawnWidth = document.body.clientWidth;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (Math.abs(document.body.clientWidth - drawnWidth) < 8) return;
    drawnWidth = document.body.clientWidth;
    render();
  }, 150);
});

window.addEventListener('message', (ev: MessageEvent) => {
  const parsed = hostToWebviewSchema.safeParse(ev.data);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    vscode.postMessage({ type: 'rejected', reason: reason.slice(0, 4000) });
    return;
  }
  const msg = parsed.data;
  switch (msg.type) {
    case 'scenarios':
      update({ rows: msg.rows });
      break;
    case 'workspace':
      update({ workspace: msg.view });
      break;
    case 'chart':
      if (msg.chart.target === state.target) update({ chart: msg.chart });
      break;
    case 'select':
      selectTarget(msg.target);
      break;
    case 'controlResult': {
      const errors = { ...state.errors };
      const input = document.getElementById(msg.control === 'openModelFor' ? 'callsite-openModel' : msg.control === 'callSite.model' ? 'callsite-model' : 'callsite-requestsPerDay') as HTMLInputElement | null;
      if (msg.error) errors[msg.control] = { message: msg.error, text: input?.value ?? '' };
      else delete errors[msg.control];
      update({ errors });
      break;
    }
    case 'exportResult':
      update({ exported: { file: msg.file, error: msg.error } });
      break;
    case 'changes':
      update({ changes: msg.view });
      break;
    case 'settingResult': {
      const errors = { ...state.errors };
      if (msg.error) errors[msg.key] = { message: msg.error, text: String(state.workspace?.assumptions.values[msg.key] ?? '') };
      else delete errors[msg.key];
      update({ errors });
      break;
    }
  }
});

// Restore after hide/show or reload; every saved part is validated like a message before use.
const saved = (vscode.getState() ?? {}) as Partial<Record<keyof PanelState, unknown>>;
const rows = scenarioRowSchema.array().safeParse(saved.rows);
const workspace = workspaceViewSchema.safeParse(saved.workspace);
const chart = chartViewSchema.safeParse(saved.chart);
const changes = changesViewSchema.safeParse(saved.changes);
const sort = saved.sort as Partial<Sort> | undefined;
state = {
  ...state,
  rows: rows.success ? rows.data : [],
  selected: typeof saved.selected === 'string' ? saved.selected : null,
  workspace: workspace.success ? workspace.data : null,
  chart: chart.success ? chart.data : null,
  changes: changes.success ? changes.data : null,
  target: typeof saved.target === 'string' ? saved.target : WORKSPACE_TARGET,
  sort: typeof sort?.column === 'string' && typeof sort.descending === 'boolean' ? { column: sort.column as SortColumn, descending: sort.descending } : state.sort,
};
render();
vscode.postMessage({ type: 'ready' });
vscode.postMessage({ type: 'selectChart', target: state.target });
