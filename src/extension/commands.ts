// Every command id in one place (package.json `contributes.commands` must match; a unit test checks it).
export const enum CommandId {
  OpenPanel = 'llmCostLens.openPanel',
  SetVolume = 'llmCostLens.setVolume',
  UpdatePrices = 'llmCostLens.updatePrices',
  ExportReport = 'llmCostLens.exportReport',
  RescanWorkspace = 'llmCostLens.rescanWorkspace',
  ShowChangesVsBase = 'llmCostLens.showChangesVsBase',
  ImportUsage = 'llmCostLens.importUsage',
  // The "LLM Cost" tree (callTree.ts): item click, context menu and title bar; hidden from the palette.
  TreeReveal = 'llmCostLens.tree.reveal',
  TreeSetVolume = 'llmCostLens.tree.setVolume',
  TreePinModel = 'llmCostLens.tree.pinModel',
  TreeOpenInPanel = 'llmCostLens.tree.openInPanel',
  TreeSortByFile = 'llmCostLens.tree.sortByFile',
  TreeSortByCost = 'llmCostLens.tree.sortByCost',
  TreeShowAttention = 'llmCostLens.tree.showAttention',
  TreeShowAll = 'llmCostLens.tree.showAll',
  /** A quick fix that is advice (no edit) shows its note (codeActions.ts). */
  ShowFixNote = 'llmCostLens.showFixNote',
  /** A quick fix that writes llmCostLens.callSites (batch price, hosted open model): settingsFix.ts. */
  ApplySettingsFix = 'llmCostLens.applySettingsFix',
}
