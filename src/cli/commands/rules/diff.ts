// `ereje rules diff <ruleset@versionA> <ruleset@versionB> [--rules DIR…] [--lang]`: clause-level differences.
import type { Command } from 'commander';
import type { Lang } from '../../../core/lang.ts';
import { loadPackReporting } from '../../../rulepack/cli-support.ts';
import { diffRulesets, renderDiff, tableClausesOf } from '../../../rulepack/diff.ts';
import { defaultRulesDir } from '../../../rulepack/load.ts';
import { langOption, rulesDirsOption } from '../../options.ts';
import { FatalError } from '../../errors.ts';
import type { CliIO } from '../../main.ts';

export function registerRulesDiff(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('diff')
    .description('Clause-level differences between two versions of a ruleset: rules added, removed or changed (clause, quote, severity, scope, condition, messages), parameter values, header.')
    .argument('<a>', 'older version, ruleset@version (e.g. residential@2009-240-o)')
    .argument('<b>', 'newer version, ruleset@version')
    .addOption(rulesDirsOption('rule folders to load both versions from (default: the bundled rules/)'))
    .option('--json', 'print the differences as JSON')
    .addOption(langOption('language of the labels'))
    .action(async (a: string, b: string, flags: { rules?: string[]; json?: boolean; lang: Lang }) => {
      const pack = await loadPackReporting(flags.rules ?? defaultRulesDir(), flags.lang, io.stderr);
      const find = (ref: string) => {
        const [id, version] = ref.split('@');
        if (!id || !version) throw new FatalError(`${ref}: write ruleset@version, e.g. residential@2009-240-o`);
        const hit = pack.compiled.find((c) => c.ruleset.id === id && c.ruleset.version === version);
        if (!hit) {
          const known = pack.compiled.map((c) => `${c.ruleset.id}@${c.ruleset.version}`).join(', ') || 'none';
          throw new FatalError(`${ref} is not among the compiled rule versions (${known}); check the name or pass --rules`);
        }
        return hit.checked;
      };
      const older = find(a), newer = find(b);
      const d = diffRulesets(older, newer);
      io.stdout(flags.json ? JSON.stringify(d, null, 2) + '\n' : renderDiff(d, flags.lang, tableClausesOf(newer)));
      setExit(pack.ok ? 0 : 2);
    });
}
