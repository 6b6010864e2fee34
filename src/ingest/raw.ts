// The untyped tables ingest starts from: what SheetJS (or a rule file's example table) hands over.

/**
 * A cell as read: text, a number (an Excel serial in date columns), a boolean, a Date, an Excel error, a
 * formula whose result the file does not hold, or empty.
 */
export type RawCell = string | number | boolean | Date | ExcelError | UncomputedFormula | null;

/**
 * An error cell (`#N/A`, `#REF!`, `#SPILL!`: a formula that failed) with the text Excel shows in it. It is
 * not a value of any column — an id, a name or a date — so ingest refuses it with an input error instead of
 * reading the text `#N/A` as a child's code.
 */
export class ExcelError {
  constructor(readonly text: string) {}
}

/**
 * A formula cell whose result the file does not hold: saved by a program that writes formulas without
 * calculating them (openpyxl stores an empty `<v>`, others none), or in a workbook marked to be
 * recalculated on opening (`<calcPr fullCalcOnLoad="1"/>`, where xlsxwriter stores 0 for every result).
 * Excel shows the value it computes on opening; the file has none to read. Ingest refuses it with an
 * input error, never reads it as an empty cell or as the placeholder.
 */
export class UncomputedFormula {}

/** The one UncomputedFormula the readers hand on (it carries nothing of its own). */
export const UNCOMPUTED_FORMULA = new UncomputedFormula();

/** Excel's error value for a result not yet computed (a cube or data-source formula still fetching). */
export const GETTING_DATA = '#GETTING_DATA';

/**
 * A row's cells, index 0 being Excel column A. A row read from a workbook may be holey (a cell in column
 * XFD and nothing between): ingest visits the cells a row has, never every index up to its length.
 */
export type RawRow = readonly RawCell[];

export interface RawTable {
  /** The sheet's name as written in the workbook. */
  readonly name: string;
  /**
   * Header cells, when the caller knows which row is the header (a rule file's example table). Without
   * it, the header is the row among the first 10 non-empty rows that matches the most contract columns,
   * and the rows above it are listed once as a note (a title, a date line).
   */
  readonly header?: readonly (string | null)[];
  /** 1-based Excel row of `header` (default 1). */
  readonly headerRow?: number;
  /** With `header`: the rows below it. Without: the sheet's rows from the top. Empty rows are skipped. */
  readonly rows: readonly (RawRow | undefined)[];
  /** The 1-based Excel row of each entry of `rows`; without it rows are consecutive (below the header, or from row 1). */
  readonly rowNumbers?: readonly number[];
  /** The workbook uses the 1904 date system (Mac Excel); numbers in date columns count from 1904-01-01. */
  readonly date1904?: boolean;
  /** The sheet's merged cells, as its `<mergeCells>` lists them (only when it has some). */
  readonly merges?: readonly MergedRange[];
}

/** Merged cells (`A2:A11`): the value is in the first cell only, though Excel shows it across the range. 1-based rows, 0-based columns. */
export interface MergedRange {
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
}

/** Rows longer than this are visited through their keys: a holey row costs its cells, not its length. */
const SCAN_BY_INDEX = 256;

/**
 * The indexes a long holey array holds, so that visiting them costs its entries, not its length; null
 * when the array is short enough to walk by index (the hot loops of ingest walk it themselves).
 */
export function sparseIndexes(list: readonly unknown[]): number[] | null {
  if (list.length <= SCAN_BY_INDEX) return null;
  const out: number[] = [];
  for (const key of Object.keys(list)) {
    const i = Number(key);
    if (Number.isInteger(i)) out.push(i);
  }
  return out;
}

/**
 * Calls `visit` for each entry a holey array holds, in index order: the cells of a row (empty cells
 * included), or the rows of a sheet.
 */
export function forEachCell<T>(list: readonly (T | undefined)[], visit: (index: number, entry: T) => void): void {
  if (list.length <= SCAN_BY_INDEX) {
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (entry !== undefined) visit(i, entry);
    }
    return;
  }
  for (const i of sparseIndexes(list)!) if (list[i] !== undefined) visit(i, list[i]!);
}
