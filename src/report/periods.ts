// Period labels as findings carry them (`2010-03-21`, `2010-W07`, `2010-03`, `2010-Q2`, `2010`), read back
// into days so that reports can merge consecutive periods into ranges and ask whether a period lies
// inside an audit period. Labels of several `per` steps (`2010-Q1/2010-03`) are kept as they are.
import { daysInMonth, dayNumber, formatIsoDate, isoWeekday, parseDateText, type DayNumber } from '../core/date.ts';
import { compareNatural } from './order.ts';

export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'other';

export interface ParsedPeriod {
  readonly kind: PeriodKind;
  /** Consecutive periods of one kind have consecutive ordinals; null for `other`. */
  readonly ordinal: number | null;
  /** First and last day the period covers (for `other`: of all its parts). */
  readonly from: DayNumber;
  readonly to: DayNumber;
}

/** A run of consecutive (or repeated) periods of one kind: `from` and `to` are labels, equal for one period. */
export interface PeriodRange {
  readonly from: string;
  readonly to: string;
  /** How many distinct periods the range holds. */
  readonly count: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** Monday of ISO week 1: the week holding 4 January. */
function isoWeekOneMonday(year: number): DayNumber {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - (isoWeekday(jan4) - 1);
}

/** Reads one label; null for a label no rule writes (so callers keep it as text). */
export function parsePeriod(label: string): ParsedPeriod | null {
  let m = DAY.exec(label);
  if (m) {
    const d = parseDateText(label);
    return d === undefined ? null : { kind: 'day', ordinal: d, from: d, to: d };
  }
  m = WEEK.exec(label);
  if (m) {
    const year = Number(m[1]), week = Number(m[2]);
    const monday = isoWeekOneMonday(year) + (week - 1) * 7;
    // Week 53 exists only in years whose week 1 of the next year starts later.
    if (week < 1 || monday >= isoWeekOneMonday(year + 1)) return null;
    return { kind: 'week', ordinal: Math.floor(monday / 7), from: monday, to: monday + 6 };
  }
  m = MONTH.exec(label);
  if (m) {
    const year = Number(m[1]), month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return { kind: 'month', ordinal: year * 12 + month - 1, from: dayNumber(year, month, 1), to: dayNumber(year, month, daysInMonth(year, month)) };
  }
  m = QUARTER.exec(label);
  if (m) {
    const year = Number(m[1]), q = Number(m[2]);
    const first = (q - 1) * 3 + 1;
    return { kind: 'quarter', ordinal: year * 4 + q - 1, from: dayNumber(year, first, 1), to: dayNumber(year, first + 2, daysInMonth(year, first + 2)) };
  }
  m = YEAR.exec(label);
  if (m) {
    const year = Number(m[1]);
    return { kind: 'year', ordinal: year, from: dayNumber(year, 1, 1), to: dayNumber(year, 12, 31) };
  }
  const parts = label.split('/');
  if (parts.length < 2) return null;
  const parsed = parts.map(parsePeriod);
  if (parsed.some((p) => p === null)) return null;
  const spans = parsed as ParsedPeriod[];
  return { kind: 'other', ordinal: null, from: Math.min(...spans.map((p) => p.from)), to: Math.max(...spans.map((p) => p.to)) };
}

/** The kind of a label, `other` for anything that is not one period of a known kind. */
export function periodKind(label: string): PeriodKind {
  return parsePeriod(label)?.kind ?? 'other';
}

/**
 * Labels merged into runs of consecutive periods, in time order; a repeated label counts once. Days are
 * consecutive only as calendar dates: a range never stands for a day that is not itself a finding (a
 * residential child's health is recorded every day, so a weekend between two gaps may well be recorded).
 * Labels of kind `other` are one range each, in natural order.
 */
export function periodRanges(labels: readonly string[]): PeriodRange[] {
  const distinct = [...new Set(labels)];
  const known: { label: string; ordinal: number }[] = [];
  const other: string[] = [];
  for (const label of distinct) {
    const p = parsePeriod(label);
    if (p === null || p.ordinal === null) other.push(label);
    else known.push({ label, ordinal: p.ordinal });
  }
  known.sort((a, b) => a.ordinal - b.ordinal);
  const out: PeriodRange[] = [];
  let start = 0;
  for (let i = 1; i <= known.length; i++) {
    if (i < known.length && known[i]!.ordinal === known[i - 1]!.ordinal + 1) continue;
    if (known.length > 0) out.push({ from: known[start]!.label, to: known[i - 1]!.label, count: i - start });
    start = i;
  }
  for (const label of other.sort(compareNatural)) out.push({ from: label, to: label, count: 1 });
  return out;
}

/** Day ranges beyond which they are written by month, `2010-02: 1–6, 8–13; 2010-03: 1–6`. */
const DAY_RANGES_BY_MONTH = 3;

/**
 * `2010-01-04 … 2010-01-15, 2010-02-01`. Many day ranges (a duty missed on most days but a few) are
 * written by month — `2010-02: 1–6, 8–13, 15–20; 2010-03: 1–6` — with a range across months in full.
 */
export function rangesText(ranges: readonly PeriodRange[]): string {
  const days = ranges.length > DAY_RANGES_BY_MONTH && ranges.every((r) => DAY.test(r.from) && DAY.test(r.to));
  if (!days) return ranges.map((r) => (r.count === 1 ? r.from : `${r.from} … ${r.to}`)).join(', ');
  const parts: { month: string | null; text: string }[] = ranges.map((r) => {
    const month = r.from.slice(0, 7);
    if (month !== r.to.slice(0, 7)) return { month: null, text: `${r.from} … ${r.to}` };
    const a = Number(r.from.slice(8)), b = Number(r.to.slice(8));
    return { month, text: a === b ? String(a) : `${a}–${b}` };
  });
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.month === null) { out.push(p.text); continue; }
    const same = [p.text];
    while (i + 1 < parts.length && parts[i + 1]!.month === p.month) same.push(parts[++i]!.text);
    out.push(`${p.month}: ${same.join(', ')}`);
  }
  return out.join('; ');
}

/** Whether every day of the period lies in [from, to] (ISO dates); false for a label that cannot be read. */
export function periodWithin(label: string, from: string, to: string): boolean {
  const p = parsePeriod(label);
  const f = parseDateText(from), t = parseDateText(to);
  return p !== null && f !== undefined && t !== undefined && p.from >= f && p.to <= t;
}

/** First and last day of a label as ISO dates (for spreadsheet date columns), or null. */
export function periodDays(label: string): { from: string; to: string } | null {
  const p = parsePeriod(label);
  return p === null ? null : { from: formatIsoDate(p.from), to: formatIsoDate(p.to) };
}
