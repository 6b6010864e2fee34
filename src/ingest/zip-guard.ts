// Refusing hostile or oversized .xlsx files before SheetJS inflates them. An .xlsx is a zip: its central
// directory declares every entry's uncompressed size, so the total is known from a few kilobytes at the
// end of the file. Declared sizes can lie, so each entry is then inflated with a hard output cap, and
// its CRC-32 checked, so a damaged entry is refused instead of read as data.
import * as zlib from 'node:zlib';
import { clip } from '../core/text.ts';

export type RejectReason = 'not-a-workbook' | 'too-large' | 'too-many-cells' | 'unreadable';

export class WorkbookRejected extends Error {
  constructor(readonly reason: RejectReason, message: string) {
    super(message);
    this.name = 'WorkbookRejected';
  }
}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** The CRC-32 of the uncompressed data, from the central directory (valid also when bit 3 defers it). */
  readonly crc32: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const UTF8 = new TextDecoder();
const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB >= 1024 ? `${(bytes / MB / 1024).toFixed(1)} GB` : `${Math.ceil(bytes / MB)} MB`);

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(dv: DataView, at: number): number {
  const value = dv.getBigUint64(at, true);
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** Reads the central directory only; throws not-a-workbook / unreadable for anything that is not a sane zip. */
export function readCentralDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
  const notZip = () => new WorkbookRejected('not-a-workbook', `${file} is not an .xlsx workbook (no zip directory found); export the data from Excel as .xlsx.`);
  const broken = (what: string) => new WorkbookRejected('unreadable', `${file} is a damaged .xlsx file (${what}); open it in Excel and save it again as .xlsx.`);
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notZip();
  const dv = view(bytes);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (dv.getUint32(at, true) === EOCD_SIG) { eocd = at; break; }
  }
  if (eocd < 0) throw notZip();
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIG) {
    const at = u64(dv, eocd - 20 + 8);
    if (at + 56 > bytes.length || dv.getUint32(at, true) !== ZIP64_EOCD_SIG) throw broken('bad zip64 directory');
    count = u64(dv, at + 32);
    cdSize = u64(dv, at + 40);
    cdOffset = u64(dv, at + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw broken('the directory points outside the file');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL_SIG) throw broken('bad directory entry');
    const flags = dv.getUint16(at + 8, true);
    const method = dv.getUint16(at + 10, true);
    const crc32 = dv.getUint32(at + 16, true);
    let compressedSize = dv.getUint32(at + 20, true);
    let uncompressedSize = dv.getUint32(at + 24, true);
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    let localHeaderOffset = dv.getUint32(at + 42, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) throw broken('bad directory entry');
    const name = UTF8.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // The zip64 extra field carries, in order, only the sizes whose 32-bit fields are saturated.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = dv.getUint16(x, true);
      const size = dv.getUint16(x + 2, true);
      if (id === 0x0001) {
        let p = x + 4;
        if (uncompressedSize === 0xffffffff && p + 8 <= x + 4 + size) { uncompressedSize = u64(dv, p); p += 8; }
        if (compressedSize === 0xffffffff && p + 8 <= x + 4 + size) { compressedSize = u64(dv, p); p += 8; }
        if (localHeaderOffset === 0xffffffff && p + 8 <= x + 4 + size) { localHeaderOffset = u64(dv, p); p += 8; }
      }
      x += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, crc32 });
    at = end;
  }
  const names = new Set<string>();
  for (const e of entries) {
    // Two entries of one name: zip readers disagree on which one counts, so neither can be trusted.
    if (names.has(e.name)) throw broken(`two entries named ${clip(e.name)}`);
    names.add(e.name);
  }
  return entries;
}

/**
 * An .xlsx names its workbook part xl/workbook.xml; an Excel binary workbook (.xlsb) renamed .xlsx, or any
 * other zip, is refused here rather than read as a workbook with every sheet missing.
 */
export function checkWorkbookPart(entries: readonly ZipEntry[], file: string): void {
  if (entries.some((e) => e.name === 'xl/workbook.xml')) return;
  if (entries.some((e) => e.name === 'xl/workbook.bin')) {
    throw new WorkbookRejected('not-a-workbook', `${file} is not a readable .xlsx workbook: it is an Excel binary workbook (.xlsb) named .xlsx; open it in Excel and save it as .xlsx.`);
  }
  throw new WorkbookRejected('not-a-workbook', `${file} is a zip file but not a readable .xlsx workbook (no xl/workbook.xml); export the data from Excel as .xlsx.`);
}

/** zlib's CRC-32 (Node 20.15+), or the same table-driven computation on older Node 20 releases. */
const crc32: (data: Uint8Array) => number = typeof (zlib as { crc32?: unknown }).crc32 === 'function'
  ? (data) => zlib.crc32(data) >>> 0
  : tableCrc32;

let crcTable: Uint32Array | undefined;
function tableCrc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function declaredTotal(entries: readonly ZipEntry[]): number {
  return entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
}

export function tooLargeMessage(file: string, bytes: number, limit: number, what: string): string {
  const raise = Math.ceil(bytes / MB);
  return `${file} ${what} ${mb(bytes)} uncompressed, over the ${mb(limit)} limit; if the file is genuine, pass --max-size ${raise} (MB) to raise it.`;
}

/**
 * Inflates each entry natively with its output capped at its declared size (and the remaining budget) and
 * hands every file entry to `onEntry`; a stream that inflates past its declaration is refused as too large.
 */
export function inflateGuarded(bytes: Uint8Array, entries: readonly ZipEntry[], file: string, limit: number, onEntry: (name: string, data: Buffer) => void): void {
  const dv = view(bytes);
  let budget = limit;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.flags & 0x1) throw new WorkbookRejected('not-a-workbook', `${file} is password-protected; save it again without a password.`);
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL_SIG) {
      throw new WorkbookRejected('unreadable', `${file} is a damaged .xlsx file (entry ${clip(entry.name)}); open it in Excel and save it again.`);
    }
    const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    const cap = Math.min(entry.uncompressedSize, budget);
    let out: Buffer;
    if (entry.method === 0) {
      if (data.length > cap) throw new WorkbookRejected('too-large', `${file}: stored entry ${clip(entry.name)} is larger than declared or past the ${mb(limit)} limit; export the file again from Excel.`);
      out = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    } else if (entry.method === 8) {
      try {
        out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
          throw new WorkbookRejected('too-large', `${file}: entry ${clip(entry.name)} inflates to more than its declared ${mb(entry.uncompressedSize)} (or past the ${mb(limit)} limit); the file is corrupt or hostile — export it again from Excel.`);
        }
        throw new WorkbookRejected('unreadable', `${file} is a damaged .xlsx file (entry ${clip(entry.name)} does not inflate); open it in Excel and save it again.`);
      }
    } else {
      throw new WorkbookRejected('unreadable', `${file} uses an unsupported zip compression (method ${entry.method}); open it in Excel and save it again as .xlsx.`);
    }
    if (crc32(out) !== entry.crc32) {
      throw new WorkbookRejected('unreadable', `${file} is a damaged .xlsx file (entry ${clip(entry.name)} fails its CRC-32 check); open the original in Excel and save it again, or ask for a fresh copy.`);
    }
    budget -= out.length;
    onEntry(entry.name, out);
  }
}

export function isWorksheetXml(name: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
}

/** Counts `<c ` / `<c>` cell elements (also prefixed `<x:c `) in worksheet XML without parsing it. */
export function countCellElements(xml: Buffer): number {
  let count = 0;
  for (let i = xml.indexOf(0x3c); i >= 0 && i < xml.length - 2; i = xml.indexOf(0x3c, i + 1)) {
    let j = i + 1;
    // skip a namespace prefix such as `x:`
    let k = j;
    while (k < xml.length && k - j < 12 && ((xml[k]! >= 0x61 && xml[k]! <= 0x7a) || (xml[k]! >= 0x41 && xml[k]! <= 0x5a) || (xml[k]! >= 0x30 && xml[k]! <= 0x39))) k++;
    if (xml[k] === 0x3a) j = k + 1;
    if (xml[j] === 0x63 && (xml[j + 1] === 0x20 || xml[j + 1] === 0x3e || xml[j + 1] === 0x2f)) count++;
  }
  return count;
}
