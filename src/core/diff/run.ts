// `diff` end to end: resolve the refs, scan each side with its own `.vscode/settings.json` (a committed side from a
// temporary worktree, the working tree in place), ask git for renames, and build the contract.
import { existsSync, mkdirSync } from 'node:fs';
import { scanWorkspace } from '../scan/scan';
import { WorkspaceScanner, type ScannerOptions, type ScanResult } from '../scan/workspaceScanner';
import { priceCatalogInfo } from '../catalog/prices';
import { createEngineContext, type EngineContext } from '../engine/context';
import { buildDiff } from './build';
import { defaultBase, detectRenames, openRepo, resolveCommit, withCommitTree, type Repo } from './git';
import { mergePolicy, policyFromSettings, type Policy } from './policy';
import type { DiffResult } from './types';

export const WORKING_TREE = 'working tree';

export interface DiffOptions {
  /** default: the merge base of HEAD with the default branch */
  base?: string;
  /** default: the working tree, uncommitted and untracked (not ignored) files included */
  head?: string;
  /** policy flags; they win over the base side's `llmCostLens.policy.*` */
  policy?: Partial<Policy>;
  /** measured usage (`--usage`, llmCostLens.usageFiles), applied to both sides: the traffic is the same, the code differs */
  calibrate?: ScannerOptions['calibrate'];
  /** the engine context both sides are costed with (one price catalog); default a new one */
  engine?: EngineContext;
}

/** A committed side, scanned in a temporary worktree with its own settings; `yieldEveryMs` for the editor's host. */
export async function scanCommit(engine: EngineContext, repo: Repo, commit: string, yieldEveryMs?: number, calibrate?: ScannerOptions['calibrate']): Promise<{ scan: ScanResult; policy: Policy }> {
  return withCommitTree(repo, commit, async (dir) => {
    // DIR may not exist at that commit (a folder the change creates): then that side has no call sites.
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    const scanner = new WorkspaceScanner(dir, calibrate ? { engine, calibrate } : { engine });
    await scanner.scan(yieldEveryMs !== undefined ? { yieldEveryMs } : {});
    return { scan: scanner.result(), policy: policyFromSettings(scanner.settings.settings) };
  });
}

export function activePrices(engine: EngineContext): { source: string; asOf: string } {
  const { source, asOf } = priceCatalogInfo(engine.catalog);
  return { source, asOf };
}

export async function runDiff(dir: string, options: DiffOptions = {}): Promise<DiffResult> {
  const repo = await openRepo(dir);
  const base = options.base !== undefined ? { ref: options.base, commit: await resolveCommit(repo, options.base, '--base') } : await defaultBase(repo);
  const headCommit = options.head !== undefined ? await resolveCommit(repo, options.head, '--head') : null;
  const engine = options.engine ?? createEngineContext();
  const before = await scanCommit(engine, repo, base.commit, undefined, options.calibrate);
  const after = headCommit !== null ? (await scanCommit(engine, repo, headCommit, undefined, options.calibrate)).scan : await scanWorkspace(dir, options.calibrate ? { engine, calibrate: options.calibrate } : { engine });
  return buildDiff({
    base: { ...base, scan: before.scan },
    head: { ref: options.head ?? WORKING_TREE, commit: headCommit, scan: after },
    renames: await detectRenames(repo, base.commit, headCommit),
    // The gate is the base's: a change cannot loosen the policy it is judged by.
    policy: mergePolicy(before.policy, options.policy ?? {}),
    prices: activePrices(engine),
  });
}
