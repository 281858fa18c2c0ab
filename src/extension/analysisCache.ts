// The per-document analysis cache behind the CodeLens, hover and decorations, without `vscode`: keyed by document
// URI, valid for one document version and one settings generation. `analysis.ts` decides when to compute (debounce,
// settings changes); this decides what a provider gets. Pure so `bench/codelens.ts` times the provider's own path.
import type { CallSiteReport } from '../core/scan/callSite';

export interface Analysis {
  version: number;
  callSites: CallSiteReport[];
  skipped: string | null;
}

/** A text document's version, or a notebook's (its cells' versions joined). */
export type SourceVersion = number | string;

interface Entry {
  version: SourceVersion;
  settingsGeneration: number;
  result: Promise<Analysis>;
  /** The last finished analysis of this document (an older version's while a newer one runs). */
  settled: Analysis | undefined;
}

export interface AnalysisHooks {
  /** After the first analysis of a document finished (not after re-analyses while typing). */
  first?(analysis: Analysis, ms: number): void;
  failed?(error: unknown): void;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  /** The analysis of exactly this version under this settings generation, finished or running; else undefined. */
  current(key: string, version: SourceVersion, settingsGeneration: number): Promise<Analysis> | undefined {
    const e = this.entries.get(key);
    return e && e.version === version && e.settingsGeneration === settingsGeneration ? e.result : undefined;
  }

  /** The last finished analysis, whatever its version. */
  settled(key: string): Analysis | undefined {
    return this.entries.get(key)?.settled;
  }

  /** Whether the latest analysis started for `key` (finished or not) was of this version. */
  isVersion(key: string, version: SourceVersion): boolean {
    return this.entries.get(key)?.version === version;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /**
   * Starts analysing `version`; until it finishes, `settled` keeps the previous result (lenses stay put).
   * A failure becomes an empty analysis whose `skipped` says why, never a rejected promise.
   */
  start(key: string, version: SourceVersion, settingsGeneration: number, analyse: () => Promise<{ callSites: CallSiteReport[]; skipped: string | null }>, hooks: AnalysisHooks = {}): Promise<Analysis> {
    const previous = this.entries.get(key)?.settled;
    const started = Date.now();
    // Analysis.version is a text document's version; a notebook's analysis is filtered per cell (and versioned) by the caller.
    const docVersion = typeof version === 'number' ? version : 0;
    const entry: Entry = { version, settingsGeneration, settled: previous, result: Promise.resolve(undefined as never) };
    const settle = (a: Analysis) => {
      if (this.entries.get(key) === entry) entry.settled = a;
      return a;
    };
    entry.result = analyse().then(
      (r) => {
        const a: Analysis = { version: docVersion, callSites: r.callSites, skipped: r.skipped };
        if (!previous) hooks.first?.(a, Date.now() - started);
        return settle(a);
      },
      (e: unknown) => {
        hooks.failed?.(e);
        return settle({ version: docVersion, callSites: [], skipped: `analysis failed: ${e instanceof Error ? e.message : String(e)}` });
      },
    );
    this.entries.set(key, entry);
    return entry.result;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
