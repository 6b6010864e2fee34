// The workbook contract and the lookups every stage uses to match what a person wrote (a sheet name,
// a header, an enum label in kk, ru or the canonical id) to canonical ids.
import type { Lang } from '../core/lang.ts';
import type { HeaderMapping } from '../ingest/types.ts';
import { ENUMS } from './enums.ts';
import { SHEETS } from './sheets.ts';
import { COLUMN_NAMES_EN } from './column-names.ts';
import type { ColumnDef, ColumnId, EnumDef, EnumId, FacilityKind, SheetDef, SheetId, WorkbookSchema } from './types.ts';

export type * from './types.ts';
export { FACILITY_KIND_OF_RULESET } from './kinds.ts';

export const WORKBOOK_SCHEMA: WorkbookSchema = { sheets: SHEETS, enums: ENUMS };

/**
 * Trims, case-folds and collapses inner whitespace, so `  Баланың   коды ` matches `баланың коды`.
 * Also NFC-normalises, reads en/em dashes as `-` (people type `3–5`), drops zero-width characters (pasted
 * from web pages and messengers), and reads `ё` as `е`: Russian writes both for one letter (`Код ребёнка`).
 * A trailing `*` or `:` (how templates mark required columns, `Код ребенка*`) is not part of the name.
 */
export function normalizeLabel(text: string): string {
  const spaced = text.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ').trim();
  return withoutTrailingMarks(spaced).toLocaleLowerCase().replaceAll('ё', 'е');
}

/** Drops trailing `*`, `:` and spaces, by a scan from the end (a regex anchored at `$` would be quadratic on a long run). */
function withoutTrailingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '*' || text[end - 1] === ':' || text[end - 1] === ' ')) end--;
  return text.slice(0, end);
}

const sheetsById = new Map<SheetId, SheetDef>(SHEETS.map((s) => [s.id, s]));
const enumsById = new Map<EnumId, EnumDef>(ENUMS.map((e) => [e.id, e]));
const columnsBySheet = new Map<SheetId, Map<ColumnId, ColumnDef>>(
  SHEETS.map((s) => [s.id, new Map(s.columns.map((c) => [c.id, c]))]),
);

function labelIndex<T>(entries: Iterable<readonly [labels: Iterable<string>, value: T]>): Map<string, T> {
  const index = new Map<string, T>();
  for (const [labels, value] of entries) for (const label of labels) index.set(normalizeLabel(label), value);
  return index;
}

const sheetByLabel = labelIndex(SHEETS.map((s) => [[s.id, s.labels.kk, s.labels.ru, s.labels.en], s.id] as const));
const columnByLabel = new Map<SheetId, Map<string, ColumnId>>(
  SHEETS.map((s) => [s.id, labelIndex(s.columns.map((c) => [[c.id, c.labels.kk, c.labels.ru, c.labels.en], c.id] as const))]),
);
const enumLabelIndexes = new WeakMap<EnumDef, ReadonlyMap<string, string>>();

/**
 * An enum's values by every way a cell may write them (code, kk, ru or en label, each as normalizeLabel
 * reads it) → code: built once per enum, for the workbook's cells and for rule files' example tables alike.
 */
export function enumLabelIndex(e: EnumDef): ReadonlyMap<string, string> {
  let index = enumLabelIndexes.get(e);
  if (index === undefined) {
    index = labelIndex(e.values.map((v) => [[v.code, ...v.labels.kk, ...v.labels.ru, ...v.labels.en], v.code] as const));
    enumLabelIndexes.set(e, index);
  }
  return index;
}

/** The workbook's enum indexes by enum id: one lookup per cell. */
const enumByLabel = new Map<EnumId, ReadonlyMap<string, string>>(ENUMS.map((e) => [e.id, enumLabelIndex(e)]));

export function sheetById(id: SheetId): SheetDef | undefined {
  return sheetsById.get(id);
}

export function columnOf(sheet: SheetId, column: ColumnId): ColumnDef | undefined {
  return columnsBySheet.get(sheet)?.get(column);
}

export function enumById(id: EnumId): EnumDef | undefined {
  return enumsById.get(id);
}

/**
 * An enum value's label in a language (the first, the one templates write), or undefined when the enum
 * or the code is unknown. Reports show it in their own words, the code after it in parentheses.
 */
export function enumLabel(enumId: EnumId, code: string, lang: Lang): string | undefined {
  return enumsById.get(enumId)?.values.find((v) => v.code === code)?.labels[lang][0];
}

/** The enums that have `code` among their values, in contract order (`other` is in several). */
export function enumsWithCode(code: string): readonly EnumDef[] {
  return enumsByCode.get(code) ?? [];
}
const enumsByCode = new Map<string, EnumDef[]>();
for (const e of ENUMS) for (const code of new Set(e.values.map((v) => v.code))) enumsByCode.set(code, [...(enumsByCode.get(code) ?? []), e]);

/** Looks a key up in a user's mapping after normalising both sides; the mapping is plain JSON. */
function fromMapping(record: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  if (!record) return undefined;
  const wanted = normalizeLabel(key);
  for (const [theirs, ours] of Object.entries(record)) if (normalizeLabel(theirs) === wanted) return ours;
  return undefined;
}

/** A sheet's name as written → its canonical id; the mapping file wins over the built-in labels. */
export function matchSheetName(name: string, mapping?: HeaderMapping): SheetId | undefined {
  const mapped = fromMapping(mapping?.sheets, name);
  if (mapped !== undefined && sheetsById.has(mapped)) return mapped;
  return sheetByLabel.get(normalizeLabel(name));
}

/** A header cell as written → the column's canonical id within that sheet. */
export function matchColumnHeader(sheetId: SheetId, header: string, mapping?: HeaderMapping): ColumnId | undefined {
  const columns = columnsBySheet.get(sheetId);
  if (!columns) return undefined;
  const theirs = mapping?.columns && Object.hasOwn(mapping.columns, sheetId) ? mapping.columns[sheetId] : undefined;
  const mapped = fromMapping(theirs, header);
  if (mapped !== undefined && columns.has(mapped)) return mapped;
  return columnByLabel.get(sheetId)?.get(normalizeLabel(header));
}

/** An enum value as written (code, or a kk, ru or en label) → its canonical code, or undefined when unknown. */
export function matchEnumValue(enumId: EnumId, text: string): string | undefined {
  return enumByLabel.get(enumId)?.get(normalizeLabel(text));
}

/** Sheets a facility kind's template includes, in contract order. */
export function sheetsForKind(kind: FacilityKind): readonly SheetDef[] {
  return SHEETS.filter((s) => s.kinds.includes(kind));
}

/** Name of the help sheet `ereje template` writes; reading a filled template skips it silently. */
export const HELP_SHEET_NAME: Readonly<Record<'kk' | 'ru' | 'en', string>> = { kk: 'Анықтама', ru: 'Справка', en: 'help' };

const helpSheetLabels = new Set(Object.values(HELP_SHEET_NAME).map(normalizeLabel));

export function isHelpSheetName(name: string): boolean {
  return helpSheetLabels.has(normalizeLabel(name));
}

/** How a sentence in `lang` names a column: the kk/ru header, or the English name (the English header is the id). */
export function columnName(sheet: SheetId, column: ColumnId, lang: Lang): string {
  if (lang === 'en') {
    const names = Object.hasOwn(COLUMN_NAMES_EN, sheet) ? COLUMN_NAMES_EN[sheet]! : {};
    return Object.hasOwn(names, column) ? names[column]! : column;
  }
  return columnsBySheet.get(sheet)?.get(column)?.labels[lang] ?? column;
}
