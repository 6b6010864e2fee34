import { describe, expect, it } from 'vitest';
import { dayNumber, formatIsoDate } from '../../src/core/date.ts';
import { buildReport } from '../../src/report/build.ts';
import { consolidateFindings } from '../../src/report/consolidate.ts';
import type { Finding } from '../../src/engine/types.ts';
import type { ReportFinding } from '../../src/report/types.ts';
import { L, evaluation, finding, schemaErrors, workbook } from './fixtures.ts';

const asOf = dayNumber(2010, 10, 31);

function visits(subject: string, week: string, n: number) {
  return finding({
    rule: 'home-care/weekly-visits', clause: 'A2.29.3', subject, period: week,
    message: L(`Child ${subject} was visited on ${n} day(s) in week ${week}`), expected: L('≥ 2'), actual: L(String(n)),
    evidence: [{ sheet: 'children', row: 3, column: 'child_id' }, { sheet: 'visits', row: 10 + Number(week.slice(-2)) }],
  });
}

function report(findings: readonly Finding[], lang: 'kk' | 'ru' | 'en' = 'en') {
  return buildReport({ workbook: workbook(), evaluation: evaluation({ findings: [...findings] }), asOf, lang, version: '0' });
}

describe('consolidated entries', () => {
  it('merge a rule\'s findings for one subject over consecutive periods, naming them as ranges', () => {
    const days = [4, 5, 6, 7, 8, 11, 12, 13, 14, 15].map((d) => dayNumber(2010, 1, d)).concat(dayNumber(2010, 2, 1));
    const r = report(days.map((d) => finding({
      rule: 'residential/daily-health-log', clause: 'A1.28.5', subject: 'C-1', period: formatIsoDate(d),
      message: L(`no entry for C-1 on ${formatIsoDate(d)}`), expected: L('an entry'), actual: L('none'), evidence: [{ sheet: 'health_log' }],
    })));
    expect(r.findings).toHaveLength(11);
    expect(r.groups).toHaveLength(1);
    const g = r.groups[0]!;
    expect(g).toMatchObject({
      rule: 'residential/daily-health-log', subject: 'C-1', period_kind: 'day', count: 11, findings: [...Array(11).keys()],
      message: 'no entry for C-1 on 2010-01-04 … 2010-01-08, 2010-01-11 … 2010-01-15, 2010-02-01', expected: 'an entry', actual: 'none',
      periods: [{ from: '2010-01-04', to: '2010-01-08', count: 5 }, { from: '2010-01-11', to: '2010-01-15', count: 5 }, { from: '2010-02-01', to: '2010-02-01', count: 1 }],
      evidence: [{ sheet: 'health_log', cell: 'health_log' }],
    });
    expect(schemaErrors(JSON.parse(JSON.stringify(r)))).toBe('');
  });

  it('keep apart findings that say different things, so an entry never states what one of its findings does not', () => {
    const r = report([visits('H-3', '2010-W10', 1), visits('H-3', '2010-W11', 1), visits('H-3', '2010-W12', 0), visits('H-3', '2010-W13', 1), visits('H-4', '2010-W10', 1)]);
    expect(r.groups.map((g) => [g.subject, g.message, g.actual, g.count])).toEqual([
      ['H-3', 'Child H-3 was visited on 1 day(s) in week 2010-W10 … 2010-W11, 2010-W13', '1', 3],
      ['H-3', 'Child H-3 was visited on 0 day(s) in week 2010-W12', '0', 1],
      ['H-4', 'Child H-4 was visited on 1 day(s) in week 2010-W10', '1', 1],
    ]);
    // Each place any of its findings cites, once.
    expect(r.groups[0]!.evidence.map((e) => e.cell)).toEqual(['Балалар!A3', 'visits!20:20', 'visits!21:21', 'visits!23:23']);
  });

  it('keep one entry per finding of a rule that is not periodic, and the report\'s order', () => {
    const r = report(evaluation().findings);
    expect(r.groups.map((g) => g.clause)).toEqual(r.findings.map((f) => f.clause));
    expect(r.groups.every((g) => g.count === 1 && g.periods === undefined === (r.findings[g.findings[0]!]!.period === undefined))).toBe(true);
    expect(r.groups.find((g) => g.clause === 'A1.30.5')).not.toHaveProperty('period_kind');
  });

  it('split by follow-up status: what persists and what is new are different entries', () => {
    const f = (period: string, follow_up: 'new' | 'persisting'): ReportFinding => ({
      rule: 'r/x', version: 'v', clause: 'A1.1', severity: 'major', subject: 'S', period, item: null, message: `m ${period}`, expected: '', actual: '',
      evidence: [], follow_up,
    });
    const groups = consolidateFindings([f('2010-01', 'persisting'), f('2010-02', 'persisting'), f('2010-03', 'new'), f('2010-04', 'new')]);
    expect(groups.map((g) => [g.message, g.follow_up])).toEqual([['m 2010-01 … 2010-02', 'persisting'], ['m 2010-03 … 2010-04', 'new']]);
  });

  it('say the ranges in the report\'s language\'s sentence', () => {
    const r = report([1, 2, 3].map((m) => finding({
      rule: 'residential/complaint-review-monthly', clause: 'A1.46', subject: 'F-001', period: `2010-0${m}`,
      message: { kk: `2010-0${m} айында уәкілетті орган кітапты қарамаған`, ru: `В 2010-0${m} уполномоченный орган не рассмотрел книгу`, en: `no review in 2010-0${m}` },
    })), 'kk');
    expect(r.groups[0]!.message).toBe('2010-01 … 2010-03 айында уәкілетті орган кітапты қарамаған');
  });
});
