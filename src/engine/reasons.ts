// Why a rule was not evaluated, in the three user languages.
import type { Localized } from '../core/lang.ts';

export const reasons = {
  sheetAbsent: (sheet: string): Localized => ({
    kk: `Жұмыс кітабында «${sheet}» парағы жоқ`,
    ru: `В книге нет листа «${sheet}»`,
    en: `the workbook has no sheet "${sheet}"`,
  }),
  columnAbsent: (sheet: string, column: string): Localized => ({
    kk: `«${sheet}» парағында «${column}» бағаны жоқ`,
    ru: `На листе «${sheet}» нет столбца «${column}»`,
    en: `sheet "${sheet}" has no column "${column}"`,
  }),
  allRejected: (sheet: string, n: number): Localized => ({
    kk: `«${sheet}» парағының барлық ${n} жолы енгізу қателеріне байланысты қабылданбады`,
    ru: `Все ${n} строк листа «${sheet}» отклонены из-за ошибок ввода`,
    en: `all ${n} rows of sheet "${sheet}" were rejected for input errors`,
  }),
  noVersion: (n: number, dates: string): Localized => ({
    kk: `${n} жағдайдың күніне (${dates}) күшіндегі ереже нұсқасы жоқ`,
    ru: `Для ${n} случаев нет действующей версии правил на их дату (${dates})`,
    en: `${n} case(s) fall on dates no ruleset version covers (${dates})`,
  }),
};
