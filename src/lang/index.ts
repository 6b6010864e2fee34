// The rule language front end: parse, check, render diagnostics, format.
export { parseRuleFile, type ParseResult } from './parse.ts';
export type * from './ast.ts';
