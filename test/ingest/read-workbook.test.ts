import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { dayNumber } from '../../src/core/date.ts';
import { parseHeaderMapping, readWorkbook, WorkbookRejected, HeaderMappingError } from '../../src/ingest/index.ts';
import { buildZip } from './zip-builder.ts';
import { CORNER_CELLS_SOURCE, cornerCellsWorkbook } from '../fixtures/corner-cells.ts';

function xlsx(sheets: Record<string, unknown[][]>, date1904 = false): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  if (date1904) wb.Workbook = { WBProps: { date1904: true } };
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true });
}

function rejection(bytes: Uint8Array, limits = {}): WorkbookRejected {
  try {
    readWorkbook(bytes, { file: 'x.xlsx', limits });
  } catch (err) {
    if (err instanceof WorkbookRejected) return err;
    throw err;
  }
  throw new Error('not rejected');
}

describe('readWorkbook', () => {
  it('reads sheets with the header on the first non-empty row and Excel addresses in errors', () => {
    const bytes = xlsx({
      'Балалар': [[], ['Баланың коды', 'Туған күні', 'Қабылданған күні', 'Қаржыландыру'], ['C-1', '2005-02-01', '31.02.2010', 'бюджет']],
    });
    const wb = readWorkbook(bytes, { file: 'a.xlsx' });
    expect(wb.file).toBe('a.xlsx');
    expect(wb.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(wb.errors.filter((e) => e.severity === 'error').map((e) => [e.code, e.cell, e.value])).toEqual([['type-error', 'Балалар!C3', '31.02.2010']]);
    expect(wb.tables.children!.counts).toEqual({ read: 1, accepted: 0, rejected: 1 });
  });

  it('reads a sheet with two title rows above its header with no errors, the titles listed once as a note', () => {
    const bytes = xlsx({
      'Дети': [['Список детей ТОО «Бота»'], ['по состоянию на 30.06.2010'], ['Код ребенка', 'Дата рождения', 'Дата поступления', 'Финансирование', 'Дата выбытия'],
        ['C-1', '01.02.2005', '10.01.2009', 'бюджет', null], ['C-2', '01.02.2006', '10.01.2009', 'платно', '31.03.2010']],
    });
    const wb = readWorkbook(bytes, { file: 't.xlsx' });
    expect(wb.errors.filter((e) => e.severity === 'error')).toEqual([]);
    expect(wb.errors.filter((e) => e.code === 'rows-above-header').map((e) => [e.row, e.value])).toEqual([[1, 'Список детей ТОО «Бота» · по состоянию на 30.06.2010']]);
    expect(wb.tables.children!.rows.map((r) => [r.excelRow, r.values.child_id, r.values.discharged_on])).toEqual([[4, 'C-1', null], [5, 'C-2', dayNumber(2010, 3, 31)]]);
  });

  it('reads a sheet with stray cells in its last row and column at the cost of its cells (test/fixtures/corner-cells.ts)', () => {
    // The day-care example with `D-99` in A1048576 and `x` in XFD1048576 of the children sheet.
    const wb = readWorkbook(cornerCellsWorkbook(), { file: 'corner-cells.xlsx' });
    const example = readWorkbook(new Uint8Array(readFileSync(CORNER_CELLS_SOURCE)), { file: 'day-care-2010.xlsx' });
    expect(wb.errors.filter((e) => e.code !== 'absent-column').map((e) => [e.code, e.cell])).toEqual([
      ['blank-header', 'children!XFD1'],
      ['missing-cell', 'children!B1048576'], ['missing-cell', 'children!D1048576'], ['missing-cell', 'children!G1048576'],
    ]);
    expect(wb.tables.children!.counts).toEqual({ ...example.tables.children!.counts, read: example.tables.children!.counts.read + 1, rejected: 1 });
    expect(wb.tables.children!.rows).toEqual(example.tables.children!.rows);
  });

  it('reads date cells as serials in the workbook\'s date system (1900 and 1904)', () => {
    const sheet = (serial: number) => ({ health_log: [['child_id', 'date'], ['C', { t: 'n', v: serial, z: 'dd.mm.yyyy' }]] });
    const cell = (bytes: Uint8Array) => readWorkbook(bytes, { file: 'd.xlsx' }).tables.health_log!.rows[0]!.values.date;
    const asCells = (s: ReturnType<typeof sheet>, date1904: boolean) => {
      const wb = XLSX.utils.book_new();
      const ws = XLSX.utils.aoa_to_sheet([['child_id', 'date'], ['C', 0]]);
      ws.B2 = s.health_log[1]![1] as XLSX.CellObject;
      XLSX.utils.book_append_sheet(wb, ws, 'health_log');
      if (date1904) wb.Workbook = { WBProps: { date1904: true } };
      return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array;
    };
    expect(cell(asCells(sheet(40258), false))).toBe(dayNumber(2010, 3, 21));
    expect(cell(asCells(sheet(38796), true))).toBe(dayNumber(2010, 3, 21));
  });

  it('applies a validated mapping file', () => {
    const bytes = xlsx({ 'Журнал осмотров': [['Шифр', 'Число'], ['C', '01.02.2010']] });
    const mapping = parseHeaderMapping(JSON.parse('{"sheets":{"Журнал осмотров":"health_log"},"columns":{"health_log":{"Шифр":"child_id","Число":"date"}}}'));
    const wb = readWorkbook(bytes, { file: 'm.xlsx', mapping });
    expect(wb.errors.filter((e) => e.code !== 'absent-column')).toEqual([]);
    expect(wb.tables.health_log!.rows[0]!.values.date).toBe(dayNumber(2010, 2, 1));
  });

  it('refuses files that are not .xlsx workbooks', () => {
    expect(rejection(new TextEncoder().encode('child_id,date\nC,2010-01-01\n')).reason).toBe('not-a-workbook');
    expect(rejection(new Uint8Array(0)).reason).toBe('not-a-workbook');
    const cfb = new Uint8Array(512);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const legacy = rejection(cfb);
    expect(legacy.reason).toBe('not-a-workbook');
    expect(legacy.message).toMatch(/legacy \.xls/);
    const plainZip = buildZip([{ name: 'readme.txt', data: new TextEncoder().encode('hi'), method: 0, uncompressedSize: 2 }]);
    expect(rejection(plainZip).reason).toBe('not-a-workbook');
    const truncated = xlsx({ rooms: [['room_id'], ['K']] }).subarray(0, 200);
    expect(['not-a-workbook', 'unreadable']).toContain(rejection(truncated).reason);
  });

  it('refuses a zip bomb before inflating it, whether its sizes are declared honestly or not', () => {
    const chunk = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
    const count = 1500;
    const bomb = Buffer.concat([...Array.from({ length: count }, () => chunk), Buffer.from([0x03, 0x00])]);
    const workbookXml = { name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>'), method: 0, uncompressedSize: 11 };
    // The CRC of what the bomb inflates to, worked out for 1.5 GB of zeros without going over them (inflating
    // the bomb here took seconds and 1.5 GB; even the CRC of the zeros piece by piece, a third of a second).
    expect(crc32ThenZeros(crc32(Buffer.from('PK')), 3 << 20)).toBe(crc32(Buffer.concat([Buffer.from('PK'), Buffer.alloc(3 << 20)])));
    const crc = crc32ThenZeros(0, count * (1 << 20));
    const honest = buildZip([workbookXml, { name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, uncompressedSize: count * (1 << 20), crc32: crc }]);
    const lying = buildZip([workbookXml, { name: 'xl/worksheets/sheet1.xml', data: bomb, method: 8, uncompressedSize: 4096, crc32: crc }]);
    expect(honest.length).toBeLessThan(2 * 1024 * 1024);

    let t = performance.now();
    const a = rejection(honest);
    const honestMs = performance.now() - t;
    expect(a.reason).toBe('too-large');
    expect(a.message).toMatch(/declares 1\.5 GB uncompressed, over the 200 MB limit; .*--max-size 1501/);

    t = performance.now();
    const b = rejection(lying);
    const lyingMs = performance.now() - t;
    expect(b.reason).toBe('too-large');
    expect(b.message).toMatch(/inflates to more than its declared/);
    console.log(`zip bomb (${(honest.length / 1e6).toFixed(2)} MB → ${count} MB) refused in ${honestMs.toFixed(1)} ms (declared) and ${lyingMs.toFixed(1)} ms (lying sizes)`);
  });

  it('honours raised and lowered limits', () => {
    const bytes = xlsx({ rooms: [['room_id', 'passport'], ...Array.from({ length: 50 }, (_, i) => [`K-${i}`, 'yes'])] });
    expect(rejection(bytes, { maxCells: 60 }).reason).toBe('too-many-cells');
    expect(rejection(bytes, { maxUncompressedBytes: 1000 }).reason).toBe('too-large');
    expect(readWorkbook(bytes, { file: 'ok.xlsx', limits: { maxCells: 200 } }).tables.rooms!.counts.accepted).toBe(50);
  });
});

describe('parseHeaderMapping', () => {
  it('accepts the documented shape into null-prototype records', () => {
    const m = parseHeaderMapping({ sheets: { Kids: 'children' }, columns: { children: { Code: 'child_id' } } });
    expect(Object.getPrototypeOf(m.sheets)).toBeNull();
    expect(m.columns!.children!.Code).toBe('child_id');
  });

  it('refuses bad shapes and unknown targets with a clear message', () => {
    expect(() => parseHeaderMapping([])).toThrow(HeaderMappingError);
    expect(() => parseHeaderMapping({ sheet: {} })).toThrow(/not of the form/);
    expect(() => parseHeaderMapping({ sheets: { Kids: 'kids' } })).toThrow(/"kids" is not a sheet id/);
    expect(() => parseHeaderMapping({ columns: { children: { Code: 'code' } } })).toThrow(/not a column of children/);
    expect(() => parseHeaderMapping({ columns: { children: { Code: 5 } } })).toThrow(HeaderMappingError);
    const suggested = (json: unknown): HeaderMappingError => { try { parseHeaderMapping(json); } catch (err) { return err as HeaderMappingError; } throw new Error('accepted'); };
    const misspelt = suggested({ sheets: { Kids: 'chidren' }, columns: { childrn: {}, plans: { Done: 'completed' } }, colums: {} });
    expect(misspelt.text.en).toContain('"colums" (did you mean "columns"?)');
    const targets = suggested({ sheets: { Kids: 'chidren' }, columns: { childrn: {}, plans: { Done: 'completd_on' } } });
    expect(targets.text.en).toContain('sheets["Kids"]: "chidren" is not a sheet id (did you mean "children"?)');
    expect(targets.text.en).toContain('columns["childrn"]: not a sheet id (did you mean "children"?)');
    expect(targets.text.en).toContain('"completd_on" is not a column of plans (did you mean "completed_on"?)');
    expect(targets.text.ru).toContain('(возможно, "children"?)');
    expect(targets.text.kk).toContain('("completed_on" болуы мүмкін бе?)');
    const tricky = parseHeaderMapping(JSON.parse('{"sheets":{"__proto__":"children"}}'));
    expect(Object.keys(tricky.sheets!)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).children).toBeUndefined();
  });
});

describe('readWorkbook: a table on two sheets', () => {
  it('reads both sheets, so that a second one with rows is told from an empty leftover (both readers)', () => {
    const health = (child: string) => [['Баланың коды', 'Күні'], [child, '04.01.2010']];
    const split = xlsx({ 'Денсаулық күнделігі': health('C-1'), 'Журнал здоровья': health('C-2') });
    const leftover = xlsx({ 'Денсаулық күнделігі': health('C-1'), 'Журнал здоровья': [['Баланың коды', 'Күні']] });
    for (const reader of ['fast', 'sheetjs'] as const) {
      const wb = readWorkbook(split, { file: 'split.xlsx', reader });
      expect(wb.tables.health_log!.others).toEqual(['Журнал здоровья']);
      expect(wb.errors.filter((e) => e.code === 'duplicate-sheet').map((e) => e.sheetName)).toEqual(['Журнал здоровья']);
      const clean = readWorkbook(leftover, { file: 'leftover.xlsx', reader });
      expect(clean.tables.health_log!.others).toBeUndefined();
      expect(clean.errors.filter((e) => e.severity === 'error')).toEqual([]);
    }
  });
});

/**
 * The CRC-32 of some bytes whose CRC-32 is `crc` followed by `length` zero bytes, in a few dozen small
 * steps (zlib's crc32_combine): a zero byte changes the CRC's register by a fixed linear map, so `length`
 * of them apply that map's power, worked out by squaring.
 */
function crc32ThenZeros(crc: number, length: number): number {
  const times = (map: readonly number[], bits: number) => { let sum = 0; for (let i = 0; bits !== 0; i++, bits >>>= 1) if (bits & 1) sum ^= map[i]!; return sum >>> 0; };
  const square = (map: readonly number[]) => map.map((v) => times(map, v));
  // One zero bit: the register shifts right, and the polynomial comes in where a 1 falls out.
  let odd = [0xedb88320, ...Array.from({ length: 31 }, (_, n) => (1 << n) >>> 0)];
  let even = square(odd);
  odd = square(even);
  let register = ~crc >>> 0;
  for (let n = length; n > 0;) {
    even = square(odd);   // 2^k zero bytes
    if (n % 2 === 1) register = times(even, register);
    n = Math.floor(n / 2);
    if (n === 0) break;
    odd = square(even);
    if (n % 2 === 1) register = times(odd, register);
    n = Math.floor(n / 2);
  }
  return ~register >>> 0;
}
