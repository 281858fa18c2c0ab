// Status bar entry: the workspace's monthly API total and its self-hosted alternative (from the same
// `scanWorkspace` as `llm-cost-lens scan`); click opens the cost panel. The scan runs in the background after
// activation and again, debounced, after a supported file or the folder settings are saved.
import * as vscode from 'vscode';
import { scanWorkspace, type ScanResult } from '../core/scan/scan';
import { formatCount, formatUsd } from '../core/format/money';
import type { FolderSettings } from './analysis';
import { LANGUAGES } from './analysis';
import { CommandId } from './commands';

const RESCAN_DEBOUNCE_MS = 1_000;

export function createStatusBar(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('llmCostLens.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'LLM Cost Lens';
  item.text = '$(graph) LLM Cost';
  item.tooltip = 'LLM Cost Lens: open the cost panel (API vs self-hosted monthly cost and break-even)';
  item.command = CommandId.OpenPanel;
  item.show();
  return item;
}

export function statusText(r: ScanResult): string {
  const t = r.totals;
  if (t.callSites === 0) return '$(graph) LLM Cost: no calls found';
  return `$(graph) LLM Cost: ${formatUsd(t.apiMonthlyUsd)}/mo API · ${formatUsd(t.selfHostedMonthlyUsd)} self-host`;
}

export function statusTooltip(r: ScanResult): vscode.MarkdownString {
  const t = r.totals;
  const lines = [
    `**LLM Cost Lens** — ${t.callSites} call site${t.callSites === 1 ? '' : 's'}, ${t.daysPerMonth} days/month${t.unpriced ? `, ${t.unpriced} unpriced` : ''}`,
    '',
    '| | per month |',
    '|---|---:|',
    `| API, as the code is today | ${formatUsd(t.apiMonthlyUsd)} |`,
    `| Everything self-hostable (shared deployments) | ${formatUsd(t.selfHostedMonthlyUsd)} |`,
    ...t.deployments.map((d) => `| · ${d.openModel}: ${d.gpus ?? '?'} GPU${d.gpus === 1 ? '' : 's'}, ${formatCount(d.requestsPerDay)} calls/day (vs API ${formatUsd(d.apiMonthlyUsd)}) | ${formatUsd(d.monthlyUsd)} |`),
    `| Best routing (${t.verdict}: ${t.routing.selfHosted.length} self-hosted, ${t.routing.api.length} on the API) | ${formatUsd(t.routing.monthlyUsd)} |`,
    '',
    t.routing.savingsVsApiUsd > 0 ? `Routing ${t.routing.selfHosted.join(', ')} to self-hosting saves ${formatUsd(t.routing.savingsVsApiUsd)}/mo.` : 'Keeping every call on the API is cheapest at these volumes.',
    '',
    'Click to open the cost panel.',
  ];
  const md = new vscode.MarkdownString(lines.join('\n'));
  md.isTrusted = false;
  return md;
}

/** Keeps the status bar item's totals current; returns what to dispose. */
export function trackWorkspaceTotals(item: vscode.StatusBarItem, settings: FolderSettings): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let disposed = false;

  const run = async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file' || disposed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = Date.now();
    try {
      const r = await scanWorkspace(folder.uri.fsPath);
      if (disposed) return;
      item.text = statusText(r);
      item.tooltip = statusTooltip(r);
      console.log(`LLM Cost Lens: workspace scan of ${r.callSites.length} call sites in ${Date.now() - started} ms`);
    } catch (e) {
      console.error('LLM Cost Lens: workspace scan failed', e);
      item.text = '$(graph) LLM Cost: scan failed';
      item.tooltip = `LLM Cost Lens: the workspace scan failed (${e instanceof Error ? e.message : String(e)}). Click to open the cost panel.`;
    } finally {
      running = false;
      if (again && !disposed) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = (delay = RESCAN_DEBOUNCE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };
  const supported = new Set<string>(LANGUAGES);
  const subscriptions = [
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (supported.has(doc.languageId) || doc.uri.path.endsWith('.ipynb')) schedule();
    }),
    settings.onDidChange(() => schedule()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => schedule()),
  ];
  schedule(0); // after activation returns: the scan never delays activation
  return new vscode.Disposable(() => {
    disposed = true;
    clearTimeout(timer);
    for (const s of subscriptions) s.dispose();
  });
}
