// Timings the e2e tests observe (reported, never asserted): merged into test-results/e2e/timings.json, one section
// per session, so run.mjs can print a summary after all test files (each its own process) have run.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Session } from './session';
import { activationTimings, type ActivationTimings } from './logs';

export const TIMINGS_FILE = 'timings.json';

/** Merges `values` into this session's section of timings.json (arrays are appended to, other values replaced). */
export function recordTimings(session: Session, values: Record<string, unknown>): void {
  const file = join(session.config.resultsDir, TIMINGS_FILE);
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>) : {};
  const section = (all[session.name] ??= {});
  for (const [key, value] of Object.entries(values)) {
    const prev = section[key];
    section[key] = Array.isArray(prev) && Array.isArray(value) ? [...prev, ...value] : value;
  }
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
}

/** After stop(): the activation timings from the session's copied logs, printed and recorded. */
export function reportActivation(session: Session): ActivationTimings {
  const t = activationTimings(session);
  console.log(
    `[e2e] timing ${session.name}: activation (${t.event ?? '?'}) began ${t.extensionHostStartToActivationMs ?? '?'} ms after the extension host started; ` +
      `from there to the end of activate() (loading dist/extension.js + activate()) ${t.loadAndActivateMs ?? '?'} ms; activate() alone ${t.activateMs ?? '?'} ms (${t.files.join(', ') || 'no logs'})`,
  );
  recordTimings(session, { activation: t });
  return t;
}
