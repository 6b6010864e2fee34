// The checked-language syntax tree: what the parser produces (src/lang/parse.ts) and the checker
// annotates (src/lang/check.ts), and what src/compile consumes. Every node carries its source span so
// that diagnostics, the formatter and reports can point back at the rule file.
import type { Lang } from '../core/lang.ts';

export interface Span {
  readonly file: string;
  readonly line: number;      // 1-based
  readonly col: number;       // 1-based
  readonly endLine: number;
  readonly endCol: number;
  readonly offset: number;
  readonly length: number;
}

export interface Node { readonly span: Span }

export type LocalizedText = Readonly<Partial<Record<Lang, string>>>;

/** A date written in a rule file, optionally `approximate "basis note"` (one text or one per language). */
export interface DateStamp extends Node { readonly iso: string; readonly approximate?: LocalizedNote }

// ---------------------------------------------------------------- files

/** One `.ereje` file: a ruleset version with its rules, or a parameter file with tables only. */
export interface RuleFile extends Node {
  readonly kind: 'RuleFile';
  readonly path: string;
  readonly ruleset: RulesetDecl | null;
  readonly imports: readonly ImportDecl[];
  readonly tables: readonly TableDecl[];
  readonly rules: readonly RuleDecl[];
  /** An amendment's `change rule` / `change table` blocks and `repeal rule` lines (empty in other files). */
  readonly changes: readonly RuleChange[];
  readonly tableChanges: readonly TableChange[];
  readonly repeals: readonly RepealDecl[];
  /** Kept for the formatter: each comment with its span. */
  readonly comments: readonly Comment[];
  /**
   * Set on the effective file the checker builds for an amendment (src/lang/amend.ts): the amended
   * version with the amendment applied. Never on a file as parsed.
   */
  readonly amendment?: Amendment;
}

/** The parts of a rule a `change rule` block may give; the others are the amended version's. */
export type RulePart = 'clause' | 'severity' | 'scope' | 'quote' | 'note' | 'steps' | 'require' | 'subject' | 'items' | 'expected' | 'actual' | 'message' | 'examples';

/** `change rule NAME { … }`: `rule` holds the parts given (`given`), the rest at their defaults. */
export interface RuleChange extends Node {
  readonly kind: 'RuleChange';
  readonly name: string;
  readonly nameSpan: Span;
  readonly rule: RuleDecl;
  readonly given: readonly RulePart[];
}

/** `change table NAME { quote "…" key = value … }`: new values (and their quote) for some keys. */
export interface TableChange extends Node {
  readonly kind: 'TableChange';
  readonly name: string;
  readonly nameSpan: Span;
  readonly citation: LocalizedNote | null;
  readonly quote: string | null;
  readonly entries: TableDecl['entries'];
}

/** `repeal rule NAME`. */
export interface RepealDecl extends Node { readonly kind: 'Repeal'; readonly name: string; readonly nameSpan: Span }

/** Where each rule of an amendment's effective version comes from. */
export type RuleOrigin = 'inherited' | 'changed' | 'added';

export interface Amendment {
  /** The file as written (the delta). */
  readonly delta: RuleFile;
  /** The version amended, itself effective when it is an amendment too. */
  readonly base: RuleFile;
  /** Every file as written that this version is built from: the delta, its base, the base's base … */
  readonly chain: readonly RuleFile[];
  readonly origin: ReadonlyMap<string, RuleOrigin>;
  readonly repealed: readonly { readonly name: string; readonly clause: string; readonly span: Span }[];
  /** Tables whose values the amendment changes (an inherited rule reading one judges differently). */
  readonly changedTables: readonly string[];
}

export interface Comment extends Node { readonly text: string }

export interface RulesetDecl extends Node {
  readonly kind: 'RulesetDecl';
  readonly id: string;                       // residential
  readonly version: string;                  // 2009-240-o
  readonly title: LocalizedText;
  readonly appliesTo: string;                // facility kind code: residential | home_care | day_care
  readonly act: ActDecl;
  readonly inForce: { readonly from: DateStamp | null; readonly until: DateStamp | null };
  readonly amends: readonly string[];        // "mlsp-306-o@2005-12-01" (free reference to another act)
  /** `ruleset residential version "2010-x" amends "residential@2009-240-o"`: the version this file changes. */
  readonly base: { readonly id: string; readonly version: string; readonly span: Span } | null;
  readonly supersedes: readonly string[];    // "residential@2005-306-o" (ruleset@version)
  /** The act's text, relative to this file, against which quotes are verified. */
  readonly source: string | null;
  /** Working-day calendar used by `working days` arithmetic; file in rules/calendars/<name>.ereje-calendar.json */
  readonly calendar: string | null;
  readonly note: LocalizedNote | null;
}

export interface ActDecl extends Node {
  readonly issuer: LocalizedText;
  readonly number: string;                   // 240-ө
  readonly date: DateStamp;                  // 2009-07-30
  readonly registration: string | null;      // 5766
  readonly registeredOn: DateStamp | null;   // 2009-08-28
  readonly title: LocalizedText;
}

export interface ImportDecl extends Node {
  readonly kind: 'ImportDecl';
  readonly table: string;
  readonly from: string;                     // relative path of a parameter file
  /** On an import a merged amendment inherits from its base: the file it names (see import-target.ts). */
  readonly resolved?: string;
}

/** A parameter table: key enum → value, inline or in a parameter file, with its own citation. */
export interface TableDecl extends Node {
  readonly kind: 'TableDecl';
  readonly name: string;
  readonly keyEnum: string;                  // enum id from the workbook schema, e.g. skill, role
  readonly valueType: 'int' | 'number' | 'date' | 'text' | 'bool';
  readonly citation: LocalizedNote | null;   // free text: which act/clause the numbers come from
  readonly quote: string | null;
  /** A value of null means "not filled in": rules that read it are reported not evaluated. */
  readonly entries: readonly { readonly key: string; readonly value: Expr | null; readonly span: Span }[];
}

// ---------------------------------------------------------------- rules

export type ScopeKind = 'deadline' | 'periodic' | 'state' | 'record';
export type Severity = 'critical' | 'major' | 'minor' | 'info';

export interface RuleDecl extends Node {
  readonly kind: 'RuleDecl';
  readonly name: string;                     // group-size  (full id: <ruleset>/<name>)
  readonly clause: string;                   // A1.30.5
  readonly clauseSpan: Span;
  readonly quote: string;
  readonly quoteSpan: Span;
  readonly severity: Severity;
  /** The kind of duty and, in words, what the rule audits (one text or one per language, like a note). */
  readonly scope: { readonly kind: ScopeKind; readonly text: LocalizedNote | null };
  readonly note: LocalizedNote | null;
  /** The query: steps run in order, like a comprehension. */
  readonly steps: readonly Step[];
  readonly require: Requirement;
  readonly subject: Expr | null;             // default: the key of the `for` row, else the facility id
  /** `item max_one_year kk "…" ru "…" en "…"`: how the texts name items that are no enum value or column. */
  readonly itemLabels: readonly ItemLabel[];
  readonly expected: LocalizedTemplate | null;
  readonly actual: LocalizedTemplate | null;
  readonly message: LocalizedTemplate;
  readonly examples: readonly ExampleDecl[];
}

/**
 * A note for the people who read the rule (legal staff, a report's reader): `note "…"`, one text shown in
 * every language, or `note kk "…" ru "…" en "…"`. No placeholders.
 */
export interface LocalizedNote extends Node {
  readonly texts: LocalizedText;
  /** The one-string form. */
  readonly all?: string;
}

/** `item max_one_year kk "…" ru "…" en "…"` in a rule. */
export interface ItemLabel extends Node {
  readonly name: string;
  readonly nameSpan: Span;
  readonly label: LocalizedNote;
}

/** A message in up to three languages with `{placeholders}` (let names, `c.child_id`, `expected`, `actual`, `period`, `item`, `subject`). */
export interface LocalizedTemplate extends Node {
  readonly texts: Readonly<Partial<Record<Lang, string>>>;
  /** `expected "≤ {limit}"` — one text for all languages. */
  readonly all?: string;
}

export type Step = ForStep | JoinStep | WhereStep | LetStep | PerStep | ItemsStep | DatedStep;

/** `dated c.admitted_on + 14 days`: the duty's date; picks the ruleset version in force for the case. */
export interface DatedStep extends Node { readonly kind: 'Dated'; readonly date: Expr }

/** `for c in children` / `for s in [spring_summer, autumn_winter]` / `for b in distinct(children c where … : c.bedroom_id)` */
export interface ForStep extends Node {
  readonly kind: 'For';
  readonly variable: string;
  readonly source: { readonly kind: 'sheet'; readonly sheet: string } | { readonly kind: 'list'; readonly expr: Expr };
}

/** `join g in groups on g.group_id = c.group_id` — inner join, first matching row. */
export interface JoinStep extends Node {
  readonly kind: 'Join';
  readonly variable: string;
  readonly sheet: string;
  readonly on: Expr;
}

export interface WhereStep extends Node { readonly kind: 'Where'; readonly condition: Expr }

export interface LetStep extends Node { readonly kind: 'Let'; readonly name: string; readonly value: Expr }

export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * `per full quarter q in audit_period ∩ c.admitted_on .. c.discharged_on except leaves l where l.child_id = c.child_id during l.from .. l.to`
 * `full`: only periods lying wholly inside the interval with none of their days excluded;
 * without `full`: every period the interval touches.
 */
export interface PerStep extends Node {
  readonly kind: 'Per';
  readonly full: boolean;
  readonly unit: PeriodUnit;
  readonly variable: string;
  readonly within: Expr;                     // an interval expression
  readonly except: readonly { readonly variable: string; readonly sheet: string; readonly where: Expr | null; readonly during: Expr; readonly span: Span }[];
}

/** `each item d in [local_exec_decision, parent_application | medical_org_petition, disability_extract if c.disabled]` or over a list expression. */
export interface ItemsStep extends Node {
  readonly kind: 'Items';
  readonly variable: string;
  readonly items: { readonly kind: 'literal'; readonly entries: readonly ItemEntry[] } | { readonly kind: 'expr'; readonly expr: Expr };
}

export interface ItemEntry extends Node {
  /** One value, or alternatives `a | b` (the item is satisfied by any; its label is `a|b`). */
  readonly alternatives: readonly Expr[];
  readonly guard: Expr | null;               // `if cond`: the item is required only when cond holds
}

/** `require EXPR` or a checklist `require { periodicity: present(k.periodicity) … }` whose failing entries become items. */
export type Requirement =
  | { readonly kind: 'single'; readonly condition: Expr; readonly span: Span }
  | { readonly kind: 'checklist'; readonly entries: readonly { readonly item: string; readonly guard: Expr | null; readonly condition: Expr; readonly span: Span }[]; readonly span: Span };

// ---------------------------------------------------------------- examples

export interface ExampleDecl extends Node {
  readonly name: string;
  readonly auditPeriod: { readonly from: string; readonly to: string };
  readonly asOf: string | null;
  readonly tables: readonly ExampleTable[];
  readonly params: readonly { readonly table: string; readonly key: string; readonly value: Expr | null }[];
  readonly expect: ExampleExpectation;
}

export interface ExampleTable extends Node {
  readonly sheet: string;
  readonly columns: readonly string[];
  /** Raw cell values as a person would type them (`2010-03-21`, `21.03.2010`, `yes`, `self_care`); null = empty. */
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}

export type ExampleExpectation =
  | { readonly kind: 'no-findings' }
  | { readonly kind: 'not-evaluated' }
  | { readonly kind: 'findings'; readonly findings: readonly { readonly subject: string; readonly period: string | null; readonly item: string | null; readonly span: Span }[] };

// ---------------------------------------------------------------- expressions

export type Expr =
  | Literal | NameRef | FieldRef | Unary | Binary | Compare | InList | EmptyTest
  | DateShift | Interval | Call | Aggregate | TableLookup | ListLiteral;

export interface Literal extends Node {
  readonly kind: 'Literal';
  readonly type: 'number' | 'text' | 'date' | 'bool' | 'empty';
  readonly value: number | string | boolean | null;  // date as ISO text
}

/** A bare name: a let, a variable (`c`, `q`, `d`), a built-in (`audit_period`, `as_of`, `facility`), or an enum code resolved by context. */
export interface NameRef extends Node { readonly kind: 'Name'; readonly name: string }

/** `c.admitted_on`, `facility.ownership`. */
export interface FieldRef extends Node { readonly kind: 'Field'; readonly object: string; readonly field: string }

export interface Unary extends Node { readonly kind: 'Unary'; readonly op: 'not' | '-'; readonly operand: Expr }

export interface Binary extends Node {
  readonly kind: 'Binary';
  readonly op: 'and' | 'or' | '+' | '-' | '*' | '/' | '∩';
  readonly left: Expr;
  readonly right: Expr;
}

/** `=` `!=` `<` `<=` `>` `>=`, and `within` (a date inside a period or interval). */
export interface Compare extends Node {
  readonly kind: 'Compare';
  readonly op: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'within';
  readonly left: Expr;
  readonly right: Expr;
}

/** `x in [a, b]`, `x not in [...]`, `x in d` (d an item with alternatives), `code in c.contraindications`. */
export interface InList extends Node { readonly kind: 'In'; readonly negated: boolean; readonly value: Expr; readonly list: Expr }

/** `x is empty`, `x is present`. */
export interface EmptyTest extends Node { readonly kind: 'EmptyTest'; readonly present: boolean; readonly operand: Expr }

/** `d + 14 days`, `d - 1 year`, `d + 5 working days` (calendar: the ruleset's, or `on NAME`). */
export interface DateShift extends Node {
  readonly kind: 'DateShift';
  readonly date: Expr;
  readonly sign: 1 | -1;
  readonly amount: Expr;
  readonly unit: 'days' | 'working days' | 'months' | 'years';
  readonly calendar: string | null;
}

/** `a .. b`: a closed date interval; an empty `b` means open-ended. */
export interface Interval extends Node { readonly kind: 'Interval'; readonly from: Expr; readonly to: Expr }

/** Built-in functions: age_years(birth, on), age_months(birth, on), days_between(a, b), working_days_between(a, b [, cal]),
 *  start(p), end(p), label(p), min(a, b), max(a, b), coalesce(a, b, …), year(d), length(list). */
export interface Call extends Node { readonly kind: 'Call'; readonly fn: string; readonly args: readonly Expr[] }

/** `count(children c where … )`, `sum(staff s where … : s.rate)`, `exists(…)`, `every(… : cond)`, `distinct(… : expr)`, `first(… )`, `min/max(… : expr)`. */
export interface Aggregate extends Node {
  readonly kind: 'Aggregate';
  readonly fn: 'count' | 'sum' | 'min' | 'max' | 'exists' | 'every' | 'distinct' | 'first';
  readonly variable: string;
  readonly sheet: string;
  readonly where: Expr | null;
  readonly select: Expr | null;
}

/** `group_size_limit[g.skill_level]`. */
export interface TableLookup extends Node { readonly kind: 'TableLookup'; readonly table: string; readonly key: Expr }

export interface ListLiteral extends Node { readonly kind: 'List'; readonly elements: readonly Expr[] }

// ---------------------------------------------------------------- checker output

/** Types the checker assigns; `row(sheet)` for row variables, `period(unit)` for `per` variables. */
export type LangType =
  | { readonly t: 'number' } | { readonly t: 'int' } | { readonly t: 'text' } | { readonly t: 'id' }
  | { readonly t: 'date' } | { readonly t: 'bool' } | { readonly t: 'empty' }
  | { readonly t: 'enum'; readonly enum: string } | { readonly t: 'list'; readonly of: LangType }
  | { readonly t: 'row'; readonly sheet: string } | { readonly t: 'period'; readonly unit: PeriodUnit }
  | { readonly t: 'interval' } | { readonly t: 'item' } | { readonly t: 'any' };

export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;                     // e.g. unknown-column, type-mismatch, syntax
  readonly span: Span;
  readonly message: Readonly<Record<Lang, string>>;
  /** How many problems this one stands for when the others are not shown (limits.ts); 1 when absent. */
  readonly omitted?: number;
}

/** A rule file that passed the checker, with every expression's type and the sheets/columns/tables it needs. */
export interface CheckedRuleFile {
  readonly file: RuleFile;
  readonly types: ReadonlyMap<Expr, LangType>;
  /** Per rule name: sheets and columns it reads, and parameter tables (so a missing one makes it not evaluated). */
  readonly needs: ReadonlyMap<string, { readonly sheets: ReadonlySet<string>; readonly columns: ReadonlySet<string>; readonly tables: ReadonlySet<string> }>;
  /** Parameter tables visible to the rules (inline and imported), resolved. */
  readonly tables: ReadonlyMap<string, TableDecl>;
}
