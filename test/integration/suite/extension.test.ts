// The user stories that the VS Code API can express: the extension activates, its command is registered,
// and running it opens the cost panel. (Status bar text, CodeLens rendering and the webview's content are
// covered by the code-server e2e tests, which see the screen.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'llm-cost-lens.llm-cost-lens';
const OPEN_PANEL = 'llmCostLens.openPanel';
const PANEL_TITLE = 'LLM Cost Lens';

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('LLM Cost Lens in VS Code desktop', () => {
  test('the demo workspace is open', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    assert.equal(folder.uri.fsPath, process.env.LLM_COST_LENS_INTEGRATION_WORKSPACE);
  });

  test('the extension activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the extension host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('the "Open Cost Panel" command is registered', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(OPEN_PANEL), `${OPEN_PANEL} is not registered`);
  });

  test('running the command opens the cost panel', async () => {
    await vscode.commands.executeCommand(OPEN_PANEL);
    const tab = await until(`a webview tab titled "${PANEL_TITLE}"`, () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .find((t) => t.input instanceof vscode.TabInputWebview && t.label === PANEL_TITLE),
    );
    assert.equal(tab.label, PANEL_TITLE);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
