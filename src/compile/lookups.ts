// What a rule's lookups look for, as a test of one row: could this row be what a lookup of the rule
// looked for in this case? The engine asks it of rows rejected for input errors (src/engine/rejected.ts):
// a log row of 2 March rejected for its observer's role is no evidence about 3 March, while a row whose
// date is written `1.1.10` could be any day. A lookup's `where`, read over the row's cells, decides —
// unless a cell the `where` reads is in error, when the row may be anything the lookup looked for.
import { bindVar } from './env.ts';
import type { ExprCompiler } from './expr.ts';
import { bind, caseChoosingExprs, slotOf, walk, walkChildren, type Scope } from './scope.ts';
import { NotEvaluatedSignal, type Env, type Runtime } from './types.ts';
import { Interval, RowRef } from './values.ts';
import type { Expr, RuleDecl } from '../lang/ast.ts';
import type { TypedRow } from '../ingest/types.ts';

/** Whether `row` could be what the rule looked up in its sheet for the case `env`; `inError` tells the cells not read. */
export type RowLookup = (env: Env, rt: Runtime, row: TypedRow, inError: (column: string) => boolean) => boolean;

/**
 * A test per sheet whose every lookup can be read this way: the `exists`/`count`/`first`/… of the
 * requirement and of the `let`s it reads (directly or through another `let`), judged in the case's final
 * environment, and the rows of a `per … except`. A sheet also looked up elsewhere — to choose cases
 * (`for`, `where`, `each item`, `per … within`), inside another lookup's `where` — gets none: the engine
 * then falls back on the sheet's key codes, which withhold more but never less.
 */
export function rowLookups(decl: RuleDecl, reqExprs: readonly Expr[], exprs: ExprCompiler, scope: Scope): ReadonlyMap<string, RowLookup> {
  const lets = new Map(decl.steps.flatMap((s) => (s.kind === 'Let' ? [[s.name, s.value] as const] : [])));
  // The requirement and the lets it reads, through other lets (inside lookups too: a let is in the case).
  const roots: Expr[] = [];
  const queue = [...reqExprs];
  const seenLets = new Set<string>();
  for (let e = queue.pop(); e !== undefined; e = queue.pop()) {
    roots.push(e);
    walk(e, (x) => { if (x.kind === 'Name' && lets.has(x.name) && !seenLets.has(x.name)) { seenLets.add(x.name); queue.push(lets.get(x.name)!); } });
  }
  const judged = new Set(roots.flatMap(topLevelLookups));

  // Every lookup anywhere in the rule; a sheet with any lookup not judged above gets no test.
  const all: Expr[] = [];
  const others = new Set<string>();
  const everywhere = (e: Expr): void => walk(e, (x) => { if (x.kind === 'Aggregate') all.push(x); });
  for (const s of decl.steps) {
    if (s.kind === 'Let') everywhere(s.value);
    else if (s.kind === 'Dated') everywhere(s.date);
    else caseChoosingExprs(s).forEach(everywhere);
  }
  reqExprs.forEach(everywhere);
  if (decl.subject) everywhere(decl.subject);
  for (const x of all) if (x.kind === 'Aggregate' && !judged.has(x)) others.add(x.sheet);

  const tests = new Map<string, RowLookup[]>();
  const polarity = polarities(decl, lets);
  for (const x of judged) {
    if (x.kind !== 'Aggregate' || others.has(x.sheet)) continue;
    // A lookup only ever read as "fewer is better" (`count(…) <= limit`): one more row cannot make the
    // case pass, so no rejected row bears on it through this lookup.
    const signs = polarity.get(x);
    if (signs !== undefined && signs.size === 1 && signs.has(-1)) { tests.set(x.sheet, [...(tests.get(x.sheet) ?? []), () => false]); continue; }
    const inner = bind(scope, x.variable, { kind: 'row', sheet: x.sheet });
    const slot = slotOf(inner, x.variable);
    const where = x.where ? exprs.compile(x.where, inner) : null;
    const reads = x.where ? fieldsOf(x.where, x.variable) : [];
    const sheet = x.sheet;
    const test: RowLookup = (env, rt, row, inError) =>
      where === null || reads.some(inError) || guarded(() => where(bindVar(env, slot, new RowRef(sheet, row)), rt) === true);
    tests.set(sheet, [...(tests.get(sheet) ?? []), test]);
  }
  // `per … except leaves l where … during l.from .. l.to`: a rejected row that could be one of those rows
  // bears on the periods its `during` overlaps (any period when the dates are in error), no other.
  for (const step of decl.steps) {
    if (step.kind !== 'Per') continue;
    const perSlot = slotOf(scope, step.variable);
    for (const x of step.except) {
      if (others.has(x.sheet)) continue;
      const inner = bind(scope, x.variable, { kind: 'row', sheet: x.sheet });
      const slot = slotOf(inner, x.variable);
      const where = x.where ? exprs.compile(x.where, inner) : null;
      const during = exprs.compile(x.during, inner);
      const whereReads = x.where ? fieldsOf(x.where, x.variable) : [];
      const duringReads = fieldsOf(x.during, x.variable);
      const sheet = x.sheet;
      const test: RowLookup = (env, rt, row, inError) => guarded(() => {
        const bound = bindVar(env, slot, new RowRef(sheet, row));
        if (where !== null && !whereReads.some(inError) && where(bound, rt) !== true) return false;
        if (duringReads.some(inError)) return true;
        const d = during(bound, rt);
        const p = env[perSlot];
        if (!(d instanceof Interval)) return false;   // an accepted row like it would exclude nothing
        return !(p instanceof Interval) || (d.from <= (p.to ?? Infinity) && (d.to ?? Infinity) >= p.from);
      });
      tests.set(sheet, [...(tests.get(sheet) ?? []), test]);
    }
  }
  const out = new Map<string, RowLookup>();
  for (const [sheet, list] of tests) out.set(sheet, (env, rt, row, inError) => list.some((t) => t(env, rt, row, inError)));
  return out;
}

/** The lookups of an expression not inside another lookup (whose variable no case environment holds). */
function topLevelLookups(e: Expr): Expr[] {
  const all: Expr[] = [];
  walk(e, (x) => { if (x.kind === 'Aggregate') all.push(x); });
  const nested = new Set<Expr>();
  for (const a of all) {
    if (a.kind !== 'Aggregate') continue;
    for (const part of [a.where, a.select]) if (part) walk(part, (x) => { if (x.kind === 'Aggregate') nested.add(x); });
  }
  return all.filter((a) => !nested.has(a));
}

/**
 * For each lookup the requirement reads (through lets), which way one more matching row moves it: +1
 * towards passing (`exists`, `count(…) >= n`), -1 towards failing (`count(…) <= n`, `not exists`), 0
 * either or unknown (`=`, arithmetic, `min`, `first`, inside another lookup). A guard of a checklist entry
 * reads the other way (the entry holds when its guard does not).
 */
function polarities(decl: RuleDecl, lets: ReadonlyMap<string, Expr>): Map<Expr, Set<number>> {
  const out = new Map<Expr, Set<number>>();
  const seen = new Set<string>();
  const visit = (e: Expr, p: number): void => {
    switch (e.kind) {
      case 'Aggregate': {
        const grows = e.fn === 'exists' || e.fn === 'count' ? p : e.fn === 'every' ? -p : 0;
        (out.get(e) ?? out.set(e, new Set()).get(e)!).add(grows);
        for (const part of [e.where, e.select]) if (part) visit(part, 0);
        return;
      }
      case 'Name': {
        const v = lets.get(e.name);
        // A let read in several places is visited once per sign it is read with.
        if (v !== undefined && !seen.has(`${e.name}:${p}`)) { seen.add(`${e.name}:${p}`); visit(v, p); }
        return;
      }
      case 'Unary': visit(e.operand, e.op === 'not' ? -p : 0); return;
      case 'Binary': { const q = e.op === 'and' || e.op === 'or' ? p : 0; visit(e.left, q); visit(e.right, q); return; }
      case 'Compare': {
        const up = e.op === '>' || e.op === '>=' ? p : e.op === '<' || e.op === '<=' ? -p : 0;
        visit(e.left, up); visit(e.right, -up); return;
      }
      default: { const kids: Expr[] = []; walkChildren(e, kids); for (const k of kids) visit(k, 0); }
    }
  };
  if (decl.require.kind === 'single') visit(decl.require.condition, 1);
  else for (const en of decl.require.entries) { visit(en.condition, 1); if (en.guard) visit(en.guard, -1); }
  return out;
}


/** The columns of `variable`'s row an expression reads. */
function fieldsOf(e: Expr, variable: string): string[] {
  const out: string[] = [];
  walk(e, (f) => { if (f.kind === 'Field' && f.object === variable && !out.includes(f.field)) out.push(f.field); });
  return out;
}

/**
 * A rejected row's values cannot make the rule itself not evaluated (a date before the working-day
 * calendar): what cannot be read about the row leaves it possibly the one looked for.
 */
function guarded(test: () => boolean): boolean {
  try {
    return test();
  } catch (err) {
    if (err instanceof NotEvaluatedSignal) return true;
    throw err;
  }
}
