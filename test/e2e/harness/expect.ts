// Condition-based waits that fail with what a person would have expected to see, plus the screenshot path.
import type { Locator, Page } from 'playwright-core';

export class ExpectedOnScreenError extends Error {
  constructor(
    readonly expected: string,
    readonly screenshot: string | undefined,
    detail: string,
  ) {
    super(`Expected on screen: ${expected}. ${detail}${screenshot ? `\n  Screenshot: ${screenshot}` : ''}`);
    this.name = 'ExpectedOnScreenError';
  }
}

export interface Shooter {
  page: Page;
  screenshot(name: string): Promise<string | undefined>;
}

function slug(text: string): string {
  return text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 60).toLowerCase();
}

/** Waits until `locator` is visible; on timeout screenshots the page and says what was missing. */
export async function expectVisible(s: Shooter, locator: Locator, expected: string, timeoutMs = 30_000): Promise<Locator> {
  const first = locator.first();
  try {
    await first.waitFor({ state: 'visible', timeout: timeoutMs });
    return first;
  } catch {
    const shot = await s.screenshot(`FAILED-${slug(expected)}`);
    throw new ExpectedOnScreenError(expected, shot, `Not visible after ${timeoutMs} ms.`);
  }
}

/** Waits until `locator`'s text matches; on timeout reports the last text seen. */
export async function expectText(
  s: Shooter,
  locator: Locator,
  expected: string | RegExp,
  what: string,
  timeoutMs = 30_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  const matches = (t: string) => (typeof expected === 'string' ? t.includes(expected) : expected.test(t));
  for (;;) {
    try {
      last = await locator.first().innerText({ timeout: Math.max(1, Math.min(2_000, deadline - Date.now())) });
      if (matches(last)) return last;
    } catch {
      /* not there yet */
    }
    if (Date.now() >= deadline) break;
    await s.page.waitForTimeout(100); // polling interval of a condition wait, not a sleep standing in for one
  }
  const shot = await s.screenshot(`FAILED-${slug(what)}`);
  throw new ExpectedOnScreenError(
    `${what} showing ${typeof expected === 'string' ? JSON.stringify(expected) : expected}`,
    shot,
    last === null ? `Nothing found after ${timeoutMs} ms.` : `Last text seen after ${timeoutMs} ms: ${JSON.stringify(last.slice(0, 400))}`,
  );
}
