// "LLM Cost Lens: Update Prices": the extension's only network access, and only when the user runs it.
// Downloads the upstream @pydantic/genai-prices data into the extension's global storage; any failure keeps
// the prices in use (bundled snapshot or an earlier download).
import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPriceCatalog, PRICE_FILE_NAME, updatePrices } from '../core/catalog/prices-update';
import type { FolderSettings } from './analysis';
import { priceCatalogInfo } from '../core/catalog/prices';
import type { EngineContext } from '../core/engine/context';
import { extensionLog } from './log';

export async function updatePricesCommand(context: vscode.ExtensionContext, settings: FolderSettings, engine: EngineContext): Promise<void> {
  const go = 'Download';
  const answer = await vscode.window.showInformationMessage(
    'Download the latest API prices (pydantic/genai-prices on GitHub)? This is the only network request LLM Cost Lens makes; nothing about your code is sent.',
    { modal: true },
    go,
  );
  if (answer !== go) return;
  const dir = context.globalStorageUri.fsPath;
  const r = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'LLM Cost Lens: downloading prices…' }, () => updatePrices({ dir }));
  if (!r.ok) {
    void vscode.window.showErrorMessage(`LLM Cost Lens: prices not updated (${r.error}). The prices in use stay as they were.`);
    return;
  }
  // A new catalog for the engine: every cache keyed on the old one misses from now on.
  engine.setCatalog(loadPriceCatalog(dir));
  const info = priceCatalogInfo(engine.catalog);
  settings.refresh();
  void vscode.window.showInformationMessage(`LLM Cost Lens: ${r.models.toLocaleString('en-US')} model prices, prices as of ${info.asOf}.`);
}

/** After activation: use prices downloaded earlier, if any (never downloads). */
export function loadDownloadedPrices(context: vscode.ExtensionContext, settings: FolderSettings, engine: EngineContext): void {
  const dir = context.globalStorageUri.fsPath;
  if (!existsSync(join(dir, PRICE_FILE_NAME))) return;
  setTimeout(() => {
    engine.setCatalog(loadPriceCatalog(dir));
    if (engine.catalog.meta.note) extensionLog().warn(engine.catalog.meta.note);
    settings.refresh();
  }, 0);
}
