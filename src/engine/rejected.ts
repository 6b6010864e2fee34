// Rows kept out of the audit for input errors, and the failing cases they bear on. A rule that looks a
// row up (`exists(health_log h where h.child_id = c.child_id …)`) fails when the row is not found — and a
// row rejected for a date written `1.1.10` is not found, though the facility wrote it. Such a case is not
// a finding: the rule could not look at what it looked for, so that subject is not evaluated until the
// rows are corrected. A rejected row bears on a case unless one of its key codes (a child's, a group's,
// a staff member's), read without error, differs from the code of the row the case is about.
import { RowRef, type Case, type CompiledRule } from '../compile/index.ts';
import type { IngestedWorkbook, TypedRow } from '../ingest/types.ts';
import { sheetById } from '../schema/index.ts';

/** The rejected rows of one sheet that could be what a failing case looked for. */
export interface RejectedRowsBearing {
  readonly sheet: string;
  readonly sheetName: string;
  /** Their Excel row numbers, in sheet order. */
  readonly rows: readonly number[];
}

/** For one rule over one workbook: which rejected rows bear on a case. */
export type RejectedLookups = (c: Case) => readonly RejectedRowsBearing[];

/** A column of a looked-up sheet holding a code of a row of `target` (its own sheet for a unique code). */
interface KeyColumn { readonly column: string; readonly target: string; readonly targetColumn: string }

/** Null when no sheet the rule looks rows up in has a rejected row (every case is then judged as it is). */
export function rejectedLookups(rule: CompiledRule, workbook: IngestedWorkbook): RejectedLookups | null {
  const sheets = rule.needs.looksUp.flatMap((sheet) => {
    const table = workbook.tables[sheet];
    if (table === undefined || table.rejected.length === 0) return [];
    const keys: KeyColumn[] = (sheetById(sheet)?.columns ?? []).flatMap((c) =>
      c.references ? [{ column: c.id, target: c.references.sheet, targetColumn: c.references.column }]
      : c.unique ? [{ column: c.id, target: sheet, targetColumn: c.id }] : []);
    return [{ sheet, sheetName: table.sheetName, rows: table.rejected, keys, byKey: keys.map((k) => indexBy(table.rejected, k.column)) }];
  });
  if (sheets.length === 0) return null;
  return (c) => {
    const bound = boundRows(c);
    const out: RejectedRowsBearing[] = [];
    for (const s of sheets) {
      // Only the rows that can match on the first key the case is bound by are looked at: thousands of
      // failing cases against thousands of rejected rows stay a lookup each, not a product.
      const at = s.keys.findIndex((k) => bound.has(k.target));
      const candidates = at < 0 ? s.rows : candidatesOf(s.byKey[at]!, s.keys[at]!, bound.get(s.keys[at]!.target)!);
      const rows = candidates.filter((row) => s.keys.every((k) => mayBe(row, k, bound.get(k.target))));
      if (rows.length > 0) out.push({ sheet: s.sheet, sheetName: s.sheetName, rows: rows.map((r) => r.excelRow).sort((a, b) => a - b) });
    }
    return out;
  };
}

/** Rejected rows by the code read in one key column, and those whose code was not read. */
interface KeyIndex { readonly byCode: ReadonlyMap<unknown, readonly TypedRow[]>; readonly unread: readonly TypedRow[] }

function indexBy(rows: readonly TypedRow[], column: string): KeyIndex {
  const byCode = new Map<unknown, TypedRow[]>();
  const unread: TypedRow[] = [];
  for (const row of rows) {
    const code = row.values[column];
    if (code === undefined || code === null) { unread.push(row); continue; }
    const same = byCode.get(code);
    if (same === undefined) byCode.set(code, [row]); else same.push(row);
  }
  return { byCode, unread };
}

/** The rows whose code in the key column is unread or is that of one of the rows the case is bound to. */
function candidatesOf(index: KeyIndex, key: KeyColumn, targets: readonly TypedRow[]): TypedRow[] {
  const out = [...index.unread];
  const codes = new Set(targets.map((t) => t.values[key.targetColumn]));
  for (const code of codes) for (const row of index.byCode.get(code) ?? []) out.push(row);
  return out;
}

/** The rows a case is about (its `for`, `join` and `let … first(…)` bindings), by sheet. */
function boundRows(c: Case): Map<string, TypedRow[]> {
  const bound = new Map<string, TypedRow[]>();
  for (const v of c.env) {
    if (!(v instanceof RowRef) || v.row === null) continue;
    const rows = bound.get(v.sheet);
    if (rows === undefined) bound.set(v.sheet, [v.row]); else rows.push(v.row);
  }
  return bound;
}

/**
 * Whether a rejected row may belong with the case as far as one key column tells: yes when the key was
 * not read (empty, or the cell in error) or the case is bound to no row of the key's sheet.
 */
function mayBe(row: TypedRow, key: KeyColumn, targets: readonly TypedRow[] | undefined): boolean {
  const code = row.values[key.column];
  if (code === undefined || code === null || targets === undefined) return true;
  return targets.some((t) => t.values[key.targetColumn] === code);
}
