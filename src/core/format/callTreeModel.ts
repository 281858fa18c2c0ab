// The "LLM Cost" call-site tree as plain data (no `vscode`, unit-tested): workspace folders (only when there are
// several) → directories → files → call sites, each with `$X/mo · model · verdict`, an icon and the flags that say
// why a figure needs a look. callTree.ts only turns these nodes into TreeItems.
import { posix } from 'node:path';
import type { CallSiteReport } from '../scan/callSite';
import type { FolderScan } from '../scan/workspaceFolders';
import { formatCount, formatUsd } from '../money';
import { callSiteId } from './panelState';

export type { FolderScan };

export type TreeSort = 'cost' | 'file';
export interface TreeOptions { sort: TreeSort; attentionOnly: boolean }

/** Why a call site's figure needs a look (the "needs attention" filter keeps sites with at least one). */
export type Flag = 'unpriced' | 'unresolved' | 'assumed-volume' | 'self-hosted';
const ATTENTION: ReadonlySet<Flag> = new Set(['unpriced', 'unresolved', 'assumed-volume']);
const FLAG_TEXT: Record<Flag, string> = {
  unpriced: 'unpriced model: no API price',
  unresolved: 'model not resolved from the code: priced at an assumed model',
  'assumed-volume': 'volume is the default: set the requests per day',
  'self-hosted': 'self-hosted endpoint (the API figure is what it would cost on the API)',
};

/** Codicon and theme colour ids; the adapter maps them to ThemeIcon/ThemeColor. */
export interface Icon { id: string; color?: string }

export interface SiteNode {
  kind: 'site'; id: string; label: string; description: string; tooltip: string; icon: Icon; flags: Flag[];
  folder: string; file: string; line: number; column: number; cell: number | null;
  /** the cost panel's id of this call site (panelState.callSiteId) */
  target: string;
  key: string; model: string | null; requestsPerDay: number; volumeSource: CallSiteReport['volume']['source'];
  /** null when the call has no API price */
  monthlyUsd: number | null;
}
export interface FileNode { kind: 'file'; id: string; label: string; description: string; tooltip: string; folder: string; file: string; monthlyUsd: number; children: SiteNode[] }
export interface DirNode { kind: 'dir'; id: string; label: string; description: string; tooltip: string; folder: string; monthlyUsd: number; children: FileNode[] }
export interface FolderNode { kind: 'folder'; id: string; label: string; description: string; tooltip: string; folder: string; monthlyUsd: number; children: DirNode[] }
export type TreeNode = FolderNode | DirNode | FileNode | SiteNode;


export function flagsOf(c: CallSiteReport): Flag[] {
  const flags: Flag[] = [];
  if (!c.cost?.api) flags.push('unpriced');
  if (c.model === null || c.modelSource === 'assumed' || c.modelSource === 'unresolved') flags.push('unresolved');
  if (c.volume.source === 'default') flags.push('assumed-volume');
  if (c.endpoint === 'self-hosted') flags.push('self-hosted');
  return flags;
}

export const needsAttention = (flags: readonly Flag[]): boolean => flags.some((f) => ATTENTION.has(f));

function modelText(c: CallSiteReport): string {
  if (c.model !== null) return c.model;
  return c.assumedModel !== null ? `${c.assumedModel} (assumed)` : 'unresolved model';
}

/** `$X/mo · model · verdict`; an assumed model or approximate tokens make the figure `≈`. */
export function siteDescription(c: CallSiteReport): string {
  const api = c.cost?.api;
  const money = api ? `${c.assumedModel !== null ? '≈' : ''}${formatUsd(api.monthlyUsd)}/mo` : 'unpriced';
  const verdict = c.endpoint === 'self-hosted' ? 'self-hosted endpoint' : (c.cost?.verdict ?? 'no estimate');
  return [money, modelText(c), verdict].join(' · ');
}

function siteIcon(c: CallSiteReport, flags: readonly Flag[]): Icon {
  if (flags.includes('unpriced')) return { id: 'question', color: 'problemsWarningIcon.foreground' };
  if (flags.includes('unresolved')) return { id: 'warning', color: 'problemsWarningIcon.foreground' };
  if (c.endpoint === 'self-hosted') return { id: 'server-environment' };
  switch (c.cost?.verdict) {
    case 'self-hosted': return { id: 'server', color: 'charts.green' };
    case 'hybrid': return { id: 'split-horizontal', color: 'charts.yellow' };
    default: return { id: 'cloud' };
  }
}

function siteTooltip(c: CallSiteReport, flags: readonly Flag[]): string {
  const api = c.cost?.api;
  const lines = [
    `${c.file}:${c.line} — ${c.sdk} ${c.api}`,
    api ? `API ${formatUsd(api.monthlyUsd)}/mo (${api.price.source}${api.price.asOf ? `, ${api.price.asOf}` : ''})` : 'no API price',
    c.cost?.selfHosted ? `self-hosted ${formatUsd(c.cost.selfHosted.monthlyUsd)}/mo (${c.openModel.model})` : `no self-hosted counterpart${c.openModel.reason ? `: ${c.openModel.reason}` : ''}`,
    `at ${formatCount(c.volume.requestsPerDay)}/day (${c.volume.source}) · ${c.tokens.inputBasis.startsWith('exact') ? '' : '≈'}${formatCount(c.tokens.input)} → ${formatCount(c.tokens.output)} tokens`,
    ...flags.map((f) => `⚠ ${FLAG_TEXT[f]}`),
  ];
  return lines.join('\n');
}

function siteNode(folder: string, c: CallSiteReport): SiteNode {
  const flags = flagsOf(c);
  return {
    kind: 'site', id: `${folder}|${callSiteId(c)}`, label: `${c.qualifiedName || c.api} :${c.line}`,
    description: siteDescription(c), tooltip: siteTooltip(c, flags), icon: siteIcon(c, flags), flags,
    folder, file: c.file, line: c.line, column: c.column, cell: c.cell ?? null,
    target: callSiteId(c), key: c.key, model: c.model, requestsPerDay: c.volume.requestsPerDay, volumeSource: c.volume.source,
    monthlyUsd: c.cost?.api?.monthlyUsd ?? null,
  };
}

const sum = (xs: readonly { monthlyUsd: number | null }[]) => xs.reduce((s, x) => s + (x.monthlyUsd ?? 0), 0);
const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Higher cost first, then by name/line, so equal costs keep a stable order. */
function order<T extends { monthlyUsd: number | null }>(items: T[], sort: TreeSort, name: (t: T) => string | number): T[] {
  const byName = (a: T, b: T) => {
    const [x, y] = [name(a), name(b)];
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
  };
  return items.sort(sort === 'cost' ? (a, b) => (b.monthlyUsd ?? -1) - (a.monthlyUsd ?? -1) || byName(a, b) : byName);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}

function dirNodes(folder: string, sites: SiteNode[], options: TreeOptions): DirNode[] {
  const dirs = [...groupBy(sites, (s) => posix.dirname(s.file))].map(([dir, inDir]): DirNode => {
    const files = [...groupBy(inDir, (s) => s.file)].map(([file, inFile]): FileNode => {
      const total = sum(inFile);
      return {
        kind: 'file', id: `${folder}|${file}`, label: posix.basename(file), folder, file, monthlyUsd: total,
        description: `${formatUsd(total)}/mo · ${count(inFile.length, 'call')}`, tooltip: file,
        children: order(inFile, options.sort, (s) => s.line),
      };
    });
    const total = sum(files);
    return {
      kind: 'dir', id: `${folder}|${dir}/`, label: dir === '.' ? '(root)' : dir, folder, monthlyUsd: total,
      description: `${formatUsd(total)}/mo · ${count(inDir.length, 'call')}`, tooltip: dir,
      children: order(files, options.sort, (f) => f.file),
    };
  });
  return order(dirs, options.sort, (d) => d.label);
}

/**
 * The tree's top level: directories for one folder; one node per workspace folder when there are several.
 * Totals are the sum of the API figures shown below them (unpriced calls add nothing and are flagged).
 */
export function buildCallTree(folders: readonly FolderScan[], options: TreeOptions): TreeNode[] {
  const perFolder = folders.map((f): FolderNode => {
    const sites = f.result.callSites.map((c) => siteNode(f.name, c)).filter((s) => !options.attentionOnly || needsAttention(s.flags));
    const children = dirNodes(f.name, sites, options);
    const total = sum(children);
    return { kind: 'folder', id: `${f.name}|`, label: f.name, folder: f.name, monthlyUsd: total, description: `${formatUsd(total)}/mo · ${count(sites.length, 'call')}`, tooltip: f.result.root, children };
  }).filter((f) => f.children.length > 0);
  if (folders.length === 1) return perFolder[0]?.children ?? [];
  return order(perFolder, options.sort, (f) => f.label);
}

export function childrenOf(node: TreeNode): TreeNode[] {
  return node.kind === 'site' ? [] : node.children;
}
