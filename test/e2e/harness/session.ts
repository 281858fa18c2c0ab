// One e2e session: a fresh code-server with the .vsix installed, a copy of the demo workspace,
// and headless Chromium on the workbench. Records network requests and console messages,
// and on stop() writes logs next to the screenshots in test-results/e2e/<name>/.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, copyFileSync, createWriteStream } from 'node:fs';
import { join, relative } from 'node:path';
import { loadConfig, type E2EConfig } from './config';
import { installExtension, prepareDirs, startCodeServer, type CodeServer } from './codeServer';
import { classifyRequests, cspViolations, type ConsoleEntry, type RequestEntry } from './monitors';
import { expectVisible } from './expect';
import { ACTIVATED, waitForExtensionLog } from './logs';

export interface SessionOptions {
  /** Folder name under test-results/e2e and the scratch dir. */
  name: string;
  /** Extra environment for code-server and so for the extension host (e.g. LLM_COST_LENS_E2E_BREAK). */
  env?: Record<string, string>;
  /** Start without --disable-workspace-trust and leave the folder untrusted (restricted mode). */
  restricted?: boolean;
  /** Changes the workspace copy before code-server opens it (e.g. adds files the first scan must find). */
  prepare?(workspace: string): void;
  /** Open this `.code-workspace` file (relative to the workspace copy, written by `prepare`) instead of the folder. */
  workspaceFile?: string;
  /** Extra User settings (written to the user-data dir before start: code-server ignores later edits of that file). */
  userSettings?: Record<string, unknown>;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export class Session {
  readonly requests: RequestEntry[] = [];
  readonly console: ConsoleEntry[] = [];
  private shots = 0;
  private constructor(
    readonly name: string,
    readonly config: E2EConfig,
    readonly server: CodeServer,
    readonly browser: Browser,
    readonly context: BrowserContext,
    readonly page: Page,
    /** The copy of examples/ that the workbench has open. */
    readonly workspace: string,
    readonly artifactsDir: string,
    readonly startedAt: number,
  ) {}

  static async start(options: SessionOptions): Promise<Session> {
    const startedAt = Date.now();
    const config = loadConfig();
    const artifactsDir = join(config.resultsDir, options.name);
    const root = join(config.tmpDir, options.name);
    rmSync(artifactsDir, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
    mkdirSync(artifactsDir, { recursive: true });
    const dirs = prepareDirs(root, { restricted: options.restricted, userSettings: options.userSettings });
    const workspace = join(root, 'workspace', 'examples');
    cpSync(config.workspaceSource, workspace, { recursive: true });
    options.prepare?.(workspace);

    const logFile = join(artifactsDir, 'code-server.log');
    const installLog = createWriteStream(logFile);
    try {
      installExtension(config, dirs, installLog);
    } finally {
      await new Promise<void>((resolve) => installLog.end(resolve));
    }
    const opened = options.workspaceFile ? join(workspace, options.workspaceFile) : workspace;
    const server = await startCodeServer({ config, dirs, workspace: opened, env: options.env ?? {}, logFile, restricted: options.restricted });
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: config.chromium, headless: true, args: CHROMIUM_ARGS });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const session = new Session(options.name, config, server, browser, context, page, workspace, artifactsDir, startedAt);
      session.record();
      await page.goto(`${server.url}/?${options.workspaceFile ? 'workspace' : 'folder'}=${encodeURIComponent(opened)}`);
      await expectVisible(session, page.locator('.monaco-workbench .part.statusbar'), 'the VS Code workbench with its status bar', 60_000);
      await expectVisible(session, page.locator('.explorer-folders-view, .explorer-viewlet'), 'the Explorer showing the workspace', 30_000).catch(() => undefined);
      // Every story starts once our extension is active (its own log line says so): on a cold, busy machine the
      // workbench is still "Activating Extensions…" long after the status bar appears, and its Quick Open and
      // command palette do not answer meanwhile.
      await waitForExtensionLog(session, ACTIVATED, 120_000);
      return session;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      throw error;
    }
  }

  private record(): void {
    const byRequest = new Map<object, RequestEntry>();
    this.context.on('request', (request) => {
      const entry: RequestEntry = {
        url: request.url(),
        method: request.method(),
        resourceType: request.resourceType(),
        frameUrl: safe(() => request.frame().url()) ?? '(service worker)',
        fromServiceWorker: false,
        status: null,
        failure: null,
      };
      byRequest.set(request, entry);
      this.requests.push(entry);
    });
    this.context.on('response', (response) => {
      const entry = byRequest.get(response.request());
      if (entry) {
        entry.status = response.status();
        entry.fromServiceWorker = response.fromServiceWorker();
      }
    });
    this.context.on('requestfailed', (request) => {
      const entry = byRequest.get(request);
      if (entry) entry.failure = request.failure()?.errorText ?? 'failed';
    });
    this.page.on('console', (message) => {
      this.console.push({ type: message.type(), text: message.text(), url: message.location().url, at: Date.now() - this.startedAt });
    });
    this.page.on('pageerror', (error) => {
      this.console.push({ type: 'pageerror', text: String(error), url: '', at: Date.now() - this.startedAt });
    });
  }

  /** Saves a full-page PNG under test-results/e2e/<session>/ and returns its path. */
  async screenshot(name: string): Promise<string | undefined> {
    const file = join(this.artifactsDir, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    try {
      await this.page.screenshot({ path: file, timeout: 10_000 });
      return relative(process.cwd(), file);
    } catch {
      return undefined;
    }
  }

  /** Requests that left 127.0.0.1, split into the extension's/webview's and the workbench's own. */
  network() {
    return classifyRequests(this.requests);
  }

  cspViolations(): ConsoleEntry[] {
    return cspViolations(this.console);
  }

  /** Stops browser and code-server (always both), then copies logs into the artifacts folder. */
  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    writeFileSync(join(this.artifactsDir, 'browser-console.log'), this.console.map((c) => `+${c.at}ms [${c.type}] ${c.text}${c.url ? `  (${c.url})` : ''}`).join('\n') + '\n');
    writeFileSync(
      join(this.artifactsDir, 'requests.log'),
      this.requests.map((r) => `${r.method} ${r.status ?? '-'} ${r.fromServiceWorker ? 'sw ' : ''}${r.failure ? `FAILED(${r.failure}) ` : ''}${r.resourceType} ${r.url}`).join('\n') + '\n',
    );
    copyLogs(join(this.server.dirs.userDataDir, 'logs'), join(this.artifactsDir, 'vscode-logs'));
  }
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function copyLogs(from: string, to: string): void {
  if (!existsSync(from)) return;
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    const dst = join(to, name);
    if (statSync(src).isDirectory()) copyLogs(src, dst);
    else if (name.endsWith('.log')) {
      mkdirSync(to, { recursive: true });
      copyFileSync(src, dst);
    }
  }
}
