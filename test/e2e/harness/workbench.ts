// What a user does in the workbench, as helpers: run a command from the palette, open a file,
// read the status bar, CodeLens, hovers and the webview. Each wait is on a selector or text.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { FrameLocator, Locator } from 'playwright-core';
import type { Session } from './session';
import { expectText, expectVisible } from './expect';
import { waitForExtensionLog } from './logs';

/** The extension's own log line: the engine can answer at once. */
const READY_LINE = /ready: engine, tokenizer and grammars loaded/;

export class Workbench {
  constructor(readonly session: Session) {}

  get page() {
    return this.session.page;
  }

  /** A status bar entry whose text contains `text`. */
  statusBarItem(text: string | RegExp): Locator {
    return this.page.locator('.part.statusbar .statusbar-item').filter({ hasText: text });
  }

  async waitForStatusBarItem(text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const item = await expectVisible(this.session, this.statusBarItem(text), `a status bar item containing ${JSON.stringify(String(text))}`, timeoutMs);
    return item.innerText();
  }

  private quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /**
   * Types into the quick input (opened by `key`) and accepts the row whose label contains `label`.
   * The list is computed when the quick input opens, so a command contributed by an extension host that is
   * still starting shows up only on a later try: reopen until it is there or `timeoutMs` has passed.
   */
  private async pick(key: string, query: string, label: string, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const focused = this.quickInput().locator('.monaco-list-row.focused').filter({ hasText: label });
    for (;;) {
      await this.page.keyboard.press(key);
      const input = await expectVisible(this.session, this.quickInput().locator('input.input'), `the quick input opened by ${key}`, 10_000);
      await input.fill(query);
      const last = Date.now() + 3_000 >= deadline;
      try {
        await focused.first().waitFor({ state: 'visible', timeout: last ? Math.max(1_000, deadline - Date.now()) : 3_000 });
        break;
      } catch {
        if (last) await expectVisible(this.session, focused, `${what} highlighted in the quick input after typing ${JSON.stringify(query)}`, 1);
        await this.page.keyboard.press('Escape');
        await this.quickInput().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      }
    }
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  }

  /** F1, type the command's title (e.g. "LLM Cost Lens: Open Cost Panel"), Enter. */
  async runCommand(title: string): Promise<void> {
    const label = title.includes(': ') ? title.slice(title.indexOf(': ') + 2) : title;
    await this.pick('F1', `>${title}`, label, `the command "${title}"`);
  }

  /** Ctrl+P, type the workspace-relative path, Enter; waits for the editor tab. */
  async openFile(relPath: string): Promise<Locator> {
    const name = basename(relPath);
    // Quick Open searches the files through the server; the first search of a cold server on a busy machine has
    // taken over 20 s, hence the longer cap (a condition wait: it ends as soon as the row is there).
    await this.pick('Control+P', relPath, name, `the file ${relPath}`, 60_000);
    await expectVisible(this.session, this.page.locator('.tabs-container .tab.active').filter({ hasText: name }), `an active editor tab for ${name}`, 15_000);
    return expectVisible(this.session, this.page.locator('.editor-instance .monaco-editor.focused, .editor-instance .monaco-editor'), `the editor for ${relPath}`, 15_000);
  }

  /** Ctrl+G to `line:col` (1-based) in the active editor. */
  async goTo(line: number, col = 1): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = await expectVisible(this.session, this.quickInput().locator('input.input'), 'the Go to Line input', 10_000);
    await input.fill(`:${line}:${col}`);
    await this.page.keyboard.press('Enter');
    await expectText(this.session, this.page.locator('.part.statusbar .statusbar-item[id$="editor.selection"]'), `Ln ${line}, Col ${col}`, `the cursor position in the status bar`, 10_000);
  }

  /** A CodeLens in the visible editor whose text contains `text`; returns its full text. */
  async waitForCodeLens(text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const lens = this.page.locator('.editor-instance .monaco-editor .codelens-decoration').filter({ hasText: text });
    const first = await expectVisible(this.session, lens, `a CodeLens containing ${JSON.stringify(String(text))}`, timeoutMs);
    return first.innerText();
  }

  /**
   * Waits for the extension's "ready" log line (the workspace index's first scan is over: engine, tokenizer and
   * grammars loaded), so a story measures the feature, not a cold start. Generous: this is a condition, not a sleep.
   */
  async waitForExtensionReady(timeoutMs = 180_000): Promise<string> {
    return waitForExtensionLog(this.session, READY_LINE, timeoutMs);
  }

  /** Moves the cursor to line:col and shows the hover there (as Ctrl+K Ctrl+I does); returns its text. */
  async hover(line: number, col: number, expected?: string | RegExp, timeoutMs = 15_000): Promise<string> {
    await this.goTo(line, col);
    await this.runCommand('Show or Focus Hover');
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden)');
    if (expected !== undefined) return expectText(this.session, hover, expected, `a hover at ${line}:${col}`, timeoutMs);
    const first = await expectVisible(this.session, hover, `a hover at ${line}:${col}`, timeoutMs);
    return first.innerText();
  }

  /** The content frame of the visible webview (outer iframe.webview, then its #active-frame). */
  webviewFrame(): FrameLocator {
    return this.page.locator('iframe.webview.ready').last().contentFrame().locator('iframe#active-frame').contentFrame();
  }

  /** Waits for the editor tab titled `title` and for the webview document to render `ready` inside it. */
  async waitForWebview(title: string, ready: string, timeoutMs = 30_000): Promise<FrameLocator> {
    await expectVisible(this.session, this.page.locator('.tabs-container .tab').filter({ hasText: title }), `an editor tab titled "${title}"`, timeoutMs);
    const frame = this.webviewFrame();
    await expectVisible(this.session, frame.locator(ready), `the "${title}" webview rendering ${ready}`, timeoutMs);
    return frame;
  }

  /** The workspace's .vscode/settings.json (JSONC), or undefined when it does not exist. */
  readSettingsJson(): Record<string, unknown> | undefined {
    const file = join(this.session.workspace, '.vscode', 'settings.json');
    if (!existsSync(file)) return undefined;
    return parseJsonc(readFileSync(file, 'utf8')) as Record<string, unknown>;
  }

  /**
   * A notification containing `text`, read from the notification centre (opened here, so a toast that already
   * timed out still counts); returns its text (message and source).
   */
  async waitForNotification(text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    await this.runCommand('Notifications: Show Notifications');
    const item = this.page.locator('.notifications-center .notification-list-item').filter({ hasText: text });
    const first = await expectVisible(this.session, item, `a notification containing ${JSON.stringify(String(text))}`, timeoutMs);
    return first.innerText();
  }

  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notifications-center .notification-list-item').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  }

  /**
   * Sets `workbench.colorTheme` in the workspace copy's `.vscode/settings.json` (as editing that file by hand does)
   * and waits until the workbench carries the theme's class, e.g. `vscode-theme-defaults-themes-hc_black-json`.
   * (code-server's workbench does not notice edits of the user settings file on disk; it does watch the folder's.)
   */
  async setColorTheme(theme: string, themeClass: string, timeoutMs = 30_000): Promise<void> {
    const file = join(this.session.workspace, '.vscode', 'settings.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...this.readSettingsJson(), 'workbench.colorTheme': theme }, null, 2));
    await expectVisible(this.session, this.page.locator(`.monaco-workbench.${themeClass}`), `the workbench in the theme "${theme}" (class ${themeClass})`, timeoutMs);
  }

  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
  }
}
