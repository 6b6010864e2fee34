// The custom operators of compiled conditions. The fast evaluator and json-rules-engine (reference
// path) both call these very functions, so the two paths cannot disagree on a comparison.
// Empty semantics (docs/syntax-sketch.md): a comparison with an empty operand is false.
import { parseDateText, type DayNumber } from '../core/date.ts';
import { Interval, Item, RowRef, isEmptyValue, listOf, type Value } from './values.ts';

export type OperatorFn = (fact: Value, value: Value) => boolean;

/** A date in compiled JSON is ISO text; at run time it is a DayNumber. */
function asDate(v: Value): DayNumber | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return parseDateText(v) ?? null;
  return null;
}

function same(a: Value, b: Value): boolean {
  if (isEmptyValue(a) || isEmptyValue(b)) return false;
  if (a instanceof Item) return a.alternatives.some((x) => same(x, b));
  if (b instanceof Item) return b.alternatives.some((x) => same(a, x));
  if (a instanceof RowRef || b instanceof RowRef) return a instanceof RowRef && b instanceof RowRef && a.row === b.row;
  if (a instanceof Interval || b instanceof Interval) {
    return a instanceof Interval && b instanceof Interval && a.from === b.from && a.to === b.to;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]!));
  }
  return a === b;
}

function order(a: Value, b: Value): number | null {
  if (isEmptyValue(a) || isEmptyValue(b)) return null;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function orderDates(a: Value, b: Value): number | null {
  const x = asDate(a);
  const y = asDate(b);
  return x === null || y === null ? null : x - y;
}

function sameDate(a: Value, b: Value): boolean {
  const x = asDate(a);
  const y = asDate(b);
  return x !== null && y !== null && x === y;
}

/** `d within p`: p an interval/period (open end allowed), or a JSON `[from, to]` pair of ISO dates. */
export function within(fact: Value, value: Value): boolean {
  const d = asDate(fact);
  if (d === null) return false;
  if (value instanceof Interval) return d >= value.from && (value.to === null || d <= value.to);
  if (Array.isArray(value) && value.length === 2) {
    const from = asDate(value[0]!);
    const to = value[1] === null ? null : asDate(value[1]!);
    return from !== null && d >= from && (to === null || d <= to);
  }
  return false;
}

function inList(fact: Value, value: Value): boolean {
  if (isEmptyValue(fact)) return false;
  const list = listOf(value);
  if (list === null) return false;
  // `code in c.contraindications`: a single value in a list column; `[a, b] in …` is not in the language.
  return list.some((x) => same(fact, x));
}

export const OPERATORS: Readonly<Record<string, OperatorFn>> = Object.freeze({
  eq: same,
  ne: (a, b) => !isEmptyValue(a) && !isEmptyValue(b) && !same(a, b),
  lt: (a, b) => { const c = order(a, b); return c !== null && c < 0; },
  le: (a, b) => { const c = order(a, b); return c !== null && c <= 0; },
  gt: (a, b) => { const c = order(a, b); return c !== null && c > 0; },
  ge: (a, b) => { const c = order(a, b); return c !== null && c >= 0; },
  dateEq: sameDate,
  dateNe: (a, b) => { const c = orderDates(a, b); return c !== null && c !== 0; },
  dateBefore: (a, b) => { const c = orderDates(a, b); return c !== null && c < 0; },
  dateOnOrBefore: (a, b) => { const c = orderDates(a, b); return c !== null && c <= 0; },
  dateAfter: (a, b) => { const c = orderDates(a, b); return c !== null && c > 0; },
  dateOnOrAfter: (a, b) => { const c = orderDates(a, b); return c !== null && c >= 0; },
  within,
  // Not json-rules-engine's built-in `in`/`contains`: these follow the empty rule and item alternatives.
  inList,
  /** `code in c.contraindications` with the list as the fact: the list contains the value. */
  listContains: (a, b) => inList(b, a),
  listNotContains: (a, b) => !isEmptyValue(b) && listOf(a) !== null && !inList(b, a),
  notInList: (a, b) => !isEmptyValue(a) && listOf(b) !== null && !inList(a, b),
  isEmpty: (a) => isEmptyValue(a),
  isPresent: (a) => !isEmptyValue(a),
  isTrue: (a, b) => a === (b === false ? false : true),
});

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'within';

/** The operator name for a comparison; dates get the date family so ISO literals in JSON compare right. */
export function operatorFor(op: ComparisonOp, dates: boolean): string {
  if (op === 'within') return 'within';
  if (dates) return ({ '=': 'dateEq', '!=': 'dateNe', '<': 'dateBefore', '<=': 'dateOnOrBefore', '>': 'dateAfter', '>=': 'dateOnOrAfter' } as const)[op];
  return ({ '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' } as const)[op];
}

/** `a < b` read as `b > a`, for putting the fact on the left. */
export function flip(op: ComparisonOp): ComparisonOp {
  return ({ '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=', within: 'within' } as const)[op];
}
