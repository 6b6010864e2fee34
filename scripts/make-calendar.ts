// Generates rules/calendars/kz.json: Kazakhstan's public holidays 2005–2027 as editable data.
// date-holidays applies today's holiday list to every year and substitutes religious holidays too, so
// it is used only for the (lunar) Kurban Ait date; the list of holidays by year and the weekend
// substitution rule are written out here from the law, with a source note on every entry.
// Government transfers of days off are not derivable: they are entered by hand in the JSON file's
// `transfers`, with a per-year `note` on how far they were verified (this script keeps both when it regenerates).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Holidays from 'date-holidays';
import { dayNumber, formatIsoDate, isoWeekday, parseDateText } from '../src/core/date.ts';

// An output path on the command line (used by the tests) replaces the calendar file in the repository.
const OUT = process.argv[2] ? new URL(`file://${resolve(process.argv[2])}`) : new URL('../rules/calendars/kz.json', import.meta.url);
const FIRST = 2005;
const LAST = 2027;
const LAW = 'Law of the RK of 13.12.2001 N 267-II "On holidays in the Republic of Kazakhstan"';
/** Religious days off come from the labour law, not the law on holidays (the Constitutional Council had ruled state religious holidays out). */
const RELIGIOUS_DAYS_OFF = 'Law of the RK of 30.12.2005 N 109-III amending the Law "On labour" (now the Labour Code, Article 84/85): the first day of Kurban Ait and Orthodox Christmas (7 January) are days off, from 2006 (per zakon.kz, quoted by news.myseldon.com); not moved when they fall on a day off';

interface HolidayDef {
  readonly month: number; readonly day: number; readonly name: string;
  readonly from?: number; readonly until?: number;
  /** Religious holidays are not moved when they fall on a day off. */
  readonly religious?: boolean; readonly source: string;
}

const FIXED: readonly HolidayDef[] = [
  { month: 1, day: 1, name: 'New Year', source: LAW },
  { month: 1, day: 2, name: 'New Year', source: LAW },
  { month: 1, day: 7, name: 'Orthodox Christmas', from: 2006, religious: true, source: RELIGIOUS_DAYS_OFF },
  { month: 3, day: 8, name: "International Women's Day", source: LAW },
  { month: 3, day: 15, name: 'Constitution Day', from: 2027, source: 'Constitution adopted at the referendum of 15.03.2026 (its day of adoption is a public holiday); Ministry of Labour via taspanews.kz, 18.03.2026: celebrated from 2027, and 30 August is no longer a holiday from 2026' },
  { month: 3, day: 21, name: 'Nauryz meirami', from: 2010, source: `${LAW}, as amended by the law signed 2.06.2009 (21–23 March; first applies in 2010): Tengrinews/Interfax-Kazakhstan, 2.06.2009` },
  { month: 3, day: 22, name: 'Nauryz meirami', source: `${LAW} (22 March only until 2009)` },
  { month: 3, day: 23, name: 'Nauryz meirami', from: 2010, source: `${LAW}, as amended by the law signed 2.06.2009 (21–23 March; first applies in 2010): Tengrinews/Interfax-Kazakhstan, 2.06.2009` },
  { month: 5, day: 1, name: 'Unity Day of the People of Kazakhstan', source: LAW },
  { month: 5, day: 7, name: 'Defender of the Fatherland Day', from: 2013, source: `${LAW}, as amended in 2012 (a state holiday "as of this year": azh.kz, 23.04.2013)` },
  { month: 5, day: 9, name: 'Victory Day', source: LAW },
  { month: 7, day: 6, name: 'Capital Day', from: 2009, source: `${LAW}, as amended in 2008 (Mazhilis approved the bill on 18.07.2008; first day off on 6.07.2009 per Kazakhstan Today, kt.kz, 3.07.2009)` },
  { month: 8, day: 30, name: 'Constitution Day', until: 2025, source: `${LAW} (no longer a holiday from 2026: the new Constitution's day is 15 March, per the Ministry of Labour via taspanews.kz, 18.03.2026)` },
  { month: 10, day: 25, name: 'Republic Day', until: 2008, source: `${LAW} (removed by the amendments signed 2.06.2009, which also made Nauryz 21–23 March: Tengrinews/Interfax-Kazakhstan, 2.06.2009)` },
  { month: 10, day: 25, name: 'Republic Day', from: 2022, source: `${LAW}, as amended in September 2022 (restored as the national holiday from 2022)` },
  { month: 12, day: 1, name: 'Day of the First President', from: 2012, until: 2021, source: `${LAW}, as amended in 2011 (first a holiday on 1.12.2012; removed by the law signed in September 2022: Sputnik, 1.12.2022)` },
  { month: 12, day: 16, name: 'Independence Day', source: LAW },
  { month: 12, day: 17, name: 'Independence Day', until: 2021, source: `${LAW} (second day until 2021; from 2022 Independence Day is 16 December only, per nur.kz and kazlenta.kz, December 2023)` },
];

/** First day of Kurban Ait as announced (Spiritual Administration of Muslims / Ministry of Labour) where a source was found;
 * other years use date-holidays' computed date, which can be a day off the announced one. */
const KURBAN_AIT_ANNOUNCED: Readonly<Record<number, { date: string; source: string }>> = {
  2012: { date: '2012-10-26', source: 'azh.kz, 24.10.2012 (Spiritual Administration of Muslims of Kazakhstan: Friday 26 October)' },
  2013: { date: '2013-10-15', source: 'Tengrinews (en.tengrinews.kz, 14.10.2013: Tuesday 15 October)' },
  2015: { date: '2015-09-24', source: 'kapital.kz (eGov calendar for 2015) and xmlcalendar/data kz/2015/calendar.xml' },
  2016: { date: '2016-09-12', source: 'kapital.kz and ng.kz (Spiritual Administration of Muslims, 2016) and xmlcalendar/data kz/2016/calendar.xml' },
  2017: { date: '2017-09-01', source: '365info.kz, 1.09.2017, and bes-internal/Date-Holidays-KZ (xmlcalendar/data kz/2017 has 2 September, a Saturday)' },
  2018: { date: '2018-08-21', source: 'mgorod.kz, 27.07.2018, and xmlcalendar/data kz/2018/calendar.xml' },
  2019: { date: '2019-08-11', source: 'kokshetau.online (2019 calendar) and xmlcalendar/data kz/2019/calendar.xml' },
  2020: { date: '2020-07-31', source: 'xmlcalendar/data kz/2020/calendar.xml' },
  2021: { date: '2021-07-20', source: 'xmlcalendar/data kz/2021/calendar.xml' },
  2022: { date: '2022-07-09', source: 'xmlcalendar/data kz/2022/calendar.xml' },
  2023: { date: '2023-06-28', source: 'altainews.kz, 1.06.2023, and xmlcalendar/data kz/2023/calendar.xml' },
  2024: { date: '2024-06-16', source: 'tengrinews.kz (Ministry of Labour: the Spiritual Administration moved it from 17 to 16 June; religious holidays on a day off are not moved)' },
  2025: { date: '2025-06-06', source: 'mgorod.kz (Kurban Ait 2025 begins Friday 6 June)' },
  2026: { date: '2026-05-27', source: 'xmlcalendar/data kz/2026/calendar.xml' },
  2027: { date: '2027-05-16', source: 'xmlcalendar/data kz/2027/calendar.xml (that file also moves it to Monday 17 May; not applied: no source found for moving religious holidays)' },
};

interface Entry { date: string; name: string; source: string }
interface Substitute { date: string; for: string; source: string }
interface Transfer { date: string; becomes: 'day_off' | 'working_day'; source: string }
interface YearData { note?: string; holidays: Entry[]; substitutes: Substitute[]; transfers: Transfer[] }
/** What the legal staff enter by hand and a regeneration keeps. */
interface HandEntered { note?: string; transfers?: Transfer[] }

const SUBSTITUTION = 'Labour Code of the RK: a public holiday that falls on a day off moves to the next working day (religious holidays are not moved)';

function kurbanAit(h: Holidays, year: number): string[] {
  return h.getHolidays(year).filter((x) => /Құрбан/.test(x.name) && !x.substitute).map((x) => x.date.slice(0, 10));
}

function makeYear(h: Holidays, year: number, kept: HandEntered): YearData {
  const holidays: (Entry & { religious: boolean })[] = [];
  for (const d of FIXED) {
    if ((d.from !== undefined && year < d.from) || (d.until !== undefined && year > d.until)) continue;
    holidays.push({ date: formatIsoDate(dayNumber(year, d.month, d.day)), name: d.name, source: d.source, religious: d.religious === true });
  }
  if (year >= 2006) {
    const announced = KURBAN_AIT_ANNOUNCED[year];
    const dates = announced ? [announced.date] : kurbanAit(h, year);
    for (const date of dates) {
      holidays.push({ date, name: 'Kurban Ait (first day)', religious: true, source: announced
        ? `${RELIGIOUS_DAYS_OFF}; date as announced: ${announced.source}`
        : `${RELIGIOUS_DAYS_OFF}; date per date-holidays (computed Eid al-Adha, not checked against the date announced by the Spiritual Administration of Muslims of Kazakhstan)` });
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
  const data: YearData = { holidays: holidays.map(({ religious: _r, ...e }) => e), substitutes, transfers: [...(kept.transfers ?? [])].sort((a, b) => a.date.localeCompare(b.date)) };
  return kept.note === undefined ? data : { note: kept.note, ...data };
}

const previous = existsSync(OUT) ? JSON.parse(readFileSync(OUT, 'utf8')) as { years?: Record<string, HandEntered> } : {};
const h = new Holidays('KZ');
const years: Record<string, YearData> = {};
for (let y = FIRST; y <= LAST; y++) years[String(y)] = makeYear(h, y, previous.years?.[String(y)] ?? {});

const calendar = {
  name: 'kz',
  title: 'Kazakhstan: working days (Monday–Friday minus public holidays, with substitutions and transfers)',
  coverage: { from: `${FIRST}-01-01`, to: `${LAST}-12-31` },
  weekend: [6, 7],
  note: 'Generated by scripts/make-calendar.ts, then edited by hand where needed. Each year lists public holidays, the days off that replace a holiday falling on a weekend, and the government\'s transfers of days off (a Saturday made a working day / a weekday made a day off). Transfers are entered by hand from the government resolutions (from 2024: orders of the Minister of Labour), each with its source; each year\'s note says whether its transfers were verified. A year marked \"transfers not verified\" may have transfers that are missing here: check it before relying on working-day counts in that year.',
  years,
};
writeFileSync(OUT, JSON.stringify(calendar, null, 2) + '\n');
console.log(`wrote ${OUT.pathname}`);
