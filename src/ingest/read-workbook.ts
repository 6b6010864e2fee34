// .xlsx bytes → typed tables: guards first (size, zip bombs, cell count), then SheetJS, then typeTables.
import { createHash } from 'node:crypto';
import * as XLSX from 'xlsx';

import type { RawCell, RawTable } from './raw.ts';
import { typeTables } from './type-tables.ts';
import type { HeaderMapping, IngestedWorkbook, IngestLimits } from './types.ts';
import { countCellElements, declaredTotal, inflateGuarded, isCompoundFile, readCentralDirectory, tooLargeMessage, WorkbookRejected } from './zip-guard.ts';

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
  if (!entries.some((e) => e.name === 'xl/workbook.xml' || e.name === 'xl/workbook.bin')) {
    throw new WorkbookRejected('not-a-workbook', `${file} is a zip file but not an .xlsx workbook (no xl/workbook.xml); export the data from Excel as .xlsx.`);
  }
  const declared = declaredTotal(entries);
  if (declared > limits.maxUncompressedBytes) {
    throw new WorkbookRejected('too-large', tooLargeMessage(file, declared, limits.maxUncompressedBytes, 'declares'));
  }
  let cells = 0;
  inflateGuarded(bytes, entries, file, limits.maxUncompressedBytes, (_name, xml) => {
    cells += countCellElements(xml);
    if (cells > limits.maxCells) throw tooManyCells(file, cells, limits.maxCells);
  });

  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'buffer', cellDates: false, dense: true, cellFormula: false, cellHTML: false, cellStyles: false, sheetRows: limits.maxCells + 1 });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new WorkbookRejected('unreadable', `${file} could not be read as a workbook (${why}); open it in Excel and save it again as .xlsx.`);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const raw = wb.SheetNames.map((name) => rawTableOf(name, wb.Sheets[name]!, date1904));
  const counted = raw.reduce((n, t) => n + t.header.length + t.rows.reduce((m, r) => m + r.length, 0), 0);
  if (counted > limits.maxCells) throw tooManyCells(file, counted, limits.maxCells);
  return typeTables(raw, { file, sha256: sha256Hex(bytes), ...(options.mapping ? { mapping: options.mapping } : {}) });
}

function tooManyCells(file: string, cells: number, limit: number): WorkbookRejected {
  return new WorkbookRejected('too-many-cells', `${file} has more than ${limit.toLocaleString('en')} cells (${cells.toLocaleString('en')} so far); split the workbook by period (or remove unused formatted rows and columns) and audit the parts.`);
}

type DenseSheet = XLSX.WorkSheet & { '!data'?: (XLSX.CellObject | undefined)[][] };

/** The header is the first non-empty row; rows and columns are anchored at A1 so letters match Excel. */
function rawTableOf(name: string, sheet: XLSX.WorkSheet, date1904: boolean): RawTable {
  const data = (sheet as DenseSheet)['!data'] ?? [];
  const rows: RawCell[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: RawCell[] = [];
    if (src) for (let c = 0; c < src.length; c++) row[c] = cellValue(src[c]);
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
    rows[r] = row;
  }
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  const headerIndex = rows.findIndex((row) => row.some((c) => c !== null && !(typeof c === 'string' && c.trim() === '')));
  if (headerIndex < 0) return { name, header: [], rows: [], headerRow: 1, date1904 };
  const header = rows[headerIndex]!.map((c) => (c === null ? null : c instanceof Date ? c.toISOString().slice(0, 10) : String(c)));
  return { name, header, rows: rows.slice(headerIndex + 1), headerRow: headerIndex + 1, date1904 };
}

/** Numbers stay numbers whatever their display format; date columns read them as Excel serials in the workbook's date system. */
function cellValue(cell: XLSX.CellObject | undefined): RawCell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 'n': return cell.v as number;
    case 'b': return cell.v as boolean;
    case 's': return String(cell.v);
    case 'd': return cell.v instanceof Date ? cell.v : String(cell.v);
    case 'e': return cell.w ?? '#ERROR';
    case 'z': return null;
    default: return String(cell.v);
  }
}

export { WorkbookRejected };
