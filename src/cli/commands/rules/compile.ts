// `ereje rules compile [DIR] --out DIR`: writes each ruleset version's json-rules-engine rules as JSON.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Lang } from '../../../core/lang.ts';
import { defaultRulesDir, ruleFolderProblem } from '../../../rulepack/index.ts';
import { loadPackReporting } from '../../../rulepack/cli-support.ts';
import { writeReportFile } from '../../audit-one.ts';
import { langOption } from '../../options.ts';
import { refuseReplacingForeign } from '../../report-owner.ts';
import { FatalError } from '../../errors.ts';
import type { CliIO } from '../../main.ts';

export function registerRulesCompile(rules: Command, io: CliIO, setExit: (code: number) => void): void {
  rules.command('compile')
    .description('compile the rule files to json-rules-engine JSON, one file per ruleset version')
    .argument('[dir]', 'folder with rule files (default: the bundled rules/)')
    .requiredOption('--out <dir>', 'folder to write <ruleset>@<version>.json into')
    .option('--force', 'replace existing files at those paths even when ereje did not write them')
    .addOption(langOption('language of the messages'))
    .action(async (dirArg: string | undefined, opts: { out: string; lang: Lang; force?: boolean }) => {
      const problem = await ruleFolderProblem(dirArg ?? defaultRulesDir());
      if (problem) throw new FatalError(problem);
      const dir = resolve(dirArg ?? defaultRulesDir());
      // Diagnostics as `rules check` shows them: file:line:col, the source line and a caret.
      const pack = await loadPackReporting(dir, opts.lang, io.stderr);
      // A pack compiles whole or not at all: half a rule pack would audit against half the rules.
      if (!pack.ok || pack.rulesets.length === 0) {
        if (pack.ok) io.stderr(`${dir} holds no ruleset (no .ereje file with a \`ruleset\` block)\n`);
        setExit(2);
        return;
      }
      const targets = pack.rulesets.map((rs) => ({ rs, path: join(opts.out, `${rs.id}@${rs.version}.json`) }));
      // A file there that ereje did not write (one of its own compiled rulesets it may replace) is the
      // user's: every path is checked before anything is written.
      if (opts.force !== true) refuseReplacingForeign(targets.map((t) => t.path));
      for (const { rs, path } of targets) {
        const json = rs.toJson();
        writeReportFile(path, JSON.stringify(json, null, 2) + '\n');
        io.stdout(`${path}: ${rs.rules.length} rules, ${json.rules.length} json-rules-engine rules\n`);
      }
      setExit(0);
    });
}
