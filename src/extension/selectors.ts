// Which documents the providers serve. Light on purpose (only `vscode`): the activation entry registers the
// providers with these before the engine bundle is loaded.
import type * as vscode from 'vscode';

export const LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'go', 'java', 'csharp', 'ruby'] as const;
export const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

export const DOCUMENT_SELECTOR: vscode.DocumentSelector = [
  ...LANGUAGES.map((language) => ({ language, scheme: 'file' })),
  // Python cells of .ipynb notebooks (core analyses Python notebooks only).
  { language: 'python', scheme: NOTEBOOK_CELL_SCHEME },
];

export const PROMPT_SELECTOR: vscode.DocumentSelector = [{ language: 'llm-prompt', scheme: 'file' }];
