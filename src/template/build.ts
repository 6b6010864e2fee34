// An empty workbook for one kind of facility: the sheets it needs with headers in the user's language,
// and a help sheet describing every column. SheetJS community edition cannot write data validation
// (drop-down lists), so the allowed values of each enum column are listed on the help sheet instead.
import * as XLSX from 'xlsx';
import type { Lang } from '../core/lang.ts';
import { allowedValues, typeWords } from '../ingest/messages.ts';
import { HELP_SHEET_NAME, sheetsForKind } from '../schema/index.ts';
import type { FacilityKind, SheetDef } from '../schema/types.ts';

const HELP_HEADER: Record<Lang, readonly string[]> = {
  en: ['Sheet', 'Column', 'Type', 'Required', 'Allowed values', 'Description'],
  kk: ['Парақ', 'Баған', 'Түрі', 'Міндетті', 'Рұқсат етілген мәндер', 'Сипаттама'],
  ru: ['Лист', 'Столбец', 'Тип', 'Обязательный', 'Допустимые значения', 'Описание'],
};
const YES: Record<Lang, string> = { en: 'yes', kk: 'иә', ru: 'да' };
const UNIQUE: Record<Lang, string> = { en: 'unique', kk: 'бірегей', ru: 'уникальный' };
const ONE_ROW: Record<Lang, string> = { en: 'exactly one data row', kk: 'дәл бір жол', ru: 'ровно одна строка' };

const INTRO: Record<Lang, readonly string[]> = {
  en: [
    'Fill one row per record below each sheet\'s header. Do not rename sheets or headers (kk, ru or English names are all accepted).',
    'Dates: an Excel date, 2010-03-21 or 21.03.2010. Yes/no: yes/no, иә/жоқ, да/нет, 1/0, +/-.',
    'This file has no drop-down lists (the library that writes it cannot create them): type one of the allowed values listed below; the code in brackets is accepted too.',
  ],
  kk: [
    'Әр парақтың тақырып жолының астына әр жазбаға бір жол толтырыңыз. Парақтар мен тақырыптардың атын өзгертпеңіз (қазақша, орысша немесе ағылшынша атаулар қабылданады).',
    'Күндер: Excel күні, 2010-03-21 немесе 21.03.2010. Иә/жоқ: иә/жоқ, да/нет, yes/no, 1/0, +/-.',
    'Бұл файлда ашылмалы тізімдер жоқ (оны жазатын кітапхана оларды жасай алмайды): төменде көрсетілген рұқсат етілген мәндердің бірін жазыңыз; жақшадағы код та қабылданады.',
  ],
  ru: [
    'Заполните по одной строке на запись под заголовком каждого листа. Не переименовывайте листы и заголовки (принимаются казахские, русские и английские названия).',
    'Даты: дата Excel, 2010-03-21 или 21.03.2010. Да/нет: да/нет, иә/жоқ, yes/no, 1/0, +/-.',
    'В файле нет выпадающих списков (библиотека, которая его пишет, не умеет их создавать): впишите одно из допустимых значений, перечисленных ниже; код в скобках тоже принимается.',
  ],
};

function helpSheet(sheets: readonly SheetDef[], lang: Lang): XLSX.WorkSheet {
  const rows: string[][] = INTRO[lang].map((line) => [line]);
  rows.push([], [...HELP_HEADER[lang]]);
  for (const sheet of sheets) {
    // The facility sheet's help already says it holds one row; the note is for a one-row sheet whose help does not.
    const notes = sheet.singleRow && !sheet.help[lang].includes(ONE_ROW[lang]) ? ` (${ONE_ROW[lang]})` : '';
    rows.push([sheet.labels[lang], '', '', '', '', sheet.help[lang] + notes]);
    for (const column of sheet.columns) {
      const required = [column.required ? YES[lang] : '', column.unique ? UNIQUE[lang] : ''].filter(Boolean).join(', ');
      rows.push([sheet.labels[lang], column.labels[lang], typeWords(column.type)[lang], required, allowedValues(column, lang, true), column.help[lang]]);
    }
  }
  const ws = XLSX.utils.aoa_to_sheet(rows);
  ws['!cols'] = [{ wch: 28 }, { wch: 40 }, { wch: 30 }, { wch: 14 }, { wch: 60 }, { wch: 70 }];
  return ws;
}

/** The template workbook's bytes (.xlsx). Pure: the same kind and language always give the same sheets and cells. */
export function buildTemplate(kind: FacilityKind, lang: Lang): Uint8Array {
  const wb = XLSX.utils.book_new();
  const sheets = sheetsForKind(kind);
  for (const sheet of sheets) {
    const ws = XLSX.utils.aoa_to_sheet([sheet.columns.map((c) => c.labels[lang])]);
    ws['!cols'] = sheet.columns.map((c) => ({ wch: Math.max(12, Math.min(40, c.labels[lang].length + 2)) }));
    XLSX.utils.book_append_sheet(wb, ws, sheet.labels[lang]);
  }
  XLSX.utils.book_append_sheet(wb, helpSheet(sheets, lang), HELP_SHEET_NAME[lang]);
  wb.Props = { Title: `ereje ${kind} template`, CreatedDate: new Date(Date.UTC(2009, 8, 7)) };
  const out = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
