// Usage calibration: files → groups (read once, streamed) → matched to call sites → measured volume and tokens.
// A UsageSet keeps the loaded groups for one folder and hands the scanner its `calibrate` hook, so the CLI and the
// editor's workspace index apply the same measurements.
import type { ScannerOptions, WorkspaceSettings } from '../scan/workspaceScanner';
import { calibrate, type Calibration } from './calibrate';
import { usageFilesFingerprint, type ResolvedUsageFiles } from './files';
import { loadUsage, type UsageData, type UsageFileRef } from './load';

export { calibrate, applyMeasurement, type UsageReport, type UnmatchedUsage } from './calibrate';
export { loadUsage, type UsageData, type UsageFileRef } from './load';
export { usageFilesFromSettings } from './files';
export { estimateVsMeasured, measuredVolumeNote, renderUsageReport } from './text';

export class UsageSet {
  private data: UsageData | null = null;
  private fingerprint = '';
  /** files refused before reading (restricted mode), listed with the sources */
  private refused: ResolvedUsageFiles['refused'] = [];

  /** Reads the files again when the list or a file's size/mtime changed; returns whether anything changed. */
  async load(refs: readonly UsageFileRef[], refused: ResolvedUsageFiles['refused'] = []): Promise<boolean> {
    const fp = usageFilesFingerprint(refs) + JSON.stringify(refused);
    if (fp === this.fingerprint) return false;
    this.fingerprint = fp;
    this.refused = [...refused];
    this.data = refs.length || refused.length ? await loadUsage(refs) : null;
    return true;
  }

  get loaded(): UsageData | null {
    return this.data;
  }

  readonly calibrate: NonNullable<ScannerOptions['calibrate']> = (callSites, ws: WorkspaceSettings): Calibration | null => {
    if (!this.data) return null;
    const c = calibrate(callSites, this.data, ws.settings);
    for (const r of this.refused) c.usage.sources.push({ file: r.file, format: null, records: 0, requests: 0, ignored: 0, from: null, to: null, days: null, zoneAssumed: 0, errors: [], errorCount: 0, fatal: r.reason });
    return c;
  };
}
