// Odd and hostile workbooks at the ingest stage: list cells of any length, long values, years before 1900,
// damaged zips, binary workbooks named .xlsx, missing sheet parts, and formula text cells.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../src/core/date.ts';
import { parseHeaderMapping, readWorkbook, typeTables, WorkbookRejected, type RawCell } from '../../src/ingest/index.ts';
import { SHEETS } from '../../src/schema/sheets.ts';
import { facilitySheet, xlsxBytes } from '../cli/helpers.ts';
import { editZip, readZipEntries, zipOf } from './zip-builder.ts';

const FIXTURES = 'test/fixtures/hostile';

function rejection(bytes: Uint8Array): WorkbookRejected {
  try {
    readWorkbook(bytes, { file: 'x.xlsx' });
  } catch (err) {
    if (err instanceof WorkbookRejected) return err;
    throw err;
  }
  throw new Error('not rejected');
}

const CHILD_HEADER = ['child_id', 'birth_date', 'admitted_on', 'funding'];

describe('list cells', () => {
  it('a workbook cell of 16,000 unknown values (Excel\'s 32,767 characters nearly full) is one readable input error', () => {
    const cell = Array.from({ length: 16_000 }, () => 'x').join(',');
    const bytes = xlsxBytes({
      facility: facilitySheet({ kind: 'day_care' }),
      children: [[...CHILD_HEADER, 'contraindications'], ['C-1', '2005-01-01', '2009-01-01', 'budget', cell]],
    });
    const wb = readWorkbook(bytes, { file: 'long-list.xlsx' });
    const errors = wb.errors.filter((e) => e.sheet === 'children' && e.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'unknown-value', cell: 'children!E2', column: 'contraindications', value: `${cell.slice(0, 60)}…` });
    expect(errors[0]!.message.en).toMatch(/^"x" is not an allowed value of column contraindications; use one of: /);
    expect(wb.tables.children!.counts).toEqual({ read: 1, accepted: 0, rejected: 1 });
  });

  it('16,000 different unknown values: three are named and the rest counted', () => {
    const cell = Array.from({ length: 16_000 }, (_, i) => `v${i}`).join(', ');
    const wb = typeTables([{ name: 'children', headerRow: 1, header: CHILD_HEADER.concat('contraindications'), rows: [['C-1', '2005-01-01', '2009-01-01', 'budget', cell]] }]);
    const errors = wb.errors.filter((e) => e.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message.en).toMatch(/^"v0; v1; v2; … \(\+15997\)" is not an allowed value of column contraindications; use one of: /);
    for (const text of Object.values(errors[0]!.message)) expect(text.length).toBeLessThan(400);
  });

  it('the same for every list column of the contract, with known values still read around the unknown ones', () => {
    const lists = SHEETS.flatMap((s) => s.columns.filter((c) => c.type === 'list').map((c) => ({ sheet: s, column: c })));
    expect(lists.length).toBeGreaterThan(0);
    for (const { sheet, column } of lists) {
      const cell = [...Array.from({ length: 8000 }, () => 'x'), ...Array.from({ length: 8000 }, (_, i) => `y${i}`)].join(', ');
      const wb = typeTables([{ name: sheet.id, headerRow: 1, header: [column.id], rows: [[cell]] }]);
      const errors = wb.errors.filter((e) => e.column === column.id);
      expect(errors, `${sheet.id}.${column.id}`).toHaveLength(1);
      expect(errors[0]!.message.en).toContain('"x; y0; y1; … (+7998)"');
    }
  });

  it('a repeated unknown value is named once', () => {
    const wb = typeTables([{ name: 'children', headerRow: 1, header: ['contraindications'], rows: [['x, x; x,x , aids']] }]);
    expect(wb.errors.find((e) => e.code === 'unknown-value')!.message.en).toMatch(/^"x" is not an allowed value/);
  });

  it('the long-list reproduction: one cell of 2,000 unknown values gives one error', () => {
    const wb = readWorkbook(new Uint8Array(readFileSync(`${FIXTURES}/long-list.xlsx`)), { file: 'long-list.xlsx' });
    const errors = wb.errors.filter((e) => e.code === 'unknown-value');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.value!.length).toBeLessThanOrEqual(61);
    expect(errors[0]!.message.en).toMatch(/^"x" is not an allowed value of column contraindications/);
  });
});

describe('long values are quoted cut short, with the cell address to find the rest', () => {
  const megabyte = 'Ж'.repeat(1024 * 1024);

  it('a 1 MB text in a date cell: value and message hold 60 characters and …', () => {
    const wb = typeTables([{ name: 'children', headerRow: 1, header: CHILD_HEADER, rows: [['C-1', megabyte, '2009-01-01', 'budget']] }]);
    const error = wb.errors[0]!;
    expect(error).toMatchObject({ code: 'type-error', cell: 'children!B2', value: `${'Ж'.repeat(60)}…` });
    for (const text of Object.values(error.message)) expect(text.length).toBeLessThan(300);
  });

  it('long codes in unknown headers, duplicate keys and references are cut too', () => {
    const id = 'K'.repeat(100_000);
    const wb = typeTables([
      { name: 'groups', headerRow: 1, header: ['group_id'], rows: [['G-1']] },
      { name: 'children', headerRow: 1, header: [...CHILD_HEADER, 'group_id', id], rows: [[id, '2005-01-01', '2009-01-01', 'budget', id, 1], [id, '2005-01-01', '2009-01-01', 'budget', 'G-1', 1]] },
    ]);
    const echoed = wb.errors.filter((e) => e.value !== null);
    expect(echoed.map((e) => e.code).sort()).toEqual(['duplicate-key', 'foreign-key', 'unknown-column']);
    for (const e of echoed) {
      expect(e.value!.length, e.code).toBeLessThanOrEqual(61);
      for (const text of Object.values(e.message)) expect(text.length, e.code).toBeLessThan(400);
    }
  });

  it('the long-cell reproduction: a 40,000-character reference is quoted in 60 characters', () => {
    const wb = readWorkbook(new Uint8Array(readFileSync(`${FIXTURES}/long-cell.xlsx`)), { file: 'long-cell.xlsx' });
    const error = wb.errors.find((e) => e.code === 'foreign-key')!;
    expect(error.cell).toBe('documents!A2');
    expect(error.value).toMatch(/^.{60}…$/u);
  });
});

describe('years before 1900 are input errors, never shifted', () => {
  const cell = (column: string, value: RawCell) => typeTables([{ name: 'children', headerRow: 1, header: [...CHILD_HEADER, column], rows: [['C-1', '2005-01-01', '2009-01-01', 'budget', value]] }]);

  it('in date and month columns, written as ISO or dd.mm.yyyy text or as a date', () => {
    for (const value of ['0005-06-01', '01.06.0005', '1899-12-31', '31.12.0099', new Date(Date.UTC(1800, 0, 1))]) {
      const wb = cell('discharged_on', value);
      expect(wb.errors.filter((e) => e.severity === 'error').map((e) => e.code), String(value)).toEqual(['type-error']);
    }
    expect(cell('id_card_issued_on', '1900-01-01').errors.filter((e) => e.severity === 'error')).toEqual([]);
  });

  it('the year-0005 reproduction: the birth date is an input error, not a child aged 105', () => {
    const wb = readWorkbook(new Uint8Array(readFileSync(`${FIXTURES}/year-0005.xlsx`)), { file: 'year-0005.xlsx' });
    expect(wb.errors).toContainEqual(expect.objectContaining({ code: 'type-error', cell: 'children!B2', value: '0005-06-01' }));
    expect(wb.tables.children!.rows.some((r) => r.values.birth_date !== null && formatIsoDate(r.values.birth_date as number).startsWith('1905'))).toBe(false);
  });
});

describe('damaged and disguised zips', () => {
  const good = xlsxBytes({ facility: facilitySheet() });

  it('an entry whose CRC-32 does not match its bytes is refused as unreadable', () => {
    const entries = readZipEntries(good);
    const sheet = entries.get('xl/worksheets/sheet1.xml')!;
    // The facility's name changes by one letter and the zip still inflates: only the CRC-32 shows it.
    const flipped = Buffer.from(sheet.toString('utf8').replace('Балалар', 'Балалар'.replace('р', 'п')), 'utf8');
    const zip = zipOf(entries);
    const forged = zipOf(new Map([...entries, ['xl/worksheets/sheet1.xml', flipped]]));
    // Copy the honest CRC-32 of the sheet into the forged zip's central directory and local header.
    const honestCrc = crcOfEntry(zip, 'xl/worksheets/sheet1.xml');
    setCrcOfEntry(forged, 'xl/worksheets/sheet1.xml', honestCrc);
    const e = rejection(forged);
    expect(e.reason).toBe('unreadable');
    expect(e.message).toMatch(/^x\.xlsx is a damaged \.xlsx file \(entry xl\/worksheets\/sheet1\.xml fails its CRC-32 check\)/);
  });

  it('the crc-flip reproduction is refused in one line', () => {
    const e = rejection(new Uint8Array(readFileSync(`${FIXTURES}/crc-flip.xlsx`)));
    expect(e.reason).toBe('unreadable');
    expect(e.message).not.toMatch(/\n/);
  });

  it('an Excel binary workbook (.xlsb) named .xlsx is not a readable .xlsx workbook', () => {
    const entries = readZipEntries(good);
    const xlsb = zipOf([...entries].map(([name, data]) => [name.replace('workbook.xml', 'workbook.bin').replace(/sheet1\.xml$/, 'sheet1.bin'), data] as const));
    const e = rejection(xlsb);
    expect(e.reason).toBe('not-a-workbook');
    expect(e.message).toMatch(/is not a readable \.xlsx workbook: it is an Excel binary workbook \(\.xlsb\)/);
  });

  it('a worksheet part that the workbook names but the zip lacks makes the file unreadable, not its columns missing', () => {
    const e = rejection(editZip(good, { 'xl/worksheets/sheet1.xml': null }));
    expect(e.reason).toBe('unreadable');
    expect(e.message).toMatch(/^x\.xlsx is not a readable \.xlsx workbook: the part holding sheet "facility" is missing or damaged/);
  });

  it('two entries of the same name are refused (zip readers disagree on which one counts)', () => {
    const entries = [...readZipEntries(good)];
    const e = rejection(zipOf([...entries, entries.find(([n]) => n === 'xl/worksheets/sheet1.xml')!]));
    expect(e.reason).toBe('unreadable');
    expect(e.message).toMatch(/two entries named xl\/worksheets\/sheet1\.xml/);
  });
});

describe('formula text cells (t="str") read as Excel shows them', () => {
  /** A facility sheet whose `name` cell is a formula with the given raw `<v>` content. */
  function withFormulaName(rawValue: string, prefix = ''): string {
    const p = prefix ? `${prefix}:` : '';
    const header = ['facility_id', 'name', 'kind', 'ownership', 'period_from', 'period_to']
      .map((h, i) => `<${p}c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><${p}is><${p}t>${h}</${p}t></${p}is></${p}c>`).join('');
    const values = ['F-1', null, 'residential', 'state', '2010-01-01', '2010-06-30'].map((v, i) => {
      const r = `${String.fromCharCode(65 + i)}2`;
      return v === null ? `<${p}c r="${r}" t="str"><${p}f>A1&amp;"x"</${p}f><${p}v>${rawValue}</${p}v></${p}c>` : `<${p}c r="${r}" t="inlineStr"><${p}is><${p}t>${v}</${p}t></${p}is></${p}c>`;
    }).join('');
    const ns = prefix ? `xmlns:${prefix}` : 'xmlns';
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${p}sheetData><${p}row r="1">${header}</${p}row><${p}row r="2">${values}</${p}row></${p}sheetData></${p}worksheet>`;
  }
  const nameRead = (rawValue: string, prefix = '') => {
    const bytes = editZip(xlsxBytes({ facility: facilitySheet() }), { 'xl/worksheets/sheet1.xml': withFormulaName(rawValue, prefix) });
    return readWorkbook(bytes, { file: 'f.xlsx' }).facility?.name;
  };

  it.each([
    ['Tom &amp;amp; Jerry &lt;b&gt;', 'Tom &amp; Jerry <b>'],
    ['Tom &amp;amp; Jerry &amp;lt;b&amp;gt;', 'Tom &amp; Jerry &lt;b&gt;'],
    ['a_x005F_x0041_b', 'a_x0041_b'],
    ['_x0041_BC', 'ABC'],
    ['&#1052;ейірім &amp;#38;', 'Мейірім &#38;'],
    ['«Мейірім» 😀', '«Мейірім» 😀'],
    ['<![CDATA[a&amp;b <c>]]> d', 'a&amp;b <c> d'],
  ])('%s → %s', (raw, shown) => {
    expect(nameRead(raw)).toBe(shown);
  });

  it('with namespace-prefixed elements (<x:c>, <x:v>)', () => {
    expect(nameRead('Tom &amp;amp; Jerry', 'x')).toBe('Tom &amp; Jerry');
  });

  it('the amp-str reproduction reads the text an XML reader gives', () => {
    const wb = readWorkbook(new Uint8Array(readFileSync(`${FIXTURES}/amp-str.xlsx`)), { file: 'amp-str.xlsx' });
    // The cell holds `Tom &amp;amp; Jerry &amp;lt;b&amp;gt;`: XML-unescaped once, as Excel does.
    expect(wb.facility!.name).toBe('Tom &amp; Jerry &lt;b&gt;');
  });
});

/** Offsets of an entry's CRC-32 in its central directory record and local header. */
function crcOffsets(zip: Uint8Array, name: string): [number, number] {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(eocd + 16);
  for (;;) {
    const nameLength = buf.readUInt16LE(at + 28);
    const entry = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (entry === name) return [at + 16, buf.readUInt32LE(at + 42) + 14];
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}
function crcOfEntry(zip: Uint8Array, name: string): number {
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength).readUInt32LE(crcOffsets(zip, name)[0]);
}
function setCrcOfEntry(zip: Uint8Array, name: string, crc: number): void {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  for (const at of crcOffsets(zip, name)) buf.writeUInt32LE(crc, at);
}

describe('a large mapping file with many wrong targets', () => {
  it('is refused with the first few problems, each cut short, and a count', () => {
    const sheets = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`${'S'.repeat(10_000)}${i}`, `${'t'.repeat(10_000)}${i}`]));
    let message = '';
    try {
      parseHeaderMapping({ sheets });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^the mapping file names unknown targets \(sheets\["S{60}…"\]: "t{60}…" is not a sheet id; .*; … and 995 more\)/);
    expect(message.length).toBeLessThan(1200);
  });
});
