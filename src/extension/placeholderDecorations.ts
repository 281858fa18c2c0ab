// Marks `{name}` / `${name}` placeholders in prompts the extension detected, with a themed background and a hover
// saying how many tokens were assumed. Decorations, not semantic tokens: a second semantic-token provider would
// displace the language's own highlighting.
import * as vscode from 'vscode';
import { callSitePlaceholderRanges, placeholderHoverText } from '../core/scan/placeholderRanges';
import { LANGUAGES, type DocumentAnalyses } from './analysis';
import { extensionLog } from './log';

const languages = new Set<string>(LANGUAGES);

export function trackPlaceholderDecorations(analyses: DocumentAnalyses): vscode.Disposable {
  const type = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('llmCostLens.placeholderBackground'),
    borderRadius: '2px',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const update = async (editor: vscode.TextEditor) => {
    const doc = editor.document;
    if (doc.uri.scheme !== 'file' || !languages.has(doc.languageId)) return;
    const version = doc.version;
    const analysis = await analyses.get(doc);
    if (doc.isClosed || doc.version !== version) return;
    const settings = analyses.settings.forFolder(vscode.workspace.getWorkspaceFolder(doc.uri)).settings;
    const lines = Array.from({ length: doc.lineCount }, (_, i) => doc.lineAt(i).text);
    const ranges = callSitePlaceholderRanges(lines, analysis.callSites, settings);
    editor.setDecorations(type, ranges.map((r) => ({ range: new vscode.Range(r.line, r.start, r.line, r.end), hoverMessage: new vscode.MarkdownString(placeholderHoverText(r)) })));
  };
  const updateAll = () => {
    for (const e of vscode.window.visibleTextEditors) void update(e).catch((err: unknown) => extensionLog().error(`placeholder decorations failed: ${err instanceof Error ? err.message : String(err)}`));
  };
  // After activate() has returned: the first analysis loads grammars and tokenizer ranks.
  const first = setTimeout(updateAll, 0);
  return vscode.Disposable.from(
    { dispose: () => clearTimeout(first) },
    type,
    vscode.window.onDidChangeVisibleTextEditors(updateAll),
    analyses.onDidChange((uri) => {
      for (const e of vscode.window.visibleTextEditors) if (e.document.uri.toString() === uri.toString()) void update(e);
    }),
    analyses.settings.onDidChange(updateAll),
  );
}
