// The self-check page as a facility uses it: the built file opened from disk in Debian's Chromium, the
// example workbooks and hostile files chosen through its file input, and everything it shows or saves
// compared with what `ereje audit` says of the same bytes. The whole session — every page and worker —
// must make no network request of any kind. A screenshot is kept in test-artifacts/web/self-check.png.
// Run by test/browser.test.ts.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import type { Browser, BrowserContext, FileChooser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/core/lang.ts';
import { readWorkbook } from '../../src/ingest/index.ts';
import { reportWords } from '../../src/report/i18n.ts';
import type { AuditReport } from '../../src/report/index.ts';
import { isWarning } from '../../src/report/view.ts';
import { buildTemplate } from '../../src/template/index.ts';
import { makeBenchWorkbook } from '../../bench/make-workbook.ts';
import { cachedFile } from '../cached-file.ts';
import { run, xlsxBytes, facilitySheet, zipBomb } from '../cli/helpers.ts';
import { buildZip, readZipEntries } from '../ingest/zip-builder.ts';
import { builtPage, type BuiltPage } from './built-page.ts';
import { hasChromium } from './chromium.ts';


const EXAMPLES = readdirSync('examples').filter((n) => n.endsWith('.xlsx')).sort();
const ARTIFACTS = 'test-artifacts/web';
const tmp = mkdtempSync(join(tmpdir(), 'ereje-web-'));
/**
 * How often a wait for the page looks again. Playwright's default looks at every animation frame, which
 * keeps the browser drawing frames for as long as the wait lasts (the page's checks take seconds).
 */
const POLL_MS = 20;

/** Writes the bytes where `ereje audit` can read them under the same name the page is given. */
function onDisk(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmp, 'f-'));
  writeFileSync(join(dir, name), bytes);
  return join(dir, name);
}

const cliReports = new Map<string, Promise<string>>();
/** What `ereje audit --format json` writes of a file; the same file asked again is not audited again (its bytes on disk do not change). */
function cliJson(path: string, lang: Lang, ...more: string[]): Promise<string> {
  const argv = ['audit', path, '--format', 'json', '--lang', lang, ...more];
  const key = JSON.stringify(argv);
  let report = cliReports.get(key);
  if (report === undefined) {
    report = run(argv).then((r) => {
      expect(r.code, r.stderr).toBeLessThan(2);
      return r.stdout;
    });
    cliReports.set(key, report);
  }
  return report;
}

/** The one line `ereje audit` prints for a file it makes no report of, without its `ereje: `. */
async function cliRefusal(path: string, lang: Lang): Promise<string> {
  const r = await run(['audit', path, '--lang', lang]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  return r.stderr.trim().replace(/^ereje: /, '');
}

/** The suite, in the browser test/browser.test.ts launched (`browser` answers once it has). */
export function selfCheckSuite(browser: () => Browser): void {
  describe.skipIf(!hasChromium)('the self-check page, opened from disk in Chromium', () => {
    let page: BuiltPage;
    let context: BrowserContext;
    let tab: Page;
    /** Every request of every page and worker in the session, and every route the browser tried. */
    const requests: string[] = [];
    const problems: string[] = [];

    function watch(p: Page): void {
      p.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      p.on('pageerror', (e) => problems.push(`error: ${e.message}`));
      p.on('websocket', (ws) => requests.push(`websocket: ${ws.url()}`));
      p.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
      p.on('worker', (w) => { w.on('console', (m) => { if (m.type() === 'error') problems.push(`worker console: ${m.text()}`); }); });
    }

    async function open(init?: () => void): Promise<Page> {
      const p = await context.newPage();
      watch(p);
      if (init) await p.addInitScript(init);
      await p.goto(page.url);
      await p.waitForFunction(() => document.documentElement.dataset.ready === 'true', undefined, { polling: POLL_MS });
      return p;
    }

    async function chooseLanguage(p: Page, lang: Lang): Promise<void> {
      await p.click(`button[data-lang="${lang}"]`);
      await p.waitForFunction((l) => document.documentElement.lang === l
        && (document.getElementById('result')!.hidden || document.getElementById('report')!.lang === l), lang, { polling: POLL_MS });
    }

    /**
     * Chooses the workbook at `path` through the file input, as the file chooser gives it (named as the
     * file is), and waits for the verdict or the one line of refusal. A file on disk reaches the page as
     * a path; bytes handed over instead cross the browser's protocol as base64 (about half a second of
     * Chromium's CPU for the large workbook below).
     */
    async function check(p: Page, path: string): Promise<'report' | 'error'> {
      await p.setInputFiles('#file', path);
      return settle(p);
    }

    async function settle(p: Page): Promise<'report' | 'error'> {
      await p.waitForFunction(() => document.getElementById('status')!.dataset.busy === 'false'
        && (!document.getElementById('result')!.hidden || !document.getElementById('error')!.hidden), undefined, { timeout: 90_000, polling: POLL_MS });
      return (await p.isVisible('#report .verdict')) ? 'report' : 'error';
    }

    async function saved(p: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
      const [download] = await Promise.all([p.waitForEvent('download'), click()]);
      return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
    }

    const savedJson = async (p: Page) => (await saved(p, () => p.click('button[data-format="json"]'))).bytes.toString('utf8');

    beforeAll(async () => {
      page = await builtPage();
      context = await browser().newContext({ acceptDownloads: true, viewport: { width: 1000, height: 1300 }, locale: 'en-US' });
      context.on('request', (r) => requests.push(r.url()));
      // Anything but the page's own file (and what it makes of its own text) is refused, besides being recorded above.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        return url === page.url || url.startsWith('blob:') ? route.continue() : route.abort();
      });
      tab = await open();
    }, 120_000);

    afterAll(async () => { await context?.close(); });

    it('says the data stays on this computer, and its policy forbids every request, in the page and in its worker', async () => {
      const csp = await tab.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/connect-src 'none'/);
      expect(csp).not.toMatch(/https?:|unsafe-eval|\*/);
      await chooseLanguage(tab, 'en');
      expect(await tab.innerText('#privacy')).toMatch(/^Your workbook stays on this computer\./);
      const blocked = () => fetch('http://127.0.0.1:9/ereje-must-not-connect').then(() => 'sent', () => 'blocked');
      expect(await tab.evaluate(blocked)).toBe('blocked');
      expect(tab.workers()).toHaveLength(1);
      expect(await tab.workers()[0]!.evaluate(blocked)).toBe('blocked');
      // The browser refused those two itself; the page made no other.
      problems.splice(0);
    });

    for (const example of EXAMPLES) {
      it(`checks ${example} as \`ereje audit --format json\` does: verdict, findings, the whole report`, async () => {
        await chooseLanguage(tab, 'en');
        expect(await check(tab, join('examples', example))).toBe('report');
        const cli = await cliJson(join('examples', example), 'en');
        const expected = JSON.parse(cli);
        expect(await tab.getAttribute('#report .verdict', 'class')).toContain(`verdict-${expected.result}`);
        expect(await tab.locator('#report table.findings > tbody > tr').count()).toBe(expected.groups.length);
        const json = await savedJson(tab);
        expect(JSON.parse(json).findings).toEqual(expected.findings);
        // Byte for byte, `generated_by` included: the page was built by this version of ereje.
        expect(json).toBe(cli);
        expect(problems).toEqual([]);
      });
    }

    it('switches the page and the report between kk, ru and en', async () => {
      const example = 'residential-2010.xlsx';
      await chooseLanguage(tab, 'en');
      await check(tab, join('examples', example));
      for (const lang of ['ru', 'kk'] as const) {
        await chooseLanguage(tab, lang);
        expect(await tab.locator('#report > section > h2').first().innerText()).toBe(reportWords(lang).summary);
        expect(await tab.innerText('#report .verdict')).toMatch(new RegExp(`^${reportWords(lang).status}:`));
        expect(await savedJson(tab)).toBe(await cliJson(join('examples', example), lang));
      }
      expect(await tab.innerText('h1')).toBe('Тексеру алдында жұмыс кітабыңызды өзіңіз тексеріңіз');
      expect(problems).toEqual([]);
    });

    describe('files that are not workbooks to check get the same one line as from `ereje audit`, and the page stays usable', () => {
      const honestBomb = () => {
        const megabyte = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
        const data = Buffer.concat([...Array.from({ length: 300 }, () => megabyte), Buffer.from([0x03, 0x00])]);
        return buildZip([
          { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>'), method: 0, uncompressedSize: 11 },
          // No CRC worked out: the file is refused from its declared size before any entry is read.
          { name: 'xl/worksheets/sheet1.xml', data, method: 8, uncompressedSize: 300 << 20, crc32: 0 },
        ]);
      };
      const tooManyCells = () => {
        const xml = Buffer.from(`<worksheet><sheetData><row r="1">${'<c/>'.repeat(5_000_001)}</row></sheetData></worksheet>`);
        return buildZip([
          { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>'), method: 0, uncompressedSize: 11 },
          { name: 'xl/worksheets/sheet1.xml', data: deflateRawSync(xml), method: 8, uncompressedSize: xml.length },
        ]);
      };
      const legacyXls = () => { const b = new Uint8Array(4096); b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); return b; };
      const cases: [string, () => Uint8Array, RegExp][] = [
        ['bomb-lying.xlsx', zipBomb, /inflates to more than its declared/],
        ['bomb-declared.xlsx', honestBomb, /declares 301 MB uncompressed, over the 200 MB limit/],
        ['children.xlsx', () => new TextEncoder().encode('child_id;birth_date\nR-01;01.02.2005\n'), /is not an \.xlsx workbook/],
        ['old-format.xlsx', legacyXls, /legacy \.xls/],
        ['crc-flip.xlsx', () => readFileSync('test/fixtures/hostile/crc-flip.xlsx'), /fails its CRC-32 check/],
        ['cells.xlsx', tooManyCells, /has more than 5,000,000 cells/],
      ];
      for (const [name, bytes, en] of cases) {
        it(name, async () => {
          const data = bytes();
          const path = onDisk(name, data);
          await chooseLanguage(tab, 'en');
          expect(await check(tab, path)).toBe('error');
          const line = await tab.innerText('#error');
          expect(line).toMatch(en);
          expect(line).toBe(await cliRefusal(path, 'en'));
          expect(await tab.isVisible('#report')).toBe(false);
          expect(await tab.isVisible('#file')).toBe(true);
          // The line follows the language switch without the file being checked again.
          await chooseLanguage(tab, 'ru');
          expect(await tab.innerText('#error')).toBe(await cliRefusal(path, 'ru'));
          expect(problems).toEqual([]);
        });
      }

      it('a workbook without its facility row: the cell to fill is in the line', async () => {
        const bytes = xlsxBytes({ Мекеме: [facilitySheet()[0]!] });
        await chooseLanguage(tab, 'en');
        const path = onDisk('empty-facility.xlsx', bytes);
        expect(await check(tab, path)).toBe('error');
        expect(await tab.innerText('#error')).toBe(await cliRefusal(path, 'en'));
        // After all of these, a workbook is checked as before.
        expect(await check(tab, join('examples', EXAMPLES[0]!))).toBe('report');
        expect(await tab.isVisible('#error')).toBe(false);
      });
    });

    it('takes a workbook dropped on its box, one at a time', async () => {
      await chooseLanguage(tab, 'en');
      const example = 'day-care-2010.xlsx';
      const drop = async (names: string[]) => {
        const dataTransfer = await tab.evaluateHandle(({ base64, names }) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const dt = new DataTransfer();
          for (const name of names) dt.items.add(new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
          return dt;
        }, { base64: readFileSync(join('examples', example)).toString('base64'), names });
        await tab.dispatchEvent('#drop', 'dragenter', { dataTransfer });
        expect(await tab.getAttribute('#drop', 'class')).toContain('over');
        await tab.dispatchEvent('#drop', 'drop', { dataTransfer });
      };
      await drop([example, 'another.xlsx']);
      expect(await tab.innerText('#error')).toBe('Drop one workbook at a time.');
      await drop([example]);
      expect(await settle(tab)).toBe('report');
      expect(await savedJson(tab)).toBe(await cliJson(join('examples', example), 'en'));
      expect(await tab.getAttribute('#drop', 'class')).not.toContain('over');
    });

    it('shows input errors with the cell to fix first, right after the verdict', async () => {
      const sheets = xlsxBytes({
        facility: facilitySheet({ to: '2010-06-30' }),
        children: [['child_id', 'birth_date', 'admitted_on', 'funding'], ['C-1', '31.02.2005', '2009-01-01', 'budget'], ['C-2', '2005-03-01', 'вчера', 'budget']],
      });
      await chooseLanguage(tab, 'en');
      const path = onDisk('typos.xlsx', sheets);
      expect(await check(tab, path)).toBe('report');
      const expected = JSON.parse(await cliJson(path, 'en'));
      const errors = (expected as AuditReport).input_errors.filter((e) => !isWarning(e));
      expect(errors.filter((e) => e.code === 'type-error')).toHaveLength(2);
      const items = await tab.locator('#fix li').allInnerTexts();
      expect(items).toHaveLength(Math.min(10, errors.length));
      expect(items[0]).toBe(`${errors[0]!.cell} — ${errors[0]!.message}`);
      expect(items.map((i) => i.split(' — ')[0])).toEqual(expect.arrayContaining(['children!B2', 'children!C3']));
      // Reading order: the verdict, then the cells to fix, then the rest of the report.
      const order = await tab.evaluate(() => {
        const verdict = document.querySelector('#report .verdict')!;
        const fix = document.getElementById('fix')!;
        const h1 = document.querySelector('#report h1')!;
        return [verdict.compareDocumentPosition(fix) & Node.DOCUMENT_POSITION_FOLLOWING, fix.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING];
      });
      expect(order).toEqual([Node_FOLLOWING, Node_FOLLOWING]);
      expect(await tab.getAttribute('#report .verdict', 'class')).toContain('verdict-incomplete');
    });

    it('checks again as of another day of the period, as `ereje audit --as-of` does, and refuses a day outside it', async () => {
      const example = 'residential-2010.xlsx';
      await chooseLanguage(tab, 'en');
      await check(tab, join('examples', example));
      expect(await tab.inputValue('#asof')).toBe(JSON.parse(await cliJson(join('examples', example), 'en')).as_of);
      await tab.fill('#asof', '2010-03-31');
      await tab.click('#asof-form button[type="submit"]');
      await tab.waitForFunction(() => document.getElementById('status')!.dataset.busy === 'false' && !document.getElementById('result')!.hidden, undefined, { polling: POLL_MS });
      expect(await savedJson(tab)).toBe(await cliJson(join('examples', example), 'en', '--as-of', '2010-03-31'));
      await tab.fill('#asof', '2011-01-15');
      await tab.click('#asof-form button[type="submit"]');
      expect(await tab.innerText('#error')).toBe('15.01.2011 is outside the workbook\'s period (01.01.2010 … 30.06.2010); choose a day inside it.');
      expect(await tab.isVisible('#report .verdict')).toBe(true);
    });

    it('saves the report as HTML and xlsx too, named after the workbook', async () => {
      const html = await saved(tab, () => tab.click('button[data-format="html"]'));
      expect(html.name).toBe('residential-2010-report.html');
      expect(html.bytes.toString('utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*class="verdict verdict-non_compliant"/);
      const xlsx = await saved(tab, () => tab.click('button[data-format="xlsx"]'));
      expect(xlsx.name).toBe('residential-2010-report.xlsx');
      expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    });

    it('gives the empty template of `ereje template` for the kind chosen, in the page\'s language', async () => {
      for (const [kind, facilityKind, lang] of [['day-care', 'day_care', 'ru'], ['home-care', 'home_care', 'kk']] as const) {
        await chooseLanguage(tab, lang);
        await tab.selectOption('#kind', kind);
        const file = await saved(tab, () => tab.click('#template'));
        expect(file.name).toBe(`${kind}-template.xlsx`);
        // The same parts as `ereje template` writes (the browser's SheetJS deflates them with its own code).
        expect(zipParts(new Uint8Array(file.bytes))).toEqual(zipParts(buildTemplate(facilityKind, lang)));
        const read = readWorkbook(new Uint8Array(file.bytes), { file: file.name });
        // Nothing unknown, nothing misread: only the facility row, still to be filled in, is missing.
        expect(read.errors.filter((e) => e.severity === 'warning')).toEqual([]);
        expect(read.errors.map((e) => e.code)).toEqual(['constraint-error']);
        expect(read.errors[0]!.sheet).toBe('facility');
      }
    });

    // One page opened afresh for both (each opening costs the browser about two seconds of work).
    it('opened again, speaks the language chosen last; can be used with the keyboard alone, and names its controls for screen readers', async () => {
      await chooseLanguage(tab, 'ru');
      const k = await open();
      // Listened for from the start: the browser intercepts file choosers only once a page has a listener.
      const chooserOpened = new Promise<FileChooser>((resolve) => k.once('filechooser', resolve));
      expect(await k.evaluate(() => document.documentElement.lang)).toBe('ru');
      expect(await k.innerText('h1')).toBe('Проверьте свою рабочую книгу перед инспекцией');
      await chooseLanguage(k, 'en');
      expect(await k.getByRole('group', { name: 'Language' }).count()).toBe(1);
      expect(await k.getByLabel('Workbook (.xlsx)').getAttribute('type')).toBe('file');
      expect(await k.getByLabel('Kind of facility').evaluate((e) => e.tagName)).toBe('SELECT');
      await k.locator('body').focus();
      // Tab to the language switch and press Space: the page speaks Russian.
      await tabTo(k, (el) => el.dataset.lang === 'ru');
      await k.keyboard.press('Space');
      await k.waitForFunction(() => document.documentElement.lang === 'ru', undefined, { polling: POLL_MS });
      // Tab to the file input and press Enter: the file chooser opens.
      await tabTo(k, (el) => el.id === 'file');
      await k.keyboard.press('Enter');
      await (await chooserOpened).setFiles(join('examples', 'day-care-2010.xlsx'));
      await k.waitForSelector('#report .verdict');
      // The verdict takes the focus, so a screen reader reads it first.
      expect(await k.evaluate(() => document.activeElement?.classList.contains('verdict'))).toBe(true);
      expect((await k.getByRole('status').innerText()).trim()).toBe('Проверено: day-care-2010.xlsx');
      await tabTo(k, (el) => el.dataset.format === 'json');
      const [download] = await Promise.all([k.waitForEvent('download'), k.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe('day-care-2010-report.json');
      await k.close();
    });

    it('keeps the page responsive and shows progress while a large workbook is checked', async () => {
      // Large enough that checking it lasts while the test looks, even on a busy machine (with 40 children the
      // check, since the fast reader, could end before the first look).
      // Made once per change of its generator (about a second of work), then read from test-artifacts/.
      const children = 100;
      const large = cachedFile(`bench-${children}-children.xlsx`, ['bench/make-workbook.ts'], () => makeBenchWorkbook(children).bytes);
      await chooseLanguage(tab, 'en');
      await tab.setInputFiles('#file', onDisk('large.xlsx', large));
      // Each look runs on the page's own thread: it can answer while the check goes on only if the check is elsewhere.
      const seen = new Set<string>();
      for (;;) {
        const look = await tab.evaluate(() => ({ busy: document.getElementById('status')!.dataset.busy, phase: document.getElementById('phase')!.textContent! }));
        if (look.busy !== 'true') break;
        seen.add(look.phase);
        await tab.waitForTimeout(50);
      }
      expect([...seen].some((p) => /^(Reading the sheets|Checking the rules|Writing the report)… \(Step [2-4] of 4\)$/.test(p))).toBe(true);
      expect(await tab.isVisible('#report .verdict')).toBe(true);
    });

    it('prints the report alone, on A4, and leaves a screenshot of it to look at', async () => {
      await chooseLanguage(tab, 'en');
      await check(tab, join('examples', 'residential-2010.xlsx'));
      await tab.setViewportSize({ width: 900, height: 1250 });
      await tab.evaluate(() => { (document.activeElement as HTMLElement | null)?.blur(); window.scrollTo(0, 0); });
      mkdirSync(ARTIFACTS, { recursive: true });
      await tab.screenshot({ path: join(ARTIFACTS, 'self-check.png') });
      await tab.setViewportSize({ width: 1000, height: 1300 });
      await tab.emulateMedia({ media: 'print' });
      expect(await tab.isVisible('.app-head')).toBe(false);
      expect(await tab.isVisible('#tools')).toBe(false);
      expect(await tab.isVisible('#report h1')).toBe(true);
      const pdf = await tab.pdf({ format: 'A4', printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(4);
      await tab.emulateMedia({ media: 'screen' });
    });

    it('works without a Web Worker (checked in the page itself) and without storage for its language', async () => {
      const p = await open(() => {
        Object.defineProperty(window, 'Worker', { value: undefined });
        Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
      });
      expect(await p.isVisible('#notice')).toBe(true);
      await chooseLanguage(p, 'en');
      expect(await check(p, join('examples', 'home-care-2010.xlsx'))).toBe('report');
      expect(await savedJson(p)).toBe(await cliJson(join('examples', 'home-care-2010.xlsx'), 'en'));
      await p.close();
      expect(problems).toEqual([]);
    });

    it('made no network request of any kind during the whole session', () => {
      const local = requests.filter((url) => url === page.url || url.startsWith('blob:'));
      expect(requests.filter((url) => !local.includes(url))).toEqual([]);
      // The page itself, each time it was opened, and the worker it made of its own text.
      expect(local.some((url) => url === page.url)).toBe(true);
      expect(basename(page.path)).toMatch(/^self-check-/);
      expect(problems).toEqual([]);
    });
  });
}

const Node_FOLLOWING = 4;

/**
 * A zip's parts, each as text of one character per byte (latin1: every byte kept): compared as strings,
 * where vitest's toEqual walks Buffers byte by byte (about half a second for one template).
 */
function zipParts(bytes: Uint8Array): Map<string, string> {
  return new Map([...readZipEntries(bytes)].map(([name, data]) => [name, data.toString('latin1')]));
}

/** Presses Tab until the focused element is the one wanted (at most 60 times). */
async function tabTo(p: Page, wanted: (el: HTMLElement) => boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await p.keyboard.press('Tab');
    if (await p.evaluate(`(${wanted.toString()})(document.activeElement)`)) return;
  }
  throw new Error('not reached with the Tab key');
}
