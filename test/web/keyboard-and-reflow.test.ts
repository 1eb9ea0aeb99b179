/**
 * What axe-core cannot see: the submit form works by keyboard alone, in a logical order, with a
 * visible focus on every stop; and the employee's pages reflow at 320 CSS px (WCAG 1.4.10, the
 * width of a 1280 px window at 400 % zoom) and at 640 CSS px (200 % zoom) without sideways scrolling.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { IDEA, signIn, startTestRuntime, waitForStatus } from '../integration/support.ts';
import { focusedElement, launchBrowser, screenshot, signInAs, tabUntil } from './browser.ts';

let runtime: LocalRuntime;
let browser: Browser;

beforeAll(async () => {
  [runtime, browser] = await Promise.all([startTestRuntime(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

async function signedInPage(width: number, path = '/'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'da-DK' });
  const page = await context.newPage();
  await signInAs(page, runtime.url, 'Mette Sørensen', path);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** Presses Tab until the focus is on an element whose name starts with `name`, each stop's focus visible; the stops on the way. */
function tabTo(page: Page, name: string): Promise<string[]> {
  return tabUntil(page, (stop) => stop.name.startsWith(name), `“${name}”`, {
    limit: 40,
    eachStop: (stop) => expect(stop.visibleFocus, `the focus on “${stop.name}” can be seen`).toBe(true),
  });
}

describe('the submit form by keyboard alone', () => {
  it('reaches every field in reading order with a visible focus, and sends bøvl with the Enter key', async () => {
    // Arrange
    const page = await signedInPage(375);

    // Act: the skip link comes first, and leads to the page's content
    await page.keyboard.press('Tab');
    expect((await focusedElement(page)).name).toBe('Gå til sidens indhold');
    await page.keyboard.press('Enter');

    // Act: the kind, by arrow key, then each field in turn
    await tabTo(page, 'En idé');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Bøvl', { exact: true }).isChecked()).toBe(true);
    await tabTo(page, 'Overskrift');
    await page.keyboard.type('Printeren på Åhaven virker kun hver anden dag');
    await tabTo(page, 'Beskrivelse');
    await page.keyboard.type('Vi går over til naboafdelingen for at printe medicinlister. Det tager tid fra beboerne.');
    await tabTo(page, 'Din afdeling');
    await page.keyboard.type('Ældre og Sundhed');
    await tabTo(page, 'Jeg kender ikke tallene');
    await page.keyboard.press('Space');
    const stops = await tabTo(page, 'Send bøvl');
    await screenshot(page, 'keyboard-before-send');
    await page.keyboard.press('Enter');

    // Assess: sent, and the stops on the way came in the page's reading order
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tak, vi har modtaget det');
    expect(stops.findIndex((stop) => stop.startsWith('Nej, send med mit navn'))).toBeLessThan(stops.indexOf(stops.at(-1) as string));
  });
});

describe('reflow', () => {
  it.each([320, 640])('shows the submit form, my ideas and an idea at %i CSS px without sideways scrolling', async (width) => {
    // Arrange: an idea of Mette's to open
    const mette = await signIn(runtime, 'mette', ['employee'], 'Mette Sørensen');
    const { id } = (await (await mette.request('POST', '/ideas', { body: { ...IDEA, title: `Ét system til nøgler og adgang (${width})` } })).json()) as { id: string };
    await waitForStatus(mette, id, 'in_triage');
    const page = await signedInPage(width);

    for (const path of ['/', '/mine', `/ideas/${id}`]) {
      // Act
      await page.goto(`${runtime.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');

      // Assess
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await screenshot(page, `reflow-${width}${path.replaceAll('/', '-')}`);
      expect(overflow, `${path} at ${width} px scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
    }
  });
});
