// The facility workbook contract as data. One SheetDef per sheet is the single source of truth: ingest
// parses and validates with it, `ereje template` writes it, the JSON Schemas and docs/workbook.md are
// generated from it, and the rule-language checker types column references against it.
import type { Lang, Localized } from '../core/lang.ts';

export type FacilityKind = 'residential' | 'home_care' | 'day_care';
export type SheetId = string;
export type ColumnId = string;
export type EnumId = string;

/** id: text or number compared as text; month: `2010-03` or any date inside the month (stored as the month's first day). */
export type ColumnType = 'id' | 'text' | 'date' | 'month' | 'int' | 'number' | 'bool' | 'enum' | 'list';

export interface EnumValueDef {
  readonly code: string;
  /** Accepted labels per language; the first one of each language is the one written in templates. */
  readonly labels: Readonly<Record<Lang, readonly string[]>>;
}

export interface EnumDef {
  readonly id: EnumId;
  readonly values: readonly EnumValueDef[];
}

export interface ColumnDef {
  readonly id: ColumnId;
  readonly type: ColumnType;
  /** For `enum` and `list` columns. */
  readonly enum?: EnumId;
  readonly required?: boolean;
  /** Unique within the sheet (a duplicate is a `duplicate-key` input error). */
  readonly unique?: boolean;
  /** Lower bound for int/number (the contract: numbers are ≥ 0 unless said). */
  readonly min?: number;
  /** Header labels: en is the canonical id-like English label, kk/ru as in the contract. */
  readonly labels: Localized;
  /** Foreign key, e.g. plans.child_id → children.child_id. */
  readonly references?: { readonly sheet: SheetId; readonly column: ColumnId };
  /** One-line help for the template's help sheet. */
  readonly help: Localized;
  /**
   * For an optional column, what a sheet without it means. `empty`: every row reads as empty, because an
   * empty cell means "none" (no discharge yet, no contraindication), with one warning naming the column.
   * `not-evaluated`: an empty cell would itself be a finding (a regime not recorded), or means "not
   * recorded" for a value a rule judges or selects by (a child's group, a room's purpose), so the rules
   * that read the column are not evaluated instead. Every optional column states one (a test checks).
   */
  readonly whenAbsent?: 'empty' | 'not-evaluated';
}

export interface SheetDef {
  readonly id: SheetId;
  readonly labels: Localized;
  readonly columns: readonly ColumnDef[];
  /** Exactly one data row (the facility sheet). */
  readonly singleRow?: boolean;
  /**
   * A register no facility of its kinds can have empty during a period (the children it served, a day
   * care's attendance): present with no data row, it means the facility did not fill it in, not that
   * there was nothing to record — the rules that read it are not evaluated rather than passed on nothing.
   */
  readonly register?: boolean;
  /** Facility kinds whose template includes this sheet. */
  readonly kinds: readonly FacilityKind[];
  readonly help: Localized;
}

export interface WorkbookSchema {
  readonly sheets: readonly SheetDef[];
  readonly enums: readonly EnumDef[];
}
