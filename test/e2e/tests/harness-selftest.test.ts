// The harness can fail: with LLM_COST_LENS_E2E_BREAK=statusbar the extension registers no status bar item,
// and the status-bar story must fail saying what was expected on screen, with a screenshot.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Session } from '../harness/session';
import { Workbench } from '../harness/workbench';
import { ExpectedOnScreenError } from '../harness/expect';
import { costPanelShowsScenario, statusBarShowsCost } from '../stories/extension';

describe('harness self-test: a deliberately broken build fails the tests', () => {
  let session: Session;
  let wb: Workbench;

  before(async () => {
    session = await Session.start({ name: 'selftest-broken-statusbar', env: { LLM_COST_LENS_E2E_BREAK: 'statusbar' } });
    wb = new Workbench(session);
  });
  after(async () => {
    await session?.stop();
  });

  it('the broken build is installed and active (its command still works)', async () => {
    await costPanelShowsScenario(wb, 'seed-sonnet-1000', { api: '$66', selfHosted: '$200', verdict: 'api' });
  });

  it('the status-bar story fails with what was expected on screen and a screenshot', async () => {
    // The extension is active (previous test), so a healthy build would show its item at once.
    const error = await statusBarShowsCost(wb, 5_000).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error, 'the status-bar story passed although LLM_COST_LENS_E2E_BREAK=statusbar: did the switch reach the extension host?');
    assert.ok(error instanceof ExpectedOnScreenError, `unexpected kind of failure: ${String(error)}`);
    assert.match(error.message, /Expected on screen: a status bar item containing "LLM Cost"/);
    assert.ok(error.screenshot && existsSync(error.screenshot), `no screenshot at ${error.screenshot}`);
    console.log(`[e2e] as expected, the broken build failed with:\n${error.message}`);
  });
});
