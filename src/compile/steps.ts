// Query steps → a case generator: for/join/where/let/per/dated/each item, run in order like a comprehension.
import { bindVar, ROOT_ENV } from './env.ts';
import type { DayNumber } from '../core/date.ts';
import type { Expr, Step } from '../lang/ast.ts';
import { ExprCompiler } from './expr.ts';
import { periodsIn } from './periods.ts';
import { formatExpr } from '../lang/format-expr.ts';
import { makeRowSelector } from './rows.ts';
import { bind, slotOf, type Scope } from './scope.ts';
import type { Case, Env, Runtime } from './types.ts';
import { Interval, Item, RowRef, isEmptyValue, listOf, type Period, type Value } from './values.ts';

interface State {
  readonly env: Env;
  readonly periods: readonly Period[];
  readonly items: readonly string[];
  readonly dated: DayNumber | null;
  readonly periodEnd: DayNumber | null;
}

type StepRunner = (s: State, rt: Runtime, next: (s: State) => void) => void;

const extend = (s: State, slot: number, v: Value): State => ({ env: bindVar(s.env, slot, v), periods: s.periods, items: s.items, dated: s.dated, periodEnd: s.periodEnd });

/** Compiles the steps; returns the generator and the scope after the last step (for the requirement). */
export function compileSteps(steps: readonly Step[], exprs: ExprCompiler, scope0: Scope): { scope: Scope; generate: (rt: Runtime, emit: (c: Case) => void) => void } {
  let scope = scope0;
  const runners: StepRunner[] = [];
  for (const step of steps) {
    switch (step.kind) {
      case 'For': {
        const v = step.variable;
        if (step.source.kind === 'sheet') {
          const sheet = step.source.sheet;
          scope = bind(scope, v, { kind: 'row', sheet });
          const slot = slotOf(scope, v);
          runners.push((s, rt, next) => { for (const row of rt.tables[sheet]?.rows ?? []) next(extend(s, slot, new RowRef(sheet, row))); });
        } else {
          const list = exprs.compile(step.source.expr, scope);
          const t = exprs.typeOf(step.source.expr, scope);
          // `[spring_summer, autumn_winter]`: the checker types each code by where it is compared, not the list.
          const first = step.source.expr.kind === 'List' ? step.source.expr.elements[0] : undefined;
          const firstType = first ? exprs.typeOf(first, scope) : null;
          const of = t?.t === 'list' ? t.of : firstType?.t === 'enum' ? firstType : null;
          scope = bind(scope, v, { kind: 'value', type: of });
          const slot = slotOf(scope, v);
          runners.push((s, rt, next) => {
            const val = list(s.env, rt);
            const xs = listOf(val) ?? (isEmptyValue(val) ? [] : [val]);
            for (const x of xs) next(extend(s, slot, x));
          });
        }
        break;
      }
      case 'Join': {
        const inner = bind(scope, step.variable, { kind: 'row', sheet: step.sheet });
        const slot = slotOf(inner, step.variable);
        const sel = makeRowSelector(step.sheet, step.variable, slot, step.on, (x) => exprs.compile(x, inner));
        const sheet = step.sheet;
        runners.push((s, rt, next) => { const row = sel.select(s.env, rt)[0]; if (row) next(extend(s, slot, new RowRef(sheet, row))); });
        scope = inner;
        break;
      }
      case 'Where': {
        const cond = exprs.compile(step.condition, scope);
        runners.push((s, rt, next) => { if (cond(s.env, rt) === true) next(s); });
        break;
      }
      case 'Let': {
        const f = exprs.compile(step.value, scope);
        scope = bind(scope, step.name, { kind: 'let', expr: step.value });
        const slot = slotOf(scope, step.name);
        runners.push((s, rt, next) => next(extend(s, slot, f(s.env, rt))));
        break;
      }
      case 'Per': {
        const within = exprs.compile(step.within, scope);
        const excepts = step.except.map((x) => {
          const inner = bind(scope, x.variable, { kind: 'row', sheet: x.sheet });
          const slot = slotOf(inner, x.variable);
          return {
            slot, sheet: x.sheet,
            rows: makeRowSelector(x.sheet, x.variable, slot, x.where, (e: Expr) => exprs.compile(e, inner)),
            during: exprs.compile(x.during, inner),
          };
        });
        const { unit, full } = step;
        scope = bind(scope, step.variable, { kind: 'period' });
        const slot = slotOf(scope, step.variable);
        runners.push((s, rt, next) => {
          const iv = within(s.env, rt);
          if (!(iv instanceof Interval)) return;
          // An open-ended interval (a child still in care) runs to the end of the audit period.
          const to = iv.to ?? rt.auditPeriod.to;
          const ranges: [number, number][] = [];
          for (const x of excepts) {
            for (const row of x.rows.select(s.env, rt)) {
              const d = x.during(bindVar(s.env, x.slot, new RowRef(x.sheet, row)), rt);
              if (d instanceof Interval) ranges.push([d.from, d.to ?? Infinity]);
            }
          }
          const excluded = ranges.length === 0 ? null : (d: number) => ranges.some(([a, b]) => d >= a && d <= b);
          for (const p of periodsIn(unit, iv.from, to, full, excluded)) {
            next({ env: bindVar(s.env, slot, p), periods: [...s.periods, p], items: s.items, dated: s.dated, periodEnd: p.end });
          }
        });
        break;
      }
      case 'Dated': {
        const f = exprs.compile(step.date, scope);
        runners.push((s, rt, next) => { const d = f(s.env, rt); next({ ...s, dated: typeof d === 'number' ? d : null }); });
        break;
      }
      case 'Items': {
        const itemScope = bind(scope, step.variable, { kind: 'item' });
        const slot = slotOf(itemScope, step.variable);
        if (step.items.kind === 'literal') {
          const entries = step.items.entries.map((en) => ({
            label: en.alternatives.map((a) => formatExpr(a)).join('|'),
            alternatives: en.alternatives.map((a) => exprs.compile(a, scope)),
            guard: en.guard ? exprs.compile(en.guard, scope) : null,
          }));
          runners.push((s, rt, next) => {
            for (const en of entries) {
              if (en.guard && en.guard(s.env, rt) !== true) continue;
              const item = new Item(en.label, en.alternatives.map((a) => a(s.env, rt)));
              next({ ...extend(s, slot, item), items: [...s.items, en.label] });
            }
          });
        } else {
          const list = exprs.compile(step.items.expr, scope);
          runners.push((s, rt, next) => {
            for (const x of listOf(list(s.env, rt)) ?? []) next({ ...extend(s, slot, x), items: [...s.items, displayPlain(x)] });
          });
        }
        scope = itemScope;
        break;
      }
    }
  }
  const generate = (rt: Runtime, emit: (c: Case) => void): void => {
    // One continuation per step, made once per run (not per case).
    const conts: ((s: State) => void)[] = new Array(runners.length + 1);
    conts[runners.length] = emit;
    for (let i = runners.length - 1; i >= 0; i--) {
      const run = runners[i]!, next = conts[i + 1]!;
      conts[i] = (s) => run(s, rt, next);
    }
    conts[0]!({ env: ROOT_ENV, periods: [], items: [], dated: null, periodEnd: null });
  };
  return { scope, generate };
}

function displayPlain(v: Value): string {
  if (v instanceof Item) return v.label;
  return v === null ? '' : String(v);
}
