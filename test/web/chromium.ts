// Debian's Chromium through playwright-core, for the browser suites (test/browser.test.ts runs them all
// in one browser: a launch costs about a second of CPU). No network: every suite also watches for requests.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-quic', '--disable-domain-reliability', '--no-pings'],
  });
}
