// The cost panel of a multi-root workspace (pure, unit-tested): every folder's call sites, each costed with its own
// folder's settings, grouped by folder with the folder's totals, and the sum of all folders — the same figures as
// `llm-cost-lens scan FILE.code-workspace`. Rows of a folder carry `<folder>/` before their file, key and id (as
// the call-site tree and combineFolderScans do), so the host can route an intent back to that folder.
import type { PriceCatalog } from '../catalog/prices-resolve';
import type { ScanResult } from '../scan/scan';
import type { SettingsRead } from '../settings';
import type { ChartView, WorkspaceView } from '../protocol/messages';
import { combineFolderScans } from '../scan/workspaceFolders';
import { callSiteRow, chartFor, totalsView, workspaceView, WORKSPACE_TARGET } from './panelState';
import { renderUsageReport } from './usageText';

export interface FolderPanelScan { name: string; result: ScanResult; ws: SettingsRead }

export function foldersWorkspaceView(scans: readonly FolderPanelScan[], problem: string | null = null): WorkspaceView {
  if (scans.length === 1) return workspaceView(scans[0]!.result, scans[0]!.ws, scans[0]!.name, problem);
  const first = scans[0]!;
  const combined = combineFolderScans(scans.map((s) => ({ name: s.name, result: s.result })), first.result.root);
  const base = workspaceView(combined, first.ws, `${scans.length} folders (${scans.map((s) => s.name).join(', ')})`, problem);
  const usage = scans.flatMap((s) => (s.result.usage ? [`${s.name}:`, ...renderUsageReport(s.result.usage).split('\n').slice(1).map((l) => `  ${l}`)] : []));
  return {
    ...base,
    callSites: scans.flatMap((s) => s.result.callSites.map((c) => {
      const r = callSiteRow(c, s.ws.settings);
      return { ...r, id: `${s.name}/${r.id}`, file: `${s.name}/${r.file}`, key: `${s.name}/${r.key}`, folder: s.name };
    })),
    folders: scans.map((s) => ({ name: s.name, totals: totalsView(s.result.totals) })),
    assumptions: {
      ...base.assumptions,
      warnings: [
        `The assumptions below are those of folder ${first.name} (its .vscode/settings.json), and the panel saves them there; every other folder keeps its own settings: ${scans.slice(1).map((s) => s.name).join(', ')}.`,
        ...scans.flatMap((s) => s.ws.warnings.map((w) => `${s.name}: ${w}`)),
      ],
    },
    ...(usage.length ? { usage: usage.slice(0, 500) } : {}),
  };
}

/** The folder a prefixed path, key or row id belongs to, and the rest; null when no folder name prefixes it. */
export function splitFolderPath<T extends { name: string }>(folders: readonly T[], prefixed: string): { folder: T; rest: string } | null {
  const hit = [...folders].sort((a, b) => b.name.length - a.name.length).find((f) => prefixed.startsWith(`${f.name}/`));
  return hit ? { folder: hit, rest: prefixed.slice(hit.name.length + 1) } : null;
}

/**
 * The chart of a row (its folder's scan and settings) or, for the totals row, of the folder with the largest API
 * bill (deployments are per folder, so there is no one all-folder deployment to draw).
 */
export function foldersChartFor(catalog: PriceCatalog, scans: readonly FolderPanelScan[], target: string): ChartView {
  if (scans.length === 1) return chartFor(catalog, scans[0]!.result, scans[0]!.ws, target);
  if (target === WORKSPACE_TARGET) {
    const top = [...scans].sort((a, b) => b.result.totals.apiMonthlyUsd - a.result.totals.apiMonthlyUsd)[0]!;
    const chart = chartFor(catalog, top.result, top.ws, WORKSPACE_TARGET);
    return { ...chart, title: chart.title.replace(/^Whole workspace/, `Folder ${top.name} (the largest API bill; deployments are per folder)`) };
  }
  const hit = splitFolderPath(scans, target);
  if (!hit) return { target, title: target, curve: null, note: 'This call site is no longer in the workspace scan.' };
  const chart = chartFor(catalog, hit.folder.result, hit.folder.ws, hit.rest);
  return { ...chart, target, title: `${hit.folder.name}/${chart.title}` };
}

/**
 * "Changes vs base" of several folders (each its own git comparison): one view whose rows carry `<folder>/` before
 * their file (so "open" routes to the folder), every folder's headline, and the strictest policy of them.
 */
interface ChangesLike { headline: string; base: string; policy: 'pass' | 'warn' | 'fail'; prices: string; rows: { file: string }[] }

export function foldersChangesView<V extends ChangesLike>(views: readonly { name: string; view: V }[]): V | null {
  if (views.length === 0) return null;
  if (views.length === 1) return views[0]!.view;
  const rank = { pass: 0, warn: 1, fail: 2 } as const;
  return {
    ...views[0]!.view,
    headline: views.map((v) => `${v.name}: ${v.view.headline}`).join('; '),
    base: [...new Set(views.map((v) => v.view.base))].join(', '),
    policy: views.map((v) => v.view.policy).reduce((a, b) => (rank[b] > rank[a] ? b : a)),
    prices: [...new Set(views.map((v) => v.view.prices))].join('; '),
    rows: views.flatMap((v) => v.view.rows.map((r) => ({ ...r, file: `${v.name}/${r.file}` }))),
  };
}
