// Values as people read them in messages: dates dd.mm.yyyy in kk/ru and ISO in en, periods by label.
import { formatDottedDate, formatIsoDate } from '../core/date.ts';
import type { Lang } from '../core/lang.ts';
import type { WorkbookSchema } from '../schema/types.ts';
import { Interval, Item, Period, RowRef, type Value } from './values.ts';

const YES: Record<Lang, [string, string]> = { kk: ['иә', 'жоқ'], ru: ['да', 'нет'], en: ['yes', 'no'] };
const dateIn = (lang: Lang): ((d: number) => string) => (lang === 'en' ? formatIsoDate : formatDottedDate);

export function displayValue(v: Value, lang: Lang, isDate: boolean): string {
  if (v === null || v === '') return '—';
  if (typeof v === 'boolean') return YES[lang][v ? 0 : 1];
  if (typeof v === 'number') {
    if (isDate) return dateIn(lang)(v);
    return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(2)));
  }
  if (typeof v === 'string') return v;
  if (v instanceof Period || v instanceof Item) return v.label;
  if (v instanceof Interval) {
    const f = dateIn(lang);
    return `${f(v.from)} .. ${v.to === null ? '' : f(v.to)}`;
  }
  if (v instanceof RowRef) return v.row ? `row ${v.row.excelRow}` : '—';
  return v.map((x) => displayValue(x, lang, isDate)).join(', ');
}

/** An enum code by the schema's first label for it in `lang` (the code itself when the schema has none). */
export function enumValueLabel(schema: WorkbookSchema, enumId: string, code: string, lang: Lang): string {
  return schema.enums.find((x) => x.id === enumId)?.values.find((x) => x.code === code)?.labels[lang][0] ?? code;
}
