// Starts one code-server on 127.0.0.1 with its own HOME/XDG dirs, user-data and extensions dirs,
// installs the .vsix into it, and stops it (its whole process group) on demand.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdirSync, writeFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import type { E2EConfig } from './config';

export interface CodeServerDirs {
  home: string;
  userDataDir: string;
  extensionsDir: string;
}

export interface CodeServer {
  url: string;
  port: number;
  dirs: CodeServerDirs;
  stop(): Promise<void>;
}

/** User settings that keep the workbench quiet and offline-minded, so screenshots show the extension. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The environment code-server runs with: ours, minus anything that would tie it to another VS Code. */
function serverEnv(config: E2EConfig, dirs: CodeServerDirs, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('VSCODE_') || key.startsWith('LLM_COST_LENS_') || key === 'NODE_OPTIONS' || key.startsWith('npm_')) continue;
    env[key] = value;
  }
  return {
    ...env,
    PATH: `${dirname(config.node24)}:${process.env.PATH ?? ''}`,
    HOME: dirs.home,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local/share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    XDG_RUNTIME_DIR: join(dirs.home, '.run'),
    // No extension gallery: code-server would otherwise query open-vsx.org from the browser and the server.
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

function baseArgs(dirs: CodeServerDirs): string[] {
  return ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

/** `restricted`: workspace trust on and the folder left untrusted (no startup prompt), as a user who declined it. */
export function prepareDirs(root: string, options: { restricted?: boolean; userSettings?: Record<string, unknown> } = {}): CodeServerDirs {
  const dirs = { home: join(root, 'home'), userDataDir: join(root, 'user-data'), extensionsDir: join(root, 'extensions') };
  for (const d of [dirs.home, join(dirs.home, '.config'), join(dirs.home, '.local/share'), join(dirs.home, '.cache'), join(dirs.home, '.run'), dirs.extensionsDir, join(dirs.userDataDir, 'User')]) {
    mkdirSync(d, { recursive: true, mode: 0o700 });
  }
  const trust = options.restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' } : {};
  writeFileSync(join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...trust, ...options.userSettings }, null, 2));
  return dirs;
}

export function installExtension(config: E2EConfig, dirs: CodeServerDirs, log: WriteStream): void {
  const r = spawnSync(config.codeServer, [...baseArgs(dirs), '--install-extension', config.vsix, '--force'], {
    env: serverEnv(config, dirs, {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  log.write(`$ code-server --install-extension ${config.vsix}\n${r.stdout}${r.stderr}\n`);
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout + r.stderr)) {
    throw new Error(`code-server --install-extension ${config.vsix} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim()}`);
  }
}

export async function startCodeServer(options: {
  config: E2EConfig;
  dirs: CodeServerDirs;
  workspace: string;
  env: Record<string, string>;
  logFile: string;
  /** Leave workspace trust on (no --disable-workspace-trust): the folder opens in restricted mode. */
  restricted?: boolean;
}): Promise<CodeServer> {
  const { config, dirs, workspace, env, logFile } = options;
  const port = await freePort();
  const log = createWriteStream(logFile, { flags: 'a' });
  const args = [
    ...baseArgs(dirs),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.restricted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--log', 'debug',
    workspace,
  ];
  log.write(`$ code-server ${args.join(' ')}\n  extra env: ${JSON.stringify(env)}\n`);
  const child: ChildProcess = spawn(config.codeServer, args, {
    env: serverEnv(config, dirs, env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() also ends the extension host and pty host
  });
  if (child.pid) appendFileSync(config.pidFile, `${child.pid}\n`);
  const pid = child.pid;
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      if (pid) process.kill(-pid, signal);
    } catch {
      /* already gone */
    }
  };
  const groupAlive = () => {
    try {
      if (pid) process.kill(-pid, 0);
      return Boolean(pid);
    } catch {
      return false;
    }
  };
  // A test process that dies still takes its code-server down with it.
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log.write(text);
      output += text;
      if (/HTTP server listening on/i.test(output)) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`code-server exited before listening (code ${code}, signal ${signal}); see ${logFile}`)));
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`code-server did not listen on 127.0.0.1:${port} within 60 s; see ${logFile}`)), 60_000).unref(),
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    process.removeListener('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    killGroup('SIGKILL'); // stragglers in the group (extension host, pty host)
    for (let i = 0; i < 50 && groupAlive(); i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise<void>((resolve) => log.end(resolve));
  };

  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, port, dirs, stop };
}
