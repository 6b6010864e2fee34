// The rule pack for `ereje audit`: rule files → compiled rulesets (refused unless they all compile),
// the evaluation of one workbook, and the Kazakh quotes the reports show. The pack comes from the pack
// cache when it can (see rulepack/pack-cache.ts), and only the versions for the workbook's facility kind
// are compiled.
import { localize, type Lang } from '../core/lang.ts';
import { evaluate, NoRulesetInForce } from '../engine/index.ts';
import type { Diagnostic } from '../lang/ast.ts';
import { displayPath } from '../rulepack/load.ts';
import { loadAuditRulePack, type PackCacheOptions } from '../rulepack/pack-cache.ts';
import type { AuditPack } from './audit-run.ts';
import { FatalError, prefixed } from './errors.ts';
import { cliText } from './messages.ts';

/** A path as a person at this command line finds it. */
const shownPath = (path: string) => displayPath(path, process.cwd());

/**
 * A rule pack that does not compile is one fatal line with its first diagnostic; `ereje rules check` lists
 * every one. The same refusal for `ereje audit` and `ereje web`.
 */
export function refuseUncompiledPack(pack: { readonly ok: boolean; readonly diagnostics: readonly Diagnostic[] }, dir: string): void {
  const errors = pack.diagnostics.filter((d) => d.severity === 'error');
  if (pack.ok && errors.length === 0) return;
  const first = errors[0];
  const where = (lang: Lang) => (first ? `${shownPath(first.span.file)}:${first.span.line}:${first.span.col}: ${first.message[lang]}` : '?');
  throw new FatalError(localize((lang) => cliText.rulesDoNotCompile(dir, where(lang), errors.length - 1)[lang]));
}

export async function loadAuditPack(dir: string, options: PackCacheOptions = {}): Promise<AuditPack> {
  const pack = await loadAuditRulePack(dir, options);
  refuseUncompiledPack(pack, dir);
  if (pack.versions.length === 0) throw new FatalError(cliText.noRuleset(dir));
  return {
    quotes: pack.quotes,
    // `rule@version` → `rules/kz/…/residential/2009-240-o.ereje:1099` (an amendment's inherited rules point
    // into the version they come from).
    sources: new Map([...pack.sources].map(([rule, at]) => [rule, `${shownPath(at.file)}:${at.line}`])),
    evaluate: async (workbook, asOf, explain = false) => {
      const kind = workbook.facility?.kind ?? null;
      // No version for the kind: every version is loaded, so that the error lists what the pack holds.
      const forKind = pack.rulesetsFor(kind);
      const rulesets = forKind.length > 0 ? forKind : pack.rulesetsFor(null);
      try {
        return await evaluate(rulesets, workbook, { asOf, explain });
      } catch (err) {
        if (err instanceof NoRulesetInForce) throw new FatalError(prefixed(`${workbook.file}: `, err.text));
        throw err;
      }
    },
  };
}
