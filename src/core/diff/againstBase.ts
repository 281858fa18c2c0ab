// The editor's "vs main": the workspace index's current result (the working tree) against the default base. The
// base side is scanned once per base commit and price catalog and kept; each refresh then costs a few git calls
// (the base, renames) and the matching — no re-scan of the base while the user edits.
import { createEngineContext, type EngineContext } from '../engine/context';
import type { ScanResult } from '../scan/workspaceScanner';
import { buildDiff } from './build';
import { DiffInputError, defaultBase, detectRenames, openRepo } from './git';
import type { Policy } from './policy';
import { activePrices, scanCommit, WORKING_TREE } from './run';
import type { DiffResult } from './types';
import { signedUsd } from './describe';

export class BaseComparison {
  private base: { commit: string; catalog: object; ranks: number; scan: ScanResult; policy: Policy } | null = null;

  constructor(private readonly dir: string, private readonly yieldEveryMs = 20, private readonly engine: EngineContext = createEngineContext()) {}

  /** The diff of `head` (a scan of `dir`'s working tree) against the default base; null when `dir` has no git base. */
  async compare(head: ScanResult): Promise<DiffResult | null> {
    let repo;
    let base;
    try {
      repo = await openRepo(this.dir);
      base = await defaultBase(repo);
    } catch (e) {
      if (e instanceof DiffInputError) return null;
      throw e;
    }
    const { catalog, tokenizerGeneration: ranks } = this.engine;
    if (!this.base || this.base.commit !== base.commit || this.base.catalog !== catalog || this.base.ranks !== ranks) {
      const scanned = await scanCommit(this.engine, repo, base.commit, this.yieldEveryMs);
      this.base = { commit: base.commit, catalog, ranks, ...scanned };
    }
    return buildDiff({
      base: { ...base, scan: this.base.scan },
      head: { ref: WORKING_TREE, commit: null, scan: head },
      renames: await detectRenames(repo, base.commit, null),
      policy: this.base.policy,
      prices: activePrices(this.engine),
    });
  }
}

/** The status bar's words: `+$120/mo vs main`, or `no change vs main`. */
export function vsBaseLabel(d: DiffResult): string {
  const ref = d.base.ref.replace(/^origin\//, '');
  return d.summary.noChange ? `no change vs ${ref}` : `${signedUsd(d.totals.deltaMonthlyUsd)}/mo vs ${ref}`;
}
