// The call-site tree's context-menu commands: Set volume…, Pin model…, Open in cost panel. They take the tree's
// SiteNode (VS Code passes the clicked item) and reuse the lens's and panel's writers, so the same validation
// and the same folder settings file apply.
import * as vscode from 'vscode';
import type { SiteNode } from '../core/format/callTreeModel';
import { fileUri, folderNamed } from './callTree';
import { setVolume } from './setVolume';
import { writeCallSiteFields } from './settingsWriter';
import { listApiPrices, lookupApiPrice } from '../core/catalog/prices';
import type { EngineContext } from '../core/engine/context';
import { formatUsdPrecise } from '../core/money';

const isSite = (x: unknown): x is SiteNode => typeof x === 'object' && x !== null && (x as SiteNode).kind === 'site';

export async function treeSetVolume(node: unknown): Promise<void> {
  if (!isSite(node)) return;
  const uri = fileUri(node.folder, node.file);
  if (!uri) return;
  await setVolume({ uri: uri.toString(), key: node.key, requestsPerDay: node.requestsPerDay, source: node.volumeSource, line: node.line });
}

/** Prices this call site at another catalog model: llmCostLens.callSites[key].model in the folder's settings. */
export async function treePinModel(engine: EngineContext, node: unknown): Promise<void> {
  if (!isSite(node)) return;
  const folder = folderNamed(node.folder);
  if (!folder) return;
  const items: (vscode.QuickPickItem & { model: string | null })[] = [
    { label: '$(discard) Use the model in the code', description: 'removes the pinned model', model: null },
    ...listApiPrices(engine.catalog).map((p) => ({
      label: p.modelId,
      description: `${p.providerName ?? p.provider} · in ${formatUsdPrecise(p.inputUsdPerMTok)} / out ${formatUsdPrecise(p.outputUsdPerMTok)} per Mtok`,
      model: p.modelId,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Price ${node.key} at…`,
    placeHolder: `now: ${node.model ?? 'unresolved'} — saved as llmCostLens.callSites in ${folder.name}/.vscode/settings.json`,
    matchOnDescription: true,
  });
  if (!picked) return;
  if (picked.model !== null && !lookupApiPrice(engine.catalog, picked.model).ok) return;
  const error = await writeCallSiteFields(folder, node.key, { model: picked.model });
  if (error) void vscode.window.showErrorMessage(`LLM Cost Lens: ${error}`);
}
