// Usage calibration: files → groups (read once, streamed) → matched to call sites → measured volume and tokens.
// A UsageSet keeps the loaded groups for one folder and hands the scanner its `calibrate` hook, so the CLI and the
// editor's workspace index apply the same measurements.
import type { PriceCatalog } from '../catalog/prices-resolve';
import type { ScannerOptions } from '../scan/workspaceScanner';
import type { WorkspaceSettings } from '../scan/folderSettings';
import type { CallSiteReport } from '../scan/callSite';
import type { Settings } from '../settings';
import { applyMeasurement, calibrate, type Calibration } from './calibrate';
import { siteId } from './match';
import { usageFilesFingerprint, type ResolvedUsageFiles } from './files';
import { loadUsage, type UsageData, type UsageFileRef } from './load';

export { calibrate, applyMeasurement, type UsageReport, type UnmatchedUsage } from './calibrate';
export { loadUsage, type UsageData, type UsageFileRef } from './load';
export { addUsageFiles, usageFilesFromSettings } from './files';

export class UsageSet {
  private data: UsageData | null = null;
  private fingerprint = '';
  /** files refused before reading (restricted mode), listed with the sources */
  private refused: ResolvedUsageFiles['refused'] = [];

  /** Reads the files again when the list or a file's size/mtime changed; returns whether anything changed. */
  /** Bumped whenever different data was loaded (views cached with an older version recompute). */
  version = 0;

  async load(refs: readonly UsageFileRef[], refused: ResolvedUsageFiles['refused'] = []): Promise<boolean> {
    // No files and nothing loaded: nothing changes (a folder without usage files never recomputes for them).
    const fp = refs.length || refused.length ? usageFilesFingerprint(refs) + JSON.stringify(refused) : '';
    if (fp === this.fingerprint) return false;
    this.fingerprint = fp;
    this.version++;
    this.refused = [...refused];
    this.data = refs.length || refused.length ? await loadUsage(refs) : null;
    return true;
  }

  get loaded(): UsageData | null {
    return this.data;
  }

  /** The last calibration of the whole folder: open documents take their measurements from it. */
  private last: Calibration | null = null;

  readonly calibrate: NonNullable<ScannerOptions['calibrate']> = (callSites, ws: WorkspaceSettings, catalog: PriceCatalog): Calibration | null => {
    if (!this.data) return (this.last = null);
    const c = calibrate(catalog, callSites, this.data, ws.settings);
    this.last = c;
    for (const r of this.refused) c.usage.sources.push({ file: r.file, format: null, records: 0, requests: 0, ignored: 0, from: null, to: null, days: null, zoneAssumed: 0, errors: [], errorCount: 0, fatal: r.reason });
    return c;
  };

  /**
   * The call sites of one document (the editor's open file, unsaved text included) with the measurements the
   * folder's calibration gave the same call site (same file, line and column). Matching needs every call site of
   * the folder (unique model, proportional split), so a document is not matched on its own: a call moved by an
   * unsaved edit shows its estimate until the file is saved and the folder is calibrated again.
   */
  measure(catalog: PriceCatalog, callSites: CallSiteReport[], settings: Settings): CallSiteReport[] {
    const last = this.last;
    const data = this.data;
    if (!last || !data) return callSites;
    return callSites.map((c) => {
      const acc = last.bySite.get(siteId(c));
      return acc ? applyMeasurement(catalog, c, acc, data, settings) : c;
    });
  }
}
