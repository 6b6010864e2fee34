// Every suite that needs a real browser, in one file so that Chromium is launched once for all of them:
// the HTML report (test/report/html.browser.ts) and the self-check page (test/web/self-check.browser.ts).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { htmlReportSuite } from './report/html.browser.ts';
import { hasChromium, CHROMIUM, launchChromium } from './web/chromium.ts';
import { selfCheckSuite } from './web/self-check.browser.ts';

if (!hasChromium) console.warn(`browser.test: ${CHROMIUM} is missing; skipping the browser suites (\`.ci/run\` installs it: apt-get install chromium)`);

let browser: Browser | undefined;
beforeAll(async () => { if (hasChromium) browser = await launchChromium(); }, 120_000);
afterAll(async () => { await browser?.close(); });
const launched = (): Browser => browser!;

htmlReportSuite(launched);
selfCheckSuite(launched);
