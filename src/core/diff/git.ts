// Git plumbing for `diff`: where the repository is, which commits the refs name, git's own rename detection, and a
// committed tree materialised in a temporary worktree (removed in `finally`) so the unchanged scanner reads it
// exactly as it reads a folder. Nothing here touches the user's working tree or index.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Bad input the user can fix (a ref that does not exist, a folder that is not a git work tree): exit code 2. */
export class DiffInputError extends Error {}

interface GitRun {
  ok: boolean;
  stdout: string;
  stderr: string;
}

// LFS must not download anything, and git must never wait for a password.
const QUIET_ENV = { GIT_LFS_SKIP_SMUDGE: '1', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

// Asynchronous: the editor runs this on its extension host, which must not block on git.
function git(cwd: string, args: string[], env: Record<string, string> = {}): Promise<GitRun> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...QUIET_ENV, ...env } }, (error, stdout, stderr) => {
      // A number is git's exit status (an answer); a string is a failure to run or read it.
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT' || code === 'EACCES') return reject(new DiffInputError(`git could not be run (${code}): install git or put it on PATH`));
      if (typeof code === 'string') return reject(error);
      resolvePromise({ ok: !error, stdout, stderr });
    });
  });
}

async function gitOrThrow(cwd: string, args: string[], env?: Record<string, string>): Promise<string> {
  const r = await git(cwd, args, env);
  if (!r.ok) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim() || 'failed'}`);
  return r.stdout;
}

export interface Repo {
  /** absolute path of the work tree's top level */
  top: string;
  /** DIR relative to `top`, posix, '' or ending in '/' */
  prefix: string;
}

export async function openRepo(dir: string): Promise<Repo> {
  const abs = resolve(dir);
  if (!existsSync(abs)) throw new DiffInputError(`${dir}: no such directory`);
  const r = await git(abs, ['rev-parse', '--show-toplevel', '--show-prefix']);
  if (!r.ok) throw new DiffInputError(`${dir}: not a git work tree (${r.stderr.trim().split('\n')[0] || 'git rev-parse failed'})`);
  const [top, prefix = ''] = r.stdout.split('\n');
  return { top: top!, prefix };
}

/** The commit a ref names; a ref that names none is bad input, named in the message. */
export async function resolveCommit(repo: Repo, ref: string, flag: string): Promise<string> {
  // `--end-of-options` keeps a ref such as `--output=x` from being read as an option.
  if (ref.trim() === '' || ref.startsWith('-')) throw new DiffInputError(`${flag}: "${ref}" is not a valid ref`);
  const r = await git(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (!r.ok) throw new DiffInputError(`${flag}: "${ref}" does not name a commit in ${repo.top}`);
  return r.stdout.trim();
}

/** The merge base of HEAD with the default branch: origin/HEAD, else main, else master (then their origin/ forms). */
export async function defaultBase(repo: Repo): Promise<{ ref: string; commit: string }> {
  if (!(await git(repo.top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).ok) throw new DiffInputError(`${repo.top}: the repository has no commit yet (HEAD), so there is no base to compare with`);
  for (const ref of ['origin/HEAD', 'main', 'master', 'origin/main', 'origin/master']) {
    if (!(await git(repo.top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])).ok) continue;
    const mb = await git(repo.top, ['merge-base', 'HEAD', ref]);
    if (!mb.ok) throw new DiffInputError(`--base: HEAD and ${ref} have no common ancestor; give --base REF`);
    return { ref, commit: mb.stdout.trim() };
  }
  throw new DiffInputError('--base: no default branch found (origin/HEAD, main, master); give --base REF');
}

/**
 * Renames between the base commit and the head (a commit, or the working tree with untracked files when `head` is
 * null), as git detects them (`-M`, 50 % similarity), restricted to DIR: new path → old path, both relative to DIR.
 */
export async function detectRenames(repo: Repo, base: string, head: string | null): Promise<Map<string, string>> {
  // literal: a folder named like a glob (`a[1]`) is still that folder
  const pathspec = ['--', repo.prefix ? `:(top,literal)${repo.prefix}` : ':/'];
  let out: string;
  if (head !== null) {
    out = await gitOrThrow(repo.top, ['diff', '--no-ext-diff', '--no-color', '-M', '--name-status', '-z', base, head, ...pathspec]);
  } else {
    // The working tree with untracked files is a tree git has not written: stage it in a throw-away index (a copy of
    // the real one, so only changed files are hashed) and diff that. The user's index stays as it was.
    const tmp = mkdtempSync(join(tmpdir(), 'llm-cost-lens-index-'));
    try {
      const index = join(tmp, 'index');
      const real = resolve(repo.top, (await gitOrThrow(repo.top, ['rev-parse', '--git-path', 'index'])).trim());
      if (existsSync(real)) copyFileSync(real, index);
      const env = { GIT_INDEX_FILE: index };
      await gitOrThrow(repo.top, ['add', '--all', '--ignore-errors', ...pathspec], env);
      out = await gitOrThrow(repo.top, ['diff', '--no-ext-diff', '--no-color', '--cached', '-M', '--name-status', '-z', base, ...pathspec], env);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const renames = new Map<string, string>();
  const fields = out.split('\0');
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const [from, to] = [fields[i + 1]!, fields[i + 2]!];
      if (status.startsWith('R') && from.startsWith(repo.prefix) && to.startsWith(repo.prefix)) renames.set(to.slice(repo.prefix.length), from.slice(repo.prefix.length));
      i += 3;
    } else {
      i += 2;
    }
  }
  return renames;
}

/**
 * Runs `fn` on the tree of `commit` checked out in a temporary worktree (detached, hooks and LFS downloads off),
 * passing the folder that corresponds to DIR. The worktree is removed afterwards whatever happens.
 */
export async function withCommitTree<T>(repo: Repo, commit: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const tmp = mkdtempSync(join(tmpdir(), 'llm-cost-lens-tree-'));
  const tree = join(tmp, 'tree');
  const remove = async () => {
    await git(repo.top, ['worktree', 'remove', '--force', tree]);
    rmSync(tmp, { recursive: true, force: true });
    // Drops the worktree's record if `remove` could not (e.g. the folder was already gone).
    await git(repo.top, ['worktree', 'prune']);
  };
  live.add(remove);
  try {
    // The user's post-checkout hook (husky, lefthook) must not run here: hooks are looked up in a folder holding none.
    await gitOrThrow(repo.top, ['-c', `core.hooksPath=${tmp}`, 'worktree', 'add', '--detach', '--quiet', tree, commit]);
    return await fn(join(tree, repo.prefix));
  } finally {
    live.delete(remove);
    await remove();
  }
}

const live = new Set<() => Promise<void>>();

/** Removes the temporary worktrees in use now: for a process that is being interrupted (the CLI on SIGINT). */
export async function removeTemporaryTrees(): Promise<void> {
  for (const remove of [...live]) {
    live.delete(remove);
    await remove();
  }
}
