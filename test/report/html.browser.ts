// The HTML report in a real browser (Debian's Chromium via playwright-core): it renders without console
// errors or network requests, the hostile facility name is plain text, a workbook of over 300 per-day
// findings reads as a handful of entries by clause and by subject, and it prints on A4 in few pages
// (test-artifacts/report-consolidated.pdf is kept to be looked at). Run by test/browser.test.ts.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadAuditPack } from '../../src/cli/audit-pack.ts';
import { auditWorkbook } from '../../src/cli/audit-run.ts';
import { dayNumber } from '../../src/core/date.ts';
import { renderBatchSummaryHtml } from '../../src/report/batch-html.ts';
import { buildBatchSummary } from '../../src/report/batch.ts';
import { buildReport } from '../../src/report/build.ts';
import { applyBaseline } from '../../src/report/follow-up.ts';
import { renderHtml } from '../../src/report/html.ts';
import { reportWords } from '../../src/report/i18n.ts';
import { defaultRulesDir } from '../../src/rulepack/load.ts';
import { cachedFile } from '../cached-file.ts';
import { manyDailyFindings } from '../cli/follow-up-workbooks.ts';
import { hasChromium } from '../web/chromium.ts';
import { L, QUOTES, evaluation, facilityReport, finding, workbook } from './fixtures.ts';

const HOSTILE = '<script>alert(1)</script>';

/** Pages of a PDF Chromium printed: its page objects (not the /Pages tree). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/**
 * The workbook of over 300 per-day findings, made once per change of what makes it (the residential
 * example read and written again by SheetJS, about a fifth of a second) and kept in test-artifacts/.
 */
function manyDailyFindingsWorkbook(): Uint8Array {
  const modules = ['src/schema', 'src/core'].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)));
  return cachedFile('many-daily-findings.xlsx', ['test/cli/follow-up-workbooks.ts', 'test/cli/workbooks.ts', 'examples/residential-2010.xlsx', ...modules.sort()], manyDailyFindings);
}

/** The suite, in the browser test/browser.test.ts launched (`browser` answers once it has). */
export function htmlReportSuite(browser: () => Browser): void {
  describe.skipIf(!hasChromium)('HTML report in Chromium', () => {
    // One page for the suite, each report loaded into it afresh (a new page costs the browser about a
    // quarter of a second of work); what a report's page did is recorded from its loading on.
    let shared: Page;
    let problems: string[] = [];
    beforeAll(async () => {
      shared = await browser().newPage();
      shared.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      shared.on('pageerror', (e) => problems.push(`error: ${e.message}`));
      shared.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== 'about:blank') problems.push(`request: ${r.url()}`); });
      shared.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
    });
    afterAll(async () => { await shared?.close(); });

    async function open(html: string, viewport = { width: 900, height: 1200 }): Promise<{ page: Page; problems: string[] }> {
      await shared.setViewportSize(viewport);
      await shared.emulateMedia({ media: 'screen' });
      problems = [];
      await shared.setContent(html, { waitUntil: 'load' });
      return { page: shared, problems };
    }

    it('renders as text, without errors or network, and prints on A4', async () => {
      const report = buildReport({
        workbook: workbook({ name: HOSTILE }), evaluation: evaluation(), asOf: dayNumber(2010, 10, 31), lang: 'kk', version: '0.1.0',
      });
      const { page, problems } = await open(renderHtml(report, { lang: 'kk', quotes: QUOTES }));
      expect(await page.locator('h1').innerText()).toBe(HOSTILE);
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('blockquote[lang="kk"]').count()).toBeGreaterThan(0);
      expect(await page.locator('table.findings tbody tr').count()).toBe(5);
      expect(problems).toEqual([]);
      // Nothing overflows the A4 content width (190 mm at 96 dpi ≈ 718 px).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
    });

    it('prints the batch summary of a follow-up in Russian on A4 landscape with every column of the facilities table', async () => {
      const docs = (child: string) => finding({ rule: 'residential/admission-documents-budget', clause: 'A1.8', severity: 'minor', subject: child, item: 'referral', message: L('no referral') });
      const age = (child: string) => finding({ rule: 'residential/admission-age', clause: 'A1.2', severity: 'critical', subject: child, message: L('too young') });
      const named = (id: string, name: string, findings: ReturnType<typeof finding>[]) => {
        const r = facilityReport(id, findings);
        return { ...r, facility: { ...r.facility, name } };
      };
      const later = applyBaseline(named('ONP-07', 'Отделение социальной помощи на дому детям с ограниченными возможностями г. Павлодар', [docs('H-04'), age('H-05')]),
        named('ONP-07', 'Отделение социальной помощи на дому детям с ограниченными возможностями г. Павлодар', [docs('H-04'), docs('H-06')]));
      const summary = buildBatchSummary([
        { file: '04-onp-07-otdelenie-pavlodar.xlsx', report: later, exitCode: 1, reportFile: '04-onp-07-otdelenie-pavlodar.html' },
        { file: '05-dc-03.xlsx', report: named('DC-03', 'Центр дневного пребывания «Бота», г. Алматы', []), exitCode: 0, reportFile: '05-dc-03.html' },
      ], { lang: 'ru', version: '0.1.0' });
      // The page as wide as A4 landscape (297 mm ≈ 1123 px).
      const { page, problems } = await open(renderBatchSummaryHtml(summary), { width: 1123, height: 800 });
      await page.emulateMedia({ media: 'print' });
      const widths = await page.evaluate(() => {
        const box = document.querySelector('.table-scroll')!;
        return { shown: box.clientWidth, needed: box.scrollWidth };
      });
      // Wider than its box, the table would scroll on screen and lose its last columns (the exit state) on paper.
      expect(widths.needed).toBeLessThanOrEqual(widths.shown);
      expect(await page.locator('table.batch').first().locator('thead th').allInnerTexts()).toContain('Код выхода');
      expect(problems).toEqual([]);
    });

    it('shows a workbook of 300+ per-day findings as a few entries by clause and by subject, on at most 3 A4 pages of findings', async () => {
      const pack = await loadAuditPack(defaultRulesDir());
      const { report } = await auditWorkbook(manyDailyFindingsWorkbook(), 'many-days.xlsx', pack, { lang: 'kk', version: '0.1.0' });
      expect(report.findings.length).toBeGreaterThanOrEqual(300);
      const w = reportWords('kk');
      const html = renderHtml(report, { lang: 'kk', quotes: pack.quotes });
      const { page, problems } = await open(html);
      expect(problems).toEqual([]);
      // By clause: one row per entry — under A1.28.5 — each with its days as ranges.
      const byClause = page.locator('section.findings-by-clause table.findings > tbody > tr');
      expect(await byClause.count()).toBe(report.groups.length);
      expect(report.groups.length).toBeLessThan(12);
      const r06 = byClause.filter({ hasText: 'R-06' });
      expect(await r06.count()).toBe(1);
      expect(await r06.innerText()).toContain('2010-02: 1–6, 8–13, 15–20, 22–27');
      expect(await r06.innerText()).toContain(w.periodCount('day', report.findings.filter((f) => f.subject === 'R-06').length));
      // By subject: one header row per subject, the facility's own duties (none here) first, then children in order.
      const heads = await page.locator('section.findings-by-subject tr.subject-head').allInnerTexts();
      expect(heads.map((h) => h.split(' ')[0])).toEqual(['R-01', 'R-02', 'R-03', 'R-04', 'R-05', 'R-06', 'R-07', 'R-08', 'күз-қыс']);
      expect(heads[0]).toContain('Балалар!A2');
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // The whole report as printed is kept to be looked at (a picture of the whole page cost as much as
      // the rest of this test, and showed what the PDF shows).
      mkdirSync('test-artifacts', { recursive: true });
      await page.emulateMedia({ media: 'print' });
      const whole = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync('test-artifacts/report-consolidated.pdf', whole);
      // The findings alone — by clause and by subject — on at most 3 A4 pages; the whole report on at most 5.
      await page.addStyleTag({ content: 'body > header, body > section:not(.findings-by-clause):not(.findings-by-subject), body > footer { display: none !important; }' });
      const findingsOnly = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdfPages(findingsOnly)).toBeLessThanOrEqual(3);
      expect(pdfPages(whole)).toBeLessThanOrEqual(5);
      expect(pdfPages(whole)).toBeGreaterThan(pdfPages(findingsOnly));
      // The findings by clause alone — what a report of 300 per-day findings is — on at most 2 pages.
      await page.addStyleTag({ content: 'section.findings-by-subject { display: none !important; }' });
      expect(pdfPages(await page.pdf({ format: 'A4', printBackground: true }))).toBeLessThanOrEqual(2);
    });
  });
}
