// "Ready": the moment hovers and lenses answer without loading anything first. That is when the workspace index's
// first scan is over (the engine bundle, the o200k tokenizer ranks and the grammars of the workspace's languages are
// then in memory), or at once when there is no folder to index. Logged once per window in Output ▸ LLM Cost Lens, so
// a user who saw a slow first hover can tell why; the e2e stories wait for this line instead of a fixed time.
import * as vscode from 'vscode';
import { extensionLog } from './log';
import type { IndexState, WorkspaceIndex } from './workspaceIndex';

export const READY_MESSAGE = 'ready: engine, tokenizer and grammars loaded';

export function announceReady(index: WorkspaceIndex, activatedAt: number): vscode.Disposable {
  let announced = false;
  const check = (state: IndexState) => {
    if (announced || state.kind === 'scanning') return;
    announced = true;
    subscription.dispose();
    const line = `${READY_MESSAGE} ${Date.now() - activatedAt} ms after activation (index: ${state.kind})`;
    extensionLog().info(line);
  };
  const subscription = index.onDidChange(check);
  check(index.state);
  return subscription;
}
