import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCalendar, CalendarError, type CalendarFile } from '../../src/calendar/index.ts';
import { parseDateText } from '../../src/core/date.ts';
import { cachedBundle } from '../cached-file.ts';

const kz = parseCalendar(JSON.parse(readFileSync(new URL('../../rules/calendars/kz.json', import.meta.url), 'utf8')));
const d = (s: string) => parseDateText(s)!;

describe('Kazakhstan working-day calendar (rules/calendars/kz.json)', () => {
  it('31.12.2009 → 11.01.2010 has 4 working days (1–2 Jan, 4 Jan for Saturday 2 Jan, 7 Jan off)', () => {
    expect(kz.workingDaysBetween(d('31.12.2009'), d('11.01.2010'))).toBe(4);
    for (const off of ['01.01.2010', '02.01.2010', '04.01.2010', '07.01.2010']) expect(kz.isWorkingDay(d(off))).toBe(false);
  });
  it('04.02.2010 → 12.02.2010 is 6 and → 11.02.2010 is 5', () => {
    expect(kz.workingDaysBetween(d('04.02.2010'), d('12.02.2010'))).toBe(6);
    expect(kz.workingDaysBetween(d('04.02.2010'), d('11.02.2010'))).toBe(5);
  });
  it('8 March 2010 (a Monday) is a holiday', () => {
    expect(kz.isWorkingDay(d('2010-03-08'))).toBe(false);
    expect(kz.isWorkingDay(d('2010-03-09'))).toBe(true);
  });
  it('Nauryz 2010: 21 (Sunday), 22, 23 March off, and 24 March replaces the Sunday', () => {
    expect(kz.workingDaysBetween(d('2010-03-19'), d('2010-03-26'))).toBe(2); // 25, 26
    expect(kz.isWorkingDay(d('2010-03-24'))).toBe(false);
    expect(kz.addWorkingDays(d('2010-03-19'), 1)).toBe(d('2010-03-25'));
  });
  it('before 2010 only 22 March was Nauryz; Christmas was not a holiday in 2005', () => {
    expect(kz.isWorkingDay(d('2008-03-21'))).toBe(true);  // a Friday
    expect(kz.isWorkingDay(d('2009-03-23'))).toBe(false); // replaces Sunday 22 March 2009
    expect(kz.isWorkingDay(d('2005-01-07'))).toBe(true);
    expect(kz.isWorkingDay(d('2006-01-07'))).toBe(false);
  });
  it('leap days count like any other day', () => {
    expect(kz.isWorkingDay(d('2008-02-29'))).toBe(true);          // a Friday
    expect(kz.workingDaysBetween(d('2012-02-28'), d('2012-03-01'))).toBe(2); // Wed 29, Thu 1
    expect(kz.addWorkingDays(d('2016-02-26'), 1)).toBe(d('2016-02-29'));
  });
  it('addWorkingDays is the inverse of workingDaysBetween', () => {
    const start = d('2009-12-25');
    for (let n = 1; n <= 20; n++) {
      const w = kz.addWorkingDays(start, n);
      expect(kz.isWorkingDay(w)).toBe(true);
      expect(kz.workingDaysBetween(start, w)).toBe(n);
      expect(kz.addWorkingDays(w, -n) <= start).toBe(true);
    }
    expect(kz.addWorkingDays(d('2010-01-11'), -4)).toBe(d('2009-12-31'));
  });
  it('government transfers: Saturday 3 July 2010 worked for Monday 5 July (Capital Day)', () => {
    expect(kz.isWorkingDay(d('2010-07-03'))).toBe(true);
    expect(kz.isWorkingDay(d('2010-07-05'))).toBe(false);
    expect(kz.isWorkingDay(d('2010-07-06'))).toBe(false);
    expect(kz.workingDaysBetween(d('2010-07-02'), d('2010-07-07'))).toBe(2); // Sat 3, Wed 7
  });
  it('government transfers: Sunday 20 December 2009 worked for Friday 18 December (resolution N 1936)', () => {
    expect(kz.isWorkingDay(d('2009-12-18'))).toBe(false);
    expect(kz.isWorkingDay(d('2009-12-20'))).toBe(true);
    expect(kz.workingDaysBetween(d('2009-12-15'), d('2009-12-21'))).toBe(2); // Sun 20, Mon 21
  });
  it('government transfers across a year end: Saturday 28.12.2013 worked for Friday 3.01.2014', () => {
    expect(kz.isWorkingDay(d('2013-12-28'))).toBe(true);
    expect(kz.isWorkingDay(d('2014-01-03'))).toBe(false);
    expect(kz.addWorkingDays(d('2013-12-31'), 1)).toBe(d('2014-01-06'));
  });
  it('2013: Saturday 12 October worked so that 13–15 October (Kurban Ait on Tuesday) are off', () => {
    expect(kz.isWorkingDay(d('2013-10-12'))).toBe(true);
    expect(kz.workingDaysBetween(d('2013-10-11'), d('2013-10-16'))).toBe(2); // Sat 12, Wed 16
  });
  it('a transfer overrides a weekend substitution: 2020 Monday 11 May worked, Friday 8 May off', () => {
    expect(kz.isWorkingDay(d('2020-05-08'))).toBe(false);
    expect(kz.isWorkingDay(d('2020-05-11'))).toBe(true);
    expect(kz.isWorkingDay(d('2020-01-05'))).toBe(true); // a Sunday worked for Friday 3 January
  });
  it('2024 transfer by the Minister of Labour: Saturday 4 May worked, Wednesday 8 May off', () => {
    expect(kz.workingDaysBetween(d('2024-05-03'), d('2024-05-10'))).toBe(3); // Sat 4, Mon 6, Fri 10
  });
  it('holiday list changes: 17 December until 2021, 1 December until 2021, 25 October from 2022, 15 March instead of 30 August from 2027', () => {
    expect(kz.isWorkingDay(d('2021-12-17'))).toBe(false);
    expect(kz.isWorkingDay(d('2024-12-17'))).toBe(true);
    expect(kz.isWorkingDay(d('2021-12-01'))).toBe(false);
    expect(kz.isWorkingDay(d('2022-12-01'))).toBe(true);
    expect(kz.isWorkingDay(d('2023-10-25'))).toBe(false);
    expect(kz.isWorkingDay(d('2010-10-25'))).toBe(true);
    expect(kz.isWorkingDay(d('2023-12-19'))).toBe(true); // only 16 December (a Saturday) is replaced
    expect(kz.isWorkingDay(d('2025-09-01'))).toBe(false); // replaces Saturday 30 August 2025
    expect(kz.isWorkingDay(d('2026-08-31'))).toBe(true);
    expect(kz.isWorkingDay(d('2027-03-15'))).toBe(false);
  });
  it('Kurban Ait on the announced day, never moved off a weekend', () => {
    expect(kz.isWorkingDay(d('2015-09-24'))).toBe(false);
    expect(kz.isWorkingDay(d('2015-09-23'))).toBe(true);
    expect(kz.isWorkingDay(d('2024-06-17'))).toBe(true); // 16 June 2024 was a Sunday
  });
  it('refuses dates outside 2005–2027 instead of guessing', () => {
    expect(() => kz.isWorkingDay(d('2004-12-31'))).toThrow(CalendarError);
    expect(() => kz.workingDaysBetween(d('2027-12-30'), d('2028-01-03'))).toThrow(/outside/);
    expect(() => kz.addWorkingDays(d('2027-12-30'), 5)).toThrow(/outside/);
  });
});

describe('parseCalendar', () => {
  const base = { name: 't', coverage: { from: '2010-01-01', to: '2010-12-31' }, weekend: [6, 7] };
  it('applies government transfers of days off over the weekly pattern', () => {
    const cal = parseCalendar({ ...base, years: { '2010': { holidays: [], substitutes: [], transfers: [
      { date: '2010-07-03', becomes: 'working_day', source: 'test' }, { date: '2010-07-05', becomes: 'day_off', source: 'test' }] } } });
    expect(cal.isWorkingDay(d('2010-07-03'))).toBe(true);
    expect(cal.isWorkingDay(d('2010-07-05'))).toBe(false);
  });
  it('gives clear errors for a malformed file', () => {
    expect(() => parseCalendar({ ...base })).toThrow(/years/);
    expect(() => parseCalendar({ ...base, years: { '2010': { holidays: [{ date: '2010-02-31', name: 'x', source: 's' }], substitutes: [], transfers: [] } } })).toThrow(/date/);
    expect(() => parseCalendar({ ...base, years: { '2010': { holidays: [{ date: '2011-01-01', name: 'x', source: 's' }], substitutes: [], transfers: [] } } })).toThrow(/another year/);
  });
});

describe('scripts/make-calendar.ts', () => {
  it('keeps hand-entered transfers and year notes when it regenerates the holidays', () => {
    const file = JSON.parse(readFileSync(new URL('../../rules/calendars/kz.json', import.meta.url), 'utf8')) as { years: Record<string, { note?: string; holidays: unknown[]; transfers: unknown[] }> };
    const handEntered = { date: '2006-06-10', becomes: 'working_day', source: 'hand-entered in the test' };
    file.years['2006']!.transfers.push(handEntered);
    file.years['2006']!.note = 'note kept';
    file.years['2006']!.holidays = [];
    const out = join(mkdtempSync(join(tmpdir(), 'kz-calendar-')), 'kz.json');
    writeFileSync(out, JSON.stringify(file));
    // The script bundled into one JavaScript file and run by plain node: the same program as `npx tsx
    // scripts/make-calendar.ts`, without tsx's start (about half a second of CPU).
    // Bundled once per change of what it is made of (test/cached-file.ts).
    const script = cachedBundle('make-calendar', 'scripts/make-calendar.ts',
      // date-holidays is CommonJS and calls require(); an ES module has none of its own.
      "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);");
    execFileSync(process.execPath, [script, out], { stdio: 'pipe' });
    const regenerated = JSON.parse(readFileSync(out, 'utf8')) as CalendarFile;
    expect(regenerated.years['2006']!.transfers).toContainEqual(handEntered);
    expect(regenerated.years['2006']!.note).toBe('note kept');
    expect(regenerated.years['2006']!.holidays.length).toBeGreaterThan(10);
    expect(regenerated.years['2010']!.transfers).toEqual(file.years['2010']!.transfers);
  }, 30_000);
});

