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
      '--no-first-run', '--disable-quic', '--disable-domain-reliability', '--no-pings',
      // Every page of the suites in one renderer process instead of a new process per page and context
      // (measured: about a second less CPU over the suites). The pages are local files that load nothing
      // of another site, so there is nothing for site isolation to keep apart.
      '--disable-site-isolation-trials', '--renderer-process-limit=1'],
  });
}
