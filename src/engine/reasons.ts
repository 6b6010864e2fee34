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
  /** A subject whose cases fall on dates no version of the ruleset in the pack covers (e.g. an admission in 2007). */
  noVersion: (subject: string, dates: string, windows: string): Localized => ({
    kk: `${subject}: күні ${dates} — ол кезде ереже пакетіндегі осы ережелердің бірде-бір нұсқасы күшінде болмаған (нұсқалар: ${windows}); кейінгі мәтін бойынша бағаланбайды`,
    ru: `${subject}: дата ${dates} — тогда не действовала ни одна версия этих правил из пакета (версии: ${windows}); по более позднему тексту не оценивается`,
    en: `${subject}: dated ${dates}, when no version of this ruleset in the rule pack was in force (versions: ${windows}); not judged by a later text`,
  }),
};
