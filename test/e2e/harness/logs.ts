// Reads what the extension host logged about our extension (copied into the artifacts folder on stop()).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Session } from './session';

export const EXTENSION_ID = 'llm-cost-lens.llm-cost-lens';

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

function timestamp(line: string): number | undefined {
  const m = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})/.exec(line);
  return m ? Date.parse(m[1].replace(' ', 'T')) : undefined;
}

/** The extension host log files of a stopped session. */
export function extensionHostLogs(session: Session): string[] {
  return walk(join(session.artifactsDir, 'vscode-logs')).filter((f) => /exthost/i.test(f) && f.endsWith('.log'));
}

/** The extension's own "activated in N ms" line, forwarded by the workbench from the extension host's console. */
export function selfReportedActivationMs(session: Session): number | undefined {
  for (const entry of session.console) {
    const m = /LLM Cost Lens activated in (\d+) ms/.exec(entry.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** One line: when the extension host activated the extension (from its log) and how long activate() took. */
export function activationReport(session: Session): string {
  const own = selfReportedActivationMs(session);
  return `${activationFromLog(session)}; activate() took ${own === undefined ? '? (no "activated in" line in the browser console)' : `${own} ms`} by the extension's own count`;
}

function activationFromLog(session: Session): string {
  for (const file of extensionHostLogs(session)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const hit = lines.find((l) => l.includes(`_doActivateExtension ${EXTENSION_ID}`));
    if (!hit) continue;
    const start = timestamp(lines[0]);
    const at = timestamp(hit);
    const event = /activationEvent: '([^']*)'/.exec(hit)?.[1] ?? '?';
    const since = start !== undefined && at !== undefined ? `${at - start} ms after the extension host started` : 'time unknown';
    return `activation of ${EXTENSION_ID} (${event}) began ${since} (${relative(process.cwd(), file)})`;
  }
  return `no activation of ${EXTENSION_ID} found in the extension host logs under ${relative(process.cwd(), join(session.artifactsDir, 'vscode-logs'))}`;
}
