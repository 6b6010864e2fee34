// Language types: how workbook columns map to them, when two are comparable, and how to name them.
import type { ColumnDef } from '../schema/types.ts';
import type { LangType } from './ast.ts';
import { t3, type Text3 } from './messages.ts';

export const T = {
  number: { t: 'number' }, int: { t: 'int' }, text: { t: 'text' }, id: { t: 'id' }, date: { t: 'date' },
  bool: { t: 'bool' }, empty: { t: 'empty' }, interval: { t: 'interval' }, item: { t: 'item' }, any: { t: 'any' },
} as const satisfies Record<string, LangType>;

export function columnType(c: ColumnDef): LangType {
  switch (c.type) {
    case 'id': return T.id;
    case 'text': return T.text;
    case 'date': case 'month': return T.date;
    case 'int': return T.int;
    case 'number': return T.number;
    case 'bool': return T.bool;
    case 'enum': return c.enum ? { t: 'enum', enum: c.enum } : T.text;
    case 'list': return { t: 'list', of: c.enum ? { t: 'enum', enum: c.enum } : T.text };
  }
}

export const isNumeric = (t: LangType): boolean => t.t === 'number' || t.t === 'int';
export const isTextual = (t: LangType): boolean => t.t === 'text' || t.t === 'id';
export const isOpen = (t: LangType): boolean => t.t === 'any' || t.t === 'empty';
export const isDateRange = (t: LangType): boolean => t.t === 'interval' || t.t === 'period';

/** Whether two values can be compared with `=`/`!=` (empty compares with anything and is false). */
export function comparable(a: LangType, b: LangType): boolean {
  if (isOpen(a) || isOpen(b)) return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  if (isTextual(a) && isTextual(b)) return true;
  if (a.t === 'enum' && b.t === 'enum') return a.enum === b.enum;
  if ((a.t === 'enum' && isTextual(b)) || (b.t === 'enum' && isTextual(a))) return true;
  if (a.t === 'item' || b.t === 'item') return true;
  if (a.t === 'list' && b.t === 'list') return comparable(a.of, b.of);
  return a.t === b.t && a.t !== 'row';
}

/** Whether `<`, `<=`, `>`, `>=` apply: two numbers or two dates. */
export function ordered(a: LangType, b: LangType): boolean {
  if (isOpen(a) || isOpen(b)) return (isOpen(a) || isNumeric(a) || a.t === 'date') && (isOpen(b) || isNumeric(b) || b.t === 'date');
  return (isNumeric(a) && isNumeric(b)) || (a.t === 'date' && b.t === 'date');
}

export function describeType(t: LangType): Text3 {
  switch (t.t) {
    case 'number': return t3('a number', 'число', 'сан');
    case 'int': return t3('a whole number', 'целое число', 'бүтін сан');
    case 'text': return t3('a text', 'текст', 'мәтін');
    case 'id': return t3('an id', 'код', 'код');
    case 'date': return t3('a date', 'дата', 'күн');
    case 'bool': return t3('yes/no', 'да/нет', 'иә/жоқ');
    case 'empty': return t3('empty', 'пусто', 'бос');
    case 'enum': return t3(`a ${t.enum} code`, `код из списка ${t.enum}`, `${t.enum} тізімінің коды`);
    case 'list': { const o = describeType(t.of); return t3(`a list of ${o.en}`, `список (${o.ru})`, `тізім (${o.kk})`); }
    case 'row': return t3(`a row of ${t.sheet}`, `строка листа ${t.sheet}`, `${t.sheet} парағының жолы`);
    case 'period': return t3(`a ${t.unit} period`, `период (${t.unit})`, `кезең (${t.unit})`);
    case 'interval': return t3('a date range', 'диапазон дат', 'күндер аралығы');
    case 'item': return t3('an item', 'пункт', 'тармақ');
    case 'any': return t3('a value', 'значение', 'мән');
  }
}
