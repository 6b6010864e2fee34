// Calendar periods for `per` steps: enumerate the days/ISO weeks/months/quarters/years an interval
// touches, with their labels (`2010-W07`, `2010-03`, `2010-Q2`, `2010-03-21`, `2010`).
import { dayNumber, daysInMonth, formatIsoDate, isoWeekday, toYMD, type DayNumber } from '../core/date.ts';
import type { PeriodUnit } from '../lang/ast.ts';
import { Period } from './values.ts';

const dayLabel = (p: Period): string => formatIsoDate(p.from);

/** `2009-W53`: the ISO week belongs to the year of its Thursday. */
const weekLabel = (p: Period): string => {
  const thursday = p.from + 3;
  const wy = toYMD(thursday).year;
  const week = Math.floor((thursday - dayNumber(wy, 1, 1)) / 7) + 1;
  return `${wy}-W${String(week).padStart(2, '0')}`;
};

/** The period of `unit` containing day d. */
export function periodOf(unit: PeriodUnit, d: DayNumber): Period {
  if (unit === 'day') return new Period('day', d, d, dayLabel);
  if (unit === 'week') return new Period('week', d - (isoWeekday(d) - 1), d - (isoWeekday(d) - 1) + 6, weekLabel);
  const { year, month } = toYMD(d);
  switch (unit) {
    case 'month':
      return new Period('month', dayNumber(year, month, 1), dayNumber(year, month, daysInMonth(year, month)), () => `${year}-${String(month).padStart(2, '0')}`);
    case 'quarter': {
      const q = Math.floor((month - 1) / 3);
      return new Period('quarter', dayNumber(year, q * 3 + 1, 1), dayNumber(year, q * 3 + 3, daysInMonth(year, q * 3 + 3)), () => `${year}-Q${q + 1}`);
    }
    case 'year': return new Period('year', dayNumber(year, 1, 1), dayNumber(year, 12, 31), () => String(year));
  }
}

/**
 * Periods of `unit` that [from, to] touches (`full` = false) or that lie wholly inside it (`full` = true).
 * `excluded(d)` marks days removed by `except`: a full period with any excluded day is dropped, a touching
 * period is dropped only when every one of its days inside the interval is excluded.
 */
export function periodsIn(unit: PeriodUnit, from: DayNumber, to: DayNumber, full: boolean, excluded: ((d: DayNumber) => boolean) | null): Period[] {
  const out: Period[] = [];
  if (to < from) return out;
  let p = periodOf(unit, from);
  for (;;) {
    const inside = p.from >= from && p.end <= to;
    if (!full || inside) {
      if (excluded === null) out.push(p);
      else {
        const a = Math.max(p.from, from);
        const b = Math.min(p.end, to);
        let any = false, all = true;
        for (let d = a; d <= b; d++) { if (excluded(d)) any = true; else all = false; }
        if (full ? !any : !all) out.push(p);
      }
    }
    if (p.end >= to) break;
    p = periodOf(unit, p.end + 1);
  }
  return out;
}
