// Raw tables → typed tables per the sheet contract, with every input problem as an InputError.
// Independent of SheetJS: rule files' example tables go through the same function.
import { columnOf, isHelpSheetName, matchColumnHeader, matchSheetName, sheetById } from '../schema/index.ts';
import type { ColumnDef, ColumnId, SheetDef, SheetId } from '../schema/types.ts';
import { clip } from '../core/text.ts';
import { cellText, isEmptyCell, typeCell, type CellResult } from './cells.ts';
import * as msg from './messages.ts';
import type { RawCell, RawTable } from './raw.ts';
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

/** `Балалар!B12`; names with spaces or punctuation are quoted the way Excel writes them: `'Жеке жоспарлар'!C3`. */
export function cellAddress(sheetName: string, columnIndex: number, excelRow: number): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName);
  const name = plain ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  return `${name}!${columnLetter(columnIndex)}${excelRow}`;
}

interface PresentColumn { readonly def: ColumnDef; readonly index: number }

interface WorkingTable {
  readonly def: SheetDef;
  readonly sheetName: string;
  readonly columns: readonly PresentColumn[];
  /** Every non-empty row; those with an input error are also in `rejected` (rows are handed on as they are). */
  readonly rows: TypedRow[];
  readonly rejected: Set<TypedRow>;
}

export function typeTables(raw: Iterable<RawTable>, options: TypeTablesOptions = {}): IngestedWorkbook {
  const errors: InputError[] = [];
  const working = new Map<SheetId, WorkingTable>();

  for (const table of raw) {
    const sheetId = matchSheetName(table.name, options.mapping);
    if (sheetId === undefined && isHelpSheetName(table.name)) continue;
    const def = sheetId === undefined ? undefined : sheetById(sheetId);
    if (!def || working.has(def.id)) {
      const duplicateOf = def ? working.get(def.id)!.sheetName : null;
      // The sheet field already names it; no value, so a listing does not print the name twice.
      errors.push({ code: 'unknown-sheet', sheet: table.name, sheetName: table.name, row: null, column: null, cell: null, value: null, message: msg.unknownSheetMessage(clip(table.name), duplicateOf), severity: 'warning' });
      continue;
    }
    working.set(def.id, typeTable(def, table, options.mapping, errors));
  }

  checkForeignKeys(working, errors);

  const tables: Record<SheetId, TypedTable> = Object.create(null);
  for (const [id, t] of working) tables[id] = finish(t);
  return {
    file: options.file ?? '',
    sha256: options.sha256 ?? '',
    tables,
    facility: facilityOf(tables.facility),
    errors,
  };
}

function typeTable(def: SheetDef, table: RawTable, mapping: HeaderMapping | undefined, errors: InputError[]): WorkingTable {
  const sheetName = table.name;
  const base = { sheet: def.id, sheetName };
  const columns: PresentColumn[] = [];
  const seen = new Set<ColumnId>();
  let width = table.header.length;
  for (const r of table.rows) if (r.length > width) width = r.length;

  for (let index = 0; index < width; index++) {
    const headerCell = table.header[index];
    const headerText = headerCell === null || headerCell === undefined ? '' : String(headerCell).trim();
    const address = cellAddress(sheetName, index, table.headerRow);
    if (headerText === '') {
      if (table.rows.some((r) => !isEmptyCell(r[index] ?? null))) {
        errors.push({ ...base, code: 'blank-header', row: table.headerRow, column: null, cell: address, value: null, message: msg.blankHeaderMessage(), severity: 'warning' });
      }
      continue;
    }
    const columnId = matchColumnHeader(def.id, headerText, mapping);
    const columnDef = columnId === undefined ? undefined : columnOf(def.id, columnId);
    if (!columnDef || seen.has(columnDef.id)) {
      errors.push({ ...base, code: 'unknown-column', row: table.headerRow, column: null, cell: address, value: clip(headerText), message: msg.unknownColumnMessage(sheetName, clip(headerText), Boolean(columnDef)), severity: 'warning' });
      continue;
    }
    seen.add(columnDef.id);
    columns.push({ def: columnDef, index });
  }

  for (const column of def.columns) {
    if (column.required && !seen.has(column.id)) {
      errors.push({ ...base, code: 'missing-column', row: table.headerRow, column: column.id, cell: null, value: null, message: msg.missingColumnMessage(sheetName, table.headerRow, column), severity: 'error' });
    }
  }

  const rows: TypedRow[] = [];
  const rejected = new Set<TypedRow>();
  const date1904 = table.date1904 ?? false;
  const converters = columns.map((c) => converterFor(c.def, date1904));
  const rawRows = table.rows;
  for (let k = 0; k < rawRows.length; k++) {
    const cells = rawRows[k]!;
    if (isEmptyRow(cells)) continue;
    const excelRow = table.headerRow + 1 + k;
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
          errors.push({ ...base, row: excelRow, column: column.id, cell: cellAddress(sheetName, index, excelRow), severity: 'error', code: 'missing-cell', value: null, message: msg.missingCellMessage(column) });
          rowErrors++;
        }
        continue;
      }
      const result = converters[j]!(cell!);
      if (result.ok) {
        values[column.id] = result.value;
        continue;
      }
      const value = clip(cellText(cell!));
      const message = result.code === 'constraint-error' ? msg.constraintErrorMessage(column, value)
        : result.code === 'unknown-value' ? msg.unknownValueMessage(column, result.detail ?? value)
        : msg.typeErrorMessage(column, value);
      errors.push({ ...base, row: excelRow, column: column.id, cell: cellAddress(sheetName, index, excelRow), severity: 'error', code: result.code, value, message });
      rowErrors++;
    }
    Object.setPrototypeOf(values, null);
    const row: TypedRow = { excelRow, values };
    rows.push(row);
    if (rowErrors > 0) rejected.add(row);
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

  if (def.id === 'facility') checkPeriodOrder(def, table, columns, rows, rejected, errors);

  return { def, sheetName, columns, rows, rejected };
}

function isEmptyRow(cells: readonly RawCell[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isEmptyCell(cells[i]!)) return false;
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
    if (cell instanceof Date) return typeCell(column, cell, date1904);
    let result = memo.get(cell);
    if (result === undefined) {
      result = typeCell(column, cell, date1904);
      if (memo.size < ENUM_MEMO_LIMIT) memo.set(cell, result);
    }
    return result;
  };
}

/** An audit period that ends before it starts cannot be audited. */
function checkPeriodOrder(def: SheetDef, table: RawTable, columns: readonly PresentColumn[], rows: readonly TypedRow[], rejected: Set<TypedRow>, errors: InputError[]): void {
  const to = columns.find((c) => c.def.id === 'period_to');
  for (const row of rows) {
    const [a, b] = [row.values.period_from, row.values.period_to];
    if (!to || typeof a !== 'number' || typeof b !== 'number' || b >= a) continue;
    const value = clip(cellText(table.rows[row.excelRow - table.headerRow - 1]?.[to.index] ?? null));
    errors.push({ sheet: def.id, sheetName: table.name, code: 'constraint-error', row: row.excelRow, column: 'period_to', cell: cellAddress(table.name, to.index, row.excelRow), value, message: msg.periodOrderMessage(value), severity: 'error' });
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
      for (const row of table.rows) {
        const value = row.values[column.id];
        if (typeof value !== 'string' || keys.has(value)) continue;
        errors.push({ sheet: table.def.id, sheetName: table.sheetName, code: 'foreign-key', row: row.excelRow, column: column.id, cell: cellAddress(table.sheetName, index, row.excelRow), value: clip(value), message: msg.foreignKeyMessage(column, clip(value), target.sheetName), severity: 'error' });
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
    columnLetters,
    rows: accepted,
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
