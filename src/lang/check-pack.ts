// Parse + check a whole set of rule files at once (imports resolve among them). Pure: the CLI reads the
// files; later stages (compile, quote verification in src/rulepack) plug in as hooks.
import type { CheckedRuleFile, Diagnostic, RuleFile } from './ast.ts';
import type { WorkbookSchema } from '../schema/types.ts';
import { checkRuleFiles } from './check.ts';
import { capDiagnostics } from './limits.ts';
import { parseRuleFile, type ParseResult } from './parse.ts';

export interface RuleSourceText {
  readonly path: string;
  readonly text: string;
  /** `parseRuleFile(text, path)`, when the caller has parsed the file already (to follow its imports). */
  readonly parsed?: ParseResult;
}

export interface RulePackCheck {
  readonly sources: readonly RuleSourceText[];
  /** Files that parsed (with or without checker errors). */
  readonly parsed: readonly RuleFile[];
  /** Files that parsed and passed the checker. */
  readonly checked: readonly CheckedRuleFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly ruleCount: number;
  /** Files with syntax errors: only the rules outside the errors were checked (if any). */
  readonly partlyChecked: readonly { readonly path: string; readonly skippedRules: number | null }[];
}

/** Whether a checked file was built from a file read only in part (an amendment counts its whole chain). */
export function readInPart(f: RuleFile, partial: ReadonlySet<RuleFile>): boolean {
  return (f.amendment?.chain ?? [f]).some((x) => partial.has(x));
}

/** A later stage run by `ereje rules check` after parsing and checking: returns more diagnostics. */
export type RulePackCheckHook = (result: RulePackCheck) => readonly Diagnostic[];

export function checkRulePack(sources: readonly RuleSourceText[], schema: WorkbookSchema, hooks: readonly RulePackCheckHook[] = []): RulePackCheck {
  const diagnostics: Diagnostic[] = [];
  const parsed: RuleFile[] = [];
  const partial: RuleFile[] = [];
  const partlyChecked: { path: string; skippedRules: number | null }[] = [];
  for (const s of sources) {
    const r = s.parsed ?? parseRuleFile(s.text, s.path);
    diagnostics.push(...r.diagnostics);
    if (r.file) parsed.push(r.file);
    else {
      // parseRuleFile offers the rest of the file only when it is safe to check it on its own.
      if (r.partial) partial.push(r.partial.file);
      partlyChecked.push({ path: s.path, skippedRules: r.partial?.skippedRules ?? null });
    }
  }
  // The rest of a file with syntax errors is checked too, but only whole files go on to later stages.
  const checkedResult = checkRuleFiles([...parsed, ...partial], schema);
  diagnostics.push(...checkedResult.diagnostics);
  const partialFiles = new Set(partial);
  let result: RulePackCheck = {
    sources, parsed, checked: checkedResult.checked.filter((c) => !readInPart(c.file, partialFiles)), diagnostics: capDiagnostics(diagnostics),
    ruleCount: [...parsed, ...partial].reduce((n, f) => n + f.rules.length + f.changes.length, 0), partlyChecked,
  };
  for (const hook of hooks) {
    const more = hook(result);
    if (more.length > 0) result = { ...result, diagnostics: capDiagnostics([...result.diagnostics, ...more]) };
  }
  return result;
}
