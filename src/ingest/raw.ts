// The untyped tables ingest starts from: what SheetJS (or a rule file's example table) hands over.

/** A cell as read: text, a number (an Excel serial in date columns), a boolean, a Date, or empty. */
export type RawCell = string | number | boolean | Date | null;

export interface RawTable {
  /** The sheet's name as written in the workbook. */
  readonly name: string;
  /** Header cells; index 0 is Excel column A. */
  readonly header: readonly (string | null)[];
  /** Cells below the header, each row starting at column A. */
  readonly rows: readonly (readonly RawCell[])[];
  /** 1-based Excel row of the header. */
  readonly headerRow: number;
  /** The workbook uses the 1904 date system (Mac Excel); numbers in date columns count from 1904-01-01. */
  readonly date1904?: boolean;
}
