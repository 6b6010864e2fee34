// The file side of `ereje audit`: which workbooks a command line names, reading them with a size cap,
// the mapping file, and where each report goes.
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { clip } from '../core/text.ts';
import { HeaderMappingError, parseHeaderMapping } from '../ingest/index.ts';
import type { HeaderMapping } from '../ingest/types.ts';
import type { ReportFormat } from '../report/index.ts';
import { FatalError } from './errors.ts';

export interface WorkbookInput {
  readonly path: string;
  /** The name shown in reports and used for the report's file name. */
  readonly file: string;
}

/**
 * Files as given; a folder means every entry named `.xlsx` directly in it (Excel's `~$` lock files left
 * out), sorted. Symbolic links are followed; an entry that is not a readable regular file (a folder or a
 * device named `.xlsx`, a broken link) stays in the list, so the audit reports it instead of skipping it.
 */
export function resolveWorkbooks(args: readonly string[]): { inputs: WorkbookInput[]; folderGiven: boolean } {
  const inputs: WorkbookInput[] = [];
  let folderGiven = false;
  for (const arg of args) {
    let stats: Stats;
    try {
      stats = statSync(arg);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') throw new FatalError(`${arg}: no such file or folder; check the path (a folder audits every .xlsx in it).`);
      throw new FatalError(`${arg}: ${fileProblem(err)}.`);
    }
    if (stats.isDirectory()) {
      folderGiven = true;
      let names: string[];
      try {
        names = readdirSync(arg).filter((name) => /\.xlsx$/i.test(name) && !name.startsWith('~$'));
      } catch (err) {
        throw new FatalError(`${arg}: cannot list the folder (${fileProblem(err)}).`);
      }
      names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (names.length === 0) throw new FatalError(`${arg}: the folder has no .xlsx workbooks; export the facility data from Excel as .xlsx into it.`);
      for (const name of names) inputs.push({ path: join(arg, name), file: name });
    } else {
      inputs.push({ path: arg, file: basename(arg) });
    }
  }
  return { inputs, folderGiven };
}

/** Reads a workbook: a regular file only, and never more than the limit, however large the file claims or grows to be. */
export function readWorkbookFile(input: WorkbookInput, maxBytes: number): Uint8Array {
  return readRegularFile(input.path, maxBytes, (size) => new FatalError(
    `${input.path}: the file is ${size === undefined ? `over ${mb(maxBytes)}` : mb(size)}, more than the ${mb(maxBytes)} limit; split the workbook by period or raise --max-size.`,
  ));
}

/** A mapping file names a few dozen sheets and headers; anything larger is not one. */
const MAX_MAPPING_BYTES = 1024 * 1024;

export function readMappingFile(path: string): HeaderMapping {
  const bytes = readRegularFile(path, MAX_MAPPING_BYTES, () => new FatalError(`--mapping ${path}: the file is over ${mb(MAX_MAPPING_BYTES)}; a mapping file is a small JSON file.`), '--mapping ');
  // A byte-order mark is how some Windows editors save UTF-8; it is not part of the JSON.
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const why = /^\s*[{[]/.test(text) ? ` (${clip((err as Error).message.replace(/\s+/g, ' '))})` : '';
    throw new FatalError(`--mapping ${path}: the mapping file must be JSON, such as {"sheets": {"Their sheet": "children"}}, and this file is not${why}; YAML and other formats are not read.`);
  }
  try {
    return parseHeaderMapping(json);
  } catch (err) {
    if (err instanceof HeaderMappingError) throw new FatalError(`--mapping ${path}: ${err.message}`);
    throw err;
  }
}

/**
 * A regular file's bytes, read at most `limit` bytes (plus one, to know it is over). A device such as
 * /dev/zero, a fifo or a folder is refused before it is opened: reading one could block or never end.
 * The file is opened non-blocking and checked again, in case it was replaced in between.
 */
function readRegularFile(path: string, limit: number, tooLarge: (size?: number) => FatalError, prefix = ''): Uint8Array {
  const refuse = (what: string) => new FatalError(`${prefix}${path}: ${what}`);
  let fd: number;
  try {
    const before = statSync(path);
    if (!before.isFile()) throw refuse(notRegular(before));
    if (before.size > limit) throw tooLarge(before.size);
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    if (err instanceof FatalError) throw err;
    throw refuse(`${fileProblem(err)}.`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw refuse(notRegular(stats));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stats.size - total, 0) + 1, limit + 1 - total, 16 * 1024 * 1024) || 1);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge();
    }
    return new Uint8Array(Buffer.concat(chunks, total));
  } catch (err) {
    if (err instanceof FatalError) throw err;
    throw refuse(`${fileProblem(err)}.`);
  } finally {
    closeSync(fd);
  }
}

function notRegular(stats: Stats): string {
  const kind = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a pipe (fifo)' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'not a file';
  return `not a regular file (${kind}), so it is not read; give the path of an .xlsx workbook.`;
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** What a failed open or read means for the user, without the system's stack of details. */
function fileProblem(err: unknown): string {
  switch (errorCode(err)) {
    case 'EACCES': case 'EPERM': return 'cannot read the file (permission denied); ask for read access or copy the file somewhere you can read it';
    case 'ENOENT': return 'cannot read the file (it does not exist, or is a link to nothing)';
    case 'ELOOP': return 'cannot read the file (a loop of symbolic links)';
    case 'EISDIR': return 'not a regular file (a folder), so it is not read; give the path of an .xlsx workbook';
    case 'EIO': return 'cannot read the file (an input/output error: the disk or network share failed)';
    default: return `cannot read the file (${errorCode(err) ?? clip(String((err as Error)?.message ?? err))})`;
  }
}

export function parseMaxSize(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new FatalError(`--max-size ${text}: give the limit in megabytes, a number above 0 (default 200).`);
  return Math.floor(n * 1024 * 1024);
}

/** `--out report.html` without --format picks the format from the extension; anything else is JSON. */
export function formatFromPath(path: string): ReportFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.xlsx') return 'xlsx';
  return undefined;
}

/** `residential-2010.xlsx` → `residential-2010.html`. */
export function reportFileName(workbookFile: string, format: ReportFormat): string {
  return `${basename(workbookFile).replace(/\.xlsx$/i, '')}.${format}`;
}

function mb(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
