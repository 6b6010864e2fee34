// Generates rules/calendars/kz.json: Kazakhstan's public holidays 2005–2027 as editable data.
// date-holidays applies today's holiday list to every year and substitutes religious holidays too, so
// it is used only for the (lunar) Kurban Ait date; the list of holidays by year and the weekend
// substitution rule are written out here from the law, with a source note on every entry.
// Government transfers of days off are not derivable: they are entered by hand in the JSON file's
// `transfers` (this script keeps any already there when it regenerates).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import Holidays from 'date-holidays';
import { dayNumber, formatIsoDate, isoWeekday, parseDateText } from '../src/core/date.ts';

const OUT = new URL('../rules/calendars/kz.json', import.meta.url);
const FIRST = 2005;
const LAST = 2027;
const LAW = 'Law of the RK of 13.12.2001 N 267-II "On holidays in the Republic of Kazakhstan"';

interface HolidayDef {
  readonly month: number; readonly day: number; readonly name: string;
  readonly from?: number; readonly until?: number;
  /** Religious holidays are not moved when they fall on a day off. */
  readonly religious?: boolean; readonly source: string;
}

const FIXED: readonly HolidayDef[] = [
  { month: 1, day: 1, name: 'New Year', source: LAW },
  { month: 1, day: 2, name: 'New Year', source: LAW },
  { month: 1, day: 7, name: 'Orthodox Christmas', from: 2006, religious: true, source: `${LAW}, as amended in 2006 (holiday from 2006)` },
  { month: 3, day: 8, name: "International Women's Day", source: LAW },
  { month: 3, day: 21, name: 'Nauryz meirami', from: 2010, source: `${LAW}, as amended in 2009 (21–23 March from 2010)` },
  { month: 3, day: 22, name: 'Nauryz meirami', source: `${LAW} (22 March only until 2009)` },
  { month: 3, day: 23, name: 'Nauryz meirami', from: 2010, source: `${LAW}, as amended in 2009 (21–23 March from 2010)` },
  { month: 5, day: 1, name: 'Unity Day of the People of Kazakhstan', source: LAW },
  { month: 5, day: 7, name: 'Defender of the Fatherland Day', from: 2013, source: `${LAW}, as amended in 2012; per date-holidays (year of introduction to be verified)` },
  { month: 5, day: 9, name: 'Victory Day', source: LAW },
  { month: 7, day: 6, name: 'Capital Day', from: 2009, source: `${LAW}, as amended (holiday from 2009, per the project brief)` },
  { month: 8, day: 30, name: 'Constitution Day', source: LAW },
  { month: 10, day: 25, name: 'Republic Day', until: 2008, source: `${LAW} (until 2008)` },
  { month: 10, day: 25, name: 'Republic Day', from: 2022, source: `${LAW}, as amended in 2022 (restored from 2022)` },
  { month: 12, day: 1, name: 'Day of the First President', from: 2012, until: 2021, source: `${LAW}, as amended (2012–2021)` },
  { month: 12, day: 16, name: 'Independence Day', source: LAW },
  { month: 12, day: 17, name: 'Independence Day', source: LAW },
];

interface Entry { date: string; name: string; source: string }
interface Substitute { date: string; for: string; source: string }
interface Transfer { date: string; becomes: 'day_off' | 'working_day'; source: string }
interface YearData { holidays: Entry[]; substitutes: Substitute[]; transfers: Transfer[] }

const SUBSTITUTION = 'Labour Code of the RK: a public holiday that falls on a day off moves to the next working day (religious holidays are not moved)';

function kurbanAit(h: Holidays, year: number): string[] {
  return h.getHolidays(year).filter((x) => /Құрбан/.test(x.name) && !x.substitute).map((x) => x.date.slice(0, 10));
}

function makeYear(h: Holidays, year: number, keptTransfers: Transfer[]): YearData {
  const holidays: (Entry & { religious: boolean })[] = [];
  for (const d of FIXED) {
    if ((d.from !== undefined && year < d.from) || (d.until !== undefined && year > d.until)) continue;
    holidays.push({ date: formatIsoDate(dayNumber(year, d.month, d.day)), name: d.name, source: d.source, religious: d.religious === true });
  }
  if (year >= 2006) {
    for (const date of kurbanAit(h, year)) {
      holidays.push({ date, name: 'Kurban Ait (first day)', religious: true, source: `${LAW}, as amended in 2006 (holiday from 2006); date per date-holidays (computed Eid al-Adha; the official date is announced yearly by the Spiritual Administration of Muslims of Kazakhstan)` });
    }
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(holidays.map((x) => x.date));
  const substitutes: Substitute[] = [];
  for (const hol of holidays) {
    const d = parseDateText(hol.date)!;
    if (hol.religious || isoWeekday(d) < 6) continue;
    let next = d + 1;
    while (isoWeekday(next) >= 6 || taken.has(formatIsoDate(next))) next += 1;
    taken.add(formatIsoDate(next));
    substitutes.push({ date: formatIsoDate(next), for: hol.date, source: SUBSTITUTION });
  }
  return { holidays: holidays.map(({ religious: _r, ...e }) => e), substitutes, transfers: keptTransfers };
}

const previous = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) as { years?: Record<string, { transfers?: Transfer[] }> } : {};
const h = new Holidays('KZ');
const years: Record<string, YearData> = {};
for (let y = FIRST; y <= LAST; y++) years[String(y)] = makeYear(h, y, previous.years?.[String(y)]?.transfers ?? []);

const calendar = {
  name: 'kz',
  title: 'Kazakhstan: working days (Monday–Friday minus public holidays, with substitutions and transfers)',
  coverage: { from: `${FIRST}-01-01`, to: `${LAST}-12-31` },
  weekend: [6, 7],
  note: 'Generated by scripts/make-calendar.ts, then edited by hand where needed. Each year lists public holidays, the days off that replace a holiday falling on a weekend, and the government\'s transfers of days off (a Saturday made a working day / a weekday made a day off). Transfers are entered by hand from the government resolutions; a year with no transfers listed has none entered.',
  years,
};
writeFileSync(OUT, JSON.stringify(calendar, null, 2) + '\n');
console.log(`wrote ${OUT.pathname}`);
