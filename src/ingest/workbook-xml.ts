// The workbook part (`xl/workbook.xml`) and its relationships → the sheets in tab order, each with the
// zip entry that holds its cells, and the workbook's date system. See xml-scan.ts for what is not read.
import { decodeCellText } from './formula-strings.ts';
import { attribute, endOfOtherMarkup, localName, prefixOf, tagEnd, UnsupportedXml } from './xml-scan.ts';

export interface WorkbookSheet {
  /** The tab's name as the user sees it. */
  readonly name: string;
  /** The zip entry of its worksheet (`xl/worksheets/sheet1.xml`); undefined when no relationship names one. */
  readonly part: string | undefined;
}

export interface WorkbookIndex {
  readonly sheets: readonly WorkbookSheet[];
  /** Mac Excel's 1904 date system. */
  readonly date1904: boolean;
  /** The zip entry of the shared strings, when the workbook has them. */
  readonly sharedStrings: string | undefined;
  /**
   * The workbook asks to be recalculated on opening (`<calcPr fullCalcOnLoad="1"/>`), as programs that
   * write formulas without calculating them do: the results stored for its formulas are placeholders.
   */
  readonly recalculateOnLoad: boolean;
}

/** `workbookXml`: the text of xl/workbook.xml; `relsXml`: of xl/_rels/workbook.xml.rels (undefined when absent). */
export function readWorkbookIndex(workbookXml: string, relsXml: string | undefined): WorkbookIndex {
  const { worksheets: targets, sharedStrings } = relsXml === undefined ? { worksheets: new Map<string, string>(), sharedStrings: undefined } : partTargets(relsXml);
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  let recalculateOnLoad = false;
  let spreadsheetMl = false;
  let workbookPr = false;
  forEachStartTag(workbookXml, (name, lt, gt) => {
    if (name === 'workbook') {
      spreadsheetMl = SPREADSHEETML.includes(namespaceOf(workbookXml.slice(lt, gt), prefixOf(workbookXml, lt)) ?? '');
    } else if (name === 'workbookPr') {
      // Given twice, which one counts is a guess (SheetJS takes the first): every date would move by 4 years.
      if (workbookPr) throw new UnsupportedXml('two workbookPr');
      workbookPr = true;
      const value = attribute(workbookXml, lt, gt, 'date1904');
      date1904 = isXmlTrue(value);
    } else if (name === 'calcPr') {
      recalculateOnLoad = isXmlTrue(attribute(workbookXml, lt, gt, 'fullCalcOnLoad'));
    } else if (name === 'sheet') {
      const tab = attribute(workbookXml, lt, gt, 'name');
      const id = attribute(workbookXml, lt, gt, 'id');
      if (tab === undefined) throw new UnsupportedXml('a sheet without a name');
      sheets.push({ name: decodeCellText(tab), part: id === undefined ? undefined : targets.get(decodeCellText(id)) });
    }
  });
  // Another vocabulary's root (or none): SheetJS refuses it as no workbook.
  if (!spreadsheetMl) throw new UnsupportedXml('not a SpreadsheetML workbook');
  return { sheets, date1904, sharedStrings, recalculateOnLoad };
}

/** An XML Schema boolean that is true (`1` or `true`; anything else, absent included, is false). */
export const isXmlTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

/** A part `[Content_Types].xml` declares one by one (`<Override PartName="/xl/styles.xml" ContentType="…"/>`). */
export interface DeclaredPart {
  /** As a zip entry name (`xl/styles.xml`). */
  readonly name: string;
  readonly type: string;
}

/**
 * The parts `[Content_Types].xml` declares. A root that is not OPC's `<Types>` is an UnsupportedXml:
 * SheetJS refuses such a package, as Excel does.
 */
export function readContentTypes(typesXml: string): DeclaredPart[] {
  const declared: DeclaredPart[] = [];
  let root = true;
  forEachStartTag(typesXml, (name, lt, gt) => {
    if (root && (name !== 'Types' || namespaceOf(typesXml.slice(lt, gt), prefixOf(typesXml, lt)) !== CONTENT_TYPES)) throw new UnsupportedXml('not OPC content types');
    root = false;
    if (name !== 'Override') return;
    const part = attribute(typesXml, lt, gt, 'PartName');
    if (part === undefined) return;
    declared.push({ name: decodeCellText(part).replace(/^\//, ''), type: decodeCellText(attribute(typesXml, lt, gt, 'ContentType') ?? '') });
  });
  if (root) throw new UnsupportedXml('no content types');
  return declared;
}

const CONTENT_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';

/** The namespaces of a workbook part: transitional and strict OOXML, and Excel 2006's. */
const SPREADSHEETML = [
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  'http://schemas.microsoft.com/office/excel/2006/main', 'http://schemas.microsoft.com/office/excel/2006/2',
];

/** The namespace a start tag declares for its own prefix (`x:`, or the default one). */
function namespaceOf(tag: string, prefix: string): string | undefined {
  const wanted = prefix === '' ? '' : `:${prefix.slice(0, -1)}`;
  for (const m of tag.matchAll(/\sxmlns(:[\w.-]+)?\s*=\s*(["'])(.*?)\2/g)) if ((m[1] ?? '') === wanted) return decodeCellText(m[3]!);
  return undefined;
}

/** The workbook's relationships: relationship id → zip entry of each worksheet, and the shared strings' entry. */
function partTargets(relsXml: string): { worksheets: Map<string, string>; sharedStrings: string | undefined } {
  const worksheets = new Map<string, string>();
  let sharedStrings: string | undefined;
  forEachStartTag(relsXml, (name, lt, gt) => {
    if (name !== 'Relationship') return;
    const type = attribute(relsXml, lt, gt, 'Type');
    const id = attribute(relsXml, lt, gt, 'Id');
    const target = attribute(relsXml, lt, gt, 'Target');
    if (type === undefined || id === undefined || target === undefined || attribute(relsXml, lt, gt, 'TargetMode') === 'External') return;
    if (/\/worksheet$/.test(type)) worksheets.set(decodeCellText(id), partPath(decodeCellText(target)));
    else if (/\/sharedStrings$/.test(type)) sharedStrings = partPath(decodeCellText(target));
  });
  return { worksheets, sharedStrings };
}

/** A relationship target (relative to xl/, or absolute from the package root) as a zip entry name. */
function partPath(target: string): string {
  const segments = target.startsWith('/') ? [] : ['xl'];
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

function forEachStartTag(xml: string, visit: (name: string, lt: number, gt: number) => void): void {
  for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
    const other = endOfOtherMarkup(xml, lt);
    if (other >= 0) { lt = other; continue; }
    const gt = tagEnd(xml, lt);
    visit(localName(xml, lt + 1), lt, gt);
    lt = gt;
  }
}
