// The engine context: the one owner of the price catalog in use and of every cache the costing path keeps. The CLI
// makes one per run, the editor one per window (services.ts), and both pass it explicitly into scan, analysis and
// costing calls; nothing else in src/core keeps state between calls. Each cache is keyed on all of its inputs:
// the settings snapshot's fingerprint, the catalog's identity, the tokenizer's rank generation and the file texts.
// Replacing the catalog (Update Prices) or the settings (a new snapshot) changes the keys, so nothing computed
// from the old ones can be handed out again — no invalidation calls to forget.
import { loadedPriceCatalog } from '../catalog/prices-update';
import type { PriceCatalog } from '../catalog/prices-resolve';
import type { DetectedCall } from '../detect';
import type { Scenario } from '../config';
import type { EstimateOptions, EstimateOutcome } from '../economics/estimate';
import type { Settings, SettingKey } from '../settings';
import { TokenCountCache, TokenCounter, ranksGeneration } from '../tokens';
import { DetectionCache } from './detections';
import { KeyedMemo, ObjectMemo, RecentMemo } from './memo';
import { memoEstimate } from './estimates';
import { memoPickGpu, type GpuPickMemo } from './gpuPicks';
import type { GpuPicker } from '../economics/deployment';

/** The settings a costing reads: one folder's snapshot (and, for unresolved calls, the workspace's most used model). */
export interface SettingsSnapshot {
  settings: Settings;
  explicit: ReadonlySet<SettingKey>;
}

export interface EngineOptions {
  /** The price catalog to cost with; default the one loaded for this process (usePriceCatalogDir), else the snapshot. */
  catalog?: PriceCatalog;
  /** Bound of the token count cache; 0 disables it (the bench measures the tokenizer itself). */
  tokenCacheEntries?: number;
}

export class EngineContext {
  private current: PriceCatalog;
  readonly detections = new DetectionCache();
  readonly tokenCache: TokenCountCache;
  readonly tokens: TokenCounter;
  /** Per detected call: its call-site report (scan/callSite.ts). */
  readonly reports = new ObjectMemo<DetectedCall, unknown>();
  /** Workspace totals (scan/totals.ts): a few, so a multi-root window does not recompute them folder after folder. */
  readonly totals = new RecentMemo<unknown>(8);
  /** Per price catalog and scenario: the engine's estimate (estimates.ts); a scan has a few hundred distinct ones. */
  readonly estimates = new KeyedMemo<PriceCatalog, EstimateOutcome>(4_000);
  /** Per GPU catalog and self-hosted sizing inputs: the GPU "auto" picks (gpuPicks.ts); fewer than the estimates. */
  readonly gpuPicks: GpuPickMemo = new KeyedMemo(4_000);
  /** pickGpu through gpuPicks: the engine's estimates and the totals' deployments pass it to estimate(). */
  readonly pickGpu: GpuPicker = memoPickGpu(this.gpuPicks);
  private readonly fingerprints = new WeakMap<SettingsSnapshot, string>();

  constructor(options: EngineOptions = {}) {
    this.current = options.catalog ?? loadedPriceCatalog();
    this.tokenCache = new TokenCountCache(options.tokenCacheEntries ?? 5_000);
    this.tokens = new TokenCounter(this.tokenCache);
  }

  /** The price catalog this context costs with. */
  get catalog(): PriceCatalog {
    return this.current;
  }

  /** New price data: everything costed from here on uses it; entries keyed on the old catalog never match again. */
  setCatalog(catalog: PriceCatalog): void {
    this.current = catalog;
  }

  /**
   * The fingerprint of a settings snapshot (its JSON). Remembered per snapshot object: snapshots are values, a
   * changed setting is a new snapshot (readWorkspaceSettings returns a new object on every read).
   */
  settingsKey(s: SettingsSnapshot): string {
    let f = this.fingerprints.get(s);
    if (f === undefined) {
      f = JSON.stringify([s.settings, [...s.explicit].sort()]);
      this.fingerprints.set(s, f);
    }
    return f;
  }

  /** The engine's estimate through this context's memo: equal inputs, an equal result; every caller its own copy. */
  readonly estimate = (scenario: Scenario, options: EstimateOptions): EstimateOutcome =>
    memoEstimate(this.estimates, scenario, { ...options, pickGpu: this.pickGpu });

  /** Changes when the tokenizer's rank location changes (setRanksDir): a count made before may have been ≈ bytes. */
  get tokenizerGeneration(): number {
    return ranksGeneration();
  }
}

export function createEngineContext(options: EngineOptions = {}): EngineContext {
  return new EngineContext(options);
}
