// .xlsx bytes → typed tables: guards first (size, zip bombs, cell count), then the parts read — by the
// fast readers (workbook-xml.ts, sheet-xml.ts), or by SheetJS for a part they do not read — then typeTables.
import { clip } from '../core/text.ts';
import { matchSheetName, sheetById } from '../schema/index.ts';
import { sha256Hex } from './platform.ts';
import type { RawTable } from './raw.ts';
import { readSharedStrings, readSheetXml } from './sheet-xml.ts';
import { sheetJsBook, type ReadSheet, type SheetJsBook } from './sheetjs-read.ts';
import { typeTables } from './type-tables.ts';
import type { HeaderMapping, IngestedWorkbook, IngestLimits } from './types.ts';
import { readContentTypes, readWorkbookIndex, type WorkbookIndex } from './workbook-xml.ts';
import { UnsupportedXml, xmlText } from './xml-scan.ts';
import { checkWorkbookPart, countCellElements, declaredTotal, inflateGuarded, isCompoundFile, isWorksheetXml, readCentralDirectory } from './zip-guard.ts';
import { rejection, WorkbookRejected } from './rejections.ts';

export const DEFAULT_INGEST_LIMITS: IngestLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxCells: 5_000_000 };

export interface ReadWorkbookOptions {
  readonly file: string;
  readonly mapping?: HeaderMapping;
  readonly limits?: Partial<IngestLimits>;
  /**
   * `sheetjs`: every part read by SheetJS — the reference the fast readers are tested against. Default
   * `fast`: SheetJS reads only what the fast readers do not.
   */
  readonly reader?: 'fast' | 'sheetjs';
}

/** Throws WorkbookRejected for a file that is not an .xlsx, too large, too many cells or unreadable. */
export function readWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions): IngestedWorkbook {
  const { file } = options;
  const limits: IngestLimits = { ...DEFAULT_INGEST_LIMITS, ...options.limits };
  if (isCompoundFile(bytes)) {
    throw new WorkbookRejected('not-a-workbook', rejection.legacyXls(file));
  }
  const entries = readCentralDirectory(bytes, file);
  checkWorkbookPart(entries, file);
  const declared = declaredTotal(entries);
  if (declared > limits.maxUncompressedBytes) {
    throw new WorkbookRejected('too-large', rejection.tooLarge(file, declared, limits.maxUncompressedBytes));
  }
  // Every entry is inflated once, natively and under the size cap.
  const parts = new Map<string, Buffer>();
  let declaredCells = 0;
  inflateGuarded(bytes, entries, file, limits.maxUncompressedBytes, (name, data) => {
    if (isWorksheetXml(name)) {
      declaredCells += countCellElements(data);
      if (declaredCells > limits.maxCells) throw tooManyCells(file, declaredCells, limits.maxCells);
    }
    parts.set(name, data);
  });
  const tables = (options.reader === 'sheetjs' ? null : fastTables(parts, file, limits, options.mapping)) ?? sheetJsTables(parts, file, limits, options.mapping);
  return typeTables(tables, { file, sha256: sha256Hex(bytes), ...(options.mapping ? { mapping: options.mapping } : {}) });
}

/**
 * The sheets' raw tables, each read when typeTables asks for it (so that one sheet's cells at a time are
 * in memory beside the typed tables); a sheet the fast reader does not read is read by SheetJS. Null when
 * the workbook part or the shared strings are not what the fast readers read: SheetJS reads it all.
 */
function fastTables(parts: ReadonlyMap<string, Buffer>, file: string, limits: IngestLimits, mapping: HeaderMapping | undefined): Iterable<RawTable> | null {
  let index: WorkbookIndex;
  let strings: string[];
  const partNamed = partLookup(parts);
  try {
    // A package whose content types are not OOXML's is left to SheetJS, which refuses it as Excel would.
    // So is one missing a part its content types declare: SheetJS refuses it as damaged.
    const types = parts.get('[Content_Types].xml');
    const declared = types === undefined ? null : readContentTypes(xmlText(types));
    if (declared === null || declared.some(({ name }) => partNamed(name) === undefined)) return null;
    // SheetJS reads the workbook part the content types name (the first), and the shared strings they name:
    // where those are not the parts read here, the two readers would read different workbooks or strings.
    const main = declared.find(({ type }) => MAIN_PART_TYPES.test(type));
    if (main !== undefined && main.name.toLowerCase() !== 'xl/workbook.xml') return null;
    const rels = parts.get('xl/_rels/workbook.xml.rels');
    index = readWorkbookIndex(xmlText(parts.get('xl/workbook.xml')!), rels && xmlText(rels));
    const declaredStrings = declared.find(({ type }) => SHARED_STRINGS_TYPES.includes(type));
    if (declaredStrings !== undefined && declaredStrings.name.toLowerCase() !== index.sharedStrings?.toLowerCase()) return null;
    const shared = index.sharedStrings === undefined ? undefined : partNamed(index.sharedStrings);
    if (index.sharedStrings !== undefined && shared === undefined) return null;
    strings = shared === undefined ? [] : readSharedStrings(xmlText(shared));
  } catch (err) {
    if (err instanceof UnsupportedXml) return null;
    throw err;
  }
  const { date1904, recalculateOnLoad } = index;
  const names = index.sheets.map((s) => s.name);
  const toRead = new Set(sheetsToParse(names, mapping));
  let sheetJs: SheetJsBook | undefined;
  return counting(file, limits, names.map((name, i) => (): ReadSheet | undefined => {
    if (!toRead.has(i)) return { table: { name, rows: [], date1904 }, cells: 0 };
    const part = index.sheets[i]!.part;
    const xml = part === undefined ? undefined : partNamed(part);
    try {
      if (xml === undefined) throw new UnsupportedXml('no worksheet part');
      const read = readSheetXml(xmlText(xml), {
        strings, date1904, recalculateOnLoad, counted: (cells) => { if (cells > limits.maxCells) throw tooManyCells(file, cells, limits.maxCells); },
      });
      return { table: { name, rows: read.rows, rowNumbers: read.rowNumbers, date1904, ...(read.merges.length > 0 ? { merges: read.merges } : {}) }, cells: read.cells };
    } catch (err) {
      if (!(err instanceof UnsupportedXml)) throw err;
      sheetJs ??= sheetJsBook(parts, file);
      return sheetJs.parse([i], limits.maxCells + 1).take(i);
    }
  }), names);
}

/** The content types of a workbook's main part SheetJS looks for (xlsx, xlsm, xlam, xltx, xlsb). */
const MAIN_PART_TYPES = /^application\/vnd\.(?:openxmlformats-officedocument\.spreadsheetml\.(?:sheet|template)\.main\+xml|ms-excel\.(?:sheet\.macroEnabled\.main\+xml|sheet\.binary\.macroEnabled\.main|addin\.macroEnabled\.main\+xml))$/;
const SHARED_STRINGS_TYPES = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml', 'application/vnd.ms-excel.sharedStrings'];

/** Every sheet read by SheetJS; only the sheets the contract knows are parsed, the rest are listed by name. */
function sheetJsTables(parts: ReadonlyMap<string, Buffer>, file: string, limits: IngestLimits, mapping: HeaderMapping | undefined): Iterable<RawTable> {
  const book = sheetJsBook(parts, file);
  const toRead = sheetsToParse(book.names, mapping);
  const parsed = book.parse(toRead, limits.maxCells + 1);
  return counting(file, limits, book.names.map((name, i) => () => (toRead.includes(i) ? parsed.take(i) : { table: { name, rows: [], date1904: parsed.date1904 }, cells: 0 })), book.names);
}

/** Each sheet read in turn, its cells counted against the workbook's limit; a sheet that cannot be read is refused by name. */
function* counting(file: string, limits: IngestLimits, sheets: readonly (() => ReadSheet | undefined)[], names: readonly string[]): Generator<RawTable> {
  let counted = 0;
  for (let i = 0; i < sheets.length; i++) {
    const read = sheets[i]!();
    if (read === undefined) throw missingSheetPart(file, names[i]!);
    counted += read.cells;
    if (counted > limits.maxCells) throw tooManyCells(file, counted, limits.maxCells);
    yield read.table;
  }
}

/**
 * Finds the zip entry `name`, or one whose name differs only in letter case (zip names are case-sensitive,
 * Excel's lookups are not). The entries by lower-case name are indexed once, on the first miss: searching
 * all entries on every miss made a package declaring thousands of parts in another case quadratic.
 */
function partLookup(parts: ReadonlyMap<string, Buffer>): (name: string) => Buffer | undefined {
  let byLowerCase: Map<string, Buffer> | undefined;
  return (name) => {
    const exact = parts.get(name);
    if (exact !== undefined) return exact;
    if (byLowerCase === undefined) {
      byLowerCase = new Map();
      // The first entry of a name in any case, as the search over entries in zip order found it.
      for (const [key, data] of parts) if (!byLowerCase.has(key.toLowerCase())) byLowerCase.set(key.toLowerCase(), data);
    }
    return byLowerCase.get(name.toLowerCase());
  };
}

/**
 * Indexes of the sheets typeTables will type: every sheet matching a contract sheet. A second sheet of
 * one table is read too — whether it holds rows decides between a leftover to ignore and a table split
 * in two (see typeTables).
 */
function sheetsToParse(names: readonly string[], mapping: HeaderMapping | undefined): number[] {
  const out: number[] = [];
  names.forEach((name, i) => {
    const id = matchSheetName(name, mapping);
    if (id !== undefined && sheetById(id)) out.push(i);
  });
  return out;
}

/** A sheet whose part is missing from the zip or does not parse; its columns are not "missing". */
function missingSheetPart(file: string, sheet: string): WorkbookRejected {
  return new WorkbookRejected('unreadable', rejection.missingSheetPart(file, clip(sheet)));
}

function tooManyCells(file: string, cells: number, limit: number): WorkbookRejected {
  return new WorkbookRejected('too-many-cells', rejection.tooManyCells(file, cells, limit));
}

export { sha256Hex, WorkbookRejected };
