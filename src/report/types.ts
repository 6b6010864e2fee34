// The JSON report, `ereje.audit-report/1`, exactly as ../shared/spec/report-and-cli.md defines it.
import type { Evidence, Severity } from '../engine/types.ts';

export interface AuditReport {
  readonly schema: 'ereje.audit-report/1';
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
    readonly expected: string; readonly actual: string; readonly evidence: readonly Evidence[];
  }[];
  readonly not_evaluated: readonly {
    readonly rule: string; readonly clause: string; readonly subject?: string; readonly reason: string; readonly cause: 'workbook' | 'rule_pack';
  }[];
  readonly input_errors: readonly {
    readonly sheet: string; readonly row: number | null; readonly column: string | null;
    readonly value: string | null; readonly message: string; readonly code?: string; readonly cell?: string | null;
  }[];
  readonly rows: Readonly<Record<string, { readonly read: number; readonly accepted: number; readonly rejected: number }>>;
}
