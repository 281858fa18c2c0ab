// Every command id in one place (package.json `contributes.commands` must match; a unit test checks it).
export const enum CommandId {
  OpenPanel = 'llmCostLens.openPanel',
  SetVolume = 'llmCostLens.setVolume',
  UpdatePrices = 'llmCostLens.updatePrices',
  ExportReport = 'llmCostLens.exportReport',
  RescanWorkspace = 'llmCostLens.rescanWorkspace',
  ShowChangesVsBase = 'llmCostLens.showChangesVsBase',
  ImportUsage = 'llmCostLens.importUsage',
}
