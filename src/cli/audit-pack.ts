// The rule pack for `ereje audit`: rule files → compiled rulesets (refused unless they all compile),
// the evaluation of one workbook, and the Kazakh quotes the reports show.
import type { Lang } from '../core/lang.ts';
import { evaluate, NoRulesetInForce } from '../engine/index.ts';
import { shownPath } from '../rulepack/cli-support.ts';
import { loadRulePack, quoteMap } from '../rulepack/pack.ts';
import type { AuditPack } from './audit-run.ts';
import { FatalError } from './errors.ts';

/** Fatal lines are English, like every other fatal line of the CLI; `ereje rules check` lists every diagnostic. */
export async function loadAuditPack(dir: string, lang: Lang = 'en'): Promise<AuditPack> {
  const pack = await loadRulePack(dir);
  const errors = pack.diagnostics.filter((d) => d.severity === 'error');
  if (!pack.ok || errors.length > 0) {
    const first = errors[0];
    const where = first ? `${shownPath(first.span.file)}:${first.span.line}:${first.span.col}: ${first.message[lang]}` : 'unknown problem';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new FatalError(`the rule files in ${dir} do not compile — ${where}${more}; run \`ereje rules check ${dir}\` to see every problem.`);
  }
  if (pack.rulesets.length === 0) {
    throw new FatalError(`${dir} holds no ruleset (no .ereje file with a \`ruleset\` block); pass --rules with the folder of the rule pack.`);
  }
  const rulesets = pack.rulesets;
  return {
    quotes: quoteMap(pack),
    evaluate: async (workbook, asOf) => {
      try {
        return await evaluate(rulesets, workbook, { asOf });
      } catch (err) {
        if (err instanceof NoRulesetInForce) throw new FatalError(`${workbook.file}: ${err.message}`);
        throw err;
      }
    },
  };
}
