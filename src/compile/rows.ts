// Row selection for aggregates, joins and `except`: the `where` is split into conjuncts; equality
// conjuncts `x.col = E` (E not reading x) become hash keys and one `x.col within E` a sorted range, so
// `exists(health_log h where h.child_id = c.child_id and h.date within d)` is a lookup, not a scan.
// Indexes are built once per (sheet, key columns, range column) and shared through Runtime.indexes.
import { bindVar } from './env.ts';
import type { TypedRow } from '../ingest/types.ts';
import type { Expr } from '../lang/ast.ts';
import { OPERATORS } from './operators.ts';
import { mentions } from './scope.ts';
import type { Env, ExprFn, Runtime } from './types.ts';
import { Interval, RowRef, isEmptyValue, type Value } from './values.ts';

export interface RowSelector {
  /** Matching rows in sheet order. */
  select(env: Env, rt: Runtime): readonly TypedRow[];
  count(env: Env, rt: Runtime): number;
  exists(env: Env, rt: Runtime): boolean;
}

interface Plan {
  readonly eq: readonly { readonly column: string; readonly key: ExprFn }[];
  readonly range: { readonly column: string; readonly interval: ExprFn } | null;
  readonly residual: ExprFn | null;
}

interface Index {
  /** Keyed by the value itself for one key column, else by a composite string of keyParts. */
  readonly buckets: Map<unknown, TypedRow[]>;
}

function conjuncts(e: Expr | null): Expr[] {
  if (e === null) return [];
  if (e.kind === 'Binary' && e.op === 'and') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}

/** A hashable key value: strings, numbers and booleans (Map keys keep `1` and `'1'` apart, like keyPart). */
function isHashable(v: Value | undefined): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function keyPart(v: Value): string | null {
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return `b${v}`;
  return null;
}

export function makeRowSelector(
  sheet: string, variable: string, slot: number, where: Expr | null,
  compile: (e: Expr) => ExprFn,
): RowSelector {
  const eq: { column: string; key: ExprFn }[] = [];
  let range: Plan['range'] = null;
  const rest: Expr[] = [];
  for (const c of conjuncts(where)) {
    if (c.kind === 'Compare' && c.op === '=') {
      const [f, other] = c.left.kind === 'Field' && c.left.object === variable ? [c.left, c.right]
        : c.right.kind === 'Field' && c.right.object === variable ? [c.right, c.left] : [null, null];
      if (f && other && f.kind === 'Field' && !mentions(other, variable)) { eq.push({ column: f.field, key: compile(other) }); continue; }
    }
    if (c.kind === 'Compare' && c.op === 'within' && range === null && c.left.kind === 'Field' && c.left.object === variable && !mentions(c.right, variable)) {
      range = { column: c.left.field, interval: compile(c.right) };
      continue;
    }
    rest.push(c);
  }
  const residualExpr = rest.reduceRight<Expr | null>((acc, c) => (acc === null ? c : { kind: 'Binary', op: 'and', left: c, right: acc, span: c.span }), null);
  const plan: Plan = { eq, range, residual: residualExpr ? compile(residualExpr) : null };
  const fullWhere = where ? compile(where) : null;
  const indexKey = `${sheet}|${eq.map((e) => e.column).join(',')}|${range?.column ?? ''}`;

  const scan = (env: Env, rt: Runtime): TypedRow[] => {
    const table = rt.tables[sheet];
    if (!table) return [];
    if (!fullWhere) return table.rows as TypedRow[];
    const out: TypedRow[] = [];
    for (const row of table.rows) if (fullWhere(bindVar(env, slot, new RowRef(sheet, row)), rt) === true) out.push(row);
    return out;
  };

  if (eq.length === 0 && range === null) {
    return { select: scan, count: (env, rt) => scan(env, rt).length, exists: (env, rt) => scan(env, rt).length > 0 };
  }

  const single = eq.length === 1 ? eq[0]!.column : null;
  const indexOf = (rt: Runtime): Index => {
    let idx = rt.indexes.get(indexKey) as Index | undefined;
    if (idx) return idx;
    const buckets = new Map<unknown, TypedRow[]>();
    for (const row of rt.tables[sheet]?.rows ?? []) {
      if (range && typeof row.values[range.column] !== 'number') continue;
      let k: unknown;
      if (single !== null) {
        const v = row.values[single] as Value | undefined;
        if (!isHashable(v)) continue;
        k = v;
      } else {
        let s = '';
        let ok = true;
        for (const e of eq) { const p = keyPart(row.values[e.column] as Value ?? null); if (p === null) { ok = false; break; } s += p + '\u0001'; }
        if (!ok) continue;
        k = s;
      }
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = []));
      b.push(row);
    }
    if (range) for (const b of buckets.values()) b.sort((x, y) => (x.values[range!.column] as number) - (y.values[range!.column] as number) || x.excelRow - y.excelRow);
    idx = { buckets };
    rt.indexes.set(indexKey, idx);
    return idx;
  };

  const keep = (env: Env, rt: Runtime, r: TypedRow): boolean =>
    plan.residual === null || plan.residual(bindVar(env, slot, new RowRef(sheet, r)), rt) === true;

  /** Every row the `where` admits (when a key value cannot be hashed): into `out`, or counted. */
  const scanned = (env: Env, rt: Runtime, out: TypedRow[] | null, firstOnly: boolean): number => {
    const rows = scan(env, rt);
    if (out) for (const r of rows) out.push(r);   // not push(...rows): a sheet can have 100k+ rows
    return firstOnly ? Math.min(rows.length, 1) : rows.length;
  };

  /** Matching rows: into `out` (unordered within a range bucket), or counted; `firstOnly` stops at one. */
  const matches = (env: Env, rt: Runtime, out: TypedRow[] | null, firstOnly: boolean): number => {
    let k: unknown;
    if (single !== null) {
      const v = eq[0]!.key(env, rt);
      if (isEmptyValue(v)) return 0;              // `x.col = empty` is false for every row
      if (!isHashable(v)) return scanned(env, rt, out, firstOnly);   // an item or list key: no hash, scan
      k = v;
    } else {
      let s = '';
      for (const e of eq) {
        const v = e.key(env, rt);
        if (isEmptyValue(v)) return 0;
        const p = keyPart(v);
        if (p === null) return scanned(env, rt, out, firstOnly);
        s += p + '\u0001';
      }
      k = s;
    }
    const bucket = indexOf(rt).buckets.get(k);
    if (!bucket) return 0;
    let n = 0;
    let lo = 0, end = bucket.length;
    const col = range?.column ?? '';
    let iv: Value = null;
    if (range) {
      iv = range.interval(env, rt);
      if (iv instanceof Interval) {
        let hi = bucket.length;
        while (lo < hi) { const m = (lo + hi) >> 1; if ((bucket[m]!.values[col] as number) < iv.from) lo = m + 1; else hi = m; }
        const to = iv.to ?? Infinity;
        end = bucket.length;
        for (let a = lo; a < end;) { const m = (a + end) >> 1; if ((bucket[m]!.values[col] as number) <= to) a = m + 1; else end = m; }
      }
    }
    // Without a residual condition every row of the slice matches: a count needs no walk.
    if (out === null && plan.residual === null && (!range || iv instanceof Interval)) return firstOnly ? Math.min(end - lo, 1) : end - lo;
    for (let i = lo; i < end; i++) {
      const r = bucket[i]!;
      if (range && !(iv instanceof Interval) && !OPERATORS.within!(r.values[col] as Value, iv)) continue;
      if (!keep(env, rt, r)) continue;
      n++;
      if (out) out.push(r);
      if (firstOnly) break;
    }
    return n;
  };

  return {
    select(env, rt) {
      const out: TypedRow[] = [];
      matches(env, rt, out, false);
      if (range && out.length > 1) out.sort((x, y) => x.excelRow - y.excelRow);
      return out;
    },
    count: (env, rt) => matches(env, rt, null, false),
    exists: (env, rt) => matches(env, rt, null, true) > 0,
  };
}
