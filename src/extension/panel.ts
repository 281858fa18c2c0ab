// The cost panel host: a single webview with a strict CSP; all state lives here, the webview renders it.
// It shows every workspace folder's index (each folder costed with its own settings, as `llm-cost-lens scan` of the
// folder or of the .code-workspace file), grouped by folder when there are several; a call site's intents are
// written to its own folder's settings, the assumption controls to the first folder's; it re-renders whenever an
// index changes.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { webviewToHostSchema, type HostToWebview, type WebviewToHost } from '../core/protocol/messages';
import { readFolderScanSettings } from './analysis';
import { readSettings } from '../core/settings';
import { loadScenarioRows } from './scenarios';
import { WORKSPACE_TARGET, workspaceView, validateCallSiteField, validateOpenModel, validateSetting } from '../core/format/panelState';
import { foldersChartFor, foldersWorkspaceView, splitFolderPath, type FolderPanelScan } from '../core/format/panelFolders';
import { resetSettings, writeCallSiteFields, writeOpenModelFor, writeSetting } from './settingsWriter';
import { exportReport } from './exportReport';
import type { FolderIndexes } from './folderIndexes';
import type { ChangesView } from '../core/diff/view';
import { extensionLog } from './log';

const RESCAN_DEBOUNCE_MS = 100;

/** The "Changes vs base" source (changesVsBase.ts); optional so the panel works without it. */
export interface ChangesSource {
  readonly view: ChangesView | null;
  readonly onDidChange: vscode.Event<void>;
}

export class CostPanel {
  private static current: CostPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last scan of every folder, in workspace order (one entry per folder whose scan is ready). */
  private scans: (FolderPanelScan & { folder: vscode.WorkspaceFolder })[] = [];
  private target = WORKSPACE_TARGET;
  private refreshing: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  /** `target`: a call-site id to select (the tree's "Open in Cost Panel"); the panel is opened or revealed. */
  static show(context: vscode.ExtensionContext, index: FolderIndexes, changes?: ChangesSource, target?: string): void {
    if (CostPanel.current) {
      CostPanel.current.panel.reveal();
      if (target) void CostPanel.current.post({ type: 'select', target });
      return;
    }
    const panel = vscode.window.createWebviewPanel('llmCostLens.panel', 'LLM Cost Lens', vscode.ViewColumn.Beside, options(context.extensionUri));
    CostPanel.current = new CostPanel(panel, context.extensionUri, index, changes);
    CostPanel.current.pendingSelect = target ?? null;
  }

  /** A selection asked for before the webview said 'ready'. */
  private pendingSelect: string | null = null;

  /** Window reload: VS Code hands back the panel it had open (see registerWebviewPanelSerializer). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, index: FolderIndexes, changes?: ChangesSource): void {
    panel.webview.options = options(extensionUri);
    CostPanel.current?.panel.dispose();
    CostPanel.current = new CostPanel(panel, extensionUri, index, changes);
  }

  private constructor(private readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly index: FolderIndexes, private readonly changes?: ChangesSource) {
    panel.webview.html = html(panel.webview, extensionUri);
    panel.onDidDispose(() => this.dispose(), null, this.disposables);
    panel.webview.onDidReceiveMessage((raw: unknown) => void this.onMessage(raw).catch((e: unknown) => extensionLog().error('cost panel: handling a webview message failed', e)), null, this.disposables);
    // The index watches files and settings; the panel only re-renders what it publishes.
    this.disposables.push(index.onDidChange(() => this.schedule()));
    if (changes) this.disposables.push(changes.onDidChange(() => void this.post({ type: 'changes', view: changes.view })));
  }

  private async onMessage(raw: unknown): Promise<void> {
    const parsed = webviewToHostSchema.safeParse(raw);
    if (!parsed.success) {
      extensionLog().warn(`ignored a malformed webview message: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    const msg: WebviewToHost = parsed.data;
    const folder = vscode.workspace.workspaceFolders?.[0];
    switch (msg.type) {
      case 'ready':
        // A scenario file that cannot be read (deleted meanwhile) must not keep the table at "Loading…".
        await loadScenarioRows(this.index.engine.catalog).then(
          (rows) => this.post({ type: 'scenarios', rows }),
          (e: unknown) => extensionLog().error('cost panel: reading the scenario files failed', e),
        );
        await this.refresh();
        if (this.changes) await this.post({ type: 'changes', view: this.changes.view });
        if (this.pendingSelect) await this.post({ type: 'select', target: this.pendingSelect });
        this.pendingSelect = null;
        break;
      case 'rejected':
        extensionLog().warn(`the cost panel ignored a malformed message from the extension: ${msg.reason}`);
        break;
      case 'selectChart':
        this.target = msg.target;
        if (this.scans.length) await this.postChart();
        break;
      case 'openFile':
        await this.openFile(msg.file, msg.line, msg.column);
        break;
      case 'setSetting': {
        if (!folder) return void this.post({ type: 'settingResult', key: msg.key, error: `llmCostLens.${msg.key}: open a folder first (settings are saved per workspace folder)` });
        const checked = validateSetting(msg.key, msg.value);
        const error = checked.ok ? await writeSetting(folder, msg.key, checked.value) : checked.error;
        await this.post({ type: 'settingResult', key: msg.key, error });
        if (!error) await this.refresh();
        break;
      }
      case 'resetSettings': {
        if (!folder) return;
        const error = await resetSettings(folder, msg.keys);
        if (error) await this.post({ type: 'settingResult', key: msg.keys[0]!, error });
        await this.refresh();
        break;
      }
      case 'setCallSite': {
        const control = msg.field === 'model' ? 'callSite.model' : 'callSite.requestsPerDay';
        const at = this.route(msg.key);
        if (!at) return void this.post({ type: 'controlResult', control, error: 'Open a folder and wait for its scan first (call-site settings are saved per workspace folder).' });
        const checked = validateCallSiteField(this.index.engine.catalog, new Set(at.scan.result.callSites.map((c) => c.key)), at.scan.ws.settings, at.rest, msg.field, msg.value);
        const error = checked.ok ? await writeCallSiteFields(at.scan.folder, at.rest, { [msg.field]: checked.value }) : checked.error;
        await this.post({ type: 'controlResult', control, error });
        if (!error) await this.refresh();
        break;
      }
      case 'setOpenModel': {
        const target = msg.key ? this.route(msg.key)?.scan.folder ?? folder : folder;
        if (!target) return void this.post({ type: 'controlResult', control: 'openModelFor', error: 'Open a folder first (llmCostLens.openModelFor is saved per workspace folder).' });
        const checked = validateOpenModel(msg.apiModel, msg.openModel);
        const error = checked.ok ? await writeOpenModelFor(target, msg.apiModel, checked.value) : checked.error;
        await this.post({ type: 'controlResult', control: 'openModelFor', error });
        if (!error) await this.refresh();
        break;
      }
      case 'resetCallSite': {
        const at = this.route(msg.key);
        if (!at) return;
        const error = (await writeCallSiteFields(at.scan.folder, at.rest, { requestsPerDay: null, model: null, batch: null })) ?? (msg.apiModel ? await writeOpenModelFor(at.scan.folder, msg.apiModel, null) : null);
        if (error) await this.post({ type: 'controlResult', control: 'callSite.requestsPerDay', error });
        await this.refresh();
        break;
      }
      case 'exportReport': {
        const outcome = await exportReport(this.index.engine, msg.format);
        if (outcome.file || outcome.error) await this.post({ type: 'exportResult', ...outcome });
        break;
      }
    }
  }

  /**
   * The folder a row's key or file belongs to: with several folders it starts with `<folder>/` (panelFolders.ts);
   * with one, it is that folder's own.
   */
  private route(prefixed: string): { scan: FolderPanelScan & { folder: vscode.WorkspaceFolder }; rest: string } | null {
    if (this.scans.length === 1) return { scan: this.scans[0]!, rest: prefixed };
    const hit = splitFolderPath(this.scans, prefixed);
    return hit ? { scan: hit.folder, rest: hit.rest } : null;
  }

  private async openFile(path: string, line?: number, column?: number): Promise<void> {
    const at = this.scans.length ? this.route(path) : null;
    const folder = at?.scan.folder ?? vscode.workspace.workspaceFolders?.[0];
    const file = at?.rest ?? path;
    if (!folder || file.split(/[\\/]/).includes('..') || file.startsWith('/')) return;
    const options: vscode.TextDocumentShowOptions = { viewColumn: vscode.ViewColumn.One };
    if (line !== undefined) {
      const pos = new vscode.Position(line - 1, (column ?? 1) - 1);
      options.selection = new vscode.Range(pos, pos);
    }
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, file), options);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh().catch((e: unknown) => extensionLog().error('cost panel: refresh failed', e)), RESCAN_DEBOUNCE_MS);
  }

  /** Re-reads the index (one at a time; a request meanwhile runs one more afterwards) and posts table and chart. */
  private async refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.again = false;
        await this.scanOnce();
      } while (this.again);
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async scanOnce(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') {
      this.scans = [];
      await this.post({ type: 'workspace', view: workspaceView(null, readSettings({}), null, folder ? 'Only folders on disk can be scanned.' : null) });
      return;
    }
    // refreshAll(): settings the panel just wrote are read now, not after the watcher's debounce.
    const states = await this.index.refreshAll();
    const ready = states.flatMap(({ folder: f, state }) => (state.kind === 'ready' ? [{ name: f.name, folder: f, result: state.result, ws: state.settings }] : []));
    const notReady = states.find(({ state }) => state.kind !== 'ready');
    const problem = !notReady ? null
      : notReady.state.kind === 'failed' ? `The scan of ${notReady.folder.name} failed: ${notReady.state.error}`
        : notReady.state.kind === 'cancelled' ? `The scan of ${notReady.folder.name} was cancelled: run "LLM Cost Lens: Rescan Workspace".`
          : notReady.state.kind === 'scanning' && states.length > 1 ? `Still scanning ${notReady.folder.name}: its call sites are not in the table or the totals yet.` : null;
    if (ready.length) {
      this.scans = ready;
      await this.post({ type: 'workspace', view: foldersWorkspaceView(ready, problem) });
      await this.postChart();
      return;
    }
    this.scans = [];
    await this.post({ type: 'workspace', view: workspaceView(null, readFolderScanSettings(folder.uri.fsPath), folder.name, problem) });
  }

  private async postChart(): Promise<void> {
    if (!this.scans.length) return;
    await this.post({ type: 'chart', chart: foldersChartFor(this.index.engine.catalog, this.scans, this.target) });
  }

  private post(msg: HostToWebview): Thenable<boolean> {
    // A refresh still waiting for the index when the panel was closed must not throw "Webview is disposed".
    if (this.disposed) return Promise.resolve(false);
    return this.panel.webview.postMessage(msg);
  }

  private dispose(): void {
    this.disposed = true;
    if (CostPanel.current?.panel === this.panel) CostPanel.current = undefined;
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'panel.css'));
  const chartStyle = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'chart.css'));
  const responsiveStyle = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'responsive.css'));
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
<link rel="stylesheet" href="${responsiveStyle}" nonce="${nonce}">
<title>LLM Cost Lens</title>
</head>
<body>
<main id="root"><p>Loading…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
