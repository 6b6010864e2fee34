// Evaluation + ingested workbook → the JSON report `ereje.audit-report/1` (docs/report.md).
// Every object is built key by key in the contract's order and every list is sorted, so the same input
// gives byte-identical JSON; nothing here reads a clock.
import { formatIsoDate, type DayNumber } from '../core/date.ts';
import type { Lang } from '../core/lang.ts';
import type { Evaluation, Evidence, Finding, NotEvaluated } from '../engine/types.ts';
import { rowRange, sheetRef } from '../ingest/type-tables.ts';
import type { IngestedWorkbook, InputError } from '../ingest/types.ts';
import type { ExplainedCondition } from '../engine/conditions.ts';
import { REPORT_SCHEMA_ID, type AuditReport, type AuditResult, type ReportEvidence, type ReportFinding } from './types.ts';
import { compareClauses } from '../engine/findings.ts';
import { consolidateFindings } from './consolidate.ts';
import { compareNatural } from './order.ts';

export interface BuildReportInput {
  readonly workbook: IngestedWorkbook;
  readonly evaluation: Evaluation;
  readonly asOf: DayNumber;
  readonly lang: Lang;
  /** ereje's own version (package.json), for `generated_by`. */
  readonly version: string;
  /**
   * Where each rule is written, `rules/…/2009-240-o.ereje:1099`, keyed by `rule@version` (see
   * rulepack sourceLines); shown with `--explain` (findings evaluated with `explain: true`).
   */
  readonly sources?: ReadonlyMap<string, string>;
}

export type { ReportFinding } from './types.ts';
export type ReportNotEvaluated = AuditReport['not_evaluated'][number];
export type ReportInputError = AuditReport['input_errors'][number];
export type ReportRuleset = AuditReport['rulesets'][number];

export function buildReport(input: BuildReportInput): AuditReport {
  const { workbook, evaluation, asOf, lang, version, sources } = input;
  const facility = workbook.facility;
  if (facility === null) {
    // The CLI refuses such a workbook before evaluation; reaching here is a caller bug.
    throw new Error(`buildReport: workbook ${workbook.file} has no facility row`);
  }
  const findings = [...evaluation.findings].sort(compareReportFindings).map((f) => reportFinding(f, lang, workbook, sources));
  const notEvaluated = [...evaluation.notEvaluated]
    .sort((a, b) => compareClauses(a.clause, b.clause) || compareNatural(a.rule, b.rule))
    .map((n) => reportNotEvaluated(n, lang));
  const inputErrors = [...workbook.errors].sort(compareInputErrors).map((e) => reportInputError(e, lang));
  const summary = summarize(evaluation, workbook.errors);
  return {
    schema: REPORT_SCHEMA_ID,
    result: auditResult(findings, notEvaluated, summary.input_errors),
    lang,
    generated_by: { name: 'ereje', version },
    workbook: { file: workbook.file, sha256: workbook.sha256 },
    facility: { facility_id: facility.facility_id, name: facility.name, kind: facility.kind, ownership: facility.ownership },
    period: { from: formatIsoDate(facility.period_from), to: formatIsoDate(facility.period_to) },
    as_of: formatIsoDate(asOf),
    rulesets: [...evaluation.rulesets]
      .sort((a, b) => compareNatural(a.id, b.id) || compareNatural(a.version, b.version))
      .map((r): ReportRuleset => ({
        id: r.id,
        version: r.version,
        act: r.actLabel?.[lang] ?? r.act,
        in_force: { from: r.in_force.from, until: r.in_force.until, approximate: r.in_force.approximate },
      })),
    summary,
    findings,
    groups: consolidateFindings(findings),
    not_evaluated: notEvaluated,
    input_errors: inputErrors,
    rows: rowCounts(workbook),
  };
}

/**
 * `rules` counts each rule once: the engine's outcomes, plus any rule that only appears in the
 * not-evaluated list. `input_errors` counts errors only; warnings (unknown sheet or column) are listed
 * in `input_errors` with their `code` so nothing is lost, but they do not fail an audit.
 */
function summarize(evaluation: Evaluation, errors: readonly InputError[]): AuditReport['summary'] {
  const outcome = new Map<string, 'passed' | 'failed' | 'not_evaluated'>();
  for (const r of evaluation.rules) outcome.set(r.rule, r.outcome);
  for (const n of evaluation.notEvaluated) if (!outcome.has(n.rule)) outcome.set(n.rule, 'not_evaluated');
  let passed = 0, failed = 0, notEvaluated = 0;
  for (const o of outcome.values()) {
    if (o === 'passed') passed++;
    else if (o === 'failed') failed++;
    else notEvaluated++;
  }
  return {
    rules: outcome.size,
    passed,
    failed,
    not_evaluated: notEvaluated,
    findings: evaluation.findings.length,
    input_errors: errors.filter((e) => e.severity === 'error').length,
  };
}

/**
 * The verdict, decided here and nowhere else: a finding above `info` makes an audit non-compliant; else
 * input errors, or a rule the workbook lacked data for, make it incomplete. A rule only the rule pack
 * cannot judge (a parameter nobody has filled in) is stated in the report but leaves the verdict alone.
 */
export function auditResult(
  findings: readonly { severity: string }[], notEvaluated: readonly { cause: string }[], inputErrors: number,
): AuditResult {
  if (findings.some((f) => f.severity !== 'info')) return 'non_compliant';
  if (inputErrors > 0 || notEvaluated.some((n) => n.cause === 'workbook')) return 'incomplete';
  return 'compliant';
}

function reportNotEvaluated(n: NotEvaluated, lang: Lang): ReportNotEvaluated {
  return {
    rule: n.rule,
    clause: n.clause,
    ...(n.subject !== undefined ? { subject: n.subject } : {}),
    reason: n.reason[lang],
    cause: n.cause,
    ...(n.sheet !== undefined ? { sheet: n.sheet } : {}),
    ...(n.column !== undefined ? { column: n.column } : {}),
  };
}

function reportFinding(f: Finding, lang: Lang, workbook: IngestedWorkbook, sources: ReadonlyMap<string, string> | undefined): ReportFinding {
  const base = { rule: f.rule, version: f.version, clause: f.clause, severity: f.severity, subject: f.subject };
  const rest = {
    item: f.item,
    message: f.message[lang],
    expected: f.expected[lang],
    actual: f.actual[lang],
    evidence: f.evidence.map((e) => reportEvidence(e, workbook)),
    ...(f.explain === undefined ? {} : {
      explain: { source: sources?.get(`${f.rule}@${f.version}`) ?? null, conditions: f.explain as ExplainedCondition },
    }),
  };
  // `period` is absent (not null) for non-periodic rules, as the contract shows.
  return f.period === undefined ? { ...base, ...rest } : { ...base, period: f.period, ...rest };
}

/** Canonical sheet/row/column for scripts, and the place in the user's workbook as Excel names it. */
function reportEvidence(e: Evidence, workbook: IngestedWorkbook): ReportEvidence {
  const table = workbook.tables[e.sheet];
  const name = table?.sheetName ?? e.sheet;
  const letter = e.column === undefined ? undefined : table?.columnLetters[e.column];
  const cell = e.row === undefined ? name
    : letter !== undefined ? `${sheetRef(name)}!${letter}${e.row}`
    : rowRange(name, e.row, e.row);
  return { sheet: e.sheet, ...(e.row !== undefined ? { row: e.row } : {}), ...(e.column !== undefined ? { column: e.column } : {}), cell };
}

function reportInputError(e: InputError, lang: Lang): ReportInputError {
  return {
    // Canonical sheet id, as in evidence and the contract's example; `cell` carries the name as written.
    sheet: e.sheet,
    row: e.row,
    column: e.column,
    value: e.value,
    message: e.message[lang],
    code: e.code,
    cell: e.cell,
  };
}

function rowCounts(workbook: IngestedWorkbook): AuditReport['rows'] {
  const out: Record<string, { read: number; accepted: number; rejected: number }> = {};
  for (const sheet of Object.keys(workbook.tables).sort(compareNatural)) {
    const t = workbook.tables[sheet];
    if (t) out[sheet] = { read: t.counts.read, accepted: t.counts.accepted, rejected: t.counts.rejected };
  }
  return out;
}

/** As the engine's order, but subjects, periods and items compare digit runs as numbers (R-2 before R-10). */
function compareReportFindings(a: Finding, b: Finding): number {
  return compareClauses(a.clause, b.clause)
    || compareNatural(a.subject, b.subject)
    || compareNatural(a.period ?? '', b.period ?? '')
    || compareNatural(a.item ?? '', b.item ?? '')
    || compareNatural(a.rule, b.rule);
}

function compareInputErrors(a: InputError, b: InputError): number {
  return compareNatural(a.sheet, b.sheet)
    || (a.row ?? 0) - (b.row ?? 0)
    || compareNatural(a.column ?? '', b.column ?? '')
    || compareNatural(a.code, b.code)
    || compareNatural(a.value ?? '', b.value ?? '');
}

/** Exit code of an audit: 0 only when the verdict is compliant. */
export function reportExitCode(report: AuditReport): 0 | 1 {
  return report.result === 'compliant' ? 0 : 1;
}
