// Day numbers for every year a calendar can name: years 0001–0099 are never read as 1901–1999.
import { describe, expect, it } from 'vitest';
import { dayNumber, daysInMonth, EARLIEST_DAY, formatIsoDate, parseDateText, toYMD } from '../../src/core/date.ts';

describe('day numbers', () => {
  it('keeps years 0001–0099 as written (Date.UTC alone would shift them to 1901–1999)', () => {
    expect(formatIsoDate(dayNumber(5, 6, 1))).toBe('0005-06-01');
    expect(formatIsoDate(dayNumber(50, 6, 30))).toBe('0050-06-30');
    expect(dayNumber(5, 6, 1)).not.toBe(dayNumber(1905, 6, 1));
    expect(toYMD(parseDateText('0099-12-31')!)).toEqual({ year: 99, month: 12, day: 31 });
    expect(formatIsoDate(parseDateText('01.01.0001')!)).toBe('0001-01-01');
  });

  it('counts leap years of the proleptic Gregorian calendar in every century', () => {
    expect(daysInMonth(4, 2)).toBe(29);
    expect(daysInMonth(100, 2)).toBe(28);
    expect(daysInMonth(400, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(dayNumber(2010, 13, 1)).toBe(dayNumber(2011, 1, 1));
    expect(dayNumber(1970, 1, 1)).toBe(0);
  });

  it('names 1900-01-01 as the earliest day a workbook or --as-of may give', () => {
    expect(formatIsoDate(EARLIEST_DAY)).toBe('1900-01-01');
  });
});
