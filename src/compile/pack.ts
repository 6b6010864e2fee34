// Rule sources (text already read by src/rulepack/load.ts) → parsed, checked, compiled rulesets.
import type { WorkingDayCalendar } from '../calendar/index.ts';
import type { Diagnostic } from '../lang/ast.ts';
import { checkRuleFiles, parseRuleFile } from '../lang/index.ts';
import { WORKBOOK_SCHEMA } from '../schema/index.ts';
import type { WorkbookSchema } from '../schema/types.ts';
import { compileRuleFile } from './ruleset.ts';
import type { CompiledRuleset } from './types.ts';

export interface CompiledPack {
  /** Empty when any file has an error diagnostic (a pack compiles whole or not at all). */
  readonly rulesets: readonly CompiledRuleset[];
  readonly diagnostics: readonly Diagnostic[];
}

export function compileRulePack(
  sources: readonly { readonly path: string; readonly text: string }[],
  env: { readonly calendars: ReadonlyMap<string, WorkingDayCalendar>; readonly schema?: WorkbookSchema },
): CompiledPack {
  const parsed = sources.map((s) => parseRuleFile(s.text, s.path));
  const diagnostics: Diagnostic[] = parsed.flatMap((p) => p.diagnostics);
  const files = parsed.flatMap((p) => (p.file ? [p.file] : []));
  const checked = checkRuleFiles(files, env.schema ?? WORKBOOK_SCHEMA);
  diagnostics.push(...checked.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { rulesets: [], diagnostics };
  const rulesets = checked.checked.filter((c) => c.file.ruleset !== null).map((c) => compileRuleFile(c, env));
  return { rulesets, diagnostics };
}
