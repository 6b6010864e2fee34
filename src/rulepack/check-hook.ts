// `ereje rules check` runs parse + check (src/lang); this hook adds what the rule pack knows: quotes
// verified against the act, compilation, and the clause manifests beside each ruleset file.
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../lang/ast.ts';
import type { RulePackCheck } from '../lang/index.ts';
import { afterCheck } from './pack.ts';

export function rulePackCheckHook(result: RulePackCheck): readonly Diagnostic[] {
  const first = result.parsed[0]?.path;
  const dir = first === undefined ? process.cwd() : dirname(resolve(first));
  return afterCheck(dir, result.parsed, result.checked, result.diagnostics).diagnostics;
}
