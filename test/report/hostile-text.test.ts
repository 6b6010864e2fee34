// Workbook text in reports: URLs never become links in Markdown, texts past Excel's cell limit are cut in
// the xlsx report, and the terminal summary shows control characters escaped.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/date.ts';
import { buildReport } from '../../src/report/build.ts';
import { reportWords } from '../../src/report/i18n.ts';
import { md, renderMarkdown } from '../../src/report/markdown.ts';
import { renderTerminal } from '../../src/report/terminal.ts';
import { EXCEL_CELL_LIMIT, renderXlsx } from '../../src/report/xlsx.ts';
import { evaluation, finding, L, workbook } from './fixtures.ts';

const asOf = dayNumber(2010, 10, 31);
const reportWith = (name: string, message = 'Group G-3 has 8 children') => buildReport({
  workbook: workbook({ name }), evaluation: evaluation({ findings: [finding({ message: L(message) })] }), asOf, lang: 'en', version: '0.1.0',
});

describe('Markdown: no workbook text becomes a link', () => {
  it.each([
    ['see http://evil.example/login now', 'see `http://evil.example/login` now'],
    ['HTTPS://Evil.Example', '`HTTPS://Evil.Example`'],
    ['www.evil.example', '`www.evil.example`'],
    ['(ftp://x.example/a_b*c)', '`(ftp://x.example/a_b*c)`'],
    ['write to head@mail.kz', 'write to `head@mail.kz`'],
    ['mailto:head', '`mailto:head`'],
    ['a|https://x.example|b', 'a\\|`https://x.example`\\|b'],
  ])('%s → %s', (text, shown) => {
    expect(md(text)).toBe(shown);
  });

  it('leaves ordinary text escaped as before', () => {
    expect(md('«Мейірім» *1* [a](b) <i> & @home 3.5')).toBe('«Мейірім» \\*1\\* \\[a\\](b) &lt;i&gt; &amp; @home 3.5');
  });

  it('in a whole report, a facility named by a URL is shown as code', () => {
    const text = renderMarkdown(reportWith('http://evil.example'), { lang: 'en' });
    expect(text).toContain('`http://evil.example`');
    expect(text).not.toMatch(/[^`]http:\/\/evil/);
  });

  it('finds URLs in one pass however the text is shaped', () => {
    const text = 'a.'.repeat(200_000) + '@' + 'b'.repeat(200_000);
    expect(md(text).length).toBeGreaterThan(600_000);
  });
});

describe('xlsx: texts longer than an Excel cell holds', () => {
  it('are cut to 32,767 characters ending in …, without splitting a surrogate pair', () => {
    const name = 'Ж'.repeat(50_000);
    const message = 'x'.repeat(EXCEL_CELL_LIMIT - 2) + '😀😀😀';
    const book = XLSX.read(renderXlsx(reportWith(name, message), { lang: 'en' }), { type: 'buffer' });
    const summary = book.Sheets[book.SheetNames[0]!]!;
    const long = Object.entries(summary).filter(([k]) => !k.startsWith('!')).map(([, c]) => String((c as XLSX.CellObject).v)).find((v) => v.startsWith('ЖЖ'));
    expect(long).toBe('Ж'.repeat(EXCEL_CELL_LIMIT - 1) + '…');
    const findings = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[1]!]!, { header: 1 });
    const cut = findings[1]![findings[0]!.indexOf(reportWords('en').message)]!;
    expect(cut).toBe('x'.repeat(EXCEL_CELL_LIMIT - 2) + '…');
  });
});

describe('terminal summary', () => {
  it('shows escape codes in every field escaped: names, ids, sheet names, messages', () => {
    const esc = '\u001b]0;pwned\u0007';
    const report = buildReport({
      workbook: workbook({ name: `N${esc}` }),
      evaluation: evaluation({ findings: [finding({ subject: `G${esc}`, message: L(`m${esc}`) })] }),
      asOf, lang: 'en', version: '0.1.0',
    });
    const text = renderTerminal(report, { lang: 'en' });
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('G\\u001b]0;pwned\\u0007');
    expect(text).toContain('N\\u001b]0;pwned\\u0007');
  });
});
