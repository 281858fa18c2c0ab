// Reads what the extension host logged about our extension (copied into the artifacts folder on stop()).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

export const ACTIVATED = /LLM Cost Lens activated in (\d+) ms(?: \(finished at (\d{4}-\d\d-\d\dT[\d:.]+Z)\))?/;

/** The extension's own "activated in N ms": from its log file (Output ▸ LLM Cost Lens), else the browser console. */
export function selfReportedActivationMs(session: Session): number | undefined {
  const fromLog = activationTimings(session).activateMs;
  if (fromLog !== undefined) return fromLog;
  for (const entry of session.console) {
    const m = ACTIVATED.exec(entry.text);
    if (m) return Number(m[1]);
  }
  return undefined;
}

export interface ActivationTimings {
  /** The activation event the extension host named (e.g. onStartupFinished). */
  event?: string;
  /** From the extension host's first log line to its `_doActivateExtension` line for us. */
  extensionHostStartToActivationMs?: number;
  /** From `_doActivateExtension` to the end of activate(): loading dist/extension.js + activate(). */
  loadAndActivateMs?: number;
  /** What activate() measured itself. */
  activateMs?: number;
  /** The log files these come from (relative to the working directory). */
  files: string[];
}

/**
 * Activation of the first extension host that activated us, from two log files VS Code writes in the same folder:
 * `remoteexthost.log` (the host's `_doActivateExtension` line) and `<extension id>/LLM Cost Lens.log` (ours).
 * `dir`: a logs folder; by default the session's copy (complete after stop()), or pass the live one.
 */
export function activationTimings(session: Session, dir = join(session.artifactsDir, 'vscode-logs')): ActivationTimings {
  for (const file of walk(dir).filter((f) => /remoteexthost\.log$|exthost\.log$/i.test(f)).sort()) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const hit = lines.find((l) => l.includes(`_doActivateExtension ${EXTENSION_ID}`));
    if (!hit) continue;
    const out: ActivationTimings = { files: [relative(process.cwd(), file)] };
    out.event = /activationEvent: '([^']*)'/.exec(hit)?.[1];
    const start = timestamp(lines[0]);
    const began = timestamp(hit);
    if (start !== undefined && began !== undefined) out.extensionHostStartToActivationMs = began - start;
    const own = join(dirname(file), EXTENSION_ID, 'LLM Cost Lens.log');
    if (existsSync(own)) {
      out.files.push(relative(process.cwd(), own));
      const line = readFileSync(own, 'utf8').split('\n').find((l) => ACTIVATED.test(l));
      if (line) {
        const m = ACTIVATED.exec(line)!;
        out.activateMs = Number(m[1]);
        // The end time the extension put in the message; the line's own stamp can be later (buffered log channel).
        const at = m[2] ? Date.parse(m[2]) : timestamp(line);
        if (at !== undefined && began !== undefined) out.loadAndActivateMs = at - began;
      }
    }
    return out;
  }
  return { files: [] };
}

/** One line: when the extension host activated the extension (from its log) and how long activate() took. */
export function activationReport(session: Session): string {
  const t = activationTimings(session);
  const own = t.activateMs ?? selfReportedActivationMs(session);
  const load = t.loadAndActivateMs === undefined ? '' : `; ${t.loadAndActivateMs} ms from the host's activation line to ours (loading dist/extension.js + activate())`;
  return `${activationFromLog(session)}; activate() took ${own === undefined ? '? (no "activated in" line in the extension\'s log or the browser console)' : `${own} ms`} by the extension's own count${load}`;
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

/** Our log file in the running session (VS Code writes it under the user-data dir's logs/<timestamp>/exthostN/). */
function liveExtensionLogs(session: Session): string[] {
  return walk(join(session.server.dirs.userDataDir, 'logs')).filter((f) => f.endsWith(join(EXTENSION_ID, 'LLM Cost Lens.log')));
}

/**
 * Waits until the extension's own log (Output ▸ LLM Cost Lens, as VS Code writes it to disk) has a line matching
 * `pattern`; returns that line. A condition on the product's own signal, not a fixed sleep.
 */
export async function waitForExtensionLog(session: Session, pattern: RegExp, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const file of liveExtensionLogs(session)) {
      const line = readFileSync(file, 'utf8').split('\n').find((l) => pattern.test(l));
      if (line) return line;
    }
    if (Date.now() >= deadline) {
      throw new Error(`no line matching ${pattern} in the extension's log (Output ▸ LLM Cost Lens) after ${timeoutMs} ms; logs: ${liveExtensionLogs(session).join(', ') || 'none yet'}`);
    }
    await new Promise((r) => setTimeout(r, 200)); // polling interval of a condition wait
  }
}
