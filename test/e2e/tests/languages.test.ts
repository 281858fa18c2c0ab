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
/** LangChain models named only by an Azure deployment, invoked once and built without an invocation, in Python and TS. */
const AZURE = ['python/langchain_azure_deployment_named.py', 'parity/langchain-azure-deployment.ts'];
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
        for (const f of AZURE) copyFileSync(join(process.cwd(), 'test', 'fixtures', f), join(workspace, 'langs', f.split('/')[1]!));
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

  it('an Azure deployment name as the model: the lens says so and how to name the model, in Python and TS', async () => {
    // The invocations are call sites of the CLI's scan: the editor's lens is the CLI's.
    for (const [file, line] of [['langs/langchain_azure_deployment_named.py', 13], ['langs/langchain-azure-deployment.ts', 9]] as const) {
      const c = scan.callSites.find((x) => x.file === file && x.line === line);
      assert.ok(c?.deploymentKey, `the CLI marks ${file}:${line} as a deployment`);
      const lens = expectedLens(c);
      assert.match(lens, /^unpriced Azure deployment "support-bot-prod" \(name its model: llm-cost: model=…\)/);
      const r = await codeLensShows(wb, file, lens);
      console.log(`[e2e] azure: ${file} CodeLens ${JSON.stringify(r.text)}`);
    }
    // Built and invoked nowhere: `scan` lists it under skipped with how to price it; the editor keeps a lens there
    // saying the same, where the fix is typed.
    const skip = scan.skipped.find((x) => x.file === 'langs/langchain-azure-deployment.ts');
    assert.match(skip?.reason ?? '', /^line 6: new AzureChatOpenAI\(\{ azureOpenAIApiDeploymentName: "triage" \}\) is never invoked/);
    const r = await codeLensShows(wb, 'langs/langchain-azure-deployment.ts', 'unpriced Azure deployment "triage" (name its model: llm-cost: model=…)');
    console.log(`[e2e] azure: constructor CodeLens ${JSON.stringify(r.text)}`);
    await session.screenshot('azure-deployment-lens');
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
