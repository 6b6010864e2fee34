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
  allRejected: (sheet: string, n: number): Localized => ({
    kk: `«${sheet}» парағының барлық ${n} жолы енгізу қателеріне байланысты қабылданбады`,
    ru: `Все строки листа «${sheet}» (${n}) отклонены из-за ошибок ввода`,
    en: `all ${n} rows of sheet "${sheet}" were rejected for input errors`,
  }),
  noVersion: (n: number, dates: string): Localized => ({
    kk: `${n} жағдайдың күніне (${dates}) күшіндегі ереже нұсқасы жоқ`,
    ru: `Для ${n} случаев нет действующей версии правил на их дату (${dates})`,
    en: `${n} case(s) fall on dates no ruleset version covers (${dates})`,
  }),
};
