// The file side of `ereje audit`: which workbooks a command line names, reading them with a size cap,
// the mapping file, and where each report goes — never onto a file the user gave as input.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Localized } from '../core/lang.ts';
import { formatSize as mb } from '../core/size.ts';
import { clip } from '../core/text.ts';
import { HeaderMappingError, parseHeaderMapping } from '../ingest/index.ts';
import type { HeaderMapping } from '../ingest/types.ts';
import type { ReportFormat } from '../report/index.ts';
import { FatalError, prefixed } from './errors.ts';
import { cliText } from './messages.ts';

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
      if (errorCode(err) === 'ENOENT') throw new FatalError(cliText.noSuchInput(arg));
      throw new FatalError(prefixed(`${arg}: `, withStop(fileProblem(err))));
    }
    if (stats.isDirectory()) {
      folderGiven = true;
      let names: string[];
      try {
        names = readdirSync(arg).filter((name) => /\.xlsx$/i.test(name) && !name.startsWith('~$'));
      } catch (err) {
        throw new FatalError(cliText.cannotListFolder(arg, fileProblem(err)));
      }
      names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (names.length === 0) throw new FatalError(cliText.folderHasNoWorkbooks(arg));
      for (const name of names) inputs.push({ path: join(arg, name), file: name });
    } else {
      inputs.push({ path: arg, file: basename(arg) });
    }
  }
  return { inputs, folderGiven };
}

/** Whether `path` is a folder (following links); false when nothing is there or it cannot be looked at. */
export function isDirectory(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
}

/** Reads a workbook: a regular file only, and never more than the limit, however large the file claims or grows to be. */
export function readWorkbookFile(input: WorkbookInput, maxBytes: number): Uint8Array {
  return readRegularFile(input.path, maxBytes, (size) => new FatalError(
    cliText.fileTooLarge(input.path, size === undefined ? null : mb(size), mb(maxBytes)),
  ));
}

/** A mapping file names a few dozen sheets and headers; anything larger is not one. */
const MAX_MAPPING_BYTES = 1024 * 1024;

export function readMappingFile(path: string): HeaderMapping {
  const bytes = readRegularFile(path, MAX_MAPPING_BYTES, () => new FatalError(cliText.mappingTooLarge(path, mb(MAX_MAPPING_BYTES))), '--mapping ');
  // A byte-order mark is how some Windows editors save UTF-8; it is not part of the JSON.
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const why = /^\s*[{[]/.test(text) ? ` (${clip((err as Error).message.replace(/\s+/g, ' '))})` : '';
    throw new FatalError(cliText.mappingNotJson(path, why));
  }
  try {
    return parseHeaderMapping(json);
  } catch (err) {
    if (err instanceof HeaderMappingError) throw new FatalError(prefixed(`--mapping ${path}: `, err.text));
    throw err;
  }
}

/**
 * A regular file's bytes, read at most `limit` bytes (plus one, to know it is over). A device such as
 * /dev/zero, a fifo or a folder is refused before it is opened: reading one could block or never end.
 * The file is opened non-blocking and checked again, in case it was replaced in between.
 */
function readRegularFile(path: string, limit: number, tooLarge: (size?: number) => FatalError, prefix = ''): Uint8Array {
  const refuse = (what: Localized) => new FatalError(prefixed(`${prefix}${path}: `, withStop(what)));
  let fd: number;
  try {
    const before = statSync(path);
    if (!before.isFile()) throw refuse(notRegular(before));
    if (before.size > limit) throw tooLarge(before.size);
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (err) {
    if (err instanceof FatalError) throw err;
    throw refuse(fileProblem(err));
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
    throw refuse(fileProblem(err));
  } finally {
    closeSync(fd);
  }
}

function withStop(text: Localized): Localized {
  return { kk: `${text.kk}.`, ru: `${text.ru}.`, en: `${text.en}.` };
}

function notRegular(stats: Stats): Localized {
  return cliText.notRegular(stats.isDirectory() ? 'folder' : stats.isFIFO() ? 'fifo' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'device' : stats.isSocket() ? 'socket' : 'other');
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** What a failed open or read means for the user, without the system's stack of details. */
function fileProblem(err: unknown): Localized {
  switch (errorCode(err)) {
    case 'EACCES': case 'EPERM': return cliText.cannotRead('denied');
    case 'ENOENT': return cliText.cannotRead('missing');
    case 'ELOOP': return cliText.cannotRead('loop');
    case 'EISDIR': return cliText.notRegular('folder');
    case 'EIO': return cliText.cannotRead('io');
    default: return cliText.cannotRead(errorCode(err) ?? clip(String((err as Error)?.message ?? err)));
  }
}

export function parseMaxSize(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new FatalError(cliText.maxSize(text));
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

/** A file the run reads (a workbook, the mapping) and must never write over. */
export interface ProtectedFile {
  readonly path: string;
}

/** The file a path names on disk (links followed, any spelling the file system folds to it), or null when there is none. */
function fileIdentity(path: string): string | null {
  try {
    const st = statSync(path);
    return st.isFile() ? `${st.dev}:${st.ino}` : null;
  } catch {
    return null;
  }
}

/**
 * Refuses (exit 2, one line) a report path that is one of the run's input files: the same path, another
 * spelling of it (case on a case-insensitive disk, `./`, `..`), a symbolic or hard link to it. `out` is
 * the --out the user gave; `target` where a report would go (`out` itself, or a file in the folder `out`).
 */
export function refuseOverwritingInput(out: string, target: string, inputs: readonly ProtectedFile[]): void {
  // `nowhere/../facility.xlsx` names no file while `nowhere` does not exist, yet writing the report makes
  // that folder first and then lands on facility.xlsx: the path as it will be once its folders exist.
  const id = fileIdentity(target) ?? fileIdentity(resolve(target));
  if (id === null) return;
  for (const input of inputs) {
    if (fileIdentity(input.path) !== id) continue;
    throw new FatalError(target === out ? cliText.outIsInput(out, input.path) : cliText.outWouldReplace(out, basename(target), input.path));
  }
}

/**
 * Writes a report through a temporary file in the same folder, renamed over the target: an interrupted
 * run leaves no half-written report, and a link at the target is replaced, never written through.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* it was never created */ }
    throw err;
  }
}
