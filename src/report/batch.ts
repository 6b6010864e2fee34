// The summary of a batch (several workbooks, or a folder, with `--out DIR`): one row per workbook — its
// facility, verdict, findings by severity, new and persisting findings when a baseline was given, or why
// no report could be made — and the clauses most often failed across facilities. A pure function of the
// per-workbook outcomes, in input order, so that any way of running the audits (one by one or in
// parallel) gives the same summary.
import type { Lang } from '../core/lang.ts';
import type { Severity } from '../engine/types.ts';
import { compareClauses } from '../engine/findings.ts';
import type { AuditReport, AuditResult, FindingGroup, ReportFinding } from './types.ts';
import { compareNatural } from './order.ts';
import { reportWords } from './i18n.ts';
import { SEVERITY_ORDER, severityCounts, verdictLine, type VerdictGap } from './view.ts';

/**
 * What the summary reads of a workbook's report (see batchReport): a batch keeps this of each workbook,
 * never the whole report, so that its memory does not grow with the findings of a thousand workbooks.
 */
export interface BatchReport {
  readonly facility: AuditReport['facility'];
  readonly period: AuditReport['period'];
  readonly result: AuditResult;
  /** The language, rules not evaluated (without their reasons) and rows read: what the verdict line (verdictLine) rests on besides the counts. */
  readonly lang: AuditReport['lang'];
  readonly not_evaluated: readonly VerdictGap[];
  readonly rows: AuditReport['rows'];
  readonly summary: AuditReport['summary'];
  readonly findings: readonly Pick<ReportFinding, 'rule' | 'clause' | 'severity' | 'follow_up'>[];
  readonly groups: readonly Pick<FindingGroup, 'clause' | 'severity'>[];
  readonly follow_up?: { readonly baseline: { readonly file: string } };
}

/** The part of a report the batch summary reads. */
export function batchReport(r: AuditReport): BatchReport {
  return {
    facility: r.facility, period: r.period, result: r.result, lang: r.lang, rows: r.rows, summary: r.summary,
    not_evaluated: r.not_evaluated.map((n) => ({ clause: n.clause, cause: n.cause, subject: n.subject, sheet: n.sheet, column: n.column })),
    findings: r.findings.map((f) => ({ rule: f.rule, clause: f.clause, severity: f.severity, ...(f.follow_up === undefined ? {} : { follow_up: f.follow_up }) })),
    groups: r.groups.map((g) => ({ clause: g.clause, severity: g.severity })),
    ...(r.follow_up === undefined ? {} : { follow_up: { baseline: { file: r.follow_up.baseline.file } } }),
  };
}

/** What auditing one workbook came to: a report, or the one-line reason there is none (exit state 2). */
export interface BatchOutcome {
  readonly file: string;
  readonly report: BatchReport | null;
  readonly exitCode: number;
  /** The fatal line (in the run's language) when no report could be made. */
  readonly error?: string;
  /** The report file written for it, relative to the summary's folder. */
  readonly reportFile?: string;
}

export const SUMMARY_SCHEMA_ID = 'ereje.audit-summary/1';

export interface BatchWorkbook {
  readonly file: string;
  readonly report: string | null;
  readonly exit: number;
  readonly error: string | null;
  readonly facility: { readonly facility_id: string; readonly name: string; readonly kind: string } | null;
  readonly period: { readonly from: string; readonly to: string } | null;
  readonly result: AuditResult | null;
  /** The report's verdict line, as its first line reads; null when no report could be made (see error). */
  readonly verdict: string | null;
  readonly findings: Readonly<Record<Severity, number>> | null;
  readonly entries: number | null;
  readonly input_errors: number | null;
  readonly not_evaluated: number | null;
  readonly follow_up: { readonly baseline: string; readonly new: number; readonly persisting: number; readonly resolved: number } | null;
}

export interface WorstClause {
  readonly clause: string;
  /** The most severe finding under the clause, in any facility. */
  readonly severity: Severity;
  /** Facilities (facility_id) with a finding above info under the clause. */
  readonly facilities: readonly string[];
  readonly findings: number;
  readonly entries: number;
  /** Findings that persist since a baseline, across facilities (repeated violations are escalated). */
  readonly persisting: number;
  readonly rules: readonly string[];
}

export interface BatchSummary {
  readonly schema: typeof SUMMARY_SCHEMA_ID;
  readonly generated_by: { readonly name: 'ereje'; readonly version: string };
  readonly lang: Lang;
  readonly totals: {
    readonly workbooks: number; readonly audited: number; readonly failed: number;
    readonly compliant: number; readonly non_compliant: number; readonly incomplete: number;
    readonly findings: Readonly<Record<Severity, number>>; readonly entries: number;
    readonly new: number | null; readonly persisting: number | null; readonly resolved: number | null;
  };
  readonly workbooks: readonly BatchWorkbook[];
  readonly worst_clauses: readonly WorstClause[];
}

/** Clauses listed as the worst across facilities. */
export const WORST_CLAUSES = 10;

/** 0 for critical … 3 for info: the place in SEVERITY_ORDER. */
const severityRank = (s: Severity): number => SEVERITY_ORDER.indexOf(s);

export function buildBatchSummary(outcomes: readonly BatchOutcome[], options: { lang: Lang; version: string }): BatchSummary {
  const workbooks = outcomes.map(workbookRow);
  const reports = outcomes.flatMap((o) => (o.report === null ? [] : [o.report]));
  const findings: Record<Severity, number> = { critical: 0, major: 0, minor: 0, info: 0 };
  // Summed from the rows, which counted each workbook's findings once already.
  for (const b of workbooks) if (b.findings !== null) for (const k of SEVERITY_ORDER) findings[k] += b.findings[k];
  const followed = reports.filter((r) => r.follow_up !== undefined);
  const sum = (f: (r: BatchReport) => number) => (followed.length === 0 ? null : followed.reduce((n, r) => n + f(r), 0));
  const count = (result: AuditResult) => reports.filter((r) => r.result === result).length;
  return {
    schema: SUMMARY_SCHEMA_ID,
    generated_by: { name: 'ereje', version: options.version },
    lang: options.lang,
    totals: {
      workbooks: outcomes.length, audited: reports.length, failed: outcomes.length - reports.length,
      compliant: count('compliant'), non_compliant: count('non_compliant'), incomplete: count('incomplete'),
      findings, entries: reports.reduce((n, r) => n + r.groups.length, 0),
      new: sum((r) => r.summary.new ?? 0), persisting: sum((r) => r.summary.persisting ?? 0), resolved: sum((r) => r.summary.resolved ?? 0),
    },
    workbooks,
    worst_clauses: worstClauses(reports),
  };
}

function workbookRow(o: BatchOutcome): BatchWorkbook {
  const r = o.report;
  if (r === null) {
    return {
      file: o.file, report: null, exit: o.exitCode, error: o.error ?? null, facility: null, period: null, result: null, verdict: null,
      findings: null, entries: null, input_errors: null, not_evaluated: null, follow_up: null,
    };
  }
  return {
    file: o.file, report: o.reportFile ?? null, exit: o.exitCode, error: null,
    facility: { facility_id: r.facility.facility_id, name: r.facility.name, kind: r.facility.kind },
    period: { from: r.period.from, to: r.period.to },
    result: r.result,
    verdict: verdictLine(r, reportWords(r.lang), r.lang),
    findings: severityCounts(r),
    entries: r.groups.length,
    input_errors: r.summary.input_errors,
    not_evaluated: r.summary.not_evaluated,
    follow_up: r.follow_up === undefined ? null : {
      baseline: r.follow_up.baseline.file, new: r.summary.new ?? 0, persisting: r.summary.persisting ?? 0, resolved: r.summary.resolved ?? 0,
    },
  };
}

/**
 * Clauses failed (above info) in the most facilities, then the most severe, then with the most entries
 * (one per rule and subject, so a daily duty does not outweigh a missing licence by its 180 days).
 */
function worstClauses(reports: readonly BatchReport[]): WorstClause[] {
  const by = new Map<string, { severity: Severity; facilities: Set<string>; findings: number; entries: number; persisting: number; rules: Set<string> }>();
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.severity === 'info') continue;
      const c = by.get(f.clause) ?? { severity: f.severity, facilities: new Set(), findings: 0, entries: 0, persisting: 0, rules: new Set() };
      if (severityRank(f.severity) < severityRank(c.severity)) c.severity = f.severity;
      c.facilities.add(r.facility.facility_id);
      c.findings++;
      if (f.follow_up === 'persisting') c.persisting++;
      c.rules.add(f.rule);
      by.set(f.clause, c);
    }
    for (const g of r.groups) { const c = by.get(g.clause); if (c && g.severity !== 'info') c.entries++; }
  }
  return [...by.entries()]
    .map(([clause, c]): WorstClause => ({
      clause, severity: c.severity, facilities: [...c.facilities].sort(compareNatural), findings: c.findings, entries: c.entries,
      persisting: c.persisting, rules: [...c.rules].sort(compareNatural),
    }))
    .sort((a, b) => b.facilities.length - a.facilities.length || severityRank(a.severity) - severityRank(b.severity)
      || b.entries - a.entries || b.findings - a.findings || compareClauses(a.clause, b.clause))
    .slice(0, WORST_CLAUSES);
}
