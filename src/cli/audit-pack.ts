// The rule pack for `ereje audit`: rule files → compiled rulesets (refused unless they all compile),
// the evaluation of one workbook, and the Kazakh quotes the reports show.
import { LANGS, type Lang } from '../core/lang.ts';
import { evaluate, NoRulesetInForce } from '../engine/index.ts';
import { shownPath } from '../rulepack/cli-support.ts';
import { loadRulePack, quoteMap, type RulePack } from '../rulepack/pack.ts';
import type { AuditPack } from './audit-run.ts';
import { FatalError, prefixed } from './errors.ts';
import { cliText } from './messages.ts';

/** A rule pack that does not compile is one fatal line with its first diagnostic; `ereje rules check` lists every one. */
export async function loadAuditPack(dir: string): Promise<AuditPack> {
  const pack = await loadRulePack(dir);
  const errors = pack.diagnostics.filter((d) => d.severity === 'error');
  if (!pack.ok || errors.length > 0) {
    const first = errors[0];
    const where = (lang: Lang) => (first ? `${shownPath(first.span.file)}:${first.span.line}:${first.span.col}: ${first.message[lang]}` : '?');
    const text = Object.fromEntries(LANGS.map((lang) => [lang, cliText.rulesDoNotCompile(dir, where(lang), errors.length - 1)[lang]])) as Record<Lang, string>;
    throw new FatalError(text);
  }
  if (pack.rulesets.length === 0) throw new FatalError(cliText.noRuleset(dir));
  const rulesets = pack.rulesets;
  return {
    quotes: quoteMap(pack),
    sources: sourceLines(pack),
    evaluate: async (workbook, asOf, explain = false) => {
      try {
        return await evaluate(rulesets, workbook, { asOf, explain });
      } catch (err) {
        if (err instanceof NoRulesetInForce) throw new FatalError(prefixed(`${workbook.file}: `, err.text));
        throw err;
      }
    },
  };
}

/**
 * `rule@version` → the rule's first line, `rules/kz/…/residential/2009-240-o.ereje:1099`, as a person at
 * this command line finds it (an amendment's inherited rules point into the version they come from).
 */
export function sourceLines(pack: RulePack): Map<string, string> {
  const out = new Map<string, string>();
  for (const { checked, ruleset } of pack.compiled) {
    for (const r of checked.file.rules) out.set(`${ruleset.id}/${r.name}@${ruleset.version}`, `${shownPath(r.span.file)}:${r.span.line}`);
  }
  return out;
}
