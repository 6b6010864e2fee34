// SheetJS reading the workbook's inflated parts: the reader of any part the fast readers (workbook-xml.ts,
// sheet-xml.ts) leave — another encoding, an unusual layout — and the reference they are tested against.
import * as XLSX from 'xlsx';
import { isEmptyCell } from './cells.ts';
import { protectFormulaStrings } from './formula-strings.ts';
import { ExcelError, sparseIndexes, UNCOMPUTED_FORMULA, type RawCell, type RawTable } from './raw.ts';
import { rejection, WorkbookRejected } from './rejections.ts';
import { prepareCellsForSheetJs } from './sheetjs-cells.ts';
import { isXmlTrue } from './workbook-xml.ts';
import { isWorksheetXml } from './zip-guard.ts';

/** A sheet as ingest reads it: its raw table, and how many value cells it holds. */
export interface ReadSheet { readonly table: RawTable; readonly cells: number }

export interface SheetJsBook {
  /** The sheets' names in tab order. */
  readonly names: readonly string[];
  /**
   * Parses the sheets at `indexes` (positions in `names`), at most `maxRows` rows each; `take` then
   * gives each sheet once (its SheetJS cells released), undefined when its part is missing or damaged.
   */
  parse(indexes: readonly number[], maxRows: number): { readonly date1904: boolean; take(index: number): ReadSheet | undefined };
}

/** The workbook in `parts` (zip entry → inflated bytes) as SheetJS reads it; WorkbookRejected when it cannot. */
export function sheetJsBook(parts: ReadonlyMap<string, Buffer>, file: string): SheetJsBook {
  const container = containerOf(parts, false);
  const names = unreadable(file, () => (parseZip(container, { bookSheets: true }).SheetNames ?? []) as string[]);
  return {
    names,
    parse(indexes, maxRows) {
      const read = (from: object) => unreadable(file, () => parseZip(from, { ...SHEETJS_OPTIONS, sheetRows: maxRows, sheets: [...indexes] }));
      let wb = read(container);
      // Marked to be recalculated on opening, the workbook's stored formula results are placeholders: read
      // again with every formula cell made an error cell (a rare workbook, read twice rather than every one).
      const calc = (wb.Workbook as { CalcPr?: { fullCalcOnLoad?: unknown } } | undefined)?.CalcPr;
      if (isXmlTrue(typeof calc?.fullCalcOnLoad === 'string' ? calc.fullCalcOnLoad : undefined)) wb = read(containerOf(parts, true));
      const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
      return {
        date1904,
        take(index) {
          const name = wb.SheetNames[index]!;
          const sheet = wb.Sheets[name];
          if (!sheet) return undefined;
          delete wb.Sheets[name];
          return rawTableOf(name, sheet, date1904);
        },
      };
    },
  };
}

/**
 * The inflated parts in an in-memory container SheetJS reads, instead of inflating the zip again in
 * JavaScript; each worksheet prepared for it (see sheetjs-cells.ts: with `everyFormula`, every formula
 * cell is one whose result is not held), then its text values escaped for its double unescape.
 */
function containerOf(parts: ReadonlyMap<string, Buffer>, everyFormula: boolean): object {
  const container = XLSX.CFB.utils.cfb_new() as object;
  for (const [name, data] of parts) {
    XLSX.CFB.utils.cfb_add(container, name, isWorksheetXml(name) ? protectFormulaStrings(prepareCellsForSheetJs(data, everyFormula)) : data, { unsafe: true });
  }
  return container;
}

/**
 * SheetJS keeps the number formats of the last workbook it read in a table of its own, and writes them
 * into every workbook it writes afterwards: a report's or template's bytes would depend on what was read
 * before them. Each read here leaves the table as it found it.
 */
function keepingFormats<T>(read: () => T): T {
  const before: Record<number, string> = { ...(XLSX.SSF.get_table() as Record<number, string>) };
  try {
    return read();
  } finally {
    // parse_zip starts a new table: the one in use now is restored to what it was.
    const table = XLSX.SSF.get_table() as Record<number, string>;
    for (const key of Object.keys(table)) if (!(key in before)) delete table[key as unknown as number];
    Object.assign(table, before);
  }
}

function unreadable<T>(file: string, read: () => T): T {
  try {
    return keepingFormats(read);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new WorkbookRejected('unreadable', rejection.unreadable(file, why));
  }
}

/** Values SheetJS would otherwise compute per cell and ingest never reads (display text, formats, styles, formulas). */
const SHEETJS_OPTIONS: XLSX.ParsingOptions = {
  type: 'buffer', dense: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false, cellNF: false, cellStyles: false, sheetStubs: false, bookVBA: false,
};

const parseZip = (XLSX as unknown as { parse_zip: (zip: object, opts: XLSX.ParsingOptions) => XLSX.WorkBook }).parse_zip;

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

/**
 * The sheet's non-empty rows with their Excel numbers, anchored at A1 so letters match Excel; typeTables
 * finds the header among them. Only the cells the sheet holds are visited: a stray value in XFD1048576
 * costs one cell, not a million rows of sixteen thousand columns.
 */
function rawTableOf(name: string, sheet: XLSX.WorkSheet, date1904: boolean): ReadSheet {
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
  const merges = (sheet['!merges'] ?? []).map((m) => ({ firstRow: m.s.r + 1, lastRow: m.e.r + 1, firstColumn: m.s.c, lastColumn: m.e.c }))
    .filter((m) => m.firstRow <= m.lastRow && m.firstColumn <= m.lastColumn);
  return { table: { name, rows, rowNumbers, date1904, ...(merges.length > 0 ? { merges } : {}) }, cells };
}

/** Numbers stay numbers whatever their display format; date columns read them as Excel serials in the workbook's date system. */
function cellValue(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 'n': return cell.v as number;
    case 'b': return cell.v as boolean;
    case 's': return String(cell.v);
    case 'd': return cell.v instanceof Date ? cell.v : String(cell.v);
    case 'e': return cell.v === GETTING_DATA_CODE ? UNCOMPUTED_FORMULA : new ExcelError(cell.w ?? EXCEL_ERRORS[cell.v as number] ?? '#ERROR');
    case 'z': return null;
    default: return String(cell.v);
  }
}

/** Excel's error codes as it displays them (SheetJS sets cell.w only when it computes display text). */
const EXCEL_ERRORS: Readonly<Record<number, string>> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0xff: '#WTF?' };
/** `#GETTING_DATA`, a result not yet computed: read as a formula whose result the file does not hold. */
const GETTING_DATA_CODE = 0x2b;
