// The cost panel host: a single webview with a strict CSP; all state lives here, the webview renders it.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { webviewToHostSchema, type HostToWebview } from '../shared/messages';
import { loadScenarioRows } from './scenarios';

export class CostPanel {
  private static current: CostPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  static show(context: vscode.ExtensionContext): void {
    if (CostPanel.current) {
      CostPanel.current.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel('llmCostLens.panel', 'LLM Cost Lens', vscode.ViewColumn.Beside, {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media'), vscode.Uri.joinPath(context.extensionUri, 'dist')],
    });
    CostPanel.current = new CostPanel(panel, context.extensionUri);
  }

  private constructor(private readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri) {
    panel.webview.html = html(panel.webview, extensionUri);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw), null, this.disposables);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const msg = webviewToHostSchema.safeParse(raw);
    if (!msg.success) {
      console.warn('LLM Cost Lens: ignored a malformed webview message', msg.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      return;
    }
    switch (msg.data.type) {
      case 'ready':
        await this.post({ type: 'scenarios', rows: await loadScenarioRows() });
        break;
      case 'openFile': {
        const folder = vscode.workspace.workspaceFolders?.[0];
        if (!folder || msg.data.file.includes('..')) return;
        await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, msg.data.file), { viewColumn: vscode.ViewColumn.One });
        break;
      }
    }
  }

  private post(msg: HostToWebview): Thenable<boolean> {
    return this.panel.webview.postMessage(msg);
  }

  private dispose(): void {
    CostPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css'));
  const chartStyle = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'chart.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}" nonce="${nonce}">
<link rel="stylesheet" href="${chartStyle}" nonce="${nonce}">
<title>LLM Cost Lens</title>
</head>
<body>
<main id="root"><p>Loading…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
