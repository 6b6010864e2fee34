// The batch summary as a pure function of the per-workbook outcomes, and its HTML.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/types.ts';
import { renderBatchSummaryHtml } from '../../src/report/batch-html.ts';
import { buildBatchSummary, type BatchOutcome } from '../../src/report/batch.ts';
import { applyBaseline } from '../../src/report/follow-up.ts';
import { reportWords } from '../../src/report/i18n.ts';
import { L, facilityReport, finding } from './fixtures.ts';

const schema = JSON.parse(readFileSync('reports/audit-summary.schema.json', 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormatsModule as unknown as (a: Ajv2020) => Ajv2020)(ajv);
const validate = ajv.compile(schema);

const audit = facilityReport;

const docs = (child: string) => finding({ rule: 'residential/admission-documents-budget', clause: 'A1.8', severity: 'minor', subject: child, item: 'referral', message: L('no referral') });
const age = (child: string) => finding({ rule: 'residential/admission-age', clause: 'A1.2', severity: 'critical', subject: child, message: L('too young') });
const daily = (child: string, day: number) => {
  const date = `2010-03-${String(day).padStart(2, '0')}`;
  return finding({ rule: 'residential/daily-health-log', clause: 'A1.28.5', subject: child, period: date, message: L(`no entry on ${date}`) });
};
const advisory = (room: string) => finding({ rule: 'residential/bedroom-sex', clause: 'A1.13', severity: 'info', subject: room, message: L('mixed') });

describe('the batch summary', () => {
  const outcomes: BatchOutcome[] = [
    { file: 'F-1.xlsx', report: audit('F-1', [docs('C-1'), ...[1, 2, 3, 4, 5].map((d) => daily('C-1', d)), advisory('B-1')]), exitCode: 1, reportFile: 'F-1.html' },
    { file: 'broken.xlsx', report: null, exitCode: 2, error: 'broken.xlsx is not an .xlsx workbook (no zip directory found); export the data from Excel as .xlsx.' },
    { file: 'F-2.xlsx', report: audit('F-2', [docs('C-7'), age('C-8')]), exitCode: 1, reportFile: 'F-2.html' },
    { file: 'F-3.xlsx', report: audit('F-3', [advisory('B-2')]), exitCode: 0, reportFile: 'F-3.html' },
  ];

  it('has one row per workbook in input order, the failed one with its reason, and totals', () => {
    const s = buildBatchSummary(outcomes, { lang: 'en', version: '0.1.0' });
    expect(validate(s), ajv.errorsText(validate.errors)).toBe(true);
    expect(s.workbooks.map((b) => [b.file, b.result, b.exit])).toEqual([
      ['F-1.xlsx', 'non_compliant', 1], ['broken.xlsx', null, 2], ['F-2.xlsx', 'non_compliant', 1], ['F-3.xlsx', 'compliant', 0],
    ]);
    expect(s.workbooks[1]).toMatchObject({ report: null, error: expect.stringContaining('not an .xlsx workbook'), facility: null, findings: null });
    expect(s.workbooks[0]).toMatchObject({ report: 'F-1.html', findings: { critical: 0, major: 5, minor: 1, info: 1 }, entries: 3, follow_up: null });
    expect(s.totals).toEqual({
      workbooks: 4, audited: 3, failed: 1, compliant: 1, non_compliant: 2, incomplete: 0,
      findings: { critical: 1, major: 5, minor: 2, info: 2 }, entries: 6, new: null, persisting: null, resolved: null,
    });
  });

  it('ranks the worst clauses by facilities, then severity, then entries — a daily duty\'s days do not outweigh the rest', () => {
    const s = buildBatchSummary(outcomes, { lang: 'en', version: '0.1.0' });
    expect(s.worst_clauses.map((c) => [c.clause, c.severity, c.facilities, c.entries, c.findings])).toEqual([
      ['A1.8', 'minor', ['F-1', 'F-2'], 2, 2],
      ['A1.2', 'critical', ['F-2'], 1, 1],
      ['A1.28.5', 'major', ['F-1'], 1, 5],
    ]);
  });

  it('sums new, persisting and resolved findings of the workbooks compared with a baseline', () => {
    const followed = applyBaseline(audit('F-2', [docs('C-7'), docs('C-9')]), audit('F-2', [docs('C-7'), age('C-8')]));
    const s = buildBatchSummary([outcomes[0]!, { file: 'F-2.xlsx', report: followed, exitCode: 1, reportFile: 'F-2.json' }], { lang: 'en', version: '0' });
    expect(validate(s), ajv.errorsText(validate.errors)).toBe(true);
    expect(s.workbooks[1]!.follow_up).toEqual({ baseline: 'F-2.xlsx', new: 1, persisting: 1, resolved: 1 });
    expect(s.workbooks[0]!.follow_up).toBeNull();
    expect(s.totals).toMatchObject({ new: 1, persisting: 1, resolved: 1 });
    expect(s.worst_clauses.find((c) => c.clause === 'A1.8')!.persisting).toBe(1);
  });

  it('renders as one self-contained page linking each report, listing the failed workbooks with their reason', () => {
    const s = buildBatchSummary(outcomes, { lang: 'ru', version: '0.1.0' });
    const html = renderBatchSummaryHtml(s, { quotes: new Map([['A1.8', 'мынадай құжаттардың … негізінде']]) });
    const w = reportWords('ru');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/);
    expect(html).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);
    expect(html).toContain('<a href="F-1.html">F-1.xlsx</a>');
    expect(html).toContain(`<h2>${w.worstClauses}</h2>`);
    expect(html).toContain('«мынадай құжаттардың … негізінде»');
    expect(html).toContain(`<h2>${w.failedWorkbooks}</h2>`);
    expect(html).toContain('broken.xlsx</span>: broken.xlsx is not an .xlsx workbook');
    expect(html).toContain(`<span class="verdict-tag verdict-compliant">${w.verdict.compliant}</span>`);
  });

  it('escapes workbook text and file names', () => {
    const evil = audit('F-9', [docs('C-1')]);
    const s = buildBatchSummary([{ file: '"><script>x</script>.xlsx', report: { ...evil, facility: { ...evil.facility, name: '<img src=x>' } }, exitCode: 1, reportFile: 'javascript:alert(1)' }], { lang: 'en', version: '0' });
    const html = renderBatchSummaryHtml(s);
    expect(html).not.toContain('<script>x');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="javascript%3Aalert(1)"');
  });
});
