// A tiny zip writer for tests: lets a test declare whatever sizes it likes (honest or lying).
export interface TestZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly uncompressedSize: number;
}

/** The fields both headers carry; the central header has them 2 bytes further on, after "version made by". */
function entryHeader(signature: number, length: number, shift: number, e: TestZipEntry, nameLength: number): Buffer {
  const header = Buffer.alloc(length);
  header.writeUInt32LE(signature, 0);
  header.writeUInt16LE(20, 4 + shift);
  header.writeUInt16LE(e.method, 8 + shift);
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
    locals.push(entryHeader(0x04034b50, 30, 0, e, name.length), name, Buffer.from(e.data));
    const central = entryHeader(0x02014b50, 46, 2, e, name.length);
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
