// The xlsx report read back as an inspector's Excel would: every table filtered and its header frozen,
// one column per field, labels instead of codes, dates as date cells, and no cell a formula or text
// that would become one when edited.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/date.ts';
import { LANGS, type Lang } from '../../src/core/lang.ts';
import { readWorkbook } from '../../src/ingest/index.ts';
import { buildReport } from '../../src/report/build.ts';
import { applyBaseline } from '../../src/report/follow-up.ts';
import { reportWords } from '../../src/report/i18n.ts';
import { enumLabel } from '../../src/schema/index.ts';
import { neutralised, renderXlsx } from '../../src/report/xlsx.ts';
import { FROZEN_FIRST_ROW_VIEW } from '../../src/report/xlsx-views.ts';
import { L, QUOTES, evaluation, finding, inputError, workbook } from './fixtures.ts';

const asOf = dayNumber(2010, 10, 31);
const FORMULA_LIKE = ['=HYPERLINK("http://x","y")', '+7 701 123 45 67', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

function report(lang: Lang) {
  const daily = (day: number) => finding({
    rule: 'residential/daily-health-log', clause: 'A1.28.5', subject: 'C-1', period: `2010-03-${String(day).padStart(2, '0')}`,
    message: L(`C-1 has no health log entry on 2010-03-${String(day).padStart(2, '0')}`), expected: L('an entry'), actual: L('none'),
    evidence: [{ sheet: 'children', row: 2, column: 'child_id' }, { sheet: 'health_log' }],
  });
  const hostile = FORMULA_LIKE.map((text, i) => finding({ subject: `G-${i + 10}`, message: L(text), actual: L(text) }));
  const base = evaluation();
  return buildReport({
    workbook: workbook({ name: '=HYPERLINK("http://evil.example","Балалар үйі")', errors: [inputError({ value: '=1+2' })] }),
    evaluation: evaluation({ findings: [...base.findings, ...[1, 2, 3, 5].map(daily), ...hostile] }),
    asOf, lang, version: '0.1.0',
  });
}

function read(bytes: Uint8Array) {
  return XLSX.read(bytes, { type: 'array', cellDates: true, cellFormula: true, cellNF: true });
}

/** Every worksheet's XML as written, for what SheetJS does not read back (frozen panes, formula tags). */
function sheetXml(bytes: Uint8Array): string[] {
  const zip = XLSX.CFB.read(bytes, { type: 'array' });
  return zip.FullPaths.flatMap((p: string, i: number) => (/\/xl\/worksheets\/sheet\d+\.xml$/.test(p) ? [Buffer.from(zip.FileIndex[i].content).toString('utf8')] : []));
}

function rows(book: XLSX.WorkBook, name: string): unknown[][] {
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, raw: true, defval: null });
}

describe('the xlsx report', () => {
  it.each(LANGS)('has a summary, entries by clause and by subject, every finding, not evaluated and input errors (%s)', (lang) => {
    const w = reportWords(lang);
    const book = read(renderXlsx(report(lang), { lang, quotes: QUOTES }));
    expect(book.SheetNames).toEqual([w.summary, w.findings, w.bySubject, w.allFindings, w.notEvaluated, w.inputErrors]);
    const entries = rows(book, w.findings);
    expect(entries[0]).toEqual([w.clause, w.severity, w.subject, w.periods, w.firstDay, w.lastDay, w.count, w.item, w.message, w.expected, w.actual,
      w.evidence, w.version, w.rule, w.quote]);
    // The four days of C-1 are one entry: 2010-03-01 … 03, 2010-03-05, first and last day as dates.
    const daily = entries.find((r) => r[0] === 'A1.28.5')!;
    expect(daily.slice(2, 7)).toEqual(['C-1', `${w.periodCount('day', 4)}: 2010-03-01 … 2010-03-03, 2010-03-05`, new Date(Date.UTC(2010, 2, 1)), new Date(Date.UTC(2010, 2, 5)), 4]);
    const all = rows(book, w.allFindings);
    expect(all.filter((r) => r[0] === 'A1.28.5')).toHaveLength(4);
    expect(all[0]!.slice(0, 6)).toEqual([w.clause, w.severity, w.subject, w.period, w.firstDay, w.lastDay]);
    // The item by its label in the report's language, the code after it.
    const docs = all.find((r) => r[0] === 'A1.8')!;
    expect(docs[6]).toBe(`${enumLabel('document', 'referral', lang)} (referral)`);
    expect(docs[6]).not.toBe('referral (referral)');
    // The per-subject sheet: C-1's entry under C-1, with its row in the workbook.
    const bySubject = rows(book, w.bySubject);
    expect(bySubject.find((r) => r[0] === 'C-1')!.slice(0, 3)).toEqual(['C-1', 'Балалар!A2', 'A1.28.5']);
  });

  it('puts a filter on every table and freezes the first row of every sheet', () => {
    const bytes = renderXlsx(report('en'), { lang: 'en' });
    const book = read(bytes);
    const w = reportWords('en');
    for (const name of book.SheetNames.filter((n) => n !== w.summary)) {
      const sheet = book.Sheets[name]!;
      const header = rows(book, name)[0]!;
      const range = XLSX.utils.decode_range(sheet['!autofilter']!.ref);
      expect(range.s, name).toEqual({ r: 0, c: 0 });
      expect(range.e.c, name).toBe(header.length - 1);
      expect(range.e.r, name).toBe(Math.max(1, rows(book, name).length - 1));
    }
    const xml = sheetXml(bytes);
    expect(xml).toHaveLength(book.SheetNames.length);
    for (const x of xml) {
      expect(x).toContain(FROZEN_FIRST_ROW_VIEW);
      expect(x).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    }
  });

  it('writes dates as Excel date cells (yyyy-mm-dd), counts as numbers', () => {
    const w = reportWords('ru');
    const book = read(renderXlsx(report('ru'), { lang: 'ru' }));
    const summary = book.Sheets[w.summary]!;
    const periodRow = rows(book, w.summary).findIndex((r) => r[0] === w.period) + 1;
    expect(summary[`B${periodRow}`]).toMatchObject({ t: 'd', z: 'yyyy-mm-dd', v: new Date(Date.UTC(2010, 0, 1)) });
    expect(summary[`C${periodRow}`]).toMatchObject({ t: 'd', v: new Date(Date.UTC(2010, 9, 31)) });
    const all = book.Sheets[w.allFindings]!;
    const weekly = rows(book, w.allFindings).findIndex((r) => r[3] === '2010-W07') + 1;
    // ISO week 7 of 2010: Monday 15 February … Sunday 21 February.
    expect(all[`E${weekly}`]).toMatchObject({ t: 'd', v: new Date(Date.UTC(2010, 1, 15)) });
    expect(all[`F${weekly}`]).toMatchObject({ t: 'd', v: new Date(Date.UTC(2010, 1, 21)) });
    const entries = book.Sheets[w.findings]!;
    expect(entries.G2).toMatchObject({ t: 'n' });
  });

  it('is the same bytes whatever workbook SheetJS read before it (SheetJS keeps the last one\'s number formats)', () => {
    const before = renderXlsx(report('en'), { lang: 'en' });
    const formats = () => Object.values(XLSX.SSF.get_table() as Record<number, string>);
    const table = formats();
    // The example's styles hold dd.mm.yyyy and mmm yyyy; read by SheetJS, the reference reader, ingest puts
    // SheetJS's table back as it found it …
    const example = readFileSync('examples/day-care-2010.xlsx');
    readWorkbook(new Uint8Array(example), { file: 'day-care-2010.xlsx', reader: 'sheetjs' });
    expect(formats()).toEqual(table);
    expect(Buffer.compare(Buffer.from(renderXlsx(report('en'), { lang: 'en' })), Buffer.from(before))).toBe(0);
    // … and a read by SheetJS itself leaves them in it, which the report must not declare.
    const saved = { ...(XLSX.SSF.get_table() as Record<number, string>) };
    try {
      XLSX.read(example, { type: 'buffer' });
      expect(formats()).toContain('mmm yyyy');
      expect(Buffer.compare(Buffer.from(renderXlsx(report('en'), { lang: 'en' })), Buffer.from(before))).toBe(0);
    } finally {
      // Put back for the tests that share this worker's SheetJS.
      const now = XLSX.SSF.get_table() as Record<number, string>;
      for (const id of Object.keys(now)) if (!(id in saved)) delete now[Number(id)];
      Object.assign(now, saved);
    }
  });

  it('has no formula cell, and text Excel would read as a formula is neutralised', () => {
    const bytes = renderXlsx(report('en'), { lang: 'en' });
    const book = read(bytes);
    for (const x of sheetXml(bytes)) expect(x).not.toMatch(/<f[ >]/);
    const texts: string[] = [];
    for (const name of book.SheetNames) {
      const sheet = book.Sheets[name]!;
      for (const [address, cell] of Object.entries(sheet)) {
        if (address.startsWith('!')) continue;
        expect((cell as XLSX.CellObject).f, `${name}!${address}`).toBeUndefined();
        if ((cell as XLSX.CellObject).t === 's') texts.push(String((cell as XLSX.CellObject).v));
      }
    }
    expect(texts.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);
    expect(texts).toContain(`'=HYPERLINK("http://evil.example","Балалар үйі")`);
    for (const text of FORMULA_LIKE) expect(texts).toContain(`'${text}`);
    expect(texts).toContain("'=1+2");
  });

  it('keeps plain numbers and ordinary text as written', () => {
    expect(neutralised('-5')).toBe('-5');
    expect(neutralised('+3.5')).toBe('+3.5');
    expect(neutralised('≤ 6')).toBe('≤ 6');
    expect(neutralised('R-02')).toBe('R-02');
    expect(neutralised('- 6 адамнан')).toBe("'- 6 адамнан");
  });

  it('adds a status column and a Resolved sheet against a baseline', () => {
    const w = reportWords('en');
    const earlier = report('en');
    const later = buildReport({ workbook: workbook(), evaluation: evaluation(), asOf, lang: 'en', version: '0.1.0' });
    const book = read(renderXlsx(applyBaseline(later, earlier), { lang: 'en' }));
    expect(book.SheetNames).toEqual([w.summary, w.findings, w.bySubject, w.allFindings, w.resolvedHeading, w.notEvaluated, w.inputErrors]);
    expect(rows(book, w.allFindings)[0]).toContain(w.followUpStatus);
    expect(rows(book, w.allFindings).slice(1).every((r) => r.includes(w.statuses.persisting))).toBe(true);
    expect(rows(book, w.resolvedHeading).length - 1).toBe(earlier.findings.length - later.findings.length);
    expect(book.Sheets[w.resolvedHeading]!['!autofilter']).toBeDefined();
  });

  it('is byte-identical when rendered twice', () => {
    const r = report('kk');
    expect(Buffer.from(renderXlsx(r, { lang: 'kk' })).equals(Buffer.from(renderXlsx(r, { lang: 'kk' })))).toBe(true);
  });
});
