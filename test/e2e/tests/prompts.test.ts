// Prompt files and prompt placeholders in code-server: the .prompty CodeLens, the `{name}`/`${name}` decorations
// with their hover, and both again in restricted mode (workspace trust on, folder untrusted).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { cliScan, callSiteIn, codeLensShows, expectedLens } from '../stories/editor';
import { expectedPromptLens, placeholderDecorations, positionOf } from '../stories/prompts';

const PROMPTY = 'prompts/triage.prompty';

describe('prompt files and placeholders', () => {
  let session: Session;
  let wb: Workbench;

  before(async () => {
    session = await Session.start({ name: 'prompts' });
    wb = new Workbench(session);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  });
  after(async () => {
    await session?.stop();
  });

  it('prompts/triage.prompty: a CodeLens at line 1 with tokens, API and self-hosted cost at the front matter volume', async () => {
    const expected = expectedPromptLens(session.workspace, PROMPTY);
    assert.match(expected, /^≈[\d,]+ → 300 tok · API \$[\d,]+\/mo \(gpt-4o-mini\) · self-host \$[\d,]+\/mo · at 20,000\/day \(front matter\)$/);
    const r = await codeLensShows(wb, PROMPTY, expected);
    console.log(`[e2e] prompty CodeLens ${r.msAfterTab} ms after its tab opened: ${JSON.stringify(r.text)}`);
    const top = await wb.page.locator('.editor-instance .monaco-editor .codelens-decoration').first().boundingBox();
    const firstLine = await wb.page.locator('.editor-instance .monaco-editor .view-line').first().boundingBox();
    assert.ok(top && firstLine && top.y < firstLine.y + 1, 'the lens sits above line 1');
  });

  it('app/summarize.py: {ticket_text} in the detected prompt is decorated, with a hover giving its assumed size', async () => {
    await codeLensShows(wb, 'app/summarize.py', expectedLens(callSiteIn(cliScan(session.workspace), 'app/summarize.py')));
    const d = await placeholderDecorations(wb, 1);
    console.log(`[e2e] placeholder decorations in summarize.py: ${d.count} (${d.color}, ${d.background})`);
    const at = positionOf(session.workspace, 'app/summarize.py', '{ticket_text}');
    const text = await wb.hover(at.line, at.col + 2, /prompt placeholder: \d+ tokens assumed/);
    assert.match(text, /prompt placeholder: \d+ tokens assumed \(llmCostLens\.placeholders/);
    await session.screenshot('placeholder-hover-summarize-py');
    await wb.page.keyboard.press('Escape');
  });

  it('app/classify.ts: ${subject} and ${body} in the template literal are decorated', async () => {
    await codeLensShows(wb, 'app/classify.ts', expectedLens(callSiteIn(cliScan(session.workspace), 'app/classify.ts')));
    const d = await placeholderDecorations(wb, 2);
    assert.ok(d.count >= 2, `two decorations, found ${d.count}`);
  });
});

describe('restricted mode (workspace trust on, folder not trusted)', () => {
  let session: Session;
  let wb: Workbench;

  before(async () => {
    session = await Session.start({ name: 'restricted', restricted: true });
    wb = new Workbench(session);
  });
  afterEach(async (t) => {
    await session?.screenshot(t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
  });
  after(async () => {
    await session?.stop();
  });

  it('the workbench is in restricted mode and the call-site and prompt-file CodeLenses still estimate', async () => {
    await wb.waitForStatusBarItem(/Restricted Mode/i, 45_000);
    const scan = cliScan(session.workspace);
    const r = await codeLensShows(wb, 'app/summarize.py', expectedLens(callSiteIn(scan, 'app/summarize.py')));
    console.log(`[e2e] restricted mode: CodeLens ${JSON.stringify(r.text)}`);
    await codeLensShows(wb, PROMPTY, expectedPromptLens(session.workspace, PROMPTY));
  });
});
