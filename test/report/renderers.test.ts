import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { dayNumber, formatIsoDate } from '../../src/core/date.ts';
import { LANGS, type Lang } from '../../src/core/lang.ts';
import { buildReport } from '../../src/report/build.ts';
import { renderHtml } from '../../src/report/html.ts';
import { reportWords } from '../../src/report/i18n.ts';
import { mdLine, renderMarkdown } from '../../src/report/markdown.ts';
import { renderTerminal } from '../../src/report/terminal.ts';
import { renderXlsx } from '../../src/report/xlsx.ts';
import { verdictLine } from '../../src/report/view.ts';
import { labelled } from '../../src/report/labels.ts';
import { enumLabel } from '../../src/schema/index.ts';
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
    expect(text).toContain(`A1.8 C-2 · ${labelled(enumLabel('document', 'referral', lang), 'referral', lang)}`);
    expect(text).toContain('Балалар!B11 (birth_date); Балалар!D11 (admitted_on)');
    expect(text).toContain('A1.43 (residential/staffing-norms) — ');
    expect(text).toContain('Балалар!B7 «31.02.2003»');
    expect(text).toContain(`(${w.warning}) Балалар!T1`);
  });

  it.each(LANGS)('lists input errors before findings, one entry per rule and subject with its days as ranges, a few per rule (%s)', (lang) => {
    const w = reportWords(lang);
    // 181 days of 2010-H1 without a health-log entry for C-1 but 2010-02-15 and 2010-03-01 … 2010-03-03.
    const missed = Array.from({ length: 181 }, (_, i) => dayNumber(2010, 1, 1) + i)
      .filter((d) => d !== dayNumber(2010, 2, 15) && (d < dayNumber(2010, 3, 1) || d > dayNumber(2010, 3, 3)));
    const daily = (subject: string, day: number) => finding({
      rule: 'residential/daily-health-log', clause: 'A1.28.5', subject, period: formatIsoDate(day),
      message: L(`no health log entry for ${subject} on ${formatIsoDate(day)}`), expected: L('a health log entry'), actual: L('none'),
      evidence: [{ sheet: 'health_log' }],
    });
    const others = ['C-2', 'C-3', 'C-4', 'C-5', 'C-6', 'C-7'].map((s) => daily(s, dayNumber(2010, 4, 1)));
    const errors = Array.from({ length: 51 }, (_, i) => inputError({ row: 2 + i, cell: `Балалар!B${2 + i}` }));
    const r = buildReport({
      workbook: workbook({ errors }), evaluation: evaluation({ findings: [...missed.map((d) => daily('C-1', d)), ...others, finding()] }), asOf, lang, version: '0',
    });
    const text = renderTerminal(r, { lang });
    expect(text.indexOf(`${w.inputErrors} (${w.fixFirst}):`)).toBeGreaterThan(0);
    expect(text.indexOf(`${w.inputErrors} (${w.fixFirst}):`)).toBeLessThan(text.indexOf(`\n\n${w.findings}:\n`));
    // C-1's 177 days are one entry, its days as ranges of consecutive dates.
    const p = lang === 'en' ? '' : `${lang}: `;
    expect(text).toContain(`A1.28.5 C-1 · ${w.periodCount('day', 177)} — ${p}no health log entry for C-1 on 2010-01-01 … 2010-02-14, 2010-02-16 … 2010-02-28, 2010-03-04 … 2010-06-30`);
    // Five entries per rule at most: C-1 … C-4, then one line for the other three (three findings).
    expect(text.match(/A1\.28\.5 C-\d/g)).toEqual(['A1.28.5 C-1', 'A1.28.5 C-2', 'A1.28.5 C-3', 'A1.28.5 C-4']);
    expect(text).toContain(`${w.andMore(3)} A1.28.5 (residential/daily-health-log; ${w.findings.toLowerCase()}: 3; ${w.fullList})`);
    expect(text).toContain('A1.30.5 G-3');
    // More than 50 input errors: 4 on one sheet, then a count; the totals stay exact.
    expect(text.match(/Балалар!B\d+ «31\.02\.2003»/g)).toHaveLength(4);
    expect(text).toContain(`${w.andMore(47)} (children; ${w.fullList})`);
    expect(text).toContain(`${w.findings}: 184 `);
    expect(text).toContain(`A1.28.5 183`);
    expect(text).toContain(`${w.inputErrors}: 51`);
    // Up to 50, every one of them.
    const fifty = buildReport({ workbook: workbook({ errors: errors.slice(0, 50) }), evaluation: evaluation(), asOf, lang, version: '0' });
    expect(renderTerminal(fifty, { lang }).match(/Балалар!B\d+ «31\.02\.2003»/g)).toHaveLength(50);
    // The JSON report keeps every finding.
    expect(r.findings.filter((f) => f.subject === 'C-1')).toHaveLength(177);
  });

  it('keeps one line per entry even when workbook text holds newlines or escape codes', () => {
    const text = renderTerminal(report('en', 'A\nB\u001b[31m'), { lang: 'en' });
    expect(text).toContain('Facility: A B\\u001b[31m (F-001;');
    expect(text).not.toMatch(/\u001b/);
  });
});

describe('Markdown', () => {
  it('lists the rows read per sheet in the contract\'s order (the facility, the children, their groups), not by id', () => {
    const text = renderMarkdown(report('ru'), { lang: 'ru' });
    const table = text.slice(text.indexOf(`## ${reportWords('ru').rowsRead}`));
    const at = ['Учреждение', 'Дети', 'Группы'].map((name) => table.indexOf(`| ${name} |`));
    expect(at.every((p) => p > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
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
    expect(html).toContain('Балалар!B11 (birth_<wbr>date)');
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
    expect(renderHtml(r, { lang: 'en' })).toContain(`<td class="mono">${place}</td><td>birth_date</td>`);
    // In the report's language, the sheet by its contract name.
    expect(renderHtml(r, { lang: 'kk' })).toContain(`<td class="mono">Балалар!12</td><td>Туған күні (birth_date)</td>`);
  });
});

describe('quotes', () => {
  it('follow the version that judged each finding: an amendment\'s wording for its findings, the original\'s for the rest', () => {
    const quotes = new Map([
      // As the rule pack builds them: the plain rule id holds the last version's quote.
      ['residential/group-size', 'at most 5 (amended)'],
      ['residential/group-size@2009-240-o', 'at most 6 (original)'],
      ['residential/group-size@2010-x', 'at most 5 (amended)'],
    ]);
    const r = buildReport({
      workbook: workbook(), asOf, lang: 'en', version: '0',
      evaluation: evaluation({ findings: [finding({ subject: 'G-1' }), finding({ subject: 'G-2', version: '2010-x' })] }),
    });
    const md = renderMarkdown(r, { lang: 'en', quotes });
    expect(md).toContain('> at most 6 (original)');
    expect(md).toContain('> at most 5 (amended)');
    const only = buildReport({ workbook: workbook(), asOf, lang: 'en', version: '0', evaluation: evaluation({ findings: [finding({ subject: 'G-1' })] }) });
    expect(renderMarkdown(only, { lang: 'en', quotes })).not.toContain('amended');
    expect(renderHtml(only, { lang: 'en', quotes })).toContain('«at most 6 (original)»');
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
