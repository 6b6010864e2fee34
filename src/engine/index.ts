// Evaluation: compiled rulesets × typed workbook → findings, not-evaluated rules, versions used.
export type * from './types.ts';
export { evaluate, EvaluationError, type EvaluateOptions } from './evaluate.ts';
export { selectVersions, versionOn, NoRulesetInForce } from './versions.ts';
export { compareFindings, compareClauses } from './findings.ts';
