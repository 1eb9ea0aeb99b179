/**
 * Debian's chromium (`/usr/bin/chromium`, which .ci/run installs with apt-get where it is missing;
 * SPIRE_CHROMIUM names another) through playwright-core, never a downloaded browser: launched the
 * one way the page tests (./browser.ts) and the console benchmark (bench/console-inbox.ts) share.
 * Free of vitest, so a plain script may import it.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['SPIRE_CHROMIUM'] ?? '/usr/bin/chromium';

/** The machine has no network beyond localhost: without these, chromium tries Google's hosts at every start. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
