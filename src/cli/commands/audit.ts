// `ereje audit <workbook|folder>…`: audit workbooks against the rules in force and write the reports.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Option, type Command } from 'commander';
import type { Lang } from '../../core/lang.ts';
import type { Localized } from '../../core/lang.ts';
import { clip, terminalSafe } from '../../core/text.ts';
import { renderBatchSummaryHtml } from '../../report/batch-html.ts';
import { buildBatchSummary } from '../../report/batch.ts';
import { renderReport, renderTerminal, REPORT_FORMATS, type AuditReport, type ReportFormat } from '../../report/index.ts';
import { defaultRulesDir } from '../../rulepack/load.ts';
import { loadAuditPack } from '../audit-pack.ts';
import {
  formatFromPath, parseMaxSize, readMappingFile, readWorkbookFile, refuseOverwritingInput, reportFileName, resolveWorkbooks, writeFileAtomic,
  type WorkbookInput,
} from '../audit-io.ts';
import { auditWorkbook, type AuditOptions, type AuditPack } from '../audit-run.ts';
import { baselineFor, followUp, loadBaselineSource, type BaselineSource } from '../baseline.ts';
import { followUpText } from '../follow-up-messages.ts';
import { renderSummaryTable, type WorkbookOutcome } from '../audit-summary.ts';
import { langOption, parseAsOf } from '../options.ts';
import { FatalError } from '../errors.ts';
import { cliText } from '../messages.ts';
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
  baseline?: string;
  explain?: boolean;
}

export function registerAudit(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('audit')
    .description('Audit facility workbooks against the rule versions in force for their period and write the reports. '
      + 'Exit 0: compliant; 1: non-compliant or incomplete; 2: no report.')
    .argument('<workbooks...>', 'workbook .xlsx files, or folders (every .xlsx in a folder)')
    .option('--as-of <date>', 'reference date, 2010-10-31 or 31.10.2010 (default: the last day of each workbook\'s period)')
    .option('--rules <dir>', 'rule directory (default: the rules/ folder of ereje)')
    .addOption(langOption('report language'))
    .addOption(new Option('--format <format>', 'write the report in this format (default: a summary on the terminal)').choices(REPORT_FORMATS))
    .option('--out <path>', 'report file (its extension gives the format); with several workbooks or a folder, a folder for one report per workbook. Never an input file.')
    .option('--mapping <file>', 'JSON file mapping your own sheet and column names to the canonical ones')
    .option('--baseline <path>', 'the JSON report of an earlier audit of the same facility (with several workbooks: a folder of such reports, '
      + 'matched by facility_id): each finding is marked new or persisting, and what the earlier audit found and this one did not is listed as resolved')
    .option('--explain', 'under each finding, the rule\'s conditions with the values the engine compared, and the rule\'s file:line')
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
    explain: flags.explain === true,
  };
  const { inputs, folderGiven } = resolveWorkbooks(args);
  const several = inputs.length > 1 || folderGiven;
  if (several && flags.format !== undefined && flags.out === undefined) throw new FatalError(cliText.severalNeedOut(inputs.length, flags.format));
  if (!several && flags.format === 'xlsx' && flags.out === undefined) throw new FatalError(cliText.xlsxNeedsOut());
  if (several) checkDistinctNames(inputs.map((i) => i.file));
  // Where every report goes is settled, and checked against every input, before anything is read or written.
  const plan = flags.out === undefined ? null : planReports(inputs, flags.out, flags.format, several, flags.mapping, flags.baseline);
  const warn = (line: Localized) => io.stderr(`ereje: ${terminalSafe(line[flags.lang])}\n`);
  const baselines = flags.baseline === undefined ? null : loadBaselineSource(flags.baseline, warn);
  if (several && baselines?.kind === 'file') throw new FatalError(followUpText.severalNeedFolder(flags.baseline!));
  const pack = await loadAuditPack(flags.rules ?? defaultRulesDir());

  if (!several) {
    const input = inputs[0]!;
    const audited = await auditWorkbook(readWorkbookFile(input, maxBytes), input.file, pack, options);
    const report = withFollowUp(audited.report, input.file, baselines, warn);
    const exitCode = audited.exitCode;
    if (plan !== null) {
      const target = plan.targets[0]!;
      writeReportFile(target, renderReport(report, plan.format, { lang: flags.lang, quotes: pack.quotes }));
      io.stderr(`ereje: ${terminalSafe(cliText.wrote(target)[flags.lang])}\n`);
    } else if (flags.format !== undefined) {
      io.stdout(renderReport(report, flags.format, { lang: flags.lang, quotes: pack.quotes }) as string);
    } else {
      io.stdout(renderTerminal(report, { lang: flags.lang }));
    }
    return exitCode;
  }
  return auditSeveral(inputs, pack, options, flags, plan, io, maxBytes, baselines, warn);
}

/** The report compared with its baseline, when there is one (a folder may have none for this facility). */
function withFollowUp(report: AuditReport, file: string, baselines: BaselineSource | null, warn: (line: Localized) => void): AuditReport {
  if (baselines === null) return report;
  const baseline = baselineFor(baselines, report);
  if (baseline === null) {
    warn(followUpText.noBaselineFor(file, report.facility.facility_id));
    return report;
  }
  return followUp(report, baseline, `--baseline ${baseline.path}`, warn);
}

interface ReportPlan {
  readonly format: ReportFormat;
  /** One report path per input, in input order. */
  readonly targets: readonly string[];
}

/**
 * Report paths for `--out`. Several workbooks: `out` is a folder (created), one `<workbook>.<format>` each.
 * One workbook: a folder likewise, or a file whose extension gives the format when --format is absent
 * and must not contradict it. No path may be, or replace, an input or the mapping file.
 */
function planReports(
  inputs: readonly WorkbookInput[], out: string, format: ReportFormat | undefined, several: boolean, mapping: string | undefined, baseline: string | undefined,
): ReportPlan {
  const folder = isFolder(out);
  if (several && (existsAsFile(out) || (!folder && formatFromPath(out) !== undefined))) throw new FatalError(cliText.severalOutNotFolder(out));
  let chosen: ReportFormat;
  if (several || folder) chosen = format ?? 'json';
  else {
    const named = formatFromPath(out);
    if (format !== undefined && named !== undefined && named !== format) throw new FatalError(cliText.formatContradicts(format, out, named));
    chosen = format ?? named ?? 'json';
  }
  const targets = several || folder ? inputs.map((i) => join(out, reportFileName(i.file, chosen))) : [out];
  // The batch summary shares the folder: no workbook's report may take its name.
  if (several) for (const t of targets) if (SUMMARY_FILES.includes(basename(t).toLowerCase())) throw new FatalError(followUpText.summaryClash(basename(t)));
  const read = [
    ...inputs.map((i) => ({ path: i.path })), ...(mapping === undefined ? [] : [{ path: mapping }]),
    ...baselinePaths(baseline).map((path) => ({ path })),
  ];
  for (const target of [...targets, ...(several ? SUMMARY_FILES.map((n) => join(out, n)) : [])]) refuseOverwritingInput(out, target, read);
  return { format: chosen, targets };
}

/** The batch summary's files, written beside the reports with `--out DIR`. */
const SUMMARY_FILES = ['summary.json', 'summary.html'];

/** The earlier reports `--baseline` names: the file, or every JSON file in the folder (never written over). */
function baselinePaths(baseline: string | undefined): string[] {
  if (baseline === undefined) return [];
  try {
    if (!statSync(baseline).isDirectory()) return [baseline];
    return readdirSync(baseline).filter((n) => /\.json$/i.test(n)).map((n) => join(baseline, n));
  } catch {
    return [baseline];
  }
}

async function auditSeveral(
  inputs: readonly WorkbookInput[], pack: AuditPack, options: AuditOptions, flags: AuditFlags, plan: ReportPlan | null, io: CliIO, maxBytes: number,
  baselines: BaselineSource | null, warn: (line: Localized) => void,
): Promise<number> {
  const outcomes: WorkbookOutcome[] = [];
  if (plan !== null) mkdirOrFail(flags.out!);
  const progress = startProgress(inputs.length, io.stderrIsTTY ?? false);
  try {
    for (const [k, input] of inputs.entries()) {
      progress.step(terminalSafe(input.file));
      try {
        const audited = await auditWorkbook(readWorkbookFile(input, maxBytes), input.file, pack, options);
        const report = withFollowUp(audited.report, input.file, baselines, warn);
        if (plan !== null) {
          writeReportFile(plan.targets[k]!, renderReport(report, plan.format, { lang: flags.lang, quotes: pack.quotes }));
        } else {
          io.stdout(renderTerminal(report, { lang: flags.lang, quotes: pack.quotes }) + '\n');
        }
        outcomes.push({ file: input.file, report, exitCode: audited.exitCode, ...(plan !== null ? { reportFile: basename(plan.targets[k]!) } : {}) });
      } catch (err) {
        // No failure of one workbook, expected or not, stops the others: it is one line and exit state 2 in the table
        // (and in the batch summary, with that line as its reason).
        const message = err instanceof FatalError ? err.text[flags.lang]
          : `${input.file}: ${cliText.internalError(clip((err instanceof Error ? err.message : String(err)).split('\n', 1)[0]!, 200))[flags.lang]}`;
        io.stderr(`ereje: ${terminalSafe(message)}\n`);
        if (flags.debug && err instanceof Error && err.stack) io.stderr(err.stack + '\n');
        outcomes.push({ file: input.file, report: null, exitCode: err instanceof FatalError ? err.exitCode : 2, error: message });
      }
    }
  } finally {
    progress.stop();
  }
  io.stdout(renderSummaryTable(outcomes, flags.lang));
  if (flags.out !== undefined) {
    io.stderr(`ereje: ${terminalSafe(cliText.wroteReports(outcomes.filter((o) => o.report !== null).length, flags.out)[flags.lang])}\n`);
    const summary = buildBatchSummary(outcomes, { lang: flags.lang, version });
    writeReportFile(join(flags.out, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
    writeReportFile(join(flags.out, 'summary.html'), renderBatchSummaryHtml(summary, { quotes: pack.quotes }));
    io.stderr(`ereje: ${terminalSafe(followUpText.wroteSummary(flags.out)[flags.lang])}\n`);
  }
  return Math.max(0, ...outcomes.map((o) => o.exitCode));
}

function checkDistinctNames(files: readonly string[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    const key = f.toLowerCase();
    if (seen.has(key)) throw new FatalError(cliText.duplicateNames(f));
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

function existsAsFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function mkdirOrFail(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new FatalError(cliText.cannotCreateFolder(dir, (err as NodeJS.ErrnoException).code ?? 'error'));
  }
}

function writeReportFile(path: string, content: string | Uint8Array): void {
  try {
    writeFileAtomic(path, content);
  } catch (err) {
    throw new FatalError(cliText.cannotWrite(path, (err as NodeJS.ErrnoException).code ?? 'error'));
  }
}
