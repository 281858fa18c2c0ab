// The cost panel at 400, 700 and 1,200 px in the light, dark and high-contrast themes (issue 14): screenshots to
// look at (NN-panel-<theme>-<width>.png) and layout checks that can fail: no horizontal scroll; below 700 px the
// chart comes before the table, money before the file, and the file shows as basename:line.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { openPanel } from '../stories/panel';

const THEMES = [
  { theme: 'Default Light Modern', themeClass: 'vscode-theme-defaults-themes-light_modern-json', slug: 'light' },
  { theme: 'Default Dark Modern', themeClass: 'vscode-theme-defaults-themes-dark_modern-json', slug: 'dark' },
  { theme: 'Default High Contrast', themeClass: 'vscode-theme-defaults-themes-hc_black-json', slug: 'high-contrast' },
] as const;
const WIDTHS = [400, 700, 1200] as const;

// A string, not a function: tsx's transform would add helpers that do not exist in the page.
const MEASURE = `(() => {
  const doc = document.documentElement;
  const table = document.querySelector('table#callsites');
  const chart = document.querySelector('#callsite-chart');
  const firstRow = document.querySelector('table#callsites tbody tr');
  const api = firstRow && firstRow.querySelector('td.api');
  const site = firstRow && firstRow.querySelector('td.site');
  const svg = document.querySelector('#callsite-chart svg');
  return {
    // drawn width ÷ shown width: above 1 the chart was drawn for a wider panel and shrunk (its text too)
    chartShrink: svg ? Math.round((svg.width.baseVal.value / svg.getBoundingClientRect().width) * 100) / 100 : null,
    width: doc.clientWidth,
    scrolls: doc.scrollWidth > doc.clientWidth + 1,
    chartFirst: !!(chart && table && chart.getBoundingClientRect().top < table.getBoundingClientRect().top),
    moneyFirst: !!(api && site && api.getBoundingClientRect().top < site.getBoundingClientRect().top),
    // the card opens with the API figure: no other cell of the row sits above it or left of it on its line
    apiLeads: !!(api && [...firstRow.querySelectorAll('td')].every((td) => td === api || td.getBoundingClientRect().top > api.getBoundingClientRect().top + 1 || td.getBoundingClientRect().left > api.getBoundingClientRect().left)),
    siteText: site ? site.innerText.trim() : '',
    siteTitle: site && site.querySelector('a') ? site.querySelector('a').title : '',
  };
})()`;

interface Measure { chartShrink: number | null; width: number; scrolls: boolean; chartFirst: boolean; moneyFirst: boolean; apiLeads: boolean; siteText: string; siteTitle: string }

describe('cost panel: responsive at three widths in three themes', () => {
  let session: Session;
  let wb: Workbench;

  before(async () => {
    session = await Session.start({ name: 'panel-responsive' });
    wb = new Workbench(session);
  });
  after(async () => {
    await session?.stop();
  });

  /** Sets the browser's width so the panel's webview is `width` px wide (the panel alone in the editor area). */
  async function panelWidth(width: number): Promise<number> {
    for (let i = 0; i < 3; i++) {
      const box = await wb.page.locator('iframe.webview.ready').last().boundingBox();
      const vp = wb.page.viewportSize()!;
      if (!box) break;
      const chrome = vp.width - box.width;
      if (Math.abs(box.width - width) <= 2) return box.width;
      await wb.page.setViewportSize({ width: Math.round(width + chrome), height: vp.height });
      await wb.page.waitForTimeout(500); // the workbench lays out after a resize event
    }
    return (await wb.page.locator('iframe.webview.ready').last().boundingBox())?.width ?? 0;
  }

  it('no horizontal scroll; below 700 px chart first, money first, file as basename:line', async () => {
    await wb.waitForExtensionReady();
    await wb.closeAllEditors();
    await wb.runCommand('View: Close Primary Side Bar');
    let frame = await openPanel(wb);
    await frame.locator('#callsite-chart svg').first().waitFor({ state: 'visible', timeout: 45_000 });
    const problems: string[] = [];
    for (const t of THEMES) {
      await wb.setColorTheme(t.theme, t.themeClass);
      for (const w of WIDTHS) {
        const got = await panelWidth(w);
        frame = wb.webviewFrame();
        await frame.locator('table#callsites tbody tr').first().waitFor({ state: 'visible', timeout: 15_000 });
        await wb.page.waitForTimeout(600); // the panel redraws its chart 150 ms after a resize
        const m = (await frame.locator('body').evaluate(`${MEASURE}`)) as Measure;
        await session.screenshot(`panel-${t.slug}-${w}`);
        console.log(`[e2e] ${t.slug} ${w} px (webview ${Math.round(got)} px, document ${m.width} px): ${JSON.stringify(m)}`);
        if (m.scrolls) problems.push(`${t.slug} ${w}: horizontal scroll`);
        if (m.chartShrink !== null && m.chartShrink > 1.1) problems.push(`${t.slug} ${w}: the chart is drawn ${m.chartShrink}× wider than shown`);
        if (w < 700) {
          if (!m.chartFirst) problems.push(`${t.slug} ${w}: chart not above the table`);
          if (!m.moneyFirst) problems.push(`${t.slug} ${w}: API cost not before the file`);
          if (!m.apiLeads) problems.push(`${t.slug} ${w}: the card does not open with the API cost`);
          if (m.siteText.includes('/')) problems.push(`${t.slug} ${w}: file shows its directory (${m.siteText})`);
          if (!m.siteTitle.includes('/')) problems.push(`${t.slug} ${w}: the full path is not in the tooltip (${m.siteTitle})`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
