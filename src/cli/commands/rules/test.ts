// `ereje rules test [DIR] [--lang] [--rule NAME]`: runs the examples written inside the rule files.
import type { Command } from 'commander';
import type { Lang } from '../../../core/lang.ts';
import { loadPackReporting, shownPath } from '../../../rulepack/cli-support.ts';
import { defaultRulesDir, ruleFolderProblem } from '../../../rulepack/load.ts';
import { langOption } from '../../options.ts';
import { closest } from '../../../core/did-you-mean.ts';
import { FatalError } from '../../errors.ts';
import { cliText } from '../../messages.ts';
import { notRunText, planExamples, summarize, summaryLine } from '../../../rulepack/test-runner.ts';
import type { CliIO } from '../../main.ts';

export function registerRulesTest(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('test')
    .description('Run every example written in the rule files (**/*.ereje) under DIR through ingest, compile and the engine, against each version of its rule in force over its audit period; exit 1 if any fails.')
    .argument('[dirs...]', 'folders of rule files, or .ereje files (default: the bundled rules/); an amendment is tested together with the folder of the version it amends')
    .addOption(langOption('language of the messages'))
    .option('--rule <name>', 'only the rules with this name (or ruleset/name)')
    .option('--verbose', 'list passing examples too')
    .action(async (given: string[], flags: { lang: Lang; rule?: string; verbose?: boolean }) => {
      const dirs = given.length > 0 ? given : [defaultRulesDir()];
      for (const dir of dirs) {
        const problem = await ruleFolderProblem(dir);
        if (problem) throw new FatalError(problem);
      }
      const pack = await loadPackReporting(dirs, flags.lang, io.stderr);
      const filter = flags.rule === undefined ? undefined : (rs: string, name: string) => name === flags.rule || `${rs}/${name}` === flags.rule;
      if (flags.rule !== undefined && filter !== undefined) {
        // A misspelt --rule would otherwise run nothing and report "0 passed".
        const names = pack.checked.flatMap((c) => (c.file.ruleset ? c.file.rules.map((r) => [c.file.ruleset!.id, r.name] as const) : []));
        if (!names.some(([rs, name]) => filter(rs, name))) {
          const candidates = flags.rule.includes('/') ? names.map(([rs, name]) => `${rs}/${name}`) : names.map(([, name]) => name);
          throw new FatalError(cliText.noSuchRule(flags.rule, closest(flags.rule, new Set(candidates))));
        }
      }
      const plan = planExamples(pack, filter);
      const results = [];
      for (const c of plan.cases) results.push(await c.run());
      for (const r of results) {
        if (r.passed && !flags.verbose) continue;
        const where = `${shownPath(r.span.file)}:${r.span.line}`;
        io.stdout(`${r.passed ? 'ok  ' : 'FAIL'} ${r.ruleset}@${r.version}/${r.rule} (${r.clause}) — ${r.example}  [${where}]\n`);
        if (!r.passed) {
          for (const p of r.problems) io.stdout(`       ${p[flags.lang]}\n`);
          io.stdout(`       expected: ${r.expected}\n       actual:   ${r.actual}\n`);
        }
      }
      io.stdout(notRunText(plan.notRun, flags.lang, (span) => `${shownPath(span.file)}:${span.line}`));
      const s = summarize(results);
      io.stdout(summaryLine(s, flags.lang) + '\n');
      // Rule files that do not compile are a failure too: their examples could not run.
      if (!pack.ok) {
        const n = new Set(pack.diagnostics.filter((d) => d.severity === 'error').map((d) => d.span.file)).size;
        io.stderr({
          en: `${n} file(s) have errors (above); their examples were not run. Fix them, or run \`ereje rules check\`.\n`,
          ru: `в файлах (${n}) есть ошибки (см. выше); их примеры не запускались. Исправьте их или запустите \`ereje rules check\`.\n`,
          kk: `${n} файлда қате бар (жоғарыда); олардың мысалдары іске қосылмады. Түзетіңіз немесе \`ereje rules check\` іске қосыңыз.\n`,
        }[flags.lang]);
      }
      setExit(!pack.ok ? 2 : s.failed > 0 ? 1 : 0);
    });
}
