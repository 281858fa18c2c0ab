// Which usage files a folder's scan reads: `--usage` arguments (the CLI user's own paths) and the folder's
// llmCostLens.usageFiles setting (relative to the folder). In restricted mode (an untrusted folder) a setting may
// name only files that resolve inside the folder, symlinks followed, as every other read is confined.
import { isAbsolute, join, relative, sep } from 'node:path';
import { statSync } from 'node:fs';
import { resolvesInside } from '../scan/confinedReader';
import type { UsageFileRef } from './load';

export interface ResolvedUsageFiles {
  refs: UsageFileRef[];
  /** entries left out, with the reason */
  refused: { file: string; reason: string }[];
}

export function usageFilesFromSettings(root: string, paths: readonly string[], confined: boolean): ResolvedUsageFiles {
  const refs: UsageFileRef[] = [];
  const refused: ResolvedUsageFiles['refused'] = [];
  for (const p of paths) {
    const rel = p.replace(/\\/g, '/');
    if (confined && (isAbsolute(p) || rel.split('/').includes('..') || !resolvesInside(root, rel))) {
      refused.push({ file: p, reason: 'llmCostLens.usageFiles: not read in restricted mode (only files inside the folder are)' });
      continue;
    }
    refs.push({ path: isAbsolute(p) ? p : join(root, rel), display: p });
  }
  return { refs, refused };
}

/** Size and mtime of each file: the loaded data is reused while none of them changed. */
export function usageFilesFingerprint(refs: readonly UsageFileRef[]): string {
  return JSON.stringify(refs.map((r) => {
    try {
      const st = statSync(r.path);
      return [r.path, st.size, st.mtimeMs];
    } catch {
      return [r.path, null];
    }
  }));
}

/**
 * The llmCostLens.usageFiles value after importing `picked` (absolute paths): a file inside the folder is stored
 * relative to it (posix), so the setting travels with the repository; one outside is stored as an absolute path,
 * except in restricted mode, where it is refused (it would not be read).
 */
export function addUsageFiles(root: string, current: readonly string[], picked: readonly string[], trusted: boolean): { files: string[]; refused: string[] } {
  const files = [...current];
  const refused: string[] = [];
  for (const abs of picked) {
    const rel = relative(root, abs).split(sep).join('/');
    const inside = rel !== '' && !rel.startsWith('../') && rel !== '..' && !isAbsolute(rel);
    if (!inside && !trusted) {
      refused.push(abs);
      continue;
    }
    const value = inside ? rel : abs;
    if (!files.includes(value)) files.push(value);
  }
  return { files, refused };
}
