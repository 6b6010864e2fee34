// One workbook through the pipeline: bytes → ingest → evaluation → JSON report and exit code. No file
// I/O here, so tests call it with bytes built in memory; every failure that leaves no report is a
// one-line FatalError (exit 2) that says what, where and what to do.
import { formatDottedDate, type DayNumber } from '../core/date.ts';
import type { Lang, Localized } from '../core/lang.ts';
import type { Evaluation } from '../engine/types.ts';
import { readWorkbook, WorkbookRejected } from '../ingest/index.ts';
import type { HeaderMapping, IngestedWorkbook, IngestLimits } from '../ingest/types.ts';
import { buildReport, reportExitCode, type AuditReport, type QuoteMap } from '../report/index.ts';
import { FatalError } from './errors.ts';
import { cliText } from './messages.ts';

/**
 * A loaded, compiled rule pack as the audit needs it. `evaluate` throws a FatalError when no ruleset
 * version is in force for the workbook's facility kind and period (see audit-pack.ts).
 */
export interface AuditPack {
  /** `explain`: each finding carries the rule's conditions with the values compared (`--explain`). */
  evaluate(workbook: IngestedWorkbook, asOf: DayNumber, explain?: boolean): Promise<Evaluation>;
  /** Kazakh quotes by rule id (and clause id), for the Markdown, HTML and xlsx reports. */
  readonly quotes: QuoteMap;
  /** Where each rule is written, by `rule@version`, for `--explain`. */
  readonly sources?: ReadonlyMap<string, string>;
}

export interface AuditOptions {
  /** Default: the last day of the workbook's audit period. */
  readonly asOf?: DayNumber;
  readonly lang: Lang;
  readonly mapping?: HeaderMapping;
  readonly limits?: Partial<IngestLimits>;
  /** ereje's version, for the report's `generated_by`. */
  readonly version: string;
  /** `--explain`: findings carry the rule's conditions with the values compared and its source line. */
  readonly explain?: boolean;
}

export interface AuditResult {
  readonly report: AuditReport;
  /** 0 compliant, 1 non-compliant or incomplete. A run that cannot make a report throws instead. */
  readonly exitCode: 0 | 1;
}

export async function auditWorkbook(bytes: Uint8Array, file: string, pack: AuditPack, options: AuditOptions): Promise<AuditResult> {
  let workbook: IngestedWorkbook;
  try {
    workbook = readWorkbook(bytes, { file, mapping: options.mapping, limits: options.limits });
  } catch (err) {
    if (err instanceof WorkbookRejected) throw new FatalError(err.text);
    throw err;
  }
  const facility = workbook.facility;
  if (facility === null) throw new FatalError(noFacilityMessage(workbook));
  const asOf = options.asOf ?? facility.period_to;
  // A state on a day outside the period is not what the workbook records: both ends are refused alike.
  if (asOf < facility.period_from) throw new FatalError(cliText.asOfOutside(file, formatDottedDate(asOf), true, formatDottedDate(facility.period_from)));
  if (asOf > facility.period_to) throw new FatalError(cliText.asOfOutside(file, formatDottedDate(asOf), false, formatDottedDate(facility.period_to)));
  const evaluation = await pack.evaluate(workbook, asOf, options.explain === true);
  const report = buildReport({
    workbook, evaluation, asOf, lang: options.lang, version: options.version, ...(options.explain && pack.sources ? { sources: pack.sources } : {}),
  });
  return { report, exitCode: reportExitCode(report) };
}

/** Without the facility row there is no kind and no period, so no ruleset can be chosen. */
function noFacilityMessage(workbook: IngestedWorkbook): Localized {
  const problems = workbook.errors.filter((e) => e.sheet === 'facility' && e.severity === 'error');
  const first = problems[0];
  if (!first) return cliText.noFacility(workbook.file, null);
  const more = cliText.andMore(problems.length - 1);
  const why = (lang: Lang) => `${first.cell ?? first.sheetName}: ${first.message[lang].replace(/[.\s]+$/, '')}${problems.length > 1 ? more[lang] : ''}`;
  return cliText.noFacility(workbook.file, { kk: why('kk'), ru: why('ru'), en: why('en') });
}
