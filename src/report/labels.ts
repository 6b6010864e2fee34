// Codes in the report's own words: an enum value, a document or contract term, a season, a role, a sheet or
// a column is shown by its label in the report language (from src/schema, the one source of labels), the
// code after it in parentheses, so that a reader sees «ПМПК қорытындысы (pmpk_conclusion)», never a bare
// `pmpk_conclusion`. Values that are not codes (a child's id, a menu day number) are shown as they are.
import type { Lang } from '../core/lang.ts';
import { columnName, columnOf, enumLabel, enumsWithCode, sheetById, WORKBOOK_SCHEMA } from '../schema/index.ts';

/** What a code looks like: lower-case ASCII, digits and `_` (child ids such as `R-02` are not codes). */
const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * `label (code)`; just the label when it is the code. An English label that is still the snake_case code
 * is read with spaces (`payment terms (payment_terms)`), so that no bare code stands in a sentence.
 */
export function labelled(label: string | undefined, code: string, lang: Lang): string {
  if (label === undefined || label === '') return code;
  if (label !== code) return `${label} (${code})`;
  return lang === 'en' && code.includes('_') ? `${code.replace(/_/g, ' ')} (${code})` : code;
}

/** An enum value (`kind`, `ownership`, `season`, `role`, …) in the report language. */
export function enumText(enumId: string, code: string, lang: Lang): string {
  return labelled(enumLabel(enumId, code, lang), code, lang);
}

/** A sheet by its contract name in the report language (kk `Балалар`, ru `Дети`, en `children`). */
export function sheetText(sheet: string, lang: Lang): string {
  return sheetById(sheet)?.labels[lang] ?? sheet;
}

/** A column by its header in the report language; the canonical id after it when they differ. */
export function columnText(sheet: string, column: string, lang: Lang): string {
  const label = columnOf(sheet, column)?.labels[lang];
  return label === undefined || label === column ? column : `${label} (${column})`;
}

/** The enums each sheet's columns read, from the contract: built once, not per item of every finding. */
const ENUMS_READ: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  WORKBOOK_SCHEMA.sheets.map((s) => [s.id, new Set(s.columns.flatMap((c) => (c.enum ? [c.enum] : [])))]),
);

/**
 * The label of one code: an enum value (an enum read by one of `sheets` first, `other` is in several),
 * else a column of one of `sheets`, else of any sheet (a contract term is a column of the contracts sheet).
 */
function codeLabel(code: string, lang: Lang, sheets: readonly string[]): string | undefined {
  if (!CODE.test(code)) return undefined;
  const enums = enumsWithCode(code);
  if (enums.length > 0) {
    const e = enums.find((x) => sheets.some((s) => ENUMS_READ.get(s)?.has(x.id))) ?? enums[0]!;
    return enumLabel(e.id, code, lang);
  }
  const ordered = [...sheets.flatMap((s) => (sheetById(s) ? [sheetById(s)!] : [])), ...WORKBOOK_SCHEMA.sheets];
  for (const sheet of ordered) {
    // In English the header is the id itself; a sentence names the column as columnName does.
    if (sheet.columns.some((x) => x.id === code)) return columnName(sheet.id, code, lang);
  }
  return undefined;
}

/**
 * A finding's item in the report language: `a/b` (one item per `each` step) and `a|b` (alternatives)
 * keep their parts, each labelled; `sheets` are the sheets the finding cites, which decide between
 * columns of the same name.
 */
export function itemText(item: string, lang: Lang, sheets: readonly string[] = []): string {
  const or = { kk: ' немесе ', ru: ' или ', en: ' or ' }[lang];
  return item.split('/').map((part) => part.split('|').map((code) => labelled(codeLabel(code, lang, sheets), code, lang)).join(or)).join(' / ');
}

/** A subject: a season or a role is a code and gets its label; ids (`R-02`, `G-3`) are shown as they are. */
export function subjectText(subject: string, lang: Lang): string {
  const enums = CODE.test(subject) ? enumsWithCode(subject) : [];
  return enums.length === 0 ? subject : labelled(enumLabel(enums[0]!.id, subject, lang), subject, lang);
}
