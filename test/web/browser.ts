/**
 * The browser the page tests drive: Debian's chromium (`/usr/bin/chromium`, which .ci/run installs
 * with apt-get where it is missing) through playwright-core, never a downloaded browser; a phone's
 * viewport; axe-core's WCAG 2.1 AA rules on every page and state; a screenshot of each under
 * test/artifacts/ (git-ignored) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = process.env['SPIRE_CHROMIUM'] ?? '/usr/bin/chromium';

/** A phone: the 375 × 812 CSS px. */
export const PHONE = { width: 375, height: 812 } as const;

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // The machine has no network beyond localhost: without these, chromium tries Google's hosts at every start.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

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
