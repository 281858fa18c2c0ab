// Real temporary git repositories for the `diff` tests: write files, commit, branch — with a fixed identity and no
// user or system git configuration leaking in.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(files: Record<string, string | Buffer>): void;
  commit(message: string): string;
  remove(): void;
}

export function tempRepo(files: Record<string, string | Buffer> = {}): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'llm-cost-lens-repo-'));
  const repo: TempRepo = {
    dir,
    git: (...args) => execFileSync('git', args, { cwd: dir, env: ENV, encoding: 'utf8' }),
    write(f) {
      for (const [rel, content] of Object.entries(f)) {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), content);
      }
    },
    commit(message) {
      repo.git('add', '-A');
      repo.git('commit', '-q', '--allow-empty', '-m', message);
      return repo.git('rev-parse', 'HEAD').trim();
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  repo.git('init', '-q', '-b', 'main');
  repo.write(files);
  return repo;
}

/** A Python function making one chat call. */
export function pyCall(fn: string, model: string, prompt = 'Answer the customer briefly and politely.'): string {
  return `def ${fn}(q):\n    return client.chat.completions.create(model="${model}", messages=[{"role": "user", "content": "${prompt}"}])\n`;
}

export const PY_HEADER = 'from openai import OpenAI\nclient = OpenAI()\n\n';
