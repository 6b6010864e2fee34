// A tiny zip writer for tests: lets a test declare whatever sizes it likes (honest or lying).
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { inflateGuarded, readCentralDirectory } from '../../src/ingest/zip-guard.ts';

export interface TestZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly uncompressedSize: number;
  /** Default: the CRC-32 of the data (inflated, for deflate entries that inflate within their declared size; else 0). */
  readonly crc32?: number;
}

function crcOf(e: TestZipEntry): number {
  if (e.crc32 !== undefined) return e.crc32;
  if (e.method === 0) return crc32(e.data) >>> 0;
  try {
    return crc32(inflateRawSync(e.data, { maxOutputLength: Math.max(1, e.uncompressedSize) })) >>> 0;
  } catch {
    return 0;
  }
}

/** The fields both headers carry; the central header has them 2 bytes further on, after "version made by". */
function entryHeader(signature: number, length: number, shift: number, e: TestZipEntry, crc: number, nameLength: number): Buffer {
  const header = Buffer.alloc(length);
  header.writeUInt32LE(signature, 0);
  header.writeUInt16LE(20, 4 + shift);
  header.writeUInt16LE(e.method, 8 + shift);
  header.writeUInt32LE(crc, 14 + shift);
  header.writeUInt32LE(e.data.length, 18 + shift);
  header.writeUInt32LE(e.uncompressedSize, 22 + shift);
  header.writeUInt16LE(nameLength, 26 + shift);
  return header;
}

export function buildZip(entries: readonly TestZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    // Worked out once for both headers: for a deflated entry it means inflating the data.
    const crc = crcOf(e);
    locals.push(entryHeader(0x04034b50, 30, 0, e, crc, name.length), name, Buffer.from(e.data));
    const central = entryHeader(0x02014b50, 46, 2, e, crc, name.length);
    central.writeUInt16LE(20, 4);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/** The entries of a zip as name → inflated bytes, in zip order (read with ingest's own guarded reader). */
export function readZipEntries(bytes: Uint8Array): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  inflateGuarded(bytes, readCentralDirectory(bytes, 'test.xlsx'), 'test.xlsx', 1 << 30, (name, data) => entries.set(name, Buffer.from(data)));
  return entries;
}

/** A well-formed zip (deflated, honest sizes and CRCs) of the given entries, in the given order. */
export function zipOf(entries: Iterable<readonly [string, Uint8Array | string]>): Uint8Array {
  return buildZip([...entries].map(([name, content]) => {
    const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    return { name, data: new Uint8Array(deflateRawSync(raw)), method: 8, uncompressedSize: raw.length, crc32: crc32(raw) >>> 0 };
  }));
}

/** The workbook with some entries replaced (a string or bytes) or removed (null). */
export function editZip(bytes: Uint8Array, edits: Readonly<Record<string, Uint8Array | string | null>>): Uint8Array {
  const entries = readZipEntries(bytes);
  for (const [name, content] of Object.entries(edits)) {
    if (content === null) entries.delete(name);
    else entries.set(name, Buffer.from(content));
  }
  return zipOf(entries);
}
