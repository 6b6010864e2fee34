// Expressions → closures over (case env, runtime). Used for lets, wheres, keys and derived facts.
import { bindVar } from './env.ts';
import { enumValueLabel } from './display.ts';
import { addMonths, addYears, ageInMonths, ageInYears, formatIsoDate, parseDateText, toYMD } from '../core/date.ts';
import type { Lang } from '../core/lang.ts';
import type { WorkingDayCalendar } from '../calendar/index.ts';
import { CalendarError } from '../calendar/index.ts';
import type { Expr, LangType, TableDecl } from '../lang/ast.ts';
import type { WorkbookSchema } from '../schema/types.ts';
import { OPERATORS, operatorFor } from './operators.ts';
import { makeRowSelector } from './rows.ts';
import { BUILTINS, bind, slotOf, type Scope } from './scope.ts';
import { NotEvaluatedSignal, type ExprFn } from './types.ts';
import { Interval, Item, Period, RowRef, isEmptyValue, listOf, type Value } from './values.ts';

export interface ExprContext {
  readonly types: ReadonlyMap<Expr, LangType>;
  readonly tables: ReadonlyMap<string, TableDecl>;
  readonly calendars: ReadonlyMap<string, WorkingDayCalendar>;
  readonly defaultCalendar: string | null;
  readonly schema: WorkbookSchema;
}

export class CompileError extends Error {
  override readonly name = 'CompileError';
}

const num = (v: Value): number | null => (typeof v === 'number' ? v : null);

export class ExprCompiler {
  constructor(readonly cx: ExprContext) {}

  /** The checker's type of e, or one inferred from the schema and the expression's shape. */
  typeOf(e: Expr, scope: Scope): LangType | null {
    const t = this.cx.types.get(e);
    if (t) return t;
    switch (e.kind) {
      case 'Literal': return e.type === 'date' ? { t: 'date' } : e.type === 'number' ? { t: 'number' } : e.type === 'bool' ? { t: 'bool' } : { t: 'text' };
      case 'Field': {
        const b = scope.get(e.object);
        const sheet = b?.kind === 'row' ? b.sheet
          : b?.kind === 'let' && b.expr.kind === 'Aggregate' && b.expr.fn === 'first' ? b.expr.sheet
            : e.object === 'facility' ? 'facility' : null;
        const col = sheet ? this.cx.schema.sheets.find((s) => s.id === sheet)?.columns.find((c) => c.id === e.field) : undefined;
        if (!col) return null;
        if (col.type === 'date' || col.type === 'month') return { t: 'date' };
        if (col.type === 'int' || col.type === 'number') return { t: 'number' };
        if (col.type === 'bool') return { t: 'bool' };
        if (col.type === 'enum' && col.enum) return { t: 'enum', enum: col.enum };
        return { t: 'text' };
      }
      case 'Name': {
        if (e.name === 'as_of') return { t: 'date' };
        if (e.name === 'audit_period') return { t: 'interval' };
        const b = scope.get(e.name);
        if (b?.kind === 'let') return this.typeOf(b.expr, scope);
        if (b?.kind === 'value') return b.type;
        if (b?.kind === 'period') return { t: 'period', unit: 'day' };
        return null;
      }
      case 'DateShift': return { t: 'date' };
      case 'Call':
        if (['start', 'end'].includes(e.fn)) return { t: 'date' };
        if (['min', 'max', 'coalesce'].includes(e.fn)) { for (const a of e.args) { const at = this.typeOf(a, scope); if (at) return at; } return null; }
        if (e.fn === 'label') return { t: 'text' };
        return { t: 'number' };
      case 'Aggregate':
        if (e.fn === 'exists' || e.fn === 'every') return { t: 'bool' };
        if (e.fn === 'count') return { t: 'int' };
        if ((e.fn === 'min' || e.fn === 'max' || e.fn === 'sum') && e.select) return this.typeOf(e.select, bind(scope, e.variable, { kind: 'row', sheet: e.sheet }));
        return null;
      case 'TableLookup': {
        const vt = this.cx.tables.get(e.table)?.valueType;
        return vt === 'date' ? { t: 'date' } : vt === 'int' ? { t: 'int' } : vt === 'number' ? { t: 'number' } : vt === 'bool' ? { t: 'bool' } : vt ? { t: 'text' } : null;
      }
      default: return null;
    }
  }

  isDate(e: Expr, scope: Scope): boolean {
    return this.typeOf(e, scope)?.t === 'date';
  }

  compile(e: Expr, scope: Scope): ExprFn {
    switch (e.kind) {
      case 'Literal': {
        const v: Value = e.type === 'date' ? parseDateText(String(e.value)) ?? null : e.type === 'empty' ? null : (e.value as Value);
        return () => v;
      }
      case 'Name': return this.name(e.name, scope);
      case 'Field': {
        const obj = this.name(e.object, scope);
        const field = e.field;
        return (env, rt) => { const o = obj(env, rt); return o instanceof RowRef ? o.field(field) : null; };
      }
      case 'Unary': {
        const f = this.compile(e.operand, scope);
        if (e.op === 'not') return (env, rt) => f(env, rt) !== true;
        return (env, rt) => { const v = num(f(env, rt)); return v === null ? null : -v; };
      }
      case 'Binary': return this.binary(e, scope);
      case 'Compare': {
        const l = this.compile(e.left, scope), r = this.compile(e.right, scope);
        const op = OPERATORS[operatorFor(e.op, this.isDate(e.left, scope) || this.isDate(e.right, scope))]!;
        return (env, rt) => op(l(env, rt), r(env, rt));
      }
      case 'In': {
        const v = this.compile(e.value, scope), l = this.compile(e.list, scope);
        const op = OPERATORS[e.negated ? 'notInList' : 'inList']!;
        return (env, rt) => op(v(env, rt), l(env, rt));
      }
      case 'EmptyTest': {
        const f = this.compile(e.operand, scope);
        return e.present ? (env, rt) => !isEmptyValue(f(env, rt)) : (env, rt) => isEmptyValue(f(env, rt));
      }
      case 'DateShift': return this.dateShift(e, scope);
      case 'Interval': {
        const a = this.compile(e.from, scope), b = this.compile(e.to, scope);
        return (env, rt) => {
          const from = num(a(env, rt)); const to = num(b(env, rt));
          return from === null ? null : new Interval(from, to);
        };
      }
      case 'Call': return this.call(e.fn, e.args.map((a) => this.compile(a, scope)), e, scope);
      case 'Aggregate': return this.aggregate(e, scope);
      case 'TableLookup': return this.lookup(e, scope);
      case 'List': {
        const parts = e.elements.map((x) => this.compile(x, scope));
        return (env, rt) => parts.map((p) => p(env, rt));
      }
    }
  }

  private name(name: string, scope: Scope): ExprFn {
    const b = scope.get(name);
    if (b) { const slot = b.slot; return (env) => env[slot] ?? null; }
    if (name === 'as_of') return (_env, rt) => rt.asOf;
    if (name === 'audit_period') return (_env, rt) => rt.auditPeriod;
    if (name === 'facility') return (_env, rt) => rt.facility;
    if (BUILTINS.has(name)) throw new CompileError(`unknown built-in ${name}`);
    return () => name; // a bare enum code, resolved by the checker against the other operand's type
  }

  private binary(e: Extract<Expr, { kind: 'Binary' }>, scope: Scope): ExprFn {
    const l = this.compile(e.left, scope), r = this.compile(e.right, scope);
    switch (e.op) {
      case 'and': return (env, rt) => l(env, rt) === true && r(env, rt) === true;
      case 'or': return (env, rt) => l(env, rt) === true || r(env, rt) === true;
      case '∩': return (env, rt) => intersect(l(env, rt), r(env, rt));
      default: {
        const op = e.op;
        return (env, rt) => {
          const a = num(l(env, rt)), b = num(r(env, rt));
          if (a === null || b === null) return null;
          return op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : b === 0 ? null : a / b;
        };
      }
    }
  }

  private calendar(name: string | null): WorkingDayCalendar {
    const id = name ?? this.cx.defaultCalendar;
    if (!id) throw new CompileError('`working days` needs a calendar: declare `calendar kz` in the ruleset or write `on kz`');
    const cal = this.cx.calendars.get(id);
    if (!cal) throw new CompileError(`calendar "${id}" is not loaded (rules/calendars/${id}.json)`);
    return cal;
  }

  private dateShift(e: Extract<Expr, { kind: 'DateShift' }>, scope: Scope): ExprFn {
    const d = this.compile(e.date, scope), n = this.compile(e.amount, scope);
    const sign = e.sign;
    const cal = e.unit === 'working days' ? this.calendar(e.calendar) : null;
    return (env, rt) => {
      const date = num(d(env, rt)), amount = num(n(env, rt));
      if (date === null || amount === null) return null;
      switch (e.unit) {
        case 'days': return date + sign * amount;
        case 'months': return addMonths(date, sign * amount);
        case 'years': return addYears(date, sign * amount);
        case 'working days': return guardCalendar(() => cal!.addWorkingDays(date, sign * amount));
      }
    };
  }

  private call(fn: string, args: ExprFn[], e: Expr, scope: Scope): ExprFn {
    const [a, b] = args;
    const two = (f: (x: number, y: number) => Value): ExprFn => (env, rt) => {
      const x = num(a!(env, rt)), y = num(b!(env, rt));
      return x === null || y === null ? null : f(x, y);
    };
    switch (fn) {
      case 'age_years': return two(ageInYears);
      case 'age_months': return two(ageInMonths);
      case 'days_between': return two((x, y) => y - x);
      case 'working_days_between': {
        const cal = this.calendar(e.kind === 'Call' && e.args[2]?.kind === 'Name' ? e.args[2].name : null);
        return two((x, y) => guardCalendar(() => cal.workingDaysBetween(x, y)));
      }
      case 'start': return (env, rt) => { const p = a!(env, rt); return p instanceof Interval ? p.from : null; };
      case 'end': return (env, rt) => { const p = a!(env, rt); return p instanceof Interval ? p.to : null; };
      case 'label': return (env, rt) => {
        const p = a!(env, rt);
        if (p instanceof Period || p instanceof Item) return p.label;
        return p instanceof Interval ? `${formatIsoDate(p.from)} .. ${p.to === null ? '' : formatIsoDate(p.to)}` : null;
      };
      case 'min': case 'max': {
        const pick = fn === 'min' ? Math.min : Math.max;
        return (env, rt) => {
          const vals = args.map((f) => num(f(env, rt)));
          return vals.some((v) => v === null) ? null : pick(...(vals as number[]));
        };
      }
      case 'coalesce': return (env, rt) => { for (const f of args) { const v = f(env, rt); if (!isEmptyValue(v)) return v; } return null; };
      case 'year': return (env, rt) => { const d = num(a!(env, rt)); return d === null ? null : toYMD(d).year; };
      case 'length': return (env, rt) => { const l = listOf(a!(env, rt)); return l === null ? 0 : l.length; };
      default: throw new CompileError(`unknown function ${fn}()`);
    }
  }

  private aggregate(e: Extract<Expr, { kind: 'Aggregate' }>, scope: Scope): ExprFn {
    const inner = bind(scope, e.variable, { kind: 'row', sheet: e.sheet });
    const slot = slotOf(inner, e.variable);
    const selector = makeRowSelector(e.sheet, e.variable, slot, e.where, (x) => this.compile(x, inner));
    const sel = e.select ? this.compile(e.select, inner) : null;
    const sheet = e.sheet;
    const values = (env: Parameters<ExprFn>[0], rt: Parameters<ExprFn>[1]): Value[] =>
      selector.select(env, rt).map((row) => sel!(bindVar(env, slot, new RowRef(sheet, row)), rt)).filter((x) => !isEmptyValue(x));
    switch (e.fn) {
      case 'count': return (env, rt) => selector.count(env, rt);
      case 'exists': return (env, rt) => selector.exists(env, rt);
      case 'first': return (env, rt) => new RowRef(sheet, selector.select(env, rt)[0] ?? null);
      case 'every': return (env, rt) => selector.select(env, rt).every((row) => sel!(bindVar(env, slot, new RowRef(sheet, row)), rt) === true);
      case 'sum': return (env, rt) => values(env, rt).reduce<number>((s, x) => s + (num(x) ?? 0), 0);
      case 'min': case 'max': return (env, rt) => {
        const xs = values(env, rt).filter((x): x is number => typeof x === 'number');
        return xs.length === 0 ? null : e.fn === 'min' ? Math.min(...xs) : Math.max(...xs);
      };
      case 'distinct': return (env, rt) => {
        const out = new Map<string, Value>();
        for (const x of values(env, rt)) for (const y of Array.isArray(x) ? x : [x]) out.set(`${typeof y}:${String(y)}`, y);
        return [...out.values()].sort((p, q) => (typeof p === 'number' && typeof q === 'number' ? p - q : String(p) < String(q) ? -1 : String(p) > String(q) ? 1 : 0));
      };
    }
  }

  private lookup(e: Extract<Expr, { kind: 'TableLookup' }>, scope: Scope): ExprFn {
    const table = this.cx.tables.get(e.table);
    if (!table) throw new CompileError(`unknown parameter table ${e.table}`);
    const entries = new Map<string, ExprFn | null>();
    for (const en of table.entries) entries.set(en.key, en.value ? this.compile(en.value, new Map()) : null);
    const key = this.compile(e.key, scope);
    const name = e.table;
    const keyEnum = table.keyEnum;
    return (env, rt) => {
      let k = key(env, rt);
      // An `each item` variable with one alternative stands for that value.
      if (k instanceof Item && k.alternatives.length === 1) k = k.alternatives[0]!;
      if (isEmptyValue(k)) return null;
      if (typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'boolean') {
        throw new CompileError(`parameter table ${name}: the key must be a single value, got ${k instanceof Item ? `the item ${k.label}` : 'a list or row'}`);
      }
      const f = entries.get(String(k));
      if (f === undefined || f === null) {
        const what = f === undefined ? 'has no entry' : 'has no value (`_`)';
        // The key by its label, with the code the rule pack's table is written in.
        const key = (lang: Lang) => { const label = enumValueLabel(this.cx.schema, keyEnum, String(k), lang); return label === String(k) ? label : `${label} (${String(k)})`; };
        throw new NotEvaluatedSignal({
          kk: `«${name}» параметр кестесінде «${key('kk')}» мәні толтырылмаған`,
          ru: `В таблице параметров «${name}» не заполнено значение для «${key('ru')}»`,
          en: `parameter table ${name} ${what} for ${key('en')}; fill it in the rule pack`,
        });
      }
      return f(env, rt);
    };
  }
}

function intersect(a: Value, b: Value): Value {
  if (!(a instanceof Interval) || !(b instanceof Interval)) return null;
  const from = Math.max(a.from, b.from);
  const to = a.to === null ? b.to : b.to === null ? a.to : Math.min(a.to, b.to);
  if (to !== null && to < from) return null;
  return new Interval(from, to);
}

function guardCalendar(f: () => number): number {
  try {
    return f();
  } catch (err) {
    if (err instanceof CalendarError) {
      throw new NotEvaluatedSignal({
        kk: `Жұмыс күндерінің күнтізбесі бұл күнді қамтымайды: ${err.message}`,
        ru: `Календарь рабочих дней не охватывает дату: ${err.message}`,
        en: err.message,
      });
    }
    throw err;
  }
}
