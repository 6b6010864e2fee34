// `ereje audit <workbook|folder>…`: audit workbooks against the rules in force and write the reports.
// This module defines the command (for `ereje --help` too); audit-command.ts, loaded when it runs, does it.
import { Option, type Command } from 'commander';
import type { Lang } from '../../core/lang.ts';
import { REPORT_FORMATS, type ReportFormat } from '../../report/formats.ts';
import type { CliIO } from '../main.ts';
import { langOption } from '../options.ts';

export interface AuditFlags {
  asOf?: string;
  rules?: string;
  lang: Lang;
  format?: ReportFormat;
  out?: string;
  force?: boolean;
  mapping?: string;
  maxSize: string;
  debug?: boolean;
  baseline?: string;
  explain?: boolean;
  jobs?: string;
}

export function registerAudit(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('audit')
    .description('Audit facility workbooks against the rule versions in force for their period and write the reports. '
      + 'Exit 0: compliant; 1: non-compliant or incomplete; 2: no report.')
    .argument('<workbooks...>', 'workbook .xlsx files, or folders (every .xlsx in a folder)')
    .option('--as-of <date>', 'reference date, 2010-10-31 or 31.10.2010 (default: the last day of each workbook\'s period)')
    .option('--rules <dir>', 'rule directory (default: the rules/ folder of ereje)')
    .addOption(langOption('report language'))
    .addOption(new Option('--format <format>', 'write the report in this format (default: a summary on the terminal)').choices(REPORT_FORMATS))
    .option('--out <path>', 'report file (its extension gives the format); with several workbooks or a folder, a folder for one report per workbook. '
      + 'Never an input file; an existing file is replaced only when it is a report ereje wrote.')
    .option('--force', 'replace existing files at the report paths even when ereje did not write them (never an input file)')
    .option('--mapping <file>', 'JSON file mapping your own sheet and column names to the canonical ones')
    .option('--baseline <path>', 'the JSON report of an earlier audit of the same facility (with several workbooks: a folder of such reports, '
      + 'matched by facility_id): each finding is marked new or persisting, and what the earlier audit found and this one did not is listed as resolved')
    .option('--explain', 'under each finding, the rule\'s conditions with the values the engine compared, and the rule\'s file:line')
    .option('--max-size <mb>', 'largest workbook, and largest unpacked size, in megabytes', '200')
    .option('--jobs <n>', 'with several workbooks, how many to audit at once, each in a thread of its own (default: the number of cores, at most one per 40 workbooks)')
    .option('--debug', 'show stack traces of errors')
    .action(async (args: string[], flags: AuditFlags) => {
      const { runAudit } = await import('../audit-command.ts');
      setExit(await runAudit(args, flags, io));
    });
}
