// Workbooks for follow-up and consolidation tests, made from the residential example as a facility would
// change it: a document handed in, a menu day approved, health-log days left unrecorded.
import { dayNumber, formatDottedDate, parseDateText, type DayNumber } from '../../src/core/date.ts';
import { matchColumnHeader, matchSheetName } from '../../src/schema/index.ts';
import { readSheets, sheetBytes, type Sheets } from './workbooks.ts';

export const RESIDENTIAL = 'examples/residential-2010.xlsx';

/** Excel's serial of 1970-01-01. */
const EXCEL_EPOCH = 25_569;

function sheetNamed(sheets: Sheets, id: string): unknown[][] {
  const name = Object.keys(sheets).find((n) => matchSheetName(n) === id);
  if (name === undefined) throw new Error(`no sheet ${id}`);
  return sheets[name]!;
}

function columnIndex(rows: unknown[][], sheet: string, column: string): number {
  const i = (rows[0] ?? []).findIndex((h) => typeof h === 'string' && matchColumnHeader(sheet, h) === column);
  if (i < 0) throw new Error(`no column ${sheet}.${column}`);
  return i;
}

/** A date cell as the example writes it: an Excel serial or `dd.mm.yyyy` text. */
function dayOf(cell: unknown): DayNumber {
  if (typeof cell === 'number') return cell - EXCEL_EPOCH;
  const d = parseDateText(String(cell));
  if (d === undefined) throw new Error(`not a date: ${String(cell)}`);
  return d;
}

export const day = (iso: string): DayNumber => parseDateText(iso)!;

/** Removes a child's health-log rows on the days `drop` holds. */
export function dropHealthLog(sheets: Sheets, child: string, drop: (d: DayNumber) => boolean): Sheets {
  const rows = sheetNamed(sheets, 'health_log');
  const c = columnIndex(rows, 'health_log', 'child_id'), d = columnIndex(rows, 'health_log', 'date');
  const kept = rows.filter((r, i) => i === 0 || r[c] !== child || !drop(dayOf(r[d])));
  const name = Object.keys(sheets).find((n) => matchSheetName(n) === 'health_log')!;
  return { ...sheets, [name]: kept };
}

/** Adds a row to a sheet, by canonical column id; the rest of the row is left empty. */
export function addRow(sheets: Sheets, sheet: string, values: Readonly<Record<string, unknown>>): Sheets {
  const name = Object.keys(sheets).find((n) => matchSheetName(n) === sheet)!;
  const rows = sheets[name]!;
  const row = (rows[0] ?? []).map((h) => {
    const id = typeof h === 'string' ? matchColumnHeader(sheet, h) : undefined;
    return id !== undefined && id in values ? values[id] : null;
  });
  return { ...sheets, [name]: [...rows, row] };
}

/**
 * The residential example a year of follow-up later: R-05's PMPK conclusion handed in and day 9 of the
 * autumn–winter menu approved (resolved); R-02 (2010-05-12), R-04, R-07 and R-08 as before (persisting);
 * R-03 without a health-log entry on 2010-03-01 … 2010-03-14 and R-02 also on 2010-05-20 (new, 15 findings).
 */
export function laterResidential(): Uint8Array {
  let sheets = readSheets(RESIDENTIAL);
  sheets = addRow(sheets, 'documents', { child_id: 'R-05', document: 'ПМПК қорытындысы', received_on: formatDottedDate(dayNumber(2009, 10, 1)) });
  sheets = addRow(sheets, 'menus', {
    menu_kind: '14 күндік маусымдық', season: 'күз-қыс', day_no: 9, meal: 'таңғы ас, түскі ас, кешкі ас', dish: '9-күннің мәзірі',
    approved_by: 'басшы', approved_on: '28.08.2009',
  });
  sheets = dropHealthLog(sheets, 'R-03', (d) => d >= day('2010-03-01') && d <= day('2010-03-14'));
  sheets = dropHealthLog(sheets, 'R-02', (d) => d === day('2010-05-20'));
  return sheetBytes(sheets);
}

/**
 * The residential example with over 300 health-log days left unrecorded for three children (R-01 every day
 * of 2010-01-04 … 2010-04-13 but one, R-03 all of March–May, R-06 Monday to Saturday from 1 February to
 * 15 June): a workbook of many per-day findings.
 */
export function manyDailyFindings(): Uint8Array {
  let sheets = readSheets(RESIDENTIAL);
  sheets = dropHealthLog(sheets, 'R-01', (d) => d >= day('2010-01-04') && d <= day('2010-04-13') && d !== day('2010-02-15'));
  sheets = dropHealthLog(sheets, 'R-03', (d) => d >= day('2010-03-01') && d <= day('2010-05-31'));
  sheets = dropHealthLog(sheets, 'R-06', (d) => d >= day('2010-02-01') && d <= day('2010-06-15') && (d + 3) % 7 < 6);
  return sheetBytes(sheets);
}
