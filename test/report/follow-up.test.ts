import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/date.ts';
import type { Finding, NotEvaluated } from '../../src/engine/types.ts';
import { buildReport } from '../../src/report/build.ts';
import { applyBaseline, BaselineMismatch } from '../../src/report/follow-up.ts';
import { checkReport } from '../../src/report/validate.ts';
import { L, evaluation, finding, schemaErrors, workbook } from './fixtures.ts';

const asOf = dayNumber(2010, 10, 31);

function audit(findings: Finding[], over: { facility_id?: string; from?: number; notEvaluated?: NotEvaluated[] } = {}) {
  const wb = workbook();
  const facility = { ...wb.facility!, facility_id: over.facility_id ?? 'F-001', period_from: over.from ?? wb.facility!.period_from };
  return buildReport({
    workbook: { ...wb, facility }, evaluation: evaluation({ findings, ...(over.notEvaluated ? { notEvaluated: over.notEvaluated } : {}) }),
    asOf, lang: 'en', version: '0.1.0',
  });
}

const weekly = (week: string, subject = 'F-001') => finding({
  rule: 'residential/complaint-review-weekly', clause: 'A1.46', subject, period: week, message: L(`no review in ${week}`), evidence: [{ sheet: 'complaint_reviews' }],
});
const docs = (child: string, item = 'referral') => finding({ rule: 'residential/admission-documents-budget', clause: 'A1.8', severity: 'minor', subject: child, item, message: L(`${child} lacks ${item}`) });
const ages = (child: string) => finding({ rule: 'residential/admission-age', clause: 'A1.2', severity: 'critical', subject: child, message: L(`${child} too young`) });

describe('a report compared with an earlier one of the same facility', () => {
  it('marks findings new or persisting on (rule, subject, period, item), and lists what was found before and not now as resolved', () => {
    const earlier = audit([weekly('2010-W07'), weekly('2010-W08'), docs('C-2'), docs('C-3'), ages('C-9')]);
    const later = audit([weekly('2010-W08'), weekly('2010-W09'), docs('C-2'), docs('C-2', 'medical_card'), ages('C-10')]);
    const r = applyBaseline(later, earlier);
    const status = Object.fromEntries(r.findings.map((f) => [`${f.rule.split('/')[1]} ${f.subject} ${f.period ?? ''} ${f.item ?? ''}`.trim(), [f.follow_up, f.recurring ?? false]]));
    expect(status).toEqual({
      'complaint-review-weekly F-001 2010-W08': ['persisting', false],
      'complaint-review-weekly F-001 2010-W09': ['new', true],
      'admission-documents-budget C-2  referral': ['persisting', false],
      'admission-documents-budget C-2  medical_card': ['new', true],
      'admission-age C-10': ['new', false],
    });
    expect(r.summary).toMatchObject({ findings: 5, new: 3, persisting: 2, resolved: 3 });
    expect(r.follow_up!.resolved.map((f) => `${f.subject} ${f.period ?? f.item ?? ''}`).sort()).toEqual(['C-3 referral', 'C-9 ', 'F-001 2010-W07']);
    expect(r.follow_up!.resolved.every((f) => f.follow_up === undefined)).toBe(true);
    expect(r.follow_up!.baseline).toEqual({
      file: earlier.workbook.file, sha256: earlier.workbook.sha256, lang: 'en', period: earlier.period, as_of: earlier.as_of, result: 'non_compliant',
    });
    // New and persisting findings are separate entries.
    expect(r.groups.filter((g) => g.rule === 'residential/complaint-review-weekly').map((g) => [g.follow_up, g.count])).toEqual([['persisting', 1], ['new', 1]]);
    expect(schemaErrors(JSON.parse(JSON.stringify(r)))).toBe('');
    expect(checkReport(JSON.parse(JSON.stringify(r)))).toMatchObject({ ok: true });
  });

  it('never calls resolved what this audit did not look at again: periods outside it, rules or subjects it did not evaluate', () => {
    const earlier = audit([weekly('2009-W50'), weekly('2010-W07'), docs('C-2'), ages('C-9'), ages('C-8')], { from: dayNumber(2009, 12, 1) });
    const later = audit([], {
      notEvaluated: [
        { rule: 'residential/admission-documents-budget', clause: 'A1.8', reason: L('the workbook has no sheet "documents"'), cause: 'workbook', sheet: 'documents' },
        { rule: 'residential/admission-age', clause: 'A1.2', subject: 'C-9', reason: L('C-9: dated 2005-01-01'), cause: 'rule_pack' },
      ],
    });
    const r = applyBaseline(later, earlier);
    // 2009-W50 lies before this audit's period; A1.8 was not evaluated; C-9 was not judged by A1.2.
    expect(r.follow_up!.resolved.map((f) => `${f.subject} ${f.period ?? ''}`.trim())).toEqual(['C-8', 'F-001 2010-W07']);
    expect(r.follow_up!.not_rechecked).toBe(3);
    expect(r.summary).toMatchObject({ new: 0, persisting: 0, resolved: 2 });
  });

  it('refuses a baseline of another facility', () => {
    expect(() => applyBaseline(audit([]), audit([], { facility_id: 'F-002' }))).toThrow(BaselineMismatch);
  });

  it('compares anew when the report was compared before (marks are not carried over)', () => {
    const a = audit([docs('C-2')]);
    const b = applyBaseline(audit([docs('C-2'), docs('C-3')]), a);
    const c = applyBaseline(b, audit([docs('C-3')]));
    expect(c.findings.map((f) => [f.subject, f.follow_up, f.recurring ?? false])).toEqual([['C-2', 'new', false], ['C-3', 'persisting', false]]);
    expect(c.follow_up!.resolved).toEqual([]);
  });
});

describe('a report read back', () => {
  it('passes the schema check as written, and names the first thing wrong otherwise', () => {
    const r = JSON.parse(JSON.stringify(audit([docs('C-2')])));
    expect(checkReport(r)).toMatchObject({ ok: true });
    expect(checkReport([])).toMatchObject({ ok: false, problem: 'not-a-report' });
    expect(checkReport({ hello: 1 })).toMatchObject({ ok: false, problem: 'not-a-report' });
    expect(checkReport({ ...r, schema: 'ereje.audit-report/0' })).toEqual({ ok: false, problem: 'other-schema', detail: 'ereje.audit-report/0' });
    const { groups: _g, ...older } = r;
    expect(checkReport(older)).toEqual({ ok: false, problem: 'invalid', detail: '/ lacks "groups"' });
    const edited = { ...r, findings: [{ ...r.findings[0], severity: 'awful' }] };
    expect(checkReport(edited)).toMatchObject({ ok: false, problem: 'invalid', detail: expect.stringContaining('/findings/0/severity') });
  });
});
