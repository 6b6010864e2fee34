// Built-in names and functions of the rule language, with their signatures. The checker types calls
// against these; the compiler (src/compile) implements exactly these.
import type { LangType } from './ast.ts';
import { T, isDateRange, isNumeric, isOpen } from './types.ts';

/** Names every rule can use without declaring them. */
export const BUILTIN_NAMES: ReadonlyMap<string, LangType> = new Map<string, LangType>([
  ['audit_period', T.interval],
  ['as_of', T.date],
  ['facility', { t: 'row', sheet: 'facility' }],
]);

/** What an argument must be. `range`: a period variable or a date interval. */
export type ParamKind = 'date' | 'number' | 'range' | 'period' | 'list' | 'any' | 'calendar';

export interface BuiltinFunction {
  readonly name: string;
  readonly params: readonly ParamKind[];
  /** Trailing parameters that may be left out. */
  readonly optional?: number;
  /** The last parameter repeats (coalesce). */
  readonly variadic?: boolean;
  readonly returns: (args: readonly LangType[]) => LangType;
  readonly doc: string;
}

const fixed = (t: LangType) => () => t;
const widest = (args: readonly LangType[]): LangType => args.find((a) => !isOpen(a)) ?? T.any;

export const BUILTIN_FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = new Map([
  { name: 'age_years', params: ['date', 'date'], returns: fixed(T.int), doc: 'whole years from birth to the date' },
  { name: 'age_months', params: ['date', 'date'], returns: fixed(T.int), doc: 'whole months from birth to the date' },
  { name: 'days_between', params: ['date', 'date'], returns: fixed(T.int), doc: 'b − a in calendar days' },
  { name: 'working_days_between', params: ['date', 'date', 'calendar'], optional: 1, returns: fixed(T.int), doc: 'working days d with a < d ≤ b on the ruleset calendar (or the one named)' },
  { name: 'start', params: ['range'], returns: fixed(T.date), doc: 'first day of a period or range' },
  { name: 'end', params: ['range'], returns: fixed(T.date), doc: 'last day of a period or range (empty when open-ended)' },
  { name: 'label', params: ['period'], returns: fixed(T.text), doc: 'the period label: 2010-W07, 2010-03, 2010-Q2, 2010-03-21, 2010' },
  { name: 'min', params: ['any', 'any'], returns: widest, doc: 'the smaller of two numbers or dates' },
  { name: 'max', params: ['any', 'any'], returns: widest, doc: 'the larger of two numbers or dates' },
  { name: 'coalesce', params: ['any', 'any'], variadic: true, returns: widest, doc: 'the first value that is not empty' },
  { name: 'year', params: ['date'], returns: fixed(T.int), doc: 'the year of a date' },
  { name: 'length', params: ['list'], returns: fixed(T.int), doc: 'number of elements of a list' },
].map((f) => [f.name, f as BuiltinFunction]));

/** Whether an argument type fits a parameter kind (empty fits everything: the call's result is then empty). */
export function fitsParam(kind: ParamKind, t: LangType): boolean {
  if (isOpen(t)) return true;
  switch (kind) {
    case 'date': return t.t === 'date';
    case 'number': return isNumeric(t);
    case 'range': return isDateRange(t);
    case 'period': return t.t === 'period';
    case 'list': return t.t === 'list';
    case 'any': return t.t !== 'row';
    case 'calendar': return true;
  }
}

/** Aggregates over a sheet: whether they take `: EXPR`, and what they return. */
export const AGGREGATE_SIGNATURES: ReadonlyMap<string, { readonly select: 'none' | 'required'; readonly returns: (sheet: string, select: LangType | null) => LangType }> = new Map([
  ['count', { select: 'none', returns: () => T.int }],
  ['exists', { select: 'none', returns: () => T.bool }],
  ['first', { select: 'none', returns: (sheet: string) => ({ t: 'row', sheet }) as LangType }],
  ['every', { select: 'required', returns: () => T.bool }],
  ['sum', { select: 'required', returns: (_s: string, sel: LangType | null) => (sel?.t === 'int' ? T.int : T.number) }],
  ['min', { select: 'required', returns: (_s: string, sel: LangType | null) => sel ?? T.any }],
  ['max', { select: 'required', returns: (_s: string, sel: LangType | null) => sel ?? T.any }],
  ['distinct', { select: 'required', returns: (_s: string, sel: LangType | null) => ({ t: 'list', of: sel ?? T.any }) as LangType }],
] as const);
