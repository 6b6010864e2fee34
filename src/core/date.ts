// Calendar dates as whole day numbers (days since 1970-01-01). A day number has no time of day and
// no time zone, so the same cell means the same date on every machine (Asia/Almaty or Los Angeles).
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

/**
 * Month and day overflow as in `Date.UTC` (month 13 is January of the next year), but years 0–99 stay
 * years 0–99: `Date.UTC` alone would read them as 1900–1999.
 */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return Math.floor(t.getTime() / MS_PER_DAY);
}

/**
 * No facility record predates 1900, and spreadsheets cannot hold earlier dates as dates: a year before it
 * in a workbook or on the command line is a typing error (`0005-06-01`), never a date to compute with.
 */
export const EARLIEST_YEAR = 1900;
export const EARLIEST_DAY: DayNumber = dayNumber(EARLIEST_YEAR, 1, 1);

export interface YMD { year: number; month: number; day: number }

export function toYMD(d: DayNumber): YMD {
  const t = new Date(d * MS_PER_DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** True when year/month/day name a real calendar date (31.02 does not). */
export function isValidYMD(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  const t = new Date(0);
  t.setUTCFullYear(year, month, 0);
  return t.getUTCDate();
}

export function formatIsoDate(d: DayNumber): string {
  const { year, month, day } = toYMD(d);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** dd.mm.yyyy, the way dates are written in Kazakh and Russian documents. */
export function formatDottedDate(d: DayNumber): string {
  const { year, month, day } = toYMD(d);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${String(year).padStart(4, '0')}`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED_RE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Parses ISO `2010-03-21` or `21.03.2010`; undefined for anything else, including impossible dates. */
export function parseDateText(text: string): DayNumber | undefined {
  const s = text.trim();
  let m = ISO_RE.exec(s);
  if (m) return fromParts(+m[1]!, +m[2]!, +m[3]!);
  m = DOTTED_RE.exec(s);
  if (m) return fromParts(+m[3]!, +m[2]!, +m[1]!);
  return undefined;
}

function fromParts(y: number, mo: number, d: number): DayNumber | undefined {
  return isValidYMD(y, mo, d) ? dayNumber(y, mo, d) : undefined;
}

/** ISO weekday: Monday = 1 … Sunday = 7. 1970-01-01 was a Thursday. */
export function isoWeekday(d: DayNumber): number {
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

export function addYears(d: DayNumber, years: number): DayNumber {
  return addMonths(d, years * 12);
}

/** Adds calendar months; the 31st clamps to the month's last day (29 Feb + 1 year → 28 Feb). */
export function addMonths(d: DayNumber, months: number): DayNumber {
  const { year, month, day } = toYMD(d);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return dayNumber(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole years completed on `on` by someone born on `birth` (a birthday on 29 Feb counts from 1 Mar in common years). */
export function ageInYears(birth: DayNumber, on: DayNumber): number {
  return Math.floor(ageInMonths(birth, on) / 12);
}

export function ageInMonths(birth: DayNumber, on: DayNumber): number {
  const b = toYMD(birth);
  const o = toYMD(on);
  let months = (o.year - b.year) * 12 + (o.month - b.month);
  if (o.day < b.day) months -= 1;
  return months;
}
