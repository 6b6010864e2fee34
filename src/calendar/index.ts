// Working days as data: a calendar file lists holidays, weekend substitutions and transfers per year;
// this module validates it and answers working-day questions in O(1) from a prefix sum per day.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { formatIsoDate, isoWeekday, parseDateText, toYMD, type DayNumber } from '../core/date.ts';
import { CALENDAR_JSON_SCHEMA, type CalendarFile } from './schema.ts';

export type { CalendarFile } from './schema.ts';

export class CalendarError extends Error {
  override readonly name = 'CalendarError';
}

export interface WorkingDayCalendar {
  readonly name: string;
  /** First and last day the calendar covers; any question outside is a CalendarError. */
  readonly coverage: { readonly from: DayNumber; readonly to: DayNumber };
  isWorkingDay(d: DayNumber): boolean;
  /** Working days d with a < d ≤ b (negative when b < a). */
  workingDaysBetween(a: DayNumber, b: DayNumber): number;
  /** The n-th working day after d (n > 0), before d (n < 0), or d itself (n = 0). */
  addWorkingDays(d: DayNumber, n: number): DayNumber;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let validator: ReturnType<Ajv['compile']> | null = null;
function validate(json: unknown): boolean {
  if (!validator) {
    // The schema is ereje's own, checked against JSON Schema's meta-schema by a test: checking it again
    // on every run cost more than compiling it (test/calendar/schema.test.ts).
    const ajv = new Ajv({ allErrors: true, validateSchema: false });
    addFormats(ajv);
    validator = ajv.compile(CALENDAR_JSON_SCHEMA);
  }
  return validator(json) as boolean;
}

/** Validates a calendar file's JSON and builds the calendar; errors name the offending entry. */
export function parseCalendar(json: unknown): WorkingDayCalendar {
  if (!validate(json)) {
    const errs = (validator!.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
    throw new CalendarError(`invalid calendar file: ${errs.join('; ')}`);
  }
  return buildCalendar(json as CalendarFile);
}

/**
 * The calendar of a file already validated by parseCalendar (the pack cache keeps the files it
 * validated, and rebuilds their calendars without loading the validator again).
 */
export function buildCalendar(file: CalendarFile): WorkingDayCalendar {
  const from = parseDateText(file.coverage.from)!;
  const to = parseDateText(file.coverage.to)!;
  if (to < from) throw new CalendarError(`calendar ${file.name}: coverage ends (${file.coverage.to}) before it starts (${file.coverage.from})`);
  const working = new Uint8Array(to - from + 1);
  for (let d = from; d <= to; d++) working[d - from] = file.weekend.includes(isoWeekday(d)) ? 0 : 1;
  const at = (year: string, what: string, iso: string): number => {
    const d = parseDateText(iso)!;
    if (String(toYMD(d).year) !== year) throw new CalendarError(`calendar ${file.name}: years.${year}.${what} has ${iso}, a date of another year`);
    if (d < from || d > to) throw new CalendarError(`calendar ${file.name}: years.${year}.${what} has ${iso}, outside the coverage ${file.coverage.from} .. ${file.coverage.to}`);
    return d - from;
  };
  for (const [year, data] of Object.entries(file.years)) {
    for (const h of data.holidays) working[at(year, 'holidays', h.date)] = 0;
    for (const s of data.substitutes) {
      working[at(year, 'substitutes', s.date)] = 0;
      if (parseDateText(s.for)! > parseDateText(s.date)!) throw new CalendarError(`calendar ${file.name}: substitute day ${s.date} comes before the holiday ${s.for} it replaces`);
    }
  }
  // Transfers come last: a government resolution overrides the weekly pattern and the holiday list.
  for (const [year, data] of Object.entries(file.years)) {
    for (const t of data.transfers) working[at(year, 'transfers', t.date)] = t.becomes === 'working_day' ? 1 : 0;
  }
  return new PrefixSumCalendar(file.name, from, to, working);
}

class PrefixSumCalendar implements WorkingDayCalendar {
  readonly coverage: { readonly from: DayNumber; readonly to: DayNumber };
  /** prefix[i] = working days among the first i days of the coverage. */
  private readonly prefix: Int32Array;

  constructor(readonly name: string, from: DayNumber, to: DayNumber, private readonly working: Uint8Array) {
    this.coverage = { from, to };
    this.prefix = new Int32Array(working.length + 1);
    for (let i = 0; i < working.length; i++) this.prefix[i + 1] = this.prefix[i]! + working[i]!;
  }

  private index(d: DayNumber): number {
    if (!Number.isInteger(d) || d < this.coverage.from || d > this.coverage.to) {
      throw new CalendarError(`the working-day calendar "${this.name}" covers ${formatIsoDate(this.coverage.from)} .. ${formatIsoDate(this.coverage.to)}; ${Number.isInteger(d) ? formatIsoDate(d) : String(d)} is outside it — extend rules/calendars/${this.name}.json`);
    }
    return d - this.coverage.from;
  }

  isWorkingDay(d: DayNumber): boolean {
    return this.working[this.index(d)] === 1;
  }

  workingDaysBetween(a: DayNumber, b: DayNumber): number {
    return this.prefix[this.index(b) + 1]! - this.prefix[this.index(a) + 1]!;
  }

  addWorkingDays(d: DayNumber, n: number): DayNumber {
    if (!Number.isInteger(n)) throw new CalendarError(`a number of working days must be whole, got ${n}`);
    const start = this.index(d);
    if (n === 0) return d;
    // The answer is the first day whose prefix count reaches the target: binary search the prefix sums.
    const target = this.prefix[start + 1]! + n;
    if (n > 0) {
      let lo = start + 1, hi = this.working.length - 1;
      if (hi < lo || this.prefix[hi + 1]! < target) this.index(this.coverage.to + 1);
      while (lo < hi) { const mid = (lo + hi) >> 1; if (this.prefix[mid + 1]! >= target) hi = mid; else lo = mid + 1; }
      return this.coverage.from + lo;
    }
    // n < 0 (rare, small): walk back to the |n|-th working day before d.
    let i = start, left = -n;
    while (left > 0) { i -= 1; if (i < 0) this.index(this.coverage.from - 1); if (this.working[i] === 1) left -= 1; }
    return this.coverage.from + i;
  }
}
