// Workspace walk for `scan`: which files are analysed, and why the others are not. Honours .gitignore files (root
// and nested) and `files.exclude` from <root>/.vscode/settings.json, and never descends into dependency folders,
// virtualenvs or build output. Each pruned folder or skipped file is reported once with its reason.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageForPath, minifiedLineLength } from '../detect';
import { isPromptFilePath } from '../detect/promptFile';

export interface WalkResult {
  files: string[];
  skipped: { file: string; reason: string }[];
  /** size and modification time of each file in `files`, for change detection between scans */
  stats: Map<string, { size: number; mtimeMs: number }>;
}

const PRUNED_DIRS: Record<string, string> = {
  node_modules: 'dependency folder (node_modules)',
  '.git': 'version control metadata',
  '.hg': 'version control metadata',
  '.svn': 'version control metadata',
  __pycache__: 'Python bytecode cache',
  '.venv': 'Python virtualenv',
  venv: 'Python virtualenv',
  'site-packages': 'installed Python packages',
  '.tox': 'tox environments',
  '.mypy_cache': 'tool cache',
  '.pytest_cache': 'tool cache',
  '.next': 'build output (.next)',
  '.nuxt': 'build output (.nuxt)',
  dist: 'build output (dist)',
  build: 'build output (build)',
  out: 'build output (out)',
  coverage: 'coverage output',
  '.vscode-test': 'VS Code test downloads',
  '.ipynb_checkpoints': 'notebook checkpoints',
};

export const MAX_FILE_BYTES = 1_000_000;

export function walkWorkspace(root: string, filesExclude: Record<string, unknown> = {}): WalkResult {
  const files: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  const stats: WalkResult['stats'] = new Map();
  const exclude = ignore().add(Object.entries(filesExclude).filter(([, on]) => on === true).map(([glob]) => glob));

  const visit = (rel: string, rules: { base: string; ig: Ignore }[]) => {
    const abs = rel ? join(root, rel) : root;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      skipped.push({ file: rel || '.', reason: `unreadable folder (${(e as NodeJS.ErrnoException).code ?? e})` });
      return;
    }
    // The listing answers what used to take a failed open per folder (.gitignore) and an exists() per subfolder.
    if (rel && entries.some((e) => e.name === 'pyvenv.cfg')) {
      skipped.push({ file: `${rel}/`, reason: 'Python virtualenv' });
      return;
    }
    const own = entries.some((e) => e.name === '.gitignore' && !e.isDirectory()) ? readGitignore(abs) : null;
    const scoped = own ? [...rules, { base: rel, ig: own }] : rules;
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel ? `${rel}/${name}` : name;
      // Dirent answers without a stat call; only symlinks need one to learn what they point to.
      let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(join(abs, name));
          kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
        } catch {
          continue; // broken symlink
        }
      }
      const isDir = kind === 'dir';
      const probe = isDir ? `${childRel}/` : childRel;
      if (exclude.ignores(probe)) {
        skipped.push({ file: probe, reason: 'files.exclude' });
        continue;
      }
      const ignoredBy = scoped.find((r) => r.ig.ignores(r.base ? probe.slice(r.base.length + 1) : probe));
      if (ignoredBy) {
        skipped.push({ file: probe, reason: `.gitignore${ignoredBy.base ? ` (${ignoredBy.base}/.gitignore)` : ''}` });
        continue;
      }
      if (isDir) {
        const pruned = PRUNED_DIRS[name];
        if (pruned) skipped.push({ file: probe, reason: pruned });
        else visit(childRel, scoped);
        continue;
      }
      if (kind !== 'file' || languageForPath(childRel) === null) continue;
      const { size, mtimeMs } = statSync(join(abs, name));
      if (size > MAX_FILE_BYTES) {
        skipped.push({ file: childRel, reason: `over ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes (${size.toLocaleString('en-US')})` });
        continue;
      }
      if (/\.min\.[cm]?js$/.test(name)) {
        skipped.push({ file: childRel, reason: 'minified (.min.js)' });
        continue;
      }
      files.push(childRel);
      stats.set(childRel, { size, mtimeMs });
    }
  };
  visit('', []);
  return { files, skipped, stats };
}

function readGitignore(dir: string): Ignore | null {
  try {
    return ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Content checks that need the text: binary (NUL byte) and minified (the detector's own heuristic). Prompt files
 * (`relPath` given) are prose, often a paragraph per line: the minified heuristic does not apply to them.
 */
export function contentSkipReason(text: string, relPath?: string): string | null {
  if (text.includes('\u0000')) return 'binary (contains NUL bytes)';
  if (relPath !== undefined && isPromptFilePath(relPath)) return null;
  const average = minifiedLineLength(text);
  return average === null ? null : `minified (average line ${Math.round(average)} characters)`;
}
