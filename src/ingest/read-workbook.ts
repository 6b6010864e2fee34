// .xlsx bytes → typed tables: guards first (size, zip bombs, cell count), then SheetJS, then typeTables.
import { createHash } from 'node:crypto';
import * as XLSX from 'xlsx';

import { clip } from '../core/text.ts';
import { isEmptyCell } from './cells.ts';
import { sparseIndexes, type RawCell, type RawTable } from './raw.ts';
import { typeTables } from './type-tables.ts';
import type { HeaderMapping, IngestedWorkbook, IngestLimits } from './types.ts';
import { matchSheetName, sheetById } from '../schema/index.ts';
import { protectFormulaStrings } from './formula-strings.ts';
import { checkWorkbookPart, countCellElements, declaredTotal, inflateGuarded, isCompoundFile, isWorksheetXml, readCentralDirectory, tooLargeMessage, WorkbookRejected } from './zip-guard.ts';

export const DEFAULT_INGEST_LIMITS: IngestLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxCells: 5_000_000 };

export interface ReadWorkbookOptions {
  readonly file: string;
  readonly mapping?: HeaderMapping;
  readonly limits?: Partial<IngestLimits>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Throws WorkbookRejected for a file that is not an .xlsx, too large, too many cells or unreadable. */
export function readWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions): IngestedWorkbook {
  const { file } = options;
  const limits: IngestLimits = { ...DEFAULT_INGEST_LIMITS, ...options.limits };
  if (isCompoundFile(bytes)) {
    throw new WorkbookRejected('not-a-workbook', `${file} is a legacy .xls (or password-protected) file; open it in Excel and save it as .xlsx without a password.`);
  }
  const entries = readCentralDirectory(bytes, file);
  checkWorkbookPart(entries, file);
  const declared = declaredTotal(entries);
  if (declared > limits.maxUncompressedBytes) {
    throw new WorkbookRejected('too-large', tooLargeMessage(file, declared, limits.maxUncompressedBytes, 'declares'));
  }
  // Every entry is inflated once, natively and under the size cap; SheetJS then reads the inflated parts
  // from an in-memory container instead of inflating the zip again in JavaScript.
  const container = XLSX.CFB.utils.cfb_new() as object;
  let cells = 0;
  inflateGuarded(bytes, entries, file, limits.maxUncompressedBytes, (name, data) => {
    if (isWorksheetXml(name)) {
      cells += countCellElements(data);
      if (cells > limits.maxCells) throw tooManyCells(file, cells, limits.maxCells);
    }
    XLSX.CFB.utils.cfb_add(container, name, isWorksheetXml(name) ? protectFormulaStrings(data) : data, { unsafe: true });
  });

  let wb: XLSX.WorkBook;
  let parsed: number[];
  try {
    // Only sheets the contract knows are parsed; the rest are still listed (as unknown sheets) by name.
    const names = (parseZip(container, { bookSheets: true }).SheetNames ?? []) as string[];
    parsed = sheetsToParse(names, options.mapping);
    wb = parseZip(container, { ...SHEETJS_OPTIONS, sheetRows: limits.maxCells + 1, sheets: parsed });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new WorkbookRejected('unreadable', `${file} could not be read as a workbook (${why}); open it in Excel and save it again as .xlsx.`);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  let counted = 0;
  const sheets = wb.Sheets;
  // Each sheet's cells are released as soon as its raw table is built, so SheetJS's cell objects of all
  // sheets never coexist with the typed tables.
  function* rawTables(): Generator<RawTable> {
    for (const name of wb.SheetNames) {
      const sheet = sheets[name];
      if (!sheet && parsed.includes(wb.SheetNames.indexOf(name))) throw missingSheetPart(file, name);
      if (!sheet) { yield { name, rows: [], date1904 }; continue; }
      delete sheets[name];
      const { table, cells } = rawTableOf(name, sheet, date1904);
      counted += cells;
      if (counted > limits.maxCells) throw tooManyCells(file, counted, limits.maxCells);
      yield table;
    }
  }
  return typeTables(rawTables(), { file, sha256: sha256Hex(bytes), ...(options.mapping ? { mapping: options.mapping } : {}) });
}

/** Values SheetJS would otherwise compute per cell and ingest never reads (display text, formats, styles, formulas). */
const SHEETJS_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer', dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false, cellNF: false, cellStyles: false, sheetStubs: false, bookVBA: false,
};

const parseZip = (XLSX as unknown as { parse_zip: (zip: object, opts: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_zip;

/** Indexes of the sheets typeTables will type: the first sheet matching each contract sheet (later ones are reported as duplicates). */
function sheetsToParse(names: readonly string[], mapping: HeaderMapping | undefined): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  names.forEach((name, i) => {
    const id = matchSheetName(name, mapping);
    if (id === undefined || !sheetById(id) || seen.has(id)) return;
    seen.add(id);
    out.push(i);
  });
  return out;
}

/** SheetJS leaves out a sheet whose part is missing from the zip or does not parse; its columns are not "missing". */
function missingSheetPart(file: string, sheet: string): WorkbookRejected {
  return new WorkbookRejected('unreadable', `${file} is not a readable .xlsx workbook: the part holding sheet "${clip(sheet)}" is missing or damaged; open it in Excel and save it again as .xlsx.`);
}

function tooManyCells(file: string, cells: number, limit: number): WorkbookRejected {
  return new WorkbookRejected('too-many-cells', `${file} has more than ${limit.toLocaleString('en')} cells (${cells.toLocaleString('en')} so far); split the workbook by period (or remove unused formatted rows and columns) and audit the parts.`);
}

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

/**
 * The sheet's non-empty rows with their Excel numbers, anchored at A1 so letters match Excel; typeTables
 * finds the header among them. Only the cells the sheet holds are visited: a stray value in XFD1048576
 * costs one cell, not a million rows of sixteen thousand columns.
 */
function rawTableOf(name: string, sheet: XLSX.WorkSheet, date1904: boolean): { table: RawTable; cells: number } {
  const data = (sheet as DenseSheet)['!data'] ?? [];
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  let cells = 0;
  // Rows by index (a sheet has at most 1,048,576: a walk of a few milliseconds); cells through sparseIndexes.
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    let row: RawCell[] | null = null;
    const at = sparseIndexes(src);
    const n = at === null ? src.length : at.length;
    for (let k = 0; k < n; k++) {
      const c = at === null ? k : at[k]!;
      const value = cellValue(src[c]);
      if (isEmptyCell(value)) continue;
      (row ??= [])[c] = value;
      cells++;
    }
    if (row) { rows.push(row); rowNumbers.push(r + 1); }
  }
  return { table: { name, rows, rowNumbers, date1904 }, cells };
}

/** Numbers stay numbers whatever their display format; date columns read them as Excel serials in the workbook's date system. */
function cellValue(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 'n': return cell.v as number;
    case 'b': return cell.v as boolean;
    case 's': return String(cell.v);
    case 'd': return cell.v instanceof Date ? cell.v : String(cell.v);
    case 'e': return cell.w ?? EXCEL_ERRORS[cell.v as number] ?? '#ERROR';
    case 'z': return null;
    default: return String(cell.v);
  }
}

/** Excel's error codes as it displays them (SheetJS sets cell.w only when it computes display text). */
const EXCEL_ERRORS: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA', 0xff: '#WTF?' };

export { WorkbookRejected };
