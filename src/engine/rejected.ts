// Rows kept out of the audit for input errors, and the failing cases they bear on. A rule that looks a
// row up (`exists(health_log h where h.child_id = c.child_id …)`) fails when the row is not found — and a
// row rejected for a date written `1.1.10` is not found, though the facility wrote it. Such a case is not
// a finding: the rule could not look at what it looked for, so that subject is not evaluated until the
// rows are corrected. A rejected row bears on a case when it holds something in a column the rule reads
// there (a row of empty cells is no record), and it could be what the rule looked for in that case:
// the lookup's own `where`, read over the row's cells, does not exclude it (a cell the `where` reads in
// error excludes nothing — see compile/lookups.ts). Where a sheet's lookups cannot be read that way (a
// `per … except`, a lookup choosing the cases), its key codes decide: none of them (a child's, a group's,
// a staff member's), read without error, differs from the code of the row the case is about.
import { RowRef, type Case, type CompiledRule, type Runtime } from '../compile/index.ts';
import type { IngestedWorkbook, TypedRow, TypedTable } from '../ingest/types.ts';
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

/**
 * The rejected rows that may be cases of the rule — rows of a sheet whose rows decide which cases exist,
 * holding something in a column the rule reads there — by sheet. Such a case was not judged, so the
 * rule has not been shown to pass.
 */
export function rejectedCases(rule: CompiledRule, workbook: IngestedWorkbook): RejectedRowsBearing[] {
  return rule.needs.makesCases.flatMap((sheet) => {
    const table = workbook.tables[sheet];
    if (table === undefined || table.rejected.length === 0) return [];
    const rows = rejectedWithData(rule, table).map((row) => row.excelRow);
    return rows.length === 0 ? [] : [{ sheet, sheetName: table.sheetName, rows }];
  });
}

/** The table's rejected rows that hold something in a column the rule reads there: a row of empty cells is no record. */
function rejectedWithData(rule: CompiledRule, table: TypedTable): TypedRow[] {
  const present = new Set(table.columns);
  const read = rule.needs.columns.filter((c) => c.sheet === table.sheet && present.has(c.column)).map((c) => c.column);
  return table.rejected.filter((row) => read.some((column) => row.values[column] !== null));
}

/** A column of a looked-up sheet holding a code of a row of `target` (its own sheet for a unique code). */
interface KeyColumn { readonly column: string; readonly target: string; readonly targetColumn: string }

/** A sheet's columns in error, by Excel row. */
export type CellsInError = (sheet: string) => ReadonlyMap<number, ReadonlySet<string>>;

/**
 * The workbook's cells in error (a code no child has, a duplicate, `#N/A`), gathered in one pass over its
 * errors when first asked, for every rule of an evaluation to share.
 */
export function cellsInError(workbook: IngestedWorkbook): CellsInError {
  let bySheet: Map<string, Map<number, Set<string>>> | undefined;
  const none: ReadonlyMap<number, ReadonlySet<string>> = new Map();
  return (sheet) => {
    if (bySheet === undefined) {
      bySheet = new Map();
      for (const e of workbook.errors) {
        if (e.severity !== 'error' || e.row === null || e.column === null) continue;
        let rows = bySheet.get(e.sheet);
        if (rows === undefined) bySheet.set(e.sheet, rows = new Map());
        const columns = rows.get(e.row);
        if (columns === undefined) rows.set(e.row, new Set([e.column])); else columns.add(e.column);
      }
    }
    return bySheet.get(sheet) ?? none;
  };
}

/** Null when no sheet the rule looks rows up in has a rejected row (every case is then judged as it is). */
export function rejectedLookups(rule: CompiledRule, workbook: IngestedWorkbook, rt: Runtime, errorCells: CellsInError): RejectedLookups | null {
  const sheets = rule.needs.looksUp.flatMap((sheet) => {
    const table = workbook.tables[sheet];
    if (table === undefined || table.rejected.length === 0) return [];
    const present = new Set(table.columns);
    // A cell in error tells nothing of whose row it is.
    const inError = errorCells(sheet);
    const rows = rejectedWithData(rule, table).map((row): Rejected => {
      const columns = inError.get(row.excelRow);
      const unread = columns === undefined ? () => false : (column: string) => columns.has(column);
      return { row, unread, code: (column) => (unread(column) ? undefined : row.values[column] ?? undefined) };
    });
    if (rows.length === 0) return [];
    // With the lookup's own test, a unique code is no key: a rule over children may look up other
    // children (`o.child_id != c.child_id`), whose codes differ from the case's by design.
    const lookup = rule.rowLookups.get(sheet);
    const keys: KeyColumn[] = (sheetById(sheet)?.columns ?? []).flatMap((c) =>
      !present.has(c.id) ? []
      : c.references ? [{ column: c.id, target: c.references.sheet, targetColumn: c.references.column }]
      : c.unique && lookup === undefined ? [{ column: c.id, target: sheet, targetColumn: c.id }] : []);
    return [{ sheet, sheetName: table.sheetName, rows, keys, byKey: keys.map((k) => indexBy(rows, k.column)), lookup }];
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
      const rows = candidates.filter((r) => s.keys.every((k) => mayBe(r, k, bound.get(k.target)))
        && (s.lookup === undefined || s.lookup(c.env, rt, r.row, r.unread)));
      if (rows.length > 0) out.push({ sheet: s.sheet, sheetName: s.sheetName, rows: rows.map((r) => r.row.excelRow).sort((a, b) => a - b) });
    }
    return out;
  };
}

/** A rejected row, whether a cell of it is in error, and the code in a key column read without error (undefined: none). */
interface Rejected { readonly row: TypedRow; readonly unread: (column: string) => boolean; readonly code: (column: string) => unknown }

/** Rejected rows by the code read in one key column, and those whose code was not read. */
interface KeyIndex { readonly byCode: ReadonlyMap<unknown, readonly Rejected[]>; readonly unread: readonly Rejected[] }

function indexBy(rows: readonly Rejected[], column: string): KeyIndex {
  const byCode = new Map<unknown, Rejected[]>();
  const unread: Rejected[] = [];
  for (const r of rows) {
    const code = r.code(column);
    if (code === undefined) { unread.push(r); continue; }
    const same = byCode.get(code);
    if (same === undefined) byCode.set(code, [r]); else same.push(r);
  }
  return { byCode, unread };
}

/** The rows whose code in the key column is unread or is that of one of the rows the case is bound to. */
function candidatesOf(index: KeyIndex, key: KeyColumn, targets: readonly TypedRow[]): Rejected[] {
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
function mayBe(r: Rejected, key: KeyColumn, targets: readonly TypedRow[] | undefined): boolean {
  const code = r.code(key.column);
  if (code === undefined || targets === undefined) return true;
  return targets.some((t) => t.values[key.targetColumn] === code);
}
