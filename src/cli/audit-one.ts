// One workbook of a batch (`ereje audit DIR`), from its file to its written report: the same function
// runs in the main thread (--jobs 1) and in each worker thread, and gives back everything the run
// prints for the workbook — so a parallel run writes and prints byte for byte what a run of one job
// does — and only the part of the report the batch summary reads.
import type { Lang, Localized } from '../core/lang.ts';
import { clip, terminalSafe } from '../core/text.ts';
import { batchReport, type BatchOutcome } from '../report/batch.ts';
import type { ReportFormat } from '../report/formats.ts';
import { renderReport, renderTerminal, type AuditReport } from '../report/index.ts';
import { basename } from 'node:path';
import { readWorkbookFile, writeFileAtomic, type WorkbookInput } from './audit-io.ts';
import { auditWorkbook, type AuditOptions, type AuditPack } from './audit-run.ts';
import { followUp, type LoadedReport } from './baseline.ts';
import { FatalError } from './errors.ts';
import { followUpText } from './follow-up-messages.ts';
import { cliText } from './messages.ts';

export interface WorkbookTask {
  readonly input: WorkbookInput;
  /** Where its report goes (`--out DIR`), or null: its terminal summary is printed. */
  readonly target: string | null;
}

/** What a batch needs to audit any of its workbooks. */
export interface BatchContext {
  readonly pack: AuditPack;
  readonly options: AuditOptions;
  readonly maxBytes: number;
  readonly lang: Lang;
  /** The format of the written reports (with `--out`). */
  readonly format: ReportFormat;
  readonly debug: boolean;
  /** `--baseline`: the earlier report of the facility a report is of (null: none in the folder); null without --baseline. */
  readonly baselineFor: ((report: Pick<AuditReport, 'facility' | 'period'>) => Promise<LoadedReport | null>) | null;
}

/** One workbook done: the lines the run prints for it, in the order it prints them, and its outcome. */
export interface WorkbookDone {
  readonly stderr: string;
  readonly stdout: string;
  readonly outcome: BatchOutcome;
}

export async function auditOne(task: WorkbookTask, ctx: BatchContext): Promise<WorkbookDone> {
  const { input, target } = task;
  let stderr = '';
  const warn = (line: Localized) => { stderr += `ereje: ${terminalSafe(line[ctx.lang])}\n`; };
  try {
    const audited = await auditWorkbook(readWorkbookFile(input, ctx.maxBytes), input.file, ctx.pack, ctx.options);
    let report = audited.report;
    if (ctx.baselineFor !== null) {
      const baseline = await ctx.baselineFor(report);
      if (baseline === null) warn(followUpText.noBaselineFor(input.file, report.facility.facility_id));
      else report = followUp(report, baseline, `--baseline ${baseline.path}`, warn);
    }
    let stdout = '';
    if (target !== null) writeReportFile(target, renderReport(report, ctx.format, { lang: ctx.lang, quotes: ctx.pack.quotes }));
    else stdout = renderTerminal(report, { lang: ctx.lang, quotes: ctx.pack.quotes }) + '\n';
    return {
      stderr, stdout,
      outcome: { file: input.file, report: batchReport(report), exitCode: audited.exitCode, ...(target !== null ? { reportFile: basename(target) } : {}) },
    };
  } catch (err) {
    // No failure of one workbook, expected or not, stops the others: it is one line and exit state 2 in the table
    // (and in the batch summary, with that line as its reason).
    const message = err instanceof FatalError ? err.text[ctx.lang] : unforeseen(input.file, err instanceof Error ? err.message : String(err), ctx.lang);
    stderr += `ereje: ${terminalSafe(message)}\n`;
    if (ctx.debug && err instanceof Error && err.stack) stderr += err.stack + '\n';
    return { stderr, stdout: '', outcome: { file: input.file, report: null, exitCode: err instanceof FatalError ? err.exitCode : 2, error: message } };
  }
}

/** The line for a failure nobody foresaw (a bug, a worker that died): the file, and the first line of why. */
export function unforeseen(file: string, why: string, lang: Lang): string {
  return `${file}: ${cliText.internalError(clip(why.split('\n', 1)[0]!, 200))[lang]}`;
}

export function writeReportFile(path: string, content: string | Uint8Array): void {
  try {
    writeFileAtomic(path, content);
  } catch (err) {
    throw new FatalError(cliText.cannotWrite(path, (err as NodeJS.ErrnoException).code ?? 'error'));
  }
}
