// Refusing hostile or oversized .xlsx files before SheetJS inflates them. An .xlsx is a zip: its central
// directory declares every entry's uncompressed size, so the total is known from a few kilobytes at the
// end of the file. Declared sizes can lie, so each entry is then inflated with a hard output cap, and
// its CRC-32 checked, so a damaged entry is refused instead of read as data.
import type { Localized } from '../core/lang.ts';
import { clip } from '../core/text.ts';
import { crc32, inflateRawCapped } from './platform.ts';
import { rejection, WorkbookRejected, zipDamage } from './rejections.ts';

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

/**
 * Where a zip's end-of-central-directory record starts: the last one within the 64 KiB comment a zip may
 * end with, or -1. `bytes` may be the file's tail alone.
 */
export function findEndRecord(bytes: Uint8Array): number {
  const dv = view(bytes);
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (dv.getUint32(at, true) === EOCD_SIG) return at;
  }
  return -1;
}

/** Reads the central directory only; throws not-a-workbook / unreadable for anything that is not a sane zip. */
export function readCentralDirectory(bytes: Uint8Array, file: string): ZipEntry[] {
  const notZip = () => new WorkbookRejected('not-a-workbook', rejection.notZip(file));
  const broken = (what: Localized) => new WorkbookRejected('unreadable', rejection.damaged(file, what));
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notZip();
  const dv = view(bytes);
  const eocd = findEndRecord(bytes);
  if (eocd < 0) throw notZip();
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIG) {
    const at = u64(dv, eocd - 20 + 8);
    if (at + 56 > bytes.length || dv.getUint32(at, true) !== ZIP64_EOCD_SIG) throw broken(zipDamage.zip64Directory);
    count = u64(dv, at + 32);
    cdSize = u64(dv, at + 40);
    cdOffset = u64(dv, at + 48);
  }
  if (cdOffset + cdSize > bytes.length) throw broken(zipDamage.directoryOutside);
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL_SIG) throw broken(zipDamage.directoryEntry);
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
    if (end > bytes.length) throw broken(zipDamage.directoryEntry);
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
    if (names.has(e.name)) throw broken(zipDamage.twoEntries(clip(e.name)));
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
    throw new WorkbookRejected('not-a-workbook', rejection.xlsbNamedXlsx(file));
  }
  throw new WorkbookRejected('not-a-workbook', rejection.zipNotWorkbook(file));
}

export function declaredTotal(entries: readonly ZipEntry[]): number {
  return entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
}

/**
 * Inflates each entry with its output capped at its declared size (and the remaining budget) and
 * hands every file entry to `onEntry`; a stream that inflates past its declaration is refused as too large.
 */
export function inflateGuarded(bytes: Uint8Array, entries: readonly ZipEntry[], file: string, limit: number, onEntry: (name: string, data: Buffer) => void): void {
  const dv = view(bytes);
  let budget = limit;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (entry.flags & 0x1) throw new WorkbookRejected('not-a-workbook', rejection.passwordProtected(file));
    const at = entry.localHeaderOffset;
    if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOCAL_SIG) {
      throw new WorkbookRejected('unreadable', rejection.damaged(file, zipDamage.entry(clip(entry.name))));
    }
    const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedSize);
    const cap = Math.min(entry.uncompressedSize, budget);
    let out: Buffer;
    if (entry.method === 0) {
      if (data.length > cap) throw new WorkbookRejected('too-large', rejection.storedPastDeclared(file, clip(entry.name), limit));
      out = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    } else if (entry.method === 8) {
      let inflated: Buffer | null;
      try {
        inflated = inflateRawCapped(data, Math.max(1, cap));
      } catch {
        throw new WorkbookRejected('unreadable', rejection.damaged(file, zipDamage.doesNotInflate(clip(entry.name))));
      }
      if (inflated === null) {
        throw new WorkbookRejected('too-large', rejection.inflatesPastDeclared(file, clip(entry.name), entry.uncompressedSize, limit));
      }
      out = inflated;
    } else {
      throw new WorkbookRejected('unreadable', rejection.unsupportedCompression(file, entry.method));
    }
    if (crc32(out) !== entry.crc32) {
      throw new WorkbookRejected('unreadable', rejection.damaged(file, zipDamage.failsCrc(clip(entry.name))));
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
