// The JSON report, `ereje.audit-report/1` (docs/report.md; JSON Schema in reports/audit-report.schema.json).
import type { Lang } from '../core/lang.ts';
import type { ExplainedCondition } from '../engine/conditions.ts';
import type { Severity } from '../engine/types.ts';
import type { PeriodKind, PeriodRange } from './periods.ts';

/**
 * The verdict. `compliant`: every rule in force was evaluated (or only the rule pack could not judge
 * some), nothing above `info` failed and there are no input errors. `non_compliant`: a finding above
 * `info`. `incomplete`: no such finding, but input errors, or rules the workbook lacked data for.
 */
export type AuditResult = 'compliant' | 'non_compliant' | 'incomplete';

/**
 * Where a finding's evidence is. `sheet`, `row`, `column` are canonical (for scripts); `cell` is the
 * place in the user's workbook as Excel writes it: a cell `Балалар!B6`, a row `Балалар!6:6` when the
 * sheet lacks the cited column, or the sheet's name as spelled (`Мәзір`) for a whole sheet.
 */
export interface ReportEvidence {
  readonly sheet: string;
  readonly row?: number;
  readonly column?: string;
  readonly cell: string;
}

/** Against an earlier audit of the same facility (`--baseline`): the finding was there too, or was not. */
export type FollowUp = 'new' | 'persisting';

/** With `--explain`: the rule's conditions with the values the engine compared, and where the rule is written. */
export interface FindingExplain {
  /** `rules/kz/…/residential/2009-240-o.ereje:1099`: the rule's first line. */
  readonly source: string | null;
  readonly conditions: ExplainedCondition;
}

export interface ReportFinding {
  readonly rule: string; readonly version: string; readonly clause: string; readonly severity: Severity; readonly subject: string;
  readonly period?: string; readonly item: string | null; readonly message: string;
  readonly expected: string; readonly actual: string; readonly evidence: readonly ReportEvidence[];
  readonly follow_up?: FollowUp;
  /** A new finding of a rule that already failed for this subject in the baseline (another period or item). */
  readonly recurring?: true;
  readonly explain?: FindingExplain;
}

/**
 * Findings of one rule (version) and subject, with the same item and the same wording once each
 * finding's own period is left out, merged into one entry: the periods as ranges of consecutive ones.
 */
export interface FindingGroup {
  readonly rule: string; readonly version: string; readonly clause: string; readonly severity: Severity; readonly subject: string;
  readonly item: string | null;
  /** Absent for a rule that is not periodic. */
  readonly period_kind?: PeriodKind;
  readonly periods?: readonly PeriodRange[];
  /** Findings merged (one per period). */
  readonly count: number;
  /** The wording of the findings with their periods as ranges (`… on 2010-01-04 … 2010-01-15, 2010-02-01`). */
  readonly message: string; readonly expected: string; readonly actual: string;
  /** Every distinct place the findings cite. */
  readonly evidence: readonly ReportEvidence[];
  /** Indexes into `findings` (0-based, ascending). */
  readonly findings: readonly number[];
  readonly follow_up?: FollowUp;
  readonly recurring?: true;
}

/** `--baseline`: which earlier report the findings were compared with, and what it had that this one has not. */
export interface ReportFollowUp {
  readonly baseline: {
    readonly file: string; readonly sha256: string; readonly lang: Lang;
    readonly period: { readonly from: string; readonly to: string }; readonly as_of: string; readonly result: AuditResult;
  };
  /**
   * Baseline findings this audit could not look at again: their period lies outside this audit's period,
   * or this audit did not evaluate their rule (or their subject under it). Neither resolved nor persisting.
   */
  readonly not_rechecked: number;
  /** Baseline findings this audit looked at again and did not find, as the baseline wrote them. */
  readonly resolved: readonly ReportFinding[];
}

export const REPORT_SCHEMA_ID = 'ereje.audit-report/1';

export interface AuditReport {
  readonly schema: typeof REPORT_SCHEMA_ID;
  readonly result: AuditResult;
  /** The language of the report's messages and reasons. */
  readonly lang: Lang;
  readonly generated_by: { readonly name: 'ereje'; readonly version: string };
  readonly workbook: { readonly file: string; readonly sha256: string };
  readonly facility: { readonly facility_id: string; readonly name: string; readonly kind: string; readonly ownership: string };
  readonly period: { readonly from: string; readonly to: string };
  readonly as_of: string;
  readonly rulesets: readonly {
    readonly id: string; readonly version: string; readonly act: string;
    readonly in_force: { readonly from: string | null; readonly until: string | null; readonly approximate: boolean };
  }[];
  readonly summary: {
    readonly rules: number; readonly passed: number; readonly failed: number; readonly not_evaluated: number;
    readonly findings: number; readonly input_errors: number;
    /** With a baseline only. */
    readonly new?: number; readonly persisting?: number; readonly resolved?: number;
  };
  readonly findings: readonly ReportFinding[];
  readonly groups: readonly FindingGroup[];
  readonly not_evaluated: readonly {
    readonly rule: string; readonly clause: string; readonly subject?: string; readonly reason: string; readonly cause: 'workbook' | 'rule_pack';
    /** For cause `workbook`: the canonical sheet (and column) the workbook lacks. */
    readonly sheet?: string; readonly column?: string;
  }[];
  readonly input_errors: readonly {
    readonly sheet: string; readonly row: number | null; readonly column: string | null;
    readonly value: string | null; readonly message: string; readonly code?: string; readonly cell?: string | null;
  }[];
  readonly rows: Readonly<Record<string, { readonly read: number; readonly accepted: number; readonly rejected: number }>>;
  /** With a baseline only. */
  readonly follow_up?: ReportFollowUp;
}
