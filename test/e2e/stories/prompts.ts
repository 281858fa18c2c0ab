// Prompt stories (issue 6): the CodeLens of a prompt file and the placeholder decorations in detected prompts,
// with the figures computed by core on the same workspace copy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbench } from '../harness/workbench';
import { ExpectedOnScreenError } from '../harness/expect';
import { estimatePromptFile } from '../../../src/core/scan/promptFileSite';
import { createEngineContext } from '../../../src/core/engine/context';
import { readWorkspaceSettings } from '../../../src/core/scan/scan';
import { promptLensTitle } from '../../../src/core/format/promptLensText';

/** The lens the editor must show for a prompt file of the workspace copy. */
export function expectedPromptLens(workspace: string, file: string): string {
  const ws = readWorkspaceSettings(workspace);
  return promptLensTitle(estimatePromptFile(createEngineContext(), file, readFileSync(join(workspace, file), 'utf8'), ws));
}

/** 1-based line and column of the first occurrence of `needle` in a workspace file. */
export function positionOf(workspace: string, file: string, needle: string): { line: number; col: number } {
  const lines = readFileSync(join(workspace, file), 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return { line: i + 1, col: lines[i]!.indexOf(needle) + 1 };
}

// A string, not a function: tsx's transform would add helper calls (`__name`) that do not exist in the page.
const FIND_DECORATIONS = `(() => {
  const value = getComputedStyle(document.querySelector('.monaco-workbench')).getPropertyValue('--vscode-llmCostLens-placeholderBackground').trim();
  const probe = document.createElement('div');
  probe.style.backgroundColor = value;
  document.body.appendChild(probe);
  const background = getComputedStyle(probe).backgroundColor;
  probe.remove();
  const els = value ? Array.from(document.querySelectorAll('.editor-instance .monaco-editor *')).filter((e) => getComputedStyle(e).backgroundColor === background) : [];
  return { color: value, count: els.length, background };
})()`;

/**
 * The placeholder decorations of the visible editor: elements whose background is the theme's
 * `llmCostLens.placeholderBackground` (decoration class names are generated, and the workbench writes the
 * resolved colour into their CSS rule, so the colour is what identifies them).
 */
export async function placeholderDecorations(wb: Workbench, atLeast: number, timeoutMs = 30_000): Promise<{ color: string; count: number; background: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await wb.page.evaluate(FIND_DECORATIONS)) as { color: string; count: number; background: string };
    if (found.count >= atLeast) return found;
    if (Date.now() > deadline) {
      const expected = `${atLeast} placeholder decorations (background ${found.color || 'none'})`;
      throw new ExpectedOnScreenError(expected, await wb.session.screenshot('FAILED-placeholder-decorations'), `Found ${found.count} after ${timeoutMs} ms.`);
    }
    await wb.page.waitForTimeout(250);
  }
}
