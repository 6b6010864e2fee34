// The compiled form of a ruleset version: metadata, and per rule the json-rules-engine rule JSON plus
// the derived facts (closures over a case) its conditions read.
import type { DayNumber } from '../core/date.ts';
import type { Lang, Localized } from '../core/lang.ts';
import type { TypedTable } from '../ingest/types.ts';
import type { LangType, LocalizedTemplate, ScopeKind, Severity } from '../lang/ast.ts';
import type { RowLookup } from './lookups.ts';
import type { RowRef, Interval, Period, Value } from './values.ts';

/** A json-rules-engine condition as the compiler emits it: facts by name only, never `path`. */
export type ConditionJson =
  | { readonly all: readonly ConditionJson[] }
  | { readonly any: readonly ConditionJson[] }
  | { readonly not: ConditionJson }
  | { readonly fact: string; readonly operator: string; readonly value: unknown };

/** What one evaluation of one workbook provides to the compiled closures. */
export interface Runtime {
  readonly tables: Readonly<Partial<Record<string, TypedTable>>>;
  readonly facility: RowRef;
  readonly auditPeriod: Interval & { readonly to: DayNumber };
  readonly asOf: DayNumber;
  /** Hash/range indexes built once per (sheet, key columns, range column) and shared by every rule. */
  readonly indexes: Map<string, unknown>;
}

/** Values by slot (see scope.ts). */
export type Env = readonly Value[];
export type ExprFn = (env: Env, rt: Runtime) => Value;

/** One combination of the query steps: the bindings a requirement is judged on. */
export interface Case {
  readonly env: Env;
  /** The `per` periods (labels computed when shown) and `each item` labels of this case, in step order. */
  readonly periods: readonly Period[];
  readonly items: readonly string[];
  /** The `dated` date, if the rule has a `dated` step (else the default is applied by the engine). */
  readonly dated: DayNumber | null;
  /** The last `per` period's last day, the default `dated` date. */
  readonly periodEnd: DayNumber | null;
}

export interface CompiledRequirement {
  /** Checklist entry name; null for a single `require`. */
  readonly item: string | null;
  readonly conditions: ConditionJson & ({ readonly all: readonly ConditionJson[] } | { readonly any: readonly ConditionJson[] });
}

/** Thrown while evaluating a case when the rule cannot be judged (e.g. a parameter not filled in). */
export class NotEvaluatedSignal extends Error {
  override readonly name = 'NotEvaluatedSignal';
  constructor(readonly reason: { readonly kk: string; readonly ru: string; readonly en: string }) { super(reason.en); }
}

export interface CompiledRule {
  readonly id: string;                       // residential/group-size
  readonly name: string;
  readonly clause: string;
  readonly severity: Severity;
  /** What the rule audits, in words, in each language (null when the rule does not say). */
  readonly scope: { readonly kind: ScopeKind; readonly text: Localized | null };
  readonly quote: string;
  /** The rule's note in each language (a one-string note reads the same in all three); null without one. */
  readonly note: Localized | null;
  /** The enum whose code a finding's subject is (`season` for the seasonal menus), so it can be shown by its label. */
  readonly subjectEnum: string | null;
  /**
   * Sheets and columns the rule reads (a missing one makes it not evaluated). `caseColumns`: those its
   * query steps read — they decide which cases exist; the others are read only to judge a case.
   */
  readonly needs: {
    readonly sheets: readonly string[];
    readonly columns: readonly { readonly sheet: string; readonly column: string }[];
    readonly caseColumns: readonly { readonly sheet: string; readonly column: string }[];
    /**
     * Sheets the rule looks rows up in (`exists`, `count`, `first` … over a sheet, a `per … except`),
     * where a row kept out — rejected for an input error — can make a case fail that the row would pass.
     */
    readonly looksUp: readonly string[];
    /**
     * Sheets whose rows decide which cases exist (`for`, `join`, and the lookups of the steps that choose
     * cases): a row of them rejected for an input error may be a case nobody judged.
     */
    readonly makesCases: readonly string[];
  };
  /**
   * Per sheet of `needs.looksUp` whose lookups can be asked of one row: whether a row could be what the
   * rule looked for in a case (see lookups.ts). A looked-up sheet absent here is judged by its key codes.
   */
  readonly rowLookups: ReadonlyMap<string, RowLookup>;
  readonly requirements: readonly CompiledRequirement[];
  /** Every fact the conditions name, as a closure over a case. */
  readonly facts: ReadonlyMap<string, ExprFn>;
  /** Runs the query steps and calls `emit` for every case. */
  generateCases(rt: Runtime, emit: (c: Case) => void): void;
  subjectOf(c: Case, rt: Runtime): string;
  /** A template's placeholders resolved to display text in one language (failing cases only). */
  renderIn(template: LocalizedTemplate | null, lang: Lang, c: Case, rt: Runtime, extra: Readonly<Record<string, string>>): string | null;
  /** A finding's item (`a|b/c`) as people read it: each code as its label (the rule's `item` label, the enum value's or the column's). */
  itemText(item: string, lang: Lang): string;
  readonly templates: { readonly message: LocalizedTemplate; readonly expected: LocalizedTemplate | null; readonly actual: LocalizedTemplate | null };
  /** Evidence rows/columns of a case; sheets of aggregates for a missing record. */
  evidenceOf(c: Case, rt: Runtime): readonly { sheet: string; row?: number; column?: string }[];
  /** Types of the facts (a date fact is shown as a date). */
  readonly factTypes: ReadonlyMap<string, LangType | null>;
  /** Per requirement item (null for a single `require`): its text, the default `expected`. */
  readonly requirementText: ReadonlyMap<string | null, string>;
  /** Per requirement item: the facts its conditions compare, shown as the default `actual`. */
  readonly leafFacts: ReadonlyMap<string | null, readonly string[]>;
}

export interface CompiledRuleset {
  readonly id: string;
  readonly version: string;
  readonly title: Readonly<Partial<Record<'kk' | 'ru' | 'en', string>>>;
  readonly appliesTo: string;
  /** `Order N 240-ө of 2009-07-30`. */
  readonly act: string;
  /** The same in every user language (`2009-07-30 № 240-ө бұйрық`, `Приказ № 240-ө от 2009-07-30`). */
  readonly actLabel: Localized;
  readonly inForce: {
    readonly from: DayNumber | null; readonly until: DayNumber | null;
    readonly fromApproximate: string | null; readonly untilApproximate: string | null;
  };
  readonly supersedes: readonly string[];
  readonly calendar: string | null;
  readonly rules: readonly CompiledRule[];
  /** The portable compiled form: one json-rules-engine rule per requirement (checklist entry). */
  toJson(): RulesetJson;
}

export interface RulesetJson {
  readonly schema: 'ereje.compiled-ruleset/1';
  readonly id: string;
  readonly version: string;
  readonly applies_to: string;
  readonly act: string;
  readonly in_force: { readonly from: string | null; readonly until: string | null; readonly approximate: boolean };
  readonly supersedes: readonly string[];
  readonly operators: readonly string[];
  readonly rules: readonly {
    readonly name: string;
    readonly conditions: unknown;
    readonly event: { readonly type: string; readonly params: Readonly<Record<string, unknown>> };
  }[];
}
