// Several workspace folders (a multi-root workspace, or `scan` of a `.code-workspace` file): each folder is scanned
// with its OWN settings (.vscode/settings.json of that folder), and the workspace total is the sum of the folders'
// totals. Deployments are not shared across folders: each folder's settings size its own (GPU, utilization, ops).
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import type { ScanResult } from './workspaceScanner';
import { routedVerdict, type Totals } from './totals';

export interface FolderScan { name: string; result: ScanResult }

/** The folders of a `.code-workspace` file, absolute, with VS Code's names (the `name` field, else the basename). */
export function readWorkspaceFile(file: string): { name: string; path: string }[] {
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(readFileSync(file, 'utf8'), errors, { allowTrailingComma: true });
  if (errors.length || typeof raw !== 'object' || raw === null) throw new Error(`${file}: not a JSON object (a .code-workspace file)`);
  const folders = (raw as { folders?: unknown }).folders;
  if (!Array.isArray(folders) || folders.length === 0) throw new Error(`${file}: "folders" must be a non-empty array`);
  const seen = new Map<string, number>();
  return folders.map((f, i) => {
    const path = (f as { path?: unknown })?.path;
    if (typeof path !== 'string' || path.trim() === '') throw new Error(`${file}: folders[${i}].path must be a string (URI folders are not supported)`);
    const abs = resolve(dirname(file), path);
    const given = (f as { name?: unknown }).name;
    let name = typeof given === 'string' && given.trim() ? given.trim() : basename(abs);
    // Two folders with one name would merge in the tree and the per-folder totals: number the later ones.
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return { name, path: abs };
  });
}

/** The sum of per-folder totals (unpriced model names merged); the verdict follows the summed routing. */
export function sumTotals(all: readonly Totals[]): Totals {
  const sum = (f: (t: Totals) => number) => all.reduce((s, t) => s + f(t), 0);
  const routing = {
    monthlyUsd: sum((t) => t.routing.monthlyUsd),
    selfHosted: all.flatMap((t) => t.routing.selfHosted),
    api: all.flatMap((t) => t.routing.api),
    hostedOpen: all.flatMap((t) => t.routing.hostedOpen),
    savingsVsApiUsd: sum((t) => t.routing.savingsVsApiUsd),
  };
  return {
    daysPerMonth: all[0]?.daysPerMonth ?? 30,
    callSites: sum((t) => t.callSites),
    unpriced: sum((t) => t.unpriced),
    unpricedModels: [...new Set(all.flatMap((t) => t.unpricedModels))],
    assumed: sum((t) => t.assumed),
    selfHostedEndpoints: sum((t) => t.selfHostedEndpoints),
    apiMonthlyUsd: sum((t) => t.apiMonthlyUsd),
    selfHostedMonthlyUsd: sum((t) => t.selfHostedMonthlyUsd),
    hostedOpenMonthlyUsd: sum((t) => t.hostedOpenMonthlyUsd),
    deployments: all.flatMap((t) => t.deployments),
    routing,
    verdict: routedVerdict(routing),
  };
}

/**
 * One ScanResult for several folders: call-site files prefixed with the folder name (`backend/app/x.py`), totals
 * summed. With one folder, its result unchanged.
 */
export function combineFolderScans(scans: readonly FolderScan[], root: string): ScanResult {
  if (scans.length === 1) return scans[0]!.result;
  const prefix = (name: string, file: string) => `${name}/${file}`;
  return {
    root,
    callSites: scans.flatMap((s) => s.result.callSites.map((c) => ({ ...c, file: prefix(s.name, c.file), key: prefix(s.name, c.key) }))),
    totals: sumTotals(scans.map((s) => s.result.totals)),
    skipped: scans.flatMap((s) => s.result.skipped.map((k) => ({ ...k, file: prefix(s.name, k.file) }))),
    settings: { file: null, warnings: scans.flatMap((s) => s.result.settings.warnings.map((w) => `${s.name}: ${w}`)) },
  };
}
