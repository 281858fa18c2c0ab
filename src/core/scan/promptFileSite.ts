// A prompt file's cost for the editor's lens: the same detection (detectPromptFile) and the same costing
// (buildCallSite) that `scan` runs on it, so the lens and the `scan` record of the file are the same numbers.
import { detectPromptFile } from '../detect/promptFile';
import { buildCallSite, type CallSiteContext, type CallSiteReport } from './callSite';
import { contentSkipReason } from './walk';
import type { EngineContext } from '../engine/context';

export interface PromptFileSite {
  /** the call-site record `scan` lists for this file (null when the file is skipped) */
  site: CallSiteReport | null;
  /** why the file is not costed, as `scan` reports it under `skipped` */
  skipped: string | null;
}

/**
 * Synchronous (prompt files need no parser), for a CodeLens provider that caches per document version.
 * `relPath`: posix, relative to the workspace folder, as `scan` keys call sites (`llmCostLens.callSites["<relPath>#<prompt>"]`).
 */
export function estimatePromptFile(engine: EngineContext, relPath: string, text: string, ctx: CallSiteContext): PromptFileSite {
  // The content check `scan` applies before detection (the walk's size limit aside: no prompt file is 1 MB).
  const reason = contentSkipReason(text, relPath);
  if (reason) return { site: null, skipped: reason };
  const r = detectPromptFile(relPath, text);
  return { site: r.calls[0] ? buildCallSite(engine, r.calls[0], ctx) : null, skipped: r.skipped ?? null };
}
