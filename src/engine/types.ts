// What evaluation produces: findings, rules that could not run, and what was used.
import type { Localized } from '../core/lang.ts';

export type Severity = 'critical' | 'major' | 'minor' | 'info';
/** `A1.30.5`: annex, point, optional subpoint. */
export type ClauseId = string;
/** `residential/group-size`: ruleset id / rule name. */
export type RuleId = string;

export interface Evidence {
  readonly sheet: string;
  /** 1-based Excel row; absent for evidence about a whole sheet (a missing record). */
  readonly row?: number;
  readonly column?: string;
}

export interface Finding {
  readonly rule: RuleId;
  /** The ruleset version that judged the case (`2009-240-o`): the one in force on the case's date. */
  readonly version: string;
  readonly clause: ClauseId;
  readonly severity: Severity;
  readonly subject: string;
  /** `2010-W07`, `2010-03`, `2010-Q2`, `2010-03-21`, `2010`; absent for non-periodic rules. */
  readonly period?: string;
  readonly item: string | null;
  readonly message: Localized;
  /** In every user language, like `message` (a rule's single-string `expected` is the same in all three). */
  readonly expected: Localized;
  readonly actual: Localized;
  readonly evidence: readonly Evidence[];
  /** Only with `evaluate(…, { explain: true })`: the compiled condition and the values it compared. */
  readonly explain?: unknown;
}

/**
 * Why a rule (or one subject of it) was not judged. `workbook`: the workbook lacks what the rule needs
 * (a sheet, a column, rows without input errors) — the audit is incomplete. `rule_pack`: the rule pack
 * cannot judge it (a parameter nobody has filled in, a date no version of the ruleset covers) — stated,
 * but not the facility's gap.
 */
export type NotEvaluatedCause = 'workbook' | 'rule_pack';

export interface NotEvaluated {
  readonly rule: RuleId;
  readonly clause: ClauseId;
  readonly reason: Localized;
  readonly cause: NotEvaluatedCause;
  /** Set when only one subject of the rule was not judged (a child admitted under an earlier text). */
  readonly subject?: string;
  /** For cause `workbook`: the canonical id of the sheet the workbook lacks (or whose rows were all rejected)… */
  readonly sheet?: string;
  /** … and of the column, when the sheet is there but the column is not. */
  readonly column?: string;
}

export interface RulesetVersionUsed {
  readonly id: string;
  readonly version: string;
  /** English, `Order N 240-ө of 2009-07-30`. */
  readonly act: string;
  /** The act in every user language; reports show the one they are written in. */
  readonly actLabel?: Localized;
  readonly in_force: { readonly from: string | null; readonly until: string | null; readonly approximate: boolean };
}

export interface Evaluation {
  /** Sorted by (clause, subject, period, item, rule). */
  readonly findings: readonly Finding[];
  readonly notEvaluated: readonly NotEvaluated[];
  /** Every rule that ran, with whether it produced a finding (info findings do not fail a rule). */
  readonly rules: readonly { readonly rule: RuleId; readonly clause: ClauseId; readonly outcome: 'passed' | 'failed' | 'not_evaluated' }[];
  readonly rulesets: readonly RulesetVersionUsed[];
}
