// Runtime values of the rule language. Dates are DayNumbers (plain numbers); the checker's types say
// when a number is a date. Rows, periods, intervals and items are small classes so operators can tell them apart.
import type { DayNumber } from '../core/date.ts';
import type { TypedRow } from '../ingest/types.ts';
import type { PeriodUnit } from '../lang/ast.ts';

/** A row of a sheet bound to a variable; `row` is null for `first(…)` that found nothing (its fields are empty). */
export class RowRef {
  constructor(readonly sheet: string, readonly row: TypedRow | null) {}
  field(column: string): Value {
    const v = this.row?.values[column];
    return v === undefined ? null : (v as Value);
  }
}

/** A closed date interval; `to` null means open-ended. */
export class Interval {
  constructor(readonly from: DayNumber, readonly to: DayNumber | null) {}
}

/** One calendar period of a `per` step: an ISO week, month, quarter, day or year. */
export class Period extends Interval {
  private text: string | null = null;
  constructor(readonly unit: PeriodUnit, from: DayNumber, readonly end: DayNumber, private readonly makeLabel: (p: Period) => string) { super(from, end); }
  /** Computed on first use: a daily period over a year of 300 children is 100k periods, few of them shown. */
  get label(): string { return (this.text ??= this.makeLabel(this)); }
}

/** An `each item` entry: satisfied by any of its alternatives; labelled `a|b`. */
export class Item {
  constructor(readonly label: string, readonly alternatives: readonly Value[]) {}
}

export type Value = null | number | string | boolean | RowRef | Interval | Item | readonly Value[];

export function isEmptyValue(v: Value | undefined): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** The list a value stands for in `in`: a list, an item's alternatives, or nothing. */
export function listOf(v: Value): readonly Value[] | null {
  if (Array.isArray(v)) return v;
  if (v instanceof Item) return v.alternatives;
  return null;
}
