// `scan`: walk → prefilter → detect → tokens/volume/cost per call site → shared-deployment totals.
// The editor runs the same per-file path on open documents, and keeps a WorkspaceScanner alive for the workspace
// totals, so lenses, status bar, panel and the CLI agree.
import { contentSkipReason } from './walk';
import { mightContainLlmCalls, type WorkspaceReader } from '../detect';
import type { CallSiteContext } from './callSite';
import { buildCallSite, type CallSiteReport } from './callSite';
import type { EngineContext } from '../engine/context';
import { guardFile, skipReason } from './fileGuard';
import { WorkspaceScanner, sortCallSites, type ScanResult, type ScannerOptions } from './workspaceScanner';

export { workspaceReader, sortCallSites, WorkspaceScanner, type ScanResult } from './workspaceScanner';
export { readWorkspaceSettings, type WorkspaceSettings } from './folderSettings';

export async function scanWorkspace(dir: string, options: ScannerOptions = {}): Promise<ScanResult> {
  const scanner = new WorkspaceScanner(dir, options);
  await scanner.scan();
  return scanner.result();
}

/** One document (the editor's path: open, unsaved text), costed exactly as `scan` would cost it. */
export async function analyzeDocument(engine: EngineContext, relPath: string, text: string, ws: CallSiteContext, reader?: WorkspaceReader): Promise<{ callSites: CallSiteReport[]; skipped: string | null }> {
  const reason = contentSkipReason(text, relPath);
  if (reason) return { callSites: [], skipped: reason };
  if (!mightContainLlmCalls(text, relPath)) return { callSites: [], skipped: null };
  let r;
  try {
    r = (await engine.detections.detect(relPath, text, reader)).result;
  } catch (e) {
    return { callSites: [], skipped: skipReason(e) };
  }
  const costed = guardFile(() => r.calls.map((d) => buildCallSite(engine, d, ws)));
  if ('skip' in costed) return { callSites: [], skipped: costed.skip };
  return { callSites: sortCallSites(costed.value), skipped: r.skipped ?? null };
}
