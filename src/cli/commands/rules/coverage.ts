// `ereje rules coverage [--rules DIR] [--summary] [--lang]`: clause coverage per annex and point.
import type { Command } from 'commander';
import type { Lang } from '../../../core/lang.ts';
import { loadPackReporting } from '../../../rulepack/cli-support.ts';
import { packCoverage, renderCoverage } from '../../../rulepack/coverage.ts';
import { defaultRulesDir } from '../../../rulepack/load.ts';
import { langOption, rulesDirsOption } from '../../options.ts';
import type { CliIO } from '../../main.ts';

export function registerRulesCoverage(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('coverage')
    .description('Per annex and point: encoded (by which rules), partly encoded (by which rules, and what is not), narrative, not auditable (why), pending or repealed (by what), and the share of auditable points fully encoded.')
    .addOption(rulesDirsOption())
    .option('--summary', 'one line per annex, without the points')
    .addOption(langOption('language of the labels'))
    .action(async (flags: { rules?: string[]; summary?: boolean; lang: Lang }) => {
      const pack = await loadPackReporting(flags.rules ?? defaultRulesDir(), flags.lang, io.stderr);
      io.stdout(renderCoverage(packCoverage(pack), flags.lang, { points: !flags.summary, dir: pack.dir }));
      setExit(pack.ok ? 0 : 2);
    });
}
