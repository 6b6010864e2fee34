// `ereje rules list [--as-of D] [--rules DIR] [--lang]`: rulesets, versions, in-force dates, rules.
import type { Command } from 'commander';
import { formatIsoDate } from '../../../core/date.ts';
import type { Lang } from '../../../core/lang.ts';
import { loadPackReporting } from '../../../rulepack/cli-support.ts';
import { listRulesets, renderList } from '../../../rulepack/list.ts';
import { defaultRulesDir } from '../../../rulepack/load.ts';
import { langOption, parseAsOf, rulesDirsOption } from '../../options.ts';
import type { CliIO } from '../../main.ts';

export function registerRulesList(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('list')
    .description('List rulesets and their versions (act, in-force dates — approximate ones marked ≈ with their basis) and each rule\'s clause and severity.')
    .option('--as-of <date>', 'only the versions in force on this date (2010-03-21 or 21.03.2010)')
    .addOption(rulesDirsOption())
    .addOption(langOption('language of titles and labels'))
    .action(async (flags: { asOf?: string; rules?: string[]; lang: Lang }) => {
      const asOf = parseAsOf(flags.asOf);
      const pack = await loadPackReporting(flags.rules ?? defaultRulesDir(), flags.lang, io.stderr);
      io.stdout(renderList(listRulesets(pack, flags.lang, asOf), flags.lang, asOf === undefined ? undefined : formatIsoDate(asOf), pack.dir));
      setExit(pack.ok ? 0 : 2);
    });
}
