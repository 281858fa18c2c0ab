// The per-document analysis cache behind the CodeLens, hover and decorations, without `vscode`: keyed by document
// URI, valid for one document version and the exact inputs it was computed from (the settings generation, the engine
// context's price catalog and rank generation: see `DocumentAnalyses.inputs` in analysis.ts). `analysis.ts` decides when to compute (debounce,
// settings changes); this decides what a provider gets. Pure so `bench/codelens.ts` times the provider's own path.
import type { CallSiteReport } from '../core/scan/callSite';

/** Everything besides the text an analysis depends on; an entry serves only the same inputs (Object.is, in order). */
export type AnalysisInputs = readonly unknown[];

const sameInputs = (a: AnalysisInputs, b: AnalysisInputs): boolean => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

export interface Analysis {
  version: number;
  callSites: CallSiteReport[];
  skipped: string | null;
}

/** A text document's version, or a notebook's (its cells' versions joined). */
export type SourceVersion = number | string;

interface Entry {
  version: SourceVersion;
  inputs: AnalysisInputs;
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

  readonly stats = { hits: 0, misses: 0 };

  /** The analysis of exactly this version under these inputs, finished or running; else undefined. */
  current(key: string, version: SourceVersion, inputs: AnalysisInputs): Promise<Analysis> | undefined {
    const e = this.entries.get(key);
    const hit = e && e.version === version && sameInputs(e.inputs, inputs) ? e.result : undefined;
    if (hit) this.stats.hits++;
    else this.stats.misses++;
    return hit;
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
  start(key: string, version: SourceVersion, inputs: AnalysisInputs, analyse: () => Promise<{ callSites: CallSiteReport[]; skipped: string | null }>, hooks: AnalysisHooks = {}): Promise<Analysis> {
    const previous = this.entries.get(key)?.settled;
    const started = Date.now();
    // Analysis.version is a text document's version; a notebook's analysis is filtered per cell (and versioned) by the caller.
    const docVersion = typeof version === 'number' ? version : 0;
    const entry: Entry = { version, inputs, settled: previous, result: Promise.resolve(undefined as never) };
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
