// Every finding that the examples of the bundled rule pack produce, for checking their texts: each
// example's tables run through ingest and the engine against its ruleset version (with the example's
// `param` lines applied), as `ereje rules test` runs them.
import { compileRuleFile } from '../../src/compile/index.ts';
import { parseDateText } from '../../src/core/date.ts';
import { evaluate, type Finding } from '../../src/engine/index.ts';
import { typeTables } from '../../src/ingest/index.ts';
import type { RulePack } from '../../src/rulepack/pack.ts';
import { exampleTables, withParams } from '../../src/rulepack/test-runner.ts';
import { WORKBOOK_SCHEMA } from '../../src/schema/index.ts';

export interface ExampleFinding { readonly where: string; readonly finding: Finding }

export async function exampleFindings(pack: RulePack): Promise<ExampleFinding[]> {
  const out: ExampleFinding[] = [];
  for (const { checked, ruleset } of pack.compiled) {
    const rs = checked.file.ruleset!;
    for (const rule of checked.file.rules) {
      for (const example of rule.examples) {
        if (example.expect.kind !== 'findings') continue;
        const workbook = typeTables(exampleTables(example, rs.appliesTo), { file: example.name });
        const asOf = example.asOf === null ? undefined : parseDateText(example.asOf);
        const compiled = example.params.length === 0 ? ruleset : compileRuleFile(withParams(checked, example), { calendars: pack.calendars, schema: WORKBOOK_SCHEMA });
        const versions = [{ ...compiled, rules: compiled.rules.filter((r) => r.name === rule.name) }];
        const ev = await evaluate(versions, workbook, asOf === undefined ? {} : { asOf });
        for (const finding of ev.findings) out.push({ where: `${rs.id}@${rs.version}/${rule.name} — ${example.name}`, finding });
      }
    }
  }
  return out;
}
