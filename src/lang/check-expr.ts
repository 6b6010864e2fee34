// Typing of expressions against the workbook schema. Bare names that are not in scope are enum codes
// whose enum is decided by the other side (`g.skill_level = self_care`, `x.document in d`,
// `limit[self_care]`); a code that no context resolves is reported as an unknown name.
import type { Diagnostic, Expr, LangType, NameRef, Span, TableDecl } from './ast.ts';
import type { ColumnDef, EnumDef, SheetDef, WorkbookSchema } from '../schema/types.ts';
import { AGGREGATE_SIGNATURES, BUILTIN_FUNCTIONS, fitsParam } from './builtins.ts';
import { suggestion } from '../core/did-you-mean.ts';
import { error, q, t3, type Text3 } from './messages.ts';
import { T, columnType, comparable, describeType, isDateRange, isNumeric, isOpen, ordered } from './types.ts';

/** Enum codes written as bare names, waiting for a context that says which enum they belong to. */
export interface Codes { readonly t: 'codes'; readonly refs: readonly NameRef[]; readonly item?: boolean }
export type Ty = LangType | Codes;

export interface Env {
  readonly parent: Env | null;
  readonly names: Map<string, Ty>;
}
export const childEnv = (parent: Env | null): Env => ({ parent, names: new Map() });
export function lookup(env: Env | null, name: string): Ty | undefined {
  for (let e = env; e; e = e.parent) { const t = e.names.get(name); if (t) return t; }
  return undefined;
}
export function namesInScope(env: Env | null): string[] {
  const out: string[] = [];
  for (let e = env; e; e = e.parent) out.push(...e.names.keys());
  return out;
}

/** What the checker knows while checking one rule. */
export interface RuleScope {
  readonly schema: WorkbookSchema;
  readonly sheets: ReadonlyMap<string, SheetDef>;
  readonly enums: ReadonlyMap<string, EnumDef>;
  readonly tables: ReadonlyMap<string, TableDecl>;
  readonly hasCalendar: boolean;
  readonly types: Map<Expr, LangType>;
  readonly needs: { readonly sheets: Set<string>; readonly columns: Set<string>; readonly tables: Set<string> };
  readonly diagnostics: Diagnostic[];
  /** Codes already checked against an enum (an item variable may be used several times). */
  readonly resolved: Set<NameRef>;
}

const err = (s: RuleScope, code: string, span: Span, m: Text3) => { s.diagnostics.push(error(code, span, m)); };
const show = (t: Ty): Text3 => (t.t === 'codes' ? t3('a code', 'код', 'код') : describeType(t));

export function column(s: RuleScope, sheet: string, col: string, span: Span): ColumnDef | undefined {
  const def = s.sheets.get(sheet);
  const c = def?.columns.find((x) => x.id === col);
  if (def && !c) {
    const dym = suggestion(col, def.columns.map((x) => x.id));
    err(s, 'unknown-column', span, t3(`sheet ${sheet} has no column ${q(col)}${dym.en}`, `на листе ${sheet} нет столбца ${q(col)}${dym.ru}`, `${sheet} парағында ${q(col)} бағаны жоқ${dym.kk}`));
  }
  return c;
}

export function knownSheet(s: RuleScope, sheet: string, span: Span): boolean {
  if (s.sheets.has(sheet)) { s.needs.sheets.add(sheet); return true; }
  const dym = suggestion(sheet, s.sheets.keys());
  err(s, 'unknown-sheet', span, t3(`there is no sheet ${q(sheet)} in the workbook${dym.en}`, `в книге нет листа ${q(sheet)}${dym.ru}`, `жұмыс кітабында ${q(sheet)} парағы жоқ${dym.kk}`));
  return false;
}

/** Checks each pending code against an enum (or accepts it where any value would do). */
export function resolveCodes(s: RuleScope, ty: Ty, against: LangType, env: Env | null = null): LangType {
  if (ty.t !== 'codes') return ty;
  const target = against.t === 'list' ? against.of : against;
  if (target.t !== 'enum') {
    for (const r of ty.refs) if (!s.resolved.has(r)) { s.resolved.add(r); unknownName(s, r, env); }
    return ty.item ? T.item : T.any;
  }
  const e = s.enums.get(target.enum);
  for (const r of ty.refs) {
    if (s.resolved.has(r)) continue;
    s.resolved.add(r);
    if (e && !e.values.some((v) => v.code === r.name)) {
      const dym = suggestion(r.name, e.values.map((v) => v.code));
      err(s, 'unknown-enum-value', r.span, t3(`${q(r.name)} is not a ${target.enum} code${dym.en}`, `${q(r.name)} — не код из списка ${target.enum}${dym.ru}`, `${q(r.name)} — ${target.enum} тізімінің коды емес${dym.kk}`));
    }
    s.types.set(r, target);
  }
  return ty.item ? T.item : target;
}

export function unknownName(s: RuleScope, r: NameRef, env: Env | null): void {
  if (s.tables.has(r.name)) {
    err(s, 'table-without-key', r.span, t3(`${q(r.name)} is a table: write ${r.name}[key]`, `${q(r.name)} — таблица: пишите ${r.name}[ключ]`, `${q(r.name)} — кесте: ${r.name}[кілт] деп жазыңыз`));
    return;
  }
  if (s.sheets.has(r.name)) {
    err(s, 'sheet-as-value', r.span, t3(`${q(r.name)} is a sheet: go through its rows with 'for' or count them with count(${r.name} x where …)`,
      `${q(r.name)} — лист: перебирайте его строки через 'for' или считайте через count(${r.name} x where …)`,
      `${q(r.name)} — парақ: жолдарын 'for' арқылы қараңыз немесе count(${r.name} x where …) арқылы санаңыз`));
    return;
  }
  const dym = suggestion(r.name, namesInScope(env));
  err(s, 'unknown-name', r.span, t3(`unknown name ${q(r.name)}${dym.en}`, `неизвестное имя ${q(r.name)}${dym.ru}`, `белгісіз атау ${q(r.name)}${dym.kk}`));
}

/** Settles a type where no enum context exists: a pending code there is an unknown name. */
export function settle(s: RuleScope, ty: Ty, env: Env): LangType {
  if (ty.t !== 'codes') return ty;
  for (const r of ty.refs) if (!s.resolved.has(r)) { s.resolved.add(r); unknownName(s, r, env); }
  return ty.item ? T.item : T.any;
}

export function expectType(s: RuleScope, e: Expr, env: Env, ok: (t: LangType) => boolean, want: Text3, where: Text3): LangType {
  const t = settle(s, infer(s, e, env), env);
  if (!isOpen(t) && !ok(t)) {
    err(s, 'type-mismatch', e.span, t3(`${where.en} needs ${want.en}, but this is ${describeType(t).en}`, `${where.ru}: нужно ${want.ru}, а здесь ${describeType(t).ru}`, `${where.kk}: ${want.kk} керек, ал мұнда ${describeType(t).kk}`));
  }
  return t;
}

export const BOOL = t3('a yes/no condition', 'условие (да/нет)', 'шарт (иә/жоқ)');
export const expectBool = (s: RuleScope, e: Expr, env: Env, where: Text3) => expectType(s, e, env, (t) => t.t === 'bool', BOOL, where);

export function infer(s: RuleScope, e: Expr, env: Env): Ty {
  const ty = inferInner(s, e, env);
  s.types.set(e, ty.t === 'codes' ? T.any : ty);
  return ty;
}

function inferInner(s: RuleScope, e: Expr, env: Env): Ty {
  switch (e.kind) {
    case 'Literal': return e.type === 'number' ? (Number.isInteger(e.value) ? T.int : T.number) : T[e.type];
    case 'Name': {
      const t = lookup(env, e.name);
      if (t) {
        if (t.t === 'row') s.needs.sheets.add(t.sheet);
        return t;
      }
      return { t: 'codes', refs: [e] };
    }
    case 'Field': {
      const obj = lookup(env, e.object);
      if (!obj) {
        const dym = suggestion(e.object, namesInScope(env));
        err(s, 'unknown-name', e.span, t3(`unknown name ${q(e.object)} before '.${e.field}'${dym.en}`, `неизвестное имя ${q(e.object)} перед '.${e.field}'${dym.ru}`, `'.${e.field}' алдында белгісіз атау ${q(e.object)}${dym.kk}`));
        return T.any;
      }
      // Already reported where the name was bound (e.g. an unknown sheet).
      if (obj.t === 'any') return T.any;
      if (obj.t !== 'row') {
        err(s, 'not-a-row', e.span, t3(`${q(e.object)} is ${show(obj).en}, not a row: it has no field ${q(e.field)}`, `${q(e.object)} — ${show(obj).ru}, а не строка: у него нет поля ${q(e.field)}`, `${q(e.object)} — ${show(obj).kk}, жол емес: онда ${q(e.field)} өрісі жоқ`));
        return T.any;
      }
      const c = column(s, obj.sheet, e.field, e.span);
      if (!c) return T.any;
      s.needs.sheets.add(obj.sheet);
      s.needs.columns.add(`${obj.sheet}.${e.field}`);
      return columnType(c);
    }
    case 'Unary':
      if (e.op === 'not') { expectBool(s, e.operand, env, t3("'not'", "'not'", "'not'")); return T.bool; }
      return expectType(s, e.operand, env, isNumeric, t3('a number', 'число', 'сан'), t3("'-'", "'-'", "'-'"));
    case 'Binary': return inferBinary(s, e, env);
    case 'Compare': return inferCompare(s, e, env);
    case 'In': {
      const v = infer(s, e.value, env);
      const l = infer(s, e.list, env);
      if (l.t === 'codes') {
        resolveCodes(s, l, v.t === 'codes' ? settle(s, v, env) : v, env);
      } else if (l.t === 'list' || l.t === 'item') {
        if (v.t === 'codes') resolveCodes(s, v, l.t === 'list' ? l : T.any, env);
        else if (l.t === 'list' && !comparable(v, l.of)) mismatch(s, e, v, l);
      } else {
        settle(s, v, env);
        if (!isOpen(l)) {
          err(s, 'type-mismatch', e.list.span, t3(`'in' needs a list like [a, b], a list column or an item, but this is ${describeType(l).en}`,
            `'in' требует список [a, b], столбец-список или пункт, а здесь ${describeType(l).ru}`, `'in' тізімді [a, b], тізім бағанын немесе тармақты қажет етеді, ал мұнда ${describeType(l).kk}`));
        }
      }
      return T.bool;
    }
    case 'EmptyTest': settle(s, infer(s, e.operand, env), env); return T.bool;
    case 'DateShift': {
      expectType(s, e.date, env, (t) => t.t === 'date', t3('a date', 'дата', 'күн'), t3(`'${e.sign > 0 ? '+' : '-'} … ${e.unit}'`, `'${e.sign > 0 ? '+' : '-'} … ${e.unit}'`, `'${e.sign > 0 ? '+' : '-'} … ${e.unit}'`));
      expectType(s, e.amount, env, isNumeric, t3('a number', 'число', 'сан'), t3(`the amount of ${e.unit}`, `количество (${e.unit})`, `${e.unit} саны`));
      if (e.unit === 'working days' && !e.calendar && !s.hasCalendar) {
        err(s, 'no-calendar', e.span, t3("'working days' need a working-day calendar: add 'calendar kz' to the ruleset header or write 'working days on kz'",
          "для 'working days' нужен календарь рабочих дней: добавьте 'calendar kz' в заголовок ruleset или пишите 'working days on kz'",
          "'working days' үшін жұмыс күндерінің күнтізбесі керек: ruleset тақырыбына 'calendar kz' қосыңыз немесе 'working days on kz' деп жазыңыз"));
      }
      return T.date;
    }
    case 'Interval': {
      const where = t3("a date range 'a .. b'", "диапазон дат 'a .. b'", "'a .. b' күндер аралығы");
      expectType(s, e.from, env, (t) => t.t === 'date', t3('a date', 'дата', 'күн'), where);
      expectType(s, e.to, env, (t) => t.t === 'date', t3('a date', 'дата', 'күн'), where);
      return T.interval;
    }
    case 'Call': return inferCall(s, e, env);
    case 'Aggregate': return inferAggregate(s, e, env);
    case 'TableLookup': {
      const table = s.tables.get(e.table);
      if (!table) {
        const dym = suggestion(e.table, s.tables.keys());
        err(s, 'unknown-table', e.span, t3(`there is no table ${q(e.table)}${dym.en}`, `нет таблицы ${q(e.table)}${dym.ru}`, `${q(e.table)} кестесі жоқ${dym.kk}`));
        infer(s, e.key, env);   // a bare key is a code of the unknown table's enum: nothing more to say
        return T.any;
      }
      s.needs.tables.add(e.table);
      const enumType: LangType = { t: 'enum', enum: table.keyEnum };
      const k = infer(s, e.key, env);
      if (k.t === 'codes') resolveCodes(s, k, enumType, env);
      else if (!isOpen(k) && !(k.t === 'enum' && k.enum === table.keyEnum) && k.t !== 'item') {
        err(s, 'type-mismatch', e.key.span, t3(`table ${e.table} is looked up by a ${table.keyEnum} code, but this is ${describeType(k).en}`,
          `таблица ${e.table} ищется по коду ${table.keyEnum}, а здесь ${describeType(k).ru}`, `${e.table} кестесі ${table.keyEnum} коды бойынша ізделеді, ал мұнда ${describeType(k).kk}`));
      }
      return table.valueType === 'int' ? T.int : table.valueType === 'number' ? T.number : table.valueType === 'date' ? T.date : table.valueType === 'bool' ? T.bool : T.text;
    }
    case 'List': {
      const elems = e.elements.map((x) => infer(s, x, env));
      if (elems.length > 0 && elems.every((x) => x.t === 'codes')) return { t: 'codes', refs: elems.flatMap((x) => (x as Codes).refs) };
      const known = elems.filter((x): x is LangType => x.t !== 'codes');
      for (const x of elems) if (x.t === 'codes') resolveCodes(s, x, known[0] ?? T.any, env);
      return { t: 'list', of: known.find((x) => !isOpen(x)) ?? T.any };
    }
  }
}

function mismatch(s: RuleScope, e: Expr, a: Ty, b: Ty): void {
  err(s, 'type-mismatch', e.span, t3(`cannot compare ${show(a).en} with ${show(b).en}`, `нельзя сравнить: ${show(a).ru} и ${show(b).ru}`, `салыстыруға болмайды: ${show(a).kk} және ${show(b).kk}`));
}

function inferBinary(s: RuleScope, e: Extract<Expr, { kind: 'Binary' }>, env: Env): Ty {
  const opText = t3(`'${e.op}'`, `'${e.op}'`, `'${e.op}'`);
  if (e.op === 'and' || e.op === 'or') {
    expectBool(s, e.left, env, opText);
    expectBool(s, e.right, env, opText);
    return T.bool;
  }
  if (e.op === '∩') {
    const want = t3('a period or a date range', 'период или диапазон дат', 'кезең немесе күндер аралығы');
    expectType(s, e.left, env, isDateRange, want, opText);
    expectType(s, e.right, env, isDateRange, want, opText);
    return T.interval;
  }
  const l = settle(s, infer(s, e.left, env), env);
  const r = settle(s, infer(s, e.right, env), env);
  if (l.t === 'date' || r.t === 'date') {
    err(s, 'type-mismatch', e.span, t3(`dates cannot be used with '${e.op}': write 'd + 14 days' to shift a date, days_between(a, b) for a difference`,
      `с датами нельзя '${e.op}': пишите 'd + 14 days' для сдвига даты, days_between(a, b) для разницы`,
      `күндермен '${e.op}' болмайды: күнді жылжыту үшін 'd + 14 days', айырма үшін days_between(a, b) жазыңыз`));
    return T.any;
  }
  for (const [x, t] of [[e.left, l], [e.right, r]] as const) {
    if (!isOpen(t) && !isNumeric(t)) err(s, 'type-mismatch', x.span, t3(`'${e.op}' needs numbers, but this is ${describeType(t).en}`, `'${e.op}' требует чисел, а здесь ${describeType(t).ru}`, `'${e.op}' сандарды қажет етеді, ал мұнда ${describeType(t).kk}`));
  }
  return l.t === 'int' && r.t === 'int' && e.op !== '/' ? T.int : T.number;
}

function inferCompare(s: RuleScope, e: Extract<Expr, { kind: 'Compare' }>, env: Env): Ty {
  if (e.op === 'within') {
    expectType(s, e.left, env, (t) => t.t === 'date', t3('a date', 'дата', 'күн'), t3("'within'", "'within'", "'within'"));
    expectType(s, e.right, env, isDateRange, t3('a period or a date range a .. b', 'период или диапазон дат a .. b', 'кезең немесе a .. b күндер аралығы'), t3("'within'", "'within'", "'within'"));
    return T.bool;
  }
  let l = infer(s, e.left, env);
  let r = infer(s, e.right, env);
  if (l.t === 'codes' && r.t !== 'codes') l = resolveCodes(s, l, r, env);
  else if (r.t === 'codes') { l = settle(s, l, env); r = resolveCodes(s, r, l, env); }
  checkTextAgainstEnum(s, e.left, l, e.right);
  checkTextAgainstEnum(s, e.right, r, e.left);
  const lt = l as LangType;
  const rt = r as LangType;
  if (e.op === '=' || e.op === '!=') { if (!comparable(lt, rt)) mismatch(s, e, lt, rt); }
  else if (!ordered(lt, rt)) {
    err(s, 'type-mismatch', e.span, t3(`'${e.op}' compares two numbers or two dates, not ${describeType(lt).en} and ${describeType(rt).en}`,
      `'${e.op}' сравнивает два числа или две даты, а не ${describeType(lt).ru} и ${describeType(rt).ru}`,
      `'${e.op}' екі санды немесе екі күнді салыстырады, ${describeType(lt).kk} және ${describeType(rt).kk} емес`));
  }
  return T.bool;
}

/** `g.age_band = "3-5"`: a quoted text compared with an enum must be one of its codes. */
function checkTextAgainstEnum(s: RuleScope, _side: Expr, t: Ty, other: Expr): void {
  if (t.t !== 'enum' || other.kind !== 'Literal' || other.type !== 'text') return;
  const e = s.enums.get(t.enum);
  if (e && !e.values.some((v) => v.code === other.value)) {
    const dym = suggestion(String(other.value), e.values.map((v) => v.code));
    err(s, 'unknown-enum-value', other.span, t3(`${q(String(other.value))} is not a ${t.enum} code${dym.en}`, `${q(String(other.value))} — не код из списка ${t.enum}${dym.ru}`, `${q(String(other.value))} — ${t.enum} тізімінің коды емес${dym.kk}`));
  }
}

function inferCall(s: RuleScope, e: Extract<Expr, { kind: 'Call' }>, env: Env): Ty {
  const f = BUILTIN_FUNCTIONS.get(e.fn);
  if (!f) {
    const dym = suggestion(e.fn, [...BUILTIN_FUNCTIONS.keys(), ...AGGREGATE_SIGNATURES.keys()]);
    err(s, 'unknown-function', e.span, t3(`there is no function ${q(e.fn)}${dym.en}`, `нет функции ${q(e.fn)}${dym.ru}`, `${q(e.fn)} функциясы жоқ${dym.kk}`));
    for (const a of e.args) settle(s, infer(s, a, env), env);
    return T.any;
  }
  const min = f.params.length - (f.optional ?? 0);
  if (e.args.length < min || (!f.variadic && e.args.length > f.params.length)) {
    const n = f.optional ? `${min}–${f.params.length}` : f.variadic ? `${min}+` : String(min);
    err(s, 'wrong-arguments', e.span, t3(`${e.fn}(…) takes ${n} values, not ${e.args.length}`, `${e.fn}(…) принимает ${n} значений, а не ${e.args.length}`, `${e.fn}(…) ${n} мән қабылдайды, ${e.args.length} емес`));
  }
  const types = e.args.map((a, i) => {
    const kind = f.params[Math.min(i, f.params.length - 1)];
    if (kind === 'calendar') return T.any;
    const t = settle(s, infer(s, a, env), env);
    if (!fitsParam(kind, t)) {
      err(s, 'type-mismatch', a.span, t3(`value ${i + 1} of ${e.fn}(…) must be ${kind === 'range' ? 'a period or a date range' : kind}, but this is ${describeType(t).en}`,
        `значение ${i + 1} в ${e.fn}(…) должно быть: ${kind}, а здесь ${describeType(t).ru}`, `${e.fn}(…) ішіндегі ${i + 1}-мән ${kind} болуы керек, ал мұнда ${describeType(t).kk}`));
    }
    return t;
  });
  if ((e.fn === 'min' || e.fn === 'max') && types.length === 2 && !ordered(types[0], types[1])) {
    err(s, 'type-mismatch', e.span, t3(`${e.fn}(a, b) takes two numbers or two dates`, `${e.fn}(a, b) принимает два числа или две даты`, `${e.fn}(a, b) екі сан немесе екі күн қабылдайды`));
  }
  if (e.fn === 'coalesce' && types.length > 1 && types.some((t) => !comparable(t, types[0]))) {
    err(s, 'type-mismatch', e.span, t3('coalesce(…) takes values of one kind', 'coalesce(…) принимает значения одного вида', 'coalesce(…) бір түрдегі мәндерді қабылдайды'));
  }
  return f.returns(types);
}

function inferAggregate(s: RuleScope, e: Extract<Expr, { kind: 'Aggregate' }>, env: Env): Ty {
  const sig = AGGREGATE_SIGNATURES.get(e.fn)!;
  const inner = childEnv(env);
  inner.names.set(e.variable, knownSheet(s, e.sheet, e.span) ? { t: 'row', sheet: e.sheet } : T.any);
  if (e.where) expectBool(s, e.where, inner, t3("'where'", "'where'", "'where'"));
  let sel: LangType | null = null;
  if (sig.select === 'none' && e.select) {
    err(s, 'aggregate-select', e.select.span, t3(`${e.fn}(…) takes no ': value' part`, `${e.fn}(…) не принимает часть ': значение'`, `${e.fn}(…) ': мән' бөлігін қабылдамайды`));
  }
  if (sig.select === 'required' && !e.select) {
    err(s, 'aggregate-select', e.span, t3(`${e.fn}(${e.sheet} ${e.variable} where … : value) needs the ': value' part`, `${e.fn}(${e.sheet} ${e.variable} where … : значение) требует часть ': значение'`, `${e.fn}(${e.sheet} ${e.variable} where … : мән) ': мән' бөлігін қажет етеді`));
  }
  if (e.select && sig.select === 'required') {
    if (e.fn === 'every') sel = expectBool(s, e.select, inner, t3('every(…)', 'every(…)', 'every(…)'));
    else if (e.fn === 'sum') sel = expectType(s, e.select, inner, isNumeric, t3('numbers', 'числа', 'сандар'), t3('sum(…)', 'sum(…)', 'sum(…)'));
    else if (e.fn === 'min' || e.fn === 'max') sel = expectType(s, e.select, inner, (t) => isNumeric(t) || t.t === 'date', t3('numbers or dates', 'числа или даты', 'сандар немесе күндер'), t3(`${e.fn}(…)`, `${e.fn}(…)`, `${e.fn}(…)`));
    else sel = settle(s, infer(s, e.select, inner), inner);
  }
  return sig.returns(e.sheet, sel);
}

