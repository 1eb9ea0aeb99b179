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
