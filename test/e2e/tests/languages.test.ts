// Issue 15: CodeLens and hover in Go, Java, C# and Ruby files in code-server, each compared with
// `llm-cost-lens scan --json` of the same workspace copy (one fixture per language, copied into langs/).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import type { ScanResult } from '../../../src/core/scan/scan';
import { callSiteIn, cliScan, codeLensShows, expectedLens, hoverExpectations, hoverShows } from '../stories/editor';

const FILES: Array<{ language: string; fixture: string }> = [
  { language: 'go', fixture: 'go/go_openai.go' },
  { language: 'java', fixture: 'java/OpenAiJava.java' },
  { language: 'csharp', fixture: 'csharp/OpenAiDotnet.cs' },
  { language: 'ruby', fixture: 'ruby/ruby_openai.rb' },
];
const target = (fixture: string) => `langs/${fixture.split('/')[1]}`;
/** code-server's tab size in these files (the status bar says "Tab Size: 4"). */
const TAB_SIZE = 4;

/**
 * "Go to Line" reads `line:column` as a visual column (a tab counts TAB_SIZE), the CLI reports characters: Go
 * indents with tabs, so the cursor would land left of the call. Converts the CLI column to the visual one.
 */
function visualColumn(workspace: string, file: string, line: number, column: number): number {
  const text = readFileSync(join(workspace, file), 'utf8').split('\n')[line - 1] ?? '';
  let visual = 0;
  for (const ch of text.slice(0, column - 1)) visual = ch === '\t' ? visual + TAB_SIZE - (visual % TAB_SIZE) : visual + 1;
  return visual + 1;
}

describe('languages: CodeLens and hover in Go, Java, C# and Ruby', () => {
  let session: Session;
  let wb: Workbench;
  let scan: ScanResult;

  before(async () => {
    session = await Session.start({
      name: 'languages',
      prepare(workspace) {
        mkdirSync(join(workspace, 'langs'), { recursive: true });
        for (const f of FILES) copyFileSync(join(process.cwd(), 'test', 'fixtures', f.fixture), join(workspace, target(f.fixture)));
      },
    });
    wb = new Workbench(session);
    scan = cliScan(session.workspace);
    for (const c of scan.callSites.filter((x) => x.file.startsWith('langs/'))) console.log(`[e2e] CLI ${c.file}:${c.line}:${c.column}: ${expectedLens(c)}`);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  });
  after(async () => {
    await session?.stop();
  });

  for (const f of FILES) {
    const file = target(f.fixture);
    it(`${f.language} ${file}: the CodeLens shows the CLI's model and money, the hover its cost basis`, async () => {
      const c = callSiteIn(scan, file);
      assert.ok(c.model, `the CLI resolves the model in ${file}`);
      const lens = expectedLens(c);
      // The lens names the model unless it is the literal in the call right below (lensTitle); the hover always does.
      assert.match(lens, /\$\d/, `the lens shows money: ${lens}`);
      const r = await codeLensShows(wb, file, lens, 90_000);
      console.log(`[e2e] ${f.language}: CodeLens ${JSON.stringify(r.text)}`);
      const text = await hoverShows(wb, { ...c, column: visualColumn(session.workspace, file, c.line, c.column) }, /prices as of/);
      for (const s of hoverExpectations(c)) assert.ok(text.includes(s), `hover lacks ${JSON.stringify(s)}:\n${text}`);
      console.log(`[e2e] ${f.language}: hover at ${file}:${c.line}:${c.column}:\n${text}`);
      await session.screenshot(`hover-${f.language}`);
      await wb.page.keyboard.press('Escape');
    });
  }
});
