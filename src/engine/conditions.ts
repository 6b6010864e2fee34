// The fast path's evaluator of compiled condition JSON: the same operators json-rules-engine runs.
import { OPERATORS } from '../compile/index.ts';
import type { ConditionJson, Value } from '../compile/index.ts';

export function evalCondition(c: ConditionJson, facts: { fact(name: string): Value }): boolean {
  if ('all' in c) { for (const x of c.all) if (!evalCondition(x, facts)) return false; return true; }
  if ('any' in c) { for (const x of c.any) if (evalCondition(x, facts)) return true; return false; }
  if ('not' in c) return !evalCondition(c.not, facts);
  const op = OPERATORS[c.operator];
  if (!op) throw new Error(`unknown operator ${c.operator}`);
  const v = c.value as { fact?: unknown } | null;
  const value = v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string' ? facts.fact(v.fact) : (c.value as Value);
  return op(facts.fact(c.fact), value);
}

/** A condition with what each comparison saw: `explain` output for a failing case. */
export type ExplainedCondition =
  | { readonly all: readonly ExplainedCondition[]; readonly result: boolean }
  | { readonly any: readonly ExplainedCondition[]; readonly result: boolean }
  | { readonly not: ExplainedCondition; readonly result: boolean }
  | { readonly fact: string; readonly operator: string; readonly value: unknown; readonly factValue: string; readonly compareTo: string; readonly result: boolean };

export function explainCondition(c: ConditionJson, facts: { fact(name: string): Value }, show: (v: Value, isDate: boolean) => string): ExplainedCondition {
  if ('all' in c) { const all = c.all.map((x) => explainCondition(x, facts, show)); return { all, result: all.every((x) => x.result) }; }
  if ('any' in c) { const any = c.any.map((x) => explainCondition(x, facts, show)); return { any, result: any.some((x) => x.result) }; }
  if ('not' in c) { const inner = explainCondition(c.not, facts, show); return { not: inner, result: !inner.result }; }
  const v = c.value as { fact?: unknown } | null;
  const value = v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v.fact === 'string' ? facts.fact(v.fact) : (c.value as Value);
  const dates = c.operator.startsWith('date') || c.operator === 'within';
  return { fact: c.fact, operator: c.operator, value: c.value, factValue: show(facts.fact(c.fact), dates), compareTo: show(value, dates), result: evalCondition(c, facts) };
}
