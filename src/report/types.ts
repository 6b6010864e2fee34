// The JSON report, `ereje.audit-report/1` (docs/report.md; JSON Schema in reports/audit-report.schema.json).
import type { Severity } from '../engine/types.ts';

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

export interface AuditReport {
  readonly schema: 'ereje.audit-report/1';
  readonly result: AuditResult;
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
  };
  readonly findings: readonly {
    readonly rule: string; readonly version: string; readonly clause: string; readonly severity: Severity; readonly subject: string;
    readonly period?: string; readonly item: string | null; readonly message: string;
    readonly expected: string; readonly actual: string; readonly evidence: readonly ReportEvidence[];
  }[];
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
}
