// What `ereje audit` does, loaded when the command runs (commands/audit.ts defines its options): which
// workbooks, where each report goes, the rule pack, one workbook audited here or several in a batch —
// in this thread or a pool of worker threads (`--jobs`) — and the batch's table and summary.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import type { Localized } from '../core/lang.ts';
import { terminalSafe } from '../core/text.ts';
import { renderBatchSummaryHtml } from '../report/batch-html.ts';
import { buildBatchSummary, type BatchOutcome } from '../report/batch.ts';
import { renderReport, renderTerminal, type AuditReport, type ReportFormat } from '../report/index.ts';
import { defaultRulesDir } from '../rulepack/load.ts';
import { auditOne, unforeseen, writeReportFile, type BatchContext, type WorkbookDone, type WorkbookTask } from './audit-one.ts';
import { loadAuditPack } from './audit-pack.ts';
import { refuseReplacingForeign } from './report-owner.ts';
import {
  formatFromPath, parseMaxSize, readMappingFile, readWorkbookFile, refuseOverwritingInput, reportFileName, resolveWorkbooks,
  type WorkbookInput,
} from './audit-io.ts';
import { auditWorkbook, type AuditOptions, type AuditPack } from './audit-run.ts';
import type { AuditWorkerSetup, BaselineQuestion } from './audit-worker.ts';
import { baselineFor, followUp, loadBaselineSource, type BaselineSource } from './baseline.ts';
import { followUpText } from './follow-up-messages.ts';
import { renderSummaryTable } from './audit-summary.ts';
import type { AuditFlags } from './commands/audit.ts';
import { parseAsOf } from './options.ts';
import { FatalError } from './errors.ts';
import { cliText } from './messages.ts';
import type { CliIO } from './main.ts';
import { startProgress } from './progress.ts';
import { runInOrder } from './worker-pool.ts';
import { version } from './version.ts';

export async function runAudit(args: readonly string[], flags: AuditFlags, io: CliIO): Promise<number> {
  const maxBytes = parseMaxSize(flags.maxSize);
  parseJobs(flags.jobs);
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
  // Only reports written to one folder can collide; printed results are told apart by their order.
  if (several && flags.out !== undefined) checkDistinctNames(inputs.map((i) => i.file));
  // Where every report goes is settled, and checked against every input, before anything is read or written.
  const plan = flags.out === undefined ? null : planReports(inputs, flags.out, flags.format, several, flags.mapping, flags.baseline, flags.force === true);
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
  return auditSeveral(inputs, pack, options, flags, plan, io, maxBytes, baselines);
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
 * and must not contradict it. No path may be, or replace, an input or the mapping file; nor, without
 * --force, a file that is not a report ereje wrote.
 */
function planReports(
  inputs: readonly WorkbookInput[], out: string, format: ReportFormat | undefined, several: boolean, mapping: string | undefined, baseline: string | undefined,
  force: boolean,
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
  const written = [...targets, ...(several ? SUMMARY_FILES.map((n) => join(out, n)) : [])];
  for (const target of written) refuseOverwritingInput(out, target, read);
  // A re-run replaces its own earlier reports; anything else at a report path is the user's (unless --force).
  if (!force) refuseReplacingForeign(written);
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

/**
 * Several workbooks: each audited by auditOne, in the main thread (`--jobs 1`) or shared between it and
 * `jobs − 1` worker threads, and what each prints is printed in input order as soon as it and the ones
 * before it are done. Only the part of each report the summary reads is kept.
 */
async function auditSeveral(
  inputs: readonly WorkbookInput[], pack: AuditPack, options: AuditOptions, flags: AuditFlags, plan: ReportPlan | null, io: CliIO, maxBytes: number,
  baselines: BaselineSource | null,
): Promise<number> {
  const outcomes: BatchOutcome[] = [];
  if (plan !== null) mkdirOrFail(flags.out!);
  const tasks: WorkbookTask[] = inputs.map((input, k) => ({ input, target: plan === null ? null : plan.targets[k]! }));
  const format = plan?.format ?? 'json';
  const jobs = jobsFor(parseJobs(flags.jobs), tasks.length);
  const progress = startProgress(inputs.length, io.stderrIsTTY ?? false);
  const take = (done: WorkbookDone) => {
    if (done.stderr !== '') progress.interrupt(() => io.stderr(done.stderr));
    if (done.stdout !== '') io.stdout(done.stdout);
    outcomes.push(done.outcome);
    progress.step(terminalSafe(done.outcome.file));
  };
  const baselineOf = async (report: Pick<AuditReport, 'facility' | 'period'>) => (baselines === null ? null : baselineFor(baselines, report));
  try {
    const ctx: BatchContext = { pack, options, maxBytes, lang: flags.lang, format, debug: flags.debug === true, baselineFor: baselines === null ? null : baselineOf };
    if (jobs <= 1) {
      for (const task of tasks) take(await auditOne(task, ctx));
    } else {
      // `jobs` threads: this one (its program and pack already loaded) and jobs − 1 workers.
      const setup: AuditWorkerSetup = {
        rulesDir: flags.rules ?? defaultRulesDir(), ...(options.asOf === undefined ? {} : { asOf: options.asOf }), lang: flags.lang,
        ...(flags.mapping === undefined ? {} : { mappingFile: flags.mapping }), maxBytes, version, explain: options.explain === true,
        format, debug: flags.debug === true, followUp: baselines !== null,
      };
      await runInOrder(tasks, {
        size: jobs,
        worker: await auditWorkerModule(),
        setup,
        failed: (task, why) => {
          const message = unforeseen(task.input.file, why, flags.lang);
          return { stderr: `ereje: ${terminalSafe(message)}\n`, stdout: '', outcome: { file: task.input.file, report: null, exitCode: 2, error: message } };
        },
        answer: (question) => baselineOf(question as BaselineQuestion),
        local: (task) => auditOne(task, ctx),
      }, take);
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

/**
 * The module each worker thread of a batch runs: the built one beside this module. Run from the
 * TypeScript sources (the tests, tsx), the worker built from these very sources when dist/ holds it — a
 * worker that loads the sources through tsx costs about a second of CPU to start — else the source.
 */
async function auditWorkerModule(): Promise<URL> {
  if (!import.meta.url.endsWith('.ts')) return new URL('./audit-worker.js', import.meta.url);
  try {
    const build = new URL('../../scripts/build.js', import.meta.url).href;
    const { builtCli } = (await import(/* @vite-ignore */ build)) as typeof import('../../scripts/build.js');
    const current = builtCli();
    if (current.built) return new URL('audit-worker.js', current.url);
  } catch {
    // No build script (a partial copy of the sources): the source it is.
  }
  return new URL('./audit-worker.ts', import.meta.url);
}

/**
 * Threads for a batch of `count` workbooks: `--jobs N` (a whole number from 1), at most one per
 * workbook; by default the machine's cores, at most one per WORKBOOKS_PER_THREAD workbooks. A thread is a
 * V8 isolate of its own: it loads the program and the rule pack again and compiles ereje's hot code again,
 * about a second of CPU — on 2 cores, 20 example-size workbooks took longer with two threads than with one
 * (1.04 s against 0.83 s), 50 about as long, 200 a quarter less.
 */
function jobsFor(asked: number | undefined, count: number): number {
  if (asked === undefined) return Math.max(1, Math.min(availableParallelism(), Math.ceil(count / WORKBOOKS_PER_THREAD)));
  return Math.min(asked, count);
}

/** `--jobs N`: a whole number from 1. */
function parseJobs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new FatalError(cliText.jobsNotNumber(text));
  return n;
}
const WORKBOOKS_PER_THREAD = 40;

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
