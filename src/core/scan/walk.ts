// Workspace walk for `scan`: which files are analysed, and why the others are not. Honours .gitignore files (root
// and nested) and `files.exclude` from <root>/.vscode/settings.json, and never descends into dependency folders,
// virtualenvs or build output. Each pruned folder or skipped file is reported once with its reason.
import { readdirSync, readFileSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { languageForPath, minifiedLineLength } from '../detect';
import { isPromptFilePath } from '../detect/promptFile';
import { compileGlob, type Glob } from '../glob';
import { statOrNull } from './reader';

export interface WalkResult {
  files: string[];
  skipped: { file: string; reason: string }[];
  /** size and modification time of each file in `files`, for change detection between scans */
  stats: Map<string, { size: number; mtimeMs: number }>;
  /** problems with the walk's inputs (an unreadable .gitignore, a files.exclude glob that cannot be used) */
  warnings: string[];
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

/**
 * Walks `root`. Symbolic links are followed only to inside the root (by real path, in every mode: a link to `/` or
 * `..` would list files outside it, or list them again and again), and each folder and file is listed once, under
 * the first path the walk meets it by (a visited set of device + inode), so `ln -s . loop` cannot multiply costs.
 * Every link not followed is reported in `skipped` with its reason. Entries that vanish between the listing and
 * their stat (a checkout, a build) are left out as if never listed. `onFile` hears each file as it is listed (a
 * scan starts its detection workers while the walk goes on).
 */
export function walkWorkspace(root: string, filesExclude: Record<string, unknown> = {}, onFile?: (relPath: string, count: number) => void): WalkResult {
  const files: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  const warnings: string[] = [];
  const stats: WalkResult['stats'] = new Map();
  const exclude = excludeMatcher(filesExclude, warnings);
  let rootReal: string;
  try {
    rootReal = realpathSync(root);
  } catch (e) {
    return { files, skipped: [{ file: '.', reason: `unreadable folder (${errCode(e)})` }], stats, warnings };
  }
  /** `dev:ino` → the first path (relative, folders with a trailing /) it was listed under */
  const seen = new Map<string, string>();
  const firstVisit = (st: Stats, probe: string): string | null => {
    if (st.ino === 0) return null; // a file system without inode numbers: nothing to compare
    const id = `${st.dev}:${st.ino}`;
    const first = seen.get(id);
    if (first !== undefined) return first;
    seen.set(id, probe);
    return null;
  };
  const rootStat = statOrNull(rootReal);
  if (rootStat) firstVisit(rootStat, './');

  const visit = (rel: string, rules: { base: string; ig: Ignore }[]) => {
    const abs = rel ? join(root, rel) : root;
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      if (errCode(e) !== 'ENOENT') skipped.push({ file: rel || '.', reason: `unreadable folder (${errCode(e)})` });
      return;
    }
    // The listing answers what used to take a failed open per folder (.gitignore) and an exists() per subfolder.
    if (rel && entries.some((e) => e.name === 'pyvenv.cfg')) {
      skipped.push({ file: `${rel}/`, reason: 'Python virtualenv' });
      return;
    }
    const own = entries.some((e) => e.name === '.gitignore' && !e.isDirectory()) ? readGitignore(abs, rel, warnings) : null;
    const scoped = own ? [...rules, { base: rel, ig: own }] : rules;
    for (const entry of entries) {
      const name = entry.name;
      const childRel = rel ? `${rel}/${name}` : name;
      const childAbs = join(abs, name);
      // Dirent answers without a stat call; links (and file systems that do not say) need one.
      let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      let st: Stats | null = null;
      const link = entry.isSymbolicLink();
      if (link) {
        const target = linkTarget(childAbs, rootReal);
        if (typeof target === 'string') {
          skipped.push({ file: childRel, reason: target });
          continue;
        }
        st = target;
      } else if (kind === 'other' && !entry.isFIFO() && !entry.isSocket() && !entry.isCharacterDevice() && !entry.isBlockDevice()) {
        st = statOrNull(childAbs);
        if (!st) continue; // vanished
      }
      if (st) kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
      const isDir = kind === 'dir';
      const probe = isDir ? `${childRel}/` : childRel;
      if (exclude?.(childRel)) {
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
        if (pruned) {
          skipped.push({ file: probe, reason: pruned });
          continue;
        }
        st ??= statOrNull(childAbs);
        if (!st) continue; // vanished
        const first = firstVisit(st, probe);
        if (first !== null) skipped.push({ file: probe, reason: `${link ? 'link to a folder' : 'folder'} already listed as ${first}` });
        else visit(childRel, scoped);
        continue;
      }
      if (kind !== 'file' || languageForPath(childRel) === null) continue;
      st ??= statOrNull(childAbs);
      if (!st) continue; // vanished
      const first = firstVisit(st, childRel);
      if (first !== null) {
        skipped.push({ file: childRel, reason: `${link ? 'link to a file' : 'same file'} already listed as ${first}` });
        continue;
      }
      const { size, mtimeMs } = st;
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
      onFile?.(childRel, files.length);
    }
  };
  visit('', []);
  return { files, skipped, stats, warnings };
}

/** What a link points to when the walk may follow it, else why not (one line, for `skipped`). */
function linkTarget(abs: string, rootReal: string): Stats | string {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch (e) {
    return errCode(e) === 'ELOOP' ? 'link loop (not followed)' : 'broken link (not followed)';
  }
  const rel = relative(rootReal, real);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return rel === '' ? 'link to the folder itself (not followed)' : 'link to outside the folder (not followed)';
  return statOrNull(real) ?? 'broken link (not followed)';
}

/** `files.exclude` entries set to true, as one matcher (VS Code glob syntax); a bad glob is a warning. */
function excludeMatcher(filesExclude: Record<string, unknown>, warnings: string[]): ((rel: string) => boolean) | null {
  const globs: Glob[] = [];
  for (const [glob, on] of Object.entries(filesExclude)) {
    if (on !== true) continue;
    try {
      globs.push(compileGlob(glob.replace(/^\.\//, '')));
    } catch (e) {
      warnings.push(`files.exclude: ${JSON.stringify(glob.slice(0, 80))}: ${(e as Error).message} (ignored)`);
    }
  }
  return globs.length ? (rel) => globs.some((g) => g(rel)) : null;
}

function readGitignore(dir: string, rel: string, warnings: string[]): Ignore | null {
  try {
    return ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'));
  } catch (e) {
    if (errCode(e) !== 'ENOENT') warnings.push(`${rel ? `${rel}/` : ''}.gitignore: unreadable (${errCode(e)}); its rules are not applied`);
    return null;
  }
}


function errCode(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? String(e);
}

export const BINARY_SKIP = 'binary (contains NUL bytes)';

/**
 * Content checks that need the text: binary (NUL byte) and minified (the detector's own heuristic). Prompt files
 * (`relPath` given) are prose, often a paragraph per line: the minified heuristic does not apply to them.
 */
export function contentSkipReason(text: string, relPath?: string): string | null {
  if (text.includes('\u0000')) return BINARY_SKIP;
  if (relPath !== undefined && isPromptFilePath(relPath)) return null;
  const average = minifiedLineLength(text);
  return average === null ? null : `minified (average line ${Math.round(average)} characters)`;
}
