// The harness can fail: with LLM_COST_LENS_E2E_BREAK=codelens the extension registers no CodeLens provider,
// and the CodeLens story must fail saying what was expected on screen, with a screenshot.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { ExpectedOnScreenError } from '../harness/expect';
import { loadConfig } from '../harness/config';
import type { CallSiteReport } from '../../../src/core/scan/callSite';
import { callSiteIn, cliScan, codeLensShows, expectedLens, hoverShows } from '../stories/editor';

describe('harness self-test: a build without CodeLens fails the CodeLens story', () => {
  let session: Session;
  let wb: Workbench;

  let summarize: CallSiteReport;

  before(async () => {
    // The CLI's figures first (a cold scan takes seconds), so the first hover is asked for right after activation,
    // while the extension is still loading its engine, tokenizer and grammars.
    summarize = callSiteIn(cliScan(loadConfig().workspaceSource), 'app/summarize.py');
    session = await Session.start({ name: 'selftest-broken-codelens', env: { LLM_COST_LENS_E2E_BREAK: 'codelens' } });
    wb = new Workbench(session);
  });
  after(async () => {
    await session?.stop();
  });

  it('the broken build is active: its hover still shows on the call, even asked for while the engine loads', async () => {
    await wb.openFile('app/summarize.py');
    await hoverShows(wb, summarize, /prices as of/, { whileLoading: true });
    await wb.page.keyboard.press('Escape');
  });

  it('the CodeLens story fails with what was expected on screen and a screenshot', async () => {
    const c = callSiteIn(cliScan(session.workspace), 'app/summarize.py');
    // The hover proved the analysis is ready, so a healthy build would show the lens at once.
    const error = await codeLensShows(wb, 'app/summarize.py', expectedLens(c), 5_000).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error, 'the CodeLens story passed although LLM_COST_LENS_E2E_BREAK=codelens: did the switch reach the extension host?');
    assert.ok(error instanceof ExpectedOnScreenError, `unexpected kind of failure: ${String(error)}`);
    assert.match(error.message, /Expected on screen: a CodeLens containing "API \$[\d,]+\/mo · (hosted \$[\d.,]+\/mo · )?self-host/);
    assert.ok(error.screenshot && existsSync(error.screenshot), `no screenshot at ${error.screenshot}`);
    console.log(`[e2e] as expected, the build without CodeLens failed with:\n${error.message}`);
  });
});
