// `ereje diff <earlier.json> <later.json>`: two JSON reports of the same facility compared — the later
// report with every finding marked new or persisting, and what the earlier one found and the later one,
// looking again, did not, as resolved — written in any report format, like `ereje audit --baseline`.
// This module defines the command (for `ereje --help` too); diff-command.ts, loaded when it runs, does it.
import { Option, type Command } from 'commander';
import { LANGS, type Lang } from '../../core/lang.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../report/formats.ts';
import type { CliIO } from '../main.ts';

export interface DiffFlags {
  lang?: Lang;
  format?: ReportFormat;
  out?: string;
  force?: boolean;
  rules?: string;
}

export function registerDiff(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('diff')
    .description('Compare two JSON reports of one facility: the later report with each finding marked new or persisting, and what the earlier '
      + 'report found and the later did not listed as resolved. Exit 0: the later audit is compliant; 1: it is not; 2: no comparison.')
    .argument('<earlier>', 'the earlier JSON report (the baseline)')
    .argument('<later>', 'the later JSON report')
    .addOption(new Option('--lang <lang>', 'language of the headings (default: the later report\'s; messages stay as the reports wrote them)').choices(LANGS))
    .addOption(new Option('--format <format>', 'write the comparison in this format (default: a summary on the terminal)').choices(REPORT_FORMATS))
    .option('--out <file>', 'write to this file (its extension gives the format); never one of the two reports, '
      + 'and an existing file only when it is a report ereje wrote')
    .option('--force', 'replace an existing --out file even when ereje did not write it (never one of the two reports)')
    .option('--rules <dir>', 'rule directory the Kazakh quotes come from (default: the rules/ folder of ereje)')
    .action(async (earlier: string, later: string, flags: DiffFlags) => {
      const { runDiff } = await import('../diff-command.ts');
      setExit(await runDiff(earlier, later, flags, io));
    });
}
