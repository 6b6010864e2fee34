// The HTML report in a real browser (Debian's Chromium via playwright-core): it renders without console
// errors or network requests, the hostile facility name is plain text, and it prints to A4 PDF.
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { dayNumber } from '../../src/core/date.ts';
import { buildReport } from '../../src/report/build.ts';
import { renderHtml } from '../../src/report/html.ts';
import { QUOTES, evaluation, workbook } from './fixtures.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html.browser.test: ${CHROMIUM} is missing; skipping (\`.ci/run\` installs it: apt-get install chromium)`);

const HOSTILE = '<script>alert(1)</script>';

describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => { await browser?.close(); });

  it('renders as text, without errors or network, and prints on A4', async () => {
    const report = buildReport({
      workbook: workbook({ name: HOSTILE }), evaluation: evaluation(), asOf: dayNumber(2010, 10, 31), lang: 'kk', version: '0.1.0',
    });
    const html = renderHtml(report, { lang: 'kk', quotes: QUOTES });
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url()); });
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });

    await page.setContent(html, { waitUntil: 'load' });
    expect(await page.locator('h1').innerText()).toBe(HOSTILE);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('blockquote[lang="kk"]').count()).toBeGreaterThan(0);
    expect(await page.locator('table.findings tbody tr').count()).toBe(5);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    // Nothing overflows the A4 content width (190 mm at 96 dpi ≈ 718 px).
    const bodyScroll = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(bodyScroll).toBe(true);

    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/report.png', fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
    await page.close();
  });
});
