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
