// The workbooks the fuzzer mutates: the three examples, and a small one with Kazakh and Russian headers,
// `dd.mm.yyyy` text dates and a holiday inside its period.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

let examples: Record<'residential' | 'home-care' | 'day-care', XLSX.WorkBook> | undefined;

/** The example workbooks as SheetJS reads them (numbers stay numbers, formulas kept), read once. */
export function examplesRead(): Record<'residential' | 'home-care' | 'day-care', XLSX.WorkBook> {
  const read = (name: string) => XLSX.read(readFileSync(new URL(`../../examples/${name}-2010.xlsx`, import.meta.url)), { type: 'buffer', cellDates: false, cellStyles: false });
  examples ??= { residential: read('residential'), 'home-care': read('home-care'), 'day-care': read('day-care') };
  return examples;
}

let small: XLSX.WorkBook | undefined;

export function smallWorkbook(): XLSX.WorkBook {
  if (!small) {
    const book = XLSX.utils.book_new();
    const add = (name: string, rows: unknown[][]) => XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
    add('Мекеме', [
      ['Мекеме коды', 'Атауы', 'Түрі', 'Меншік нысаны', 'Кезең басы', 'Кезең соңы'],
      ['F-7', '«Шаңырақ» балалар үйі', 'стационар', 'мемлекеттік', '01.01.2010', '30.06.2010'],
    ]);
    add('Топтар', [['group_id', 'age_band', 'skill_level'], ['G-1', '3-5', 'none'], ['G-2', '6-8', 'self_care']]);
    add('Дети', [
      ['Код ребенка', 'Дата рождения', 'Дата поступления', 'Финансирование', 'group_id', 'contraindications'],
      ['C-1', '12.05.2004', '10.01.2010', 'бюджет', 'G-1', ''],
      ['C-2', 38_000, '22.03.2010', 'budget', 'G-2', 'СПИД'],
      ['C-3', '2001-02-29', '2010-03-08', 'paid', 'G-9', 'x'],
    ]);
    add('health_log', [['child_id', 'date', 'observed_by'], ['C-1', '08.03.2010', 'nurse'], ['C-2', '09.03.2010', 'nurse'], ['C-1', 40_246, 'doctor']]);
    small = book;
  }
  return small;
}
