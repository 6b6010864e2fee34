// Workbooks as facilities really make them, built from the examples: columns left out or blanked, sheets
// left out, title rows above the headers. Each sheet is an array of rows as SheetJS reads it (raw values,
// empty rows kept so that row numbers stay those of the original).
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { columnOf, matchColumnHeader, matchSheetName } from '../../src/schema/index.ts';
import type { ColumnDef } from '../../src/schema/types.ts';

export type Sheets = Record<string, unknown[][]>;

/** Each example read once per test process (reading is most of a test's time); every caller gets its own copy. */
const read = new Map<string, Sheets>();

export function readSheets(path: string): Sheets {
  if (!read.has(path)) {
    // Without the cells' formatted text (cellText), which raw values do not use: the same rows, read in about half the time.
    const book = XLSX.read(readFileSync(path), { type: 'buffer', cellText: false, dense: true });
    const out: Sheets = {};
    for (const name of book.SheetNames) {
      out[name] = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name]!, { header: 1, raw: true, defval: null, blankrows: true });
    }
    read.set(path, out);
  }
  return structuredClone(read.get(path)!);
}

export function sheetBytes(sheets: Sheets): Uint8Array {
  const book = XLSX.utils.book_new();
  // Dense sheets (rows of cells instead of one object keyed by address): the same bytes, written in about two thirds of the time.
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { dense: true }), name);
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** The contract column under each header cell of row 1 (undefined for a header that is none). */
function columnsOf(sheetName: string, rows: unknown[][]): (ColumnDef | undefined)[] {
  const sheet = matchSheetName(sheetName);
  return (rows[0] ?? []).map((h) => {
    const id = sheet === undefined || typeof h !== 'string' ? undefined : matchColumnHeader(sheet, h);
    return sheet === undefined || id === undefined ? undefined : columnOf(sheet, id);
  });
}

/** The sheets with every column for which `drop` holds left out. */
export function withoutColumns(sheets: Sheets, drop: (c: ColumnDef, sheetName: string) => boolean): Sheets {
  const out: Sheets = {};
  for (const [name, rows] of Object.entries(sheets)) {
    const keep = columnsOf(name, rows).map((c) => c === undefined || !drop(c, name));
    out[name] = rows.map((r) => r.filter((_, i) => keep[i] ?? true));
  }
  return out;
}

/** The sheets with the cells (not the headers) of every column for which `blank` holds emptied. */
export function withBlankColumns(sheets: Sheets, blank: (c: ColumnDef) => boolean): Sheets {
  const out: Sheets = {};
  for (const [name, rows] of Object.entries(sheets)) {
    const cols = columnsOf(name, rows);
    out[name] = rows.map((r, k) => (k === 0 ? r : r.map((v, i) => (cols[i] !== undefined && blank(cols[i]!) ? null : v))));
  }
  return out;
}

/** Whether a column holds any value below its header. */
export function columnHasData(sheets: Sheets, sheetName: string, column: string): boolean {
  const rows = sheets[sheetName] ?? [];
  const i = columnsOf(sheetName, rows).findIndex((c) => c?.id === column);
  return i >= 0 && rows.slice(1).some((r) => r[i] !== null && r[i] !== undefined && r[i] !== '');
}

export function withTitleRows(sheets: Sheets, titles: readonly (readonly unknown[])[]): Sheets {
  return Object.fromEntries(Object.entries(sheets).map(([name, rows]) => [name, [...titles.map((t) => [...t]), ...rows]]));
}
