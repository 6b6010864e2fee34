// Typing one cell by its column's contract type. Dates never pass through local time: Excel serials
// and text become day numbers arithmetically, so Almaty and Los Angeles read the same day.
import { dayNumber, EARLIEST_DAY, formatIsoDate, isValidYMD, parseDateText, toYMD, type DayNumber } from '../core/date.ts';
import { clip } from '../core/text.ts';
import { enumById, matchEnumValue } from '../schema/index.ts';
import type { ColumnDef } from '../schema/types.ts';
import { ExcelError, UncomputedFormula, type RawCell } from './raw.ts';
import type { CellValue, InputErrorCode } from './types.ts';

export type CellResult =
  | { readonly ok: true; readonly value: CellValue }
  | { readonly ok: false; readonly code: InputErrorCode; readonly detail?: string };

const MS_PER_DAY = 86_400_000;
/** Day number of Excel's 1900-system serial 0 (1899-12-30, which absorbs Lotus's fictitious 1900-02-29). */
const EPOCH_1900 = dayNumber(1899, 12, 30);
const EPOCH_1904 = dayNumber(1904, 1, 1);
const LAST_DAY = dayNumber(9999, 12, 31);

/**
 * An Excel date serial → day number; the time-of-day fraction is dropped. The serial is first rounded to
 * the millisecond, as Excel shows it: a date-time that floating-point sums left a hair short of midnight
 * (`=B2+1/24` down a column gives 40257.99999999994) is the next day Excel shows, not the day before.
 */
export function excelSerialToDay(serial: number, date1904 = false): DayNumber | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  const whole = Math.floor(Math.round(serial * MS_PER_DAY) / MS_PER_DAY);
  let day: number;
  if (date1904) day = EPOCH_1904 + whole;
  else if (whole === 60) return undefined; // 1900-02-29 never existed
  else if (whole < 60) day = EPOCH_1900 + whole + 1;
  else day = EPOCH_1900 + whole;
  if (whole === 0 && !date1904) return undefined;
  return day <= LAST_DAY ? day : undefined;
}

/** A day number → the Excel serial a date cell holds for it: the inverse of excelSerialToDay. */
export function dayToExcelSerial(day: DayNumber, date1904 = false): number {
  if (date1904) return day - EPOCH_1904;
  // Serials before 1900-03-01 (serial 61) count Lotus's 1900-02-29 that never was one day too few.
  return day - EPOCH_1900 - (day < EPOCH_1900 + 61 ? 1 : 0);
}

/**
 * A Date → day number. A Date is an instant, so the calendar day is the UTC day nearest to it: exact for
 * UTC midnight and for local midnight in any zone within ±12 h (how spreadsheet libraries build them).
 */
export function dateObjectToDay(d: Date): DayNumber | undefined {
  const t = d.getTime();
  return Number.isFinite(t) ? Math.round(t / MS_PER_DAY) : undefined;
}

export function isEmptyCell(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The cell as a person would read it back in an error message. */
export function cellText(cell: RawCell): string {
  if (cell instanceof ExcelError) return cell.text;
  if (cell instanceof UncomputedFormula) return ''; // no value to show: the file holds none
  if (cell instanceof Date) {
    const day = dateObjectToDay(cell);
    return day === undefined ? String(cell) : formatIsoDate(day);
  }
  return String(typeof cell === 'number' ? shownNumber(cell) : cell);
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', '1', '+', 'иә', 'иа', 'ия', 'бар', 'да', 'д', 'есть']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', '-', 'жоқ', 'жок', 'нет', 'н']);
const INT_RE = /^[+-]?\d+$/;
const NUMBER_RE = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;
const MONTH_RE = /^(\d{4})-(\d{1,2})$/;
const DOTTED_MONTH_RE = /^(\d{1,2})\.(\d{4})$/;

function ok(value: CellValue): CellResult {
  return { ok: true, value };
}
const typeError = (detail?: string): CellResult => ({ ok: false, code: 'type-error', ...(detail ? { detail } : {}) });

/**
 * What exports write after a date that is still just the date: a time (`21.03.2010 0:00:00`,
 * `2010-03-21T00:00:00`, from a date-time column saved as text) or the year mark of Russian and Kazakh
 * documents (`21.03.2010 г.`, `21.03.2010 ж.`). Ambiguous forms (`03/04/2010`) stay errors.
 */
const DATE_TIME_TAIL = /(?:[ T](?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?|\s*[гж]\.?)$/i;

function parseCellDateText(text: string): DayNumber | undefined {
  const s = text.trim();
  // A date with its tail is short; a long text is no date, and is not scanned for a tail.
  return parseDateText(s) ?? (s.length <= 32 ? parseDateText(s.replace(DATE_TIME_TAIL, '')) : undefined);
}

/** A date before 1900 (`0005-06-01`) is a typing error, not a date: it is refused, never shifted. */
function parseDate(cell: Exclude<RawCell, null>, date1904: boolean): DayNumber | undefined {
  const day = cell instanceof Date ? dateObjectToDay(cell)
    : typeof cell === 'number' ? excelSerialToDay(cell, date1904)
    : typeof cell === 'string' ? parseCellDateText(cell)
    : undefined;
  return day !== undefined && day >= EARLIEST_DAY ? day : undefined;
}

function parseMonth(cell: Exclude<RawCell, null>, date1904: boolean): DayNumber | undefined {
  if (typeof cell === 'string') {
    const s = cell.trim();
    const m = MONTH_RE.exec(s) ?? null;
    const d = m ? null : DOTTED_MONTH_RE.exec(s);
    const [y, mo] = m ? [+m[1]!, +m[2]!] : d ? [+d[2]!, +d[1]!] : [NaN, NaN];
    if (!Number.isNaN(y)) return isValidYMD(y, mo, 1) && dayNumber(y, mo, 1) >= EARLIEST_DAY ? dayNumber(y, mo, 1) : undefined;
  }
  const day = parseDate(cell, date1904);
  if (day === undefined) return undefined;
  const { year, month } = toYMD(day);
  return dayNumber(year, month, 1);
}

function parseNumber(cell: Exclude<RawCell, null>): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'string') {
    const s = cell.trim().replace(/\s/g, '');
    return NUMBER_RE.test(s) ? Number(s.replace(',', '.')) : undefined;
  }
  return undefined;
}

const NO_CODES: readonly string[] = Object.freeze([]);

/**
 * The most comma-separated pieces any label (or code) of the enum has: a run of pieces longer than this
 * cannot be a label, so a list cell is cut in time linear in its length, whatever it holds.
 */
const piecesPerLabel = new Map<string, number>();
function maxPiecesOf(enumId: string): number {
  let max = piecesPerLabel.get(enumId);
  if (max === undefined) {
    max = 1;
    for (const v of enumById(enumId)?.values ?? []) {
      for (const label of [v.code, ...v.labels.kk, ...v.labels.ru, ...v.labels.en]) max = Math.max(max, label.split(',').length);
    }
    piecesPerLabel.set(enumId, max);
  }
  return max;
}

/**
 * A list cell → canonical codes, and the distinct pieces that are not allowed values. A cell holding one
 * value (the usual case) is a single lookup. Otherwise each `;` part is tried whole, then cut at its
 * commas taking the longest run of pieces that is a known label first, so a label that holds a comma
 * (`заболевание, требующее специализированного лечения`) stays whole, however the comma is spaced.
 */
function parseList(enumId: string, text: string): { codes: readonly string[]; unknown: ReadonlySet<string> } {
  if (!text.includes(';') && !text.includes(',')) {
    const code = matchEnumValue(enumId, text);
    return code !== undefined ? { codes: Object.freeze([code]), unknown: new Set() }
      : { codes: NO_CODES, unknown: new Set(text.trim() === '' ? [] : [text.trim()]) };
  }
  const codes = new Set<string>();
  const unknown = new Set<string>();
  const longest = maxPiecesOf(enumId);
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const whole = matchEnumValue(enumId, part);
    if (whole !== undefined) { codes.add(whole); continue; }
    const pieces = part.split(',').map((p) => p.trim());
    let i = 0;
    while (i < pieces.length) {
      if (pieces[i] === '') { i += 1; continue; }
      let j = Math.min(pieces.length, i + longest);
      let code: string | undefined;
      for (; j > i; j--) {
        code = matchEnumValue(enumId, pieces.slice(i, j).join(', '));
        if (code !== undefined) break;
      }
      if (code !== undefined) { codes.add(code); i = j; } else { unknown.add(pieces[i]!); i += 1; }
    }
  }
  return { codes: Object.freeze([...codes]), unknown };
}

/** Unknown list values named in an input error; the rest are counted. */
const NAMED_UNKNOWN = 3;

/** `x; y; z; … (+15997)`: the first few unknown values, each cut short, and how many more there are. */
function unknownSummary(unknown: ReadonlySet<string>): string {
  const named: string[] = [];
  for (const value of unknown) {
    if (named.length === NAMED_UNKNOWN) break;
    named.push(clip(value));
  }
  const more = unknown.size - named.length;
  return more > 0 ? `${named.join('; ')}; … (+${more})` : named.join('; ');
}

/** The detail of a type error whose cell holds an Excel error (`#N/A`): a failed formula, not a wrong value. */
export const EXCEL_ERROR_DETAIL = 'excel-error';

/** The detail of a type error whose cell is a formula with no result stored in the file (see UncomputedFormula). */
export const UNCOMPUTED_FORMULA_DETAIL = 'uncomputed-formula';

/**
 * A number as Excel shows and compares it, to 15 significant digits: `=4.35*100` holds 434.99999999999994
 * and is 435 in Excel, a whole number. (Date serials are rounded to the millisecond in excelSerialToDay.)
 */
function shownNumber(n: number): number {
  return Number.isSafeInteger(n) || !Number.isFinite(n) ? n : Number(n.toPrecision(15));
}

/** Types a non-empty cell; an empty cell is handled by the caller (null, or missing-cell when required). */
export function typeCell(column: ColumnDef, raw: Exclude<RawCell, null>, date1904: boolean): CellResult {
  if (raw instanceof ExcelError) return typeError(EXCEL_ERROR_DETAIL);
  if (raw instanceof UncomputedFormula) return typeError(UNCOMPUTED_FORMULA_DETAIL);
  const cell = typeof raw === 'number' && column.type !== 'date' && column.type !== 'month' ? shownNumber(raw) : raw;
  switch (column.type) {
    case 'id': {
      // A number cell holding NaN or ±Infinity (XML can) is no code anybody wrote.
      if (typeof cell === 'boolean' || cell instanceof Date || (typeof cell === 'number' && !Number.isFinite(cell))) return typeError();
      const s = typeof cell === 'number' ? String(cell) : cell.trim();
      return s === '' ? typeError() : ok(s);
    }
    case 'text':
      return ok(cellText(cell).trim());
    case 'date': {
      const day = parseDate(cell, date1904);
      return day === undefined ? typeError() : ok(day);
    }
    case 'month': {
      const day = parseMonth(cell, date1904);
      return day === undefined ? typeError() : ok(day);
    }
    case 'int':
    case 'number': {
      if (typeof cell === 'string' && column.type === 'int' && !INT_RE.test(cell.trim())) return typeError();
      const n = parseNumber(cell);
      if (n === undefined || (column.type === 'int' && !Number.isInteger(n))) return typeError();
      if (column.min !== undefined && n < column.min) return { ok: false, code: 'constraint-error', detail: String(column.min) };
      return ok(n);
    }
    case 'bool': {
      if (typeof cell === 'boolean') return ok(cell);
      if (typeof cell === 'number') return cell === 1 ? ok(true) : cell === 0 ? ok(false) : typeError();
      if (typeof cell !== 'string') return typeError();
      const w = cell.trim().toLocaleLowerCase();
      return TRUE_WORDS.has(w) ? ok(true) : FALSE_WORDS.has(w) ? ok(false) : typeError();
    }
    case 'enum': {
      const code = matchEnumValue(column.enum ?? '', cellText(cell));
      return code === undefined ? { ok: false, code: 'unknown-value' } : ok(code);
    }
    case 'list': {
      const { codes, unknown } = parseList(column.enum ?? '', cellText(cell));
      return unknown.size > 0 ? { ok: false, code: 'unknown-value', detail: unknownSummary(unknown) } : ok(codes);
    }
  }
}
