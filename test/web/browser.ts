/**
 * The browser the page tests drive: Debian's chromium (./chromium.ts); a phone's viewport;
 * axe-core's WCAG 2.1 AA rules on every page and state; a screenshot of each under
 * test/artifacts/ (git-ignored) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export { launchBrowser } from './chromium.ts';

/** A phone: the 375 × 812 CSS px. */
export const PHONE = { width: 375, height: 812 } as const;

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

/** A fresh browser profile on a phone-sized window, in Danish. */
export function phoneContext(browser: Browser, options: { locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: PHONE, locale: options.locale ?? 'da-DK', deviceScaleFactor: 1, hasTouch: true });
}

/**
 * Fails with every WCAG 2.0/2.1 A and AA violation axe-core finds on the page as it is now,
 * and saves a screenshot named after the state.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  await screenshot(page, state);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map((violation) => `${violation.id} (${violation.impact ?? '?'}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(violations, `axe violations in “${state}”`).toEqual([]);
}

export async function screenshot(page: Page, state: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}${state}.png`, fullPage: true });
}

/**
 * Opens `path` on the runtime at `origin`, signs in on the local provider's page as one of its
 * ready-made people (the button starting with `person`), and waits until the sign-in has brought
 * the browser back to that path.
 */
export async function signInAs(page: Page, origin: string, person: string, path = '/'): Promise<void> {
  const wanted = new URL(path, origin).pathname;
  await page.goto(`${origin}${path}`);
  await page.getByRole('button', { name: new RegExp(`^${person}`) }).click();
  await page.waitForURL((url) => url.pathname === wanted);
}

/** The focused element: its id, what it is called (its label, or its text), and whether its focus can be seen. */
export interface FocusStop {
  id: string;
  name: string;
  visibleFocus: boolean;
}

export function focusedElement(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element === null || element === document.body) return { id: '', name: '', visibleFocus: false };
    const labelled = element.id === '' ? null : document.querySelector(`label[for="${element.id}"]`);
    const name = (element.getAttribute('aria-label') ?? labelled?.textContent ?? element.textContent ?? '').trim().replace(/\s+/g, ' ');
    const style = getComputedStyle(element);
    const visibleFocus = (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    return { id: element.id, name, visibleFocus };
  });
}

/**
 * Presses Tab until the focused element satisfies `wanted`, at most `limit` times; `eachStop` sees
 * every stop on the way (to check its focus can be seen, say). Answers the names of the stops.
 */
export async function tabUntil(page: Page, wanted: (stop: FocusStop) => boolean, what: string, options: { limit?: number; eachStop?: (stop: FocusStop) => void } = {}): Promise<string[]> {
  const stops: string[] = [];
  for (let presses = 0; presses < (options.limit ?? 120); presses++) {
    await page.keyboard.press('Tab');
    const stop = await focusedElement(page);
    options.eachStop?.(stop);
    stops.push(stop.name || stop.id);
    if (wanted(stop)) return stops;
  }
  throw new Error(`Tab never reached ${what}; it stopped at: ${stops.join(' | ')}`);
}
