// Whether a file at a report path is a report ereje wrote — which a re-run may replace — or anything
// else, which is the user's and is never replaced unasked. Only a few kilobytes are read: the start and
// end of a JSON, Markdown or HTML report, or the directory and one small part of an .xlsx report's zip.
// Nothing that is not a regular file is opened (a fifo or a device could block or never end).
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync } from 'node:fs';
import { findEndRecord, inflateGuarded, readCentralDirectory, type ZipEntry } from '../ingest/zip-guard.ts';
import { XLSX_REPORT_PROPERTY } from '../report/formats.ts';
import { FatalError } from './errors.ts';
import { cliText } from './messages.ts';

/** The part of an .xlsx report that names it: its custom document properties (src/report/xlsx.ts writes it). */
const XLSX_MARKER_PART = 'docProps/custom.xml';

/** How much of a text report's start and end is looked at. */
const TEXT_WINDOW = 4096;
/** A report's zip has a dozen parts; its directory and its custom properties are a few kilobytes. */
const ZIP_DIRECTORY_LIMIT = 256 * 1024;
const ZIP_PART_LIMIT = 64 * 1024;

/**
 * Refuses (exit 2, one line) the first report path where something exists that ereje did not write, before
 * any report is written. `targets`: every file the run would write (the --out file, or each report and
 * summary in the --out folder).
 */
export function refuseReplacingForeign(targets: readonly string[]): void {
  for (const target of targets) {
    if (ownerOf(target) === 'user') throw new FatalError(cliText.outNotOurs(target));
  }
}

/** `none`: nothing is there; `ereje`: a report ereje wrote; `user`: anything else (a folder, a link to nothing, a device too). */
function ownerOf(path: string): 'none' | 'ereje' | 'user' {
  try {
    lstatSync(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'user';
  }
  let fd: number;
  try {
    if (!statSync(path).isFile()) return 'user';
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch {
    return 'user';
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return 'user';
    return isEreJeReport(fd, stats.size) ? 'ereje' : 'user';
  } catch {
    return 'user';
  } finally {
    closeSync(fd);
  }
}

function isEreJeReport(fd: number, size: number): boolean {
  const head = readAt(fd, 0, Math.min(size, TEXT_WINDOW));
  if (head[0] === 0x50 && head[1] === 0x4b) return xlsxReportSchema(fd, size) !== null;
  const start = head.toString('utf8').replace(/^\uFEFF/, '');
  const end = readAt(fd, Math.max(0, size - TEXT_WINDOW), Math.min(size, TEXT_WINDOW)).toString('utf8');
  // JSON reports and batch summaries: `schema` is the first key ereje writes, and the object ends the file.
  if (/^\s*\{\s*"schema"\s*:\s*"ereje\.[a-z-]+\/\d+"/.test(start)) return /\}\s*$/.test(end);
  // HTML reports and summaries end with a footer naming ereje and the report's schema.
  if (/^<!DOCTYPE html>/i.test(start)) return /<footer>[^<]* ereje [^<]* · ereje\.[a-z-]+\/\d+(?: · sha256 [0-9a-f]+)?<\/footer>\s*<\/body>\s*<\/html>\s*$/.test(end);
  // Markdown reports end with the same line, as small print.
  return /(?:^|\n)<sub>[^<\n]* ereje [^<\n]* · ereje\.[a-z-]+\/\d+<\/sub>\s*$/.test(end);
}

/**
 * The schema an .xlsx report names in its custom properties, or null. Read from the zip's end: its
 * directory (checked by ingest's reader) and the one part, inflated with a cap and its CRC checked.
 */
function xlsxReportSchema(fd: number, size: number): string | null {
  const tailLength = Math.min(size, 0xffff + 22);
  const tail = readAt(fd, size - tailLength, tailLength);
  const eocd = findEndRecord(tail);
  if (eocd < 0) return null;
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (dirSize > ZIP_DIRECTORY_LIMIT || dirOffset + dirSize > size) return null;
  // The directory alone, followed by its end record pointing at offset 0: what ingest's reader expects of a whole zip.
  const end = Buffer.from(tail.subarray(eocd, eocd + 22));
  end.writeUInt32LE(0, 16);
  end.writeUInt16LE(0, 20);
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(Buffer.concat([readAt(fd, dirOffset, dirSize), end]), 'report');
  } catch {
    return null;
  }
  const entry = entries.find((e) => e.name === XLSX_MARKER_PART);
  if (entry === undefined || entry.compressedSize > ZIP_PART_LIMIT || entry.uncompressedSize > ZIP_PART_LIMIT) return null;
  const header = readAt(fd, entry.localHeaderOffset, 30);
  if (header.length < 30) return null;
  const local = readAt(fd, entry.localHeaderOffset, 30 + header.readUInt16LE(26) + header.readUInt16LE(28) + entry.compressedSize);
  let xml = '';
  try {
    inflateGuarded(local, [{ ...entry, localHeaderOffset: 0 }], 'report', ZIP_PART_LIMIT, (_, data) => { xml = data.toString('utf8'); });
  } catch {
    return null;
  }
  const found = new RegExp(`<property\\b[^>]*\\bname="${XLSX_REPORT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>(ereje\\.[a-z-]+/\\d+)</vt:lpwstr>`).exec(xml);
  return found?.[1] ?? null;
}

/** Up to `length` bytes from `position` (fewer at the end of the file). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let total = 0;
  while (total < length) {
    const n = readSync(fd, buffer, total, length - total, position + total);
    if (n === 0) break;
    total += n;
  }
  return buffer.subarray(0, total);
}
