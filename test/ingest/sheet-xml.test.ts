// The fast readers of the workbook's XML (src/ingest/workbook-xml.ts, sheet-xml.ts) against SheetJS, the
// reference: the same typed tables and errors for the examples and hand-written XML of what exporters
// write. Generated workbooks (edited examples, injected XML, damaged zips) are compared by the fuzzer's
// property in test/fuzz/properties.ts, a few seeded cases in `npm test` and many more in `npm run fuzz`.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { readWorkbook, WorkbookRejected } from '../../src/ingest/index.ts';
import type { ReadWorkbookOptions } from '../../src/ingest/read-workbook.ts';
import { dayNumber } from '../../src/core/date.ts';
import { dayToExcelSerial, excelSerialToDay } from '../../src/ingest/cells.ts';
import { ExcelError } from '../../src/ingest/raw.ts';
import { readSharedStrings, readSheetXml } from '../../src/ingest/sheet-xml.ts';
import { UnsupportedXml } from '../../src/ingest/xml-scan.ts';
import { buildZip, readZipEntries, zipOf } from './zip-builder.ts';

/** What a read gives: the workbook, or the refusal's reason and message. */
function outcome(bytes: Uint8Array, reader: ReadWorkbookOptions['reader']): unknown {
  try {
    return readWorkbook(bytes, { file: 'w.xlsx', reader });
  } catch (err) {
    if (err instanceof WorkbookRejected) return { rejected: err.reason, message: err.message };
    throw err;
  }
}
const sameAsSheetJs = (bytes: Uint8Array) => expect(outcome(bytes, 'fast')).toEqual(outcome(bytes, 'sheetjs'));

const stored = (name: string, text: string | Buffer) => { const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text; return { name, data, method: 0, uncompressedSize: data.length }; };
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const editStored = (edit: (part: { name: string; text: string }) => { name: string; text: string | Buffer }, name: string, text: string) => { const part = edit({ name, text }); return stored(part.name, part.text); };

/** A workbook of one sheet `health_log` whose sheet data and shared strings are given as XML. */
function workbook(sheetData: string, options: { strings?: string; date1904?: boolean; prefix?: string; edit?: (part: { name: string; text: string }) => { name: string; text: string | Buffer } } = {}): Uint8Array {
  const p = options.prefix ?? '';
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const edit = options.edit ?? ((part) => part);
  return buildZip([
    editStored(edit, '[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
    editStored(edit, '_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`),
    editStored(edit, 'xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}workbook ${NS.replace('xmlns=', p ? `xmlns:${p.slice(0, -1)}=` : 'xmlns=')}><${p}workbookPr${options.date1904 ? ' date1904="1"' : ''}/><${p}sheets><${p}sheet name="health_log" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`),
    editStored(edit, 'xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'sharedStrings', '/xl/sharedStrings.xml')}</Relationships>`),
    editStored(edit, 'xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${NS.replace('xmlns=', p ? `xmlns:${p.slice(0, -1)}=` : 'xmlns=')}>${options.strings ?? ''}</${p}sst>`),
    editStored(edit, 'xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${NS.replace('xmlns=', p ? `xmlns:${p.slice(0, -1)}=` : 'xmlns=')}><${p}dimension ref="A1:C3"/><${p}sheetData>${sheetData}</${p}sheetData></${p}worksheet>`),
  ]);
}
const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>child_id</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c></row>';
/** The rows of a worksheet's sheet data as the fast reader reads them: Excel row number, then its cells. */
function rowsOf(sheetData: string, strings: readonly string[] = [], date1904 = false, prefix = '') {
  const read = readSheetXml(`<?xml version="1.0"?><${prefix}worksheet><${prefix}sheetData>${sheetData}</${prefix}sheetData></${prefix}worksheet>`, { strings, date1904 });
  return read.rows.map((row, i) => [read.rowNumbers[i], ...row]);
}

describe('the fast XML readers', () => {
  it('read the examples exactly as SheetJS does', () => {
    for (const name of ['residential-2010', 'home-care-2010', 'day-care-2010']) sameAsSheetJs(new Uint8Array(readFileSync(`examples/${name}.xlsx`)));
  });

  it('read merged cells as SheetJS does, and say of an empty cell inside them where the value it shows is', () => {
    // A child's code merged down a column (Excel shows R-1 on rows 2–3, but only A2 holds it), as facilities
    // lay out a child's several health-log or document rows.
    const sheetData = `${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>R-1</t></is></c><c r="B2" t="inlineStr"><is><t>2010-01-01</t></is></c></row><row r="3"><c r="A3"/><c r="B3" t="inlineStr"><is><t>2010-01-02</t></is></c></row>`;
    const merged = (part: { name: string; text: string }) => (part.name === 'xl/worksheets/sheet1.xml'
      ? { ...part, text: part.text.replace('</worksheet>', '<mergeCells count="2"><mergeCell ref="A2:A3"/><mergeCell ref="bad"/></mergeCells></worksheet>') } : part);
    const bytes = workbook(sheetData, { edit: merged });
    sameAsSheetJs(bytes);
    const wb = readWorkbook(bytes, { file: 'w.xlsx' });
    const errors = wb.errors.filter((e) => e.code === 'missing-cell');
    expect(errors.map((e) => [e.cell, e.column])).toEqual([['health_log!A3', 'child_id']]);
    expect(errors[0]!.message.en).toBe('Required column child_id is empty here: the cell is inside the merged cells A2:A3, and only health_log!A2 holds the value shown; unmerge them and write the value in every row.');
    expect(errors[0]!.message.ru).toContain('объединенные ячейки A2:A3');
    // Without the merge, the same empty cell is an ordinary empty required cell.
    const plain = readWorkbook(workbook(sheetData), { file: 'w.xlsx' }).errors.filter((e) => e.code === 'missing-cell');
    expect(plain[0]!.message.en).toBe('Required column child_id is empty; fill in a code (text or number).');
  });

  it('read shared strings: rich text without its phonetic reading, entities, CDATA, OOXML escapes, line breaks', () => {
    const strings = [
      '<si><t>C-1</t></si>',
      '<si><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">Тұмау, </t></r><r><t>жөтел</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>',
      '<si><t>Tom &amp; Jerry &lt;b&gt; &#1046;&#x416; _x0041_ _x005F_x0041_</t></si>',
      '<si><t><![CDATA[a <b> & c]]></t></si>',
      '<si><t>бір\r\nекі</t></si>',
      '<si/>',
      '<x:si><x:t>префикс</x:t></x:si>',
    ];
    expect(readSharedStrings(`<?xml version="1.0"?><sst count="7">${strings.join('')}</sst>`)).toEqual(['C-1', 'Тұмау, жөтел', 'Tom & Jerry <b> ЖЖ A _x0041_', 'a <b> & c', 'бір\nекі', '', 'префикс']);
    const rows = strings.slice(0, -1).map((_, k) => `<row r="${k + 2}"><c r="A${k + 2}" t="s"><v>${k}</v></c><c r="B${k + 2}"><v>40259</v></c></row>`).join('');
    // (The last item's prefix differs from its part's: no exporter writes that, and SheetJS does not read it.)
    sameAsSheetJs(workbook(HEADER + rows, { strings: strings.slice(0, -1).join('') }));
  });

  it('read a formula\'s text result once unescaped, as Excel shows it, and skip the formula', () => {
    const sheetData = '<row r="2"><c r="A2" t="str"><f>IF(B2&gt;0,"a>b","C-1")</f><v>C-1</v></c><c r="B2"><f>DATE(2010,3,20)</f><v>40257</v></c><c r="C2" t="str"><f>"x"</f><v>Tom &amp;amp; Jerry</v></c></row>';
    expect(rowsOf(sheetData)).toEqual([[2, 'C-1', 40257, 'Tom &amp; Jerry']]);
    sameAsSheetJs(workbook(HEADER + sheetData));
  });

  it('read cells and rows without references, namespace prefixes, comments, quotes and `>` in attributes', () => {
    const sheetData = `<!-- a comment --><x:row spans='1:3' x14ac:dyDescent="0.25"><x:c s="1" t='inlineStr' x:note="a>b"><x:is><x:t>C-2</x:t></x:is></x:c><x:c s="2"><x:v>40260</x:v></x:c><x:c r="C1" s="3"/></x:row><x:row><x:c><x:v>12</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row><x:row r="7"/><x:row r="9"><x:c r="E9"><x:v>1.5E-3</x:v></x:c></x:row>`;
    expect(rowsOf(sheetData, [], false, 'x:')).toEqual([[1, 'C-2', 40260], [2, 12, false], [9, undefined, undefined, undefined, undefined, 0.0015]]);
    sameAsSheetJs(workbook(HEADER.replace(/<(\/?)(row|c|is|t)\b/g, '<$1x:$2') + sheetData.replace(/r="C1"/, 'r="C2"').replace('<x:row spans', '<x:row r="2" spans').replace('<x:row><x:c>', '<x:row r="3"><x:c>'), { prefix: 'x:' }));
  });

  it('read booleans, errors and ISO date cells (in both date systems) as SheetJS does', () => {
    const sheetData = '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2" t="d"><v>1900-01-01</v></c><c r="E2" t="d"><v>2010-03-21T12:00:00Z</v></c></row>';
    expect(rowsOf(sheetData)).toEqual([[2, true, new ExcelError('#N/A'), new ExcelError('#DIV/0!'), 1, 40258.5]]);
    expect(rowsOf(sheetData, [], true)).toEqual([[2, true, new ExcelError('#N/A'), new ExcelError('#DIV/0!'), -1460, 38796.5]]);
    sameAsSheetJs(workbook(HEADER + sheetData));
    sameAsSheetJs(workbook(HEADER + sheetData, { date1904: true }));
  });

  it('hand on an ISO date cell that never was as its text, which the date column refuses — where SheetJS rolls it over', () => {
    const sheetData = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" t="d"><v>2010-02-30</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>C-2</t></is></c><c r="B3" t="d"><v>2010-03-21T24:00:00Z</v></c></row>';
    expect(rowsOf(sheetData)).toEqual([[2, 'C-1', '2010-02-30'], [3, 'C-2', '2010-03-21T24:00:00Z']]);
    // SheetJS, through Date, reads 2010-02-30 as 2010-03-02: an audit would judge a day nobody wrote.
    const read = readWorkbook(workbook(HEADER + sheetData), { file: 'w.xlsx', reader: 'fast' });
    expect(read.tables.health_log?.rows).toEqual([]);
    expect(read.errors.filter((e) => e.code === 'type-error').map((e) => [e.row, e.column, e.value])).toEqual([[2, 'date', '2010-02-30'], [3, 'date', '2010-03-21T24:00:00Z']]);
    // SheetJS, reading the sheet in the fast reader's place, is handed the text too.
    sameAsSheetJs(workbook(HEADER + sheetData));
  });

  it('leave to SheetJS what they do not read: rows out of order, references outside their row, other cell types', () => {
    for (const sheetData of [
      `${HEADER}<row r="3"><c r="A3" t="inlineStr"><is><t>C-1</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>C-2</t></is></c></row>`,
      `${HEADER}<row r="2"><c r="A5" t="inlineStr"><is><t>C-1</t></is></c></row>`,
      `${HEADER}<row r="2"><c r="A2" t="x"><v>1</v></c></row>`,
      `${HEADER}<row r="2"><c r="A2" t="s"><v>7</v></c></row>`,
    ]) {
      expect(() => rowsOf(sheetData)).toThrow(UnsupportedXml);
      sameAsSheetJs(workbook(sheetData));
    }
  });
});

describe('the fast XML readers, on markup inside a cell\'s text', () => {
  it('read text around a comment or processing instruction whole, as XML means it', () => {
    // SheetJS keeps the comment as text ("C-<!-- x -->1") and parseFloat stops at it (12): both wrong.
    // Before, the fast reader stopped at the comment and read "C-" and 12, the rest silently lost.
    const sheetData = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-<!-- x -->1</t></is></c><c r="B2"><v>12<!-- x -->34</v></c><c r="C2"><v>5<?pi x?>6</v></c></row>';
    expect(rowsOf(sheetData)).toEqual([[2, 'C-1', 1234, 56]]);
    expect(readSharedStrings('<sst><si><t>Тұмау<!-- x -->, жөтел</t></si></sst>')).toEqual(['Тұмау, жөтел']);
  });

  it('leave to SheetJS a value holding an element', () => {
    expect(() => rowsOf('<row r="2"><c r="A2" t="inlineStr"><is><t>C-<b>1</b></t></is></c></row>')).toThrow(UnsupportedXml);
    expect(() => rowsOf('<row r="2"><c r="A2"><v>1<x/>2</v></c></row>')).toThrow(UnsupportedXml);
  });
});

describe('the fast XML readers, on where a cell ends', () => {
  it('end a cell at its own end tag, not at a `</c>` inside a comment or CDATA section', () => {
    // Before, the cell ended at the `</c>` in the comment: A2's value was lost (read empty).
    const commented = '<row r="2"><c r="A2"><!-- </c> --><v>12</v></c><c r="B2"><v>40259</v></c></row>';
    expect(rowsOf(commented)).toEqual([[2, 12, 40259]]);
    sameAsSheetJs(workbook(HEADER + commented));
    // Before, the text after the CDATA's `</c>` was read as a cell B2 holding 5, which the sheet does not
    // have. (SheetJS splits cells at every `<c ` and reads that phantom cell too; XML says A2 holds the text.)
    const cdata = '<row r="2"><c r="A2" t="str"><f>"x"</f><v><![CDATA[</c><c r="B2"><v>5</v>]]></v></c></row>';
    expect(rowsOf(cdata)).toEqual([[2, '</c><c r="B2"><v>5</v>']]);
    // A formula may hold `</` in a CDATA section too; it is skipped whole.
    const formula = '<row r="2"><c r="A2" t="str"><f><![CDATA["</v><v>9"]]></f><v>C-1</v></c></row>';
    expect(rowsOf(formula)).toEqual([[2, 'C-1']]);
    // A self-closing formula (a shared formula's other cells) before the value.
    expect(rowsOf('<row r="2"><c r="A2" t="str"><f t="shared" si="0"/><v>C-1</v></c></row>')).toEqual([[2, 'C-1']]);
  });

  it('leave to SheetJS a cell without its end tag, instead of taking the next cell\'s value', () => {
    // Before, A2 ran on into B2: A2 read B2's 40259 (the inline string lost) and B2 was lost.
    const unclosed = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is><c r="B2"><v>40259</v></c></row>';
    expect(() => rowsOf(unclosed)).toThrow(UnsupportedXml);
    sameAsSheetJs(workbook(HEADER + unclosed));
    expect(() => rowsOf('<row r="2"><c r="A2"><v>1</v></row><row r="3"><c r="A3"><v>2</v></c></row>')).toThrow(UnsupportedXml);
  });

  it('end a string item at its own end tag', () => {
    expect(readSharedStrings('<sst><si><!-- </si> --><t>C-1</t></si><si><t>C-2</t></si></sst>')).toEqual(['C-1', 'C-2']);
    expect(() => readSharedStrings('<sst><si><t>C-1</t><si><t>C-2</t></si></sst>')).toThrow(UnsupportedXml);
  });
});

describe('the fast XML readers, on where the sheet data starts and ends', () => {
  const sheet = (body: string) => `<?xml version="1.0"?><worksheet>${body}</worksheet>`;
  const read = (xml: string) => readSheetXml(xml, { strings: [], date1904: false }).rows;

  it('find the sheet data\'s start and end by walking its markup, not at a tag\'s text in a comment or CDATA section', () => {
    // Before, rows after a `</sheetData>` held in a comment or CDATA section were silently lost, and a
    // `<sheetData/>` in a comment before the real one made the sheet read as empty.
    const rows = '<row r="2"><c r="A2"><v>1</v></c></row><!-- </sheetData> --><row r="3"><c r="A3" t="str"><f>"x"</f><v><![CDATA[</sheetData>]]></v></c></row><row r="4"><c r="A4"><v>4</v></c></row>';
    expect(read(sheet(`<sheetData>${rows}</sheetData>`))).toEqual([[1], ['</sheetData>'], [4]]);
    expect(read(sheet(`<!-- <sheetData/> --><sheetData>${rows}</sheetData>`))).toEqual([[1], ['</sheetData>'], [4]]);
    expect(() => read(sheet(`<sheetData>${rows}`))).toThrow(UnsupportedXml);
    expect(() => read('<?xml version="1.0"?><chartsheet><sheetData/></chartsheet>')).toThrow(UnsupportedXml);
  });

  it('leave to SheetJS a cell between rows, which belongs to no row', () => {
    // Before, a cell without a reference after `</row>` was read into the row above it, one column on.
    const between = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c></row><c><v>40259</v></c><row r="3"><c r="A3"><v>3</v></c></row>';
    expect(() => rowsOf(between)).toThrow(UnsupportedXml);
    sameAsSheetJs(workbook(HEADER + between));
  });
});

describe('the fast XML readers, on a row\'s cells', () => {
  it('leave to SheetJS a row whose cells repeat or go out of order', () => {
    // Before, a repeated A2 whose second copy is empty kept the first copy's value, while SheetJS reads
    // the later, empty copy: the same file audited differently by the two readers.
    for (const cells of [
      '<c r="A2"><v>1</v></c><c r="A2" t="inlineStr"><is><t></t></is></c>',
      '<c r="A2"><v>1</v></c><c r="A2"><v>2</v></c>',
      '<c r="B2"><v>40259</v></c><c r="A2" t="inlineStr"><is><t>C-1</t></is></c>',
    ]) {
      const sheetData = `<row r="2">${cells}</row>`;
      expect(() => rowsOf(sheetData)).toThrow(UnsupportedXml);
      sameAsSheetJs(workbook(HEADER + sheetData));
    }
    // Cells without a reference follow the one before them.
    expect(rowsOf('<row r="2"><c r="C2"><v>1</v></c><c><v>2</v></c></row>')).toEqual([[2, undefined, undefined, 1, 2]]);
  });
});

describe('the fast XML readers, on the workbook part and its relationships', () => {
  const body = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2"><v>40259</v></c></row>';
  const editing = (name: string, from: string, to: string) => (part: { name: string; text: string }) => (part.name === name ? { ...part, text: part.text.replace(from, to) } : part);
  const tableRows = (bytes: Uint8Array) => (outcome(bytes, 'fast') as { tables: Record<string, { rows: unknown }> }).tables['health_log']!.rows;

  it('leave to SheetJS a workbook that gives its date system twice', () => {
    // Before, the last `<workbookPr>` counted and SheetJS reads the first: every date 4 years apart.
    sameAsSheetJs(workbook(HEADER + body, { edit: editing('xl/workbook.xml', '<workbookPr/>', '<workbookPr date1904="1"/><workbookPr/>') }));
  });

  it('resolve relationship targets with `./` and `../` as OPC does, where SheetJS refuses the workbook', () => {
    // SheetJS does not resolve these and calls the sheet's part missing; Excel opens them. Kept.
    for (const target of ['./worksheets/sheet1.xml', '../xl/worksheets/sheet1.xml', '/xl/worksheets/sheet1.xml']) {
      const bytes = workbook(HEADER + body, { edit: editing('xl/_rels/workbook.xml.rels', 'Target="worksheets/sheet1.xml"', `Target="${target}"`) });
      expect(tableRows(bytes)).toEqual([{ excelRow: 2, values: { child_id: 'C-1', date: 14690 } }]);
    }
  });

  it('skip a sheet named in a comment, which SheetJS lists as a sheet', () => {
    const bytes = workbook(HEADER + body, { edit: editing('xl/workbook.xml', '<sheets>', '<sheets><!-- <sheet name="x" sheetId="9" r:id="rId1"/> -->') });
    expect((outcome(bytes, 'fast') as { errors: { code: string }[] }).errors.map((e) => e.code)).not.toContain('unknown-sheet');
    expect(tableRows(bytes)).toEqual([{ excelRow: 2, values: { child_id: 'C-1', date: 14690 } }]);
  });
});

describe('the fast XML readers, on a cell\'s attributes', () => {
  it('leave to SheetJS a cell whose type or reference is hidden behind a bare name or given twice', () => {
    // Before: `foo` without a value ended the attributes, `t="s"` was never seen and the shared string's
    // index 0 was read as the number 0; and `x:r="C2"` after `r="A2"` moved the cell to column C.
    for (const cell of ['<c r="A2" foo t="s"><v>0</v></c>', '<c r="A2" x:r="C2" t="s"><v>0</v></c>', '<c r="A2" t="n" t="s"><v>0</v></c>']) {
      expect(() => rowsOf(`<row r="2">${cell}</row>`, ['C-1'])).toThrow(UnsupportedXml);
    }
    // A self-closing tag, and spaces around `=` and before `>`, are read.
    expect(rowsOf('<row r="2" ><c r="A2" t = "s" ><v>0</v></c><c r="B2" s="1" /><c r="C2" t="s"><v>0</v></c></row>', ['C-1'])).toEqual([[2, 'C-1', undefined, 'C-1']]);
  });
});

describe('the fast XML readers, on a package of many parts', () => {
  it('find parts named in another letter case in work linear in the parts, not quadratic', () => {
    // Before, every declared part missing under its exact name searched all entries: a few MB of
    // [Content_Types].xml naming 100,000 parts in upper case held an audit for minutes. Counted, not timed.
    const parts = 3000;
    const names = Array.from({ length: parts }, (_, i) => `xl/media/part${i}.xml`);
    const overrides = names.map((name) => `<Override PartName="/${name.toUpperCase()}" ContentType="application/xml"/>`).join('');
    const bytes = workbook(HEADER, {
      edit: (part) => (part.name === '[Content_Types].xml' ? { ...part, text: part.text.replace('</Types>', `${overrides}</Types>`) } : part),
    });
    const withParts = zipOf([...readZipEntries(bytes), ...names.map((name) => [name, '<x/>'] as const)]);
    const lowerCase = vi.spyOn(String.prototype, 'toLowerCase');
    try {
      readWorkbook(withParts, { file: 'w.xlsx' });
      expect(lowerCase.mock.calls.length).toBeLessThan(20 * parts);
    } finally {
      lowerCase.mockRestore();
    }
  });
});

describe('the fast XML readers, where SheetJS reads otherwise and the fast reader reads what Excel shows', () => {
  it('read the error values of Excel 365 (#SPILL!, #CALC!), which SheetJS reads as empty cells', () => {
    // SheetJS knows the error codes of Excel 2007 only; a newer one becomes no value and the cell is lost.
    expect(rowsOf('<row r="2"><c r="A2" t="e"><v>#SPILL!</v></c><c r="B2" t="e"><f>1/0</f><v>#CALC!</v></c></row>')).toEqual([[2, new ExcelError('#SPILL!'), new ExcelError('#CALC!')]]);
  });

  it('read tabs and line breaks between a tag\'s attributes, and `>` inside an attribute value', () => {
    // SheetJS splits tags at spaces only and at the first `>`: it reads no cells from these rows.
    expect(rowsOf('<row\tr="2"><c\nr="A2"\tt="inlineStr"><is><t>C-1</t></is></c><c r="B2" note="a>b" t="inlineStr"><is><t>C-2</t></is></c></row>')).toEqual([[2, 'C-1', 'C-2']]);
  });

  it('read the value of an inline-string cell written with `<v>` instead of `<is>`, which SheetJS reads as empty', () => {
    // Not what the standard says, but the text is there: read, not lost.
    expect(rowsOf('<row r="2"><c r="A2" t="inlineStr"><v>C-1</v></c></row>')).toEqual([[2, 'C-1']]);
    // SheetJS reading the sheet in the fast reader's place is handed it as a text cell, and reads it too.
    sameAsSheetJs(workbook(`${HEADER}<row r="2"><c r="A2" t="inlineStr"><v>C-1</v></c><c r="B2"><v>40259</v></c></row>`));
  });
});

describe('the fast XML readers, on which parts the content types name', () => {
  const body = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>40259</v></c></row>';
  /** The workbook with a second workbook part (its sheet named `other`) and a second shared strings part, `extra` naming them in the content types. */
  function withSecondParts(extra: string, relsTarget = '/xl/sharedStrings.xml'): Uint8Array {
    const bytes = workbook(HEADER + body, {
      strings: '<si><t>C-1</t></si>',
      edit: (part) => (part.name === '[Content_Types].xml' ? { ...part, text: part.text.replace('<Override', `${extra}<Override`) }
        : part.name === 'xl/_rels/workbook.xml.rels' ? { ...part, text: part.text.replace('/xl/sharedStrings.xml', relsTarget) } : part),
    });
    const entries = readZipEntries(bytes);
    entries.set('xl/book2.xml', Buffer.from(entries.get('xl/workbook.xml')!.toString().replace('name="health_log"', 'name="other"')));
    entries.set('xl/strings2.xml', Buffer.from(entries.get('xl/sharedStrings.xml')!.toString().replace('C-1', 'C-2')));
    return zipOf([...entries]);
  }

  it('leave to SheetJS a package whose content types name another workbook part or shared strings', () => {
    // Before, the fast reader read xl/workbook.xml and the strings its relationships name, whatever the
    // content types said, and SheetJS the parts they name: two different workbooks from one file.
    sameAsSheetJs(withSecondParts('<Override PartName="/xl/book2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'));
    sameAsSheetJs(withSecondParts('<Override PartName="/xl/strings2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'));
  });

  it('read the package when the content types name the parts read', () => {
    const strings2 = '<Override PartName="/xl/strings2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>';
    const bytes = withSecondParts(strings2, '/xl/strings2.xml');
    sameAsSheetJs(bytes);
    expect((outcome(bytes, 'fast') as { tables: Record<string, { rows: unknown }> }).tables['health_log']!.rows).toEqual([{ excelRow: 2, values: { child_id: 'C-2', date: 14690 } }]);
  });
});

describe('error cells (a formula that failed), whichever reader reads them', () => {
  it('are input errors in any column, their text never read as a value', () => {
    // `#N/A` as a child's code would be a child of its own; as a date, a name or a count, a value nobody typed.
    const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>child_id</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="inlineStr"><is><t>observed_by</t></is></c></row>';
    const rows = '<row r="2"><c r="A2" t="e"><f>VLOOKUP(X2,Дети!A:A,1,0)</f><v>#N/A</v></c><c r="B2"><v>40258</v></c></row>'
      + '<row r="3"><c r="A3" t="inlineStr"><is><t>C-1</t></is></c><c r="B3" t="e"><v>#REF!</v></c><c r="C3" t="e"><v>#SPILL!</v></c></row>';
    for (const reader of ['fast', 'sheetjs'] as const) {
      const wb = readWorkbook(workbook(header + rows), { file: 'h.xlsx', reader });
      const errors = wb.errors.filter((e) => e.severity === 'error').map((e) => [e.code, e.cell, e.value, e.message.en]);
      expect(errors.slice(0, 2)).toEqual([
        ['type-error', 'health_log!A2', '#N/A', '#N/A in column child_id is an Excel error (a formula that failed), not a value; correct the formula or type the value.'],
        ['type-error', 'health_log!B3', '#REF!', '#REF! in column date is an Excel error (a formula that failed), not a value; correct the formula or type the value.'],
      ]);
      // SheetJS reads Excel 365's #SPILL! as an empty cell; the fast reader sees the error.
      expect(errors.slice(2)).toEqual(reader === 'fast' ? [['type-error', 'health_log!C3', '#SPILL!', expect.stringContaining('is an Excel error')]] : []);
      expect(wb.tables.health_log!.counts).toEqual({ read: 2, accepted: 0, rejected: 2 });
    }
  });
});

describe('number cells', () => {
  it('holding no number are read as their text, for the column to judge, not as the number its start spells', () => {
    // SheetJS reads `12abc` as 12 and `C-1` as NaN; the fast reader hands the text on: `C-1` is a code, `1,5` a number.
    expect(rowsOf('<row r="2"><c r="A2"><v>12abc</v></c><c r="B2"><v>1,5</v></c><c r="C2"><v>C-1</v></c><c r="D2"><v> 1.5E-3 </v></c><c r="E2"><v>-0</v></c></row>'))
      .toEqual([[2, '12abc', '1,5', 'C-1', 0.0015, -0]]);
  });

  it('and boolean cells holding no XML boolean are read as their text, never as false', () => {
    expect(rowsOf('<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>false</v></c><c r="C2" t="b"><v>TRUE</v></c><c r="D2" t="b"><v>2</v></c></row>'))
      .toEqual([[2, true, false, 'TRUE', '2']]);
  });
});

describe('Excel serials', () => {
  it('dayToExcelSerial inverts excelSerialToDay in both date systems, around Lotus\'s 1900-02-29 too', () => {
    for (const date1904 of [false, true]) {
      for (const [y, m, d] of [[1900, 1, 1], [1900, 2, 28], [1900, 3, 1], [1904, 1, 2], [2010, 3, 21], [9999, 12, 31]] as const) {
        const day = dayNumber(y, m, d);
        if (date1904 && y < 1904) continue;
        expect(excelSerialToDay(dayToExcelSerial(day, date1904), date1904)).toBe(day);
      }
    }
    expect([dayToExcelSerial(dayNumber(1900, 2, 28)), dayToExcelSerial(dayNumber(1900, 3, 1)), dayToExcelSerial(dayNumber(2010, 3, 21))]).toEqual([59, 61, 40258]);
  });

  it('a date-time a hair short of midnight is the next day Excel shows; an ISO date cell\'s sub-millisecond digits are not', () => {
    // `=B2+1/24` summed down a column leaves 40257.99999999994: Excel shows 21.03.2010 00:00, the next day.
    expect(excelSerialToDay(40257.99999999994)).toBe(dayNumber(2010, 3, 21));
    // 23:59:59.5 is still the day before, as Excel shows it.
    expect(excelSerialToDay(40257 + 86399.5 / 86400)).toBe(dayNumber(2010, 3, 20));
    // A `t="d"` cell names its day: digits past the millisecond (which SheetJS does not keep) do not
    // carry it into the next, in either reader.
    const sheet = `${HEADER}<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" t="d"><v>2010-03-21T23:59:59.9999Z</v></c></row>`;
    for (const reader of ['fast', 'sheetjs'] as const) {
      expect(readWorkbook(workbook(sheet), { file: 'w.xlsx', reader }).tables.health_log!.rows.map((r) => r.values.date), reader).toEqual([dayNumber(2010, 3, 21)]);
    }
    sameAsSheetJs(workbook(sheet));
  });
});


describe('formula cells whose result the file does not hold, whichever reader reads them', () => {
  // Programs that write formulas without calculating them: openpyxl stores `<v></v>` (and keeps no result
  // of a formula it read), others no `<v>` at all; xlsxwriter stores 0 and marks the workbook to be
  // recalculated on opening (`<calcPr fullCalcOnLoad="1"/>`). Excel shows the computed value; the file holds none.
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>child_id</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="inlineStr"><is><t>observed_by</t></is></c></row>';
  const uncomputed = (wb: ReturnType<typeof readWorkbook>) => wb.errors.filter((e) => e.severity === 'error').map((e) => [e.code, e.cell, e.value]);
  const recalculated = (part: { name: string; text: string }) => (part.name === 'xl/workbook.xml' ? { ...part, text: part.text.replace('</sheets>', '</sheets><calcPr calcId="124519" fullCalcOnLoad="1"/>') } : part);

  it('are input errors naming the cell, never empty cells or the placeholder stored for them', () => {
    const rows = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" s="1"><f>DATE(2010,4,20)</f><v></v></c></row>'
      + '<row r="3"><c r="A3" t="str"><f>Дети!A3</f></c><c r="B3"><f t="shared" ref="B3:B4" si="0">DATE(2010,4,21)</f></c><c r="C3" t="s"><f>X3</f><v></v></c></row>'
      + '<row r="4"><c r="A4" t="inlineStr"><is><t>C-2</t></is></c><c r="B4"><f t="shared" si="0"/></c><c r="C4" t="b"><f>TRUE()</f></c></row>'
      // A formula whose result is the empty text (`=""`) holds it: `t="str"` with an empty `<v>`, as Excel writes it.
      + '<row r="5"><c r="A5" t="inlineStr"><is><t>C-3</t></is></c><c r="B5"><v>40258</v></c><c r="C5" t="str"><f>""</f><v></v></c></row>';
    for (const reader of ['fast', 'sheetjs'] as const) {
      const wb = readWorkbook(workbook(header + rows), { file: 'h.xlsx', reader });
      expect(uncomputed(wb), reader).toEqual([
        ['type-error', 'health_log!B2', null], ['type-error', 'health_log!A3', null], ['type-error', 'health_log!B3', null],
        ['type-error', 'health_log!C3', null], ['type-error', 'health_log!B4', null], ['type-error', 'health_log!C4', null],
      ]);
      expect(wb.errors[0]!.message.en).toBe('Column date holds a formula whose result is not stored in the file (it was saved by a program that does not calculate formulas); open the file in Excel, or in LibreOffice with Data ▸ Calculate ▸ Recalculate Hard, save it and audit again.');
      expect(wb.errors[0]!.message.ru).toContain('формулу, результат которой не сохранен в файле');
      expect(wb.errors[0]!.message.kk).toContain('формуланың нәтижесі файлда сақталмаған');
      expect(wb.tables.health_log!.counts).toEqual({ read: 4, accepted: 1, rejected: 3 });
    }
    sameAsSheetJs(workbook(header + rows));
    // Rows out of order are read by SheetJS in the fast reader's place: the same errors.
    const reordered = workbook(header + rows.replace('<row r="5">', '<row r="6">') + '<row r="5"><c r="A5" t="inlineStr"><is><t>C-4</t></is></c><c r="B5"><f>TODAY()</f></c></row>');
    expect(uncomputed(readWorkbook(reordered, { file: 'h.xlsx' }))).toContainEqual(['type-error', 'health_log!B5', null]);
    sameAsSheetJs(reordered);
  });

  it('an empty value written <v/> reads as <v></v> does, in both readers', () => {
    const rows = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2"><v>40258</v></c><c r="C2" t="str"><f>""</f><v></v></c></row>'
      + '<row r="3"><c r="A3" t="inlineStr"><is><t>C-2</t></is></c><c r="B3"><f>DATE(2010,4,20)</f><v></v></c><c r="C3"><v></v></c></row>';
    const shortened = rows.replaceAll('<v></v>', '<v/>');
    expect(shortened).not.toBe(rows);
    const read = (xml: string, reader: 'fast' | 'sheetjs') => {
      const { tables, errors } = readWorkbook(workbook(header + xml), { file: 'h.xlsx', reader });
      return { tables, errors };
    };
    for (const reader of ['fast', 'sheetjs'] as const) expect(read(shortened, reader), reader).toEqual(read(rows, reader));
    sameAsSheetJs(workbook(header + shortened));
  });

  it('a number, boolean or date result of only spaces is none either, not an empty cell in an optional column', () => {
    const rows = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2"><v>40258</v></c><c r="C2"><f>X2</f><v> </v></c></row>'
      + '<row r="3"><c r="A3" t="inlineStr"><is><t>C-2</t></is></c><c r="B3"><v>40258</v></c><c r="C3" t="b"><f>X3</f><v>  </v></c></row>';
    for (const reader of ['fast', 'sheetjs'] as const) {
      expect(uncomputed(readWorkbook(workbook(header + rows), { file: 'h.xlsx', reader })), reader).toEqual([['type-error', 'health_log!C2', null], ['type-error', 'health_log!C3', null]]);
    }
    sameAsSheetJs(workbook(header + rows));
  });

  it('in a workbook marked to be recalculated on opening, a stored result is a placeholder: an input error too', () => {
    const rows = '<row r="2"><c r="A2" t="str"><f>"C-"&amp;1</f><v>0</v></c><c r="B2" s="1"><f>DATE(2010,4,20)</f><v>0</v></c></row>'
      + '<row r="3"><c r="A3" t="inlineStr"><is><t>C-2</t></is></c><c r="B3"><v>40258</v></c></row>';
    const marked = workbook(header + rows, { edit: recalculated });
    for (const reader of ['fast', 'sheetjs'] as const) {
      const wb = readWorkbook(marked, { file: 'h.xlsx', reader });
      expect(uncomputed(wb), reader).toEqual([['type-error', 'health_log!A2', null], ['type-error', 'health_log!B2', null]]);
      expect(wb.tables.health_log!.counts).toEqual({ read: 2, accepted: 1, rejected: 1 });
    }
    sameAsSheetJs(marked);
    // Without the mark, the stored results are what Excel computed and shows.
    const plain = readWorkbook(workbook(header + rows), { file: 'h.xlsx' });
    expect(plain.errors.filter((e) => e.severity === 'error').map((e) => [e.cell, e.value])).toEqual([['health_log!B2', '0']]);
  });

  it('Excel\'s own #GETTING_DATA (a result still being computed) is read as a result not stored', () => {
    const rows = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-1</t></is></c><c r="B2" t="e"><f>CUBEVALUE("x")</f><v>#GETTING_DATA</v></c></row>';
    for (const reader of ['fast', 'sheetjs'] as const) {
      const wb = readWorkbook(workbook(header + rows), { file: 'h.xlsx', reader });
      expect(wb.errors.map((e) => [e.code, e.cell, e.value, e.message.en.slice(0, 40)]), reader).toEqual([['type-error', 'health_log!B2', null, 'Column date holds a formula whose result']]);
    }
  });
});

describe('SheetJS, reading a sheet in the fast reader\'s place', () => {
  it('reads number and boolean cells that hold text, or nothing, as the fast reader does: never NaN, a 1905 date or false', () => {
    // Exporters that type nothing write text in number cells; SheetJS read `C-1` as NaN (a child coded "NaN"),
    // `21.03.2010` as the serial 21.03 (21 January 1900) and a boolean cell holding nothing as false. Rows
    // out of order send the sheet to SheetJS in production too.
    const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>child_id</t></is></c><c r="B1" t="inlineStr"><is><t>date</t></is></c><c r="C1" t="inlineStr"><is><t>observed_by</t></is></c></row>';
    const row2 = '<row r="2"><c r="A2" t="inlineStr"><is><t>C-2</t></is></c><c r="B2"><v>21.03.2010</v></c><c r="C2" t="b"/></row>';
    const row3 = '<row r="3"><c r="A3"><v>C-1</v></c><c r="B3" t="n"><v>2010-03-21</v></c><c r="C3" t="b"><v>2</v></c><c r="D3" t="d"></c></row>';
    const inOrder = workbook(header + row2 + row3);
    const outOfOrder = workbook(header + row3 + row2);
    expect(() => rowsOf(row3 + row2)).toThrow(UnsupportedXml);
    for (const bytes of [inOrder, outOfOrder]) {
      for (const reader of ['fast', 'sheetjs'] as const) {
        const wb = readWorkbook(bytes, { file: 'w.xlsx', reader });
        expect(wb.tables.health_log!.rows.map((r) => r.values), reader).toEqual([{ child_id: 'C-2', date: dayNumber(2010, 3, 21), observed_by: null }]);
        expect(wb.errors.map((e) => [e.code, e.cell, e.value]), reader).toEqual([['unknown-value', 'health_log!C3', '2']]);
      }
    }
    sameAsSheetJs(inOrder);
  });
});
