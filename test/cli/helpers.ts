// Test helpers for the audit CLI: captured io, workbooks built with SheetJS, and hand-made zip files
// (a zip bomb whose entry inflates far beyond what it declares).
import { deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { main, type CliIO } from '../../src/cli/main.ts';

export interface Captured { code: number; stdout: string; stderr: string }

export async function run(argv: readonly string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, isTTY: false, stderrIsTTY: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export type Rows = readonly (readonly unknown[])[];

/** An .xlsx with the given sheets; row 1 of each is the header. */
export function xlsxBytes(sheets: Readonly<Record<string, Rows>>): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows.map((r) => [...r])), name);
  }
  const buf = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
  return new Uint8Array(buf);
}

export const FACILITY_HEADER = ['facility_id', 'name', 'kind', 'ownership', 'period_from', 'period_to',
  'license_social_services', 'license_medical', 'license_education'] as const;

export function facilitySheet(over: { name?: string; from?: string; to?: string; kind?: string } = {}): Rows {
  return [
    FACILITY_HEADER,
    ['F-001', over.name ?? 'Балалар үйі №1', over.kind ?? 'residential', 'state', over.from ?? '2010-01-01', over.to ?? '2010-10-31',
      'L-1', 'M-1', 'E-1'],
  ];
}

interface ZipEntrySpec { name: string; data: Buffer; declaredSize?: number }

/** A zip with deflated entries; `declaredSize` lets an entry lie about its uncompressed size. CRCs are 0. */
export function zipBytes(entries: readonly ZipEntrySpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(0, 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(entries.length, 8); eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12); eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/** A tiny file (tens of kB) whose one worksheet declares 1 kB but inflates to 64 MB of spaces. */
export function zipBomb(): Uint8Array {
  return zipBytes([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20), declaredSize: 1024 },
  ]);
}
