// The fast path's evaluator of compiled condition JSON: the same operators json-rules-engine runs.
import { OPERATORS, factOperand } from '../compile/index.ts';
import type { ConditionJson, OperatorFn, Value } from '../compile/index.ts';

type ComparisonJson = Extract<ConditionJson, { readonly fact: string }>;

export function evalCondition(c: ConditionJson, facts: { fact(name: string): Value }): boolean {
  if ('all' in c) { for (const x of c.all) if (!evalCondition(x, facts)) return false; return true; }
  if ('any' in c) { for (const x of c.any) if (evalCondition(x, facts)) return true; return false; }
  if ('not' in c) return !evalCondition(c.not, facts);
  return operatorOf(c)(facts.fact(c.fact), operandOf(c, facts));
}

function operatorOf(c: ComparisonJson): OperatorFn {
  const op = OPERATORS[c.operator];
  if (!op) throw new Error(`unknown operator ${c.operator}`);
  return op;
}

/** A comparison's right-hand side: a literal, or `{ fact }` naming another fact of the case. */
function operandOf(c: ComparisonJson, facts: { fact(name: string): Value }): Value {
  const other = factOperand(c.value);
  return other === null ? (c.value as Value) : facts.fact(other);
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
  const factValue = facts.fact(c.fact), value = operandOf(c, facts);
  const dates = c.operator.startsWith('date') || c.operator === 'within';
  return { fact: c.fact, operator: c.operator, value: c.value, factValue: show(factValue, dates), compareTo: show(value, dates), result: operatorOf(c)(factValue, value) };
}
