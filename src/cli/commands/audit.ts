// `ereje audit <workbook|folder>…`: audit workbooks against the rules in force and write the reports.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Option, type Command } from 'commander';
import type { Lang } from '../../core/lang.ts';
import { clip, terminalSafe } from '../../core/text.ts';
import { renderReport, renderTerminal, REPORT_FORMATS, type ReportFormat } from '../../report/index.ts';
import { defaultRulesDir } from '../../rulepack/load.ts';
import { loadAuditPack } from '../audit-pack.ts';
import { formatFromPath, parseMaxSize, readMappingFile, readWorkbookFile, reportFileName, resolveWorkbooks } from '../audit-io.ts';
import { auditWorkbook, type AuditOptions, type AuditPack } from '../audit-run.ts';
import { renderSummaryTable, type WorkbookOutcome } from '../audit-summary.ts';
import { langOption, parseAsOf } from '../options.ts';
import { FatalError } from '../errors.ts';
import type { CliIO } from '../main.ts';
import { startProgress } from '../progress.ts';
import { version } from '../version.ts';

interface AuditFlags {
  asOf?: string;
  rules?: string;
  lang: Lang;
  format?: ReportFormat;
  out?: string;
  mapping?: string;
  maxSize: string;
  debug?: boolean;
}

export function registerAudit(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('audit')
    .description('Audit facility workbooks against the rule versions in force for their period and write the reports. '
      + 'Exit 0: compliant; 1: findings or input errors; 2: no report.')
    .argument('<workbooks...>', 'workbook .xlsx files, or folders (every .xlsx in a folder)')
    .option('--as-of <date>', 'reference date, 2010-10-31 or 31.10.2010 (default: the last day of each workbook\'s period)')
    .option('--rules <dir>', 'rule directory (default: the rules/ folder of ereje)')
    .addOption(langOption('report language'))
    .addOption(new Option('--format <format>', 'write the report in this format (default: a summary on the terminal)').choices(REPORT_FORMATS))
    .option('--out <path>', 'report file; with several workbooks or a folder, a folder for one report per workbook')
    .option('--mapping <file>', 'JSON file mapping your own sheet and column names to the canonical ones')
    .option('--max-size <mb>', 'largest workbook, and largest unpacked size, in megabytes', '200')
    .option('--debug', 'show stack traces of errors')
    .action(async (args: string[], flags: AuditFlags) => {
      setExit(await runAudit(args, flags, io));
    });
}

async function runAudit(args: readonly string[], flags: AuditFlags, io: CliIO): Promise<number> {
  const maxBytes = parseMaxSize(flags.maxSize);
  const options: AuditOptions = {
    asOf: parseAsOf(flags.asOf),
    lang: flags.lang,
    mapping: flags.mapping === undefined ? undefined : readMappingFile(flags.mapping),
    limits: { maxUncompressedBytes: maxBytes },
    version,
  };
  const { inputs, folderGiven } = resolveWorkbooks(args);
  const several = inputs.length > 1 || folderGiven;
  if (several && flags.format !== undefined && flags.out === undefined) {
    throw new FatalError(`${inputs.length} workbooks and --format ${flags.format}: give --out DIR for one report per workbook, or leave --format out for terminal summaries.`);
  }
  if (!several && flags.format === 'xlsx' && flags.out === undefined) {
    throw new FatalError('--format xlsx writes a binary workbook: give --out FILE.xlsx.');
  }
  if (several) checkDistinctNames(inputs.map((i) => i.file));
  const pack = await loadAuditPack(flags.rules ?? defaultRulesDir());

  if (!several) {
    const input = inputs[0]!;
    const { report, exitCode } = await auditWorkbook(readWorkbookFile(input, maxBytes), input.file, pack, options);
    if (flags.out !== undefined) {
      const format = flags.format ?? formatFromPath(flags.out) ?? 'json';
      const target = isFolder(flags.out) ? join(flags.out, reportFileName(input.file, format)) : flags.out;
      const named = formatFromPath(target);
      if (flags.format !== undefined && named !== undefined && named !== flags.format) {
        io.stderr(`ereje: warning: --format ${flags.format} writes ${flags.format.toUpperCase()} into ${terminalSafe(target)}, whose name says ${named}\n`);
      }
      writeReportFile(target, renderReport(report, format, { lang: flags.lang, quotes: pack.quotes }));
      io.stderr(`ereje: wrote ${terminalSafe(target)}\n`);
    } else if (flags.format !== undefined) {
      io.stdout(renderReport(report, flags.format, { lang: flags.lang, quotes: pack.quotes }) as string);
    } else {
      io.stdout(renderTerminal(report, { lang: flags.lang }));
    }
    return exitCode;
  }
  return auditSeveral(inputs, pack, options, flags, io, maxBytes);
}

async function auditSeveral(
  inputs: ReturnType<typeof resolveWorkbooks>['inputs'], pack: AuditPack, options: AuditOptions, flags: AuditFlags, io: CliIO, maxBytes: number,
): Promise<number> {
  const outcomes: WorkbookOutcome[] = [];
  const format = flags.out === undefined ? undefined : flags.format ?? 'json';
  if (flags.out !== undefined) mkdirOrFail(flags.out);
  const progress = startProgress(inputs.length, io.stderrIsTTY ?? false);
  try {
    for (const input of inputs) {
      progress.step(terminalSafe(input.file));
      try {
        const { report, exitCode } = await auditWorkbook(readWorkbookFile(input, maxBytes), input.file, pack, options);
        if (flags.out !== undefined && format !== undefined) {
          writeReportFile(join(flags.out, reportFileName(input.file, format)), renderReport(report, format, { lang: flags.lang, quotes: pack.quotes }));
        } else {
          io.stdout(renderTerminal(report, { lang: flags.lang }) + '\n');
        }
        outcomes.push({ file: input.file, report, exitCode });
      } catch (err) {
        // No failure of one workbook, expected or not, stops the others: it is one line and exit state 2 in the table.
        const message = err instanceof FatalError ? err.message
          : `${input.file}: internal error: ${clip((err instanceof Error ? err.message : String(err)).split('\n', 1)[0]!, 200)} (run with --debug for details and report it)`;
        io.stderr(`ereje: ${terminalSafe(message)}\n`);
        if (flags.debug && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
        outcomes.push({ file: input.file, report: null, exitCode: err instanceof FatalError ? err.exitCode : 2 });
      }
    }
  } finally {
    progress.stop();
  }
  io.stdout(renderSummaryTable(outcomes, flags.lang));
  if (flags.out !== undefined) io.stderr(`ereje: wrote ${outcomes.filter((o) => o.report !== null).length} reports to ${terminalSafe(flags.out)}\n`);
  return Math.max(0, ...outcomes.map((o) => o.exitCode));
}

function checkDistinctNames(files: readonly string[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    const key = f.toLowerCase();
    if (seen.has(key)) throw new FatalError(`two workbooks are named ${f}; their reports would overwrite each other — rename one or audit them separately.`);
    seen.add(key);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory() || /[\\/]$/.test(path);
  } catch {
    return /[\\/]$/.test(path);
  }
}

function mkdirOrFail(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new FatalError(`--out ${dir}: cannot create the folder (${(err as NodeJS.ErrnoException).code ?? 'error'}); choose a folder you can write to.`);
  }
}

function writeReportFile(path: string, content: string | Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  } catch (err) {
    throw new FatalError(`--out ${path}: cannot write the report (${(err as NodeJS.ErrnoException).code ?? 'error'}); choose a path you can write to.`);
  }
}
