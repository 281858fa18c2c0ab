// The extension's log: Output ▸ "LLM Cost Lens". VS Code also writes it to a file in the extension host's log folder
// (<logs>/exthostN/llm-cost-lens.llm-cost-lens/LLM Cost Lens.log, with timestamps), so activation and analysis times
// can be read after the fact (the e2e tests do) instead of only from the developer tools' console.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** Created on first use; `activate` registers it for disposal. */
export function extensionLog(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('LLM Cost Lens', { log: true });
  return channel;
}
