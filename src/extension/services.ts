// The editor's engine side, bundled apart from the activation entry (dist/services.js): settings, per-document
// analyses, the workspace index, providers, the panel and commands. `extension.ts` loads it on first need — the
// first CodeLens/hover request or command, or right after activate() has returned — so activation itself only
// registers thin proxies.
import * as vscode from 'vscode';
import { CommandId } from './commands';
import { CostPanel } from './panel';
import { createStatusBar, trackWorkspaceTotals } from './statusBar';
import { DocumentAnalyses, FolderSettings } from './analysis';
import { CostCodeLensProvider } from './codeLens';
import { CostHoverProvider } from './hover';
import { setVolume } from './setVolume';
import { exportReport } from './exportReport';
import { loadDownloadedPrices, updatePricesCommand } from './updatePrices';
import { PromptFileLensProvider } from './promptLens';
import { trackPlaceholderDecorations } from './placeholderDecorations';
import { WorkspaceIndex } from './workspaceIndex';
import { announceReady } from './ready';
import { ChangesVsBase } from './changesVsBase';
import { importUsage } from './importUsage';
import { createCallTreeViews, revealCallSite } from './callTree';
import { treePinModel, treeSetVolume } from './treeCommands';
import type { SiteNode } from '../core/format/callTreeModel';
import { CostCodeActionProvider } from './codeActions';
import { applySettingsFix } from './settingsFix';
import { FolderIndexes } from './folderIndexes';
import { watchStraySettings } from './straySettings';
import { createEngineContext } from '../core/engine/context';

export interface Services {
  codeLens: CostCodeLensProvider;
  codeActions: CostCodeActionProvider;
  promptLens: PromptFileLensProvider;
  hover: CostHoverProvider;
  commands: Record<CommandId, (...args: never[]) => unknown>;
  /** Window reload: the cost panel VS Code hands back. */
  revivePanel(panel: vscode.WebviewPanel): void;
}

export interface ServiceOptions {
  /** Test-only (LLM_COST_LENS_E2E_BREAK=statusbar): no status bar item. */
  statusBar: boolean;
  /** When activate() ran (Date.now()), for the "ready" log line. */
  activatedAt: number;
}

/** Builds everything once; what needs disposing goes to `context.subscriptions`. */
export function createServices(context: vscode.ExtensionContext, options: ServiceOptions): Services {
  const settings = new FolderSettings();
  // The window's one engine context: the price catalog in use and every cache; each folder costs with its own
  // settings snapshot. Update Prices gives it a new catalog (updatePrices.ts).
  const engine = createEngineContext();
  const analyses = new DocumentAnalyses(settings, engine);
  // One scan of the workspace for the status bar and the panel.
  const index = new WorkspaceIndex(context, settings, engine);
  context.subscriptions.push(settings, analyses, index, trackPlaceholderDecorations(analyses));
  // Every folder of a multi-root workspace, each with its own settings: the status bar and the tree total them all.
  const folders = new FolderIndexes(context, settings, engine, index);
  context.subscriptions.push(folders);
  // Open documents take measured usage from their own folder's index; when new usage was read, they recompute.
  analyses.measure = (sites, ws, folder) => (folder ? folders.indexFor(folder) ?? index : index).usage.measure(engine.catalog, sites, ws.settings);
  let usageSeen = folders.usageVersion();
  context.subscriptions.push(folders.onDidChange(() => {
    if (folders.usageVersion() === usageSeen) return;
    usageSeen = folders.usageVersion();
    settings.refresh();
  }));
  if (options.statusBar) {
    const item = createStatusBar();
    context.subscriptions.push(item, trackWorkspaceTotals(item, folders));
  }
  const changes = new ChangesVsBase(folders);
  context.subscriptions.push(changes);
  const tree = createCallTreeViews(folders);
  context.subscriptions.push(tree.disposable);
  index.start();
  folders.start();
  context.subscriptions.push(announceReady(index, options.activatedAt));
  loadDownloadedPrices(context, settings, engine);
  // User / .code-workspace values of llmCostLens.* are read by neither editor nor CLI: say so once, offer to move them.
  context.subscriptions.push(watchStraySettings(context));
  return {
    codeLens: new CostCodeLensProvider(analyses),
    codeActions: new CostCodeActionProvider(analyses),
    promptLens: new PromptFileLensProvider(settings, engine),
    hover: new CostHoverProvider(analyses),
    commands: {
      [CommandId.OpenPanel]: () => CostPanel.show(context, folders, changes),
      [CommandId.SetVolume]: setVolume,
      [CommandId.UpdatePrices]: () => updatePricesCommand(context, settings, engine),
      [CommandId.ExportReport]: () => exportReport(engine),
      [CommandId.RescanWorkspace]: () => {
        index.start();
        folders.start();
      },
      [CommandId.ShowChangesVsBase]: () => changes.show(),
      [CommandId.ImportUsage]: () => importUsage(folders, settings),
      [CommandId.TreeReveal]: (node: SiteNode) => revealCallSite(node),
      [CommandId.TreeSetVolume]: (node: unknown) => treeSetVolume(node),
      [CommandId.TreePinModel]: (node: unknown) => treePinModel(engine, node),
      [CommandId.TreeOpenInPanel]: (node: SiteNode | undefined) => CostPanel.show(context, folders, changes, node?.kind === 'site' ? node.target : undefined),
      [CommandId.TreeSortByFile]: () => tree.provider.setOptions({ sort: 'file' }),
      [CommandId.TreeSortByCost]: () => tree.provider.setOptions({ sort: 'cost' }),
      [CommandId.TreeShowAttention]: () => tree.provider.setOptions({ attentionOnly: true }),
      [CommandId.TreeShowAll]: () => tree.provider.setOptions({ attentionOnly: false }),
      [CommandId.ShowFixNote]: (note: unknown) => typeof note === 'string' && void vscode.window.showInformationMessage(`LLM Cost Lens: ${note}`),
      [CommandId.ApplySettingsFix]: (uri: unknown, key: unknown, patch: unknown, note: unknown) => applySettingsFix(uri, key, patch, note),
    },
    revivePanel: (panel) => CostPanel.revive(panel, context.extensionUri, folders, changes),
  };
}
