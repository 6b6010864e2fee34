// Why a rule was not evaluated, in the three user languages. A sheet the workbook lacks is named by its
// contract label in each language; a sheet it has, as the workbook spells it.
import type { Localized } from '../core/lang.ts';
import { columnOf, sheetById } from '../schema/index.ts';

export const reasons = {
  sheetAbsent: (sheet: string): Localized => {
    const l = sheetById(sheet)?.labels ?? { kk: sheet, ru: sheet, en: sheet };
    return {
      kk: `Жұмыс кітабында «${l.kk}» парағы жоқ`,
      ru: `В книге нет листа «${l.ru}»`,
      en: `the workbook has no sheet "${l.en}"`,
    };
  },
  columnAbsent: (sheetName: string, sheet: string, column: string): Localized => {
    const l = columnOf(sheet, column)?.labels ?? { kk: column, ru: column, en: column };
    return {
      kk: `«${sheetName}» парағында «${l.kk}» бағаны жоқ`,
      ru: `На листе «${sheetName}» нет столбца «${l.ru}»`,
      en: `sheet "${sheetName}" has no column "${l.en}"`,
    };
  },
  /** A register (the children served, a day care's attendance) present with its header and no data row. */
  registerEmpty: (sheetName: string): Localized => ({
    kk: `«${sheetName}» парағында бірде-бір жол жоқ — бұл тізілім толтырылмаған, ал бос тізілім бойынша ереже орындалды деп есептелмейді`,
    ru: `На листе «${sheetName}» нет ни одной строки — этот реестр не заполнен, а по пустому реестру правило не считается выполненным`,
    en: `sheet "${sheetName}" has no data row — this register was not filled in, and a rule is not passed on an empty register`,
  }),
  /** Rows rejected for input errors that may be cases of the rule: not judged. */
  rejectedCases: (sheets: readonly RejectedRows[]): Localized => {
    const at = rejectedRowsText(sheets);
    return {
      kk: `енгізу қателеріне байланысты қабылданбаған жолдар осы ереженің тексерілмеген жағдайлары болуы мүмкін (${at.kk}); оларды түзетіп, қайта тексеріңіз`,
      ru: `строки, отклонённые из-за ошибок ввода, могут быть непроверенными случаями этого правила (${at.ru}); исправьте их и проверьте снова`,
      en: `rows rejected for input errors may be cases of this rule that were not judged (${at.en}); correct them and audit again`,
    };
  },
  /** Rows rejected for input errors that may hold what a subject's failing cases looked for. */
  rejectedMayHold: (sheets: readonly RejectedRows[]): Localized => {
    const at = rejectedRowsText(sheets);
    return {
      kk: `ереже іздеген жазба енгізу қателеріне байланысты қабылданбаған жолдарда болуы мүмкін (${at.kk}); оларды түзетіп, қайта тексеріңіз`,
      ru: `искомое может быть в строках, отклонённых из-за ошибок ввода (${at.ru}); исправьте их и проверьте снова`,
      en: `the record the rule looked for may be in rows rejected for input errors (${at.en}); correct them and audit again`,
    };
  },
  /** The table's rows are on two (or more) sheets: the one read may be only part of them. */
  sheetDoubled: (sheetName: string, others: readonly string[]): Localized => {
    const names = (open: string, close: string) => [sheetName, ...others].map((n) => `${open}${n}${close}`).join(', ');
    return {
      kk: `бір кесте бірнеше парақта: ${names('«', '»')} — оқылған парақ кестенің бір бөлігі ғана болуы мүмкін`,
      ru: `одна таблица на нескольких листах: ${names('«', '»')} — прочитанный лист может быть лишь её частью`,
      en: `one table is on several sheets: ${names('"', '"')} — the sheet read may be only part of it`,
    };
  },
  allRejected: (sheet: string, n: number): Localized => ({
    kk: `«${sheet}» парағының барлық ${n} жолы енгізу қателеріне байланысты қабылданбады`,
    ru: `Все строки листа «${sheet}» (${n}) отклонены из-за ошибок ввода`,
    en: `all ${n} rows of sheet "${sheet}" were rejected for input errors`,
  }),
  /** A subject whose cases fall on dates no version of the ruleset in the pack covers (e.g. an admission in 2007). */
  noVersion: (subject: string, dates: string, windows: string): Localized => ({
    kk: `${subject}: күні ${dates} — ол кезде ереже пакетіндегі осы ережелердің бірде-бір нұсқасы күшінде болмаған (нұсқалар: ${windows}); кейінгі мәтін бойынша бағаланбайды`,
    ru: `${subject}: дата ${dates} — тогда не действовала ни одна версия этих правил из пакета (версии: ${windows}); по более позднему тексту не оценивается`,
    en: `${subject}: dated ${dates}, when no version of this ruleset in the rule pack was in force (versions: ${windows}); not judged by a later text`,
  }),
};

interface RejectedRows { readonly sheetName: string; readonly rows: readonly number[] }

/** `sheet "Журнал", rows 4, 9` per sheet, the first five rows of each. */
function rejectedRowsText(sheets: readonly RejectedRows[]): Localized {
  const rows = (r: readonly number[]) => r.slice(0, 5).join(', ') + (r.length > 5 ? ', …' : '');
  return {
    kk: sheets.map((s) => `«${s.sheetName}» парағы, ${rows(s.rows)}-${s.rows.length === 1 ? 'жол' : 'жолдар'}`).join('; '),
    ru: sheets.map((s) => `лист «${s.sheetName}», стр. ${rows(s.rows)}`).join('; '),
    en: sheets.map((s) => `sheet "${s.sheetName}", row${s.rows.length === 1 ? '' : 's'} ${rows(s.rows)}`).join('; '),
  };
}
