import { describe, expect, it } from 'vitest';
import { parsePeriod, periodRanges, periodWithin, rangesText } from '../../src/report/periods.ts';
import { dayNumber } from '../../src/core/date.ts';

const labels = (ranges: ReturnType<typeof periodRanges>) => ranges.map((r) => (r.count === 1 ? r.from : `${r.from}…${r.to}(${r.count})`));

describe('period labels', () => {
  it('read back into the days they cover', () => {
    expect(parsePeriod('2010-03-21')).toMatchObject({ kind: 'day', from: dayNumber(2010, 3, 21), to: dayNumber(2010, 3, 21) });
    // ISO week 1 of 2010 starts on Monday 4 January; 2009 has a week 53.
    expect(parsePeriod('2010-W01')).toMatchObject({ kind: 'week', from: dayNumber(2010, 1, 4), to: dayNumber(2010, 1, 10) });
    expect(parsePeriod('2009-W53')).toMatchObject({ kind: 'week', from: dayNumber(2009, 12, 28), to: dayNumber(2010, 1, 3) });
    expect(parsePeriod('2010-W53')).toBeNull();
    expect(parsePeriod('2010-02')).toMatchObject({ kind: 'month', from: dayNumber(2010, 2, 1), to: dayNumber(2010, 2, 28) });
    expect(parsePeriod('2010-Q2')).toMatchObject({ kind: 'quarter', from: dayNumber(2010, 4, 1), to: dayNumber(2010, 6, 30) });
    expect(parsePeriod('2010')).toMatchObject({ kind: 'year', from: dayNumber(2010, 1, 1), to: dayNumber(2010, 12, 31) });
    expect(parsePeriod('2010-Q1/2010-03')).toMatchObject({ kind: 'other', ordinal: null, from: dayNumber(2010, 1, 1), to: dayNumber(2010, 3, 31) });
    expect(parsePeriod('2010-02-30')).toBeNull();
    expect(parsePeriod('spring')).toBeNull();
  });

  it('merge into runs of consecutive periods of their kind, a repeated one counted once', () => {
    expect(labels(periodRanges(['2010-01-05', '2010-01-04', '2010-01-06', '2010-01-08', '2010-01-06']))).toEqual(['2010-01-04…2010-01-06(3)', '2010-01-08']);
    // Days merge only as consecutive dates: a weekend between two working weeks is not assumed missed.
    expect(labels(periodRanges(['2010-01-08', '2010-01-11']))).toEqual(['2010-01-08', '2010-01-11']);
    expect(labels(periodRanges(['2009-W52', '2009-W53', '2010-W01', '2010-W03']))).toEqual(['2009-W52…2010-W01(3)', '2010-W03']);
    expect(labels(periodRanges(['2009-12', '2010-01', '2010-02', '2010-04']))).toEqual(['2009-12…2010-02(3)', '2010-04']);
    expect(labels(periodRanges(['2009-Q4', '2010-Q1', '2010-Q3']))).toEqual(['2009-Q4…2010-Q1(2)', '2010-Q3']);
    expect(labels(periodRanges(['2011', '2009', '2010']))).toEqual(['2009…2011(3)']);
    expect(labels(periodRanges(['2010-Q1/2010-03', '2010-Q1/2010-02']))).toEqual(['2010-Q1/2010-02', '2010-Q1/2010-03']);
  });

  it('are written as ranges, many day ranges by month', () => {
    expect(rangesText(periodRanges(['2010-01-04', '2010-01-05', '2010-02-01']))).toBe('2010-01-04 … 2010-01-05, 2010-02-01');
    const weekdays = Array.from({ length: 40 }, (_, i) => dayNumber(2010, 2, 1) + i).filter((d) => ((d + 3) % 7) < 5)
      .map((d) => new Date(d * 864e5).toISOString().slice(0, 10));
    expect(rangesText(periodRanges(weekdays))).toBe('2010-02: 1–5, 8–12, 15–19, 22–26; 2010-03: 1–5, 8–12');
    expect(rangesText(periodRanges(['2010-01-30', '2010-01-31', '2010-02-01', '2010-02-03', '2010-02-05', '2010-02-07'])))
      .toBe('2010-01-30 … 2010-02-01; 2010-02: 3, 5, 7');
  });

  it('lie inside an audit period only when every day of them does', () => {
    expect(periodWithin('2010-Q2', '2010-01-01', '2010-06-30')).toBe(true);
    expect(periodWithin('2010-Q3', '2010-01-01', '2010-06-30')).toBe(false);
    expect(periodWithin('2009-W53', '2010-01-01', '2010-06-30')).toBe(false);
    expect(periodWithin('2010-06-30', '2010-01-01', '2010-06-30')).toBe(true);
    expect(periodWithin('nonsense', '2010-01-01', '2010-06-30')).toBe(false);
  });
});
