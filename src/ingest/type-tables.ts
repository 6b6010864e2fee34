// Raw tables → typed tables per the sheet contract, with every input problem as an InputError.
// Independent of SheetJS: rule files' example tables go through the same function.
import { closest } from '../core/did-you-mean.ts';
import { LANGS, type Lang } from '../core/lang.ts';
import { columnOf, isHelpSheetName, matchColumnHeader, matchSheetName, normalizeLabel, sheetById, WORKBOOK_SCHEMA } from '../schema/index.ts';
import type { ColumnDef, ColumnId, SheetDef, SheetId } from '../schema/types.ts';
import { clip } from '../core/text.ts';
import { cellText, EXCEL_ERROR_DETAIL, isEmptyCell, typeCell, UNCOMPUTED_FORMULA_DETAIL, type CellResult } from './cells.ts';
import { latinSkeleton, skeletonIndex } from './look-alike.ts';
import * as msg from './messages.ts';
import { forEachCell, sparseIndexes, type MergedRange, type RawCell, type RawRow, type RawTable } from './raw.ts';
import type { CellValue, FacilityInfo, HeaderMapping, IngestedWorkbook, InputError, TypedRow, TypedTable } from './types.ts';

export interface TypeTablesOptions {
  readonly file?: string;
  readonly sha256?: string;
  readonly mapping?: HeaderMapping;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as an A1 reference writes it: plain, or quoted the way Excel does (`'Жеке жоспарлар'`). */
export function sheetRef(sheetName: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName);
  return plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
}

/** Whole rows as Excel addresses them: `Балалар!1:2` (a header row that lacks a column, title rows above it). */
export function rowRange(sheetName: string, first: number, last: number): string {
  return `${sheetRef(sheetName)}!${first}:${last}`;
}

/** `Балалар!B12`; names with spaces or punctuation are quoted the way Excel writes them: `'Жеке жоспарлар'!C3`. */
export function cellAddress(sheetName: string, columnIndex: number, excelRow: number): string {
  return `${sheetRef(sheetName)}!${columnLetter(columnIndex)}${excelRow}`;
}

interface PresentColumn { readonly def: ColumnDef; readonly index: number }

interface WorkingTable {
  readonly def: SheetDef;
  readonly sheetName: string;
  readonly columns: readonly PresentColumn[];
  readonly readAsEmpty: readonly ColumnId[];
  /** Every non-empty row; those with an input error are also in `rejected` (rows are handed on as they are). */
  readonly rows: TypedRow[];
  readonly rejected: Set<TypedRow>;
  /** The header cells as written, for --mapping names that match none. */
  readonly headers: readonly string[];
}

export function typeTables(raw: Iterable<RawTable>, options: TypeTablesOptions = {}): IngestedWorkbook {
  const errors: InputError[] = [];
  const working = new Map<SheetId, WorkingTable>();
  const unknownSheets: string[] = [];
  const sheetNames: string[] = [];
  /** Further sheets with rows that are the same table as a sheet read (see TypedTable.others). */
  const doubled = new Map<SheetId, string[]>();

  for (const table of raw) {
    sheetNames.push(table.name);
    const sheetId = matchSheetName(table.name, options.mapping);
    if (sheetId === undefined && isHelpSheetName(table.name)) continue;
    const def = sheetId === undefined ? undefined : sheetById(sheetId);
    if (!def) { unknownSheets.push(table.name); continue; }
    const first = working.get(def.id);
    if (first !== undefined) {
      // Two sheets are one table (its Kazakh and its Russian name, a log split in two). One of them empty
      // is a leftover: the other is read. Both with rows, neither is the whole table: the rules that read
      // it are not evaluated (see `others`), rather than judged on half of it.
      const ownErrors: InputError[] = [];
      const second = typeTable(def, table, options.mapping, ownErrors);
      if (second.rows.length > 0 && first.rows.length === 0) {
        // (A loop, not push(...): a sheet can hold more errors than a call takes arguments.)
        const kept = errors.filter((e) => !(e.sheet === def.id && e.sheetName === first.sheetName));
        errors.length = 0;
        for (const e of kept) errors.push(e);
        for (const e of ownErrors) errors.push(e);
        working.set(def.id, second);
        errors.push(duplicateSheet(first.sheetName, second.sheetName, null));
      } else if (second.rows.length === 0) {
        errors.push(duplicateSheet(table.name, first.sheetName, null));
      } else {
        errors.push(duplicateSheet(table.name, first.sheetName, def.id));
        doubled.set(def.id, [...(doubled.get(def.id) ?? []), table.name]);
      }
      continue;
    }
    working.set(def.id, typeTable(def, table, options.mapping, errors));
  }

  // Suggestions come from the contract sheets the workbook lacks, so a misspelt «Детти» points at «Дети».
  const missing = WORKBOOK_SCHEMA.sheets.filter((s) => !working.has(s.id)).flatMap((s) => [s.labels.kk, s.labels.ru, s.id]);
  for (const name of unknownSheets) {
    errors.push({ code: 'unknown-sheet', sheet: name, sheetName: name, row: null, column: null, cell: null, value: null, message: msg.unknownSheetMessage(clip(name), null, closest(name.trim(), missing)), severity: 'warning' });
  }
  if (options.mapping) unusedMappingNames(options.mapping, sheetNames, working, errors);

  checkForeignKeys(working, errors);

  const tables: Record<SheetId, TypedTable> = Object.create(null);
  for (const [id, t] of working) tables[id] = doubled.has(id) ? { ...finish(t), others: doubled.get(id)! } : finish(t);
  return {
    file: options.file ?? '',
    sha256: options.sha256 ?? '',
    tables,
    facility: facilityOf(tables.facility),
    errors,
  };
}

/**
 * A second sheet of one table: ignored when it or the sheet read has no row (a warning, its `sheet` the
 * name as written, no value, so a listing does not print the name twice), an error of the table `both`
 * (its `sheet` the table's id) when both have rows.
 */
function duplicateSheet(name: string, readName: string, both: SheetId | null): InputError {
  return both !== null
    ? { code: 'duplicate-sheet', sheet: both, sheetName: name, row: null, column: null, cell: null, value: null, message: msg.duplicateSheetMessage(clip(name), clip(readName)), severity: 'error' }
    : { code: 'unknown-sheet', sheet: name, sheetName: name, row: null, column: null, cell: null, value: null, message: msg.unknownSheetMessage(clip(name), readName), severity: 'warning' };
}

/** A sheet's header and data rows, each data row with its Excel row number. */
interface SheetRows {
  readonly header: RawRow;
  readonly headerRow: number;
  readonly rows: readonly RawRow[];
  readonly rowNumbers: readonly number[];
}

/** Rows among which the header is looked for (non-empty rows from the top). */
const HEADER_SEARCH_ROWS = 10;

/** The non-empty rows of a table with their Excel numbers, and the header: given, or found among the first rows. */
function sheetRows(def: SheetDef, table: RawTable, mapping: HeaderMapping | undefined, errors: InputError[]): SheetRows {
  const given = table.header !== undefined;
  const first = given ? (table.headerRow ?? 1) + 1 : 1;
  const rows: RawRow[] = [];
  const rowNumbers: number[] = [];
  table.rows.forEach((row, k) => {
    if (row === undefined || isEmptyRow(row)) return;
    rows.push(row);
    rowNumbers.push(table.rowNumbers?.[k] ?? first + k);
  });
  if (given) return { header: table.header!, headerRow: table.headerRow ?? 1, rows, rowNumbers };
  if (rows.length === 0) return { header: [], headerRow: 1, rows, rowNumbers };

  let best = 0;
  let bestScore = -1;
  for (let k = 0; k < Math.min(HEADER_SEARCH_ROWS, rows.length); k++) {
    const score = headerScore(def, rows[k]!, mapping);
    if (score > bestScore) { best = k; bestScore = score; }
  }
  if (best > 0) {
    errors.push({
      code: 'rows-above-header', sheet: def.id, sheetName: table.name, row: rowNumbers[0]!, column: null, cell: rowRange(table.name, rowNumbers[0]!, rowNumbers[best - 1]!),
      value: shortText(rows.slice(0, best).flatMap(rowTexts).join(' · ')),
      message: msg.rowsAboveHeaderMessage(table.name, rowNumbers[0]!, rowNumbers[best - 1]!, rowNumbers[best]!), severity: 'warning',
    });
  }
  return { header: rows[best]!, headerRow: rowNumbers[best]!, rows: rows.slice(best + 1), rowNumbers: rowNumbers.slice(best + 1) };
}

/** How many distinct contract columns a row's cells name. */
function headerScore(def: SheetDef, row: RawRow, mapping: HeaderMapping | undefined): number {
  const matched = new Set<ColumnId>();
  forEachCell(row, (_, cell) => {
    if (typeof cell !== 'string') return;
    const id = matchColumnHeader(def.id, cell, mapping);
    if (id !== undefined) matched.add(id);
  });
  return matched.size;
}

function rowTexts(row: RawRow): string[] {
  const out: string[] = [];
  forEachCell(row, (_, cell) => { if (!isEmptyCell(cell)) out.push(cellText(cell!).trim()); });
  return out;
}

function shortText(text: string, max = 120): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

function typeTable(def: SheetDef, table: RawTable, mapping: HeaderMapping | undefined, errors: InputError[]): WorkingTable {
  const sheetName = table.name;
  const base = { sheet: def.id, sheetName };
  const { header, headerRow, rows: rawRows, rowNumbers } = sheetRows(def, table, mapping, errors);

  // Columns with a header, then columns with data under no header: both found by visiting the cells
  // present, so a stray cell in column XFD costs one visit, not one per row and column.
  const headerText = new Map<number, string>();
  forEachCell(header, (index, cell) => {
    const text = cell === null ? '' : cellText(cell).trim();
    if (text !== '') headerText.set(index, text);
  });
  const blank = new Set<number>();
  // Rows no wider than an unbroken header cannot hold a headerless cell: most rows need no look.
  let unbroken = 0;
  while (headerText.has(unbroken)) unbroken++;
  for (const row of rawRows) {
    if (row.length <= unbroken) continue;
    const at = sparseIndexes(row);
    const n = at === null ? row.length : at.length;
    for (let k = 0; k < n; k++) {
      const index = at === null ? k : at[k]!;
      if (!headerText.has(index) && !isEmptyCell(row[index])) blank.add(index);
    }
  }
  const indexes = [...new Set([...headerText.keys(), ...blank])].sort((a, b) => a - b);

  const columns: PresentColumn[] = [];
  const seen = new Set<ColumnId>();
  const unknown: { index: number; text: string; duplicate: boolean }[] = [];
  for (const index of indexes) {
    const text = headerText.get(index);
    const address = cellAddress(sheetName, index, headerRow);
    if (text === undefined) {
      errors.push({ ...base, code: 'blank-header', row: headerRow, column: null, cell: address, value: null, message: msg.blankHeaderMessage(), severity: 'warning' });
      continue;
    }
    const columnId = matchColumnHeader(def.id, text, mapping);
    const columnDef = columnId === undefined ? undefined : columnOf(def.id, columnId);
    if (!columnDef || seen.has(columnDef.id)) { unknown.push({ index, text, duplicate: Boolean(columnDef) }); continue; }
    seen.add(columnDef.id);
    columns.push({ def: columnDef, index });
  }
  // A misspelt header is suggested the closest label of a column the sheet still lacks.
  const lackingDefs = def.columns.filter((c) => !seen.has(c.id));
  const lacking = lackingDefs.flatMap((c) => [c.labels.kk, c.labels.ru, c.id]);
  // An absent column whose absence would mean "none" is not read as empty when an unknown header with
  // data looks like it ("Қарсы айғақтамалары", "Противопоказания к пребыванию"): its values are likely
  // there under another name, and "none" would pass the rules that read it on data never looked at.
  const lookedLike = new Set<ColumnId>();
  for (const u of unknown) {
    const suggestion = u.duplicate ? undefined : closest(u.text, lacking);
    const like = u.duplicate ? undefined : resembledColumn(u.text, suggestion, lackingDefs);
    const doubted = like !== undefined && like.whenAbsent === 'empty' && !like.required && rawRows.some((r) => !isEmptyCell(r[u.index]));
    if (doubted) lookedLike.add(like.id);
    const named = doubted ? suggestion ?? headerLabelLike(u.text, like) : suggestion;
    errors.push({ ...base, code: 'unknown-column', row: headerRow, column: null, cell: cellAddress(sheetName, u.index, headerRow), value: clip(u.text), message: msg.unknownColumnMessage(sheetName, clip(u.text), u.duplicate, named, doubted), severity: 'warning' });
  }

  for (const column of def.columns) {
    if (column.required && !seen.has(column.id)) {
      errors.push({ ...base, code: 'missing-column', row: headerRow, column: column.id, cell: rowRange(sheetName, headerRow, headerRow), value: null, message: msg.missingColumnMessage(sheetName, headerRow, column), severity: 'error' });
    }
  }

  const rows: TypedRow[] = [];
  const rejected = new Set<TypedRow>();
  const mergedOver = mergeLookup(table.merges ?? [], columns.map((c) => c.index));
  const date1904 = table.date1904 ?? false;
  const converters = columns.map((c) => converterFor(c.def, date1904));
  for (let k = 0; k < rawRows.length; k++) {
    const cells = rawRows[k]!;
    const excelRow = rowNumbers[k]!;
    // Built as an ordinary object (canonical ids only, so no key can be `__proto__`) and then detached
    // from Object.prototype: V8 keeps such objects in fast mode, unlike Object.create(null).
    const values: Record<ColumnId, CellValue> = {};
    let rowErrors = 0;
    for (let j = 0; j < columns.length; j++) {
      const { def: column, index } = columns[j]!;
      const cell = cells[index] ?? null;
      if (isEmptyCell(cell)) {
        values[column.id] = null;
        if (column.required) {
          const merged = mergedOver(index, excelRow);
          const message = merged === null ? msg.missingCellMessage(column)
            : msg.mergedCellMessage(column, `${columnLetter(merged.firstColumn)}${merged.firstRow}:${columnLetter(merged.lastColumn)}${merged.lastRow}`, cellAddress(sheetName, merged.firstColumn, merged.firstRow));
          errors.push({ ...base, row: excelRow, column: column.id, cell: cellAddress(sheetName, index, excelRow), severity: 'error', code: 'missing-cell', value: null, message });
          rowErrors++;
        }
        continue;
      }
      const result = converters[j]!(cell!);
      if (result.ok) {
        values[column.id] = result.value;
        continue;
      }
      // A formula whose result the file lacks has no value to quote: the cell is named, the value left null.
      const uncomputed = result.detail === UNCOMPUTED_FORMULA_DETAIL;
      const value = clip(cellText(cell!));
      const message = result.code === 'constraint-error' ? msg.constraintErrorMessage(column, value)
        : result.code === 'unknown-value' ? msg.unknownValueMessage(column, result.detail ?? value)
        : result.detail === EXCEL_ERROR_DETAIL ? msg.excelErrorMessage(column, value)
        : uncomputed ? msg.uncomputedFormulaMessage(column)
        : msg.typeErrorMessage(column, value);
      errors.push({ ...base, row: excelRow, column: column.id, cell: cellAddress(sheetName, index, excelRow), severity: 'error', code: result.code, value: uncomputed ? null : value, message });
      rowErrors++;
    }
    Object.setPrototypeOf(values, null);
    const row: TypedRow = { excelRow, values };
    rows.push(row);
    if (rowErrors > 0) rejected.add(row);
  }

  // An optional column whose absence means "none" reads as empty in every row, with one warning; the
  // others stay absent, so the rules that need them are not evaluated.
  const readAsEmpty: ColumnId[] = [];
  const language = headerLanguage(columns.map((c) => ({ def: c.def, text: headerText.get(c.index)! })));
  for (const column of def.columns) {
    if (column.required || seen.has(column.id) || column.whenAbsent !== 'empty' || lookedLike.has(column.id)) continue;
    readAsEmpty.push(column.id);
    if (rows.length === 0) continue;   // nothing was read as empty: no need to say so
    const shown = language === null ? column.labels : { en: column.labels[language], kk: column.labels[language], ru: column.labels[language] };
    errors.push({ ...base, code: 'absent-column', row: headerRow, column: column.id, cell: rowRange(sheetName, headerRow, headerRow), value: null, message: msg.absentColumnMessage(sheetName, shown, rows.length), severity: 'warning' });
  }

  for (const { def: column, index } of columns) {
    if (!column.unique) continue;
    const firstRow = new Map<string, number>();
    for (const row of rows) {
      const key = row.values[column.id];
      if (typeof key !== 'string') continue;
      const first = firstRow.get(key);
      if (first === undefined) { firstRow.set(key, row.excelRow); continue; }
      errors.push({ ...base, code: 'duplicate-key', row: row.excelRow, column: column.id, cell: cellAddress(sheetName, index, row.excelRow), value: clip(key), message: msg.duplicateKeyMessage(column, clip(key), first), severity: 'error' });
      rejected.add(row);
    }
  }

  if (def.singleRow && rows.length !== 1) {
    const extra = rows.slice(1);
    errors.push({ ...base, code: 'constraint-error', row: extra[0]?.excelRow ?? null, column: null, cell: null, value: String(rows.length), message: msg.singleRowMessage(sheetName, rows.length), severity: 'error' });
    for (const row of extra) rejected.add(row);
  }

  if (def.id === 'facility') checkPeriodOrder(def, sheetName, columns, rows, rawRows, rejected, errors);

  return { def, sheetName, columns, readAsEmpty, rows, rejected, headers: [...headerText.values()] };
}

/**
 * Finds the merged range a cell lies in below or right of its first cell (where the value it shows is
 * not held), by binary search over each read column's ranges: a sheet of many merges costs no more per
 * empty cell than a few comparisons.
 */
function mergeLookup(merges: readonly MergedRange[], columnIndexes: readonly number[]): (column: number, row: number) => MergedRange | null {
  if (merges.length === 0) return () => null;
  const byColumn = new Map<number, MergedRange[]>();
  for (const index of columnIndexes) {
    const ranges = merges.filter((m) => m.firstColumn <= index && index <= m.lastColumn).sort((a, b) => a.firstRow - b.firstRow);
    if (ranges.length > 0) byColumn.set(index, ranges);
  }
  return (column, row) => {
    const ranges = byColumn.get(column);
    if (!ranges) return null;
    let lo = 0;
    let hi = ranges.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid]!.firstRow <= row) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    const m = found < 0 ? null : ranges[found]!;
    if (m === null || m.lastRow < row || (m.firstRow === row && m.firstColumn === column)) return null;
    return m;
  };
}

/**
 * The lacking column an unknown header stands for: the one its closest-name suggestion names, or the one
 * whose label begins it as a whole word ("Противопоказания к пребыванию", "Дата выбытия (если выбыл)").
 */
function resembledColumn(text: string, suggestion: string | undefined, lacking: readonly ColumnDef[]): ColumnDef | undefined {
  if (suggestion !== undefined) return lacking.find((c) => c.id === suggestion || c.labels.kk === suggestion || c.labels.ru === suggestion);
  return lacking.find((c) => headerLabelLike(text, c) !== undefined);
}

/** The column's kk, ru or canonical label that begins the header as a whole word, if one does. */
function headerLabelLike(text: string, column: ColumnDef): string | undefined {
  const header = normalizeLabel(text);
  return [column.labels.kk, column.labels.ru, column.id].find((label) => {
    const l = normalizeLabel(label);
    return l.length >= 4 && header.length > l.length && header.startsWith(l) && !/[\p{L}\p{N}]/u.test(header[l.length]!);
  });
}

/**
 * The language the sheet's headers are written in (the one most matched headers are spelt in), so an
 * absent column is named as the workbook would name it; null when no language leads.
 */
function headerLanguage(matched: readonly { def: ColumnDef; text: string }[]): Lang | null {
  const votes: Record<Lang, number> = { kk: 0, ru: 0, en: 0 };
  for (const { def, text } of matched) {
    const t = normalizeLabel(text);
    for (const lang of LANGS) if (normalizeLabel(def.labels[lang]) === t) votes[lang]++;
  }
  const ranked = [...LANGS].sort((a, b) => votes[b] - votes[a]);
  return votes[ranked[0]!] > votes[ranked[1]!] ? ranked[0]! : null;
}

/** Mapping names (their sheet names, their headers) that the workbook has nowhere: a typo there silently does nothing. */
function unusedMappingNames(mapping: HeaderMapping, sheetNames: readonly string[], working: ReadonlyMap<SheetId, WorkingTable>, errors: InputError[]): void {
  const present = new Set(sheetNames.map(normalizeLabel));
  for (const theirs of Object.keys(mapping.sheets ?? {})) {
    if (present.has(normalizeLabel(theirs))) continue;
    errors.push({ code: 'unused-mapping', sheet: theirs, sheetName: theirs, row: null, column: null, cell: null, value: theirs, message: msg.unusedMappingMessage(theirs, null, closest(theirs, sheetNames)), severity: 'warning' });
  }
  for (const [sheet, columns] of Object.entries(mapping.columns ?? {})) {
    const table = working.get(sheet);
    if (!table) continue;
    const headers = new Set(table.headers.map(normalizeLabel));
    for (const theirs of Object.keys(columns)) {
      if (headers.has(normalizeLabel(theirs))) continue;
      errors.push({ code: 'unused-mapping', sheet, sheetName: table.sheetName, row: null, column: null, cell: null, value: theirs, message: msg.unusedMappingMessage(theirs, table.sheetName, closest(theirs, table.headers)), severity: 'warning' });
    }
  }
}

function isEmptyRow(cells: RawRow): boolean {
  const at = sparseIndexes(cells);
  const n = at === null ? cells.length : at.length;
  for (let k = 0; k < n; k++) if (!isEmptyCell(cells[at === null ? k : at[k]!])) return false;
  return true;
}

/**
 * Enum labels and list cells repeat down a column; normalising each one once per sheet spares a regex
 * pass per cell. A list's codes are a frozen array, so rows can share it.
 */
const ENUM_MEMO_LIMIT = 4096;

function converterFor(column: ColumnDef, date1904: boolean): (cell: Exclude<RawCell, null>) => CellResult {
  if (column.type !== 'enum' && column.type !== 'list') return (cell) => typeCell(column, cell, date1904);
  const memo = new Map<string | number | boolean, CellResult>();
  return (cell) => {
    if (typeof cell === 'object') return typeCell(column, cell, date1904); // a Date or an Excel error: not memoised by identity
    let result = memo.get(cell);
    if (result === undefined) {
      result = typeCell(column, cell, date1904);
      if (memo.size < ENUM_MEMO_LIMIT) memo.set(cell, result);
    }
    return result;
  };
}

/** An audit period that ends before it starts cannot be audited. `rawRows[k]` is the row `rows[k]` was typed from. */
function checkPeriodOrder(
  def: SheetDef, sheetName: string, columns: readonly PresentColumn[], rows: readonly TypedRow[], rawRows: readonly RawRow[],
  rejected: Set<TypedRow>, errors: InputError[],
): void {
  const to = columns.find((c) => c.def.id === 'period_to');
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const [a, b] = [row.values.period_from, row.values.period_to];
    if (!to || typeof a !== 'number' || typeof b !== 'number' || b >= a) continue;
    const value = clip(cellText(rawRows[k]![to.index] ?? null));
    errors.push({ sheet: def.id, sheetName, code: 'constraint-error', row: row.excelRow, column: 'period_to', cell: cellAddress(sheetName, to.index, row.excelRow), value, message: msg.periodOrderMessage(value), severity: 'error' });
    rejected.add(row);
  }
}

/** A reference fails only when the referenced sheet and column are present and no row of it has the key. */
function checkForeignKeys(working: ReadonlyMap<SheetId, WorkingTable>, errors: InputError[]): void {
  const keysOf = new Map<string, Set<string>>();
  for (const table of working.values()) {
    for (const { def: column, index } of table.columns) {
      const ref = column.references;
      const target = ref && working.get(ref.sheet);
      if (!ref || !target || !target.columns.some((c) => c.def.id === ref.column)) continue;
      const cacheKey = `${ref.sheet}\u0000${ref.column}`;
      let keys = keysOf.get(cacheKey);
      if (!keys) {
        keys = new Set(target.rows.map((r) => r.values[ref.column]).filter((v): v is string => typeof v === 'string'));
        keysOf.set(cacheKey, keys);
      }
      let twins: Map<string, string> | undefined;
      for (const row of table.rows) {
        const value = row.values[column.id];
        if (typeof value !== 'string' || keys.has(value)) continue;
        twins ??= skeletonIndex(keys);
        const twin = twins.get(latinSkeleton(value));
        errors.push({ sheet: table.def.id, sheetName: table.sheetName, code: 'foreign-key', row: row.excelRow, column: column.id, cell: cellAddress(table.sheetName, index, row.excelRow), value: clip(value), message: msg.foreignKeyMessage(column, clip(value), target.sheetName, twin === undefined ? undefined : clip(twin)), severity: 'error' });
        table.rejected.add(row);
      }
    }
  }
}

function finish(table: WorkingTable): TypedTable {
  const { rows, rejected } = table;
  const accepted: TypedRow[] = rejected.size === 0 ? rows : rows.filter((r) => !rejected.has(r));
  const columnLetters: Record<ColumnId, string> = Object.create(null);
  for (const { def, index } of table.columns) columnLetters[def.id] = columnLetter(index);
  return {
    sheet: table.def.id,
    sheetName: table.sheetName,
    columns: table.columns.map((c) => c.def.id),
    readAsEmpty: table.readAsEmpty,
    columnLetters,
    rows: accepted,
    rejected: rejected.size === 0 ? [] : rows.filter((r) => rejected.has(r)),
    counts: { read: table.rows.length, accepted: accepted.length, rejected: table.rows.length - accepted.length },
  };
}

function facilityOf(table: TypedTable | undefined): FacilityInfo | null {
  if (!table || table.counts.read !== 1 || table.rows.length !== 1) return null;
  const v = table.rows[0]!.values;
  const text = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const day = (k: string) => (typeof v[k] === 'number' ? (v[k] as number) : undefined);
  const [facility_id, name, kind, ownership] = [text('facility_id'), text('name'), text('kind'), text('ownership')];
  const [period_from, period_to] = [day('period_from'), day('period_to')];
  if (facility_id === undefined || name === undefined || kind === undefined || ownership === undefined || period_from === undefined || period_to === undefined) return null;
  return { facility_id, name, kind, ownership, period_from, period_to };
}
