// Frozen header rows, which SheetJS's community edition does not write: the workbook it wrote is opened
// (it is a zip), each worksheet's `<sheetView>` gets a frozen pane below row 1, and it is zipped again.
// Only the sheet view changes; every other part is written back byte for byte.
import * as XLSX from 'xlsx';

/** The view SheetJS writes for every worksheet (no panes, no selection). */
const PLAIN_VIEW = /<sheetView workbookViewId="0"\s*\/>/;

/** A sheet view with row 1 frozen: the rows below it scroll, the header stays. */
export const FROZEN_FIRST_ROW_VIEW =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
  + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>';

/**
 * Freezes the first row of every worksheet of an .xlsx that SheetJS wrote. Throws when a worksheet has not
 * the sheet view SheetJS writes, so that a change in SheetJS cannot silently drop the frozen header.
 */
export function freezeFirstRow(xlsx: Uint8Array): Uint8Array {
  const zip = XLSX.CFB.read(xlsx, { type: 'buffer' });
  let sheets = 0;
  zip.FullPaths.forEach((path: string, i: number) => {
    if (!/\/xl\/worksheets\/sheet\d+\.xml$/.test(path)) return;
    const entry = zip.FileIndex[i];
    const xml = Buffer.from(entry.content).toString('utf8');
    if (!PLAIN_VIEW.test(xml)) throw new Error(`xlsx: ${path.replace(/^Root Entry/, '')} has no plain sheet view to freeze`);
    const content = Buffer.from(xml.replace(PLAIN_VIEW, FROZEN_FIRST_ROW_VIEW), 'utf8');
    entry.content = content;
    entry.size = content.length;
    sheets++;
  });
  if (sheets === 0) throw new Error('xlsx: no worksheet to freeze');
  const out = XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer', compression: true }) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
