// The file side of `ereje audit`: which workbooks a command line names, reading them with a size cap,
// the mapping file, and where each report goes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { HeaderMappingError, parseHeaderMapping } from '../ingest/index.ts';
import type { HeaderMapping } from '../ingest/types.ts';
import type { ReportFormat } from '../report/index.ts';
import { FatalError } from './errors.ts';

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
    if (!existsSync(arg)) throw new FatalError(`${arg}: no such file or folder; check the path (a folder audits every .xlsx in it).`);
    if (statSync(arg).isDirectory()) {
      folderGiven = true;
      const names = readdirSync(arg, { withFileTypes: true })
        .filter((e) => e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith('~$'))
        .map((e) => e.name)
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      if (names.length === 0) throw new FatalError(`${arg}: the folder has no .xlsx workbooks; export the facility data from Excel as .xlsx into it.`);
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
    if (err instanceof HeaderMappingError) throw new FatalError(`--mapping ${path}: ${err.message}`);
    throw err;
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
