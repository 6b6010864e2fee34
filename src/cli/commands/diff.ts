// `ereje diff <earlier.json> <later.json>`: two JSON reports of the same facility compared — the later
// report with every finding marked new or persisting, and what the earlier one found and the later one,
// looking again, did not, as resolved — written in any report format, like `ereje audit --baseline`.
import { statSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { LANGS, type Lang, type Localized } from '../../core/lang.ts';
import { terminalSafe } from '../../core/text.ts';
import { renderReport, renderTerminal, REPORT_FORMATS, reportExitCode, type QuoteMap, type ReportFormat } from '../../report/index.ts';
import { defaultRulesDir } from '../../rulepack/load.ts';
import { loadRulePack, quoteMap } from '../../rulepack/pack.ts';
import { formatFromPath, refuseOverwritingInput, writeFileAtomic } from '../audit-io.ts';
import { followUp, readReportFile } from '../baseline.ts';
import { FatalError } from '../errors.ts';
import type { CliIO } from '../main.ts';
import { cliText } from '../messages.ts';

interface DiffFlags {
  lang?: Lang;
  format?: ReportFormat;
  out?: string;
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
    .option('--out <file>', 'write to this file (its extension gives the format); never one of the two reports')
    .option('--rules <dir>', 'rule directory the Kazakh quotes come from (default: the rules/ folder of ereje)')
    .action(async (earlier: string, later: string, flags: DiffFlags) => {
      setExit(await runDiff(earlier, later, flags, io));
    });
}

async function runDiff(earlierPath: string, laterPath: string, flags: DiffFlags, io: CliIO): Promise<number> {
  const format = chosenFormat(flags);
  if (flags.out !== undefined) refuseOverwritingInput(flags.out, flags.out, [{ path: earlierPath }, { path: laterPath }]);
  if (format === 'xlsx' && flags.out === undefined) throw new FatalError(cliText.xlsxNeedsOut());
  const earlier = readReportFile(earlierPath, earlierPath);
  const later = readReportFile(laterPath, laterPath);
  const lang = flags.lang ?? later.report.lang;
  const warn = (line: Localized) => io.stderr(`ereje: ${terminalSafe(line[lang])}\n`);
  const report = followUp(later.report, earlier, earlierPath, warn);
  const options = { lang, quotes: await quotes(flags.rules) };
  if (flags.out !== undefined) {
    try {
      writeFileAtomic(flags.out, renderReport(report, format ?? 'json', options));
    } catch (err) {
      throw new FatalError(cliText.cannotWrite(flags.out, (err as NodeJS.ErrnoException).code ?? 'error'));
    }
    io.stderr(`ereje: ${terminalSafe(cliText.wrote(flags.out)[lang])}\n`);
  } else if (format !== undefined) {
    io.stdout(renderReport(report, format, options) as string);
  } else {
    io.stdout(renderTerminal(report, options));
  }
  return reportExitCode(report);
}

/** --format, else the --out file's extension; the two must agree. */
function chosenFormat(flags: DiffFlags): ReportFormat | undefined {
  if (flags.out === undefined) return flags.format;
  if (isDirectory(flags.out)) throw new FatalError(cliText.cannotWrite(flags.out, 'EISDIR'));
  const named = formatFromPath(flags.out);
  if (flags.format !== undefined && named !== undefined && named !== flags.format) throw new FatalError(cliText.formatContradicts(flags.format, flags.out, named));
  return flags.format ?? named ?? 'json';
}

function isDirectory(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
}

/** The Kazakh quotes shown under each clause; a rule folder that does not load only leaves them out. */
async function quotes(dir: string | undefined): Promise<QuoteMap> {
  const pack = await loadRulePack(dir ?? defaultRulesDir());
  return pack.ok ? quoteMap(pack) : new Map();
}
