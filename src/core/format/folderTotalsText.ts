// The status bar tooltip's "by folder" table for a multi-root workspace (pure, unit-tested): each folder's API and
// self-hosted monthly figures, as its own settings give them; the status bar text is their sum.
import type { FolderScan } from '../scan/workspaceFolders';
import { formatUsd } from '../money';
import { md } from './hoverText';

export function folderTotalsMarkdown(scans: readonly FolderScan[]): string {
  if (scans.length < 2) return '';
  return [
    '',
    `**By folder** (${scans.length} folders, each with its own settings; self-hosted deployments are per folder)`,
    '',
    '| folder | calls | API | self-hosted |',
    '|---|---:|---:|---:|',
    ...scans.map((s) => `| ${md(s.name)} | ${s.result.totals.callSites} | ${formatUsd(s.result.totals.apiMonthlyUsd)} | ${formatUsd(s.result.totals.selfHostedMonthlyUsd)} |`),
  ].join('\n');
}
