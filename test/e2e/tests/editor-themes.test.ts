// CodeLens and hover in the light, dark and high-contrast default themes (issue 6): screenshots to look at
// (NN-editor-<theme>.png), and layout checks that can fail: lens text not cut off, the hover's table inside the
// window with no cell overflowing. Contrast ratios are printed (the colours are the theme's, not ours).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { reportActivation } from '../harness/timings';
import { callSiteIn, cliScan, codeLensShows, expectedLens, hoverExpectations, hoverShows } from '../stories/editor';
import type { CallSiteReport } from '../../../src/core/scan/callSite';

const FILE = 'app/summarize.py';
const THEMES = [
  { theme: 'Default Light Modern', themeClass: 'vscode-theme-defaults-themes-light_modern-json', slug: 'light' },
  { theme: 'Default Dark Modern', themeClass: 'vscode-theme-defaults-themes-dark_modern-json', slug: 'dark' },
  { theme: 'Default High Contrast', themeClass: 'vscode-theme-defaults-themes-hc_black-json', slug: 'high-contrast' },
] as const;

// Strings, not functions: tsx's transform would add helper calls (`__name`) that do not exist in the page.
const MEASURE = `(() => {
  const rgb = (s) => (s.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = (c) => { const [r, g, b] = c.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const contrast = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100; };
  const editorBg = getComputedStyle(document.querySelector('.editor-instance .monaco-editor-background')).backgroundColor;
  const lenses = [...document.querySelectorAll('.editor-instance .monaco-editor .codelens-decoration')].map((el) => {
    const a = el.querySelector('a') || el;
    return { text: el.innerText, clipped: el.scrollWidth > el.clientWidth + 1, right: el.getBoundingClientRect().right, contrast: contrast(getComputedStyle(a).color, editorBg) };
  });
  // Where text stops being visible: the minimap (or the vertical scrollbar) covers the editor's right edge.
  const editor = document.querySelector('.editor-instance .monaco-editor');
  const edges = [...editor.querySelectorAll('.minimap, .scrollbar.vertical')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => r.left);
  const editorRight = Math.min(editor.getBoundingClientRect().right, ...edges);
  const hover = document.querySelector('.monaco-hover:not(.hidden)');
  let h = null;
  if (hover) {
    const box = hover.getBoundingClientRect();
    const scroller = hover.querySelector('.monaco-scrollable-element') || hover;
    const content = hover.querySelector('.monaco-hover-content') || hover;
    const hoverBg = getComputedStyle(hover).backgroundColor;
    const cells = [...hover.querySelectorAll('td')];
    const text = hover.querySelector('.rendered-markdown p, td');
    h = {
      box: { x: box.x, y: box.y, width: box.width, height: box.height },
      inWindow: box.x >= 0 && box.y >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      scrolls: content.scrollHeight > scroller.clientHeight + 1,
      contentHeight: content.scrollHeight, visibleHeight: scroller.clientHeight,
      rows: hover.querySelectorAll('tr').length,
      overflowingCells: cells.filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.innerText.slice(0, 60)),
      contrast: text ? contrast(getComputedStyle(text).color, hoverBg) : null,
    };
  }
  return { editorRight, lenses, hover: h, classes: document.querySelector('.monaco-workbench').className };
})()`;

interface Measure {
  editorRight: number;
  lenses: { text: string; clipped: boolean; right: number; contrast: number }[];
  hover: null | {
    box: { x: number; y: number; width: number; height: number };
    inWindow: boolean;
    scrolls: boolean;
    contentHeight: number;
    visibleHeight: number;
    rows: number;
    overflowingCells: string[];
    contrast: number | null;
  };
  classes: string;
}

describe('editor: CodeLens and hover in light, dark and high-contrast themes', () => {
  let session: Session;
  let wb: Workbench;
  let c: CallSiteReport;

  before(async () => {
    session = await Session.start({ name: 'editor-themes' });
    wb = new Workbench(session);
    c = callSiteIn(cliScan(session.workspace), FILE);
  });
  after(async () => {
    await session?.stop();
    if (session) reportActivation(session);
  });

  for (const [i, t] of THEMES.entries()) {
    it(`${t.theme}: ${FILE} with its CodeLens, then the hover open over the call`, async () => {
      await wb.setColorTheme(t.theme, t.themeClass);
      const lens = expectedLens(c);
      if (i === 0) await codeLensShows(wb, FILE, lens);
      else await wb.waitForCodeLens(lens, 20_000);
      await wb.goTo(c.endLine + 1, 1); // the cursor off the call: no hover, the lens in full view
      const before = (await wb.page.evaluate(MEASURE)) as Measure;
      const lensShot = await session.screenshot(`editor-${t.slug}-lens`);
      console.log(`[e2e] ${t.theme}: ${lensShot}; lenses: ${JSON.stringify(before.lenses)} (text visible up to x=${before.editorRight})`);
      assert.equal(before.lenses.length, 1, 'one lens row above the one call');
      assert.ok(before.lenses[0]!.text.includes('Set volume'), `the row has "Set volume…": ${before.lenses[0]!.text}`);
      assert.deepEqual(before.lenses.filter((l) => l.clipped || l.right > before.editorRight + 1).map((l) => l.text), [], 'no CodeLens is cut off by the minimap or the editor edge');

      const text = await hoverShows(wb, c, /prices as of/);
      for (const s of hoverExpectations(c)) assert.ok(text.includes(s), `hover lacks ${JSON.stringify(s)}:\n${text}`);
      const m = (await wb.page.evaluate(MEASURE)) as Measure;
      const shot = await session.screenshot(`editor-${t.slug}`);
      console.log(`[e2e] ${t.theme}: ${shot}; hover: ${JSON.stringify(m.hover)}`);
      assert.ok(m.hover, 'the hover is open');
      assert.ok(m.hover.inWindow, `the hover lies inside the window: ${JSON.stringify(m.hover.box)}`);
      assert.ok(m.hover.rows >= 10, `the hover renders its table (${m.hover.rows} rows)`);
      assert.deepEqual(m.hover.overflowingCells, [], 'no hover table cell overflows');
      await wb.page.keyboard.press('Escape');
    });
  }
});
