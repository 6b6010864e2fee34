// `ereje rules check` runs parse + check (src/lang); this hook adds what the rule pack knows: quotes
// verified against the act, compilation, and the clause manifests beside each ruleset file.
import { dirname, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { Diagnostic } from '../lang/ast.ts';
import type { RulePackCheck, RulePackCheckHook } from '../lang/index.ts';
import { shownPath } from './cli-support.ts';
import { afterCheck } from './pack.ts';

/** The hook for a check of `roots` (folders are searched for manifests whose rule file is gone). */
export function rulePackCheckHook(roots: readonly string[] = []): RulePackCheckHook {
  const dirs = roots.filter(isDir).map((r) => resolve(r));
  return (result: RulePackCheck): readonly Diagnostic[] => {
    const first = result.parsed[0]?.path;
    const dir = first === undefined ? process.cwd() : dirname(resolve(first));
    return afterCheck(dir, result.parsed, result.checked, result.diagnostics, { dirs, show: shownPath }).diagnostics;
  };
}

function isDir(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
}
