// The file side of `ereje audit`: which workbooks a command line names, reading them with a size cap,
// the mapping file, and where each report goes — never onto a file the user gave as input.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
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

/** Files as given; a folder means every `.xlsx` directly in it (Excel's `~$` lock files left out), sorted. */
export function resolveWorkbooks(args: readonly string[]): { inputs: WorkbookInput[]; folderGiven: boolean } {
  const inputs: WorkbookInput[] = [];
  let folderGiven = false;
  for (const arg of args) {
    if (!existsSync(arg)) throw new FatalError(cliText.noSuchInput(arg));
    if (statSync(arg).isDirectory()) {
      folderGiven = true;
      const names = readdirSync(arg, { withFileTypes: true })
        .filter((e) => e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith('~$'))
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (names.length === 0) throw new FatalError(cliText.folderHasNoWorkbooks(arg));
      for (const name of names) inputs.push({ path: join(arg, name), file: name });
    } else {
      inputs.push({ path: arg, file: basename(arg) });
    }
  }
  return { inputs, folderGiven };
}

/** Reads a workbook, refusing a file larger than the limit before reading it into memory. */
export function readWorkbookFile(input: WorkbookInput, maxBytes: number): Uint8Array {
  const size = statSync(input.path).size;
  if (size > maxBytes) {
    throw new FatalError(
      `${input.path}: the file is ${mb(size)}, more than the ${mb(maxBytes)} limit; split the workbook by period or raise --max-size.`,
    );
  }
  return new Uint8Array(readFileSync(input.path));
}

export function readMappingFile(path: string): HeaderMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new FatalError(`--mapping ${path}: cannot read the file; check the path.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new FatalError(`--mapping ${path}: not valid JSON (${(err as Error).message}); fix the file.`);
  }
  try {
    return parseHeaderMapping(json);
  } catch (err) {
    if (err instanceof HeaderMappingError) throw new FatalError(prefixed(`--mapping ${path}: `, err.text));
    throw err;
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
  const id = fileIdentity(target);
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

function mb(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
