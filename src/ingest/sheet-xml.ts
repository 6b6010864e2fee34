// SpreadsheetML's cell XML → raw rows, reading of each cell only what ingest uses: its type and value.
// SheetJS's general parser computed per cell what ingest then discards (styles, formats, formula text,
// a cell object per value) and took four fifths of an audit's time; this reader walks the XML once with
// indexOf. What it does not know — another encoding, an unknown cell type, rows out of order — is an
// UnsupportedXml, and the caller reads that part with SheetJS instead (see read-workbook.ts).
import { dayNumber, isValidYMD } from '../core/date.ts';
import { dayToExcelSerial, isEmptyCell } from './cells.ts';
import { ExcelError, GETTING_DATA, UNCOMPUTED_FORMULA, type MergedRange, type RawCell } from './raw.ts';
import { attribute, attributesInto, endOfOtherMarkup, endOfText, isCellEndTag, localName, selfClosing, SLASH, tagEnd, textUntilEndTag, UnsupportedXml } from './xml-scan.ts';

/** Excel stores a line break typed in a cell as `\n`; a `\r\n` in the XML reads as one, as Excel shows it. */
const lineBreaks = (text: string) => (text.indexOf('\r\n') < 0 ? text : text.replace(/\r\n/g, '\n'));

/**
 * The text of a string item (`<si>` of the shared strings, `<is>` of an inline string) whose content starts
 * at `from`: its `<t>` elements, of rich-text runs too, and not the phonetic reading (`<rPh>`) Excel
 * keeps beside East Asian text; and where its end tag (`</si>`, `</is>`) starts. The end is found by
 * walking the item's markup, not by searching for the end tag's text, which a comment or CDATA section
 * inside the item may hold too.
 */
function stringItem(xml: string, from: number, item: 'si' | 'is'): { text: string; end: number } {
  let text = '';
  let phonetic = 0;
  for (let lt = xml.indexOf('<', from); ; lt = xml.indexOf('<', lt + 1)) {
    if (lt < 0) throw new UnsupportedXml('unterminated string item');
    const closing = xml.charCodeAt(lt + 1) === SLASH;
    const name = localName(xml, closing ? lt + 2 : lt + 1);
    if (closing) {
      if (name === item) return { text: lineBreaks(text), end: lt };
      if (name === 'rPh') phonetic--;
      lt = tagEnd(xml, lt);
      continue;
    }
    const other = endOfOtherMarkup(xml, lt);
    if (other >= 0) { lt = other; continue; }
    // The next item or cell before this one's end: damaged, and reading on would take its text.
    if (name === item || name === 'c' || name === 'row') throw new UnsupportedXml('unterminated string item');
    const gt = tagEnd(xml, lt);
    if (selfClosing(xml, gt)) { lt = gt; continue; }
    if (name === 'rPh') phonetic++;
    else if (name === 't') {
      const { text: t, end } = textUntilEndTag(xml, gt + 1);
      if (phonetic === 0) text += t;
      lt = tagEnd(xml, end);
      continue;
    }
    lt = gt;
  }
}

/** The shared strings part (`xl/sharedStrings.xml`): each `<si>` item's text, in order. */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
    const other = endOfOtherMarkup(xml, lt);
    if (other >= 0) { lt = other; continue; }
    const gt = tagEnd(xml, lt);
    if (localName(xml, lt + 1) !== 'si') { lt = gt; continue; }
    if (selfClosing(xml, gt)) { strings.push(''); lt = gt; continue; }
    const { text, end } = stringItem(xml, gt + 1, 'si');
    strings.push(text);
    lt = end;
  }
  return strings;
}

/** What a worksheet's cells need from the rest of the workbook. */
export interface SheetContext {
  readonly strings: readonly string[];
  readonly date1904: boolean;
  /** The workbook is marked to be recalculated on opening: a formula's stored result is a placeholder (see WorkbookIndex). */
  readonly recalculateOnLoad?: boolean;
  /** Called with the number of value cells read so far, after each row; throws to stop a sheet that holds too many. */
  readonly counted?: (cells: number) => void;
}

/** The rows of one worksheet that hold a value, each with its 1-based Excel row number. */
export interface SheetRows {
  readonly rows: RawCell[][];
  readonly rowNumbers: number[];
  readonly cells: number;
  /** The merged cells listed after the sheet data (`<mergeCell ref="A2:A11"/>`). */
  readonly merges: MergedRange[];
}

/** A cell's reference and type (`<c r="B2" t="s">`), read in one pass over its tag. */
const CELL_ATTRIBUTES = ['r', 't'];
const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/** A worksheet part's rows. */
export function readSheetXml(xml: string, context: SheetContext): SheetRows {
  const rows: RawCell[][] = [];
  const rowNumbers: number[] = [];
  let cells = 0;
  // The sheet data's start and end are found by walking the markup, as its cells are: a comment or CDATA
  // section may hold `<sheetData>` or `</sheetData>` too, and the rows after it would be lost.
  const openEnd = sheetDataStart(xml);
  if (openEnd < 0) return { rows, rowNumbers, cells, merges: [] };
  let dataEnd = openEnd;

  let rowNumber = 0;
  let column = -1;
  let inRow = false;
  let row: RawCell[] | null = null;
  const cellAttributes: (string | undefined)[] = [undefined, undefined];
  for (let lt = xml.indexOf('<', openEnd); ; lt = xml.indexOf('<', lt + 1)) {
    if (lt < 0) throw new UnsupportedXml('unterminated sheetData');
    if (xml.charCodeAt(lt + 1) === SLASH) {
      const name = localName(xml, lt + 2);
      if (name === 'sheetData') { dataEnd = lt; break; }
      if (name === 'row') inRow = false;
      lt = tagEnd(xml, lt);
      continue;
    }
    const other = endOfOtherMarkup(xml, lt);
    if (other >= 0) { lt = other; continue; }
    const name = localName(xml, lt + 1);
    const gt = tagEnd(xml, lt);
    if (name === 'row') {
      if (row !== null) { rows.push(row); rowNumbers.push(rowNumber); row = null; context.counted?.(cells); }
      const r = attribute(xml, lt, gt, 'r');
      const next = r === undefined ? rowNumber + 1 : rowNumberOf(r);
      if (next <= rowNumber || next > MAX_ROW) throw new UnsupportedXml('rows out of order');
      rowNumber = next;
      column = -1;
      inRow = !selfClosing(xml, gt);
    } else if (name === 'c') {
      // A cell between rows (after a `</row>`) belongs to no row: which one it means is a guess.
      if (!inRow) throw new UnsupportedXml('a cell outside a row');
      attributesInto(xml, lt, gt, CELL_ATTRIBUTES, cellAttributes);
      const [ref, type] = cellAttributes;
      const next = ref === undefined ? column + 1 : columnOf(ref, rowNumber);
      // Excel writes a row's cells left to right, each once: a cell repeated (or out of order) is damaged,
      // and which of two values for one cell counts is a guess (a later empty one would hide the value).
      if (next <= column) throw new UnsupportedXml('cells out of order');
      column = next;
      if (column >= MAX_COLUMN) throw new UnsupportedXml('column out of range');
      if (selfClosing(xml, gt)) { lt = gt; continue; } // a formatted cell without a value
      const { value, end } = cellValue(xml, gt + 1, type, context);
      if (!isEmptyCell(value)) {
        (row ??= [])[column] = value;
        cells++;
      }
      lt = end;
      continue;
    }
    lt = gt;
  }
  if (row !== null) { rows.push(row); rowNumbers.push(rowNumber); context.counted?.(cells); }
  return { rows, rowNumbers, cells, merges: readMerges(xml, dataEnd) };
}

/**
 * The `<mergeCell ref="A2:A11"/>` elements after the sheet data. They only explain an empty cell to the
 * user (a code merged down a column reads as empty below its first row), so a malformed one is left out.
 */
function readMerges(xml: string, from: number): MergedRange[] {
  const merges: MergedRange[] = [];
  for (let lt = xml.indexOf('<', from); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
    const other = endOfOtherMarkup(xml, lt);
    if (other >= 0) { lt = other; continue; }
    const gt = tagEnd(xml, lt);
    if (xml.charCodeAt(lt + 1) !== SLASH && localName(xml, lt + 1) === 'mergeCell') {
      const range = mergedRangeOf(attribute(xml, lt, gt, 'ref'));
      if (range !== null) merges.push(range);
    }
    lt = gt;
  }
  return merges;
}

/** `A2:A11` as a range; null for anything else. */
function mergedRangeOf(ref: string | undefined): MergedRange | null {
  const m = ref === undefined ? null : /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return null;
  const column = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const [firstRow, lastRow] = [Number(m[2]), Number(m[4])];
  const [firstColumn, lastColumn] = [column(m[1]!), column(m[3]!)];
  if (firstRow < 1 || lastRow < firstRow || lastColumn < firstColumn) return null;
  return { firstRow, lastRow, firstColumn, lastColumn };
}

/**
 * Where the content of the worksheet's `<sheetData>` starts (after its start tag), or -1 when it has none
 * (no sheetData, or `<sheetData/>`). A part that is no worksheet at all is damaged (SheetJS says so).
 */
function sheetDataStart(xml: string): number {
  let worksheet = false;
  for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
    const other = endOfOtherMarkup(xml, lt);
    if (other >= 0) { lt = other; continue; }
    const gt = tagEnd(xml, lt);
    const name = localName(xml, lt + 1);
    if (name === 'worksheet') worksheet = true;
    else if (name === 'sheetData') {
      if (!worksheet) break;
      return selfClosing(xml, gt) ? -1 : gt + 1;
    }
    lt = gt;
  }
  if (!worksheet) throw new UnsupportedXml('not a worksheet');
  return -1;
}

function rowNumberOf(text: string): number {
  if (!/^\d{1,7}$/.test(text)) throw new UnsupportedXml(`row number ${text}`);
  return Number(text);
}

/** The 0-based column of a cell reference such as `AB12`, which must lie in the row being read. */
function columnOf(ref: string, rowNumber: number): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    column = column * 26 + (c - 64);
  }
  const digits = ref.slice(i);
  if (i === 0 || i > 3 || !/^\d{1,7}$/.test(digits) || Number(digits) !== rowNumber) throw new UnsupportedXml(`cell reference ${ref}`);
  return column - 1;
}

/**
 * The value of a cell of type `type` whose content (`<f>`, `<v>`, `<is>`) starts at `from`, and where its
 * `</c>` starts. The cell ends at the end tag its markup walks to, not at the next `</c>` in the text: a
 * comment or CDATA section may hold `</c>`, and a damaged cell without one must not take the next cell's value.
 */
function cellValue(xml: string, from: number, type: string | undefined, context: SheetContext): { value: RawCell; end: number } {
  let v: string | undefined;
  let inline: string | undefined;
  let formula = false;
  let lt = xml.indexOf('<', from);
  for (; ; lt = xml.indexOf('<', lt + 1)) {
    if (lt < 0) throw new UnsupportedXml('unterminated cell');
    if (xml.charCodeAt(lt + 1) === SLASH) {
      if (isCellEndTag(xml, lt)) break;
      const name = localName(xml, lt + 2);
      if (name === 'row' || name === 'sheetData') throw new UnsupportedXml('unterminated cell');
      lt = tagEnd(xml, lt);
      continue;
    }
    const other = endOfOtherMarkup(xml, lt);
    if (other >= 0) { lt = other; continue; }
    const name = localName(xml, lt + 1);
    if (name === 'c' || name === 'row') throw new UnsupportedXml('unterminated cell');
    const gt = tagEnd(xml, lt);
    // A shared formula's later cells hold only `<f t="shared" si="0"/>`: a formula all the same.
    if (name === 'f') formula = true;
    if (selfClosing(xml, gt)) {
      // `<v/>` is `<v></v>` spelt another way: an empty value, not none.
      if (name === 'v' && v === undefined) v = '';
      lt = gt;
      continue;
    }
    // Each child's end tag (`</v>`, `</is>`) is stepped over with it: only the cell's own end tag is looked at.
    if (name === 'v') {
      const { text, end } = textUntilEndTag(xml, gt + 1);
      v = text;
      lt = tagEnd(xml, end);
    } else if (name === 'f') {
      // The formula is skipped as text (its result is the `<v>`): it may hold `</` in a CDATA section.
      lt = tagEnd(xml, endOfText(xml, gt + 1));
    } else if (name === 'is') {
      if (type !== 'inlineStr') throw new UnsupportedXml('an inline string in a cell of another type');
      const { text, end } = stringItem(xml, gt + 1, 'is');
      inline = text;
      lt = tagEnd(xml, end);
    } else {
      lt = gt;
    }
  }
  if (formula && inline === undefined && (context.recalculateOnLoad || !holdsResult(v, type))) return { value: UNCOMPUTED_FORMULA, end: lt };
  return { value: inline ?? typedValue(v, type, context), end: lt };
}

/**
 * Whether a formula cell's `<v>` holds a result: an empty one (or one of only spaces) does only as the text
 * of a text result (`=""` is written `t="str"` with `<v></v>`); a number, a boolean or an error is never empty.
 */
export function holdsResult(v: string | undefined, type: string | undefined): boolean {
  return v !== undefined && (v.trim() !== '' || type === 'str' || type === 'inlineStr');
}

function typedValue(v: string | undefined, type: string | undefined, context: SheetContext): RawCell {
  switch (type) {
    case undefined:
    case 'n':
      // Not a number as XML writes one (`1,5`, `12abc`, `C-1` from an exporter that types nothing): its text,
      // for the column to judge, never the number a prefix of it spells (parseFloat reads `12abc` as 12).
      return v === undefined || v === '' ? null : XML_NUMBER.test(v) ? parseFloat(v) : v;
    case 's': {
      if (v === undefined || v === '') return null;
      const text = /^\d+$/.test(v) ? context.strings[Number(v)] : undefined;
      if (text === undefined) throw new UnsupportedXml(`shared string ${v}`);
      return text;
    }
    case 'str':
    case 'inlineStr':
      return v === undefined ? null : lineBreaks(v);
    case 'b':
      // XML's booleans are 1/0 and true/false; anything else (`TRUE`, `2`) is handed on as text for the
      // column to judge, never read as false.
      return v === undefined || v === '' ? null : v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : v;
    case 'e':
      return v === undefined || v === '' ? null : v === GETTING_DATA ? UNCOMPUTED_FORMULA : new ExcelError(v);
    case 'd':
      return v === undefined || v === '' ? null : isoDateSerial(v, context.date1904);
    default:
      throw new UnsupportedXml(`cell type ${type}`);
  }
}

/** A number as XML Schema writes a double (`12`, `-0.5`, `1.5E-3`, `INF`, `NaN`), spaces around allowed. */
export const XML_NUMBER = /^\s*(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?INF|NaN)\s*$/;

/**
 * A `t="d"` cell (an ISO 8601 date, as some exporters write dates) as the Excel serial of a date cell. A
 * date that never was (`2010-02-30`, hour 25) is handed on as its text, for its column to refuse with
 * the text shown: read as a date it would roll over into another day (SheetJS reads 2010-03-02), and an
 * audit would judge a day nobody wrote.
 */
export function isoDateSerial(text: string, date1904: boolean): number | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?Z?)?$/.exec(text.trim());
  if (m === null) throw new UnsupportedXml(`date cell ${text}`);
  const [hours, minutes, seconds] = [+(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)];
  if (!isValidYMD(+m[1]!, +m[2]!, +m[3]!) || hours > 23 || minutes > 59 || seconds > 59) return text;
  // Digits past the millisecond are dropped, as SheetJS (a JavaScript Date) drops them: `23:59:59.9999` stays on its day.
  const ms = Number((m[7] ?? '.').slice(1, 4).padEnd(3, '0'));
  const time = (hours * 3600 + minutes * 60 + seconds + ms / 1000) / 86_400;
  return dayToExcelSerial(dayNumber(+m[1]!, +m[2]!, +m[3]!), date1904) + time;
}
