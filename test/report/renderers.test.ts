import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/date.ts';
import { LANGS, type Lang } from '../../src/core/lang.ts';
import { buildReport } from '../../src/report/build.ts';
import { renderHtml } from '../../src/report/html.ts';
import { reportWords } from '../../src/report/i18n.ts';
import { mdLine, renderMarkdown } from '../../src/report/markdown.ts';
import { renderTerminal } from '../../src/report/terminal.ts';
import { renderXlsx } from '../../src/report/xlsx.ts';
import { verdictLine } from '../../src/report/view.ts';
import { L, QUOTES, evaluation, finding, inputError, schemaErrors, workbook } from './fixtures.ts';

const asOf = dayNumber(2010, 10, 31);
const EVIL = '<script>alert(1)</script> & "Ä" | *x* _y_';

function report(lang: Lang, name?: string) {
  return buildReport({ workbook: workbook(name === undefined ? {} : { name }), evaluation: evaluation(), asOf, lang, version: '0.1.0' });
}

describe('the verdict', () => {
  it.each(LANGS)('is the first line of every format (%s)', (lang) => {
    const w = reportWords(lang);
    const r = report(lang);
    const line = `${w.status}: ${verdictLine(r, w, lang)}`;
    expect(line).toContain(w.verdict.non_compliant);
    expect(renderTerminal(r, { lang }).split('\n')[0]).toBe(line);
    expect(renderMarkdown(r, { lang }).split('\n')[0]).toBe(`**${line}**`);
    expect(renderHtml(r, { lang }).split('<body>\n')[1]!.split('\n').slice(0, 2)).toEqual(['<header>', `<p class="verdict verdict-non_compliant">${line}</p>`]);
    const summary = XLSX.read(renderXlsx(r, { lang }), { type: 'array' }).Sheets[w.summary]!;
    expect([summary.A1?.v, summary.B1?.v]).toEqual([w.status, verdictLine(r, w, lang)]);
  });
});

describe('terminal summary', () => {
  it.each(LANGS)('names facility, period, versions, counts, findings, not-evaluated and input errors (%s)', (lang) => {
    const w = reportWords(lang);
    const text = renderTerminal(report(lang), { lang });
    const kindText = { kk: 'стационар (residential)', ru: 'стационар (residential)', en: 'residential care (residential)' }[lang];
    const ownText = { kk: 'мемлекеттік (state)', ru: 'государственная (state)', en: 'state' }[lang];
    expect(text).toContain(`Балалар үйі №1 (F-001; ${w.kind}: ${kindText}; ${w.ownership}: ${ownText})`);
    expect(text).toContain('2010-01-01 … 2010-10-31');
    expect(text).toContain('residential@2009-240-o');
    expect(text).toContain('2009-09-07 … 2010-12-06 ≈');
    expect(text).toContain(`${w.severities.critical} 1, ${w.severities.major} 2, ${w.severities.minor} 1, ${w.severities.info} 1`);
    expect(text).toContain(`A1.30.5 G-3 — ${lang === 'en' ? '' : `${lang}: `}Group G-3 has 8 children`);
    expect(text).toContain('A1.46 F-001 · 2010-W07');
    expect(text).toContain('A1.8 C-2 · referral');
    expect(text).toContain('Балалар!B11 (birth_date); Балалар!D11 (admitted_on)');
    expect(text).toContain('A1.43 residential/staffing-norms');
    expect(text).toContain('Балалар!B7 «31.02.2003»');
    expect(text).toContain(`(${w.warning}) Балалар!T1`);
  });

  it.each(LANGS)('lists input errors before findings and shows a few lines per rule and sheet, counting the rest (%s)', (lang) => {
    const w = reportWords(lang);
    const days = Array.from({ length: 181 }, (_, i) => finding({
      rule: 'residential/daily-health-log', clause: 'A1.28.5', subject: 'C-1', period: `2010-${String(1 + Math.floor(i / 31)).padStart(2, '0')}-${String(1 + (i % 31)).padStart(2, '0')}`,
      message: L('no health log entry'), expected: L('a health log entry'), actual: L('none'), evidence: [{ sheet: 'health_log' }],
    }));
    const errors = Array.from({ length: 51 }, (_, i) => inputError({ row: 2 + i, cell: `Балалар!B${2 + i}` }));
    const r = buildReport({ workbook: workbook({ errors }), evaluation: evaluation({ findings: [...days, finding()] }), asOf, lang, version: '0' });
    const text = renderTerminal(r, { lang });
    expect(text.indexOf(`${w.inputErrors} (${w.fixFirst}):`)).toBeGreaterThan(0);
    expect(text.indexOf(`${w.inputErrors} (${w.fixFirst}):`)).toBeLessThan(text.indexOf(`\n\n${w.findings}:\n`));
    // 2 of 181 daily findings, then one line for the other 179 with their first and last day.
    expect(text.match(/A1\.28\.5 C-1 · /g)).toHaveLength(2);
    expect(text).toContain(`${w.andMore(179)} A1.28.5 (residential/daily-health-log; 2010-01-03 … 2010-06-26; ${w.fullList})`);
    expect(text).toContain('A1.30.5 G-3');
    // More than 50 input errors: 4 on one sheet, then a count; the totals stay exact.
    expect(text.match(/Балалар!B\d+ «31\.02\.2003»/g)).toHaveLength(4);
    expect(text).toContain(`${w.andMore(47)} (children; ${w.fullList})`);
    expect(text).toContain(`${w.findings}: 182 `);
    expect(text).toContain(`A1.28.5 181`);
    expect(text).toContain(`${w.inputErrors}: 51`);
    // Up to 50, every one of them.
    const fifty = buildReport({ workbook: workbook({ errors: errors.slice(0, 50) }), evaluation: evaluation(), asOf, lang, version: '0' });
    expect(renderTerminal(fifty, { lang }).match(/Балалар!B\d+ «31\.02\.2003»/g)).toHaveLength(50);
    // The other formats keep every finding.
    expect(renderMarkdown(r, { lang, quotes: QUOTES }).match(/2010-0\d-\d\d/g)!.length).toBeGreaterThanOrEqual(181);
  });

  it('keeps one line per entry even when workbook text holds newlines or escape codes', () => {
    const text = renderTerminal(report('en', 'A\nB\u001b[31m'), { lang: 'en' });
    expect(text).toContain('Facility: A B\\u001b[31m (F-001;');
    expect(text).not.toMatch(/\u001b/);
  });
});

describe('Markdown', () => {
  it.each(LANGS)('has headings in %s, findings grouped by annex and clause with the Kazakh quote', (lang) => {
    const w = reportWords(lang);
    const text = renderMarkdown(report(lang), { lang, quotes: QUOTES });
    expect(text).toContain(`## ${w.findings}`);
    expect(text).toContain(`### ${w.annex('1')}`);
    expect(text).toContain('#### A1.30.5');
    expect(text).toContain('> …болмаған жағдайда - 6 адамнан асырмай; … 12 адамнан асырмай');
    // A clause-level quote applies to every rule under the clause.
    expect(text).toContain('> 3 жастан 18 жасқа дейінгі мүгедек балалардың … тұруына арналған');
    expect(text).toContain(`## ${w.notEvaluated}`);
    expect(text).toContain(`## ${w.inputErrors}`);
    expect(text.indexOf('#### A1.2')).toBeLessThan(text.indexOf('#### A1.46'));
  });

  it('escapes workbook text so it cannot add HTML, tables or emphasis', () => {
    const text = renderMarkdown(report('en', EVIL), { lang: 'en' });
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "Ä" \\| \\*x\\* \\_y\\_');
    expect(mdLine('- item')).toBe('\\- item');
    expect(mdLine('12. point')).toBe('12\\. point');
  });
});

describe('HTML', () => {
  it.each(LANGS)('is one self-contained, printable document in %s', (lang) => {
    const w = reportWords(lang);
    const html = renderHtml(report(lang), { lang, quotes: QUOTES });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="(kk|ru|en)">/);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|src=|href=|@import|url\(/i);
    expect(html).toContain(`<h2>${w.findings}</h2>`);
    expect(html).toContain(`<h3>${w.annex('1')}</h3>`);
    expect(html).toContain('<blockquote lang="kk">');
    expect(html).toContain('…болмаған жағдайда - 6 адамнан асырмай');
    expect(html).toContain('Балалар!B11 (birth_date)');
    expect(html).toContain(`(${w.approximate})`);
    expect(html).toContain('A1.43');
  });

  it('shows a hostile facility name as text', () => {
    const html = renderHtml(report('en', EVIL), { lang: 'en' });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ä&quot; | *x* _y_</h1>');
  });

  it('says so when there is nothing to report', () => {
    const empty = buildReport({
      workbook: workbook({ errors: [] }), evaluation: evaluation({ findings: [], notEvaluated: [] }), asOf, lang: 'ru', version: '0',
    });
    const html = renderHtml(empty, { lang: 'ru' });
    expect(html).toContain(reportWords('ru').noFindings);
    expect(html).toContain('verdict-compliant');
  });
});

describe('Markdown and HTML input errors', () => {
  it('place an error without a cell at its sheet and row, in both formats', () => {
    const r = buildReport({
      workbook: workbook({ errors: [inputError({ cell: null, row: 12 })] }), evaluation: evaluation(), asOf, lang: 'en', version: '0',
    });
    const place = `${r.input_errors[0]!.sheet}!12`;
    expect(renderMarkdown(r, { lang: 'en' })).toContain(`\n| ${place} | birth\\_date |`);
    expect(renderHtml(r, { lang: 'en' })).toContain(`<td class="mono">${place}</td><td class="mono">birth_date</td>`);
  });
});

describe('xlsx', () => {
  it.each(LANGS)('has Summary, Findings, Not evaluated and Input errors sheets in %s', (lang) => {
    const w = reportWords(lang);
    const bytes = renderXlsx(report(lang, '=HYPERLINK("http://x")'), { lang, quotes: QUOTES });
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual([w.summary, w.findings, w.notEvaluated, w.inputErrors]);
    const findings = XLSX.utils.sheet_to_json<string[]>(book.Sheets[w.findings]!, { header: 1 });
    expect(findings).toHaveLength(6);
    expect(findings[0]![0]).toBe(w.clause);
    expect(findings[4]).toContain('G-3');
    expect(findings[4]).toContain('…болмаған жағдайда - 6 адамнан асырмай; … 12 адамнан асырмай');
    const summary = book.Sheets[w.summary]!;
    // A facility name that looks like a formula stays a string.
    expect(summary.B3).toMatchObject({ t: 's', v: '=HYPERLINK("http://x")' });
    expect(summary.B2.f).toBeUndefined();
    const errors = XLSX.utils.sheet_to_json<string[]>(book.Sheets[w.inputErrors]!, { header: 1 });
    expect(errors[2]).toContain('Балалар!B7');
  });
});

describe('determinism', () => {
  it.each(LANGS)('renders byte-identical JSON, Markdown and HTML twice (%s)', (lang) => {
    const a = report(lang);
    const b = report(lang);
    expect(JSON.stringify(b, null, 2)).toBe(JSON.stringify(a, null, 2));
    expect(renderMarkdown(b, { lang, quotes: QUOTES })).toBe(renderMarkdown(a, { lang, quotes: QUOTES }));
    expect(renderHtml(b, { lang, quotes: QUOTES })).toBe(renderHtml(a, { lang, quotes: QUOTES }));
    expect(renderTerminal(b, { lang })).toBe(renderTerminal(a, { lang }));
    expect(Buffer.from(renderXlsx(b, { lang })).equals(Buffer.from(renderXlsx(a, { lang })))).toBe(true);
    expect(schemaErrors(JSON.parse(JSON.stringify(a)))).toBe('');
  });
});
