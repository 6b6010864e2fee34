// What ingest hands to the rest of the pipeline: typed tables plus every input problem it found.
import type { DayNumber } from '../core/date.ts';
import type { Localized } from '../core/lang.ts';
import type { ColumnId, SheetId } from '../schema/types.ts';

/**
 * A typed cell: id/text/enum → string (enum as canonical code), int/number → number,
 * date/month → DayNumber (a number; the schema says which), bool → boolean, list → string[] of codes,
 * empty → null.
 */
export type CellValue = string | number | boolean | DayNumber | readonly string[] | null;

export interface TypedRow {
  /** The 1-based row number a person sees in Excel. */
  readonly excelRow: number;
  /** Keyed by canonical column id; a null-prototype object, so `__proto__` is just a key. Absent columns are absent. */
  readonly values: Readonly<Record<ColumnId, CellValue>>;
}

export interface TypedTable {
  readonly sheet: SheetId;
  /** The sheet's name as written in the workbook (for `Балалар!B12` addresses). */
  readonly sheetName: string;
  /** Canonical ids of the columns the workbook has, in workbook order. */
  readonly columns: readonly ColumnId[];
  /**
   * Optional columns the sheet does not have whose absence reads as empty in every row (the schema's
   * `whenAbsent: 'empty'`): rules that read them are evaluated. Other absent columns stay absent.
   */
  readonly readAsEmpty: readonly ColumnId[];
  /** Excel column letters of each present column (`child_id` → `A`). */
  readonly columnLetters: Readonly<Record<ColumnId, string>>;
  /** Accepted rows only: a row with any input error is rejected and kept out of every check. */
  readonly rows: readonly TypedRow[];
  /**
   * The rows kept out for input errors, in sheet order, each with the values of its cells that were read
   * (a cell in error has no value): what a rule looked for may be among them.
   */
  readonly rejected: readonly TypedRow[];
  readonly counts: RowCounts;
  /**
   * Other sheets of the workbook, with rows, that are this table too (its Kazakh and its Russian name, a
   * log split in two): only this sheet was read, so the table may be incomplete and the rules that read
   * it are not evaluated.
   */
  readonly others?: readonly string[];
}

export interface RowCounts { readonly read: number; readonly accepted: number; readonly rejected: number }

/** The input-error taxonomy (documented in docs/input-errors.md), in the spirit of Frictionless Data. */
export type InputErrorCode =
  | 'type-error'        // a value of the wrong type: `abc` in a date column, `31.02.2010`
  | 'constraint-error'  // a value outside its bounds: a negative count, a one-row sheet with two rows
  | 'missing-cell'      // a required cell left empty
  | 'missing-column'    // a required column absent from the sheet's header
  | 'unknown-value'     // an enum value that is neither a code nor a kk/ru label
  | 'duplicate-key'     // a second row with the same unique key
  | 'foreign-key'       // a reference to a child/staff/group that the referenced sheet does not have
  | 'unknown-column'    // a header that matches no column of the sheet (listed, not fatal)
  | 'unknown-sheet'     // a sheet that matches no sheet of the contract (listed, not fatal)
  | 'duplicate-sheet'   // a second sheet with rows of a table already read: neither is the whole table
  | 'blank-header'      // a column with data under an empty header
  | 'absent-column'     // an optional column the sheet lacks, read as empty in every row (its schema says so)
  | 'rows-above-header' // rows above the header (a title, a date line), not read as data
  | 'unused-mapping';   // a --mapping name that no sheet or header of the workbook has

/** Codes that are listed for the user but do not fail an audit (ingest marks them `severity: 'warning'`). */
export const WARNING_CODES: ReadonlySet<InputErrorCode> = new Set<InputErrorCode>([
  'unknown-column', 'unknown-sheet', 'blank-header', 'absent-column', 'rows-above-header', 'unused-mapping',
]);

export interface InputError {
  readonly code: InputErrorCode;
  readonly sheet: SheetId;
  readonly sheetName: string;
  readonly row: number | null;
  readonly column: ColumnId | null;
  /** As Excel shows it: `Балалар!B12`. */
  readonly cell: string | null;
  readonly value: string | null;
  readonly message: Localized;
  /** WARNING_CODES are warnings: listed in the report, not input errors that make an audit incomplete. */
  readonly severity: 'error' | 'warning';
}

export interface FacilityInfo {
  readonly facility_id: string;
  readonly name: string;
  readonly kind: string;
  readonly ownership: string;
  readonly period_from: DayNumber;
  readonly period_to: DayNumber;
}

export interface IngestedWorkbook {
  readonly file: string;
  readonly sha256: string;
  readonly tables: Readonly<Partial<Record<SheetId, TypedTable>>>;
  /** The facility sheet's row, or null when it is missing or rejected (the audit then cannot run). */
  readonly facility: FacilityInfo | null;
  readonly errors: readonly InputError[];
}

/** A facility's own sheet and column names mapped to canonical ids (`--mapping FILE`). */
export interface HeaderMapping {
  readonly sheets?: Readonly<Record<string, SheetId>>;
  readonly columns?: Readonly<Record<SheetId, Readonly<Record<string, ColumnId>>>>;
}

export interface IngestLimits {
  /** Largest total declared uncompressed size of the zip's entries, bytes (default 200 MB). */
  readonly maxUncompressedBytes: number;
  /** Most cells across all sheets (default 5 million). */
  readonly maxCells: number;
}
