// AST → json-rules-engine rules + derived facts. See docs/syntax-sketch.md for the semantics.
export { compileRuleFile, type CompileEnv } from './ruleset.ts';
export { CompileError } from './expr.ts';
export { OPERATORS, type OperatorFn } from './operators.ts';
export { factOperand } from './conditions.ts';
export { periodOf, periodsIn } from './periods.ts';
// The canonical printer of src/lang (as `rules fmt` writes it) names derived facts and requirements.
export { formatExpr as exprToText } from '../lang/format-expr.ts';
export { displayValue } from './display.ts';
export { Interval, Item, Period, RowRef, type Value } from './values.ts';
export { NotEvaluatedSignal } from './types.ts';
export type { Case, CompiledRule, CompiledRuleset, CompiledRequirement, ConditionJson, Env, ExprFn, Runtime, RulesetJson } from './types.ts';
