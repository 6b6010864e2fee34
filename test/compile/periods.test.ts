import { describe, expect, it } from 'vitest';
import { periodOf, periodsIn } from '../../src/compile/index.ts';
import { formatIsoDate, parseDateText } from '../../src/core/date.ts';

const d = (s: string) => parseDateText(s)!;
const labels = (ps: { label: string }[]) => ps.map((p) => p.label);

describe('calendar periods', () => {
  it('ISO week 53: 2009-W53 runs Mon 28.12.2009 – Sun 03.01.2010, and 1 Jan 2010 belongs to it', () => {
    const w = periodOf('week', d('2010-01-01'));
    expect([w.label, formatIsoDate(w.from), formatIsoDate(w.end)]).toEqual(['2009-W53', '2009-12-28', '2010-01-03']);
    expect(periodOf('week', d('2016-01-03')).label).toBe('2015-W53');
    expect(periodOf('week', d('2010-01-04')).label).toBe('2010-W01');
    expect(periodOf('week', d('2010-02-17')).label).toBe('2010-W07');
  });
  it('months of leap and common years, quarters and years', () => {
    const feb12 = periodOf('month', d('2012-02-10'));
    expect([feb12.label, formatIsoDate(feb12.end)]).toEqual(['2012-02', '2012-02-29']);
    expect(formatIsoDate(periodOf('month', d('2010-02-10')).end)).toBe('2010-02-28');
    const q = periodOf('quarter', d('2010-05-05'));
    expect([q.label, formatIsoDate(q.from), formatIsoDate(q.end)]).toEqual(['2010-Q2', '2010-04-01', '2010-06-30']);
    expect(periodOf('year', d('2010-05-05')).label).toBe('2010');
    expect(periodOf('day', d('2010-03-21')).label).toBe('2010-03-21');
  });
  it('a stay starting Wednesday and ending Tuesday touches three weeks but covers one full week', () => {
    const from = d('2010-02-10'), to = d('2010-02-23'); // Wed … Tue
    expect(labels(periodsIn('week', from, to, false, null))).toEqual(['2010-W06', '2010-W07', '2010-W08']);
    expect(labels(periodsIn('week', from, to, true, null))).toEqual(['2010-W07']);
  });
  it('full quarters inside a stay from 15 Feb to 31 Dec', () => {
    expect(labels(periodsIn('quarter', d('2010-02-15'), d('2010-12-31'), true, null))).toEqual(['2010-Q2', '2010-Q3', '2010-Q4']);
    expect(labels(periodsIn('quarter', d('2010-02-15'), d('2010-12-31'), false, null))).toEqual(['2010-Q1', '2010-Q2', '2010-Q3', '2010-Q4']);
  });
  it('excluded days drop a full period with any excluded day, a touching one only when all its days are excluded', () => {
    const leave = (x: number) => x >= d('2010-02-16') && x <= d('2010-02-28');
    expect(labels(periodsIn('week', d('2010-02-01'), d('2010-03-07'), true, leave))).toEqual(['2010-W05', '2010-W06', '2010-W09']);
    expect(labels(periodsIn('week', d('2010-02-01'), d('2010-03-07'), false, leave))).toEqual(['2010-W05', '2010-W06', '2010-W07', '2010-W09']);
    expect(labels(periodsIn('day', d('2010-02-27'), d('2010-03-01'), false, leave))).toEqual(['2010-03-01']);
  });
  it('an empty interval has no periods', () => {
    expect(periodsIn('month', d('2010-03-01'), d('2010-02-28'), false, null)).toEqual([]);
  });
});
