// The rule language front end: parse, check, render diagnostics, format.
export { parseRuleFile, type ParseResult } from './parse.ts';
export type * from './ast.ts';
export { checkRuleFiles, type CheckResult } from './check.ts';
export { BUILTIN_FUNCTIONS, BUILTIN_NAMES, AGGREGATE_SIGNATURES, type BuiltinFunction } from './builtins.ts';
export { renderDiagnostic, renderDiagnostics } from './render.ts';
export { formatRuleFile, printRuleFile } from './format.ts';
export { formatExpr } from './format-expr.ts';
export { checkRulePack, readInPart, type RulePackCheck, type RulePackCheckHook, type RuleSourceText } from './check-pack.ts';
export { applyAmendments, writtenFile } from './amend.ts';
export { importTarget } from './import-target.ts';
export { checkTimeline } from './timeline.ts';
export { capDiagnostics, MAX_ERRORS_PER_FILE, MAX_NESTING } from './limits.ts';
export { textIn, textsOf, INTERPRETATION_MARKS, isInterpretation } from './texts.ts';
